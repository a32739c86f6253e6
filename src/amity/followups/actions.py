"""Every write to follow-ups."""

from django.db import transaction
from django.utils import timezone

from amity.errors import Invalid, NotFound
from amity.followups.models import FollowUp
from amity.parsing import clean_text, parse_date
from amity.workspaces.scoping import get_in_workspace


def access_follow_up(workspace, pk) -> FollowUp:
    return get_in_workspace(FollowUp.objects, workspace, pk, "follow-up")


def _clean(data: dict, *, creating: bool) -> dict:
    clean, errors = {}, {}
    if creating or "action" in data:
        try:
            clean["action"] = clean_text("action", data.get("action"), limit=300, required=True,
                                         label="next step")
        except Invalid as exc:
            errors.update(exc.errors)
    if creating or "due_on" in data:
        try:
            due = parse_date(data.get("due_on"), "due_on")
            if due is None:
                raise Invalid(field="due_on", message="A follow-up needs a due date.")
            clean["due_on"] = due
        except Invalid as exc:
            errors.update(exc.errors)
    if errors:
        raise Invalid(errors)
    return clean


@transaction.atomic
def create_follow_up(workspace, person, *, conversation=None, **data) -> FollowUp:
    if person.workspace_id != workspace.pk:
        raise NotFound("person", f"#{person.pk}")
    if conversation is not None and conversation.workspace_id != workspace.pk:
        raise NotFound("conversation", f"#{conversation.pk}")
    return FollowUp.objects.create(workspace=workspace, person=person, conversation=conversation,
                                   **_clean(data, creating=True))


@transaction.atomic
def update_follow_up(workspace, follow_up: FollowUp, **data) -> FollowUp:
    for field, value in _clean(data, creating=False).items():
        setattr(follow_up, field, value)
    follow_up.save()
    return follow_up


@transaction.atomic
def complete_follow_up(workspace, follow_up: FollowUp) -> FollowUp:
    follow_up.complete()
    return follow_up


@transaction.atomic
def reopen_follow_up(workspace, follow_up: FollowUp) -> FollowUp:
    follow_up.reopen()
    return follow_up


@transaction.atomic
def snooze_follow_up(workspace, follow_up: FollowUp, days: int = 1) -> FollowUp:
    try:
        days = int(days)
    except (TypeError, ValueError):
        raise Invalid(field="days", message=f"{days!r} is not a number of days.") from None
    if not 1 <= days <= 365:
        raise Invalid(field="days", message="Snooze for 1 to 365 days.")
    follow_up.snooze(days, today=timezone.localdate())
    return follow_up


@transaction.atomic
def reschedule_follow_up(workspace, follow_up: FollowUp, due_on) -> FollowUp:
    follow_up.reschedule(_clean({"due_on": due_on}, creating=False)["due_on"])
    return follow_up


@transaction.atomic
def delete_follow_up(workspace, follow_up: FollowUp) -> None:
    follow_up.delete()
