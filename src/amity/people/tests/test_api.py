"""The JSON API for people and facts: /api/people, /api/facts.

Alice calls it with a real personal API token; Bob's ids must look like ids
that do not exist.
"""

from datetime import date

import pytest
import time_machine
from conftest import errors_of
from django.db import connection
from django.test.utils import CaptureQueriesContext

from amity.conversations.actions import log_conversation
from amity.organisations.actions import add_affiliation, create_organisation
from amity.people.actions import add_fact, archive_person
from amity.people.models import Fact, Person

JSON = "application/json"





# -- people: round trip --------------------------------------------------------

def test_it_creates_reads_changes_and_deletes_a_person(api):
    response = api.post("/api/people", {
        "display_name": "Ana Ruiz", "emails": ["Ana@Example.org"], "phones": ["+44 20 7946 0958"],
        "tags": ["food", "#housing"], "birthday": "1990-04-15", "importance": "inner",
        "cadence_days": 30, "location": "Leeds", "notes": "Runs the Thursday pantry.",
    }, content_type=JSON)

    assert response.status_code == 201, response.content
    created = response.json()
    assert created["display_name"] == "Ana Ruiz"
    assert created["given_name"] == "Ana" and created["family_name"] == "Ruiz"
    assert created["emails"] == ["Ana@example.org"]
    assert created["phones"] == ["+442079460958"]
    assert sorted(created["tags"]) == ["food", "housing"]
    assert created["birthday"] == "1990-04-15"
    assert created["importance"] == "inner"
    assert created["cadence_days"] == 30
    assert created["checkin_due_on"] is not None
    assert created["archived"] is False
    assert created["organisations"] == []

    url = f"/api/people/{created['id']}"
    assert api.get(url).json() == created

    changed = api.patch(url, {"nickname": "Annie", "importance": "occasional"},
                        content_type=JSON)
    assert changed.status_code == 200, changed.content
    assert changed.json()["nickname"] == "Annie"
    assert changed.json()["importance"] == "occasional"
    # Fields not sent stay as they were.
    assert changed.json()["emails"] == ["Ana@example.org"]
    assert changed.json()["notes"] == "Runs the Thursday pantry."

    assert api.delete(url).status_code == 204
    assert api.get(url).status_code == 404
    assert not Person.objects.filter(pk=created["id"]).exists()


def test_it_shows_a_birthday_without_its_year_as_dash_dash_month_day(api):
    response = api.post("/api/people", {"display_name": "Kofi", "birthday": "04-15"},
                        content_type=JSON)

    assert response.json()["birthday"] == "--04-15"


def test_it_shows_current_organisations_but_not_past_ones(api, workspace, make_person):
    ana = make_person("Ana Ruiz")
    pantry = create_organisation(workspace, name="Northside Pantry")
    council = create_organisation(workspace, name="City Council")
    add_affiliation(workspace, ana, pantry, role="Coordinator", represents=True)
    add_affiliation(workspace, ana, council, role="Intern", start_on="2019-01-01",
                    end_on="2020-01-01")

    organisations = api.get(f"/api/people/{ana.pk}").json()["organisations"]

    assert [(o["id"], o["name"], o["role"], o["represents"]) for o in organisations] == [
        (pantry.pk, "Northside Pantry", "Coordinator", True)]


def test_it_replaces_lists_and_clears_a_cadence_on_patch(api, make_person):
    ana = make_person("Ana Ruiz", emails=["ana@example.org"], tags=["food"], cadence_days=30)

    response = api.patch(f"/api/people/{ana.pk}",
                         {"emails": ["ana@pantry.org"], "tags": [], "cadence_days": None},
                         content_type=JSON)

    body = response.json()
    assert body["emails"] == ["ana@pantry.org"]
    assert body["tags"] == []
    assert body["cadence_days"] is None and body["checkin_due_on"] is None


def test_it_links_and_unlinks_who_introduced_a_person(api, make_person):
    kofi = make_person("Kofi Mensah")

    created = api.post("/api/people", {"display_name": "Ana", "introduced_by": kofi.pk},
                       content_type=JSON).json()
    assert created["introduced_by"] == kofi.pk

    cleared = api.patch(f"/api/people/{created['id']}", {"introduced_by": None},
                        content_type=JSON).json()
    assert cleared["introduced_by"] is None


def test_it_archives_and_unarchives_a_person(api, make_person):
    ana = make_person("Ana Ruiz")

    archived = api.post(f"/api/people/{ana.pk}/archive")
    assert archived.status_code == 200
    assert archived.json()["archived"] is True and archived.json()["archived_at"]
    assert api.get("/api/people").json()["count"] == 0
    assert api.get("/api/people?archived=true").json()["count"] == 1

    restored = api.post(f"/api/people/{ana.pk}/unarchive")
    assert restored.json()["archived"] is False
    assert api.get("/api/people").json()["count"] == 1


# -- people: lists --------------------------------------------------------------

def test_it_pages_the_people_list_by_name(api, make_person):
    for name in ("Chidi", "Ana", "Bea"):
        make_person(name)

    first = api.get("/api/people?page_size=2").json()
    second = api.get("/api/people?page_size=2&page=2").json()

    assert first["count"] == 3 and second["count"] == 3
    assert [p["display_name"] for p in first["items"]] == ["Ana", "Bea"]
    assert [p["display_name"] for p in second["items"]] == ["Chidi"]


def test_it_refuses_a_page_number_below_one(api):
    response = api.get("/api/people?page=0")

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "page"]


def test_it_filters_people_by_search_words_and_by_tag(api, make_person):
    make_person("Ana Ruiz", tags=["Économie"], notes="Knows every grower in the valley")
    make_person("Kofi Mensah", tags=["housing"])
    make_person("Anabel Stone")

    def names(query):
        return [p["display_name"] for p in api.get(f"/api/people?{query}").json()["items"]]

    assert names("q=ana") == ["Ana Ruiz", "Anabel Stone"]
    assert names("q=grower") == ["Ana Ruiz"]
    assert names("tag=économie") == ["Ana Ruiz"]
    assert names("tag=%23HOUSING") == ["Kofi Mensah"]
    assert names("tag=nothing") == []


def test_it_lists_people_in_a_constant_number_of_queries(api, workspace, make_person):
    pantry = create_organisation(workspace, name="Northside Pantry")

    def add_people(count):
        for i in range(count):
            person = make_person(f"Person {Person.objects.count():03d}", emails=[f"p{i}@ex.org"],
                                 phones=["+442079460958"], tags=["food", f"t{i}"])
            add_affiliation(workspace, person, pantry, role="Volunteer")

    def queries_for_list():
        with CaptureQueriesContext(connection) as captured:
            response = api.get("/api/people?page_size=100")
        assert response.status_code == 200
        return len(captured), response.json()["count"]

    api.get("/api/people")  # the token's first use of the minute records last_used_at
    add_people(3)
    few = queries_for_list()
    add_people(27)
    many = queries_for_list()

    assert few[1] == 3 and many[1] == 30
    assert many[0] == few[0]


def test_it_never_lists_another_workspaces_people(api, bobs_person, make_person):
    make_person("Ana Ruiz")

    response = api.get("/api/people").json()

    assert [p["display_name"] for p in response["items"]] == ["Ana Ruiz"]


# -- people: bad input -------------------------------------------------------------

@pytest.mark.parametrize(("field", "value"), [
    ("display_name", ""),
    ("display_name", "   "),
    ("display_name", "x" * 201),
    ("notes", "x" * 20_001),
    ("emails", ["not-an-email"]),
    ("phones", ["12"]),
    ("birthday", "1990-02-30"),
    ("met_on", "someday"),
    ("website", "not a site"),
    ("cadence_days", 5000),
    ("importance", "huge"),
])
def test_it_refuses_a_bad_value_naming_the_field_and_writes_nothing(api, field, value):
    payload = {"display_name": "Ana Ruiz", field: value}

    response = api.post("/api/people", payload, content_type=JSON)

    assert (field,) in errors_of(response)
    assert Person.objects.count() == 0


def test_it_reports_every_bad_field_at_once(api):
    response = api.post("/api/people", {"display_name": "", "emails": ["nope"],
                                        "birthday": "13-45"}, content_type=JSON)

    assert set(errors_of(response)) == {("display_name",), ("emails",), ("birthday",)}


def test_it_refuses_a_bad_change_and_keeps_the_person_as_they_were(api, make_person):
    ana = make_person("Ana Ruiz", emails=["ana@example.org"])

    response = api.patch(f"/api/people/{ana.pk}",
                         {"nickname": "Annie", "emails": ["broken"]}, content_type=JSON)

    assert ("emails",) in errors_of(response)
    ana.refresh_from_db()
    assert ana.nickname == ""
    assert list(ana.emails.values_list("email", flat=True)) == ["ana@example.org"]


def test_it_says_which_field_is_missing(api):
    response = api.post("/api/people", {"notes": "no name"}, content_type=JSON)

    detail = response.json()["detail"]
    assert response.status_code == 422
    assert detail[0]["loc"] == ["body", "display_name"]


# -- people: another workspace ------------------------------------------------------

@pytest.mark.parametrize(("method", "suffix"), [
    ("get", ""), ("patch", ""), ("delete", ""), ("post", "/archive"), ("post", "/unarchive"),
])
def test_it_answers_404_for_another_workspaces_person(api, bobs_person, method, suffix):
    response = getattr(api, method)(f"/api/people/{bobs_person.pk}{suffix}",
                                    {"nickname": "hacked"}, content_type=JSON)

    assert response.status_code == 404
    assert response.json() == {"detail": f"No person #{bobs_person.pk}"}
    bobs_person.refresh_from_db()
    assert bobs_person.nickname == "" and bobs_person.archived_at is None


def test_it_will_not_link_an_introducer_from_another_workspace(api, bobs_person, make_person):
    ana = make_person("Ana Ruiz")

    created = api.post("/api/people", {"display_name": "Kofi", "introduced_by": bobs_person.pk},
                       content_type=JSON)
    changed = api.patch(f"/api/people/{ana.pk}", {"introduced_by": bobs_person.pk},
                        content_type=JSON)

    assert created.status_code == 404 and changed.status_code == 404
    assert list(Person.objects.filter(introduced_by__isnull=False)) == []
    assert not Person.objects.filter(display_name="Kofi").exists()


# -- facts ----------------------------------------------------------------------------

def test_it_adds_reads_changes_confirms_and_deletes_a_fact(api, make_person):
    ana = make_person("Ana Ruiz")

    response = api.post("/api/facts", {"person": ana.pk, "kind": "need",
                                       "text": "A van for Saturday deliveries",
                                       "learned_on": "2026-01-10"}, content_type=JSON)
    assert response.status_code == 201, response.content
    fact = response.json()
    assert fact["person"] == ana.pk and fact["kind"] == "need"
    assert fact["learned_on"] == "2026-01-10" and fact["conversation"] is None

    url = f"/api/facts/{fact['id']}"
    assert api.get(url).json() == fact

    changed = api.patch(url, {"text": "A van for Saturdays", "kind": "goal"}, content_type=JSON)
    assert changed.json()["text"] == "A van for Saturdays" and changed.json()["kind"] == "goal"
    assert changed.json()["learned_on"] == "2026-01-10"

    with time_machine.travel(date(2026, 3, 1)):
        confirmed = api.post(f"{url}/confirm")
    assert confirmed.json()["confirmed_on"] == "2026-03-01"

    assert api.delete(url).status_code == 204
    assert not Fact.objects.exists()


def test_it_links_a_fact_to_the_conversation_where_it_was_heard(api, workspace, make_person):
    ana = make_person("Ana Ruiz")
    chat = log_conversation(workspace, [ana], summary="Coffee", happened_at="2026-01-05")

    fact = api.post("/api/facts", {"person": ana.pk, "kind": "interest", "text": "Seed banks",
                                   "conversation": chat.pk}, content_type=JSON).json()

    assert fact["conversation"] == chat.pk
    assert fact["learned_on"] == "2026-01-05"


def test_it_flags_a_fact_nobody_has_checked_for_a_long_time(api, workspace, make_person):
    ana = make_person("Ana Ruiz")
    fact = add_fact(workspace, ana, kind="goal", text="Open a second pantry",
                    learned_on="2020-01-01")

    assert api.get(f"/api/facts/{fact.pk}").json()["stale"] is True


def test_it_lists_facts_by_person_and_kind(api, workspace, make_person):
    ana, kofi = make_person("Ana Ruiz"), make_person("Kofi Mensah")
    add_fact(workspace, ana, kind="need", text="A van")
    add_fact(workspace, ana, kind="offer", text="Cold storage")
    add_fact(workspace, kofi, kind="need", text="Volunteers")

    def texts(query):
        return sorted(f["text"] for f in api.get(f"/api/facts?{query}").json()["items"])

    assert texts("") == ["A van", "Cold storage", "Volunteers"]
    assert texts(f"person={ana.pk}") == ["A van", "Cold storage"]
    assert texts(f"person={ana.pk}&kind=need") == ["A van"]
    assert api.get("/api/facts?kind=hobby").status_code == 422


@pytest.mark.parametrize(("payload", "field"), [
    ({"kind": "need", "text": ""}, "text"),
    ({"kind": "need", "text": "x" * 501}, "text"),
    ({"kind": "hobby", "text": "Chess"}, "kind"),
    ({"kind": "need", "text": "A van", "learned_on": "last spring"}, "learned_on"),
])
def test_it_refuses_a_bad_fact_naming_the_field(api, make_person, payload, field):
    ana = make_person("Ana Ruiz")

    response = api.post("/api/facts", {"person": ana.pk, **payload}, content_type=JSON)

    assert (field,) in errors_of(response)
    assert not Fact.objects.exists()


@pytest.mark.parametrize(("method", "suffix"), [
    ("get", ""), ("patch", ""), ("delete", ""), ("post", "/confirm"),
])
def test_it_answers_404_for_another_workspaces_fact(api, other_workspace, bobs_person, method,
                                                     suffix):
    fact = add_fact(other_workspace, bobs_person, kind="need", text="Bob's secret")

    response = getattr(api, method)(f"/api/facts/{fact.pk}{suffix}", {"text": "hacked"},
                                    content_type=JSON)

    assert response.status_code == 404
    fact.refresh_from_db()
    assert fact.text == "Bob's secret" and fact.confirmed_on is None


def test_it_will_not_add_a_fact_to_another_workspaces_person(api, bobs_person):
    response = api.post("/api/facts", {"person": bobs_person.pk, "kind": "need", "text": "x"},
                        content_type=JSON)

    assert response.status_code == 404
    assert not Fact.objects.exists()


def test_it_will_not_link_a_fact_to_another_workspaces_conversation(api, other_workspace,
                                                                     bobs_person, make_person):
    bobs_chat = log_conversation(other_workspace, [bobs_person], summary="Bob's call")
    ana = make_person("Ana Ruiz")

    response = api.post("/api/facts", {"person": ana.pk, "kind": "need", "text": "x",
                                       "conversation": bobs_chat.pk}, content_type=JSON)

    assert response.status_code == 404
    assert not Fact.objects.exists()


def test_it_answers_404_when_filtering_facts_by_another_workspaces_person(api, bobs_person):
    assert api.get(f"/api/facts?person={bobs_person.pk}").status_code == 404


def test_it_hides_archived_people_from_the_list_but_not_from_their_own_url(api, workspace,
                                                                            make_person):
    ana = make_person("Ana Ruiz")
    archive_person(workspace, ana)

    assert api.get("/api/people").json()["items"] == []
    assert api.get(f"/api/people/{ana.pk}").json()["archived"] is True
