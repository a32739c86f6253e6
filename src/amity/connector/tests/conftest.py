"""Small hand-made networks for the connector's tests."""

import pytest

from amity.people.actions import add_fact


@pytest.fixture
def person_with(workspace, make_person):
    """``person_with("Ana Ruiz", need="a grant writer", value="food sovereignty")``;
    a kind may take a list for several facts of that kind."""
    def make(name, ws=None, **facts):
        ws = ws or workspace
        person = make_person(name, ws=ws)
        for kind, texts in facts.items():
            for text in [texts] if isinstance(texts, str) else texts:
                add_fact(ws, person, kind=kind, text=text)
        return person

    return make


@pytest.fixture
def ana(person_with):
    return person_with("Ana Ruiz", need="a grant writer for the spring appeal",
                       value="food sovereignty")


@pytest.fixture
def ben(person_with):
    return person_with("Ben Okafor", offer="writes grants for free for small groups",
                       value="food sovereignty")
