"""The one entry point other apps use to know where a relationship stands.

``assess(workspace, people) -> {person_id: Assessment}`` gathers the evidence for
a batch of people in a fixed number of queries (never one per person) and
applies the rules in ``journey.rules``. A pinned stage wins over the derived one.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count, Max, Min, OuterRef, Q, Subquery
from django.db.models.functions import TruncMonth, TruncWeek
from django.utils import timezone

from amity.journey import rules
from amity.journey.stages import Stage


@dataclass
class Assessment:
    stage: str                       # a Stage value
    derived: str                     # the stage the evidence gives, even when pinned
    pinned: bool
    evidence: list[str] = field(default_factory=list)   # "why this stage", in plain words
    next_action: str = ""            # the next best action, one sentence

    @property
    def label(self) -> str:
        return Stage(self.stage).label


# Stages whose next best action may name someone worth introducing them to.
MATCHED_STAGES = (Stage.CONNECTED, Stage.TRUSTED)
ACTIVE_INITIATIVES = 20  # the ones considered for "invite them to ..."


def assess(workspace, people, *, with_matches: bool = False) -> dict[int, Assessment]:
    """Assess a batch of people of ``workspace`` in a fixed number of queries.

    ``with_matches`` also asks the connector for someone worth introducing
    them to, for those whose next action is an offer (one call per such
    person: keep it for a handful of people, e.g. one person page).
    """
    people = list(people)
    if not people:
        return {}
    evidence = {p.pk: rules.Evidence(facts={}) for p in people}
    contexts = {p.pk: rules.Context() for p in people}
    # The first query keeps only the people of this workspace; the others then
    # select by those person ids alone. Adding the workspace to them as well
    # would add nothing but a worse plan: SQLite then reads the workspace's
    # index (every fact, every conversation) instead of the person's.
    ids = _words(workspace, list(evidence), evidence, contexts)
    if ids:
        _facts(ids, evidence)
        _conversations(ids, evidence)
        _ledger(ids, evidence)
        _initiatives(workspace, ids, evidence, contexts)
        _introductions(ids, evidence)
    result = {}
    for person in people:
        e, c = evidence[person.pk], contexts[person.pk]
        derived, reasons = rules.derive(e)
        stage, pinned = rules.apply_pin(derived, person.stage_pin)
        if pinned:
            day = timezone.localdate(person.stage_pinned_at) if person.stage_pinned_at else None
            on = f" on {day.day} {day:%b %Y}" if day else ""
            reasons = [f"Pinned by hand{on}; the evidence says {Stage(derived).label.lower()}",
                       *reasons]
        if with_matches and _wants_match(stage, e, c):
            _match(workspace, person, c)
        result[person.pk] = Assessment(stage=stage, derived=derived, pinned=pinned,
                                       evidence=reasons,
                                       next_action=rules.next_action(stage, e, person, c))
    return result


def assess_one(workspace, person) -> Assessment:
    return assess(workspace, [person], with_matches=True)[person.pk]


# -- one query each, for the whole batch -------------------------------------

def _facts(ids, evidence) -> None:
    from amity.people.models import Fact

    rows = (Fact.objects.filter(person_id__in=ids)
            .values("person_id", "kind").annotate(n=Count("id")).order_by())
    for row in rows:
        evidence[row["person_id"]].facts[row["kind"]] = row["n"]


def _conversations(ids, evidence) -> None:
    from amity.conversations.models import Initiative, Participation

    now = timezone.now()
    recent = Q(conversation__happened_at__gte=now - timedelta(days=rules.RECENT_DAYS))
    when = "conversation__happened_at"
    started = "conversation__initiated_by"
    rows = (Participation.objects
            .filter(person_id__in=ids)
            .values("person_id")
            .annotate(total=Count("conversation_id"),
                      by_me=Count("id", filter=Q(**{started: Initiative.ME})),
                      by_them=Count("id", filter=Q(**{started: Initiative.THEM})),
                      mutual=Count("id", filter=Q(**{started: Initiative.MUTUAL})),
                      first=Min(when), last=Max(when),
                      weeks=Count(TruncWeek(when), distinct=True, filter=recent),
                      months=Count(TruncMonth(when), distinct=True, filter=recent))
            .order_by())
    for row in rows:
        e = evidence[row["person_id"]]
        e.conversations, e.by_me, e.by_them, e.mutual = (
            row["total"], row["by_me"], row["by_them"], row["mutual"])
        e.first_conversation = timezone.localdate(row["first"])
        e.last_conversation = timezone.localdate(row["last"])
        e.recent_weeks, e.recent_months = row["weeks"], row["months"]


def _ledger(ids, evidence) -> None:
    from amity.exchange.models import Direction, EntryKind, LedgerEntry

    gift = ~Q(kind=EntryKind.ASK)
    rows = (LedgerEntry.objects.filter(person_id__in=ids)
            .values("person_id")
            .annotate(gave=Count("id", filter=gift & Q(direction=Direction.TO_THEM)),
                      received=Count("id", filter=gift & Q(direction=Direction.FROM_THEM)),
                      asks_made=Count("id", filter=Q(kind=EntryKind.ASK,
                                                     direction=Direction.TO_THEM)),
                      asks_received=Count("id", filter=Q(kind=EntryKind.ASK,
                                                         direction=Direction.FROM_THEM)))
            .order_by())
    for row in rows:
        e = evidence[row["person_id"]]
        e.gave, e.received = row["gave"], row["received"]
        e.asks_made, e.asks_received = row["asks_made"], row["asks_received"]


def _latest(queryset, value: str):
    """The first row's ``value`` (``queryset`` is ordered newest first) for the person
    of the outer query: one index probe per person, inside the one query."""
    return Subquery(queryset.filter(person_id=OuterRef("pk")).values(value)[:1])


def _words(workspace, ids, evidence, contexts) -> list[int]:
    """What the next action can name: their latest need, goal and interest, the
    last thing they gave you and whether you thanked them since, who introduced them.

    Returns the ids of the people found in ``workspace``: the only ones assessed."""
    from amity.exchange.models import Direction, EntryKind, LedgerEntry
    from amity.people.models import Fact, Person

    # Correlated to the person of the (workspace-scoped) outer query, so each
    # subquery reads that person's index entries only.
    facts = Fact.objects.order_by("-learned_on", "-id")
    ledger = LedgerEntry.objects.order_by("-occurred_on", "-id")
    gifts = ledger.filter(direction=Direction.FROM_THEM).exclude(kind=EntryKind.ASK)
    thanks = ledger.filter(direction=Direction.TO_THEM, kind=EntryKind.APPRECIATION)
    rows = (Person.objects.in_workspace(workspace).filter(pk__in=ids)
            .values("pk", "introduced_by__display_name")
            .annotate(need=_latest(facts.filter(kind__in=rules.SHARED_OPENLY), "text"),
                      goal=_latest(facts.filter(kind="goal"), "text"),
                      interest=_latest(facts.filter(kind="interest"), "text"),
                      gift=_latest(gifts, "description"),
                      gift_on=_latest(gifts, "occurred_on"),
                      thanked_on=_latest(thanks, "occurred_on"))
            .order_by())
    found = []
    for row in rows:
        found.append(row["pk"])
        c = contexts[row["pk"]]
        c.need, c.goal, c.interest = row["need"] or "", row["goal"] or "", row["interest"] or ""
        c.introducer = row["introduced_by__display_name"] or ""
        evidence[row["pk"]].introduced_to_you = bool(c.introducer)
        c.last_received = row["gift"] or ""
        c.thanked_since = bool(row["gift_on"] is None or (
            row["thanked_on"] is not None and row["thanked_on"] >= row["gift_on"]))
    return found


def _initiatives(workspace, ids, evidence, contexts) -> None:
    from amity.initiatives.models import Initiative, InitiativeStatus, Invitation, Participant

    active = list(Initiative.objects.in_workspace(workspace)
                  .filter(status=InitiativeStatus.ACTIVE)
                  .order_by("starts_on", "name", "id").values_list("pk", "name")
                  [:ACTIVE_INITIATIVES])
    taken: dict[int, set[int]] = defaultdict(set)  # person -> initiatives in or invited to
    rows = (Participant.objects.filter(person_id__in=ids)
            .order_by("-joined_on", "-id")
            .values_list("person_id", "initiative_id", "initiative__name",
                         "initiative__status"))
    active_in: dict[int, str] = {}
    latest: dict[int, str] = {}
    for person_id, initiative_id, name, status in rows:
        evidence[person_id].initiatives += 1
        taken[person_id].add(initiative_id)
        latest.setdefault(person_id, name)
        if status == InitiativeStatus.ACTIVE:
            active_in.setdefault(person_id, name)
    for pk in ids:
        # Prefer an initiative still under way; otherwise the latest one joined.
        contexts[pk].their_initiative = active_in.get(pk) or latest.get(pk, "")
    if not active:
        return
    invited = (Invitation.objects
               .filter(person_id__in=ids, initiative_id__in=[pk for pk, _ in active])
               .values_list("person_id", "initiative_id"))
    for person_id, initiative_id in invited:
        taken[person_id].add(initiative_id)
    for pk in ids:
        contexts[pk].open_initiative = next(
            (name for initiative_id, name in active if initiative_id not in taken[pk]), "")


def _introductions(ids, evidence) -> None:
    from amity.connector.models import Introduction, IntroStatus, Outcome

    wanted = set(ids)
    rows = (Introduction.objects
            .filter(Q(person_a_id__in=ids) | Q(person_b_id__in=ids),
                    status=IntroStatus.INTRODUCED)
            .values_list("person_a_id", "person_b_id", "outcome"))
    for a, b, outcome in rows:
        for pk in {a, b} & wanted:
            e = evidence[pk]
            e.introductions += 1
            e.introductions_met += outcome == Outcome.MET
            e.introductions_helped += outcome == Outcome.HELPED


# -- someone worth introducing them to ----------------------------------------

def _wants_match(stage, e, c) -> bool:
    if stage == Stage.CONNECTED:
        return not e.gave
    return stage == Stage.TRUSTED and not c.open_initiative and c.thanked_since


def _match(workspace, person, c) -> None:
    from amity.connector import termindex
    from amity.connector.matching import suggest_for

    # A large network's term index may still be building: offer from their
    # needs now rather than make the page wait for it.
    if person.archived_at is not None or not termindex.ready(workspace):
        return
    for suggestion in suggest_for(workspace, person, limit=1):
        other = (suggestion.person_b if suggestion.person_a.pk == person.pk
                 else suggestion.person_a)
        c.match, c.match_reason = other.display_name, suggestion.reason
