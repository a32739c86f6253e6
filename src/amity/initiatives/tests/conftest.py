"""A small hand-made network for the initiatives tests, with a known right ranking.

Alice's coalition is starting a seed library. Ana offers exactly what it needs;
Ben offers grant work (a rare word) and cares about food; Cara offers writing
(a common word here) and cares about food; Dan only shares the description's
allotments. Eve *needs* a grant writer (a need is not an offer), Fay is archived,
and Bob's Bruno offers grant writing in a workspace Alice never sees.
"""

import pytest

from amity.initiatives import actions
from amity.people.actions import add_fact, archive_person


@pytest.fixture
def facts():
    def add(person, **kinds):
        for kind, texts in kinds.items():
            for text in [texts] if isinstance(texts, str) else texts:
                add_fact(person.workspace, person, kind=kind, text=text)
        return person
    return add


@pytest.fixture
def network(workspace, make_person, facts):
    people = {
        "ana": facts(make_person("Ana Ruiz"), offer="Grant writing for small charities",
                     interest="food security"),
        "ben": facts(make_person("Ben Okafor"), offer="grant applications",
                     interest="food security and fair prices"),
        "cara": facts(make_person("Cara Lind"), offer="creative writing workshops",
                      interest="food security"),
        "dan": facts(make_person("Dan Price"), interest="allotments and seed saving"),
        "eve": facts(make_person("Eve Stone"), need="a grant writer"),
        "fay": facts(make_person("Fay Morgan"), offer="grant writing"),
    }
    # Writing is common in this network, so "writ" is worth less than "grant".
    for i, what in enumerate(["poetry writing", "technical writing", "writing reports"]):
        people[f"writer{i}"] = facts(make_person(f"Writer {i}"), offer=what)
    archive_person(workspace, people["fay"])
    return people


@pytest.fixture
def seed_library(workspace, network):
    return actions.create_initiative(
        workspace, name="Seed library", kind="project",
        description="A seed library for the allotments.",
        needs="grant writing, interest: food security")


@pytest.fixture
def bruno(other_workspace, make_person, facts):
    return facts(make_person("Bruno Bobson", ws=other_workspace), offer="grant writing")
