"""Warm paths on a tiny network with known right answers.

    you ─ Ana (well, a week ago) ─ friends, close ─ Ben ─ knows ─ Tara
    you ─ Cy (six months ago) ─ acquaintances ─ Tara
    you ─ Eve (two months ago) ─ both at Riverside Food Bank ─ Tara
    Dee (never in touch) ─ close ─ Tara
"""

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from amity.connector.actions import add_relationship
from amity.connector.paths import warm_paths
from amity.organisations.actions import add_affiliation, create_organisation
from amity.people.actions import archive_person, update_person


@pytest.fixture(autouse=True)
def frozen_day():
    with time_machine.travel(datetime(2026, 3, 10, 9, 0), tick=False):
        yield


@pytest.fixture
def known(make_person):
    def make(name, days_ago=None, importance=2):
        person = make_person(name, importance=importance)
        if days_ago is not None:
            person.last_contact_at = timezone.now() - timedelta(days=days_ago)
            person.save()
        return person
    return make


@pytest.fixture
def network(workspace, known):
    people = {
        "ana": known("Ana Ruiz", days_ago=7, importance=3),
        "ben": known("Ben Okafor"),
        "cy": known("Cy Young", days_ago=183),
        "dee": known("Dee Nolan"),
        "eve": known("Eve Adams", days_ago=60),
        "tara": known("Tara Singh"),
    }
    add_relationship(workspace, people["ana"], people["ben"], kind="friends", strength=3)
    add_relationship(workspace, people["ben"], people["tara"], kind="knows", strength=2)
    add_relationship(workspace, people["cy"], people["tara"], kind="knows", strength=1)
    add_relationship(workspace, people["dee"], people["tara"], kind="friends", strength=3)
    food_bank = create_organisation(workspace, name="Riverside Food Bank")
    add_affiliation(workspace, people["eve"], food_bank, role="Director")
    add_affiliation(workspace, people["tara"], food_bank, role="Volunteer")
    people["food_bank"] = food_bank
    return people


def chains(paths):
    return [[p.display_name for p in path.people] for path in paths]


def test_it_finds_the_shortest_paths_first_then_the_strongest(workspace, network):
    paths = warm_paths(workspace, network["tara"])
    assert chains(paths) == [["Eve Adams", "Tara Singh"], ["Cy Young", "Tara Singh"],
                             ["Ana Ruiz", "Ben Okafor", "Tara Singh"]]
    assert [p.hops for p in paths] == [2, 2, 3]
    assert paths[0].strength > paths[1].strength
    assert paths[0].explanation == ("You know Eve Adams well (last talked 2 months ago); "
                                    "Eve Adams and Tara Singh are both at Riverside Food Bank")
    assert paths[1].explanation == ("You know Cy Young (last talked 6 months ago); "
                                    "Cy Young and Tara Singh know each other")
    assert paths[2].explanation == ("You know Ana Ruiz well (last talked 1 week ago); "
                                    "Ana Ruiz and Ben Okafor are friends; "
                                    "Ben Okafor and Tara Singh know each other")


def test_someone_you_were_never_in_touch_with_is_not_a_way_in(workspace, network):
    assert all(path.people[0] != network["dee"] for path in warm_paths(workspace,
                                                                       network["tara"]))


def test_it_stops_at_the_limit_keeping_the_shortest(workspace, network):
    assert chains(warm_paths(workspace, network["tara"], limit=1)) == [
        ["Eve Adams", "Tara Singh"]]


def test_knowing_the_target_yourself_comes_first(workspace, network):
    update_person(workspace, network["tara"], importance=3)
    tara = network["tara"]
    tara.last_contact_at = timezone.now() - timedelta(days=2)
    tara.save()
    paths = warm_paths(workspace, tara)
    assert paths[0].hops == 1 and chains(paths)[0] == ["Tara Singh"]
    assert paths[0].explanation == "You know Tara Singh well (last talked 2 days ago)"


def test_archived_people_are_no_way_in(workspace, network):
    archive_person(workspace, network["ben"])
    assert ["Ana Ruiz", "Ben Okafor", "Tara Singh"] not in chains(
        warm_paths(workspace, network["tara"]))


def test_a_past_organisation_is_no_link(workspace, network):
    from amity.organisations.models import Affiliation

    Affiliation.objects.filter(person=network["eve"]).update(end_on=date(2025, 1, 1))
    assert ["Eve Adams", "Tara Singh"] not in chains(warm_paths(workspace, network["tara"]))


def test_it_reaches_an_organisation_through_any_of_its_people(workspace, network):
    paths = warm_paths(workspace, network["food_bank"])
    assert chains(paths) == [["Eve Adams"], ["Cy Young", "Tara Singh"],
                             ["Ana Ruiz", "Ben Okafor", "Tara Singh"]]
    assert paths[0].explanation == ("You know Eve Adams well (last talked 2 months ago); "
                                    "Eve Adams is at Riverside Food Bank")
    assert paths[1].explanation.endswith("; Tara Singh is at Riverside Food Bank")


def test_who_introduced_you_links_two_people(workspace, known):
    gus = known("Gus Hahn", days_ago=3)
    hana = known("Hana Ito")
    update_person(workspace, hana, introduced_by=gus)
    [path] = warm_paths(workspace, hana)
    assert path.explanation == ("You know Gus Hahn well (last talked 3 days ago); "
                                "Gus Hahn introduced you to Hana Ito")


def test_it_finds_nothing_when_no_one_links_you(workspace, known):
    assert warm_paths(workspace, known("Island Person")) == []


def test_it_never_crosses_workspaces(workspace, other_workspace, network, make_person):
    bruno = make_person("Bruno Bobson", ws=other_workspace)
    assert warm_paths(workspace, bruno) == []
    assert warm_paths(other_workspace, network["tara"]) == []


def test_it_reads_a_bounded_number_of_queries(workspace, network, django_assert_max_num_queries):
    with django_assert_max_num_queries(16):
        warm_paths(workspace, network["tara"])
