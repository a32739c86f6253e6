"""JSON API for initiatives: what they need, whom to invite, personal
invitations and who takes part.

Each endpoint: guard (the API's auth) -> fetch (scoped with ``access_*``) ->
one action call -> respond; errors are mapped once, in ``amity.api``.
"""

from typing import Literal

from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from amity.errors import NotFound
from amity.initiatives import actions
from amity.initiatives.actions import access_initiative, access_invitation, access_participant
from amity.initiatives.models import Initiative, InitiativeStatus
from amity.initiatives.ranking import rank
from amity.initiatives.schemas import (
    CandidateOut,
    InitiativeIn,
    InitiativeOut,
    InitiativePatch,
    InvitationIn,
    InvitationOut,
    InvitationPatch,
    InvitationStatusIn,
    InvitationSummaryOut,
    ParticipantIn,
    ParticipantOut,
)
from amity.people.actions import access_person
from amity.workspaces.api import PAGINATION_HELP, Pages, current_workspace
from amity.workspaces.schemas import ERRORS_404

router = Router(tags=["initiatives"])


class InitiativesFilter(Schema):
    status: Literal["open", "closed", "planning", "active"] | None = Field(
        None, description="open: planning or active. Default: all.")


@router.get("", response={200: list[InitiativeOut], **ERRORS_404}, summary="List initiatives",
            description="By name. " + PAGINATION_HELP)
@paginate(Pages)
def list_initiatives(request, filters: Query[InitiativesFilter]):
    initiatives = Initiative.objects.in_workspace(current_workspace(request))
    if filters.status == "open":
        initiatives = initiatives.exclude(status=InitiativeStatus.CLOSED)
    elif filters.status is not None:
        initiatives = initiatives.filter(status=filters.status)
    return initiatives.prefetch_related("needs").order_by("name", "id")


@router.post("", response={201: InitiativeOut, **ERRORS_404}, summary="Add an initiative")
def create_initiative(request, payload: InitiativeIn):
    workspace = current_workspace(request)
    return Status(201, actions.create_initiative(workspace, **payload.dict()))


@router.get("/{id}", response={200: InitiativeOut, **ERRORS_404}, summary="Get an initiative")
def get_initiative(request, id: int):
    return access_initiative(current_workspace(request), id)


@router.patch("/{id}", response={200: InitiativeOut, **ERRORS_404},
              summary="Change an initiative",
              description='Only the fields sent change. `{"status": "closed"}` closes it.')
def update_initiative(request, id: int, payload: InitiativePatch):
    workspace = current_workspace(request)
    initiative = access_initiative(workspace, id)
    return actions.update_initiative(workspace, initiative, **payload.dict(exclude_unset=True))


@router.delete("/{id}", response={204: None, **ERRORS_404}, summary="Delete an initiative",
               description="With its needs, invitations and participants; ledger entries stay.")
def delete_initiative(request, id: int):
    workspace = current_workspace(request)
    actions.delete_initiative(workspace, access_initiative(workspace, id))
    return Status(204, None)


class CandidatesQuery(Schema):
    limit: int = Field(20, ge=1, le=100, description="How many people, best first.")


@router.get("/{id}/candidates", response={200: list[CandidateOut], **ERRORS_404},
            summary="Whom to invite",
            description="Your people ranked by how well their interests, offers, goals and "
                        "values fit the initiative's needs, with the reason and their journey "
                        "stage. People already invited or taking part are left out.")
def candidates(request, id: int, query: Query[CandidatesQuery]):
    workspace = current_workspace(request)
    initiative = access_initiative(workspace, id)
    return [] if initiative.is_closed else rank(workspace, initiative, limit=query.limit)


@router.get("/{id}/invitations", response={200: list[InvitationSummaryOut], **ERRORS_404},
            summary="List an initiative's invitations",
            description="Newest first. " + PAGINATION_HELP)
@paginate(Pages)
def list_invitations(request, id: int):
    initiative = access_initiative(current_workspace(request), id)
    return (initiative.invitations.select_related("person", "initiative")
            .order_by("-created_at", "-id"))


@router.post("/{id}/invitations", response={201: InvitationOut, **ERRORS_404},
             summary="Draft a personal invitation",
             description="One person at a time: the answer holds a draft that refers to what "
                         "matters to them, and any warnings. Nothing is sent.")
def create_invitation(request, id: int, payload: InvitationIn):
    workspace = current_workspace(request)
    initiative = access_initiative(workspace, id)
    person = access_person(workspace, payload.person_id)
    return Status(201, actions.draft_invitation(workspace, initiative, person))


@router.get("/invitations/{id}", response={200: InvitationOut, **ERRORS_404},
            summary="Get an invitation")
def get_invitation(request, id: int):
    return access_invitation(current_workspace(request), id)


@router.patch("/invitations/{id}", response={200: InvitationOut, **ERRORS_404},
              summary="Edit an invitation's message",
              description="While it is drafted. The answer's `warnings` say what is still "
                          "generic about it.")
def update_invitation(request, id: int, payload: InvitationPatch):
    workspace = current_workspace(request)
    invitation = access_invitation(workspace, id)
    return actions.update_invitation(workspace, invitation, message=payload.message)


@router.post("/invitations/{id}/status", response={200: InvitationOut, **ERRORS_404},
             summary="Record that an invitation was sent or answered",
             description="sent sets a follow-up a week later and a ledger entry; accepted adds "
                         "them as a participant (with `role`).")
def set_invitation_status(request, id: int, payload: InvitationStatusIn):
    workspace = current_workspace(request)
    invitation = access_invitation(workspace, id)
    return actions.set_status(workspace, invitation, payload.status, role=payload.role)


@router.get("/{id}/participants", response={200: list[ParticipantOut], **ERRORS_404},
            summary="Who takes part", description=PAGINATION_HELP)
@paginate(Pages)
def list_participants(request, id: int):
    initiative = access_initiative(current_workspace(request), id)
    return initiative.participants.select_related("person").order_by("joined_on", "id")


@router.post("/{id}/participants", response={201: ParticipantOut, **ERRORS_404},
             summary="Add someone who takes part")
def add_participant(request, id: int, payload: ParticipantIn):
    workspace = current_workspace(request)
    initiative = access_initiative(workspace, id)
    person = access_person(workspace, payload.person_id)
    return Status(201, actions.add_participant(workspace, initiative, person, role=payload.role))


@router.delete("/{id}/participants/{participant_id}", response={204: None, **ERRORS_404},
               summary="Remove someone who takes part")
def remove_participant(request, id: int, participant_id: int):
    workspace = current_workspace(request)
    initiative = access_initiative(workspace, id)
    participant = access_participant(workspace, participant_id)
    if participant.initiative_id != initiative.pk:
        raise NotFound("participant", f"#{participant_id}")
    actions.remove_participant(workspace, participant)
    return Status(204, None)

