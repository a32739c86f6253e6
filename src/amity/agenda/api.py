"""JSON API for today's agenda (the same ranking as the home page and ``amity today``)."""

from ninja import Field, Query, Router, Schema

from amity.agenda.queries import build_agenda
from amity.agenda.schemas import AgendaOut
from amity.workspaces.api import current_workspace
from amity.workspaces.schemas import ERRORS

router = Router(tags=["agenda"])


class AgendaParams(Schema):
    limit: int = Field(25, ge=1, le=100, description="At most this many of each list; the "
                                                      "totals count them all.")
    check_in_offset: int = Field(0, ge=0, le=1_000_000,
                                 description="Skip this many check-ins (to page through them).")


@router.get("", response={200: AgendaOut, **ERRORS}, summary="Today's agenda",
            description="Follow-ups overdue or due today; people due a check-in, ranked by how "
                        "late they are relative to their cadence and how important they are "
                        "(with `days_late` and `score`); birthdays and follow-ups in the coming "
                        "week.")
def get_agenda(request, params: Query[AgendaParams]):
    return build_agenda(current_workspace(request), limit=params.limit,
                        check_in_offset=params.check_in_offset)
