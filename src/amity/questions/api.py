"""JSON API for the question bank, and for asking a question of someone.

Each endpoint: guard (the API's auth) -> fetch (scoped with ``access_*``) ->
one action call -> respond; errors are mapped once, in ``amity.api``. The
fixed paths (/ask, /asked, /suggested) are declared before /{id}.
"""

from typing import Literal

from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from amity.journey.assess import assess_one
from amity.people.actions import access_person
from amity.questions import actions
from amity.questions.actions import access_question, ensure_bank
from amity.questions.models import AskedQuestion, Question
from amity.questions.queries import suggest_questions
from amity.questions.schemas import (
    AskedOut,
    AskIn,
    PurposeValue,
    QuestionIn,
    QuestionOut,
    QuestionPatch,
    StageValue,
    SuggestedQuestionOut,
)
from amity.workspaces.api import PAGINATION_HELP, Pages, current_workspace
from amity.workspaces.schemas import ERRORS, ERRORS_404

router = Router(tags=["questions"])


class QuestionsFilter(Schema):
    status: Literal["active", "retired", "all"] = Field(
        "active", description="active (default): in use; retired; all.")
    purpose: PurposeValue | None = Field(None, description="Only questions for this purpose.")
    stage: StageValue | None = Field(None, description="Only questions that fit this stage "
                                                       "(written for it, or for any stage).")


@router.get("", response={200: list[QuestionOut], **ERRORS}, summary="List the question bank",
            description="By purpose, then in the order they were added. The curated questions "
                        "are copied into your workspace on first read. " + PAGINATION_HELP)
@paginate(Pages)
def list_questions(request, filters: Query[QuestionsFilter]):
    workspace = current_workspace(request)
    ensure_bank(workspace)
    questions = Question.objects.in_workspace(workspace)
    if filters.status != "all":
        questions = questions.filter(retired_at__isnull=filters.status == "active")
    if filters.purpose:
        questions = questions.filter(purpose=filters.purpose)
    if filters.stage:
        questions = questions.filter(stage__in=[filters.stage, ""])
    return questions.order_by("purpose", "id")


@router.post("", response={201: QuestionOut, **ERRORS}, summary="Add a question to the bank")
def create_question(request, payload: QuestionIn):
    workspace = current_workspace(request)
    return Status(201, actions.create_question(workspace, **payload.dict()))


@router.post("/ask", response={201: AskedOut, **ERRORS_404},
             summary="Mark a question asked, keeping the answer as a fact",
             description="One step: the question is marked asked of the person and their "
                         "answer becomes a fact of the given kind (or the question's usual "
                         "kind). Both ids must be in your workspace.")
def ask_question(request, payload: AskIn):
    workspace = current_workspace(request)
    person = access_person(workspace, payload.person_id)
    question = access_question(workspace, payload.question_id)
    asked = actions.ask_question(workspace, person, question, answer=payload.answer,
                                 fact_kind=payload.fact_kind, asked_on=payload.asked_on)
    return Status(201, asked)


class AskedFilter(Schema):
    person: int | None = Field(None, description="Only what was asked of this person.")


@router.get("/asked", response={200: list[AskedOut], **ERRORS_404},
            summary="List questions asked, with the answers",
            description="Newest first. " + PAGINATION_HELP)
@paginate(Pages)
def list_asked(request, filters: Query[AskedFilter]):
    workspace = current_workspace(request)
    asked = AskedQuestion.objects.in_workspace(workspace)
    if filters.person is not None:
        asked = asked.filter(person=access_person(workspace, filters.person))
    return asked.select_related("person", "question", "fact").order_by("-asked_on", "-id")


class SuggestedFilter(Schema):
    person: int = Field(description="The person you are about to talk with.")
    limit: int = Field(3, ge=1, le=20)


@router.get("/suggested", response={200: list[SuggestedQuestionOut], **ERRORS_404},
            summary="Questions to ask someone next",
            description="Questions that fit the person's journey stage (or any stage) and that "
                        "you have not asked them yet, best first.")
def suggested_questions(request, filters: Query[SuggestedFilter]):
    workspace = current_workspace(request)
    person = access_person(workspace, filters.person)
    stage = assess_one(workspace, person).stage
    return suggest_questions(workspace, person, stage, limit=filters.limit)


@router.get("/{id}", response={200: QuestionOut, **ERRORS_404}, summary="Get a question")
def get_question(request, id: int):
    return access_question(current_workspace(request), id)


@router.patch("/{id}", response={200: QuestionOut, **ERRORS_404}, summary="Change a question",
              description="Only the fields sent are changed. Curated questions can be edited "
                          "too; your wording is kept.")
def update_question(request, id: int, payload: QuestionPatch):
    workspace = current_workspace(request)
    question = access_question(workspace, id)
    return actions.update_question(workspace, question, **payload.dict(exclude_unset=True))


@router.delete("/{id}", response={200: QuestionOut, **ERRORS_404},
               summary="Retire a question",
               description="Questions are retired, not erased: no longer suggested, kept with "
                           "what was asked. POST /{id}/restore brings one back.")
def retire_question(request, id: int):
    workspace = current_workspace(request)
    return actions.retire_question(workspace, access_question(workspace, id))


@router.post("/{id}/restore", response={200: QuestionOut, **ERRORS_404},
             summary="Bring a retired question back")
def restore_question(request, id: int):
    workspace = current_workspace(request)
    return actions.restore_question(workspace, access_question(workspace, id))
