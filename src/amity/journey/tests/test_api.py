"""The JSON API of the journey: /api/journey/people/{id} and its pin."""

from datetime import datetime

import pytest
import time_machine
from conftest import errors_of

from amity.conversations.actions import log_conversation
from amity.people.actions import add_fact

JSON = "application/json"


@pytest.fixture(autouse=True)
def frozen_day():
    with time_machine.travel(datetime(2026, 3, 10, 9, 0), tick=False):
        yield


@pytest.fixture
def ana(workspace, make_person):
    ana = make_person("Ana Ruiz")
    log_conversation(workspace, [ana], summary="Coffee", initiated_by="me")
    return ana


def url(person, pin=False):
    return f"/api/journey/people/{person.pk}" + ("/pin" if pin else "")


def test_it_gives_the_stage_the_evidence_and_the_next_action(api, ana):
    body = api.get(url(ana)).json()
    assert body == {
        "person": {"id": ana.pk, "display_name": "Ana Ruiz"},
        "stage": "first_contact", "stage_label": "First contact",
        "derived": "first_contact", "pinned": False, "pinned_at": None,
        "evidence": ["1 conversation, 1 started by you",
                     "Nothing recorded yet about what matters to them",
                     "In touch in 1 week and 1 month of the last 3 months",
                     "Nothing given either way yet",
                     "For listening: at least 2 things you know about them; a need, goal, "
                     "interest or challenge of theirs."],
        "next_action": "Ask Ana Ruiz what they are working on and what matters to them",
    }


def test_it_pins_and_clears_a_stage(api, workspace, ana):
    add_fact(workspace, ana, kind="need", text="volunteers")
    pinned = api.put(url(ana, pin=True), {"stage": "Trusted"}, content_type=JSON)
    assert pinned.status_code == 200, pinned.content
    body = pinned.json()
    assert (body["stage"], body["derived"], body["pinned"]) == ("trusted", "first_contact", True)
    assert body["pinned_at"].startswith("2026-03-10T09:00")
    assert body["evidence"][0] == "Pinned by hand on 10 Mar 2026; the evidence says first contact"
    assert api.get(url(ana)).json()["stage"] == "trusted"

    cleared = api.delete(url(ana, pin=True))
    assert cleared.status_code == 200
    assert (cleared.json()["stage"], cleared.json()["pinned"]) == ("first_contact", False)


def test_it_refuses_an_unknown_stage(api, ana):
    response = api.put(url(ana, pin=True), {"stage": "soulmates"}, content_type=JSON)
    assert "is not a journey stage" in errors_of(response)[("stage",)]
    ana.refresh_from_db()
    assert ana.stage_pin == ""


def test_it_answers_404_for_another_workspaces_person(api, bobs_person):
    assert api.get(url(bobs_person)).status_code == 404
    assert api.put(url(bobs_person, pin=True), {"stage": "trusted"},
                   content_type=JSON).status_code == 404
    assert api.delete(url(bobs_person, pin=True)).status_code == 404
    bobs_person.refresh_from_db()
    assert bobs_person.stage_pin == ""
