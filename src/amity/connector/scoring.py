"""How well two people fit, and why: the one interface a better scorer replaces.

A ``Profile`` is what we know that matters to one person (their facts, each
with its terms). A ``Scorer`` compares two profiles and answers
``(score, matches)``; each ``Match`` says which of their facts meet and on
what topic. The pair's score is the sum of its matches' scores, so the
matching pipeline can drop a match (a topic one of them wants to avoid)
and still rank the rest the same way, whatever the scorer.

``TermScorer`` is the first scorer: shared words (``amity.terms``), each
worth more the rarer it is among your people (IDF). A semantic scorer
(embeddings) would implement the same ``score`` and nothing else changes.
"""

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import NamedTuple, Protocol

from amity.phrasing import verb_base
from amity.terms import terms

# The fact kinds matching reads; "avoid" only ever removes a topic.
NEED, OFFER, INTEREST, VALUE, GOAL, AVOID = "need", "offer", "interest", "value", "goal", "avoid"
MATCHED_KINDS = (NEED, OFFER, INTEREST, VALUE, GOAL, AVOID)

# What a match is: A needs what B offers, B needs what A offers, both care
# about the same thing (interests and values), both share a goal.
A_NEEDS, B_NEEDS, SHARED, GOALS = "a_needs", "b_needs", "shared", "goals"
# A need met by an offer is the strongest reason to meet; a shared goal
# comes next, then shared interests and values.
WEIGHTS = {A_NEEDS: 4.0, B_NEEDS: 4.0, GOALS: 1.5, SHARED: 1.0}


class FactTerms(NamedTuple):
    kind: str
    text: str
    terms: frozenset[str]


@dataclass
class Profile:
    """One person's facts, as matching sees them."""

    person_id: int
    facts: list[FactTerms] = field(default_factory=list)

    def add(self, kind: str, text: str, fact_terms: frozenset[str] | None = None) -> None:
        self.facts.append(FactTerms(kind, text, terms(text) if fact_terms is None
                                    else fact_terms))

    def of(self, *kinds: str) -> list[FactTerms]:
        return [f for f in self.facts if f.kind in kinds]

    @property
    def avoided(self) -> frozenset[str]:
        return frozenset().union(*(f.terms for f in self.facts if f.kind == AVOID))


@dataclass(frozen=True)
class Match:
    """Two facts that meet: ``a_text`` is A's fact, ``b_text`` is B's."""

    kind: str
    a_text: str
    b_text: str
    topic: frozenset[str]
    score: float


class Scorer(Protocol):
    def score(self, a: Profile, b: Profile) -> tuple[float, list[Match]]:
        """How well A and B fit (the sum of the matches' scores) and why, best match first."""
        ...


class TermScorer:
    """Shared terms between the facts that should meet, weighted by rarity.

    Two facts score ``weight * sum(idf of shared terms) / sqrt(shared terms)``:
    rare words count for more, and a long sentence shared word for word
    does not outweigh a need met by an offer.
    """

    def __init__(self, idf: Callable[[str], float]):
        self.idf = idf

    def score(self, a: Profile, b: Profile) -> tuple[float, list[Match]]:
        matches = [
            *self._pairs(A_NEEDS, a.of(NEED), b.of(OFFER)),
            *self._pairs(B_NEEDS, a.of(OFFER), b.of(NEED)),
            *self._pairs(SHARED, a.of(INTEREST, VALUE), b.of(INTEREST, VALUE)),
            *self._pairs(GOALS, a.of(GOAL), b.of(GOAL)),
        ]
        matches.sort(key=lambda m: -m.score)
        return sum(m.score for m in matches), matches

    def _pairs(self, kind: str, mine: list[FactTerms],
               theirs: list[FactTerms]) -> Iterable[Match]:
        # ``mine`` are A's facts, ``theirs`` B's: for B_NEEDS, A's offers and B's needs.
        weight = WEIGHTS[kind]
        for x in mine:
            for y in theirs:
                shared = x.terms & y.terms
                if shared:
                    worth = sum(self.idf(t) for t in shared) / math.sqrt(len(shared))
                    yield Match(kind, x.text, y.text, shared, weight * worth)


def idf_from(people: int, df: dict[str, int]) -> Callable[[str], float]:
    """Inverse document frequency over people: log(1 + N / people with the term)."""
    def idf(term: str) -> float:
        return math.log(1 + people / max(1, df.get(term, 1)))
    return idf


def without_avoided(a: Profile, b: Profile, matches: list[Match]) -> list[Match]:
    """The matches whose topic neither person wants to talk about are dropped."""
    avoided = a.avoided | b.avoided
    if not avoided:
        return matches
    return [m for m in matches if not m.topic & avoided]


# -- reasons in plain language -----------------------------------------------

# First words lower-cased inside a sentence ("A grant writer" -> "Ana needs a
# grant writer", "Writes grants" -> "Ben writes grants"); any other capital is
# kept: "Spanish", "NGO", "Ana".
_LOWER_WORDS = frozenset({"a", "an", "the", "some", "someone", "somebody", "any", "more",
                          "our", "their", "his", "her", "its", "my", "help", "advice"})


def _starts_with_verb(text: str) -> bool:
    """Whether an offer reads as a sentence after a name ("Ben writes grants");
    otherwise it reads "Ben offers <text>"."""
    first, _, rest = text.partition(" ")
    return verb_base(first.lower(), rest) is not None


def mid_sentence(text: str) -> str:
    """"Writes grants" -> "writes grants", but "Spanish lessons" stays as it is."""
    text = text.strip().rstrip(".")
    first = text.split(" ", 1)[0]
    if first[:1].isupper() and (first.lower() in _LOWER_WORDS or _starts_with_verb(text)):
        return text[0].lower() + text[1:]
    return text


def _strip_lead(text: str, *leads: str) -> str:
    lowered = text.lower()
    for lead in leads:
        if lowered.startswith(lead + " "):
            return text[len(lead) + 1:]
    return text


def needs_clause(name: str, text: str) -> str:
    return f"{name} needs {mid_sentence(_strip_lead(text.strip(), 'needs', 'need'))}"


def offers_clause(name: str, text: str) -> str:
    text = mid_sentence(text)
    if _starts_with_verb(text):
        return f"{name} {text}"
    return f"{name} offers {text}"


def _same(x: str, y: str) -> bool:
    return x.strip().rstrip(".").casefold() == y.strip().rstrip(".").casefold()


def match_clauses(match: Match, a_name: str, b_name: str) -> list[str]:
    a_text, b_text = mid_sentence(match.a_text), mid_sentence(match.b_text)
    if match.kind == A_NEEDS:
        return [needs_clause(a_name, match.a_text), offers_clause(b_name, match.b_text)]
    if match.kind == B_NEEDS:
        return [needs_clause(b_name, match.b_text), offers_clause(a_name, match.a_text)]
    if match.kind == SHARED:
        if _same(a_text, b_text):
            return [f"both care about {a_text}"]
        return [f"{a_name} cares about {a_text}, {b_name} about {b_text}"]
    if _same(a_text, b_text):
        return [f"both have the goal: {a_text}"]
    return [f"{a_name}'s goal ({a_text}) is close to {b_name}'s ({b_text})"]


ORDER = {A_NEEDS: 0, B_NEEDS: 0, GOALS: 1, SHARED: 2}


def best_matches(matches: list[Match], limit: int = 3) -> list[Match]:
    """The strongest matches, at most one per fact, needs and offers first."""
    chosen, used = [], set()
    for m in sorted(matches, key=lambda m: (ORDER[m.kind], -m.score)):
        keys = {("a", m.a_text.casefold()), ("b", m.b_text.casefold())}
        if keys & used:
            continue
        used |= keys
        chosen.append(m)
        if len(chosen) == limit:
            break
    return chosen


def reason_text(a_name: str, b_name: str, matches: list[Match], clauses: int = 3) -> str:
    """"Ana needs a grant writer; Ben writes grants; both care about food sovereignty":
    the best matches, until there are at least ``clauses`` clauses."""
    said: list[str] = []
    for match in best_matches(matches, clauses):
        said += match_clauses(match, a_name, b_name)
        if len(said) >= clauses:
            break
    return "; ".join(said)


def short_names(a, b) -> tuple[str, str]:
    """First names, unless the two share one (then the full names)."""
    def first(person):
        return (person.given_name or person.display_name.split(" ", 1)[0]).strip() or \
            person.display_name
    x, y = first(a), first(b)
    if x.casefold() == y.casefold():
        return a.display_name, b.display_name
    return x, y
