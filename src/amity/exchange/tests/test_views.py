"""The ledger on the web: the person page panel, logging with and without htmx,
the ledger pages, editing and deleting."""

from datetime import date, datetime

import pytest
import time_machine
from django.urls import reverse

from amity.exchange.actions import record_entry, record_typed
from amity.exchange.models import LedgerEntry

HTMX = {"HX-Request": "true"}


@pytest.fixture(autouse=True)
def frozen_day():
    with time_machine.travel(datetime(2026, 3, 10, 9, 0), tick=False):
        yield


@pytest.fixture
def ana(make_person):
    return make_person("Ana Ruiz")


def add_url(person):
    return reverse("exchange:add", args=[person.pk])


def test_it_shows_the_balance_history_and_forms_on_the_person_page(alice_client, workspace,
                                                                     ana):
    record_entry(workspace, ana, direction="to_them", kind="information",
                 description="shared the funder list", occurred_on="2025-12-05")
    record_typed(workspace, ana, entry_type="received", description="lent us the hall")
    text = alice_client.get(reverse("people:detail", args=[ana.pk])).content.decode()
    assert 'id="ledger"' in text
    assert '<dd data-balance="given">1</dd>' in text
    assert '<dd data-balance="received">1</dd>' in text
    assert "shared the funder list" in text and "lent us the hall" in text
    # The ask form says when Alice last gave to Ana, before she asks.
    assert "You last gave to Ana Ruiz 3 months ago: shared the funder list" in text
    for label in ("Log a give", "Log something received", "Log an ask"):
        assert f"<summary>{label}</summary>" in text
    assert reverse("exchange:person", args=[ana.pk]) in text


def test_it_tells_you_to_give_first_when_you_never_gave(alice_client, ana):
    text = alice_client.get(reverse("people:detail", args=[ana.pk])).content.decode()
    assert "You have not given Ana Ruiz anything yet — give first?" in text


def test_it_logs_a_give_with_htmx_and_answers_the_refreshed_panel(alice_client, ana):
    response = alice_client.post(add_url(ana), {
        "entry_type": "give", "kind": "information", "description": "shared the funder list",
        "occurred_on": "today"}, headers=HTMX)
    assert response.status_code == 200
    assert response["HX-Trigger"] == "ledger-changed"
    text = response.content.decode()
    assert text.lstrip().startswith('<section id="ledger"') and "<html" not in text
    assert '<dd data-balance="given">1</dd>' in text
    assert "Noted: you gave Ana Ruiz shared the funder list." in text
    entry = LedgerEntry.objects.get()
    assert (entry.direction, entry.kind, entry.occurred_on) == (
        "to_them", "information", date(2026, 3, 10))


def test_it_logs_without_javascript_and_comes_back_to_the_person_page(alice_client, ana):
    back = reverse("people:detail", args=[ana.pk]) + "#ledger"
    response = alice_client.post(add_url(ana), {
        "entry_type": "received", "kind": "support", "description": "spoke up for us",
        "occurred_on": "yesterday", "next": back})
    assert response.status_code == 302 and response["Location"] == back
    entry = LedgerEntry.objects.get()
    assert (entry.direction, entry.kind, entry.occurred_on) == (
        "from_them", "support", date(2026, 3, 9))
    page = alice_client.get(back).content.decode()
    assert "Noted: Ana Ruiz gave you spoke up for us." in page


def test_it_logs_asks_both_ways(alice_client, ana):
    alice_client.post(add_url(ana), {"entry_type": "ask", "description": "an intro"})
    alice_client.post(add_url(ana), {"entry_type": "their_ask", "description": "a reference"})
    assert sorted(LedgerEntry.objects.values_list("direction", "kind", "description")) == [
        ("from_them", "ask", "a reference"), ("to_them", "ask", "an intro")]


def test_it_shows_errors_on_the_form_it_came_from_and_stores_nothing(alice_client, ana):
    response = alice_client.post(add_url(ana), {
        "entry_type": "give", "kind": "information", "description": "a list",
        "occurred_on": "2027-01-01"}, headers=HTMX)
    text = response.content.decode()
    assert "in the future" in text
    assert '<details class="ledger-log" open>\n  <summary>Log a give</summary>' in text
    assert "HX-Trigger" not in response
    # Without JavaScript: the full ledger page with the form and its error.
    response = alice_client.post(add_url(ana), {"entry_type": "ask", "description": ""})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not LedgerEntry.objects.exists()


def test_it_shows_a_persons_full_ledger_with_edit_and_delete(alice_client, workspace, ana):
    for i in range(12):
        record_typed(workspace, ana, entry_type="give", description=f"gift {i:02d}")
    page = alice_client.get(reverse("exchange:person", args=[ana.pk])).content.decode()
    assert page.count('class="entry-text"') == 12
    assert "Give and take with Ana Ruiz" in page
    entry = LedgerEntry.objects.get(description="gift 03")
    assert reverse("exchange:edit", args=[entry.pk]) in page
    assert reverse("exchange:delete", args=[entry.pk]) in page
    panel = alice_client.get(reverse("people:detail", args=[ana.pk])).content.decode()
    assert panel.count('class="entry-text"') == 10
    assert "All entries: the full ledger with Ana Ruiz" in panel


def test_it_edits_and_deletes_an_entry(alice_client, workspace, ana):
    entry = record_typed(workspace, ana, entry_type="give", description="a list")
    url = reverse("exchange:edit", args=[entry.pk])
    assert 'value="a list"' in alice_client.get(url).content.decode()
    bad = alice_client.post(url, {"direction": "to_them", "kind": "help", "description": "x",
                                  "occurred_on": "soonish"})
    assert "is not a date I understand" in bad.content.decode()
    done = alice_client.post(url, {"direction": "from_them", "kind": "support",
                                   "description": "a kind word", "occurred_on": "2026-03-02"})
    assert done.status_code == 302
    entry.refresh_from_db()
    assert (entry.direction, entry.kind, entry.description, entry.occurred_on) == (
        "from_them", "support", "a kind word", date(2026, 3, 2))
    delete = reverse("exchange:delete", args=[entry.pk])
    assert alice_client.get(delete).status_code == 405
    assert alice_client.post(delete).status_code == 302
    assert not LedgerEntry.objects.exists()


def test_it_lists_the_whole_ledger_by_sort(alice_client, workspace, ana, make_person):
    ben = make_person("Ben Okafor")
    record_typed(workspace, ana, entry_type="give", description="the funder list")
    record_typed(workspace, ben, entry_type="received", description="a lift")
    record_typed(workspace, ben, entry_type="ask", description="a favour")

    def shown(show):
        page = alice_client.get(reverse("exchange:list"), {"show": show}).content.decode()
        return [d for d in ("the funder list", "a lift", "a favour") if d in page]

    assert shown("all") == ["the funder list", "a lift", "a favour"]
    assert shown("gives") == ["the funder list"]
    assert shown("received") == ["a lift"]
    assert shown("asks") == ["a favour"]


def test_it_lists_the_ledger_without_a_query_per_row(alice_client, workspace, make_person,
                                                     django_assert_max_num_queries):
    for i in range(30):
        record_typed(workspace, make_person(f"Person {i}"), entry_type="give",
                     description=f"gift {i}")
    with django_assert_max_num_queries(6):
        page = alice_client.get(reverse("exchange:list"))
    assert page.content.count(b'class="entry-text"') == 30


def test_it_answers_404_for_bobs_person_and_entries(alice_client, other_workspace,
                                                    bobs_person):
    bobs = record_typed(other_workspace, bobs_person, entry_type="give", description="Bob's")
    assert alice_client.get(reverse("exchange:person", args=[bobs_person.pk])).status_code \
        == 404
    assert alice_client.post(add_url(bobs_person), {
        "entry_type": "give", "kind": "help", "description": "sneaky"}).status_code == 404
    assert alice_client.get(reverse("exchange:edit", args=[bobs.pk])).status_code == 404
    assert alice_client.post(reverse("exchange:delete", args=[bobs.pk])).status_code == 404
    assert "Bob's" not in alice_client.get(reverse("exchange:list")).content.decode()
    assert LedgerEntry.objects.get().description == "Bob's"
