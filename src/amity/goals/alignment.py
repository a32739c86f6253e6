"""Who is aligned with a goal, and what you could offer someone: simple term matching.

A goal's words (``amity.terms``) are matched against what people offer, aim for
and care about (their facts), and against the organisations they are part of
now (by name, and by kind: a goal about funding meets the funders).

It never scans everyone: candidates come from the people search index, an
inverted index of words (one indexed query for "any of these words in what
matters to them", bounded), then each candidate's facts are checked term by
term in Python, so only real word matches count ("fund" is not in "refund").
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from amity.terms import search_prefix, terms

MAX_TERMS = 12              # of a goal's words, the first this many are matched
PER_TERM = 250              # people read from the index per word of the question
CANDIDATES = 300            # of those, the people whose facts are read
ORGANISATIONS = 200         # matching organisations considered
AFFILIATIONS = 1000         # their current members considered
KIND_WEIGHTS = {"offer": 3.0, "goal": 2.0, "interest": 1.0}
KIND_WORDS = {"offer": "offers", "goal": "aims for", "interest": "cares about"}
ORG_KIND_WEIGHT = 3.0       # e.g. a funder, for a goal about funding
ORG_NAME_WEIGHT = 2.0       # the organisation's name shares a word with the goal
REPRESENTS_BONUS = 1.0      # they speak for that organisation
COVERAGE_BONUS = 2.0        # for each of the goal's words they match, however often
REASONS_SHOWN = 3
NEEDS_MATCHED = 3           # a focus person's most recent needs, matched to offers
OFFER_TERMS = 9             # words of those needs looked up, shared between the people


@dataclass
class Aligned:
    person: object              # people.Person
    score: float
    reasons: list[str] = field(default_factory=list)
    matched: set[str] = field(default_factory=set)


def goal_terms(goal) -> list[str]:
    """The goal's words, title first, at most ``MAX_TERMS``."""
    ordered = sorted(terms(goal.title)) + sorted(terms(goal.description or "") - terms(goal.title))
    return ordered[:MAX_TERMS]


# -- candidates from the search index -------------------------------------------------

def people_with_terms(workspace, wanted, *, limit: int = CANDIDATES,
                      per_term: int = PER_TERM) -> list[int]:
    """Ids of people with any of ``wanted`` (as a word prefix) in their facts, at most
    ``limit``, from the search index (``index.people_with_fact_words``); the
    candidates are then ranked by their facts."""
    from amity.search import index

    return index.people_with_fact_words(
        workspace, {search_prefix(t) for t in wanted if t}, limit=limit, per_word=per_term)


# -- aligned with a goal ---------------------------------------------------------------

def aligned_people(workspace, goal, *, limit: int = 20) -> list[Aligned]:
    """People aligned with ``goal``, best first, each with the reasons in plain words."""
    from amity.people.models import Person

    wanted = set(goal_terms(goal))
    if not wanted:
        return []
    found: dict[int, Aligned] = {}

    def credit(person_id, points, reason, matched):
        entry = found.setdefault(person_id, Aligned(person=None, score=0.0))
        entry.score += points
        entry.matched |= matched
        if reason not in entry.reasons:
            entry.reasons.append(reason)

    for person_id, kind, text, matched in _fact_matches(workspace, wanted):
        credit(person_id, KIND_WEIGHTS[kind] * len(matched), f"{KIND_WORDS[kind]} “{text}”",
               matched)
    for person_id, points, reason, matched in _organisation_matches(workspace, wanted):
        credit(person_id, points, reason, matched)
    for entry in found.values():
        # More of the goal covered ranks higher than the same words said twice.
        entry.score += COVERAGE_BONUS * len(entry.matched)
    ranked = sorted(found.items(), key=lambda item: (-item[1].score, item[0]))
    people = Person.objects.in_workspace(workspace).filter(
        archived_at__isnull=True).in_bulk([pk for pk, _ in ranked[:limit * 3]])
    result = []
    for pk, entry in ranked:
        if pk in people:
            entry.person = people[pk]
            entry.reasons = entry.reasons[:REASONS_SHOWN]
            result.append(entry)
        if len(result) == limit:
            break
    return result


def _fact_matches(workspace, wanted: set[str]):
    """(person id, kind, text, matched terms) for the candidates' matching facts."""
    from amity.people.models import Fact

    ids = people_with_terms(workspace, wanted)
    if not ids:
        return
    # By person only: filtered by kind too, the planner walks every fact of those
    # kinds in the workspace (the ids are this workspace's, from the index).
    rows = (Fact.objects.filter(person_id__in=ids).order_by("person_id", "id")
            .values_list("workspace_id", "person_id", "kind", "text"))
    for workspace_id, person_id, kind, text in rows:
        if workspace_id != workspace.pk or kind not in KIND_WEIGHTS:
            continue
        matched = terms(text) & wanted
        if matched:
            yield person_id, kind, text, matched


def _organisation_matches(workspace, wanted: set[str]):
    """(person id, points, reason, matched) for people currently at a matching organisation."""
    from amity.organisations.models import Affiliation, Organisation, OrganisationKind

    kinds = {value: terms(f"{value} {label}") & wanted
             for value, label in OrganisationKind.choices if value != OrganisationKind.OTHER}
    kinds = {k: m for k, m in kinds.items() if m}
    names = Q()
    for term in wanted:
        names |= Q(name__icontains=search_prefix(term))
    orgs = {}
    for pk, name, kind in (Organisation.objects.in_workspace(workspace)
                           .filter(names | Q(kind__in=list(kinds)))
                           .values_list("pk", "name", "kind")[:ORGANISATIONS]):
        by_name = terms(name) & wanted
        by_kind = kinds.get(kind, set())
        if by_name or by_kind:
            orgs[pk] = (name, kind, by_name, by_kind)
    if not orgs:
        return
    current = Q(end_on__isnull=True) | Q(end_on__gte=timezone.localdate())
    for person_id, org_id, represents in (
            Affiliation.objects.filter(current, organisation_id__in=list(orgs))
            .order_by("organisation_id", "id")
            .values_list("person_id", "organisation_id", "represents")[:AFFILIATIONS]):
        name, kind, by_name, by_kind = orgs[org_id]
        points = (ORG_KIND_WEIGHT if by_kind else 0) + ORG_NAME_WEIGHT * len(by_name) \
            + (REPRESENTS_BONUS if represents else 0)
        label = OrganisationKind(kind).label.lower()
        reason = f"is at {name}" + (f", a {label}" if by_kind else "")
        yield person_id, points, reason, by_name | by_kind


# -- what you could offer someone ------------------------------------------------------

@dataclass
class OfferIdea:
    text: str
    via: object | None = None   # people.Person who offers what they need, if any


def suggest_offers(workspace, people) -> dict[int, OfferIdea]:
    """For each person: who among your people offers what they need (a term match)."""
    from amity.people.models import Fact

    people = list(people)
    needs: dict[int, list[tuple[str, frozenset]]] = defaultdict(list)
    # By person only (see _fact_matches): a few people's facts, whatever their kind.
    for person_id, kind, text in (Fact.objects.filter(person_id__in=[p.pk for p in people])
                                  .order_by("-learned_on", "id")
                                  .values_list("person_id", "kind", "text")):
        if kind == "need" and len(needs[person_id]) < NEEDS_MATCHED:
            needs[person_id].append((text, terms(text)))
    offers = _offers_matching(workspace, _share_words(needs), exclude={p.pk for p in people})
    ideas = {}
    for person in people:
        ideas[person.pk] = _best_offer(person, needs.get(person.pk, []), offers)
    return ideas


def _share_words(needs: dict[int, list[tuple[str, frozenset]]]) -> set[str]:
    """At most ``OFFER_TERMS`` words, taken in turn from each person's latest needs:
    each word costs an index lookup, and everyone should get their share."""
    queues = [[t for _, need_terms in rows for t in sorted(need_terms)] for rows in needs.values()]
    wanted: set[str] = set()
    while any(queues) and len(wanted) < OFFER_TERMS:
        for queue in queues:
            if queue and len(wanted) < OFFER_TERMS:
                wanted.add(queue.pop(0))
    return wanted


def _offers_matching(workspace, wanted: set[str], exclude: set[int]) -> list[tuple]:
    """(person, offer text, offer terms) of candidates whose offers share a term with ``wanted``."""
    from amity.people.models import Fact, Person

    if not wanted:
        return []
    # One good offer per person is enough: a narrower look than a goal's.
    ids = [pk for pk in people_with_terms(workspace, wanted, limit=150, per_term=100)
           if pk not in exclude]
    offers = defaultdict(list)
    for workspace_id, person_id, kind, text in (
            Fact.objects.filter(person_id__in=ids).order_by("id")
            .values_list("workspace_id", "person_id", "kind", "text")):
        if workspace_id == workspace.pk and kind == "offer" and (t := terms(text) & wanted):
            offers[person_id].append((text, t))
    people = Person.objects.filter(workspace=workspace, archived_at__isnull=True).in_bulk(
        list(offers))
    return [(people[pk], text, t) for pk in sorted(people, key=lambda pk: (
        people[pk].display_name, pk)) for text, t in offers[pk]]


def _best_offer(person, needs: list[tuple[str, frozenset]], offers: list[tuple]) -> OfferIdea:
    if not needs:
        return OfferIdea("Ask what they need: nothing is recorded yet.")
    best = None
    for need, need_terms in needs:
        for other, offer, offer_terms in offers:
            shared = len(need_terms & offer_terms)
            if shared and (best is None or shared > best[0]):
                best = (shared, need, other, offer)
    if best is None:
        return OfferIdea(f"Nobody among your people offers what they need (“{needs[0][0]}”) "
                         "yet: ask how you could help.")
    _, need, other, offer = best
    return OfferIdea(f"Introduce them to {other.display_name}, who offers “{offer}” "
                     f"(they need “{need}”).", via=other)
