"""The JSON API for follow-ups: /api/follow-ups and their actions."""

from datetime import date

import pytest
import time_machine
from conftest import errors_of
from django.db import connection
from django.test.utils import CaptureQueriesContext

from amity.conversations.actions import log_conversation
from amity.followups.actions import complete_follow_up, create_follow_up
from amity.followups.models import FollowUp

JSON = "application/json"
TODAY = date(2026, 3, 2)  # a Monday





@time_machine.travel(TODAY)
def test_it_adds_reads_changes_and_deletes_a_follow_up(api, workspace, make_person):
    ana = make_person("Ana Ruiz")
    chat = log_conversation(workspace, [ana], summary="Coffee")

    response = api.post("/api/follow-ups", {"person": ana.pk, "action": "Send the grant report",
                                            "due_on": "friday", "conversation": chat.pk},
                        content_type=JSON)

    assert response.status_code == 201, response.content
    created = response.json()
    assert created["person"] == {"id": ana.pk, "display_name": "Ana Ruiz"}
    assert created["due_on"] == "2026-03-06" and created["conversation"] == chat.pk
    assert created["done"] is False and created["overdue"] is False

    url = f"/api/follow-ups/{created['id']}"
    assert api.get(url).json() == created
    changed = api.patch(url, {"action": "Send the report and the budget"}, content_type=JSON)
    assert changed.json()["action"] == "Send the report and the budget"
    assert changed.json()["due_on"] == "2026-03-06"

    assert api.delete(url).status_code == 204
    assert not FollowUp.objects.exists()


@time_machine.travel(TODAY)
def test_it_completes_reopens_snoozes_and_reschedules(api, workspace, make_person):
    ana = make_person("Ana Ruiz")
    follow_up = create_follow_up(workspace, ana, action="Call back", due_on="2026-02-27")
    url = f"/api/follow-ups/{follow_up.pk}"
    assert api.get(url).json()["overdue"] is True

    done = api.post(f"{url}/complete").json()
    assert done["done"] is True and done["done_at"] and done["overdue"] is False
    assert api.post(f"{url}/reopen").json()["done"] is False

    snoozed = api.post(f"{url}/snooze", {"days": 3}, content_type=JSON).json()
    # Overdue: pushed back from today, not from the old due date.
    assert snoozed["due_on"] == "2026-03-05" and snoozed["snoozed_times"] == 1

    moved = api.post(f"{url}/reschedule", {"due_on": "2026-04-01"}, content_type=JSON).json()
    assert moved["due_on"] == "2026-04-01"


@time_machine.travel(TODAY)
def test_it_lists_follow_ups_by_status_and_person(api, workspace, make_person):
    ana, kofi = make_person("Ana Ruiz"), make_person("Kofi Mensah")
    create_follow_up(workspace, ana, action="Late", due_on="2026-02-20")
    create_follow_up(workspace, kofi, action="Soon", due_on="2026-03-10")
    complete_follow_up(workspace, create_follow_up(workspace, ana, action="Done",
                                                   due_on="2026-02-01"))

    def actions(query=""):
        return [f["action"] for f in api.get(f"/api/follow-ups?{query}").json()["items"]]

    assert actions() == ["Done", "Late", "Soon"]
    assert actions("status=open") == ["Late", "Soon"]
    assert actions("status=overdue") == ["Late"]
    assert actions("status=done") == ["Done"]
    assert actions(f"status=open&person={ana.pk}") == ["Late"]
    assert api.get("/api/follow-ups?status=someday").status_code == 422


@pytest.mark.parametrize(("payload", "field"), [
    ({"due_on": "when pigs fly"}, "due_on"),
    ({"due_on": ""}, "due_on"),
    ({"due_on": "2026-02-30"}, "due_on"),
    ({"action": ""}, "action"),
    ({"action": "x" * 301}, "action"),
])
def test_it_refuses_a_bad_follow_up_naming_the_field(api, make_person, payload, field):
    ana = make_person("Ana Ruiz")

    response = api.post("/api/follow-ups",
                        {"person": ana.pk, "action": "Call", "due_on": "+1d", **payload},
                        content_type=JSON)

    assert (field,) in errors_of(response)
    assert not FollowUp.objects.exists()


@pytest.mark.parametrize(("suffix", "payload", "field"), [
    ("/snooze", {"days": 0}, "days"),
    ("/snooze", {"days": 366}, "days"),
    ("/reschedule", {"due_on": "later"}, "due_on"),
    ("", {"due_on": None}, "due_on"),
])
def test_it_refuses_a_bad_change_and_keeps_the_due_date(api, workspace, make_person, suffix,
                                                         payload, field):
    ana = make_person("Ana Ruiz")
    follow_up = create_follow_up(workspace, ana, action="Call", due_on="2026-05-01")
    method = api.patch if suffix == "" else api.post

    response = method(f"/api/follow-ups/{follow_up.pk}{suffix}", payload, content_type=JSON)

    assert (field,) in errors_of(response)
    follow_up.refresh_from_db()
    assert follow_up.due_on == date(2026, 5, 1) and follow_up.snoozed_times == 0


@pytest.mark.parametrize(("method", "suffix", "payload"), [
    ("get", "", None),
    ("patch", "", {"action": "hacked"}),
    ("delete", "", None),
    ("post", "/complete", None),
    ("post", "/reopen", None),
    ("post", "/snooze", {"days": 3}),
    ("post", "/reschedule", {"due_on": "2030-01-01"}),
])
def test_it_answers_404_for_another_workspaces_follow_up(api, other_workspace, bobs_person,
                                                         method, suffix, payload):
    bobs = create_follow_up(other_workspace, bobs_person, action="Bob's", due_on="2026-05-01")

    response = getattr(api, method)(f"/api/follow-ups/{bobs.pk}{suffix}", payload or {},
                                    content_type=JSON)

    assert response.status_code == 404
    bobs.refresh_from_db()
    assert (bobs.action, bobs.due_on, bobs.done_at) == ("Bob's", date(2026, 5, 1), None)


def test_it_will_not_add_a_follow_up_for_another_workspaces_person(api, bobs_person):
    response = api.post("/api/follow-ups", {"person": bobs_person.pk, "action": "Call",
                                            "due_on": "+1d"}, content_type=JSON)

    assert response.status_code == 404
    assert not FollowUp.objects.exists()


def test_it_will_not_link_a_follow_up_to_another_workspaces_conversation(api, other_workspace,
                                                                         bobs_person,
                                                                         make_person):
    bobs_chat = log_conversation(other_workspace, [bobs_person], summary="Bob's call")
    ana = make_person("Ana Ruiz")

    response = api.post("/api/follow-ups", {"person": ana.pk, "action": "Call", "due_on": "+1d",
                                            "conversation": bobs_chat.pk}, content_type=JSON)

    assert response.status_code == 404
    assert not FollowUp.objects.exists()


def test_it_answers_404_when_filtering_by_another_workspaces_person(api, bobs_person):
    assert api.get(f"/api/follow-ups?person={bobs_person.pk}").status_code == 404


def test_it_lists_follow_ups_in_a_constant_number_of_queries(api, workspace, make_person):
    def add_follow_ups(count):
        for i in range(count):
            create_follow_up(workspace, make_person(f"Person {i}"), action="Call",
                             due_on="2026-05-01")

    def queries_for_list():
        with CaptureQueriesContext(connection) as captured:
            response = api.get("/api/follow-ups?page_size=100")
        assert response.status_code == 200
        return len(captured), response.json()["count"]

    api.get("/api/follow-ups")  # the token's first use of the minute records last_used_at
    add_follow_ups(3)
    few = queries_for_list()
    add_follow_ups(27)
    many = queries_for_list()

    assert (few[1], many[1]) == (3, 30)
    assert many[0] == few[0]
