"""Organisations on the web: an organisation is the people in it.

Alice's coalition works with partners and funders; Bob's workspace must stay invisible.
"""

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from amity.conversations.actions import log_conversation
from amity.organisations.actions import add_affiliation, create_organisation
from amity.organisations.models import Affiliation, Organisation
from amity.people.actions import archive_person
from amity.people.models import Person

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
TODAY = NOW.date()


@pytest.fixture(autouse=True)
def frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def food_bank(workspace):
    return create_organisation(workspace, name="Riverside Food Bank", kind="partner",
                               website="foodbank.example", notes="Our main partner.")


@pytest.fixture
def ana(make_person):
    return make_person("Ana Ruiz", cadence_days=30)


@pytest.fixture
def bobs(other_workspace, bob, make_person):
    person = make_person("Zed Zimmer", ws=other_workspace)
    org = create_organisation(other_workspace, name="Bob's club")
    affiliation = add_affiliation(other_workspace, person, org, role="Chair")
    return {"person": person, "org": org, "affiliation": affiliation}


def url(name, *args):
    return reverse(f"organisations:{name}", args=args)


def talk(workspace, person, days_ago):
    log_conversation(workspace, [person], summary="Catch-up",
                     happened_at=NOW - timedelta(days=days_ago))


def text_of(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def warning_of(page: str) -> str:
    """The relationship-risk warning on an organisation page, or "" when there is none."""
    if 'id="risk-title"' not in page:
        return ""
    start = page.index('id="risk-title"')
    return page[start:page.index("</section>", start)]


# -- every page renders ------------------------------------------------------------

def test_it_renders_every_organisation_page_for_alice(alice_client, workspace, food_bank, ana):
    affiliation = add_affiliation(workspace, ana, food_bank, role="Director")
    for address in (url("list"), url("new"), url("detail", food_bank.pk),
                    url("edit", food_bank.pk), url("delete", food_bank.pk),
                    url("affiliation_edit", food_bank.pk, affiliation.pk)):
        assert alice_client.get(address).status_code == 200, address


# -- the list ----------------------------------------------------------------------------

def test_it_lists_organisations_with_how_many_people_are_there_now(alice_client, workspace,
                                                                   food_bank, ana, make_person):
    add_affiliation(workspace, ana, food_bank, role="Director")
    add_affiliation(workspace, ana, food_bank, role="Board member")  # same person twice
    add_affiliation(workspace, make_person("Ben Okafor"), food_bank)
    add_affiliation(workspace, make_person("Carla Mendes"), food_bank, end_on="2025-01-01")
    create_organisation(workspace, name="City Council")

    page = text_of(alice_client.get(url("list")))

    bank = page[page.index("Riverside Food Bank"):page.index("</li>", page.index("Riverside"))]
    assert "2 people" in bank and "Partner" in bank
    council = page[page.index("City Council"):]
    assert "0 people" in council and "no one yet" in council


def test_it_filters_organisations_by_name_and_kind(alice_client, workspace, food_bank):
    create_organisation(workspace, name="Green Fund", kind="funder")

    by_name = text_of(alice_client.get(url("list"), {"q": "food"}))
    assert "Riverside Food Bank" in by_name and "Green Fund" not in by_name
    by_kind = text_of(alice_client.get(url("list"), {"kind": "funder"}))
    assert "Green Fund" in by_kind and "Riverside Food Bank" not in by_kind


def test_it_paginates_organisations(alice_client, workspace):
    for i in range(51):
        create_organisation(workspace, name=f"Org {i:02d}")
    first = text_of(alice_client.get(url("list")))
    second = text_of(alice_client.get(url("list"), {"page": 2}))
    assert "Org 49" in first and "Org 50" not in first and "Org 50" in second


def test_it_lists_organisations_in_a_constant_number_of_queries(alice_client, workspace,
                                                                make_person,
                                                                django_assert_max_num_queries):
    def add(n, start):
        for i in range(start, start + n):
            org = create_organisation(workspace, name=f"Org {i:02d}")
            add_affiliation(workspace, make_person(f"Person {i}"), org)

    add(3, 0)
    with CaptureQueriesContext(connection) as few:
        alice_client.get(url("list"))
    add(27, 3)
    with django_assert_max_num_queries(len(few)):
        alice_client.get(url("list"))


# -- new, edit, delete ----------------------------------------------------------------------

def test_it_creates_an_organisation(alice_client, workspace):
    response = alice_client.post(url("new"), {"name": "Green Fund", "kind": "funder",
                                              "website": "greenfund.example", "notes": "Grants"})
    org = Organisation.objects.get(workspace=workspace)
    assert response.status_code == 302 and response["Location"] == url("detail", org.pk)
    assert (org.name, org.kind, org.website) == ("Green Fund", "funder",
                                                 "https://greenfund.example")


@pytest.mark.parametrize("field, data, message", [
    ("name", {"name": "  "}, "Name cannot be empty."),
    ("website", {"name": "Green Fund", "website": "not a site"}, "is not a web address"),
    ("kind", {"name": "Green Fund", "kind": "cult"}, "is not one of"),
])
def test_it_shows_a_bad_field_on_that_field_and_creates_nothing(alice_client, workspace, field,
                                                                 data, message):
    page = text_of(alice_client.post(url("new"), data))
    start = page.index(f'id="id_{field}_error"')
    assert message in page[start:page.index("</ul>", start)]
    assert not Organisation.objects.exists()


def test_it_edits_an_organisation(alice_client, food_bank):
    response = alice_client.post(url("edit", food_bank.pk), {
        "name": "Riverside Food Bank CIC", "kind": "member", "website": "", "notes": ""})
    assert response.status_code == 302
    food_bank.refresh_from_db()
    assert (food_bank.name, food_bank.kind, food_bank.website) == (
        "Riverside Food Bank CIC", "member", "")

    bad = text_of(alice_client.post(url("edit", food_bank.pk), {"name": ""}))
    assert "Name cannot be empty." in bad and "Edit Riverside Food Bank CIC" in bad


def test_it_deletes_an_organisation_but_keeps_its_people(alice_client, workspace, food_bank, ana):
    add_affiliation(workspace, ana, food_bank)
    confirm = text_of(alice_client.get(url("delete", food_bank.pk)))
    assert "1 affiliation" in confirm and "The people stay" in confirm

    response = alice_client.post(url("delete", food_bank.pk))

    assert response.status_code == 302 and response["Location"] == url("list")
    assert not Organisation.objects.exists() and not Affiliation.objects.exists()
    assert Person.objects.filter(pk=ana.pk).exists()


def test_it_escapes_organisation_names(alice_client, workspace, ana):
    org = create_organisation(workspace, name="<script>alert(1)</script>",
                              notes="<img src=x onerror=alert(2)>")
    add_affiliation(workspace, ana, org, role="<b>boss</b>")
    for address in (url("list"), url("detail", org.pk), url("edit", org.pk),
                    url("delete", org.pk), reverse("people:detail", args=[ana.pk]),
                    reverse("people:list")):
        page = text_of(alice_client.get(address))
        assert "<script>alert" not in page and "<img src=x" not in page and "<b>boss" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


# -- the organisation page: its people and their health ---------------------------------------

def test_it_shows_current_and_past_people_with_their_relationship_health(
        alice_client, workspace, food_bank, make_person):
    in_touch = make_person("Ana Ruiz", cadence_days=30)
    talk(workspace, in_touch, days_ago=5)
    due = make_person("Ben Okafor", cadence_days=30)
    talk(workspace, due, days_ago=30)
    overdue = make_person("Carla Mendes")  # no cadence: 90 days
    talk(workspace, overdue, days_ago=120)
    never = make_person("Dev Patel")
    left = make_person("Eve Old")
    for person, role in ((in_touch, "Director"), (due, "Treasurer"), (overdue, "Volunteer"),
                         (never, "Driver")):
        add_affiliation(workspace, person, food_bank, role=role, represents=person == in_touch)
    add_affiliation(workspace, left, food_bank, role="Founder", start_on="2010-01-01",
                    end_on="2020-12-31")

    page = text_of(alice_client.get(url("detail", food_bank.pk)))
    people = page[page.index('id="people"'):]

    def row(name):
        start = people.index(name)
        return people[start:people.index("</li>", start)]

    assert "Director" in row("Ana Ruiz") and "represents Riverside Food Bank" in row("Ana Ruiz")
    assert "health-ok" in row("Ana Ruiz") and "last contact 5\xa0days ago" in row("Ana Ruiz")
    assert "health-due" in row("Ben Okafor")
    assert "health-overdue" in row("Carla Mendes")
    assert "health-never" in row("Dev Patel") and "never contacted" in row("Dev Patel")
    assert people.index("Ana Ruiz") < people.index("Ben Okafor")  # who represents them first
    past = page[page.index("Used to be there"):]
    assert "Eve Old" in past and "Founder" in past and "Eve Old" not in people[:people.index(
        "Used to be there")]


def test_it_warns_when_the_relationship_hangs_on_one_person(alice_client, workspace, food_bank,
                                                            ana, make_person):
    add_affiliation(workspace, ana, food_bank, role="Director")
    talk(workspace, ana, days_ago=2)
    # Neither a former colleague nor an archived one spreads the relationship.
    add_affiliation(workspace, make_person("Eve Old"), food_bank, end_on="2025-01-01")
    archived = make_person("Ivo Gone")
    add_affiliation(workspace, archived, food_bank)
    archive_person(workspace, archived)

    warning = warning_of(text_of(alice_client.get(url("detail", food_bank.pk))))

    assert "This relationship hangs on one person" in warning
    assert "rests on" in warning and "Ana Ruiz" in warning and "alone" in warning
    assert "How this is worked out" in warning


def test_it_warns_when_only_one_of_several_people_is_in_touch(alice_client, workspace,
                                                              food_bank, ana, make_person):
    ben = make_person("Ben Okafor", cadence_days=30)
    carla = make_person("Carla Mendes")
    for person in (ana, ben, carla):
        add_affiliation(workspace, person, food_bank)
    talk(workspace, ana, days_ago=3)
    talk(workspace, ben, days_ago=45)  # past his 30-day cadence
    talk(workspace, carla, days_ago=100)  # no cadence: past 90 days

    warning = warning_of(text_of(alice_client.get(url("detail", food_bank.pk))))

    assert "This relationship hangs on one person" in warning
    assert "You know 3 people" in warning and "only" in warning and "Ana Ruiz" in warning


def test_it_does_not_warn_when_two_people_are_in_touch(alice_client, workspace, food_bank, ana,
                                                       make_person):
    carla = make_person("Carla Mendes")  # no cadence: 90 days
    for person in (ana, carla):
        add_affiliation(workspace, person, food_bank)
    talk(workspace, ana, days_ago=3)
    talk(workspace, carla, days_ago=80)

    assert warning_of(text_of(alice_client.get(url("detail", food_bank.pk)))) == ""


def test_it_warns_when_no_one_there_is_in_touch(alice_client, workspace, food_bank, ana,
                                                make_person):
    for person in (ana, make_person("Ben Okafor")):
        add_affiliation(workspace, person, food_bank)

    warning = warning_of(text_of(alice_client.get(url("detail", food_bank.pk))))

    assert "No one here is in touch" in warning and "none of them" in warning


def test_the_organisation_page_makes_a_constant_number_of_queries(
        alice_client, workspace, food_bank, make_person, django_assert_max_num_queries):
    def add(n, start):
        for i in range(start, start + n):
            person = make_person(f"Person {i:02d}", cadence_days=30)
            add_affiliation(workspace, person, food_bank, role="Member")
            add_affiliation(workspace, person, food_bank, role="Former", end_on="2024-01-01")
            talk(workspace, person, days_ago=i)

    add(3, 0)
    with CaptureQueriesContext(connection) as few:
        alice_client.get(url("detail", food_bank.pk))
    add(60, 3)
    with django_assert_max_num_queries(len(few)):
        page = text_of(alice_client.get(url("detail", food_bank.pk)))
    assert "Page 1 of 2" in page and "And 13 more." in page


# -- adding people and changing affiliations -----------------------------------------------------

def test_it_adds_one_of_your_people_from_the_organisation_page(alice_client, workspace, food_bank,
                                                               ana):
    response = alice_client.post(url("affiliation_add", food_bank.pk),
                                 {"person": "ruiz", "role": "Director", "represents": "on"})
    assert response.status_code == 302
    affiliation = Affiliation.objects.get(organisation=food_bank)
    assert (affiliation.person, affiliation.role, affiliation.represents) == (ana, "Director", True)


def test_it_lists_candidates_when_the_name_is_ambiguous(alice_client, workspace, food_bank,
                                                        make_person):
    make_person("Sam Lee")
    make_person("Sam Patel")
    page = text_of(alice_client.post(url("affiliation_add", food_bank.pk), {"person": "sam"}))
    start = page.index('id="add_person_error"')
    error = page[start:page.index("</ul>", start)]
    assert "Sam Lee" in error and "Sam Patel" in error
    assert not Affiliation.objects.exists()


def test_it_edits_an_affiliation_and_goes_back_where_it_came_from(alice_client, workspace,
                                                                  food_bank, ana):
    affiliation = add_affiliation(workspace, ana, food_bank, role="Director")
    person_page = reverse("people:detail", args=[ana.pk])
    form = text_of(alice_client.get(url("affiliation_edit", food_bank.pk, affiliation.pk),
                                    {"next": person_page}))
    assert f'name="next" value="{person_page}"' in form

    response = alice_client.post(url("affiliation_edit", food_bank.pk, affiliation.pk), {
        "role": "Chair", "represents": "on", "start_on": "2021-02-01", "end_on": "",
        "next": person_page})

    assert response.status_code == 302 and response["Location"] == person_page
    affiliation.refresh_from_db()
    assert (affiliation.role, affiliation.represents, affiliation.start_on) == (
        "Chair", True, date(2021, 2, 1))


def test_it_ignores_a_next_address_on_another_site(alice_client, workspace, food_bank, ana):
    affiliation = add_affiliation(workspace, ana, food_bank)
    response = alice_client.post(url("affiliation_end", food_bank.pk, affiliation.pk),
                                 {"next": "https://evil.example/"})
    assert response["Location"] == url("detail", food_bank.pk) + "#people"


def test_it_shows_affiliation_errors_on_their_field(alice_client, workspace, food_bank, ana):
    affiliation = add_affiliation(workspace, ana, food_bank, role="Director")
    page = text_of(alice_client.post(url("affiliation_edit", food_bank.pk, affiliation.pk), {
        "role": "Chair", "start_on": "2024-01-01", "end_on": "2023-01-01"}))
    start = page.index('id="id_end_on_error"')
    assert "before the start date" in page[start:page.index("</ul>", start)]
    affiliation.refresh_from_db()
    assert affiliation.role == "Director"


def test_it_ends_an_affiliation_today_keeping_the_history(alice_client, workspace, food_bank,
                                                          ana):
    affiliation = add_affiliation(workspace, ana, food_bank, role="Director")
    response = alice_client.post(url("affiliation_end", food_bank.pk, affiliation.pk),
                                 follow=True)
    affiliation.refresh_from_db()
    assert affiliation.end_on == TODAY
    assert "is no longer at Riverside Food Bank" in response.content.decode()


def test_it_deletes_an_affiliation_made_by_mistake(alice_client, workspace, food_bank, ana):
    affiliation = add_affiliation(workspace, ana, food_bank)
    assert alice_client.get(url("affiliation_delete", food_bank.pk, affiliation.pk)
                            ).status_code == 405
    response = alice_client.post(url("affiliation_delete", food_bank.pk, affiliation.pk))
    assert response.status_code == 302
    assert not Affiliation.objects.exists() and Person.objects.filter(pk=ana.pk).exists()


# -- another workspace -------------------------------------------------------------------------

@pytest.mark.parametrize("method", ["get", "post"])
def test_it_answers_404_for_another_workspaces_ids(alice_client, workspace, food_bank, ana, bobs,
                                                   method):
    mine = add_affiliation(workspace, ana, food_bank)
    other_org = create_organisation(workspace, name="City Council")
    org, affiliation = bobs["org"].pk, bobs["affiliation"].pk
    addresses = [
        url("detail", org), url("edit", org), url("delete", org), url("affiliation_add", org),
        url("affiliation_edit", org, affiliation), url("affiliation_end", org, affiliation),
        url("affiliation_delete", org, affiliation),
        # Alice's organisation with Bob's affiliation, and with another organisation's.
        url("affiliation_edit", food_bank.pk, affiliation),
        url("affiliation_end", food_bank.pk, affiliation),
        url("affiliation_delete", food_bank.pk, affiliation),
        url("affiliation_delete", other_org.pk, mine.pk),
    ]
    for address in addresses:
        response = getattr(alice_client, method)(address, {"name": "Hacked", "role": "Hacked",
                                                           "person": "ana"})
        assert response.status_code == 404, address
    bobs["org"].refresh_from_db()
    bobs["affiliation"].refresh_from_db()
    assert bobs["org"].name == "Bob's club" and bobs["affiliation"].end_on is None
    assert bobs["affiliation"].role == "Chair"
    assert Affiliation.objects.filter(pk=mine.pk).exists()
    assert not Affiliation.objects.filter(organisation_id=org, person=ana).exists()


def test_it_never_lists_another_workspaces_organisations(alice_client, food_bank, bobs):
    page = text_of(alice_client.get(url("list")))
    assert "Riverside Food Bank" in page and "Bob&#x27;s club" not in page


def test_it_cannot_link_another_workspaces_person(alice_client, food_bank, bobs):
    page = text_of(alice_client.post(url("affiliation_add", food_bank.pk),
                                     {"person": f"#{bobs['person'].pk}"}))
    assert "No one called" in page
    assert not Affiliation.objects.filter(organisation=food_bank).exists()
