"""Planning the questions asked in a demo network: a modest share of the people
at listening and beyond were asked a question or two from the curated bank,
and their answer is one of the facts the plan already holds (so no stage
changes: the evidence is the same, it now says how it was learned).

It runs last and draws from a random stream of its own, so the rest of the
plan is the same with or without it. Rows name a question by its curated key;
``demo.rows`` turns keys into the workspace's question ids, read after
``questions.actions.ensure_bank``.
"""

from random import Random

from amity.demo.plan import Plan
from amity.demo.tiers import LISTENING
from amity.journey.stages import ORDER
from amity.questions.curated import CURATED

SHARE = 0.25   # of the people at listening and beyond
MOST = 2       # questions asked of one person


def _by_kind() -> dict[str, list[tuple[int, str]]]:
    """Fact kind -> [(the stage's place in the journey, 0 for any stage; key)]."""
    found: dict[str, list[tuple[int, str]]] = {}
    for q in CURATED:
        if q.fact_kind:
            place = ORDER.index(q.stage) if q.stage else 0
            found.setdefault(q.fact_kind, []).append((place, q.key))
    return found


def asked_questions(plan: Plan) -> None:
    """Fill ``plan.asked``: (person, question key, fact index, answer, asked_on)."""
    rng = Random(plan.seed * 104_729 + 31)
    random = rng.random
    questions = _by_kind()
    facts: dict[int, list[int]] = {}
    for f, fact in enumerate(plan.facts):
        facts.setdefault(fact[0], []).append(f)
    tiers = plan.tiers
    for i in range(len(plan.people)):
        if tiers[i] < LISTENING or i not in facts or random() >= SHARE:
            continue
        asked: set[str] = set()
        mine = facts[i][:]
        rng.shuffle(mine)
        for f in mine[:MOST]:
            _, kind, text, learned, *_ = plan.facts[f]
            # A question that fits the stage they were at (tiers follow the stages).
            fitting = [key for place, key in questions.get(kind, ())
                       if place <= tiers[i] and key not in asked]
            if not fitting:
                continue
            key = fitting[int(random() * len(fitting))]
            asked.add(key)
            plan.asked.append((i, key, f, text, learned))
