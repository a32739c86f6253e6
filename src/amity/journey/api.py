"""JSON API for the Relationship Journey: a person's stage, why, and what next;
pinning a stage by hand and clearing the pin."""

from ninja import Router

from amity.journey import actions
from amity.journey.assess import assess_one
from amity.journey.schemas import JourneyOut, PinIn
from amity.people.actions import access_person
from amity.workspaces.api import current_workspace
from amity.workspaces.schemas import ERRORS_404

router = Router(tags=["journey"])


def journey_of(workspace, person) -> dict:
    assessment = assess_one(workspace, person)
    return {"person": person, "stage": assessment.stage, "stage_label": assessment.label,
            "derived": assessment.derived, "pinned": assessment.pinned,
            "pinned_at": person.stage_pinned_at if assessment.pinned else None,
            "evidence": assessment.evidence, "next_action": assessment.next_action}


@router.get("/people/{person_id}", response={200: JourneyOut, **ERRORS_404},
            summary="A person's journey stage",
            description="The stage (pinned or derived from the evidence), the evidence in "
                        "plain words, and the next best action.")
def get_journey(request, person_id: int):
    workspace = current_workspace(request)
    return journey_of(workspace, access_person(workspace, person_id))


@router.put("/people/{person_id}/pin", response={200: JourneyOut, **ERRORS_404},
            summary="Pin a person's stage",
            description='Body: `{"stage": "connected"}`. The pin wins over the derived stage '
                        "until it is cleared.")
def pin_stage(request, person_id: int, payload: PinIn):
    workspace = current_workspace(request)
    person = actions.pin_stage(workspace, access_person(workspace, person_id), payload.stage)
    return journey_of(workspace, person)


@router.delete("/people/{person_id}/pin", response={200: JourneyOut, **ERRORS_404},
               summary="Clear a pinned stage",
               description="The stage follows the evidence again.")
def clear_pin(request, person_id: int):
    workspace = current_workspace(request)
    person = actions.clear_stage_pin(workspace, access_person(workspace, person_id))
    return journey_of(workspace, person)
