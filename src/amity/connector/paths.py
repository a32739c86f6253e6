"""Who can introduce me to X: warm paths through your people.

Your people are the nodes; they are linked when they know each other (a
relationship, weighed by its strength), when they are at the same
organisation now, and when one introduced you to the other. You know a
person yourself in proportion to how recently you were in touch (and how
important they are to you); someone you have never been in touch with is
not a way in.

Search runs from the target's side, one hop at a time, fetching only the
neighbours of the people reached so far (``__in`` queries); the second hop
only fetches people you know. So a path is you -> A -> target, or
you -> A -> B -> target (at most three links), never a walk of the whole
graph. For an organisation, the targets are its current people.
Paths come shortest first, then strongest, one per first contact.
"""

import heapq
from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import F, Q
from django.utils import timezone
from django.utils.timesince import timesince

from amity.connector.models import Relationship, RelationshipKind
from amity.connector.termindex import by_ids

MAX_TARGETS = 300      # current people of an organisation taken as targets
ROW_CAP = 5_000        # rows read per neighbour query (people you know first)
MAX_FRONTIER = 300     # people, best linked first, whose neighbours the second hop reads
STRENGTH = {1: 0.4, 2: 0.7, 3: 1.0}
SAME_ORG = 0.6
INTRODUCED_YOU = 0.7

KIND_PHRASES = {
    RelationshipKind.KNOWS: "{a} and {b} know each other",
    RelationshipKind.COLLEAGUES: "{a} and {b} are colleagues",
    RelationshipKind.FRIENDS: "{a} and {b} are friends",
    RelationshipKind.FAMILY: "{a} and {b} are family",
    RelationshipKind.PARTNERS: "{a} and {b} work together",
    RelationshipKind.MENTOR: "{a} and {b} are mentor and mentee",
    RelationshipKind.INTRODUCED: "you introduced {a} and {b}",
}


@dataclass
class WarmPath:
    people: list          # Person objects: your first contact ... the target person
    hops: int             # links from you: 1 = you know the target yourself
    strength: float       # 0..1, the product of the links' strengths
    explanation: str      # "You know Ana well (last talked 2 weeks ago); Ana and Ben ..."

    @property
    def label(self) -> str:
        return "strong" if self.strength >= 0.5 else "good" if self.strength >= 0.25 else "weak"


def _ago(then, now) -> str:
    # timesince() joins with a no-break space; plain text (API, CLI) wants a space.
    return timesince(then, now, depth=1).replace("\xa0", " ")


@dataclass
class _Node:
    pk: int
    name: str
    last_contact_at: object
    importance: int
    tie: float = 0.0


# A link from one person towards the target: (how much it is worth, the next
# person, how they are linked). "how" is ("rel", kind, strength), ("org", org id)
# or ("intro", introducer id, introduced id).
Link = tuple[float, int, tuple]


def warm_paths(workspace, target, limit: int = 5) -> list[WarmPath]:
    from amity.organisations.models import Organisation

    organisation = target if isinstance(target, Organisation) else None
    if organisation is not None and organisation.workspace_id != workspace.pk:
        return []
    if organisation is None and target.workspace_id != workspace.pk:
        return []
    graph = _Graph(workspace)
    targets = (graph.organisation_people(organisation) if organisation is not None
               else [target.pk])
    if not targets:
        return []
    graph.load_nodes(targets)
    targets = [t for t in targets if t in graph.nodes]  # not archived
    # Shortest first: a longer hop is only searched when the shorter ones
    # have not yet given ``limit`` different first contacts.
    found = [(1, graph.tie(t), [t], []) for t in targets if graph.tie(t) > 0]
    if _first_contacts(found) < limit:
        first = graph.expand({t: 1.0 for t in targets}, known_only=False)
        for t in targets:
            first.pop(t, None)
        found += _best(limit, ((2, graph.tie(a) * value, [a, t], [how])
                               for a, (value, t, how) in first.items() if graph.tie(a) > 0))
        if first and _first_contacts(found) < limit:
            frontier = heapq.nlargest(MAX_FRONTIER, first.items(), key=lambda item: item[1][0])
            second = graph.expand({pk: link[0] for pk, link in frontier}, known_only=True)
            skip = set(first) | set(targets)
            found += _best(limit, ((3, graph.tie(a) * value, [a, b, first[b][1]],
                                    [how, first[b][2]])
                                   for a, (value, b, how) in second.items() if a not in skip))
    return graph.render(_choose(found, limit), organisation)


def _best(limit, paths):
    """The ``limit`` strongest of one length (each has its own first contact)."""
    return heapq.nlargest(limit, paths, key=lambda path: (path[1], -path[2][0]))


def _first_contacts(found) -> int:
    return len({path[2][0] for path in found})


def _choose(found, limit):
    """Shortest, then strongest; one path per first contact."""
    found.sort(key=lambda p: (p[0], -p[1], p[2][0]))
    chosen, used = [], set()
    for path in found:
        if path[2][0] not in used:
            used.add(path[2][0])
            chosen.append(path)
            if len(chosen) == limit:
                break
    return chosen


class _Graph:
    def __init__(self, workspace):
        self.workspace = workspace
        self.nodes: dict[int, _Node] = {}
        self.org_names: dict[int, str] = {}
        self.now = timezone.now()
        self.current = Q(end_on__isnull=True) | Q(end_on__gte=timezone.localdate())

    # -- reading ----------------------------------------------------------------

    def organisation_people(self, organisation) -> list[int]:
        from amity.organisations.models import Affiliation

        self.org_names[organisation.pk] = organisation.name
        rows = (by_ids(Affiliation.objects, self.workspace)
                .filter(self.current, organisation_id=organisation.pk,
                        person__archived_at__isnull=True)
                .order_by("-represents", F("person__last_contact_at").desc(nulls_last=True),
                          "person_id")
                .values_list("person_id", flat=True)[:MAX_TARGETS])
        return list(dict.fromkeys(rows))

    def load_nodes(self, ids) -> None:
        """Name, last contact and importance of people not yet read (not archived)."""
        from amity.people.models import Person

        missing = [pk for pk in ids if pk not in self.nodes]
        for start in range(0, len(missing), 5000):
            for row in (by_ids(Person.objects, self.workspace)
                        .filter(pk__in=missing[start:start + 5000], archived_at__isnull=True)
                        .values_list("pk", "display_name", "last_contact_at", "importance")):
                self._add_node(*row)

    def _add_node(self, pk, name, last_contact_at, importance) -> None:
        node = self.nodes[pk] = _Node(pk, name, last_contact_at, importance)
        node.tie = self._tie(node)

    def expand(self, frontier: dict[int, float], *, known_only: bool) -> dict[int, Link]:
        """The best link from each neighbour of the frontier towards the targets:
        {neighbour: (value, frontier person, how)}."""
        best: dict[int, Link] = {}

        def offer(pk, value, via, how):
            if pk != via and (pk not in best or value > best[pk][0]):
                best[pk] = (value, via, how)

        ids = list(frontier)
        for a, b, kind, strength in self._relationships(ids):
            for me, other in ((a, b), (b, a)):
                if other in frontier:
                    offer(me, STRENGTH.get(strength, 0.7) * frontier[other], other,
                          ("rel", kind, strength))
        for pk, introducer in self._introductions(ids):
            if introducer in frontier:
                offer(pk, INTRODUCED_YOU * frontier[introducer], introducer,
                      ("intro", introducer, pk))
            if pk in frontier:
                offer(introducer, INTRODUCED_YOU * frontier[pk], pk, ("intro", introducer, pk))
        for org, (via, value), members in self._organisations(frontier, known_only):
            for pk in members:
                offer(pk, SAME_ORG * value, via, ("org", org))
        self.load_nodes(best)
        # Archived people are not read, so they drop out here; on the second
        # hop only the people you know yourself are of any use.
        keep = (lambda pk: self.tie(pk) > 0) if known_only else (lambda pk: pk in self.nodes)
        return {pk: link for pk, link in best.items() if keep(pk)}

    def _relationships(self, ids):
        return (by_ids(Relationship.objects, self.workspace)
                .filter(Q(person_id__in=ids) | Q(other_id__in=ids))
                .values_list("person_id", "other_id", "kind", "strength")[:ROW_CAP])

    def _introductions(self, ids):
        """(person, who introduced you to them) where either is in ``ids``."""
        from amity.people.models import Person

        people = by_ids(Person.objects, self.workspace).filter(archived_at__isnull=True)
        rows = list(people.filter(introduced_by_id__in=ids)
                    .values_list("pk", "introduced_by_id")[:ROW_CAP])
        rows += list(people.filter(pk__in=ids, introduced_by__isnull=False)
                     .values_list("pk", "introduced_by_id"))
        return rows

    def _organisations(self, frontier, known_only):
        """For each current organisation of the frontier: the frontier person
        who leads there best, and the organisation's other current people."""
        from amity.organisations.models import Affiliation

        leads: dict[int, tuple[int, float]] = {}
        for pk, org in (by_ids(Affiliation.objects, self.workspace)
                        .filter(self.current, person_id__in=list(frontier))
                        .values_list("person_id", "organisation_id")):
            if org not in leads or frontier[pk] > leads[org][1]:
                leads[org] = (pk, frontier[pk])
        if not leads:
            return []
        members = defaultdict(list)
        rows = (by_ids(Affiliation.objects, self.workspace)
                .filter(self.current, organisation_id__in=list(leads),
                        person__archived_at__isnull=True))
        if known_only:
            rows = rows.filter(person__last_contact_at__isnull=False)
        rows = rows.order_by(F("person__last_contact_at").desc(nulls_last=True))
        # The people come with the rows: no second query with thousands of ids.
        for pk, org, name, *person in rows.values_list(
                "person_id", "organisation_id", "organisation__name", "person__display_name",
                "person__last_contact_at", "person__importance")[:ROW_CAP]:
            members[org].append(pk)
            self.org_names[org] = name
            if pk not in self.nodes:
                self._add_node(pk, *person)
        return [(org, leads[org], members[org]) for org in leads]

    # -- you -----------------------------------------------------------------------

    def tie(self, pk) -> float:
        node = self.nodes.get(pk)
        return node.tie if node is not None else 0.0

    def _tie(self, node) -> float:
        """How well you know them yourself: recency of contact, then importance."""
        if node.last_contact_at is None:
            return 0.0
        days = (self.now - node.last_contact_at).days
        recency = 1.0 if days <= 30 else 0.8 if days <= 90 else 0.5 if days <= 365 else 0.25
        return round(recency * (0.7 + 0.1 * (node.importance or 2)), 3)

    # -- paths ---------------------------------------------------------------------

    def render(self, chosen, organisation) -> list[WarmPath]:
        from amity.people.models import Person

        ids = {pk for _, _, chain, _ in chosen for pk in chain}
        people = by_ids(Person.objects, self.workspace).in_bulk(ids)
        result = []
        for hops, strength, chain, links in chosen:
            steps = [self._you_know(chain[0])]
            for (a, b), how in zip(zip(chain, chain[1:], strict=False), links, strict=True):
                steps.append(self._link_text(a, b, how))
            if organisation is not None:
                steps.append(f"{self._name(chain[-1])} is at {organisation.name}")
            result.append(WarmPath([people[pk] for pk in chain], hops, round(strength, 3),
                                   "; ".join(steps)))
        return result

    def _name(self, pk) -> str:
        return self.nodes[pk].name

    def _you_know(self, pk) -> str:
        node, tie = self.nodes[pk], self.tie(pk)
        how = " well" if tie >= 0.7 else "" if tie >= 0.4 else " a little"
        ago = self.now - node.last_contact_at
        when = ("last talked today" if ago < timedelta(days=1)
                else f"last talked {_ago(node.last_contact_at, self.now)} ago")
        return f"You know {node.name}{how} ({when})"

    def _link_text(self, a, b, how) -> str:
        if how[0] == "rel":
            phrase = KIND_PHRASES.get(how[1], KIND_PHRASES[RelationshipKind.KNOWS])
            return phrase.format(a=self._name(a), b=self._name(b))
        if how[0] == "org":
            return (f"{self._name(a)} and {self._name(b)} are both at "
                    f"{self.org_names.get(how[1], 'the same organisation')}")
        introducer, introduced = how[1], how[2]
        return f"{self._name(introducer)} introduced you to {self._name(introduced)}"
