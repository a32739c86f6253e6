"""An inverted index of what matters to your people: term -> who, by kind of fact.

Built from one query (``values_list`` over the facts of people who are not
archived), in memory. It answers two questions without comparing every pair:

- ``pair_scores()``: which pairs share terms where it counts (a need and an
  offer, either way; interests and values; goals), with a rough score;
- ``candidates_for(profile)``: whom one person's terms lead to.

A term is worth more the rarer it is (IDF). A term held by so many people
that it says little ("community" in a community network) is skipped, and
a long posting list is cut to the people you are closest to (importance,
then most recent contact), so the work stays bounded at any size.

``index_for(workspace)`` keeps a built index per workspace in this process
(for ``suggest_for``): a small workspace's is rebuilt whenever a fingerprint
of its facts changes; a large one's takes new facts as they arrive and is
rebuilt in the background every few minutes (edits and deletions show then).
The exact scores and reasons are always computed from the facts as they are
now (see ``matching``), so a stale index can only miss a candidate.
``suggest()`` always builds afresh (seconds at 10,000 people).
"""

import math
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import close_old_connections, connection
from django.db.models import Case, Count, F, Max, Sum, Value, When
from django.db.models.functions import Length

from amity.connector import scoring
from amity.connector.scoring import GOAL, INTEREST, NEED, OFFER, VALUE, FactTerms, Profile
from amity.terms import terms

# Posting groups: interests and values are one group (a shared value and a
# shared interest are both "you both care about ...").
SHARED_GROUP = "shared"
GROUP_OF = {NEED: NEED, OFFER: OFFER, INTEREST: SHARED_GROUP, VALUE: SHARED_GROUP, GOAL: GOAL}
# Which group one person's fact looks for in others, and how much it weighs.
LOOKS_FOR = {NEED: (OFFER, scoring.WEIGHTS[scoring.A_NEEDS]),
             OFFER: (NEED, scoring.WEIGHTS[scoring.B_NEEDS]),
             SHARED_GROUP: (SHARED_GROUP, scoring.WEIGHTS[scoring.SHARED]),
             GOAL: (GOAL, scoring.WEIGHTS[scoring.GOALS])}

# A posting list is read up to this many people (the closest first).
CAP = 100
# At most this many pair updates when scoring every candidate pair (suggest()).
PAIR_BUDGET = 600_000
# A term held by more than this share of your people (and more than CAP) is skipped.
MAX_SHARE = 0.2
# Up to this many facts, a workspace is indexed afresh on every call.
FRESH_LIMIT = 20_000
# A cached index older than this is rebuilt (in the background).
REFRESH_SECONDS = 600
PAIR_SHIFT = 32


@dataclass
class TermIndex:
    workspace_id: int
    postings: dict[str, dict[str, list[int]]] = field(
        default_factory=lambda: {g: defaultdict(list) for g in LOOKS_FOR})
    # Alongside each posting, 1/sqrt(terms in that fact) (fresh builds only): a
    # long sentence shared word for word counts less per word, as in the scorer.
    damping: dict[str, dict[str, list[float]]] = field(
        default_factory=lambda: {g: defaultdict(list) for g in LOOKS_FOR})
    df: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    people: int = 0
    fact_count: int = 0
    max_fact_id: int = 0
    built_at: float = field(default_factory=time.monotonic)
    signature: tuple | None = None
    large: bool = False
    # Kept only by a fresh build (suggest() scores from them directly).
    profiles: dict[int, Profile] | None = None

    @property
    def idf(self) -> Callable[[str], float]:
        return scoring.idf_from(max(self.people, 1), self.df)

    def too_common(self, term: str) -> bool:
        held = self.df.get(term, 0)
        return held > CAP and held > MAX_SHARE * self.people

    # -- candidates ---------------------------------------------------------

    def pair_scores(self) -> dict[int, float]:
        """Rough scores of the pairs that share a term where it counts.

        Terms are read rarest first, each posting list cut to CAP people,
        until PAIR_BUDGET pair updates are spent: the work is bounded whatever
        the data, and what is left out is the commonest terms, which say the
        least. Keys are ``low_id << 32 | high_id`` (cheaper than tuples).
        """
        acc: dict[int, float] = defaultdict(float)
        idf = self.idf
        jobs = []
        for group in (NEED, SHARED_GROUP, GOAL):
            other = OFFER if group == NEED else group
            for term, members in self.postings[group].items():
                partners = self.postings[other].get(term)
                if partners and (group == NEED or len(members) > 1) \
                        and not self.too_common(term):
                    jobs.append((self.df[term], term, group, other))
        jobs.sort()
        budget = PAIR_BUDGET
        for _, term, group, other in jobs:
            left = self._capped(group, term)
            if group == NEED:
                right = self._capped(other, term)
                cost = len(left[0]) * len(right[0])
            else:
                cost = len(left[0]) * (len(left[0]) - 1) // 2
            if cost > budget:
                continue
            budget -= cost
            worth = LOOKS_FOR[group][1] * idf(term)
            if group == NEED:
                _cross(acc, left, right, worth)
            else:
                _within(acc, left, worth)
        return acc

    def _capped(self, group: str, term: str) -> tuple[list[int], list[float]]:
        ids = self.postings[group][term][:CAP]
        damping = self.damping[group].get(term) or [1.0] * len(ids)
        return ids, damping[:CAP]

    def candidates_for(self, profile: Profile) -> dict[int, float]:
        """Rough scores of the people one person's terms lead to (not themselves)."""
        acc: dict[int, float] = defaultdict(float)
        idf = self.idf
        wanted: dict[tuple[str, str], float] = {}
        for fact in profile.facts:
            group = GROUP_OF.get(fact.kind)
            if group is None or not fact.terms:
                continue
            target, weight = LOOKS_FOR[group]
            damp = 1 / math.sqrt(len(fact.terms))
            for term in fact.terms:
                if not self.too_common(term):
                    worth = weight * idf(term) * damp
                    wanted[(target, term)] = max(worth, wanted.get((target, term), 0.0))
        for (target, term), worth in wanted.items():
            for pid in self.postings[target].get(term, ())[:CAP * 5]:
                acc[pid] += worth
        acc.pop(profile.person_id, None)
        return acc

    # -- building -------------------------------------------------------------

    def add_rows(self, rows, keep_profiles: bool) -> None:
        """Add (fact id, person id, kind, text) rows, grouped by person."""
        cache: dict[str, frozenset[str]] = {}
        profiles, df = self.profiles, self.df
        current, seen, held, profile = None, set(), set(), None
        top = self.max_fact_id
        for fact_id, pid, kind, text in rows:
            if pid != current:
                current, seen, held = pid, set(), set()
                self.people += 1
                if keep_profiles:
                    profile = profiles.get(pid) or profiles.setdefault(pid, Profile(pid))
            self.fact_count += 1
            if fact_id > top:
                top = fact_id
            fact_terms = cache.get(text)
            if fact_terms is None:
                fact_terms = cache[text] = terms(text)
            if keep_profiles:
                profile.facts.append(FactTerms(kind, text, fact_terms))
            group = GROUP_OF.get(kind)
            if group is None or not fact_terms:  # "avoid": only read when scoring a pair
                continue
            postings, damping = self.postings[group], self.damping[group]
            damp = 1 / math.sqrt(len(fact_terms))
            for term in fact_terms:
                key = (group, term)
                if key not in seen:
                    seen.add(key)
                    postings[term].append(pid)
                    if keep_profiles:
                        damping[term].append(damp)
                if term not in held:
                    held.add(term)
                    df[term] += 1
        self.max_fact_id = top


def _cross(acc, left, right, worth) -> None:
    right_pairs = list(zip(*right, strict=True))
    for a, da in zip(*left, strict=True):
        wa = worth * da
        for b, db in right_pairs:
            if a < b:
                acc[a << PAIR_SHIFT | b] += wa * db
            elif a > b:
                acc[b << PAIR_SHIFT | a] += wa * db


def _within(acc, members, worth) -> None:
    ordered = sorted(zip(*members, strict=True))
    for i, (a, da) in enumerate(ordered):
        base, wa = a << PAIR_SHIFT, worth * da
        for b, db in ordered[i + 1:]:
            acc[base | b] += wa * db


def by_ids(manager, workspace):
    """The workspace's rows, for a lookup by ids (persons, facts of persons).

    Written ``(workspace_id + 0) = %s`` on purpose: without statistics,
    SQLite's planner otherwise reads the whole workspace index rather than
    the selective id index (16-80 ms instead of 0.3 ms at 100,000 people).
    """
    return manager.alias(_in_workspace=F("workspace_id") + 0).filter(
        _in_workspace=workspace.pk)


def unpack(key: int) -> tuple[int, int]:
    return key >> PAIR_SHIFT, key & ((1 << PAIR_SHIFT) - 1)


def fact_rows(workspace, *, after_id: int = 0):
    """(fact id, person id, kind, text) of people not archived, closest people
    first and each person's facts together: one query."""
    from amity.people.models import Fact

    facts = Fact.objects.in_workspace(workspace).filter(
        person__archived_at__isnull=True, kind__in=scoring.MATCHED_KINDS)
    if after_id:
        facts = facts.filter(id__gt=after_id)
    return facts.order_by("-person__importance",
                          F("person__last_contact_at").desc(nulls_last=True),
                          "person_id", "id").values_list("id", "person_id", "kind", "text")


def build(workspace, *, keep_profiles: bool = True) -> TermIndex:
    index = TermIndex(workspace.pk, profiles={} if keep_profiles else None)
    index.add_rows(fact_rows(workspace).iterator(chunk_size=5000), keep_profiles)
    return index


def load_profiles(workspace, person_ids) -> dict[int, Profile]:
    """The current facts of these people (not archived), as profiles: one query."""
    from amity.people.models import Fact

    profiles: dict[int, Profile] = {}
    cache: dict[str, frozenset[str]] = {}
    rows = (by_ids(Fact.objects, workspace)
            .filter(person_id__in=list(person_ids), person__archived_at__isnull=True)
            .order_by("person_id", "id").values_list("person_id", "kind", "text"))
    for pid, kind, text in rows:
        if kind not in scoring.MATCHED_KINDS:
            continue
        if text not in cache:
            cache[text] = terms(text)
        profiles.setdefault(pid, Profile(pid)).add(kind, text, cache[text])
    return profiles


# -- the per-process cache for large workspaces --------------------------------

_cache: dict[int, TermIndex] = {}
_lock = threading.Lock()
_rebuilding: set[int] = set()
MAX_CACHED = 4


def index_for(workspace) -> TermIndex:
    """An index good enough to find candidates, kept per workspace in this process.

    A small workspace's index is checked against a fingerprint of its facts
    (how many, the newest, their total length, their kinds) on every call, so
    it is never stale. Reading that costs a scan, so a large workspace's is
    checked against the newest fact only: new facts are added as they come,
    and the whole index is rebuilt in the background every REFRESH_SECONDS.
    """
    with _lock:
        cached = _cache.get(workspace.pk)
        if cached is not None and cached.large:
            top = _newest_fact(workspace)
            if top < cached.max_fact_id:
                cached = _store(_build_cached(workspace, None))
            elif top > cached.max_fact_id:
                # New facts since: add them (cheap); a person's order in the lists may lag.
                cached.add_rows(fact_rows(workspace, after_id=cached.max_fact_id), False)
            if time.monotonic() - cached.built_at > REFRESH_SECONDS:
                _rebuild_in_background(workspace)
            return cached
        signature = None if _is_large(workspace) else fingerprint(workspace)
        if cached is None or signature is None or cached.signature != signature:
            cached = _store(_build_cached(workspace, signature))
        return cached


def _build_cached(workspace, signature) -> TermIndex:
    index = build(workspace, keep_profiles=False)
    index.signature = signature
    index.large = signature is None or index.fact_count > FRESH_LIMIT
    return index


def _newest_fact(workspace) -> int:
    from amity.people.models import Fact

    # MAX(id) answers from the workspace index at once; COUNT would read all of it.
    return Fact.objects.in_workspace(workspace).aggregate(top=Max("id"))["top"] or 0


def _is_large(workspace) -> bool:
    from amity.people.models import Fact

    return Fact.objects.in_workspace(workspace).order_by("id").values_list(
        "id", flat=True)[FRESH_LIMIT:FRESH_LIMIT + 1].exists()


def fingerprint(workspace) -> tuple:
    """What changes when a fact is added, edited or deleted, or a person is
    archived or brought back: two aggregate queries (the facts without a join,
    which would double their cost; the archived people from their index)."""
    from amity.people.models import Fact, Person

    codes = {kind: 10 ** i for i, kind in enumerate(scoring.MATCHED_KINDS)}
    facts = Fact.objects.in_workspace(workspace).aggregate(
        n=Count("id"), top=Max("id"), ids=Sum("id"), people=Sum("person_id"),
        chars=Sum(Length("text")),
        kinds=Sum(Case(*(When(kind=k, then=Value(c)) for k, c in codes.items()),
                       default=Value(0))))
    archived = Person.objects.in_workspace(workspace).filter(
        archived_at__isnull=False).aggregate(n=Count("id"), ids=Sum("id"))
    return (*(facts[k] or 0 for k in ("n", "top", "ids", "people", "chars", "kinds")),
            archived["n"], archived["ids"] or 0)


def ready(workspace) -> bool:
    """Whether ``index_for`` answers at once: a small workspace (indexed in
    milliseconds) or a large one already cached. A large one not yet cached
    starts building in the background, so a page can say "come back soon"
    rather than wait seconds."""
    cached = _cache.get(workspace.pk)
    if cached is not None and cached.large:
        return True
    if _is_large(workspace):
        _rebuild_in_background(workspace)
        return False
    return True


def _store(index: TermIndex) -> TermIndex:
    _cache[index.workspace_id] = index
    while len(_cache) > MAX_CACHED:
        oldest = min(_cache.values(), key=lambda i: i.built_at)
        del _cache[oldest.workspace_id]
    return index


def _rebuild_in_background(workspace) -> None:
    if workspace.pk in _rebuilding or connection.in_atomic_block:
        return
    _rebuilding.add(workspace.pk)

    def run():
        try:
            fresh = _build_cached(workspace, None)
            with _lock:
                _store(fresh)
        finally:
            _rebuilding.discard(workspace.pk)
            close_old_connections()
            connection.close()

    threading.Thread(target=run, name=f"amity-termindex-{workspace.pk}", daemon=True).start()


def forget(workspace=None) -> None:
    """Drop cached indexes (all of them, or one workspace's)."""
    with _lock:
        if workspace is None:
            _cache.clear()
        else:
            _cache.pop(workspace.pk, None)
