"""API shapes for the connector: suggestions, introductions, relationships, warm paths."""

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from amity.connector import workflow
from amity.connector.models import IntroStatus, RelationshipKind
from amity.people.schemas import PersonRef

StatusValue = Literal[tuple(IntroStatus.values)]  # type: ignore[valid-type]
KindValue = Literal[tuple(RelationshipKind.values)]  # type: ignore[valid-type]
STEP_HELP = ("One of: " + ", ".join(workflow.STEP_NAMES) + " (hyphens or underscores). "
             "The forward steps must come in order: asked-a, a-agreed, asked-b, b-agreed, "
             "introduced; declined stops an introduction under way; met, helped and nothing "
             "record the outcome of one that was made.")


class SuggestionOut(Schema):
    person_a: PersonRef = Field(description="With ?person=, that person.")
    person_b: PersonRef
    score: float = Field(description="Higher is a better fit; only comparable within one answer.")
    reason: str = Field(description="Why they should meet, in plain language.")


class StepOut(Schema):
    status: StatusValue
    note: str
    happened_at: datetime


class IntroductionOut(Schema):
    id: int
    person_a: PersonRef = Field(description="Asked first.")
    person_b: PersonRef = Field(description="Asked once the first person agreed.")
    status: StatusValue
    outcome: Literal["", "met", "helped", "nothing"] = Field(description="\"\" until recorded.")
    reason: str
    message: str = Field(description="The drafted introduction to send.")
    declined_by: Literal["", "a", "b", "me"]
    next_steps: list[str] = Field(description="The steps this introduction can take now.")
    follow_up: int | None = Field(description="The follow-up that moves it on, if any.")
    introduced_on: date | None
    outcome_on: date | None
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_next_steps(obj) -> list[str]:
        if obj.status == IntroStatus.INTRODUCED:
            return [o for o in workflow.OUTCOMES if o != obj.outcome]
        return [workflow.step_name(s) for s in workflow.NEXT.get(obj.status, ())]

    @staticmethod
    def resolve_follow_up(obj) -> int | None:
        return obj.follow_up_id


class IntroductionDetailOut(IntroductionOut):
    steps: list[StepOut] = Field(description="Every step taken, oldest first.")

    @staticmethod
    def resolve_steps(obj) -> list:
        return list(obj.steps.order_by("happened_at", "id"))


class IntroductionIn(Schema):
    person_a: int = Field(description="The person asked first (an id in your workspace).")
    person_b: int = Field(description="The person asked second.")
    reason: str = Field("", description="Why they should meet; empty: from their facts.")
    message: str | None = Field(None, description="The introduction to send; null: drafted "
                                                  "from their facts.")
    create_follow_up: bool = Field(True, description="Add the follow-up that moves it on.")


class StepIn(Schema):
    step: str = Field(description=STEP_HELP)
    note: str = Field("", description="Up to 300 characters.")
    create_follow_up: bool = Field(True, description="Add the follow-up that moves it on.")


class DeclineIn(Schema):
    by: Literal["a", "b", "me"] = Field("me", description="a: the first person, b: the "
                                                          "second, me: you.")
    note: str = ""


class OutcomeIn(Schema):
    outcome: Literal["met", "helped", "nothing"]
    note: str = ""


class RelationshipOut(Schema):
    id: int
    person: PersonRef = Field(description="The one with the lower id.")
    other: PersonRef
    kind: KindValue
    strength: int = Field(description="1 acquaintances, 2 know each other, 3 close.")
    notes: str
    introduction: int | None = Field(description="The introduction that made it, if any.")
    created_at: datetime

    @staticmethod
    def resolve_introduction(obj) -> int | None:
        return obj.introduction_id


class RelationshipIn(Schema):
    person: int = Field(description="A person's id.")
    other: int = Field(description="The other person's id.")
    kind: str = Field(RelationshipKind.KNOWS, description="One of: "
                      + ", ".join(RelationshipKind.values) + ".")
    strength: int = Field(2, description="1 acquaintances, 2 know each other, 3 close.")
    notes: str = ""


class PathOut(Schema):
    people: list[PersonRef] = Field(description="Your first contact, ..., the person you want "
                                                "to reach.")
    hops: int = Field(description="Links from you: 1 means you know them yourself.")
    strength: float = Field(description="0 to 1: the product of the links' strengths.")
    label: Literal["strong", "good", "weak"]
    explanation: str
