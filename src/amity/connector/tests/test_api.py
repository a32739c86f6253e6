"""The connector's JSON API, including another workspace's ids (404)."""

import pytest
from conftest import errors_of

from amity.connector import actions
from amity.connector.models import Introduction, Relationship
from amity.organisations.actions import add_affiliation, create_organisation


def post(api, url, data):
    return api.post(url, data, content_type="application/json")


def test_it_lists_suggestions_with_the_reason(api, ana, ben):
    response = api.get("/api/connector/suggestions")
    assert response.status_code == 200
    [only] = response.json()
    assert (only["person_a"]["display_name"], only["person_b"]["display_name"]) == (
        "Ana Ruiz", "Ben Okafor")
    assert only["reason"].startswith("Ana needs a grant writer")
    mine = api.get("/api/connector/suggestions", {"person": ben.pk}).json()
    assert mine[0]["person_a"]["id"] == ben.pk


def test_it_walks_an_introduction_through_the_api(api, ana, ben):
    started = post(api, "/api/connector/introductions", {"person_a": ana.pk, "person_b": ben.pk})
    assert started.status_code == 201, started.content
    intro = started.json()
    assert intro["status"] == "suggested" and intro["next_steps"] == ["asked-a", "declined"]
    assert "Ana, meet Ben." in intro["message"]
    url = f"/api/connector/introductions/{intro['id']}"
    for step in ("asked-a", "a-agreed", "asked-b", "b-agreed", "introduced"):
        response = post(api, f"{url}/step", {"step": step, "note": f"did {step}"})
        assert response.status_code == 200, response.content
    assert response.json()["status"] == "introduced"
    assert response.json()["next_steps"] == ["met", "helped", "nothing"]
    outcome = post(api, f"{url}/outcome", {"outcome": "helped"})
    assert outcome.json()["outcome"] == "helped"
    detail = api.get(url).json()
    assert [s["status"] for s in detail["steps"]] == [
        "suggested", "asked_a", "a_agreed", "asked_b", "b_agreed", "introduced", "introduced"]
    listed = api.get("/api/connector/introductions", {"status": "introduced"}).json()
    assert listed["count"] == 1 and listed["items"][0]["id"] == intro["id"]
    assert api.get("/api/connector/introductions", {"status": "open"}).json()["count"] == 0


def test_it_answers_an_out_of_order_step_with_422_and_changes_nothing(api, workspace, ana, ben):
    intro = actions.start_introduction(workspace, ana, ben)
    response = post(api, f"/api/connector/introductions/{intro.pk}/step", {"step": "introduced"})
    assert "Next: asked_a (Asked the first person) or declined." in errors_of(response)[("step",)]
    intro.refresh_from_db()
    assert intro.status == "suggested" and intro.steps.count() == 1


def test_it_refuses_self_archived_and_twice_with_422(api, workspace, ana, ben, make_person):
    assert "chosen twice" in errors_of(post(api, "/api/connector/introductions",
                                            {"person_a": ana.pk, "person_b": ana.pk}))[
        ("person_b",)]
    gone = make_person("Gone Away")
    gone.archive()
    assert "archived" in errors_of(post(api, "/api/connector/introductions",
                                        {"person_a": gone.pk, "person_b": ben.pk}))[
        ("person_a",)]
    post(api, "/api/connector/introductions", {"person_a": ana.pk, "person_b": ben.pk})
    again = post(api, "/api/connector/introductions", {"person_a": ben.pk, "person_b": ana.pk})
    assert "under way" in errors_of(again)[("person_b",)]
    assert Introduction.objects.count() == 1


def test_it_declines_through_the_api(api, workspace, ana, ben):
    intro = actions.start_introduction(workspace, ana, ben)
    response = post(api, f"/api/connector/introductions/{intro.pk}/decline", {"by": "a"})
    assert (response.json()["status"], response.json()["declined_by"]) == ("declined", "a")


def test_it_records_lists_and_forgets_relationships(api, ana, ben):
    made = post(api, "/api/connector/relationships",
                {"person": ben.pk, "other": ana.pk, "kind": "friends", "strength": 3})
    assert made.status_code == 201
    edge = made.json()
    assert (edge["person"]["id"], edge["other"]["id"], edge["kind"]) == (ana.pk, ben.pk,
                                                                         "friends")
    listed = api.get("/api/connector/relationships", {"person": ana.pk}).json()
    assert [e["id"] for e in listed["items"]] == [edge["id"]]
    bad = post(api, "/api/connector/relationships",
               {"person": ben.pk, "other": ana.pk, "kind": "rivals"})
    assert ("kind",) in errors_of(bad)
    assert api.delete(f"/api/connector/relationships/{edge['id']}").status_code == 204
    assert Relationship.objects.count() == 0


def test_it_finds_warm_paths_to_a_person_and_an_organisation(api, workspace, make_person):
    from django.utils import timezone

    ana = make_person("Ana Ruiz")
    ana.last_contact_at = timezone.now()
    ana.save()
    ben = make_person("Ben Okafor")
    actions.add_relationship(workspace, ana, ben, kind="colleagues")
    food_bank = create_organisation(workspace, name="Riverside Food Bank")
    add_affiliation(workspace, ben, food_bank)
    to_ben = api.get("/api/connector/paths", {"person_id": ben.pk}).json()
    assert [[p["display_name"] for p in path["people"]] for path in to_ben] == [
        ["Ana Ruiz", "Ben Okafor"]]
    assert to_ben[0]["explanation"].startswith("You know Ana Ruiz well (last talked today); "
                                               "Ana Ruiz and Ben Okafor are colleagues")
    to_org = api.get("/api/connector/paths", {"organisation_id": food_bank.pk}).json()
    assert to_org[0]["explanation"].endswith("Ben Okafor is at Riverside Food Bank")
    neither = api.get("/api/connector/paths")
    assert ("person_id",) in errors_of(neither)


@pytest.mark.parametrize("call", [
    lambda api, bobs: api.get("/api/connector/suggestions", {"person": bobs["person"]}),
    lambda api, bobs: api.get(f"/api/connector/introductions/{bobs['intro']}"),
    lambda api, bobs: post(api, f"/api/connector/introductions/{bobs['intro']}/step",
                           {"step": "asked-a"}),
    lambda api, bobs: post(api, f"/api/connector/introductions/{bobs['intro']}/decline", {}),
    lambda api, bobs: post(api, f"/api/connector/introductions/{bobs['intro']}/outcome",
                           {"outcome": "met"}),
    lambda api, bobs: api.get("/api/connector/introductions", {"person": bobs["person"]}),
    lambda api, bobs: post(api, "/api/connector/introductions",
                           {"person_a": bobs["mine"], "person_b": bobs["person"]}),
    lambda api, bobs: post(api, "/api/connector/relationships",
                           {"person": bobs["mine"], "other": bobs["person"]}),
    lambda api, bobs: api.delete(f"/api/connector/relationships/{bobs['edge']}"),
    lambda api, bobs: api.get("/api/connector/relationships", {"person": bobs["person"]}),
    lambda api, bobs: api.get("/api/connector/paths", {"person_id": bobs["person"]}),
    lambda api, bobs: api.get("/api/connector/paths", {"organisation_id": bobs["org"]}),
])
def test_another_workspaces_ids_are_not_found(api, ana, other_workspace, make_person, call):
    bruno = make_person("Bruno Bobson", ws=other_workspace)
    bea = make_person("Bea Bobson", ws=other_workspace)
    intro = actions.start_introduction(other_workspace, bruno, bea)
    edge = actions.add_relationship(other_workspace, bruno, bea)
    org = create_organisation(other_workspace, name="Bob's club")
    bobs = {"person": bruno.pk, "intro": intro.pk, "edge": edge.pk, "org": org.pk,
            "mine": ana.pk}
    assert call(api, bobs).status_code == 404
    intro.refresh_from_db()
    assert intro.status == "suggested" and Relationship.objects.count() == 1
