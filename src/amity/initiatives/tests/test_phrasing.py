"""Facts as phrases about their person: reasons in the third person, drafts in the second."""

import pytest

from amity.phrasing import about, lower_first, to_you


@pytest.mark.parametrize(("kind", "text", "third", "second"), [
    ("offer", "Grant writing", "offers grant writing", "you offer grant writing"),
    ("offer", "writes grant applications for small groups",
     "writes grant applications for small groups",
     "you write grant applications for small groups"),
    ("offer", "teaches composting workshops", "teaches composting workshops",
     "you teach composting workshops"),
    ("offer", "can lend a van", "can lend a van", "you can lend a van"),
    ("offer", "has written foundation grants for years",
     "has written foundation grants for years", "you have written foundation grants for years"),
    ("offer", "is a housing lawyer", "is a housing lawyer", "you are a housing lawyer"),
    ("offer", "maps of the north side", "offers maps of the north side",
     "you offer maps of the north side"),
    ("goal", "open a second food pantry", "wants to open a second food pantry",
     "you want to open a second food pantry"),
    ("goal", "to publish a book", "wants to publish a book", "you want to publish a book"),
    ("goal", "a fairer food system", "is working towards a fairer food system",
     "you are working towards a fairer food system"),
    ("interest", "Food security", "cares about food security", "you care about food security"),
    ("value", "dignity over charity", "values dignity over charity",
     "you value dignity over charity"),
])
def test_it_phrases_a_fact_both_ways(kind, text, third, second):
    assert about(kind, text) == third
    assert to_you(kind, text) == second


@pytest.mark.parametrize(("text", "expected"), [
    ("Grant writing", "grant writing"), ("A seed library", "a seed library"),
    ("NGO law", "NGO law"), ("I run it", "I run it"), ("", "")])
def test_it_lowers_only_an_ordinary_first_word(text, expected):
    assert lower_first(text) == expected
