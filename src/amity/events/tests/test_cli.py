"""`amity event add`, `amity event list` and `amity met`, as Alice types them.

The CLI acts in the first workspace: the ``workspace`` fixture (Alice's).
"""

import json
from datetime import datetime

import pytest
import time_machine

from amity.cli.testing import invoker, ok, refused
from amity.events.actions import create_event
from amity.events.models import Event
from amity.followups.models import FollowUp
from amity.people.models import Fact, Person

amity = invoker(columns=120)
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen_day():
    with time_machine.travel(datetime(2026, 3, 10, 9, 0), tick=False):
        yield


def test_it_adds_and_lists_events(workspace, other_workspace):
    out = ok(amity("event", "add", "Growers' meetup", "--on", "friday", "--place", "Allotments"))
    assert "Added event #" in out and "Fri 13 Mar" in out and "Allotments" in out
    create_event(workspace, name="Food Justice Summit", starts_on="2026-03-05")
    create_event(other_workspace, name="Bob's gala", starts_on="2026-03-05")
    listing = ok(amity("event", "list"))
    assert listing.index("Coming up") < listing.index("Growers' meetup") < listing.index("Past")
    assert "Food Justice Summit" in listing and "Bob" not in listing
    data = json.loads(ok(amity("event", "list", "--json")))
    assert [(e["name"], e["when"]) for e in data] == [("Growers' meetup", "upcoming"),
                                                      ("Food Justice Summit", "past")]


def test_it_names_the_option_of_a_bad_event(workspace):
    err = refused(amity("event", "add", "Summit", "--on", "someday"))
    assert err.startswith("amity: --on: 'someday' is not a date")
    err = refused(amity("event", "add", "Summit", "--on", "2026-03-05", "--until", "2026-03-01"))
    assert "--until: The event's end date is before its start date." in err
    assert not Event.objects.exists()


def test_it_records_whom_you_met_and_prints_the_follow_ups(workspace, make_person):
    summit = create_event(workspace, name="Food Justice Summit", starts_on="2026-03-09")
    ben = make_person("Ben Okafor")
    out = ok(amity("met", "summit", "Ana Ruiz, Food Bank, needs: a grant writer",
                   "Ben Okafor, , offers: grant writing"))
    ana = Person.objects.get(display_name="Ana Ruiz")
    assert f"#{ana.pk} Ana Ruiz: added, at Food Bank; need: a grant writer" in out
    assert f"#{ben.pk} Ben Okafor: found; offer: grant writing" in out
    follow_up = FollowUp.objects.get()
    assert f"#{follow_up.pk} Follow up with Ana after Food Justice Summit, due Thu 12 Mar" in out
    again = json.loads(ok(amity("met", summit.pk, "Ana Ruiz", "--json")))
    assert again["event"]["id"] == summit.pk
    assert again["people"][0]["already_met"] and not again["people"][0]["created"]
    assert FollowUp.objects.count() == 1


def test_it_saves_nothing_when_one_entry_is_bad(workspace):
    create_event(workspace, name="Food Justice Summit", starts_on="2026-03-09")
    err = refused(amity("met", "summit", "Ana Ruiz, Food Bank", ", Orphan Org"))
    assert err == "amity: ENTRY 2 (name): Row 2: the name cannot be empty.\n"
    assert not Person.objects.exists() and not Fact.objects.exists()


def test_it_refuses_an_unknown_or_ambiguous_event(workspace, other_workspace):
    bobs = create_event(other_workspace, name="Bob's gala", starts_on="2026-03-05")
    assert refused(amity("met", "gala", "Ana")).startswith("amity: No event matching 'gala'")
    assert refused(amity("met", bobs.pk, "Ana")).startswith(f"amity: No event #{bobs.pk}")
    create_event(workspace, name="Food summit", starts_on="2026-03-01")
    create_event(workspace, name="Food social", starts_on="2026-03-02")
    assert "matches several events" in refused(amity("met", "food", "Ana"))
    assert not Person.objects.exists()


def test_it_notes_whom_you_expect_at_an_event(workspace, make_person):
    summit = create_event(workspace, name="Food Justice Summit", starts_on="2026-03-20")
    ana, ben = make_person("Ana Ruiz"), make_person("Ben Okafor")
    out = ok(amity("event", "expect", "summit", "ana", ben.pk))
    assert f"#{ana.pk} Ana Ruiz: expected at Food Justice Summit (Fri 20 Mar)." in out
    assert f"#{ben.pk} Ben Okafor: expected" in out
    assert set(summit.attendances.values_list("person_id", "status")) == {
        (ana.pk, "expected"), (ben.pk, "expected")}
    data = json.loads(ok(amity("event", "expect", summit.pk, "ana", "--json")))
    assert data["event"]["id"] == summit.pk
    assert data["people"] == [{"person": {"id": ana.pk, "display_name": "Ana Ruiz"},
                               "status": "expected"}]
    assert summit.attendances.count() == 2
    out = ok(amity("event", "expect", "summit", "ben", "--remove"))
    assert f"#{ben.pk} Ben Okafor is no longer expected at Food Justice Summit." in out
    assert list(summit.attendances.values_list("person_id", flat=True)) == [ana.pk]


def test_it_keeps_someone_met_there_as_met(workspace):
    summit = create_event(workspace, name="Food Justice Summit", starts_on="2026-03-09")
    ok(amity("met", "summit", "Ana Ruiz"))
    data = json.loads(ok(amity("event", "expect", "summit", "ana", "--json")))
    assert data["people"][0]["status"] == "met"
    err = refused(amity("event", "expect", "summit", "ana", "--remove"))
    assert err.startswith("amity: PERSON: You met Ana Ruiz at Food Justice Summit")
    assert summit.attendances.get().status == "met"


def test_it_changes_nobody_when_one_person_is_refused(workspace, other_workspace, make_person):
    summit = create_event(workspace, name="Food Justice Summit", starts_on="2026-03-20")
    ana = make_person("Ana Ruiz")
    make_person("Ben Okafor")
    make_person("Ben Adeyemi")
    bobs = Person.objects.create(workspace=other_workspace, display_name="Bob's friend")
    assert "matches more than one person" in refused(amity("event", "expect", "summit", "ana",
                                                           "ben"))
    assert refused(amity("event", "expect", "summit", "ana", bobs.pk)).startswith(
        f"amity: No person #{bobs.pk}")
    assert not summit.attendances.exists()
    ok(amity("event", "expect", "summit", "ana"))
    err = refused(amity("event", "expect", "summit", "ana", "Ben Okafor", "--remove"))
    assert err == "amity: No expected person Ben Okafor at Food Justice Summit.\n"
    assert list(summit.attendances.values_list("person_id", flat=True)) == [ana.pk]


def test_it_refuses_another_workspaces_event(workspace, other_workspace, make_person):
    bobs = create_event(other_workspace, name="Bob's gala", starts_on="2026-03-20")
    make_person("Ana Ruiz")
    assert refused(amity("event", "expect", bobs.pk, "ana")).startswith(
        f"amity: No event #{bobs.pk}")
    assert not bobs.attendances.exists()
