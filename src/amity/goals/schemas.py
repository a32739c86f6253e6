"""API shapes for goals and the focus list."""

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from amity.goals.models import GoalStatus
from amity.people.schemas import DATE_HELP, PersonRef

GoalStatusValue = Literal[tuple(GoalStatus.values)]  # type: ignore[valid-type]


class GoalOut(Schema):
    id: int
    title: str
    description: str
    status: GoalStatusValue
    due_on: date | None
    created_at: datetime


class GoalIn(Schema):
    title: str
    description: str = ""
    due_on: str | None = Field(None, description=DATE_HELP)


class GoalPatch(Schema):
    title: str | None = None
    description: str | None = None
    due_on: str | None = Field(None, description="null or \"\" for none. " + DATE_HELP)
    status: GoalStatusValue | None = Field(None, description="achieved or dropped closes it; "
                                                             "active opens it again.")


class AlignedOut(Schema):
    person: PersonRef
    score: float = Field(description="Higher is better aligned; only the order is meaningful.")
    reasons: list[str] = Field(description='In plain words, e.g. "offers “grant writing”".')


class GoalRef(Schema):
    id: int
    title: str


class FocusOut(Schema):
    person: PersonRef
    goal: GoalRef | None
    stage: str = Field(description="Where the relationship is on the journey.")
    next_action: str
    offer: str = Field(description="What you can offer them: yours, or Amity's idea.")
    offer_suggested: bool = Field(description="True when `offer` is Amity's idea, not yours.")
    added_at: datetime

    @staticmethod
    def resolve_added_at(obj) -> datetime:
        return obj.entry.added_at


class FocusIn(Schema):
    person_id: int
    goal_id: int | None = Field(None, description="An active goal they matter for.")
    offer: str = Field("", description="What you can offer them.")


class FocusPatch(Schema):
    goal_id: int | None = Field(None, description="An active goal, or null for none.")
    offer: str | None = None
