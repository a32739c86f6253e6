"""Every write to organisations and affiliations."""

from django.db import transaction

from amity.errors import Invalid, NotFound
from amity.organisations.models import Affiliation, Organisation, OrganisationKind
from amity.parsing import MAX_NAME, MAX_TEXT, clean_text, clean_url, fold, parse_date
from amity.search import index
from amity.workspaces.scoping import get_in_workspace


def access_organisation(workspace, pk) -> Organisation:
    return get_in_workspace(Organisation.objects, workspace, pk, "organisation")


def access_affiliation(workspace, pk) -> Affiliation:
    return get_in_workspace(Affiliation.objects, workspace, pk, "affiliation")


def _clean_org(data: dict, *, creating: bool) -> dict:
    clean, errors = {}, {}
    if creating or "name" in data:
        try:
            clean["name"] = clean_text("name", data.get("name"), limit=MAX_NAME, required=True)
        except Invalid as exc:
            errors.update(exc.errors)
    if "kind" in data:
        kind = (data["kind"] or OrganisationKind.OTHER).strip().lower()
        if kind not in OrganisationKind.values:
            errors["kind"] = (f"{data['kind']!r} is not one of: "
                              f"{', '.join(OrganisationKind.values)}.")
        clean["kind"] = kind
    for field, fn in (("website", lambda v: clean_url("website", v)),
                      ("notes", lambda v: clean_text("notes", v, limit=MAX_TEXT))):
        if field in data:
            try:
                clean[field] = fn(data[field])
            except Invalid as exc:
                errors.update(exc.errors)
    if errors:
        raise Invalid(errors)
    return clean


@transaction.atomic
def create_organisation(workspace, **data) -> Organisation:
    return Organisation.objects.create(workspace=workspace, **_clean_org(data, creating=True))


def find_or_create_organisation(workspace, name: str) -> Organisation:
    name = clean_text("organisation", name, limit=MAX_NAME, required=True)
    folded = fold(name)
    for org in Organisation.objects.in_workspace(workspace).filter(name__iexact=name):
        return org
    # Accent- and case-blind: "equipe verte" is "Équipe Verte". Compared in Python
    # (a prefix filter in SQL misses when the first letters carry accents).
    orgs = Organisation.objects.in_workspace(workspace)
    for pk, other in orgs.values_list("pk", "name").iterator():
        if fold(other) == folded:
            return orgs.get(pk=pk)
    return Organisation.objects.create(workspace=workspace, name=name)


@transaction.atomic
def update_organisation(workspace, organisation: Organisation, **data) -> Organisation:
    clean = _clean_org(data, creating=False)
    renamed = "name" in clean and clean["name"] != organisation.name
    for field, value in clean.items():
        setattr(organisation, field, value)
    organisation.save()
    if renamed:
        index.reindex_people(workspace, list(
            organisation.affiliations.values_list("person_id", flat=True).distinct()))
    return organisation


@transaction.atomic
def delete_organisation(workspace, organisation: Organisation) -> None:
    people = list(organisation.affiliations.values_list("person_id", flat=True).distinct())
    organisation.delete()
    index.reindex_people(workspace, people)


def _clean_affiliation(data: dict) -> dict:
    clean, errors = {}, {}
    if "role" in data:
        try:
            clean["role"] = clean_text("role", data["role"], limit=MAX_NAME)
        except Invalid as exc:
            errors.update(exc.errors)
    if "represents" in data:
        clean["represents"] = bool(data["represents"])
    for field in ("start_on", "end_on"):
        if field in data:
            try:
                clean[field] = parse_date(data[field], field)
            except Invalid as exc:
                errors.update(exc.errors)
    if clean.get("start_on") and clean.get("end_on") and clean["end_on"] < clean["start_on"]:
        errors["end_on"] = "The end date is before the start date."
    if errors:
        raise Invalid(errors)
    return clean


@transaction.atomic
def add_affiliation(workspace, person, organisation, **data) -> Affiliation:
    for obj, what in ((person, "person"), (organisation, "organisation")):
        if obj.workspace_id != workspace.pk:
            raise NotFound(what, f"#{obj.pk}")
    affiliation = Affiliation.objects.create(workspace=workspace, person=person,
                                             organisation=organisation, **_clean_affiliation(data))
    index.reindex_people(workspace, [person.pk])
    return affiliation


@transaction.atomic
def update_affiliation(workspace, affiliation: Affiliation, **data) -> Affiliation:
    clean = _clean_affiliation(data)
    for field, value in clean.items():
        setattr(affiliation, field, value)
    if affiliation.start_on and affiliation.end_on and affiliation.end_on < affiliation.start_on:
        raise Invalid(field="end_on", message="The end date is before the start date.")
    affiliation.save()
    # The role is part of the person's search document ("orgs" section).
    index.reindex_people(workspace, [affiliation.person_id])
    return affiliation


@transaction.atomic
def end_affiliation(workspace, affiliation: Affiliation, on=None) -> Affiliation:
    return update_affiliation(workspace, affiliation, end_on=on or "today")


@transaction.atomic
def delete_affiliation(workspace, affiliation: Affiliation) -> None:
    person_id = affiliation.person_id
    affiliation.delete()
    index.reindex_people(workspace, [person_id])
