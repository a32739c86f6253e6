"""Web forms."""
