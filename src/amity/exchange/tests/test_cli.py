"""`amity give`, `amity received` and `amity ask`: the ledger from the terminal.

The CLI acts in the first workspace: Alice's (the ``workspace`` fixture).
"""

import json
from datetime import date, datetime

import pytest
import time_machine

from amity.cli.testing import invoker, ok, refused
from amity.exchange.models import LedgerEntry

amity = invoker(columns=120)


@pytest.fixture(autouse=True)
def frozen_day():
    with time_machine.travel(datetime(2026, 3, 10, 9, 0), tick=False):
        yield


@pytest.fixture
def ana(workspace, make_person):
    return make_person("Ana Ruiz")


def test_it_logs_a_give_and_shows_the_balance(ana):
    out = ok(amity("give", "ana", "shared the funder list", "--kind", "information",
                   "--on", "2025-12-05"))
    assert "Noted: you gave Ana Ruiz shared the funder list" in out
    assert "With Ana Ruiz: you gave 1, they gave 0; you asked 0, they asked 0." in out
    entry = LedgerEntry.objects.get()
    assert (entry.person, entry.direction, entry.kind, entry.occurred_on) == (
        ana, "to_them", "information", date(2025, 12, 5))


def test_it_logs_something_received_as_json(ana):
    data = json.loads(ok(amity("received", ana.pk, "lent us the hall", "--json")))
    assert (data["direction"], data["kind"], data["description"]) == (
        "from_them", "help", "lent us the hall")
    assert data["person"] == {"id": ana.pk, "name": "Ana Ruiz"}
    assert data["balance"] == {"given": 0, "received": 1, "asks_made": 0, "asks_received": 0}


def test_ask_says_when_you_last_gave_before_recording(ana):
    first = ok(amity("ask", "ana", "an intro to the food officer"))
    assert first.splitlines()[0] == "You have not given Ana Ruiz anything yet — give first?"
    assert "Noted your ask of Ana Ruiz: an intro to the food officer" in first

    ok(amity("give", "ana", "shared the funder list", "--on", "2025-12-05"))
    second = ok(amity("ask", "ana", "a reference", "--from-them", "--on", "yesterday"))
    assert second.splitlines()[0] == (
        "You last gave to Ana Ruiz 3 months ago: shared the funder list")
    assert "Noted Ana Ruiz's ask: a reference" in second
    assert sorted(LedgerEntry.objects.filter(kind="ask")
                  .values_list("direction", "description")) == [
        ("from_them", "a reference"), ("to_them", "an intro to the food officer")]

    data = json.loads(ok(amity("ask", "ana", "a lift", "--json")))
    assert data["last_given_line"].startswith("You last gave to Ana Ruiz 3 months ago")


def test_it_refuses_bad_input_naming_the_option_and_stores_nothing(ana):
    assert "amity: --kind: 'bribe' is not a ledger entry kind" in refused(
        amity("give", "ana", "cash", "--kind", "bribe"))
    assert "amity: --kind: A give or something received is not an ask" in refused(
        amity("received", "ana", "cash", "--kind", "ask"))
    assert "amity: --on: " in refused(amity("give", "ana", "cash", "--on", "someday"))
    assert "amity: WHAT: " in refused(amity("give", "ana", "  "))
    assert not LedgerEntry.objects.exists()


def test_it_does_not_find_bobs_people(workspace, ana, other_workspace, make_person):
    make_person("Zed Zimmer", ws=other_workspace)
    assert "amity: " in refused(amity("give", "zed", "a list"))
    assert not LedgerEntry.objects.exists()
