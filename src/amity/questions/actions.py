"""Every write to the question bank, and asking a question of someone.

One transaction each; the web views, the API and the CLI call these. Questions
are never deleted, only retired: a retired curated question stays in the bank
(hidden), so ``ensure_bank`` knows not to bring it back.
"""

from datetime import date

from django.db import transaction
from django.utils import timezone

from amity.errors import Invalid, NotFound
from amity.journey.stages import Stage
from amity.parsing import clean_text, fold, parse_date
from amity.people.models import FactKind
from amity.questions.curated import CURATED
from amity.questions.models import AskedQuestion, Purpose, Question
from amity.workspaces.scoping import get_in_workspace

QUESTION_LIMIT = 300
FACT_TEXT_LIMIT = 500      # Fact.text
ANSWER_LIMIT = 5_000       # an answer that is not kept as a fact
NO_FACT_WORDS = {"", "none", "no", "no fact", "not a fact", "-"}


def access_question(workspace, pk) -> Question:
    return get_in_workspace(Question.objects, workspace, pk, "question")


# -- the curated bank -----------------------------------------------------------------

def ensure_bank(workspace) -> int:
    """Copy the curated questions this workspace does not have yet; return how many.

    Idempotent and cheap (one query when nothing is missing). A curated question
    the user edited or retired keeps its key, so it is neither overwritten nor
    added again.
    """
    have = set(Question.objects.in_workspace(workspace).exclude(builtin_key="")
               .values_list("builtin_key", flat=True))
    missing = [c for c in CURATED if c.key not in have]
    if missing:
        with transaction.atomic():
            # ignore_conflicts: two first requests at once must not fail on the unique key.
            Question.objects.bulk_create(
                [Question(workspace=workspace, text=c.text, stage=c.stage, purpose=c.purpose,
                          fact_kind=c.fact_kind, builtin_key=c.key) for c in missing],
                ignore_conflicts=True)
    return len(missing)


# -- cleaning ---------------------------------------------------------------------------

def _choice(value, choices, *, blank_words=()) -> str | None:
    """The choice's value for a value or a label in any case, "" for a blank word, else None."""
    folded = fold(str(value or "")).strip()
    if folded in blank_words:
        return ""
    lookup = {}
    for key, label in choices:
        lookup[fold(key)] = key
        lookup[fold(key).replace("_", " ")] = key
        lookup[fold(label)] = key
    return lookup.get(folded)


def clean_stage(value) -> str:
    stage = _choice(value, Stage.choices, blank_words={"", "any", "any stage"})
    if stage is None:
        raise Invalid(field="stage", message=f"The question's stage {value!r} is not a stage "
                      f"(one of: any, {', '.join(Stage.values)}).")
    return stage


def clean_purpose(value) -> str:
    purpose = _choice(value, Purpose.choices)
    if not purpose:
        raise Invalid(field="purpose", message=f"The question's purpose {value!r} is not one of: "
                      f"{', '.join(Purpose.values)}.")
    return purpose


def clean_fact_kind(value, field: str = "fact_kind") -> str:
    """A fact kind, or "" for "not kept as a fact"."""
    kind = _choice(value, FactKind.choices, blank_words=NO_FACT_WORDS)
    if kind is None:
        raise Invalid(field=field, message=f"{value!r} is not a kind of fact (one of: "
                      f"{', '.join(FactKind.values)}, or none).")
    return kind


def _clean(workspace, data: dict, *, creating: bool, question: Question | None = None) -> dict:
    clean, errors = {}, {}
    steps = {
        "text": lambda v: clean_text("text", v, limit=QUESTION_LIMIT, required=True,
                                     label="question"),
        "purpose": clean_purpose,
        "stage": clean_stage,
        "fact_kind": clean_fact_kind,
    }
    for field, step in steps.items():
        if field in data or (creating and field in ("text", "purpose")):
            try:
                clean[field] = step(data.get(field))
            except Invalid as exc:
                errors.update(exc.errors)
    if "text" in clean and (twin := _twin(workspace, clean["text"], question)):
        errors["text"] = f"The bank already has this question (#{twin.pk})."
    if errors:
        raise Invalid(errors)
    return clean


def _twin(workspace, text: str, question: Question | None) -> Question | None:
    """Another active question with the same words. Compared in Python: a bank
    holds dozens of questions, and SQLite's iexact folds ASCII only."""
    wanted = fold(text).strip()
    others = Question.objects.in_workspace(workspace).filter(retired_at__isnull=True)
    if question is not None:
        others = others.exclude(pk=question.pk)
    return next((q for q in others if fold(q.text).strip() == wanted), None)


# -- the bank -------------------------------------------------------------------------

@transaction.atomic
def create_question(workspace, **data) -> Question:
    """``text`` and ``purpose`` are required; ``stage`` ("" = any) and ``fact_kind`` optional."""
    return Question.objects.create(workspace=workspace, **_clean(workspace, data, creating=True))


@transaction.atomic
def update_question(workspace, question: Question, **data) -> Question:
    for field, value in _clean(workspace, data, creating=False, question=question).items():
        setattr(question, field, value)
    question.save()
    return question


@transaction.atomic
def retire_question(workspace, question: Question) -> Question:
    """Hide it from the bank and the suggestions; what was asked with it is kept."""
    if question.retired_at is None:
        question.retired_at = timezone.now()
        question.save(update_fields=["retired_at"])
    return question


@transaction.atomic
def restore_question(workspace, question: Question) -> Question:
    if question.retired_at is not None:
        if twin := _twin(workspace, question.text, question):
            raise Invalid(field="text", message=f"The bank already has this question "
                                                f"(#{twin.pk}); edit that one instead.")
        question.retired_at = None
        question.save(update_fields=["retired_at"])
    return question


# -- asking -----------------------------------------------------------------------------

@transaction.atomic
def ask_question(workspace, person, question: Question, answer: str = "",
                 fact_kind: str | None = None, asked_on: str | date | None = None
                 ) -> AskedQuestion:
    """Mark ``question`` asked of ``person`` and keep the answer as a fact: one step.

    ``fact_kind``: ``None`` uses the question's usual kind when there is an
    answer; ``""`` (or "none") keeps no fact. Choosing a kind explicitly with no
    answer is refused: there would be nothing to keep.
    """
    from amity.people.actions import add_fact

    if person.workspace_id != workspace.pk:
        raise NotFound("person", f"#{person.pk}")
    if question.workspace_id != workspace.pk:
        raise NotFound("question", f"#{question.pk}")
    explicit = fact_kind is not None
    kind = clean_fact_kind(fact_kind) if explicit else question.fact_kind
    text = clean_text("answer", answer, limit=FACT_TEXT_LIMIT if kind else ANSWER_LIMIT,
                      label="answer")
    if kind and not text:
        if explicit:
            raise Invalid(field="answer", message=(
                f"Write {person.display_name}'s answer to keep it as a "
                f"{FactKind(kind).label.lower()}, or choose not to keep a fact."))
        kind = ""  # asked, with nothing to note yet
    day = parse_date(asked_on, "asked_on") or timezone.localdate()
    fact = None
    if kind:
        try:
            fact = add_fact(workspace, person, kind=kind, text=text, learned_on=day)
        except Invalid as exc:
            raise Invalid({"answer" if k == "text" else k: v
                           for k, v in exc.errors.items()}) from None
    return AskedQuestion.objects.create(workspace=workspace, question=question, person=person,
                                        asked_on=day, answer=text, fact=fact)
