"""The JSON API for conversations: /api/conversations, mirroring log_conversation."""

from datetime import UTC, datetime

import pytest
import time_machine
from conftest import errors_of
from django.db import connection
from django.test.utils import CaptureQueriesContext

from amity.conversations.actions import log_conversation
from amity.conversations.models import Conversation
from amity.followups.models import FollowUp
from amity.people.models import Fact

JSON = "application/json"
NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)





def nothing_written():
    return not (Conversation.objects.exists() or Fact.objects.exists()
                or FollowUp.objects.exists())


@time_machine.travel(NOW, tick=False)
def test_it_logs_a_conversation_with_facts_and_a_follow_up(api, make_person):
    ana, kofi = make_person("Ana Ruiz", cadence_days=30), make_person("Kofi Mensah")

    response = api.post("/api/conversations", {
        "participants": [ana.pk, kofi.pk], "summary": "Pantry planning",
        "happened_at": "2026-03-01T10:00:00+00:00", "channel": "video", "how_it_went": "great",
        "their_mood": "Tired but hopeful", "initiated_by": "them", "notes": "Long talk.",
        "facts": [{"person": ana.pk, "kind": "need", "text": "A van"},
                  {"person": kofi.pk, "kind": "offer", "text": "His truck on Sundays"}],
        "follow_up": {"action": "Introduce Ana to Kofi's driver", "due_on": "+7d"},
    }, content_type=JSON)

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["summary"] == "Pantry planning" and body["channel"] == "video"
    assert body["happened_at"].startswith("2026-03-01T10:00:00")
    assert sorted(p["display_name"] for p in body["participants"]) == ["Ana Ruiz", "Kofi Mensah"]
    assert len(body["facts"]) == 2 and len(body["follow_ups"]) == 1
    fact = Fact.objects.get(text="A van")
    assert fact.person == ana and fact.conversation_id == body["id"]
    follow_up = FollowUp.objects.get()
    assert follow_up.person == ana and str(follow_up.due_on) == "2026-03-09"
    ana.refresh_from_db()
    assert ana.last_contact_at == datetime(2026, 3, 1, 10, 0, tzinfo=UTC)
    assert str(ana.checkin_due_on) == "2026-03-31"


@time_machine.travel(NOW, tick=False)
def test_it_reads_changes_and_deletes_a_conversation(api, workspace, make_person):
    ana, kofi = make_person("Ana Ruiz"), make_person("Kofi Mensah")
    created = api.post("/api/conversations", {"participants": [ana.pk], "summary": "Coffee",
                                               "happened_at": "yesterday"},
                       content_type=JSON).json()
    url = f"/api/conversations/{created['id']}"
    assert api.get(url).json() == created

    changed = api.patch(url, {"participants": [kofi.pk], "summary": "Coffee with Kofi"},
                        content_type=JSON)

    assert changed.status_code == 200, changed.content
    assert changed.json()["summary"] == "Coffee with Kofi"
    assert [p["id"] for p in changed.json()["participants"]] == [kofi.pk]
    assert changed.json()["channel"] == "in-person"  # not sent: unchanged
    ana.refresh_from_db()
    kofi.refresh_from_db()
    assert ana.last_contact_at is None and kofi.last_contact_at is not None

    assert api.delete(url).status_code == 204
    assert api.get(url).status_code == 404
    kofi.refresh_from_db()
    assert kofi.last_contact_at is None


def test_it_lists_conversations_newest_first_and_by_person(api, workspace, make_person):
    ana, kofi = make_person("Ana Ruiz"), make_person("Kofi Mensah")
    log_conversation(workspace, [ana], summary="First", happened_at="2026-01-01")
    log_conversation(workspace, [ana, kofi], summary="Second", happened_at="2026-02-01")
    log_conversation(workspace, [kofi], summary="Third", happened_at="2026-02-15")

    def summaries(query=""):
        return [c["summary"] for c in api.get(f"/api/conversations?{query}").json()["items"]]

    assert summaries() == ["Third", "Second", "First"]
    assert summaries(f"person={ana.pk}") == ["Second", "First"]
    page = api.get("/api/conversations?page_size=1&page=2").json()
    assert page["count"] == 3 and [c["summary"] for c in page["items"]] == ["Second"]


def test_it_lists_conversations_in_a_constant_number_of_queries(api, workspace, make_person):
    people = [make_person(f"Person {i}") for i in range(3)]

    def add_conversations(count):
        for i in range(count):
            conversation = log_conversation(
                workspace, people, summary=f"Meeting {i}",
                facts=[{"kind": "need", "text": f"Need {i}"}],
                follow_up={"action": "Send notes", "due_on": "+3d"})
            assert conversation.facts.count() == 1

    def queries_for_list():
        with CaptureQueriesContext(connection) as captured:
            response = api.get("/api/conversations?page_size=100")
        assert response.status_code == 200
        return len(captured), response.json()["count"]

    api.get("/api/conversations")  # the token's first use of the minute records last_used_at
    add_conversations(3)
    few = queries_for_list()
    add_conversations(27)
    many = queries_for_list()

    assert few[1] == 3 and many[1] == 30
    assert many[0] == few[0]


@pytest.mark.parametrize(("payload", "loc"), [
    ({"participants": []}, ("participants",)),
    ({"summary": ""}, ("summary",)),
    ({"summary": "x" * 301}, ("summary",)),
    ({"notes": "x" * 20_001}, ("notes",)),
    ({"happened_at": "the other day"}, ("happened_at",)),
    ({"happened_at": "2099-01-01"}, ("happened_at",)),
    ({"channel": "telepathy"}, ("channel",)),
    ({"facts": [{"kind": "hobby", "text": "Chess"}]}, ("facts", 0, "kind")),
    ({"facts": [{"kind": "need", "text": ""}]}, ("facts", 0, "text")),
    ({"follow_up": {"action": "Call back", "due_on": "whenever"}}, ("follow_up", "due_on")),
])
def test_it_refuses_bad_input_naming_the_field_and_writes_nothing(api, make_person, payload,
                                                                   loc):
    ana = make_person("Ana Ruiz")

    response = api.post("/api/conversations",
                        {"participants": [ana.pk], "summary": "Coffee", **payload},
                        content_type=JSON)

    assert loc in errors_of(response)
    assert nothing_written()
    ana.refresh_from_db()
    assert ana.last_contact_at is None


def test_it_refuses_a_fact_about_someone_who_was_not_there(api, make_person):
    ana, kofi = make_person("Ana Ruiz"), make_person("Kofi Mensah")

    response = api.post("/api/conversations", {
        "participants": [ana.pk], "summary": "Coffee",
        "facts": [{"person": kofi.pk, "kind": "need", "text": "A van"}]}, content_type=JSON)

    assert ("facts", 0, "person") in errors_of(response)
    assert nothing_written()


@pytest.mark.parametrize("where", ["participants", "fact", "follow_up"])
def test_it_will_not_link_another_workspaces_person(api, make_person, bobs_person, where):
    ana = make_person("Ana Ruiz")
    payload = {"participants": [ana.pk], "summary": "Coffee"}
    if where == "participants":
        payload["participants"] = [ana.pk, bobs_person.pk]
    elif where == "fact":
        payload["facts"] = [{"person": bobs_person.pk, "kind": "need", "text": "x"}]
    else:
        payload["follow_up"] = {"action": "Call", "due_on": "+1d", "person": bobs_person.pk}

    response = api.post("/api/conversations", payload, content_type=JSON)

    assert response.status_code == 404
    assert response.json() == {"detail": f"No person #{bobs_person.pk}"}
    assert nothing_written()


@pytest.mark.parametrize("method", ["get", "patch", "delete"])
def test_it_answers_404_for_another_workspaces_conversation(api, other_workspace, bobs_person,
                                                            method):
    bobs_chat = log_conversation(other_workspace, [bobs_person], summary="Bob's call")

    response = getattr(api, method)(f"/api/conversations/{bobs_chat.pk}", {"summary": "hacked"},
                                    content_type=JSON)

    assert response.status_code == 404
    bobs_chat.refresh_from_db()
    assert bobs_chat.summary == "Bob's call"


def test_it_will_not_move_a_conversation_to_another_workspaces_person(api, workspace,
                                                                      make_person, bobs_person):
    ana = make_person("Ana Ruiz")
    chat = log_conversation(workspace, [ana], summary="Coffee")

    response = api.patch(f"/api/conversations/{chat.pk}", {"participants": [bobs_person.pk]},
                         content_type=JSON)

    assert response.status_code == 404
    assert list(chat.participants.all()) == [ana]


def test_it_answers_404_when_filtering_by_another_workspaces_person(api, bobs_person):
    assert api.get(f"/api/conversations?person={bobs_person.pk}").status_code == 404
