"""Request and response schemas for the API."""

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from amity.exchange.models import Direction, EntryKind
from amity.people.schemas import PersonRef

DirectionValue = Literal[tuple(Direction.values)]  # type: ignore[valid-type]
KindValue = Literal[tuple(EntryKind.values)]  # type: ignore[valid-type]
DIRECTION_HELP = "to_them: from you to them; from_them: from them to you."
KIND_HELP = ("What it was. An ask is a request, not a gift: to_them means you asked them, "
             "from_them that they asked you.")
WHEN_HELP = "When it happened: an ISO date, today or yesterday (default today); not later."


class LedgerEntryOut(Schema):
    id: int
    person: PersonRef
    direction: DirectionValue = Field(description=DIRECTION_HELP)
    kind: KindValue = Field(description=KIND_HELP)
    description: str
    occurred_on: date
    introduction: int | None = Field(description="The introduction that wrote it, if any.")
    invitation: int | None = Field(description="The invitation that wrote it, if any.")
    created_at: datetime

    @staticmethod
    def resolve_introduction(obj) -> int | None:
        return obj.introduction_id

    @staticmethod
    def resolve_invitation(obj) -> int | None:
        return obj.invitation_id


class LedgerEntryIn(Schema):
    person_id: int = Field(description="The person's id.")
    direction: DirectionValue = Field(description=DIRECTION_HELP)
    kind: KindValue = Field(description=KIND_HELP)
    description: str = Field(description="What was given or asked, e.g. 'shared the "
                                         "funder list'.")
    occurred_on: str | None = Field(None, description=WHEN_HELP)


class LedgerEntryPatch(Schema):
    direction: DirectionValue | None = Field(None, description=DIRECTION_HELP)
    kind: KindValue | None = Field(None, description=KIND_HELP)
    description: str | None = None
    occurred_on: str | None = Field(None, description=WHEN_HELP)


class BalanceOut(Schema):
    person: PersonRef
    given: int = Field(description="Gifts from you to them (asks not counted).")
    received: int = Field(description="Gifts from them to you.")
    asks_made: int = Field(description="Times you asked them for something.")
    asks_received: int = Field(description="Times they asked you.")
    net: int = Field(description="given - received.")
    last_given: LedgerEntryOut | None = Field(description="Your latest gift to them.")
    last_given_line: str = Field(description="When you last gave to them, in words: "
                                             "read it before you ask.")
