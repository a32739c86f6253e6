"""`amity stage`: the stage, why, the next action; pinning and clearing from the CLI.

The CLI acts in the first workspace: Alice's (the ``workspace`` fixture).
"""

import json
from datetime import datetime

import pytest
import time_machine

from amity.cli.testing import invoker, ok, refused
from amity.conversations.actions import log_conversation

amity = invoker(columns=120)


@pytest.fixture(autouse=True)
def frozen_day():
    with time_machine.travel(datetime(2026, 3, 10, 9, 0), tick=False):
        yield


@pytest.fixture
def ana(workspace, make_person):
    ana = make_person("Ana Ruiz")
    log_conversation(workspace, [ana], summary="Coffee", initiated_by="me")
    return ana


def test_it_shows_the_stage_why_and_what_next(ana):
    out = ok(amity("stage", "ana"))
    assert out.splitlines()[0] == "Ana Ruiz: First contact"
    assert "◉ First contact" in out
    assert "  - 1 conversation, 1 started by you" in out
    assert "Next: Ask Ana Ruiz what they are working on and what matters to them" in out


def test_it_pins_and_clears_the_stage(ana):
    out = ok(amity("stage", "ana", "--pin", "rapport"))
    assert "Ana Ruiz: Rapport (pinned; the evidence says first contact)" in out
    ana.refresh_from_db()
    assert ana.stage_pin == "rapport"
    data = json.loads(ok(amity("stage", ana.pk, "--json")))
    assert (data["stage"], data["derived"], data["pinned"]) == ("rapport", "first_contact", True)
    assert data["person"] == {"id": ana.pk, "name": "Ana Ruiz"}
    assert data["pinned_at"].startswith("2026-03-10T09:00")
    assert ok(amity("stage", "ana", "--clear-pin")).splitlines()[0] == "Ana Ruiz: First contact"
    ana.refresh_from_db()
    assert ana.stage_pin == ""


def test_it_refuses_a_bad_stage_or_both_options(ana):
    assert "amity: --pin: 'besties' is not a journey stage" in refused(
        amity("stage", "ana", "--pin", "besties"))
    assert "--pin or --clear-pin, not both" in refused(
        amity("stage", "ana", "--pin", "trusted", "--clear-pin"))
    ana.refresh_from_db()
    assert ana.stage_pin == ""


def test_it_does_not_find_bobs_people(workspace, ana, other_workspace, make_person):
    make_person("Zed Zimmer", ws=other_workspace)
    assert "amity: " in refused(amity("stage", "zed"))
