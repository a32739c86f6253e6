"""Introduction suggestions: who among your people should meet, and why.

Contract used by other apps (keep these signatures):

- ``suggest(workspace, limit=50) -> list[Suggestion]``: the best pairs, ranked.
- ``suggest_for(workspace, person, limit=5) -> list[Suggestion]``: the best
  matches for one person; ``suggestion.person_a`` is that person.

How: candidate pairs come from an inverted index of terms (``termindex``),
never from comparing every pair; a ``Scorer`` (``scoring``) ranks them and
says why. Left out: archived people, pairs who already know each other
(a relationship), pairs already in an introduction (whatever its status),
pairs at the same organisation now (they most likely know each other), and
any reason touching a topic one of them wants to avoid (a pair with no
reason left is left out).
"""

import heapq
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from amity.connector import termindex
from amity.connector.scoring import (
    A_NEEDS,
    B_NEEDS,
    Match,
    Profile,
    Scorer,
    TermScorer,
    best_matches,
    reason_text,
    short_names,
    without_avoided,
)

# Candidate pairs rescored exactly per batch, and the most batches read.
BATCH = 400
MAX_BATCHES = 10
# Candidates per person rescored exactly in suggest_for.
PERSON_CANDIDATES = 80
# How many of the suggested pairs one person may be in.
MAX_PER_PERSON = 2


@dataclass
class Suggestion:
    person_a: object   # people.Person
    person_b: object   # people.Person
    score: float
    reason: str        # plain language: "Ana needs a grant writer; Ben offers grant writing; ..."
    matches: tuple[Match, ...] = ()


def suggest(workspace, limit: int = 50, scorer: Scorer | None = None) -> list[Suggestion]:
    """The best pairs, ranked. The scored ranking is kept per workspace in this
    process while the facts' fingerprint stays the same; who already knows
    whom, who was introduced and who works where are checked afresh each call."""
    key = (workspace.pk, termindex.fingerprint(workspace))
    cached = _ranking_cache.get(workspace.pk) if scorer is None else None
    if cached is not None and cached[0] == key:
        found = _still_open(workspace, cached[1], limit)
        if len(found) >= limit or cached[2]:
            return _suggestions(workspace, found, orient=True)
    ranking, complete = _rank(workspace, scorer, want=limit * 2)
    if scorer is None:
        _ranking_cache[workspace.pk] = (key, ranking, complete)
        while len(_ranking_cache) > MAX_CACHED:
            del _ranking_cache[next(iter(_ranking_cache))]
    return _suggestions(workspace, _still_open(workspace, ranking, limit), orient=True)


# workspace id -> ((workspace id, fingerprint), scored pairs best first, whether
# every candidate was scored).
_ranking_cache: dict[int, tuple] = {}
MAX_CACHED = 4


def _rank(workspace, scorer, want: int):
    """Score candidate pairs, best rough score first, a batch at a time, until
    ``want`` of them are open to suggest (or the candidates run out)."""
    index = termindex.build(workspace)
    scorer = scorer or TermScorer(index.idf)
    pairs = index.pair_scores()
    ranked = iter(heapq.nlargest(BATCH * MAX_BATCHES, pairs, key=pairs.__getitem__))
    scored: list[tuple[float, int, int, list[Match]]] = []
    open_count, complete = 0, True
    for _ in range(MAX_BATCHES):
        batch = [termindex.unpack(key) for key in _take(ranked, BATCH)]
        if not batch:
            break
        excluded = excluded_pairs(workspace, batch)
        for a, b in batch:
            result = _score(scorer, index.profiles[a], index.profiles[b])
            if result:
                scored.append((result[0], a, b, result[1]))
                open_count += (a, b) not in excluded
        if open_count >= want:
            complete = False
            break
    scored.sort(key=lambda f: (-f[0], f[1], f[2]))
    return scored, complete


def _still_open(workspace, ranking, limit: int):
    """The first ``limit`` pairs of the ranking not excluded now (a query batch
    at a time), each person in at most MAX_PER_PERSON of them, so one
    well-connected person cannot fill the whole list."""
    found, shown = [], defaultdict(int)
    for start in range(0, len(ranking), BATCH):
        chunk = ranking[start:start + BATCH]
        excluded = excluded_pairs(workspace, [(a, b) for _, a, b, _ in chunk])
        for row in chunk:
            a, b = row[1], row[2]
            if (a, b) in excluded or shown[a] >= MAX_PER_PERSON or shown[b] >= MAX_PER_PERSON:
                continue
            shown[a] += 1
            shown[b] += 1
            found.append(row)
            if len(found) == limit:
                return found
    return found


def suggest_for(workspace, person, limit: int = 5, scorer: Scorer | None = None
                ) -> list[Suggestion]:
    if person.workspace_id != workspace.pk or person.archived_at is not None:
        return []
    subject = termindex.load_profiles(workspace, [person.pk]).get(person.pk)
    if subject is None:
        return []
    index = termindex.index_for(workspace)
    scorer = scorer or TermScorer(index.idf)
    rough = index.candidates_for(subject)
    top = heapq.nlargest(PERSON_CANDIDATES, rough, key=rough.__getitem__)
    profiles = termindex.load_profiles(workspace, top)
    excluded = excluded_pairs(workspace, [_ordered(person.pk, pid) for pid in profiles])
    found = []
    for pid, profile in profiles.items():
        if _ordered(person.pk, pid) in excluded:
            continue
        scored = _score(scorer, subject, profile)
        if scored:
            found.append((scored[0], person.pk, pid, scored[1]))
    found.sort(key=lambda f: (-f[0], f[2]))
    return _suggestions(workspace, found[:limit], orient=False)


def _take(iterator, n):
    return [item for _, item in zip(range(n), iterator, strict=False)]


def _score(scorer: Scorer, a: Profile, b: Profile) -> tuple[float, list[Match]] | None:
    _, matches = scorer.score(a, b)
    kept = without_avoided(a, b, matches)
    if not kept:
        return None
    return sum(m.score for m in kept), kept


def _ordered(x: int, y: int) -> tuple[int, int]:
    return (x, y) if x < y else (y, x)


def _flip(match: Match) -> Match:
    kind = {A_NEEDS: B_NEEDS, B_NEEDS: A_NEEDS}.get(match.kind, match.kind)
    return Match(kind, match.b_text, match.a_text, match.topic, match.score)


def _suggestions(workspace, found, *, orient: bool) -> list[Suggestion]:
    """Person objects (one query) and the reason; with ``orient``, the person
    whose need leads goes first, so the reason reads "Ana needs ...; Ben ..."."""
    from amity.people.models import Person

    people = termindex.by_ids(Person.objects, workspace).in_bulk(
        {pid for _, a, b, _ in found for pid in (a, b)})
    result = []
    for score, a, b, matches in found:
        if orient and best_matches(matches, 1)[0].kind == B_NEEDS:
            a, b, matches = b, a, [_flip(m) for m in matches]
        first, second = people[a], people[b]
        result.append(Suggestion(first, second, round(score, 3),
                                 reason_text(*short_names(first, second), matches),
                                 tuple(matches)))
    return result


def excluded_pairs(workspace, pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The pairs (low id first) who already know each other, were already
    introduced, or are at the same organisation now: three queries."""
    from amity.connector.models import Introduction, Relationship
    from amity.organisations.models import Affiliation

    if not pairs:
        return set()
    wanted = set(pairs)
    ids = sorted({pid for pair in pairs for pid in pair})
    related = set(termindex.by_ids(Relationship.objects, workspace)
                  .filter(person_id__in=ids, other_id__in=ids)
                  .values_list("person_id", "other_id"))
    introduced = {_ordered(a, b) for a, b in termindex.by_ids(Introduction.objects, workspace)
                  .filter(person_a_id__in=ids, person_b_id__in=ids)
                  .values_list("person_a_id", "person_b_id")}
    orgs: dict[int, set[int]] = {}
    today = timezone.localdate()
    for pid, org in (termindex.by_ids(Affiliation.objects, workspace)
                     .filter(Q(end_on__isnull=True) | Q(end_on__gte=today), person_id__in=ids)
                     .values_list("person_id", "organisation_id")):
        orgs.setdefault(pid, set()).add(org)
    colleagues = {(a, b) for a, b in wanted
                  if orgs.get(a) and orgs.get(b) and orgs[a] & orgs[b]}
    return (related | introduced | colleagues) & wanted
