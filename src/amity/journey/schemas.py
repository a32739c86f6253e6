"""Request and response schemas for the API."""

from datetime import datetime
from typing import Literal

from ninja import Field, Schema

from amity.journey.stages import ORDER
from amity.people.schemas import PersonRef

StageValue = Literal[tuple(ORDER)]  # type: ignore[valid-type]
STAGES_HELP = "In order: " + ", ".join(ORDER) + "."


class JourneyOut(Schema):
    person: PersonRef
    stage: StageValue = Field(description="The stage shown: the pinned one when pinned. "
                                          + STAGES_HELP)
    stage_label: str
    derived: StageValue = Field(description="The stage the evidence gives, even when pinned.")
    pinned: bool
    pinned_at: datetime | None
    evidence: list[str] = Field(description="Why this stage, in plain words.")
    next_action: str = Field(description="The next best action, one sentence.")


class PinIn(Schema):
    stage: str = Field(description="The stage to pin. " + STAGES_HELP,
                       examples=["connected"])
