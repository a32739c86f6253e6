"""The give-first ledger's writes and reads: recording, editing and deleting
entries, the balance with one person, and the line shown before an ask."""

from datetime import date, datetime

import pytest
import time_machine

from amity.errors import Invalid, NotFound
from amity.exchange.actions import delete_entry, edit_entry, record_entry, record_typed
from amity.exchange.models import LedgerEntry
from amity.exchange.queries import ago, balance_for, history, last_given_line

TODAY = date(2026, 3, 10)


@pytest.fixture(autouse=True)
def frozen_day():
    with time_machine.travel(datetime(2026, 3, 10, 9, 0), tick=False):
        yield


@pytest.fixture
def ana(make_person):
    return make_person("Ana Ruiz")


def test_it_records_gives_receipts_and_asks_and_counts_the_balance(workspace, ana):
    record_typed(workspace, ana, entry_type="give", kind="information",
                 description="shared the funder list", occurred_on="2025-12-01")
    record_typed(workspace, ana, entry_type="give", kind="help",
                 description="reviewed her budget", occurred_on="2026-01-15")
    record_typed(workspace, ana, entry_type="received", kind="support",
                 description="spoke up for us at the council")
    record_typed(workspace, ana, entry_type="ask", description="an intro to the food officer")
    record_typed(workspace, ana, entry_type="their_ask", description="a reference")

    balance = balance_for(workspace, ana)
    assert (balance.given, balance.received, balance.asks_made, balance.asks_received) == (
        2, 1, 1, 1)
    assert balance.net == 1
    assert balance.last_given.description == "reviewed her budget"
    assert [e.description for e in history(workspace, ana)][:2] == [
        "a reference", "an intro to the food officer"]


def test_it_says_when_you_last_gave_before_an_ask(workspace, ana):
    assert last_given_line(ana, balance_for(workspace, ana)) == (
        "You have not given Ana Ruiz anything yet — give first?")
    record_entry(workspace, ana, direction="to_them", kind="information",
                 description="shared the funder list", occurred_on="2025-12-05")
    assert last_given_line(ana, balance_for(workspace, ana)) == (
        "You last gave to Ana Ruiz 3 months ago: shared the funder list")
    # An ask is not a gift, and neither is something she gave.
    record_typed(workspace, ana, entry_type="ask", description="a favour")
    record_typed(workspace, ana, entry_type="received", description="a lift")
    record_entry(workspace, ana, direction="to_them", kind="help",
                 description="carried the chairs", occurred_on="yesterday")
    assert last_given_line(ana, balance_for(workspace, ana)) == (
        "You last gave to Ana Ruiz yesterday: carried the chairs (2 gifts in all)")


@pytest.mark.parametrize(("day", "words"), [
    (date(2026, 3, 10), "today"), (date(2026, 3, 9), "yesterday"),
    (date(2026, 2, 25), "13 days ago"), (date(2026, 2, 24), "2 weeks ago"),
    (date(2026, 1, 10), "8 weeks ago"), (date(2026, 1, 9), "2 months ago"),
    (date(2025, 3, 11), "12 months ago"), (date(2024, 3, 1), "2 years ago"),
])
def test_it_says_how_long_ago_in_words(day, words):
    assert ago(day, TODAY) == words


def test_it_refuses_bad_input_naming_the_field_and_stores_nothing(workspace, ana):
    with pytest.raises(Invalid) as caught:
        record_entry(workspace, ana, direction="sideways", kind="bribe", description="  ",
                     occurred_on="next year")
    assert set(caught.value.errors) == {"direction", "kind", "description", "occurred_on"}
    assert "ledger entry direction" in caught.value.errors["direction"]
    with pytest.raises(Invalid) as caught:
        record_entry(workspace, ana, direction="to_them", kind="help", description="x",
                     occurred_on="2026-03-11")
    assert "in the future" in caught.value.errors["occurred_on"]
    with pytest.raises(Invalid) as caught:
        record_typed(workspace, ana, entry_type="give", kind="ask", description="x")
    assert "not an ask" in caught.value.errors["kind"]
    with pytest.raises(Invalid):
        record_typed(workspace, ana, entry_type="gossip", description="x")
    with pytest.raises(Invalid) as caught:
        record_entry(workspace, ana, direction="to_them", kind="help", description="x" * 301)
    assert "301 characters" in caught.value.errors["description"]
    assert not LedgerEntry.objects.exists()


def test_it_refuses_another_workspaces_person(workspace, bobs_person):
    with pytest.raises(NotFound):
        record_entry(workspace, bobs_person, direction="to_them", kind="help",
                     description="shared a list")
    with pytest.raises(NotFound):
        balance_for(workspace, bobs_person)
    with pytest.raises(NotFound):
        history(workspace, bobs_person)
    assert not LedgerEntry.objects.exists()


def test_it_edits_and_deletes_an_entry(workspace, ana):
    entry = record_entry(workspace, ana, direction="to_them", kind="help",
                         description="shared a list")
    edit_entry(workspace, entry, kind="information", occurred_on="2026-03-01",
               description="shared the funder list")
    entry.refresh_from_db()
    assert (entry.kind, entry.occurred_on, entry.description, entry.direction) == (
        "information", date(2026, 3, 1), "shared the funder list", "to_them")
    with pytest.raises(Invalid) as caught:
        edit_entry(workspace, entry, description="", direction="to_them")
    assert set(caught.value.errors) == {"description"}
    with pytest.raises(Invalid) as caught:
        edit_entry(workspace, entry, person=3)
    assert set(caught.value.errors) == {"person"}
    entry.refresh_from_db()
    assert entry.description == "shared the funder list"
    delete_entry(workspace, entry)
    assert not LedgerEntry.objects.exists()


def test_it_refuses_to_edit_or_delete_another_workspaces_entry(workspace, other_workspace,
                                                               bobs_person):
    bobs = record_entry(other_workspace, bobs_person, direction="to_them", kind="help",
                        description="Bob's")
    with pytest.raises(NotFound):
        edit_entry(workspace, bobs, description="mine now")
    with pytest.raises(NotFound):
        delete_entry(workspace, bobs)
    assert LedgerEntry.objects.get().description == "Bob's"


def test_it_reads_the_balance_in_two_queries(workspace, ana, django_assert_num_queries):
    for i in range(20):
        record_typed(workspace, ana, entry_type="give", description=f"gift {i}")
    with django_assert_num_queries(2):
        assert balance_for(workspace, ana).given == 20
