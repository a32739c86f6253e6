"""Web views."""
