"""Who is aligned with a goal, and what to offer someone: a small network with known answers."""

from datetime import datetime

import pytest
import time_machine

from amity.goals.actions import add_focus, create_goal
from amity.goals.alignment import aligned_people, goal_terms, suggest_offers
from amity.goals.queries import focus_list
from amity.organisations.actions import add_affiliation, create_organisation
from amity.people.actions import add_fact, archive_person
from amity.terms import terms

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen_day():
    with time_machine.travel(datetime(2026, 3, 10, 9, 0), tick=False):
        yield


@pytest.fixture
def network(workspace, other_workspace, make_person):
    """Alice's people, each aligned with the funding goal for a different reason (or not)."""
    people = {}

    def person(name, *facts, ws=None):
        p = make_person(name, ws=ws)
        for kind, text in facts:
            add_fact(ws or workspace, p, kind=kind, text=text)
        people[name] = p
        return p

    person("Ben Okafor", ("offer", "grant writing for community kitchens"))
    person("Dev Patel", ("goal", "fund a new community kitchen"))
    person("Chloé Martin", ("interest", "spring planting"))
    person("Ana Ruiz", ("need", "funding for her pantry"))          # needs it: not aligned
    person("Rita Reyes", ("offer", "refunds for cancelled tickets"))  # "refund" is not "fund"
    gus = person("Gus Grant", ("offer", "grant writing"))
    archive_person(workspace, gus)
    femi, hana, ivy = person("Femi Adé"), person("Hana Sato"), person("Ivy Chen")
    trust = create_organisation(workspace, name="Northern Trust", kind="funder")
    add_affiliation(workspace, femi, trust, represents=True)
    add_affiliation(workspace, hana, trust, start_on="2020-01-01", end_on="2024-12-31")
    add_affiliation(workspace, ivy, create_organisation(workspace, name="Spring Fund Foundation"))
    person("Bob's writer", ("offer", "grant writing for community kitchens"), ws=other_workspace)
    return people


@pytest.fixture
def funding(workspace):
    return create_goal(workspace, title="Funding for the spring programme",
                       description="Grants for the community kitchen")


def test_it_reads_a_goals_words(funding):
    words = goal_terms(funding)
    assert set(words) == terms("funding spring programme grants community kitchen")
    assert words[:3] == sorted(terms(funding.title))  # the title's words come first


def test_it_ranks_the_aligned_people_with_the_known_right_answer(workspace, network, funding):
    aligned = aligned_people(workspace, funding)
    assert [a.person.display_name for a in aligned] == [
        "Ben Okafor",    # offers three of the goal's words
        "Dev Patel",     # aims for three of them
        "Ivy Chen",      # at an organisation whose name shares two
        "Femi Adé",      # represents a funder
        "Chloé Martin",  # cares about one
    ]
    reasons = {a.person.display_name: a.reasons for a in aligned}
    assert reasons["Ben Okafor"] == ["offers “grant writing for community kitchens”"]
    assert reasons["Dev Patel"] == ["aims for “fund a new community kitchen”"]
    assert reasons["Femi Adé"] == ["is at Northern Trust, a funder"]
    assert reasons["Ivy Chen"] == ["is at Spring Fund Foundation"]


def test_it_bounds_and_orders_without_a_query_per_person(workspace, network, funding,
                                                         django_assert_max_num_queries):
    with django_assert_max_num_queries(5):
        top = aligned_people(workspace, funding, limit=2)
    assert [a.person.display_name for a in top] == ["Ben Okafor", "Dev Patel"]


def test_it_finds_nobody_for_a_goal_without_words(workspace, network):
    assert aligned_people(workspace, create_goal(workspace, title="The and of")) == []


def test_it_suggests_what_to_offer_from_needs_and_your_peoples_offers(workspace, make_person):
    ana = make_person("Ana Ruiz")
    add_fact(workspace, ana, kind="need", text="a grant writer for the pantry")
    ben = make_person("Ben Okafor")
    add_fact(workspace, ben, kind="offer", text="grant writing for community kitchens")
    zoe = make_person("Zoe Quinn")
    add_fact(workspace, zoe, kind="offer", text="pantry shelving")
    quiet = make_person("Quiet Person")
    lonely = make_person("Lonely Need")
    add_fact(workspace, lonely, kind="need", text="a harpsichord tuner")

    ideas = suggest_offers(workspace, [ana, quiet, lonely])

    assert ideas[ana.pk].via == ben
    assert ideas[ana.pk].text == ("Introduce them to Ben Okafor, who offers “grant writing for "
                                  "community kitchens” (they need “a grant writer for the "
                                  "pantry”).")
    assert ideas[quiet.pk].text == "Ask what they need: nothing is recorded yet."
    assert ideas[lonely.pk].via is None and "harpsichord" in ideas[lonely.pk].text


def test_it_lists_the_focus_with_stage_next_action_and_offer(workspace, make_person, funding):
    ana, ben = make_person("Ana Ruiz"), make_person("Ben Okafor")
    add_fact(workspace, ana, kind="need", text="a grant writer")
    add_fact(workspace, ben, kind="offer", text="grant writing")
    add_focus(workspace, ana, goal=funding)
    add_focus(workspace, ben, offer="the funder list")
    first, second = focus_list(workspace)
    assert first.person == ana and first.goal == funding and first.stage == "noticed"
    assert first.offer_suggested and "Ben Okafor" in first.offer
    assert second.offer == "the funder list" and not second.offer_suggested
