"""The JSON API of the give-first ledger: /api/ledger and the balance."""

from datetime import datetime

import pytest
import time_machine
from conftest import errors_of

from amity.exchange.actions import record_entry, record_typed
from amity.exchange.models import LedgerEntry

JSON = "application/json"


@pytest.fixture(autouse=True)
def frozen_day():
    with time_machine.travel(datetime(2026, 3, 10, 9, 0), tick=False):
        yield


@pytest.fixture
def ana(make_person):
    return make_person("Ana Ruiz")


def test_it_adds_reads_changes_and_deletes_an_entry(api, ana):
    response = api.post("/api/ledger", {
        "person_id": ana.pk, "direction": "to_them", "kind": "information",
        "description": "shared the funder list", "occurred_on": "yesterday"}, content_type=JSON)
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["person"] == {"id": ana.pk, "display_name": "Ana Ruiz"}
    assert (created["direction"], created["kind"], created["occurred_on"]) == (
        "to_them", "information", "2026-03-09")
    assert created["introduction"] is None and created["invitation"] is None

    address = f"/api/ledger/{created['id']}"
    assert api.get(address).json() == created
    changed = api.patch(address, {"description": "shared the funder list and notes"},
                        content_type=JSON).json()
    assert changed["description"] == "shared the funder list and notes"
    assert changed["occurred_on"] == "2026-03-09"
    assert api.delete(address).status_code == 204
    assert not LedgerEntry.objects.exists()


def test_it_lists_entries_newest_first_by_person_and_paginated(api, workspace, ana,
                                                                make_person):
    ben = make_person("Ben Okafor")
    record_typed(workspace, ana, entry_type="give", description="old", occurred_on="2026-01-01")
    record_typed(workspace, ana, entry_type="ask", description="new")
    record_typed(workspace, ben, entry_type="received", description="Ben's")
    everything = api.get("/api/ledger").json()
    assert everything["count"] == 3
    anas = api.get(f"/api/ledger?person_id={ana.pk}").json()
    assert [e["description"] for e in anas["items"]] == ["new", "old"]
    page = api.get("/api/ledger?page=2&page_size=2").json()
    assert len(page["items"]) == 1 and page["count"] == 3


def test_it_gives_the_balance_with_the_line_to_read_before_asking(api, workspace, ana):
    empty = api.get(f"/api/ledger/balance/{ana.pk}").json()
    assert empty["last_given"] is None
    assert empty["last_given_line"] == "You have not given Ana Ruiz anything yet — give first?"
    record_entry(workspace, ana, direction="to_them", kind="help", description="moved chairs",
                 occurred_on="2026-02-20")
    record_typed(workspace, ana, entry_type="received", description="a lift")
    record_typed(workspace, ana, entry_type="their_ask", description="a reference")
    body = api.get(f"/api/ledger/balance/{ana.pk}").json()
    assert {k: body[k] for k in ("given", "received", "asks_made", "asks_received", "net")} == {
        "given": 1, "received": 1, "asks_made": 0, "asks_received": 1, "net": 0}
    assert body["last_given"]["description"] == "moved chairs"
    assert body["last_given_line"] == "You last gave to Ana Ruiz 2 weeks ago: moved chairs"


def test_it_refuses_bad_input_naming_the_field(api, ana):
    response = api.post("/api/ledger", {"person_id": ana.pk, "direction": "to_them",
                                        "kind": "help", "description": " ",
                                        "occurred_on": "2030-01-01"}, content_type=JSON)
    errors = errors_of(response)
    assert set(errors) == {("description",), ("occurred_on",)}
    response = api.post("/api/ledger", {"person_id": ana.pk, "direction": "up",
                                        "kind": "help", "description": "x"}, content_type=JSON)
    assert ("direction",) in errors_of(response)
    assert not LedgerEntry.objects.exists()


def test_it_answers_404_for_another_workspaces_person_and_entries(api, other_workspace,
                                                                   bobs_person):
    bobs = record_typed(other_workspace, bobs_person, entry_type="give", description="Bob's")
    assert api.post("/api/ledger", {"person_id": bobs_person.pk, "direction": "to_them",
                                    "kind": "help", "description": "x"},
                    content_type=JSON).status_code == 404
    assert api.get(f"/api/ledger?person_id={bobs_person.pk}").status_code == 404
    assert api.get(f"/api/ledger/balance/{bobs_person.pk}").status_code == 404
    assert api.get(f"/api/ledger/{bobs.pk}").status_code == 404
    assert api.patch(f"/api/ledger/{bobs.pk}", {"description": "mine"},
                     content_type=JSON).status_code == 404
    assert api.delete(f"/api/ledger/{bobs.pk}").status_code == 404
    assert api.get("/api/ledger").json()["count"] == 0
    assert LedgerEntry.objects.get().description == "Bob's"
