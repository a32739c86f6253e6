"""Request and response schemas for the API."""
