"""API shapes for the question bank and for asking a question."""

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from amity.journey.stages import Stage
from amity.people.models import FactKind
from amity.people.schemas import DATE_HELP, FactKindValue, PersonRef
from amity.questions.models import Purpose

PurposeValue = Literal[tuple(Purpose.values)]  # type: ignore[valid-type]
StageValue = Literal[tuple(Stage.values)]  # type: ignore[valid-type]
StageOrAny = Literal[("", *Stage.values)]  # type: ignore[valid-type]
KindOrNone = Literal[("", *FactKind.values)]  # type: ignore[valid-type]

STAGE_HELP = 'The journey stage it fits best; "" for any stage.'
KIND_HELP = 'The kind of fact an answer usually becomes; "" when it is not kept as a fact.'


class QuestionOut(Schema):
    id: int
    text: str
    purpose: PurposeValue
    stage: StageOrAny = Field(description=STAGE_HELP)
    fact_kind: KindOrNone = Field(description=KIND_HELP)
    builtin: bool = Field(description="One of Amity's curated questions (perhaps edited).")
    retired: bool
    retired_at: datetime | None
    created_at: datetime

    @staticmethod
    def resolve_builtin(obj) -> bool:
        return bool(obj.builtin_key)

    @staticmethod
    def resolve_retired(obj) -> bool:
        return obj.retired_at is not None


class SuggestedQuestionOut(QuestionOut):
    reason: str = Field(description="Why it is suggested, in plain words.")


class QuestionIn(Schema):
    text: str = Field(description="An open question, at most 300 characters.")
    purpose: str = Field(description="getting_to_know, discovering_needs, deepening or "
                                     "reflecting.")
    stage: str = Field("", description=STAGE_HELP)
    fact_kind: str = Field("", description=KIND_HELP)


class QuestionPatch(Schema):
    text: str | None = None
    purpose: str | None = None
    stage: str | None = Field(None, description=STAGE_HELP)
    fact_kind: str | None = Field(None, description=KIND_HELP)


class AskIn(Schema):
    person_id: int = Field(description="Whom you asked.")
    question_id: int = Field(description="The question you asked.")
    answer: str = Field("", description="What they said; kept as a fact when there is a kind.")
    fact_kind: str | None = Field(
        None, description='The kind of fact to keep the answer as. Null: the question\'s usual '
                          'kind; "" or "none": keep no fact. A kind with an empty answer is '
                          "refused (422).")
    asked_on: str | None = Field(None, description=DATE_HELP + " Default: today.")


class AskedFactOut(Schema):
    id: int
    kind: FactKindValue
    text: str
    learned_on: date


class AskedOut(Schema):
    id: int
    person: PersonRef
    question: QuestionOut
    asked_on: date
    answer: str
    fact: AskedFactOut | None = Field(description="The fact the answer was kept as, if any.")
