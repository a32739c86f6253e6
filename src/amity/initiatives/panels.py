"""What this app adds to the person page and to the agenda (wired in people/agenda views).

Each function returns a template context dict, or None to show nothing. A few
bounded queries each: the pages they sit on must stay fast at 100,000 people.
"""

from datetime import timedelta

from django.utils import timezone

from amity.initiatives.actions import NO_ANSWER_AFTER_DAYS
from amity.initiatives.models import Initiative, InitiativeStatus, Invitation, InvitationStatus

SHOWN = 10
AGENDA_SHOWN = 5


def person_panel(request, person) -> dict | None:
    """Their invitations, the initiatives they take part in, and open ones to invite them to."""
    invitations = list(person.invitations.select_related("initiative")
                       .order_by("-created_at", "-id")[:SHOWN])
    taking_part = list(person.participations_in_initiatives.select_related("initiative")
                       .order_by("-joined_on", "-id")[:SHOWN])
    involved = {i.initiative_id for i in invitations} | {p.initiative_id for p in taking_part}
    open_ones = [] if person.archived_at else [
        i for i in Initiative.objects.in_workspace(request.workspace)
        .exclude(status=InitiativeStatus.CLOSED).order_by("name", "id")[:SHOWN + len(involved)]
        if i.pk not in involved][:SHOWN]
    if not (invitations or taking_part or open_ones):
        return None
    return {"person": person, "invitations": invitations, "taking_part": taking_part,
            "open_initiatives": open_ones}


def agenda_panel(request) -> dict | None:
    """Invitations sent more than a week ago that still have no answer (the oldest first)."""
    today = timezone.localdate()
    waiting = list(Invitation.objects.in_workspace(request.workspace)
                   .filter(status=InvitationStatus.SENT,
                           sent_on__lt=today - timedelta(days=NO_ANSWER_AFTER_DAYS))
                   .select_related("person", "initiative")
                   .order_by("sent_on", "id")[:AGENDA_SHOWN])
    if not waiting:
        return None
    for invitation in waiting:
        invitation.waiting_days = (today - invitation.sent_on).days
    return {"waiting": waiting}
