"""JSON API for events: what you go to, whom you expect there, whom you met.

Each endpoint: guard (the API's auth) -> fetch (scoped with ``access_*``) ->
one action call -> respond; errors are mapped once, in ``amity.api``.
"""

from typing import Literal

from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from amity.events import actions, queries
from amity.events.actions import access_event
from amity.events.models import Event
from amity.events.schemas import (
    AttendanceOut,
    EventIn,
    EventOut,
    EventPatch,
    ExpectIn,
    MetIn,
    MetRowOut,
)
from amity.people.actions import access_person
from amity.workspaces.api import PAGINATION_HELP, Pages, current_workspace
from amity.workspaces.schemas import ERRORS_404

router = Router(tags=["events"])


class EventsFilter(Schema):
    when: Literal["upcoming", "past"] | None = Field(
        None, description="upcoming: not over yet, soonest first; past: over, latest first. "
                          "Default: all, latest first.")


@router.get("", response={200: list[EventOut], **ERRORS_404}, summary="List events",
            description=PAGINATION_HELP)
@paginate(Pages)
def list_events(request, filters: Query[EventsFilter]):
    workspace = current_workspace(request)
    today = timezone.localdate()
    if filters.when == "upcoming":
        return queries.upcoming(workspace, today)
    if filters.when == "past":
        return queries.past(workspace, today)
    return Event.objects.in_workspace(workspace).order_by("-starts_on", "-id")


@router.post("", response={201: EventOut, **ERRORS_404}, summary="Add an event")
def create_event(request, payload: EventIn):
    event = actions.create_event(current_workspace(request), **payload.dict())
    return Status(201, event)


@router.get("/{id}", response={200: EventOut, **ERRORS_404}, summary="Get an event")
def get_event(request, id: int):
    return access_event(current_workspace(request), id)


@router.patch("/{id}", response={200: EventOut, **ERRORS_404}, summary="Change an event")
def update_event(request, id: int, payload: EventPatch):
    workspace = current_workspace(request)
    event = access_event(workspace, id)
    return actions.update_event(workspace, event, **payload.dict(exclude_unset=True))


@router.delete("/{id}", response={204: None, **ERRORS_404}, summary="Delete an event",
               description="The people met there, their facts and follow-ups stay.")
def delete_event(request, id: int):
    workspace = current_workspace(request)
    actions.delete_event(workspace, access_event(workspace, id))
    return Status(204, None)


@router.get("/{id}/people", response={200: list[AttendanceOut], **ERRORS_404},
            summary="Who was expected or met there", description="By name. " + PAGINATION_HELP)
@paginate(Pages)
def event_people(request, id: int):
    event = access_event(current_workspace(request), id)
    return event.attendances.select_related("person").order_by("person__display_name", "id")


@router.post("/{id}/expected", response={201: AttendanceOut, **ERRORS_404},
             summary="Expect someone there",
             description="Someone already met there stays met.")
def expect_person(request, id: int, payload: ExpectIn):
    workspace = current_workspace(request)
    event = access_event(workspace, id)
    person = access_person(workspace, payload.person_id)
    return Status(201, actions.expect_person(workspace, event, person))


@router.delete("/{id}/expected/{person_id}", response={204: None, **ERRORS_404},
               summary="No longer expect someone there")
def unexpect_person(request, id: int, person_id: int):
    workspace = current_workspace(request)
    event = access_event(workspace, id)
    actions.unexpect_person(workspace, event, access_person(workspace, person_id))
    return Status(204, None)


@router.post("/{id}/met", response={200: list[MetRowOut], **ERRORS_404},
             summary="Record whom you met there",
             description=(
                 "Quick capture after the event: `entries` (name, organisation, what_matters) "
                 "and/or `lines` (\"Name, organisation, what matters\"). A name that matches "
                 "someone exactly finds them; anyone else is added as a new person, with a "
                 "follow-up a few days after the event. All rows or none: a bad row answers 422 "
                 "naming it, e.g. `[\"body\", \"entries\", 2, \"name\"]` (lines are numbered "
                 "after the entries)."))
def record_met(request, id: int, payload: MetIn):
    workspace = current_workspace(request)
    event = access_event(workspace, id)
    entries = [e.dict() for e in payload.entries] + list(payload.lines)
    return actions.record_met(workspace, event, entries)
