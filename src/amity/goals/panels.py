"""What goals add to the person page and to the agenda (wired in people/agenda views).

Each function returns a template context dict, or None to show nothing.
"""

from amity.goals import queries
from amity.goals.actions import FULL_MESSAGE
from amity.goals.models import FOCUS_LIMIT, FocusEntry


def person_panel(request, person) -> dict | None:
    """"In your focus list" with a remove button, or an "Add to focus" form
    (disabled, with the reason, when it cannot be done)."""
    workspace = request.workspace
    entries = list(FocusEntry.objects.in_workspace(workspace).select_related("person", "goal")
                   .order_by("added_at", "id")[:FOCUS_LIMIT + 1])
    mine = next((e for e in entries if e.person_id == person.pk), None)
    refused = ""
    if mine is None:
        if person.archived_at is not None:
            refused = "Archived people cannot be in your focus list."
        elif len(entries) >= FOCUS_LIMIT:
            names = ", ".join(e.person.display_name for e in entries)
            refused = f"{FULL_MESSAGE} (It holds {names}.)"
    return {
        "person": person,
        "entry": mine,
        "refused": refused,
        "goals": list(queries.active_goals(workspace)[:50]) if mine is None else [],
        "count": len(entries),
        "limit": FOCUS_LIMIT,
    }


def agenda_panel(request) -> dict | None:
    """The focus list, first on the agenda: who, their stage, the next step, what to offer."""
    items = queries.focus_list(request.workspace)
    return {"items": items, "limit": FOCUS_LIMIT}
