"""JSON API for goals, the people aligned with them, and the focus list.

Each endpoint: guard (the API's auth) -> fetch (scoped with ``access_*``) ->
one action call -> respond; errors are mapped once, in ``amity.api``.
"""

from typing import Literal

from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from amity.goals import actions, queries
from amity.goals.actions import access_goal
from amity.goals.alignment import aligned_people
from amity.goals.models import Goal
from amity.goals.schemas import (
    AlignedOut,
    FocusIn,
    FocusOut,
    FocusPatch,
    GoalIn,
    GoalOut,
    GoalPatch,
)
from amity.people.actions import access_person
from amity.workspaces.api import PAGINATION_HELP, Pages, current_workspace
from amity.workspaces.schemas import ERRORS_404

router = Router(tags=["goals"])


# -- the focus list (before /{id}, which it would otherwise shadow) ----------------

def _focus_item(workspace, person_id: int):
    return next(i for i in queries.focus_list(workspace) if i.person.pk == person_id)


@router.get("/focus", response={200: list[FocusOut], **ERRORS_404}, summary="The focus list",
            description="At most three people, oldest first, each with their stage, the next "
                        "action and what you can offer them.")
def list_focus(request):
    return queries.focus_list(current_workspace(request))


@router.post("/focus", response={201: FocusOut, **ERRORS_404}, summary="Add to the focus list",
             description="422 when the list already holds three people, the person is "
                         "archived or already in it.")
def add_focus(request, payload: FocusIn):
    workspace = current_workspace(request)
    person = access_person(workspace, payload.person_id)
    goal = access_goal(workspace, payload.goal_id) if payload.goal_id is not None else None
    actions.add_focus(workspace, person, goal=goal, offer=payload.offer)
    return Status(201, _focus_item(workspace, person.pk))


@router.patch("/focus/{person_id}", response={200: FocusOut, **ERRORS_404},
              summary="Change what you can offer someone in focus, or their goal")
def update_focus(request, person_id: int, payload: FocusPatch):
    workspace = current_workspace(request)
    person = access_person(workspace, person_id)
    entry = actions.access_focus(workspace, person)
    data = payload.dict(exclude_unset=True)
    changes = {}
    if "offer" in data:
        changes["offer"] = data["offer"] or ""
    if "goal_id" in data:
        changes["goal"] = access_goal(workspace, data["goal_id"]) \
            if data["goal_id"] is not None else None
    actions.update_focus(workspace, entry, **changes)
    return _focus_item(workspace, person.pk)


@router.delete("/focus/{person_id}", response={204: None, **ERRORS_404},
               summary="Remove from the focus list")
def remove_focus(request, person_id: int):
    workspace = current_workspace(request)
    actions.remove_focus(workspace, access_person(workspace, person_id))
    return Status(204, None)


# -- goals ------------------------------------------------------------------------

class GoalsFilter(Schema):
    status: Literal["active", "achieved", "dropped", "closed"] | None = Field(
        None, description="closed: achieved or dropped. Default: all.")


@router.get("", response={200: list[GoalOut], **ERRORS_404}, summary="List goals",
            description="Active first, by due date. " + PAGINATION_HELP)
@paginate(Pages)
def list_goals(request, filters: Query[GoalsFilter]):
    goals = Goal.objects.in_workspace(current_workspace(request))
    if filters.status == "closed":
        goals = goals.exclude(status="active")
    elif filters.status:
        goals = goals.filter(status=filters.status)
    return goals.order_by("status", "due_on", "id")


@router.post("", response={201: GoalOut, **ERRORS_404}, summary="Add a goal")
def create_goal(request, payload: GoalIn):
    return Status(201, actions.create_goal(current_workspace(request), **payload.dict()))


@router.get("/{id}", response={200: GoalOut, **ERRORS_404}, summary="Get a goal")
def get_goal(request, id: int):
    return access_goal(current_workspace(request), id)


@router.patch("/{id}", response={200: GoalOut, **ERRORS_404}, summary="Change or close a goal")
def update_goal(request, id: int, payload: GoalPatch):
    workspace = current_workspace(request)
    goal = access_goal(workspace, id)
    return actions.update_goal(workspace, goal, **payload.dict(exclude_unset=True))


@router.delete("/{id}", response={204: None, **ERRORS_404}, summary="Delete a goal",
               description="People focused on for it stay in the focus list.")
def delete_goal(request, id: int):
    workspace = current_workspace(request)
    actions.delete_goal(workspace, access_goal(workspace, id))
    return Status(204, None)


class AlignedFilter(Schema):
    limit: int = Field(20, ge=1, le=100)


@router.get("/{id}/aligned", response={200: list[AlignedOut], **ERRORS_404},
            summary="People aligned with a goal",
            description="Best first, by what they offer, aim for and care about (their facts) "
                        "and the organisations they are part of now, with the reasons.")
def aligned(request, id: int, filters: Query[AlignedFilter]):
    workspace = current_workspace(request)
    return aligned_people(workspace, access_goal(workspace, id), limit=filters.limit)
