"""JSON API for the pre-meeting brief."""

from ninja import Router

from amity.brief.queries import build_brief
from amity.brief.schemas import BriefOut, brief_data
from amity.people.actions import access_person
from amity.workspaces.api import current_workspace
from amity.workspaces.schemas import ERRORS_404

router = Router(tags=["brief"])


@router.get("/{person_id}", response={200: BriefOut, **ERRORS_404},
            summary="The pre-meeting brief for one person",
            description="Who they are, where you are on the journey and why, what matters to "
                        "them (stale facts flagged), the last conversations, open follow-ups and "
                        "asks both ways, the give-and-take balance, questions to ask next and "
                        "people they might want to meet.")
def get_brief(request, person_id: int):
    workspace = current_workspace(request)
    return brief_data(build_brief(workspace, access_person(workspace, person_id)))
