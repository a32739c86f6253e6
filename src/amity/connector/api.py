"""JSON API of the connector: introduction suggestions, introductions and
their steps, who knows whom, and warm paths.

Each endpoint: guard (the API's auth) -> fetch (scoped with ``access_*``) ->
one action call -> respond; errors are mapped once, in ``amity.api``.
"""

from typing import Literal

from django.db.models import Q
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from amity.connector import actions, workflow
from amity.connector.actions import access_introduction, access_relationship
from amity.connector.matching import suggest, suggest_for
from amity.connector.models import Introduction, Relationship
from amity.connector.paths import warm_paths
from amity.connector.schemas import (
    DeclineIn,
    IntroductionDetailOut,
    IntroductionIn,
    IntroductionOut,
    OutcomeIn,
    PathOut,
    RelationshipIn,
    RelationshipOut,
    StepIn,
    SuggestionOut,
)
from amity.errors import Invalid
from amity.organisations.actions import access_organisation
from amity.people.actions import access_person
from amity.workspaces.api import PAGINATION_HELP, Pages, current_workspace
from amity.workspaces.schemas import ERRORS_404

router = Router(tags=["connector"])


class SuggestionsFilter(Schema):
    limit: int = Field(20, ge=1, le=100, description="At most this many, best first.")
    person: int | None = Field(None, description="Only matches for this person.")


@router.get("/suggestions", response={200: list[SuggestionOut], **ERRORS_404},
            summary="Introductions worth making",
            description="Pairs of your people who should meet, best first, with the reason. "
                        "Limited (not paginated): the ranking is computed afresh each time.")
def list_suggestions(request, filters: Query[SuggestionsFilter]):
    workspace = current_workspace(request)
    if filters.person is not None:
        return suggest_for(workspace, access_person(workspace, filters.person), filters.limit)
    return suggest(workspace, limit=filters.limit)


class IntroductionsFilter(Schema):
    status: Literal["open", "suggested", "asked_a", "a_agreed", "asked_b", "b_agreed",
                    "introduced", "declined"] | None = Field(
        None, description="open: under way (not yet introduced or declined). Default: all.")
    person: int | None = Field(None, description="Only introductions of this person.")


@router.get("/introductions", response={200: list[IntroductionOut], **ERRORS_404},
            summary="List introductions",
            description="Most recently changed first. " + PAGINATION_HELP)
@paginate(Pages)
def list_introductions(request, filters: Query[IntroductionsFilter]):
    workspace = current_workspace(request)
    intros = Introduction.objects.in_workspace(workspace)
    if filters.status == "open":
        intros = intros.filter(status__in=workflow.OPEN)
    elif filters.status is not None:
        intros = intros.filter(status=filters.status)
    if filters.person is not None:
        person = access_person(workspace, filters.person)
        intros = intros.filter(Q(person_a=person) | Q(person_b=person))
    return intros.select_related("person_a", "person_b").order_by("-updated_at", "-id")


@router.post("/introductions", response={201: IntroductionDetailOut, **ERRORS_404},
             summary="Start an introduction",
             description="Consent first: the first person is asked first. Refused (422) for "
                         "a person with themselves, an archived person, or two people already "
                         "introduced or with an introduction under way.")
def start_introduction(request, payload: IntroductionIn):
    workspace = current_workspace(request)
    a = access_person(workspace, payload.person_a)
    b = access_person(workspace, payload.person_b)
    intro = actions.start_introduction(workspace, a, b, reason=payload.reason,
                                       message=payload.message,
                                       create_follow_up=payload.create_follow_up)
    return Status(201, intro)


@router.get("/introductions/{id}", response={200: IntroductionDetailOut, **ERRORS_404},
            summary="Get an introduction, with its steps")
def get_introduction(request, id: int):
    return access_introduction(current_workspace(request), id)


@router.post("/introductions/{id}/step", response={200: IntroductionDetailOut, **ERRORS_404},
             summary="Take the next step",
             description='Body: `{"step": "asked-a", "note": "..."}`. A step out of order '
                         "answers 422 naming the steps allowed now; nothing changes.")
def take_step(request, id: int, payload: StepIn):
    workspace = current_workspace(request)
    intro = access_introduction(workspace, id)
    return actions.advance(workspace, intro, payload.step, note=payload.note,
                           create_follow_up=payload.create_follow_up)


@router.post("/introductions/{id}/decline", response={200: IntroductionDetailOut, **ERRORS_404},
             summary="Mark an introduction declined",
             description='Body: `{"by": "a"}`: who said no (a, b, or me).')
def decline_introduction(request, id: int, payload: DeclineIn):
    workspace = current_workspace(request)
    intro = access_introduction(workspace, id)
    return actions.decline(workspace, intro, by=payload.by, note=payload.note)


@router.post("/introductions/{id}/outcome", response={200: IntroductionDetailOut, **ERRORS_404},
             summary="Record what came of an introduction",
             description='Body: `{"outcome": "met"}` (met, helped or nothing), once introduced.')
def record_outcome(request, id: int, payload: OutcomeIn):
    workspace = current_workspace(request)
    intro = access_introduction(workspace, id)
    return actions.record_outcome(workspace, intro, payload.outcome, note=payload.note)


class RelationshipsFilter(Schema):
    person: int | None = Field(None, description="Only this person's relationships.")


@router.get("/relationships", response={200: list[RelationshipOut], **ERRORS_404},
            summary="Who knows whom", description="Oldest first. " + PAGINATION_HELP)
@paginate(Pages)
def list_relationships(request, filters: Query[RelationshipsFilter]):
    workspace = current_workspace(request)
    edges = Relationship.objects.in_workspace(workspace)
    if filters.person is not None:
        person = access_person(workspace, filters.person)
        edges = edges.filter(Q(person=person) | Q(other=person))
    return edges.select_related("person", "other").order_by("id")


@router.post("/relationships", response={201: RelationshipOut, **ERRORS_404},
             summary="Record that two people know each other",
             description="Recording the same two people again updates the kind and strength.")
def add_relationship(request, payload: RelationshipIn):
    workspace = current_workspace(request)
    a = access_person(workspace, payload.person)
    b = access_person(workspace, payload.other)
    edge = actions.add_relationship(workspace, a, b, kind=payload.kind,
                                    strength=payload.strength, notes=payload.notes)
    return Status(201, edge)


@router.delete("/relationships/{id}", response={204: None, **ERRORS_404},
               summary="Forget a relationship")
def remove_relationship(request, id: int):
    workspace = current_workspace(request)
    actions.remove_relationship(workspace, access_relationship(workspace, id))
    return Status(204, None)


class PathsFilter(Schema):
    person_id: int | None = Field(None, description="The person you want to reach.")
    organisation_id: int | None = Field(None, description="Or the organisation: paths to "
                                                          "any of its current people.")
    limit: int = Field(5, ge=1, le=20)


@router.get("/paths", response={200: list[PathOut], **ERRORS_404},
            summary="Who can introduce me?",
            description="Warm paths to a person or an organisation through your people: "
                        "shortest first, then strongest, at most three links, one per first "
                        "contact. Give person_id or organisation_id.")
def list_paths(request, filters: Query[PathsFilter]):
    workspace = current_workspace(request)
    if (filters.person_id is None) == (filters.organisation_id is None):
        raise Invalid(field="person_id", message="Give either person_id or organisation_id.")
    target = (access_person(workspace, filters.person_id) if filters.person_id is not None
              else access_organisation(workspace, filters.organisation_id))
    return warm_paths(workspace, target, limit=filters.limit)
