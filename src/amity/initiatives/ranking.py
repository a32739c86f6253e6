"""Whom to invite: your people ranked by how well what matters to them fits
what an initiative needs.

How it scores, in plain terms:

- Each need ("grant writing") and the description are turned into terms
  (``amity.terms``). A term is worth more the rarer it is among your people
  (``idf``: "grant" says more than "community").
- For each need, the person's best fact covers some share of that need's
  terms, weighted by rarity, times how well the fact's kind answers the need's
  kind (an *offer* answers a *skill* need best; an *interest* or a *value*
  answers an *interest* need). Each need is worth at most 1.
- Words they share with the description add at most ``DESCRIPTION_WEIGHT``.

Candidates never come from scanning everyone: the connector's in-memory term
index (``amity.connector.termindex``) gives, for each term, the people whose
offers, interests, goals and values hold it, and how many people hold it.
Until that index is ready (a large workspace builds it in the background on
first use), the search index stands in: one prefix query per term. Only the best
``MAX_CANDIDATES`` of those, by an optimistic score from those lists, have their
facts loaded (one query per thousand) and scored exactly.
"""

import math
from collections import defaultdict
from dataclasses import dataclass, field

from amity.initiatives.models import Initiative, NeedKind
from amity.people.models import Fact, FactKind, Person
from amity.phrasing import about
from amity.terms import search_prefix, terms

MATCHED_KINDS = (FactKind.OFFER, FactKind.INTEREST, FactKind.GOAL, FactKind.VALUE)
KIND_WEIGHTS = {
    NeedKind.SKILL: {FactKind.OFFER: 1.0, FactKind.GOAL: 0.6, FactKind.INTEREST: 0.5,
                     FactKind.VALUE: 0.3},
    NeedKind.INTEREST: {FactKind.INTEREST: 1.0, FactKind.VALUE: 0.9, FactKind.GOAL: 0.8,
                        FactKind.OFFER: 0.6},
    NeedKind.ROLE: {FactKind.OFFER: 1.0, FactKind.GOAL: 0.8, FactKind.INTEREST: 0.6,
                    FactKind.VALUE: 0.4},
}
DESCRIPTION_KIND_WEIGHTS = KIND_WEIGHTS[NeedKind.INTEREST]
DESCRIPTION_WEIGHT = 0.5
MAX_DESCRIPTION_TERMS = 25
MAX_CANDIDATES = 2000
MIN_SCORE = 0.1
BATCH = 1000
EARLY_STAGES = {
    "noticed": "you have only just noticed them — get to know them first",
    "first_contact": "you have only just met them — get to know them first",
}
@dataclass
class Match:
    """Why one person fits one initiative."""

    person_id: int
    score: float
    facts: list[tuple[str, str]] = field(default_factory=list)  # (kind, text), best first
    needs_met: list[str] = field(default_factory=list)

    @property
    def reason(self) -> str:
        return "; ".join(about(kind, text) for kind, text in self.facts)


@dataclass
class Candidate:
    person: Person
    score: float
    reason: str
    stage: str
    stage_label: str
    flag: str                       # "" unless inviting them now would be premature
    needs_met: list[str]
    facts: list[tuple[str, str]]


# -- the query: needs -> terms -> people ----------------------------------------

@dataclass
class Query:
    needs: list[tuple[str, str, frozenset]]         # (kind, text, terms)
    description: frozenset
    idf: dict[str, float]
    postings: dict[str, list[int]]
    # From the term index, which leaves out the archived (rather than the
    # search index, which keeps them in its posting lists).
    indexed: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.idf


def _people_with(workspace_id: int, term: str) -> list[int]:
    """Ids of the people whose facts hold a word starting with ``term`` (archived
    people included: ``matches`` drops them with the people already taken)."""
    from amity.search import index

    return index.people_with_fact_word(workspace_id, search_prefix(term))


def _indexed(workspace, wanted: list[str]) -> tuple[dict[str, list[int]], dict[str, int]] | None:
    """(term -> people whose matched facts hold it, term -> how many people
    hold it) from the connector's term index, or None while it is not ready.

    The index holds the same stemmed terms as ``terms()``, so a lookup is
    exact (no prefix needed). It leaves out people archived when it was built;
    ``matches`` still drops the archived, as a large workspace's index can lag.
    A term only in someone's *needs* counts towards how common it is, but
    does not make them a candidate (a need is not an offer)."""
    from amity.connector import termindex

    if not termindex.ready(workspace):
        return None
    index = termindex.index_for(workspace)
    # Offers, interests and values (one group), goals: the kinds a need is met by.
    groups = [index.postings[g] for g in (termindex.OFFER, termindex.SHARED_GROUP,
                                          termindex.GOAL)]
    postings, held = {}, {}
    for term in wanted:
        # .get, never [term]: the lists are defaultdicts shared with other requests.
        ids = set().union(*(group.get(term, ()) for group in groups))
        postings[term] = sorted(ids)
        held[term] = max(index.df.get(term, 0), len(ids))
    return postings, held


def build_query(workspace, initiative: Initiative) -> Query:
    needs = [(n.kind, n.text, terms(n.text)) for n in initiative.needs.all()]
    needs = [n for n in needs if n[2]]
    need_terms = frozenset().union(*(t for _, _, t in needs))
    # The description's words beyond the needs, a bounded number (longest first:
    # they tend to say more than short ones).
    extra = sorted(terms(f"{initiative.name} {initiative.description}") - need_terms,
                   key=lambda t: (-len(t), t))[:MAX_DESCRIPTION_TERMS]
    description = frozenset(extra)
    wanted = sorted(need_terms | description)
    found = _indexed(workspace, wanted)
    if found is None:
        postings = {t: _people_with(workspace.pk, t) for t in wanted}
        held = {t: len(ids) for t, ids in postings.items()}
    else:
        postings, held = found
    total = Person.objects.in_workspace(workspace).filter(archived_at__isnull=True).count()
    idf = {t: math.log(1 + total / (1 + held[t])) for t in postings}
    return Query(needs=needs, description=description, idf=idf, postings=postings,
                 indexed=found is not None)


# -- scoring ------------------------------------------------------------------

def _mass(query: Query, words) -> float:
    return sum(query.idf.get(t, 0.0) for t in words)


def _optimistic(query: Query, excluded: set[int]) -> list[int]:
    """People in any posting list, best first by the score they could reach
    if every matching word sat in a fact of the best kind: summed straight
    from the posting lists, so each (term, person) pair costs one addition."""
    needs: dict[int, float] = defaultdict(float)
    described: dict[int, float] = defaultdict(float)
    share = defaultdict(float)   # term -> its part of the needs it belongs to
    for _, _, words in query.needs:
        whole = _mass(query, words) or 1
        for t in words:
            share[t] += query.idf[t] / whole
    for term, ids in query.postings.items():
        in_needs, in_description = share.get(term, 0.0), query.idf[term]
        for pk in ids:
            if pk in excluded:
                continue
            if in_needs:
                needs[pk] += in_needs
            if term in query.description:
                described[pk] += in_description
    ref = _description_ref(query)

    def bound(pk: int) -> float:
        extra = DESCRIPTION_WEIGHT * min(1.0, described[pk] / ref) if ref else 0.0
        return needs[pk] + extra

    ranked = sorted(set(needs) | set(described), key=lambda pk: (-bound(pk), pk))
    return ranked[:MAX_CANDIDATES]


def _description_ref(query: Query) -> float:
    # Two shared description words of ordinary rarity make a full match.
    if not query.description:
        return 0.0
    return 2 * _mass(query, query.description) / len(query.description)


def score_person(query: Query, person_id: int, facts: list[tuple[str, str]]) -> Match | None:
    """The exact score of one person from their (kind, text) facts."""
    termed = [(kind, text, terms(text)) for kind, text in facts]
    match = Match(person_id=person_id, score=0.0)
    chosen: list[tuple[str, str]] = []
    for need_kind, need_text, need_terms in query.needs:
        weights, whole = KIND_WEIGHTS[need_kind], _mass(query, need_terms) or 1
        best, best_fact = 0.0, None
        for kind, text, words in termed:
            value = weights[kind] * _mass(query, need_terms & words) / whole
            if value > best:
                best, best_fact = value, (kind, text)
        if best_fact is not None:
            match.score += best
            match.needs_met.append(need_text)
            if best_fact not in chosen:
                chosen.append(best_fact)
    ref = _description_ref(query)
    if ref:
        best, best_fact = 0.0, None
        for kind, text, words in termed:
            value = DESCRIPTION_KIND_WEIGHTS[kind] * _mass(query, query.description & words)
            if value > best:
                best, best_fact = value, (kind, text)
        if best_fact is not None:
            match.score += DESCRIPTION_WEIGHT * min(1.0, best / ref)
            if best_fact not in chosen:
                chosen.append(best_fact)
    if match.score < MIN_SCORE:
        return None
    match.score = round(match.score, 3)
    match.facts = chosen[:3]
    return match


def _facts_of(workspace, person_ids: list[int], *,
              living_only: bool = False) -> dict[int, list[tuple[str, str]]]:
    """The matched facts of these people (with ``living_only``, of those not
    archived: an archived person then has none and scores nothing)."""
    from amity.connector.termindex import by_ids

    facts: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for start in range(0, len(person_ids), BATCH):
        # by_ids: SQLite would otherwise read the whole workspace's facts
        # index (225 ms rather than 25 ms for 2,000 people at 100,000).
        rows = by_ids(Fact.objects, workspace).filter(
            person_id__in=person_ids[start:start + BATCH], kind__in=MATCHED_KINDS)
        if living_only:
            rows = rows.filter(person__archived_at__isnull=True)
        rows = rows.order_by("person_id", "id").values_list("person_id", "kind", "text")
        for pk, kind, text in rows:
            facts[pk].append((kind, text))
    return facts


def taken(initiative: Initiative) -> set[int]:
    """People already invited to, or taking part in, the initiative."""
    return (set(initiative.invitations.values_list("person_id", flat=True))
            | set(initiative.participants.values_list("person_id", flat=True)))


def archived(workspace) -> set[int]:
    return set(Person.objects.in_workspace(workspace).filter(archived_at__isnull=False)
               .values_list("pk", flat=True))


def matches(workspace, initiative: Initiative, limit: int = 20) -> list[Match]:
    """The best ``limit`` fits, best first, without journey stages."""
    query = build_query(workspace, initiative)
    if query.is_empty:
        return []
    if query.indexed:
        # The index left the archived out when it was built; anyone archived
        # since is dropped with their facts (reading every archived id costs
        # 140 ms at 100,000 people, as archived_at has no index).
        candidates = _optimistic(query, taken(initiative))
        facts = _facts_of(workspace, candidates, living_only=True)
    else:
        candidates = _optimistic(query, taken(initiative) | archived(workspace))
        facts = _facts_of(workspace, candidates)
    scored = [m for pk in candidates if (m := score_person(query, pk, facts.get(pk, [])))]
    scored.sort(key=lambda m: (-m.score, -len(m.needs_met), m.person_id))
    return scored[:limit]


def rank(workspace, initiative: Initiative, limit: int = 20) -> list[Candidate]:
    """Whom to invite: the best fits with their reason and journey stage."""
    from amity.journey.assess import assess

    found = matches(workspace, initiative, limit=limit)
    people = Person.objects.in_workspace(workspace).in_bulk([m.person_id for m in found])
    ordered = [people[m.person_id] for m in found if m.person_id in people]
    stages = assess(workspace, ordered)
    result = []
    for m in found:
        person = people.get(m.person_id)
        if person is None:
            continue
        assessment = stages[person.pk]
        result.append(Candidate(
            person=person, score=m.score, reason=m.reason, stage=assessment.stage,
            stage_label=assessment.label, flag=EARLY_STAGES.get(assessment.stage, ""),
            needs_met=m.needs_met, facts=m.facts))
    return result


def fit(workspace, initiative: Initiative, person: Person) -> Match | None:
    """How one person fits (for a draft), scored the same way as the ranking."""
    query = build_query(workspace, initiative)
    if query.is_empty:
        return None
    return score_person(query, person.pk, _facts_of(workspace, [person.pk]).get(person.pk, []))
