"""What events add to the person page and to the agenda (wired in people/agenda views).

Each function returns a template context dict, or None to show nothing.
"""

from django.utils import timezone

from amity.events import queries


def person_panel(request, person) -> dict | None:
    """The events where you expected to see them or met them, latest first."""
    attendances = queries.person_attendances(person)
    if not attendances:
        return None
    return {"person": person, "attendances": attendances}


def agenda_panel(request) -> dict | None:
    """After an event: "You met N new people at ... follow up within a few days"."""
    prompts = queries.follow_up_prompts(request.workspace, timezone.localdate())
    if not prompts:
        return None
    return {"prompts": prompts, "days": queries.PROMPT_DAYS}
