"""Introduction suggestions: who among your people should meet, and why.

Contract used by other apps (keep these signatures):

- ``suggest(workspace, limit=50) -> list[Suggestion]``: the best pairs, ranked.
- ``suggest_for(workspace, person, limit=5) -> list[Suggestion]``: the best
  matches for one person; ``suggestion.person_a`` is that person.
"""

from dataclasses import dataclass


@dataclass
class Suggestion:
    person_a: object   # people.Person
    person_b: object   # people.Person
    score: float
    reason: str        # plain language: "Ana needs a grant writer; Ben offers grant writing; ..."


def suggest(workspace, limit: int = 50) -> list[Suggestion]:
    return []  # placeholder until the term-index matcher lands


def suggest_for(workspace, person, limit: int = 5) -> list[Suggestion]:
    return []  # placeholder until the term-index matcher lands
