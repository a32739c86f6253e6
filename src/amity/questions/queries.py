"""Reading the question bank: what to ask someone next, and what was asked before.

``suggest_questions`` is a fixed handful of queries whatever the size of the
network: the bank is one workspace's few dozen questions, and what is known
about the person is read from their own rows only.
"""

from amity.journey.stages import Stage
from amity.people.models import FactKind
from amity.questions.actions import ensure_bank
from amity.questions.models import AskedQuestion, Purpose, Question

KNOW, NEEDS = Purpose.GETTING_TO_KNOW, Purpose.DISCOVERING_NEEDS
DEEPEN, REFLECT = Purpose.DEEPENING, Purpose.REFLECTING

# Which purposes fit each stage best, best first: early on you get to know
# someone and learn what they need; later you deepen, and look back together.
STAGE_PURPOSES = {
    Stage.NOTICED: (KNOW, NEEDS, REFLECT, DEEPEN),
    Stage.FIRST_CONTACT: (KNOW, NEEDS, DEEPEN, REFLECT),
    Stage.LISTENING: (NEEDS, KNOW, DEEPEN, REFLECT),
    Stage.CONNECTED: (NEEDS, DEEPEN, REFLECT, KNOW),
    Stage.RAPPORT: (DEEPEN, NEEDS, REFLECT, KNOW),
    Stage.TRUSTED: (DEEPEN, REFLECT, NEEDS, KNOW),
    Stage.COLLABORATING: (REFLECT, DEEPEN, NEEDS, KNOW),
}
NEED_KINDS = {FactKind.NEED, FactKind.CHALLENGE}
KNOW_KINDS = {FactKind.INTEREST, FactKind.VALUE}


def active_bank(workspace):
    """The questions in use (not retired), seeding the curated ones on first read."""
    ensure_bank(workspace)
    return Question.objects.in_workspace(workspace).filter(retired_at__isnull=True)


def bank_by_purpose(workspace) -> list[dict]:
    """The active bank grouped by purpose, each group in stage order: for the bank page."""
    order = {stage: i for i, stage in enumerate(["", *Stage.values])}
    questions = sorted(active_bank(workspace), key=lambda q: (order.get(q.stage, 99), q.pk))
    return [{"purpose": value, "label": label,
             "questions": [q for q in questions if q.purpose == value]}
            for value, label in Purpose.choices]


def retired_questions(workspace, limit: int = 200) -> list[Question]:
    return list(Question.objects.in_workspace(workspace).filter(retired_at__isnull=False)
                .order_by("-retired_at", "-id")[:limit])


def suggest_questions(workspace, person, stage: str, limit: int = 3, *,
                      known_kinds: set[str] | None = None) -> list[Question]:
    """Questions fitting ``stage`` (or any stage) not yet asked of ``person``, best first.

    Ranked by how well their purpose fits the stage, raised where they would fill
    a gap in what you know (no needs known yet: discovering needs comes first),
    and spread over purposes. Each question gets a ``reason`` in plain words.
    ``known_kinds`` (the kinds of fact already recorded) saves a query when the
    caller has the facts at hand.
    """
    if known_kinds is None:
        known_kinds = set(person.facts.values_list("kind", flat=True).distinct())
    # Through the person (already checked to be in the workspace): the planner then
    # uses the (person, question) index rather than scanning the workspace's rows.
    asked = set(person.asked_questions.order_by().values_list("question_id", flat=True))
    fitting = [q for q in active_bank(workspace).filter(stage__in=[stage, ""])
               if q.pk not in asked]
    ranked = sorted(fitting, key=lambda q: (-_score(q, stage, known_kinds), q.pk))
    return [_with_reason(q, stage, known_kinds) for q in _spread(ranked, limit)]


def _score(question: Question, stage: str, known: set[str]) -> float:
    purposes = STAGE_PURPOSES.get(stage, STAGE_PURPOSES[Stage.NOTICED])
    score = float(len(purposes) - purposes.index(question.purpose))
    if question.purpose == NEEDS and not known & NEED_KINDS:
        score += 3  # listen for needs before anything else can be offered
    if question.purpose == KNOW and not known & KNOW_KINDS:
        score += 1
    if question.fact_kind and question.fact_kind not in known:
        score += 1
    if question.stage == stage:
        score += 0.5  # written for this stage, rather than for any
    return score


def _spread(ranked: list[Question], limit: int) -> list[Question]:
    """The best of each purpose first, then the rest in rank order."""
    chosen, purposes = [], set()
    for question in ranked:
        if len(chosen) < limit and question.purpose not in purposes:
            chosen.append(question)
            purposes.add(question.purpose)
    chosen += [q for q in ranked if q not in chosen][:limit - len(chosen)]
    return sorted(chosen, key=ranked.index)


def _with_reason(question: Question, stage: str, known: set[str]) -> Question:
    if question.purpose == NEEDS and not known & NEED_KINDS:
        question.reason = "You don't know yet what they need."
    elif question.fact_kind and question.fact_kind not in known:
        label = FactKind(question.fact_kind).label.lower()
        question.reason = f"Nothing noted yet under {label}."
    elif question.stage:
        question.reason = f"Fits the {Stage(stage).label.lower()} stage."
    else:
        question.reason = "Good at any stage."
    return question


def asked_before(workspace, person, limit: int = 5) -> list[AskedQuestion]:
    return list(person.asked_questions.select_related("question", "fact")
                .order_by("-asked_on", "-id")[:limit])
