"""JSON API for organisations and the affiliations that link people to them.

Each endpoint: guard (the API's auth) -> fetch (scoped with ``access_*``) ->
one action call -> respond; errors are mapped once, in ``amity.api``.
"""

from django.db.models import F
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from amity.organisations import actions
from amity.organisations.actions import access_affiliation, access_organisation
from amity.organisations.models import Affiliation, Organisation
from amity.organisations.schemas import (
    AffiliationIn,
    AffiliationOut,
    AffiliationPatch,
    OrganisationIn,
    OrganisationKindValue,
    OrganisationOut,
    OrganisationPatch,
)
from amity.people.actions import access_person
from amity.workspaces.api import PAGINATION_HELP, Pages, current_workspace
from amity.workspaces.schemas import ERRORS, ERRORS_404

router = Router(tags=["organisations"])
affiliations_router = Router(tags=["affiliations"])


# -- organisations ----------------------------------------------------------

class OrganisationsFilter(Schema):
    q: str | None = Field(None, max_length=200, pattern=r"^[^\x00]*$",
                          description="Only those whose name contains this (any case).")
    kind: OrganisationKindValue | None = None


@router.get("", response={200: list[OrganisationOut], **ERRORS}, summary="List organisations",
            description="Organisations by name. " + PAGINATION_HELP)
@paginate(Pages)
def list_organisations(request, filters: Query[OrganisationsFilter]):
    organisations = Organisation.objects.in_workspace(current_workspace(request))
    if filters.q:
        organisations = organisations.filter(name__icontains=filters.q.strip())
    if filters.kind:
        organisations = organisations.filter(kind=filters.kind)
    return organisations


@router.post("", response={201: OrganisationOut, **ERRORS}, summary="Add an organisation")
def create_organisation(request, payload: OrganisationIn):
    organisation = actions.create_organisation(current_workspace(request), **payload.dict())
    return Status(201, organisation)


@router.get("/{id}", response={200: OrganisationOut, **ERRORS_404}, summary="Get an organisation")
def get_organisation(request, id: int):
    return access_organisation(current_workspace(request), id)


@router.patch("/{id}", response={200: OrganisationOut, **ERRORS_404},
              summary="Change an organisation")
def update_organisation(request, id: int, payload: OrganisationPatch):
    workspace = current_workspace(request)
    organisation = access_organisation(workspace, id)
    return actions.update_organisation(workspace, organisation,
                                       **payload.dict(exclude_unset=True))


@router.delete("/{id}", response={204: None, **ERRORS_404}, summary="Delete an organisation",
               description="Deletes it with its affiliations; the people stay.")
def delete_organisation(request, id: int):
    workspace = current_workspace(request)
    actions.delete_organisation(workspace, access_organisation(workspace, id))
    return Status(204, None)


# -- affiliations -----------------------------------------------------------

class AffiliationsFilter(Schema):
    person: int | None = Field(None, description="Only this person's affiliations.")
    organisation: int | None = Field(None, description="Only this organisation's.")


@affiliations_router.get("", response={200: list[AffiliationOut], **ERRORS_404},
                         summary="List affiliations",
                         description="Current ones (no end date) first, then by end date and "
                                     "start date, newest first. " + PAGINATION_HELP)
@paginate(Pages)
def list_affiliations(request, filters: Query[AffiliationsFilter]):
    workspace = current_workspace(request)
    affiliations = Affiliation.objects.in_workspace(workspace)
    if filters.person is not None:
        affiliations = affiliations.filter(person=access_person(workspace, filters.person))
    if filters.organisation is not None:
        affiliations = affiliations.filter(
            organisation=access_organisation(workspace, filters.organisation))
    return (affiliations.select_related("person", "organisation")
            .order_by(F("end_on").desc(nulls_first=True), F("start_on").desc(nulls_last=True),
                      "id"))


@affiliations_router.post("", response={201: AffiliationOut, **ERRORS_404},
                          summary="Affiliate a person with an organisation",
                          description="`person` and `organisation` are ids in your workspace.")
def create_affiliation(request, payload: AffiliationIn):
    workspace = current_workspace(request)
    person = access_person(workspace, payload.person)
    organisation = access_organisation(workspace, payload.organisation)
    data = payload.dict(exclude={"person", "organisation"})
    return Status(201, actions.add_affiliation(workspace, person, organisation, **data))


@affiliations_router.get("/{id}", response={200: AffiliationOut, **ERRORS_404},
                         summary="Get an affiliation")
def get_affiliation(request, id: int):
    return access_affiliation(current_workspace(request), id)


@affiliations_router.patch("/{id}", response={200: AffiliationOut, **ERRORS_404},
                           summary="Change an affiliation",
                           description="Set `end_on` to record that they moved on; the history "
                                       "stays.")
def update_affiliation(request, id: int, payload: AffiliationPatch):
    workspace = current_workspace(request)
    affiliation = access_affiliation(workspace, id)
    data = payload.dict(exclude_unset=True)
    if data.get("represents", False) is None:
        del data["represents"]  # null is not a yes or a no: leave it as it is
    return actions.update_affiliation(workspace, affiliation, **data)


@affiliations_router.delete("/{id}", response={204: None, **ERRORS_404},
                            summary="Delete an affiliation",
                            description="Removes the link as if it never was; to keep the "
                                        "history, set `end_on` instead.")
def delete_affiliation(request, id: int):
    workspace = current_workspace(request)
    actions.delete_affiliation(workspace, access_affiliation(workspace, id))
    return Status(204, None)
