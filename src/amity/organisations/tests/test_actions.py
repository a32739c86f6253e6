"""Organisations and affiliations: an organisation is the people in it
(amity.organisations.actions)."""

from datetime import UTC, date, datetime

import pytest
import time_machine

from amity.errors import Invalid, NotFound
from amity.organisations.actions import (
    access_affiliation,
    access_organisation,
    add_affiliation,
    create_organisation,
    delete_affiliation,
    delete_organisation,
    end_affiliation,
    find_or_create_organisation,
    update_affiliation,
    update_organisation,
)
from amity.organisations.models import Affiliation, Organisation
from amity.search import index


def found(workspace, query) -> list[int]:
    return index.search_ids(workspace, query).ids


@pytest.fixture
def ana(make_person):
    return make_person("Ana Ruiz")


# -- organisations --------------------------------------------------------------

def test_it_creates_an_organisation(workspace):
    org = create_organisation(workspace, name=" Riverside Allotments ", kind="Partner",
                              website="riverside.example.org", notes="Twelve plots.")

    org.refresh_from_db()
    assert (org.name, org.kind) == ("Riverside Allotments", "partner")
    assert org.website == "https://riverside.example.org"
    assert org.workspace == workspace


@pytest.mark.parametrize(("fields", "field"), [
    ({"name": ""}, "name"),
    ({"name": "x" * 201}, "name"),
    ({"name": "Bad\x00"}, "name"),
    ({"kind": "charity"}, "kind"),
    ({"website": "no site"}, "website"),
    ({"notes": "x" * 20_001}, "notes"),
])
def test_it_refuses_a_bad_organisation_naming_the_field(workspace, fields, field):
    with pytest.raises(Invalid) as caught:
        create_organisation(workspace, **{"name": "Riverside Allotments", **fields})

    assert field in caught.value.errors
    assert Organisation.objects.count() == 0


@pytest.mark.parametrize("typed", ["Équipe Verte", "equipe verte", "ÉQUIPE VERTE",
                                   "  Équipe Verte ", "EQUIPE VERTE", "équipe verte"])
def test_it_finds_an_organisation_whatever_the_accents_or_case(workspace, typed):
    equipe = create_organisation(workspace, name="Équipe Verte")

    assert find_or_create_organisation(workspace, typed) == equipe
    assert Organisation.objects.count() == 1


def test_it_creates_an_organisation_it_cannot_find(workspace):
    create_organisation(workspace, name="Équipe Verte")

    made = find_or_create_organisation(workspace, "Equipe Bleue")

    assert made.name == "Equipe Bleue"
    assert Organisation.objects.in_workspace(workspace).count() == 2


def test_it_never_finds_another_workspaces_organisation(workspace, other_workspace):
    bobs = create_organisation(other_workspace, name="Riverside Allotments")

    alices = find_or_create_organisation(workspace, "riverside allotments")

    assert alices != bobs
    assert alices.workspace == workspace


def test_it_refuses_to_find_an_organisation_with_no_name(workspace):
    with pytest.raises(Invalid) as caught:
        find_or_create_organisation(workspace, "  ")

    assert "organisation" in caught.value.errors


def test_it_reindexes_members_when_an_organisation_is_renamed(workspace, ana):
    org = create_organisation(workspace, name="Riverside Allotments")
    add_affiliation(workspace, ana, org, role="Treasurer")
    assert found(workspace, "allotments") == [ana.pk]

    update_organisation(workspace, org, name="Greenfield Growers")

    assert found(workspace, "greenfield") == [ana.pk]
    assert found(workspace, "allotments") == []


def test_it_updates_an_organisation_partially(workspace):
    org = create_organisation(workspace, name="Riverside Allotments", kind="partner")

    update_organisation(workspace, org, notes="New site in May.")

    org.refresh_from_db()
    assert (org.name, org.kind, org.notes) == ("Riverside Allotments", "partner",
                                               "New site in May.")


def test_it_deletes_an_organisation_and_its_affiliations(workspace, ana):
    org = create_organisation(workspace, name="Riverside Allotments")
    add_affiliation(workspace, ana, org)

    delete_organisation(workspace, org)

    assert Affiliation.objects.count() == 0
    assert found(workspace, "riverside") == []
    assert found(workspace, "ana") == [ana.pk]


def test_it_finds_organisations_and_affiliations_only_in_their_workspace(
        workspace, other_workspace, ana, make_person):
    bobs_org = create_organisation(other_workspace, name="Bob's club")
    bobs_aff = add_affiliation(other_workspace, make_person("Dee Lee", ws=other_workspace),
                               bobs_org)

    with pytest.raises(NotFound):
        access_organisation(workspace, bobs_org.pk)
    with pytest.raises(NotFound):
        access_affiliation(workspace, bobs_aff.pk)
    assert access_organisation(other_workspace, bobs_org.pk) == bobs_org


# -- affiliations ---------------------------------------------------------------

def test_it_records_a_role_over_time(workspace, ana):
    org = create_organisation(workspace, name="Riverside Allotments")

    affiliation = add_affiliation(workspace, ana, org, role="Treasurer", represents=True,
                                  start_on="2024-01-01")

    affiliation.refresh_from_db()
    assert (affiliation.role, affiliation.represents) == ("Treasurer", True)
    assert affiliation.start_on == date(2024, 1, 1)
    assert affiliation.is_current
    assert found(workspace, "treasurer") == [ana.pk]


def test_it_refuses_an_end_date_before_the_start(workspace, ana):
    org = create_organisation(workspace, name="Riverside Allotments")

    with pytest.raises(Invalid) as caught:
        add_affiliation(workspace, ana, org, start_on="2024-06-01", end_on="2024-01-01")

    assert "end_on" in caught.value.errors
    assert Affiliation.objects.count() == 0


def test_it_refuses_to_move_an_end_date_before_a_stored_start(workspace, ana):
    org = create_organisation(workspace, name="Riverside Allotments")
    affiliation = add_affiliation(workspace, ana, org, start_on="2024-06-01")

    with pytest.raises(Invalid) as caught:
        update_affiliation(workspace, affiliation, end_on="2024-01-01")

    assert "end_on" in caught.value.errors
    assert Affiliation.objects.get().end_on is None


@pytest.mark.parametrize(("fields", "field"), [
    ({"role": "x" * 201}, "role"),
    ({"start_on": "spring"}, "start_on"),
    ({"end_on": "2024-02-30"}, "end_on"),
])
def test_it_refuses_a_bad_affiliation_naming_the_field(workspace, ana, fields, field):
    org = create_organisation(workspace, name="Riverside Allotments")

    with pytest.raises(Invalid) as caught:
        add_affiliation(workspace, ana, org, **fields)

    assert field in caught.value.errors
    assert Affiliation.objects.count() == 0


def test_it_refuses_an_affiliation_across_workspaces(workspace, other_workspace, ana,
                                                     make_person):
    bobs_org = create_organisation(other_workspace, name="Bob's club")
    alices_org = create_organisation(workspace, name="Riverside Allotments")
    dee = make_person("Dee Lee", ws=other_workspace)

    with pytest.raises(NotFound):
        add_affiliation(workspace, ana, bobs_org)
    with pytest.raises(NotFound):
        add_affiliation(workspace, dee, alices_org)

    assert Affiliation.objects.count() == 0


def test_it_ends_an_affiliation_today_by_default(workspace, ana):
    org = create_organisation(workspace, name="Riverside Allotments")
    affiliation = add_affiliation(workspace, ana, org, start_on="2024-01-01")

    with time_machine.travel(datetime(2026, 3, 10, 12, 0, tzinfo=UTC), tick=False):
        end_affiliation(workspace, affiliation)
        assert Affiliation.objects.get().end_on == date(2026, 3, 10)
        assert Affiliation.objects.get().is_current  # still there today
    with time_machine.travel(datetime(2026, 3, 11, 12, 0, tzinfo=UTC), tick=False):
        assert not Affiliation.objects.get().is_current


def test_it_reindexes_a_person_when_their_role_changes(workspace, ana):
    org = create_organisation(workspace, name="Riverside Allotments")
    affiliation = add_affiliation(workspace, ana, org, role="Treasurer")

    update_affiliation(workspace, affiliation, role="Chair")

    assert found(workspace, "chair") == [ana.pk]
    assert found(workspace, "treasurer") == []


def test_it_reindexes_a_person_when_an_affiliation_is_deleted(workspace, ana):
    org = create_organisation(workspace, name="Riverside Allotments")
    affiliation = add_affiliation(workspace, ana, org)

    delete_affiliation(workspace, affiliation)

    assert found(workspace, "riverside") == []
    assert Organisation.objects.get() == org
