"""API shapes for events and who was there."""

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from amity.events.models import EventKind
from amity.people.schemas import DATE_HELP, PersonRef

EventKindValue = Literal[tuple(EventKind.values)]  # type: ignore[valid-type]


class EventOut(Schema):
    id: int
    name: str
    kind: EventKindValue
    starts_on: date
    ends_on: date | None = Field(description="The last day, for an event of several days.")
    place: str
    url: str
    notes: str
    created_at: datetime


class EventIn(Schema):
    name: str
    starts_on: str = Field(description=DATE_HELP)
    ends_on: str | None = Field(None, description="The last day. " + DATE_HELP)
    kind: EventKindValue = "meetup"
    place: str = ""
    url: str = ""
    notes: str = ""


class EventPatch(Schema):
    name: str | None = None
    starts_on: str | None = Field(None, description=DATE_HELP)
    ends_on: str | None = Field(None, description="The last day; null or \"\" for none.")
    kind: EventKindValue | None = None
    place: str | None = None
    url: str | None = None
    notes: str | None = None


class AttendanceOut(Schema):
    person: PersonRef
    status: Literal["expected", "met"]
    is_new: bool = Field(description="First added to Amity when you met them at this event.")


class ExpectIn(Schema):
    person_id: int = Field(description="Someone in your workspace you expect to see there.")


class MetEntryIn(Schema):
    name: str = Field(description="Their name; an exact match (accents and case aside) finds "
                                  "someone already in Amity, or write #12 for an id.")
    organisation: str = ""
    what_matters: str = Field("", description='What matters to them: "needs: ...", '
                                              '"offers: ...", "goal: ...", else an interest; '
                                              'several separated by ";".')


class MetIn(Schema):
    entries: list[MetEntryIn] = Field(default_factory=list)
    lines: list[str] = Field(default_factory=list, description=(
        'The same rows as text, "Name, organisation, what matters" each (after entries).'))


class MetRowOut(Schema):
    row: int = Field(description="The row's number, from 1.")
    person: PersonRef
    created: bool = Field(description="A new person, added now.")
    already_met: bool = Field(description="Already recorded as met at this event.")
    organisation: str | None
    facts: list[str] = Field(description='What was noted, e.g. "need: a grant writer".')
    follow_up: int | None = Field(description="The follow-up created for a new person.")
    follow_up_due_on: date | None

    @staticmethod
    def resolve_organisation(obj) -> str | None:
        return obj.organisation.name if obj.organisation else None

    @staticmethod
    def resolve_facts(obj) -> list[str]:
        return [f"{f.kind}: {f.text}" for f in obj.facts]

    @staticmethod
    def resolve_follow_up(obj) -> int | None:
        return obj.follow_up.pk if obj.follow_up else None

    @staticmethod
    def resolve_follow_up_due_on(obj) -> date | None:
        return obj.follow_up.due_on if obj.follow_up else None
