"""API shapes for search: a search answers with person summaries."""

from amity.people.schemas import PersonSummaryOut

__all__ = ["PersonSummaryOut"]
