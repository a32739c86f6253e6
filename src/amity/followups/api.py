"""JSON API for follow-ups: the concrete next steps, with their due dates.

Each endpoint: guard (the API's auth) -> fetch (scoped with ``access_*``) ->
one action call -> respond; errors are mapped once, in ``amity.api``.
"""

from typing import Literal

from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from amity.conversations.actions import access_conversation
from amity.followups import actions
from amity.followups.actions import access_follow_up
from amity.followups.models import FollowUp
from amity.followups.schemas import (
    FollowUpIn,
    FollowUpOut,
    FollowUpPatch,
    RescheduleIn,
    SnoozeIn,
)
from amity.people.actions import access_person
from amity.workspaces.api import PAGINATION_HELP, Pages, current_workspace
from amity.workspaces.schemas import ERRORS_404

router = Router(tags=["follow-ups"])


class FollowUpsFilter(Schema):
    status: Literal["open", "done", "overdue"] | None = Field(
        None, description="open: not done; done; overdue: not done and due before today. "
                          "Default: all.")
    person: int | None = Field(None, description="Only this person's follow-ups.")


@router.get("", response={200: list[FollowUpOut], **ERRORS_404}, summary="List follow-ups",
            description="By due date, oldest first. " + PAGINATION_HELP)
@paginate(Pages)
def list_follow_ups(request, filters: Query[FollowUpsFilter]):
    workspace = current_workspace(request)
    follow_ups = FollowUp.objects.in_workspace(workspace)
    if filters.status in ("open", "overdue"):
        follow_ups = follow_ups.filter(done_at__isnull=True)
    if filters.status == "overdue":
        follow_ups = follow_ups.filter(due_on__lt=timezone.localdate())
    if filters.status == "done":
        follow_ups = follow_ups.filter(done_at__isnull=False)
    if filters.person is not None:
        follow_ups = follow_ups.filter(person=access_person(workspace, filters.person))
    return follow_ups.select_related("person").order_by("due_on", "id")


@router.post("", response={201: FollowUpOut, **ERRORS_404}, summary="Add a follow-up",
             description="`person` (and `conversation`, if given) are ids in your workspace.")
def create_follow_up(request, payload: FollowUpIn):
    workspace = current_workspace(request)
    person = access_person(workspace, payload.person)
    conversation = (access_conversation(workspace, payload.conversation)
                    if payload.conversation is not None else None)
    follow_up = actions.create_follow_up(workspace, person, conversation=conversation,
                                         action=payload.action, due_on=payload.due_on)
    return Status(201, follow_up)


@router.get("/{id}", response={200: FollowUpOut, **ERRORS_404}, summary="Get a follow-up")
def get_follow_up(request, id: int):
    return access_follow_up(current_workspace(request), id)


@router.patch("/{id}", response={200: FollowUpOut, **ERRORS_404}, summary="Change a follow-up")
def update_follow_up(request, id: int, payload: FollowUpPatch):
    workspace = current_workspace(request)
    follow_up = access_follow_up(workspace, id)
    return actions.update_follow_up(workspace, follow_up, **payload.dict(exclude_unset=True))


@router.delete("/{id}", response={204: None, **ERRORS_404}, summary="Delete a follow-up")
def delete_follow_up(request, id: int):
    workspace = current_workspace(request)
    actions.delete_follow_up(workspace, access_follow_up(workspace, id))
    return Status(204, None)


@router.post("/{id}/complete", response={200: FollowUpOut, **ERRORS_404},
             summary="Mark a follow-up done")
def complete_follow_up(request, id: int):
    workspace = current_workspace(request)
    return actions.complete_follow_up(workspace, access_follow_up(workspace, id))


@router.post("/{id}/reopen", response={200: FollowUpOut, **ERRORS_404},
             summary="Mark a done follow-up as not done")
def reopen_follow_up(request, id: int):
    workspace = current_workspace(request)
    return actions.reopen_follow_up(workspace, access_follow_up(workspace, id))


@router.post("/{id}/snooze", response={200: FollowUpOut, **ERRORS_404},
             summary="Snooze a follow-up", description='Body: `{"days": 3}`.')
def snooze_follow_up(request, id: int, payload: SnoozeIn):
    workspace = current_workspace(request)
    follow_up = access_follow_up(workspace, id)
    return actions.snooze_follow_up(workspace, follow_up, days=payload.days)


@router.post("/{id}/reschedule", response={200: FollowUpOut, **ERRORS_404},
             summary="Give a follow-up a new due date", description='Body: `{"due_on": "+7d"}`.')
def reschedule_follow_up(request, id: int, payload: RescheduleIn):
    workspace = current_workspace(request)
    follow_up = access_follow_up(workspace, id)
    return actions.reschedule_follow_up(workspace, follow_up, payload.due_on)

