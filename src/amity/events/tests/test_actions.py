"""Events and quick capture: record_met and who is expected there."""

from datetime import date, datetime

import pytest
import time_machine

from amity.errors import Invalid, NotFound
from amity.events.actions import (
    access_event,
    create_event,
    delete_event,
    expect_person,
    record_met,
    resolve_event,
    unexpect_person,
    update_event,
)
from amity.events.models import Attendance
from amity.followups.models import FollowUp
from amity.organisations.actions import add_affiliation, find_or_create_organisation
from amity.organisations.models import Affiliation, Organisation
from amity.people.actions import add_fact, archive_person
from amity.people.models import Fact, Person

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen_day():
    # Saturday 7 March 2026: the summit was on Thursday 5 March.
    with time_machine.travel(datetime(2026, 3, 7, 10, 0), tick=False):
        yield


@pytest.fixture
def summit(workspace):
    return create_event(workspace, name="Food Justice Summit", starts_on="2026-03-05",
                        place="Leeds Town Hall", kind="conference")


def test_it_creates_edits_and_deletes_an_event(workspace):
    event = create_event(workspace, name="Growers' meetup", starts_on="friday",
                         url="growers.example.org")
    assert event.starts_on == date(2026, 3, 13) and event.kind == "meetup"
    assert event.url == "https://growers.example.org"
    update_event(workspace, event, ends_on="2026-03-14", place="The allotments")
    event.refresh_from_db()
    assert event.ends_on == date(2026, 3, 14) and event.place == "The allotments"
    delete_event(workspace, event)
    with pytest.raises(NotFound):
        access_event(workspace, event.pk)


def test_it_names_every_bad_field_of_an_event(workspace):
    with pytest.raises(Invalid) as caught:
        create_event(workspace, name=" ", starts_on="someday", kind="party")
    assert set(caught.value.errors) == {"name", "starts_on", "kind"}
    assert "name cannot be empty" in caught.value.errors["name"]
    with pytest.raises(Invalid) as caught:
        create_event(workspace, name="Summit", starts_on="2026-03-05", ends_on="2026-03-01")
    assert caught.value.errors == {"ends_on": "The event's end date is before its start date."}


def test_it_records_a_new_person_met_with_organisation_fact_and_follow_up(workspace, summit):
    [met] = record_met(workspace, summit, ["Ana Ruiz, Riverside Food Bank, community fridges"])

    ana = Person.objects.get(display_name="Ana Ruiz")
    assert met.created and met.person == ana
    assert (ana.met_event, ana.met_on, ana.met_where) == ("Food Justice Summit",
                                                          date(2026, 3, 5), "Leeds Town Hall")
    attendance = Attendance.objects.get(event=summit, person=ana)
    assert attendance.status == "met" and attendance.is_new
    affiliation = Affiliation.objects.get(person=ana)
    assert affiliation.organisation.name == "Riverside Food Bank" and affiliation.is_current
    fact = Fact.objects.get(person=ana)
    assert (fact.kind, fact.text, fact.learned_on) == ("interest", "community fridges",
                                                       date(2026, 3, 5))
    follow_up = FollowUp.objects.get(person=ana)
    assert follow_up.action == "Follow up with Ana after Food Justice Summit"
    assert follow_up.due_on == date(2026, 3, 8)  # three days after the event


def test_it_makes_the_people_met_findable_by_name_organisation_and_what_matters(workspace,
                                                                               summit):
    from amity.search.index import search_ids

    record_met(workspace, summit, ["Ana Ruiz, Riverside Food Bank, community fridges",
                                   "Ben Okafor, , offers: bookkeeping"])
    for words, who in [("ana ruiz", "Ana Ruiz"), ("riverside", "Ana Ruiz"),
                       ("fridges", "Ana Ruiz"), ("bookkeeping", "Ben Okafor")]:
        person = Person.objects.get(display_name=who)
        assert search_ids(workspace, words).ids == [person.pk], words


def test_it_finds_an_existing_person_by_exact_name_and_gives_no_follow_up(workspace, summit,
                                                                          make_person):
    jose = make_person("José Álvarez")
    food_bank = find_or_create_organisation(workspace, "Food Bank")
    add_affiliation(workspace, jose, food_bank)
    add_fact(workspace, jose, kind="offer", text="a van on Saturdays")

    [met] = record_met(workspace, summit, [
        {"name": "jose alvarez", "organisation": "food bank",
         "what_matters": "offers: a van on Saturdays; needs: volunteers"}])

    assert not met.created and met.person == jose and met.follow_up is None
    assert Person.objects.filter(workspace=workspace).count() == 1
    assert Affiliation.objects.filter(person=jose).count() == 1    # not linked twice
    assert Organisation.objects.count() == 1
    assert [(f.kind, f.text) for f in met.facts] == [("need", "volunteers")]  # offer known
    attendance = Attendance.objects.get(event=summit, person=jose)
    assert attendance.status == "met" and not attendance.is_new
    assert not FollowUp.objects.exists()


def test_it_reads_the_kind_of_what_matters_from_its_prefix(workspace, summit):
    record_met(workspace, summit, [
        "Ana Ruiz, , needs: a grant writer",
        "Ben Okafor, , offers: grant writing, and editing",
        "Chloé Martin, , goal: a city food strategy",
        "Dev Patel, , composting; values: fairness",
    ])
    kinds = dict(Fact.objects.values_list("person__display_name", "kind").order_by("id")[:3])
    assert kinds == {"Ana Ruiz": "need", "Ben Okafor": "offer", "Chloé Martin": "goal"}
    assert Fact.objects.get(person__display_name="Ben Okafor").text == \
        "grant writing, and editing"  # commas after the second one belong to what matters
    assert sorted(Fact.objects.filter(person__display_name="Dev Patel")
                  .values_list("kind", "text")) == [("interest", "composting"),
                                                    ("value", "fairness")]
    assert not Affiliation.objects.exists()
    assert FollowUp.objects.count() == 4


def test_it_writes_nothing_when_one_row_is_bad(workspace, summit):
    with pytest.raises(Invalid) as caught:
        record_met(workspace, summit, ["Ana Ruiz, Food Bank, fridges",
                                       ", Orphan Org, no name here",
                                       "Ben Okafor, " + "x" * 201])
    assert caught.value.errors == {
        "entries[1].name": "Row 2: the name cannot be empty.",
        "entries[2].organisation": "Row 3: the organisation is 201 characters; "
                                   "the limit is 200.",
    }
    assert not Person.objects.exists() and not Organisation.objects.exists()
    assert not Attendance.objects.exists() and not FollowUp.objects.exists()


def test_it_names_the_row_of_a_name_that_is_too_long(workspace, summit):
    with pytest.raises(Invalid) as caught:
        record_met(workspace, summit, ["", "y" * 201])
    assert caught.value.errors == {
        "entries[1].name": "Row 2: the name is 201 characters; the limit is 200."}


def test_it_refuses_an_empty_capture_and_an_ambiguous_name(workspace, summit, make_person):
    with pytest.raises(Invalid) as caught:
        record_met(workspace, summit, ["", " , , "])
    assert "entries" in caught.value.errors
    twin_a, twin_b = make_person("Sam Lee"), make_person("Sam Lee")
    with pytest.raises(Invalid) as caught:
        record_met(workspace, summit, ["Ana Ruiz", "Sam Lee, Food Bank"])
    message = caught.value.errors["entries[1].name"]
    assert message.startswith("Row 2: 2 people are called Sam Lee")
    assert f"#{twin_a.pk}" in message and f"#{twin_b.pk}" in message
    assert not Person.objects.filter(display_name="Ana Ruiz").exists()


def test_it_finds_someone_by_id_and_does_not_duplicate_a_second_capture(workspace, summit,
                                                                        make_person):
    ana = make_person("Ana Ruiz")
    [first] = record_met(workspace, summit, [f"#{ana.pk}, , fridges"])
    assert first.person == ana and not first.created
    [ben] = record_met(workspace, summit, ["Ben Okafor"])
    [again] = record_met(workspace, summit, ["Ben Okafor"])
    assert again.person == ben.person and again.already_met and again.follow_up is None
    assert FollowUp.objects.count() == 1
    assert Attendance.objects.get(person=ben.person).is_new  # still the day they were new


def test_it_due_dates_a_late_capture_today(workspace):
    old = create_event(workspace, name="Winter fair", starts_on="2026-02-20")
    [met] = record_met(workspace, old, ["Ana Ruiz"])
    assert met.follow_up.due_on == date(2026, 3, 7)


def test_it_cannot_capture_into_another_workspaces_event(workspace, other_workspace):
    bobs = create_event(other_workspace, name="Bob's meetup", starts_on="today")
    with pytest.raises(NotFound):
        record_met(workspace, bobs, ["Ana Ruiz"])
    with pytest.raises(NotFound):
        access_event(workspace, bobs.pk)
    assert not Person.objects.exists()


def test_it_expects_people_and_keeps_those_met(workspace, summit, make_person, bobs_person):
    ana, ben = make_person("Ana Ruiz"), make_person("Ben Okafor")
    expect_person(workspace, summit, ana)
    expect_person(workspace, summit, ana)  # twice is once
    expect_person(workspace, summit, ben)
    assert Attendance.objects.filter(status="expected").count() == 2
    record_met(workspace, summit, ["Ben Okafor"])
    expect_person(workspace, summit, ben)
    assert Attendance.objects.get(person=ben).status == "met"
    with pytest.raises(Invalid):
        unexpect_person(workspace, summit, ben)
    unexpect_person(workspace, summit, ana)
    assert not Attendance.objects.filter(person=ana).exists()
    with pytest.raises(NotFound):
        expect_person(workspace, summit, bobs_person)


def test_it_resolves_an_event_by_id_or_name(workspace, summit):
    create_event(workspace, name="Food co-op social", starts_on="2026-03-20")
    assert resolve_event(workspace, str(summit.pk)) == summit
    assert resolve_event(workspace, "summit") == summit
    with pytest.raises(Invalid) as caught:
        resolve_event(workspace, "food")
    assert "matches several events" in caught.value.errors["event"]
    with pytest.raises(NotFound):
        resolve_event(workspace, "gala")


def test_it_matches_an_archived_person_only_when_nobody_current_has_the_name(workspace, summit,
                                                                            make_person):
    old = make_person("Ana Ruiz")
    archive_person(workspace, old)
    [met] = record_met(workspace, summit, ["Ana Ruiz"])
    assert met.person == old and not met.created
