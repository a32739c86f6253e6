"""The JSON API for goals, aligned people and the focus list."""

import pytest
from conftest import errors_of

from amity.goals.actions import add_focus, create_goal
from amity.goals.models import FocusEntry, Goal
from amity.people.actions import add_fact

JSON = "application/json"
pytestmark = pytest.mark.django_db


def test_it_adds_reads_changes_closes_and_deletes_a_goal(api):
    created = api.post("/api/goals", {"title": "Funding for the spring programme",
                                      "due_on": "2026-09-01"}, content_type=JSON)
    assert created.status_code == 201, created.content
    goal = created.json()
    url = f"/api/goals/{goal['id']}"
    assert api.get(url).json() == goal
    closed = api.patch(url, {"status": "achieved"}, content_type=JSON).json()
    assert closed["status"] == "achieved"
    assert api.get("/api/goals", {"status": "closed"}).json()["count"] == 1
    assert api.get("/api/goals", {"status": "active"}).json()["count"] == 0
    assert set(errors_of(api.post("/api/goals", {"title": " ", "due_on": "never"},
                                  content_type=JSON))) == {("title",), ("due_on",)}
    assert api.delete(url).status_code == 204
    assert not Goal.objects.exists()


def test_it_lists_people_aligned_with_a_goal(api, workspace, make_person):
    goal = create_goal(workspace, title="Grants for the community kitchen")
    ben = make_person("Ben Okafor")
    add_fact(workspace, ben, kind="offer", text="grant writing")
    aligned = api.get(f"/api/goals/{goal.pk}/aligned").json()
    assert aligned == [{"person": {"id": ben.pk, "display_name": "Ben Okafor"},
                        "score": aligned[0]["score"], "reasons": ["offers “grant writing”"]}]


def test_it_keeps_a_focus_list_of_three(api, workspace, make_person):
    goal = create_goal(workspace, title="Funding")
    people = [make_person(n) for n in ("Ana Ruiz", "Ben Okafor", "Chloé Martin", "Dev Patel")]
    first = api.post("/api/goals/focus", {"person_id": people[0].pk, "goal_id": goal.pk,
                                          "offer": "the funder list"}, content_type=JSON)
    assert first.status_code == 201, first.content
    assert first.json()["goal"] == {"id": goal.pk, "title": "Funding"}
    assert first.json()["offer"] == "the funder list" and first.json()["stage"] == "noticed"
    for person in people[1:3]:
        api.post("/api/goals/focus", {"person_id": person.pk}, content_type=JSON)
    fourth = api.post("/api/goals/focus", {"person_id": people[3].pk}, content_type=JSON)
    assert errors_of(fourth) == {
        ("person",): "Your focus list holds three people at most: remove one first."}
    listed = api.get("/api/goals/focus").json()
    assert [f["person"]["display_name"] for f in listed] == ["Ana Ruiz", "Ben Okafor",
                                                             "Chloé Martin"]
    assert listed[1]["offer_suggested"] is True
    changed = api.patch(f"/api/goals/focus/{people[1].pk}", {"offer": "a warm intro"},
                        content_type=JSON).json()
    assert changed["offer"] == "a warm intro" and changed["offer_suggested"] is False
    assert api.delete(f"/api/goals/focus/{people[0].pk}").status_code == 204
    assert api.delete(f"/api/goals/focus/{people[0].pk}").status_code == 404
    assert FocusEntry.objects.count() == 2


def test_it_answers_404_for_another_workspaces_ids(api, workspace, other_workspace,
                                                  make_person, bobs_person):
    bobs_goal = create_goal(other_workspace, title="Bob's plan")
    add_focus(other_workspace, bobs_person)
    for method, url in (("get", f"/api/goals/{bobs_goal.pk}"),
                        ("get", f"/api/goals/{bobs_goal.pk}/aligned"),
                        ("delete", f"/api/goals/{bobs_goal.pk}"),
                        ("delete", f"/api/goals/focus/{bobs_person.pk}")):
        assert getattr(api, method)(url).status_code == 404, url
    assert api.patch(f"/api/goals/{bobs_goal.pk}", {"title": "Mine"},
                     content_type=JSON).status_code == 404
    assert api.post("/api/goals/focus", {"person_id": bobs_person.pk},
                    content_type=JSON).status_code == 404
    ana = make_person("Ana Ruiz")
    assert api.post("/api/goals/focus", {"person_id": ana.pk, "goal_id": bobs_goal.pk},
                    content_type=JSON).status_code == 404
    assert api.get("/api/goals/focus").json() == []
    assert api.get("/api/goals").json()["count"] == 0
    assert FocusEntry.objects.filter(workspace=workspace).count() == 0
    assert FocusEntry.objects.filter(workspace=other_workspace).count() == 1
