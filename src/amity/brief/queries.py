"""The pre-meeting brief: everything worth knowing before you see someone.

``build_brief(workspace, person) -> Brief`` is a read model over the other apps.
It runs a fixed number of queries whatever the person's history (every list is
bounded), so the page, the API and ``amity brief`` stay fast on a large network.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.utils import timezone

from amity.exchange.models import Direction, EntryKind, LedgerEntry
from amity.journey.stages import Stage
from amity.people.models import FactKind

MAX_FACTS = 200          # a person with more is rare; the page says how many are left out
CONVERSATIONS = 3
MAX_FOLLOW_UPS = 20
LEDGER_WINDOW = 200      # open asks are worked out from the most recent entries
MAX_OPEN_ASKS = 5
QUESTIONS = 3
ASKED_BEFORE = 5
PEOPLE_TO_MEET = 5


@dataclass
class FactGroup:
    kind: str
    label: str
    facts: list        # people.Fact, each with ``stale`` set


@dataclass
class OpenAsks:
    """Asks not yet followed by anything going the other way (see ``open_asks``)."""

    from_them: list = field(default_factory=list)   # they asked you
    to_them: list = field(default_factory=list)     # you asked them


@dataclass
class Brief:
    person: object
    today: date
    organisations: list            # current organisations.Affiliation, with organisation
    introduced_by: object | None
    assessment: object             # journey.assess.Assessment
    fact_groups: list[FactGroup]
    stale_count: int
    facts_left_out: bool
    conversations: list            # the last few, each with ``others``
    follow_ups: list               # open follow-ups, due first
    more_follow_ups: bool
    open_asks: OpenAsks
    balance: object                # exchange.queries.Balance
    suggested_questions: list      # questions.Question, each with ``reason``
    asked_before: list             # questions.AskedQuestion
    people_to_meet: list           # connector.matching.Suggestion
    stale_after_days: int

    @property
    def derived_label(self) -> str:
        return Stage(self.assessment.derived).label

    @property
    def has_facts(self) -> bool:
        return any(group.facts for group in self.fact_groups)


def build_brief(workspace, person) -> Brief:
    from amity.connector.matching import suggest_for
    from amity.exchange.queries import balance_for
    from amity.journey.assess import assess_one
    from amity.questions.queries import asked_before, suggest_questions

    today = timezone.localdate()
    stale_days = workspace.stale_after_days
    groups, stale, left_out = _fact_groups(person, stale_days, today)
    assessment = assess_one(workspace, person)
    follow_ups = list(person.follow_ups.filter(done_at__isnull=True)
                      .order_by("due_on", "id")[:MAX_FOLLOW_UPS + 1])
    known_kinds = {group.kind for group in groups if group.facts}
    return Brief(
        person=person, today=today,
        organisations=_current_organisations(person, today),
        introduced_by=person.introduced_by if person.introduced_by_id else None,
        assessment=assessment,
        fact_groups=groups, stale_count=stale, facts_left_out=left_out,
        conversations=_last_conversations(person),
        follow_ups=follow_ups[:MAX_FOLLOW_UPS], more_follow_ups=len(follow_ups) > MAX_FOLLOW_UPS,
        open_asks=open_asks(workspace, person),
        balance=balance_for(workspace, person),
        suggested_questions=suggest_questions(workspace, person, assessment.stage,
                                              limit=QUESTIONS, known_kinds=known_kinds),
        asked_before=asked_before(workspace, person, limit=ASKED_BEFORE),
        people_to_meet=suggest_for(workspace, person, limit=PEOPLE_TO_MEET),
        stale_after_days=stale_days,
    )


def _fact_groups(person, stale_days: int, today: date):
    facts = list(person.facts.order_by("kind", "-learned_on", "id")[:MAX_FACTS + 1])
    left_out = len(facts) > MAX_FACTS
    facts = facts[:MAX_FACTS]
    for fact in facts:
        fact.stale = fact.is_stale(stale_days, today)
    groups = [FactGroup(kind, label, [f for f in facts if f.kind == kind])
              for kind, label in FactKind.choices]
    return groups, sum(f.stale for f in facts), left_out


def _current_organisations(person, today: date) -> list:
    current = Q(end_on__isnull=True) | Q(end_on__gte=today)
    return list(person.affiliations.filter(current).select_related("organisation")
                .order_by("-represents", "organisation__name", "id"))


def _last_conversations(person) -> list:
    conversations = list(person.conversations.order_by("-happened_at", "-id")
                         .prefetch_related("participants")[:CONVERSATIONS])
    for conversation in conversations:
        conversation.others = [p for p in conversation.participants.all() if p.pk != person.pk]
    return conversations


def open_asks(workspace, person) -> OpenAsks:
    """Asks still waiting, both ways, from the most recent ledger entries.

    An ask counts as answered once something is given the other way on or after
    its date (the oldest waiting ask is answered first): a gift to them answers
    their ask; a gift from them answers yours.
    """
    recent = list(LedgerEntry.objects.in_workspace(workspace).filter(person=person)
                  .order_by("-occurred_on", "-id")[:LEDGER_WINDOW])
    waiting = {Direction.FROM_THEM: [], Direction.TO_THEM: []}
    for entry in reversed(recent):  # oldest first
        if entry.kind == EntryKind.ASK:
            waiting[entry.direction].append(entry)
            continue
        # A gift to them answers one of their asks, and the other way round.
        asker = (Direction.FROM_THEM if entry.direction == Direction.TO_THEM
                 else Direction.TO_THEM)
        if waiting[asker]:
            waiting[asker].pop(0)
    return OpenAsks(from_them=waiting[Direction.FROM_THEM][-MAX_OPEN_ASKS:][::-1],
                    to_them=waiting[Direction.TO_THEM][-MAX_OPEN_ASKS:][::-1])
