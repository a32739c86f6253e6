"""The JSON API for events: /api/events, who is expected there, quick capture."""

from datetime import datetime

import pytest
import time_machine
from conftest import errors_of

from amity.events.actions import create_event, record_met
from amity.events.models import Attendance, Event
from amity.people.models import Person

JSON = "application/json"
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen_day():
    with time_machine.travel(datetime(2026, 3, 10, 9, 0), tick=False):
        yield


def test_it_adds_reads_changes_lists_and_deletes_an_event(api, workspace):
    created = api.post("/api/events", {"name": "Food Justice Summit", "starts_on": "2026-03-05",
                                       "kind": "conference", "place": "Leeds"},
                       content_type=JSON)
    assert created.status_code == 201, created.content
    event = created.json()
    assert event["starts_on"] == "2026-03-05" and event["ends_on"] is None
    url = f"/api/events/{event['id']}"
    assert api.get(url).json() == event
    changed = api.patch(url, {"ends_on": "2026-03-06"}, content_type=JSON).json()
    assert changed["ends_on"] == "2026-03-06" and changed["kind"] == "conference"
    create_event(workspace, name="Growers' meetup", starts_on="2026-03-20")
    upcoming = api.get("/api/events", {"when": "upcoming"}).json()
    assert [e["name"] for e in upcoming["items"]] == ["Growers' meetup"]
    past = api.get("/api/events", {"when": "past"}).json()
    assert [e["name"] for e in past["items"]] == ["Food Justice Summit"]
    assert api.get("/api/events").json()["count"] == 2
    assert api.delete(url).status_code == 204
    assert Event.objects.count() == 1


def test_it_answers_422_naming_the_field(api):
    answer = api.post("/api/events", {"name": "", "starts_on": "someday"}, content_type=JSON)
    errors = errors_of(answer)
    assert set(errors) == {("name",), ("starts_on",)}


def test_it_records_whom_you_met_from_entries_and_lines(api, workspace, make_person):
    event = create_event(workspace, name="Food Justice Summit", starts_on="2026-03-05")
    ben = make_person("Ben Okafor")
    answer = api.post(f"/api/events/{event.pk}/met", {
        "entries": [{"name": "Ana Ruiz", "organisation": "Food Bank",
                     "what_matters": "needs: a grant writer"}],
        "lines": ["ben okafor, , offers: grant writing"]}, content_type=JSON)
    assert answer.status_code == 200, answer.content
    ana_row, ben_row = answer.json()
    assert ana_row["created"] and ana_row["organisation"] == "Food Bank"
    assert ana_row["facts"] == ["need: a grant writer"]
    assert ana_row["follow_up"] and ana_row["follow_up_due_on"] == "2026-03-10"
    assert ben_row["person"] == {"id": ben.pk, "display_name": "Ben Okafor"}
    assert not ben_row["created"] and ben_row["follow_up"] is None and ben_row["row"] == 2
    people = api.get(f"/api/events/{event.pk}/people").json()
    assert [(p["person"]["display_name"], p["status"], p["is_new"]) for p in people["items"]] \
        == [("Ana Ruiz", "met", True), ("Ben Okafor", "met", False)]


def test_it_writes_nothing_for_a_bad_row(api, workspace):
    event = create_event(workspace, name="Food Justice Summit", starts_on="2026-03-05")
    answer = api.post(f"/api/events/{event.pk}/met", {
        "entries": [{"name": "Ana Ruiz"}, {"name": " ", "organisation": "Food Bank"}]},
        content_type=JSON)
    assert errors_of(answer) == {("entries", 1, "name"): "Row 2: the name cannot be empty."}
    assert not Person.objects.exists()


def test_it_adds_and_removes_someone_expected(api, workspace, make_person):
    event = create_event(workspace, name="Growers' meetup", starts_on="2026-03-20")
    ana = make_person("Ana Ruiz")
    added = api.post(f"/api/events/{event.pk}/expected", {"person_id": ana.pk},
                     content_type=JSON)
    assert added.status_code == 201 and added.json()["status"] == "expected"
    assert api.delete(f"/api/events/{event.pk}/expected/{ana.pk}").status_code == 204
    assert not Attendance.objects.exists()
    assert api.delete(f"/api/events/{event.pk}/expected/{ana.pk}").status_code == 404


def test_it_answers_404_for_another_workspaces_ids(api, workspace, other_workspace,
                                                  bobs_person):
    bobs = create_event(other_workspace, name="Bob's gala", starts_on="2026-03-05")
    record_met(other_workspace, bobs, ["Zed Zimmer"])
    mine = create_event(workspace, name="Growers' meetup", starts_on="2026-03-20")
    for method, url in (("get", f"/api/events/{bobs.pk}"), ("delete", f"/api/events/{bobs.pk}"),
                        ("get", f"/api/events/{bobs.pk}/people")):
        assert getattr(api, method)(url).status_code == 404, url
    assert api.patch(f"/api/events/{bobs.pk}", {"name": "Mine now"},
                     content_type=JSON).status_code == 404
    assert api.post(f"/api/events/{bobs.pk}/met", {"lines": ["Ana"]},
                    content_type=JSON).status_code == 404
    assert api.post(f"/api/events/{mine.pk}/expected", {"person_id": bobs_person.pk},
                    content_type=JSON).status_code == 404
    assert "Bob" not in api.get("/api/events").content.decode()
    assert not Attendance.objects.filter(event=mine).exists()
    assert Event.objects.get(pk=bobs.pk).name == "Bob's gala"
