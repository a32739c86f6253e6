"""The JSON API for organisations and affiliations."""

from datetime import date

import pytest
from conftest import errors_of
from django.db import connection
from django.test.utils import CaptureQueriesContext

from amity.organisations.actions import add_affiliation, create_organisation
from amity.organisations.models import Affiliation, Organisation

JSON = "application/json"




@pytest.fixture
def bobs_org(bob, other_workspace):
    return create_organisation(other_workspace, name="Bob's Bakery")



# -- organisations ------------------------------------------------------------

def test_it_creates_reads_changes_and_deletes_an_organisation(api):
    response = api.post("/api/organisations", {"name": "Northside Pantry", "kind": "partner",
                                               "website": "northside.example.org"},
                        content_type=JSON)

    assert response.status_code == 201, response.content
    created = response.json()
    assert created["name"] == "Northside Pantry" and created["kind"] == "partner"
    assert created["website"] == "https://northside.example.org"

    url = f"/api/organisations/{created['id']}"
    assert api.get(url).json() == created
    changed = api.patch(url, {"kind": "member"}, content_type=JSON).json()
    assert changed["kind"] == "member" and changed["name"] == "Northside Pantry"

    assert api.delete(url).status_code == 204
    assert not Organisation.objects.exists()


def test_it_lists_organisations_by_name_filtered_by_name_and_kind(api, workspace):
    create_organisation(workspace, name="Northside Pantry", kind="partner")
    create_organisation(workspace, name="City Council", kind="funder")
    create_organisation(workspace, name="Southside Pantry", kind="member")

    def names(query=""):
        return [o["name"] for o in api.get(f"/api/organisations?{query}").json()["items"]]

    assert names() == ["City Council", "Northside Pantry", "Southside Pantry"]
    assert names("q=pantry") == ["Northside Pantry", "Southside Pantry"]
    assert names("kind=funder") == ["City Council"]


@pytest.mark.parametrize(("payload", "field"), [
    ({"name": ""}, "name"),
    ({"name": "x" * 201}, "name"),
    ({"website": "not a website"}, "website"),
    ({"kind": "rival"}, "kind"),
    ({"notes": "x" * 20_001}, "notes"),
])
def test_it_refuses_a_bad_organisation_naming_the_field(api, payload, field):
    response = api.post("/api/organisations", {"name": "Pantry", **payload}, content_type=JSON)

    assert (field,) in errors_of(response)
    assert not Organisation.objects.exists()


@pytest.mark.parametrize("method", ["get", "patch", "delete"])
def test_it_answers_404_for_another_workspaces_organisation(api, bobs_org, method):
    response = getattr(api, method)(f"/api/organisations/{bobs_org.pk}", {"name": "hacked"},
                                    content_type=JSON)

    assert response.status_code == 404
    bobs_org.refresh_from_db()
    assert bobs_org.name == "Bob's Bakery"


# -- affiliations ---------------------------------------------------------------

def test_it_affiliates_a_person_then_changes_and_deletes_the_link(api, workspace, make_person):
    ana = make_person("Ana Ruiz")
    pantry = create_organisation(workspace, name="Northside Pantry")

    response = api.post("/api/affiliations", {"person": ana.pk, "organisation": pantry.pk,
                                              "role": "Coordinator", "represents": True,
                                              "start_on": "2024-05-01"}, content_type=JSON)

    assert response.status_code == 201, response.content
    created = response.json()
    assert created["person"] == ana.pk and created["person_name"] == "Ana Ruiz"
    assert created["organisation"] == pantry.pk
    assert created["organisation_name"] == "Northside Pantry"
    assert created["represents"] is True and created["current"] is True
    assert created["start_on"] == "2024-05-01" and created["end_on"] is None

    url = f"/api/affiliations/{created['id']}"
    assert api.get(url).json() == created
    ended = api.patch(url, {"end_on": "2025-12-31", "represents": None}, content_type=JSON)
    assert ended.status_code == 200, ended.content
    assert ended.json()["current"] is False and ended.json()["end_on"] == "2025-12-31"
    assert ended.json()["represents"] is True  # null leaves it as it was

    assert api.delete(url).status_code == 204
    assert not Affiliation.objects.exists()


def test_it_lists_affiliations_current_first_by_person_and_organisation(api, workspace,
                                                                        make_person):
    ana, kofi = make_person("Ana Ruiz"), make_person("Kofi Mensah")
    pantry = create_organisation(workspace, name="Northside Pantry")
    council = create_organisation(workspace, name="City Council")
    add_affiliation(workspace, ana, council, role="Intern", start_on="2019-01-01",
                    end_on="2020-01-01")
    add_affiliation(workspace, ana, pantry, role="Coordinator", start_on="2024-01-01")
    add_affiliation(workspace, kofi, pantry, role="Driver")

    def roles(query=""):
        return [a["role"] for a in api.get(f"/api/affiliations?{query}").json()["items"]]

    assert roles(f"person={ana.pk}") == ["Coordinator", "Intern"]
    assert sorted(roles(f"organisation={pantry.pk}")) == ["Coordinator", "Driver"]
    assert len(roles()) == 3


def test_it_refuses_an_affiliation_that_ends_before_it_starts(api, workspace, make_person):
    ana = make_person("Ana Ruiz")
    pantry = create_organisation(workspace, name="Northside Pantry")

    response = api.post("/api/affiliations", {"person": ana.pk, "organisation": pantry.pk,
                                              "start_on": "2024-05-01", "end_on": "2023-01-01"},
                        content_type=JSON)

    assert ("end_on",) in errors_of(response)
    assert not Affiliation.objects.exists()


def test_it_refuses_an_unreadable_date_on_an_affiliation(api, workspace, make_person):
    ana = make_person("Ana Ruiz")
    pantry = create_organisation(workspace, name="Northside Pantry")
    affiliation = add_affiliation(workspace, ana, pantry, start_on="2024-05-01")

    response = api.patch(f"/api/affiliations/{affiliation.pk}", {"start_on": "spring"},
                         content_type=JSON)

    assert ("start_on",) in errors_of(response)
    affiliation.refresh_from_db()
    assert affiliation.start_on == date(2024, 5, 1)


@pytest.mark.parametrize("target", ["person", "organisation"])
def test_it_will_not_link_to_another_workspaces_person_or_organisation(api, workspace,
                                                                       make_person, bobs_person,
                                                                       bobs_org, target):
    payload = {"person": make_person("Ana Ruiz").pk,
               "organisation": create_organisation(workspace, name="Pantry").pk}
    payload[target] = bobs_person.pk if target == "person" else bobs_org.pk

    response = api.post("/api/affiliations", payload, content_type=JSON)

    assert response.status_code == 404
    assert not Affiliation.objects.exists()


@pytest.mark.parametrize("method", ["get", "patch", "delete"])
def test_it_answers_404_for_another_workspaces_affiliation(api, other_workspace, bobs_person,
                                                           bobs_org, method):
    bobs = add_affiliation(other_workspace, bobs_person, bobs_org, role="Baker")

    response = getattr(api, method)(f"/api/affiliations/{bobs.pk}", {"role": "hacked"},
                                    content_type=JSON)

    assert response.status_code == 404
    bobs.refresh_from_db()
    assert bobs.role == "Baker"


@pytest.mark.parametrize("param", ["person", "organisation"])
def test_it_answers_404_when_filtering_by_another_workspaces_ids(api, bobs_person, bobs_org,
                                                                 param):
    ref = bobs_person.pk if param == "person" else bobs_org.pk

    assert api.get(f"/api/affiliations?{param}={ref}").status_code == 404


def test_it_lists_affiliations_in_a_constant_number_of_queries(api, workspace, make_person):
    pantry = create_organisation(workspace, name="Northside Pantry")

    def add_affiliations(count):
        for i in range(count):
            add_affiliation(workspace, make_person(f"Person {i}"), pantry, role="Volunteer")

    def queries_for_list():
        with CaptureQueriesContext(connection) as captured:
            response = api.get("/api/affiliations?page_size=100")
        assert response.status_code == 200
        return len(captured), response.json()["count"]

    api.get("/api/affiliations")  # the token's first use of the minute records last_used_at
    add_affiliations(3)
    few = queries_for_list()
    add_affiliations(27)
    many = queries_for_list()

    assert (few[1], many[1]) == (3, 30)
    assert many[0] == few[0]
