"""Every write to goals and the focus list: one transaction each; web, API and CLI call these."""

from django.db import transaction

from amity.errors import Invalid, NotFound
from amity.goals.models import FOCUS_LIMIT, FocusEntry, Goal, GoalStatus
from amity.parsing import MAX_NAME, MAX_TEXT, clean_text, fold, parse_date
from amity.workspaces.scoping import get_in_workspace, resolve_named

_IN_WORDS = {2: "two", 3: "three", 4: "four", 5: "five"}
FULL_MESSAGE = (f"Your focus list holds {_IN_WORDS.get(FOCUS_LIMIT, FOCUS_LIMIT)} people at most: "
                "remove one first.")


def access_goal(workspace, pk) -> Goal:
    return get_in_workspace(Goal.objects, workspace, pk, "goal")


def resolve_goal(workspace, ref: str) -> Goal:
    """A goal by id (``4`` or ``#4``) or by a fragment of its title; never a guess."""
    return resolve_named(Goal.objects, workspace, ref, what="goal", field="title",
                         order=("status", "id"),
                         prefer=lambda g: g.status == GoalStatus.ACTIVE)


# -- goals ----------------------------------------------------------------------

def _clean_goal(data: dict, *, creating: bool) -> dict:
    clean, errors = {}, {}
    if creating or "title" in data:
        try:
            clean["title"] = clean_text("title", data.get("title"), limit=MAX_NAME,
                                        required=True, label="the goal's title")
        except Invalid as exc:
            errors.update(exc.errors)
    if "description" in data:
        try:
            clean["description"] = clean_text("description", data["description"],
                                              limit=MAX_TEXT)
        except Invalid as exc:
            errors.update(exc.errors)
    if "due_on" in data:
        try:
            clean["due_on"] = parse_date(data["due_on"], "due_on")
        except Invalid as exc:
            errors.update(exc.errors)
    if "status" in data:
        status = fold(str(data["status"] or "")).strip()
        if status not in GoalStatus.values:
            errors["status"] = (f"{data['status']!r} is not a goal status (one of: "
                                f"{', '.join(GoalStatus.values)}).")
        clean["status"] = status
    if errors:
        raise Invalid(errors)
    return clean


@transaction.atomic
def create_goal(workspace, **data) -> Goal:
    return Goal.objects.create(workspace=workspace, **_clean_goal(data, creating=True))


@transaction.atomic
def update_goal(workspace, goal: Goal, **data) -> Goal:
    """Change the given fields; a status of achieved or dropped closes the goal."""
    for name, value in _clean_goal(data, creating=False).items():
        setattr(goal, name, value)
    goal.save()
    return goal


@transaction.atomic
def close_goal(workspace, goal: Goal, status: str = GoalStatus.ACHIEVED) -> Goal:
    if status not in (GoalStatus.ACHIEVED, GoalStatus.DROPPED):
        raise Invalid(field="status", message="Close a goal as achieved or dropped.")
    return update_goal(workspace, goal, status=status)


@transaction.atomic
def reopen_goal(workspace, goal: Goal) -> Goal:
    return update_goal(workspace, goal, status=GoalStatus.ACTIVE)


@transaction.atomic
def delete_goal(workspace, goal: Goal) -> None:
    """The goal goes; people focused on for it stay in the focus list."""
    goal.delete()


# -- the focus list ---------------------------------------------------------------

def _clean_offer(offer) -> str:
    return clean_text("offer", offer, limit=300, label="what you can offer them")


def _check_goal(workspace, goal) -> None:
    if goal is None:
        return
    if goal.workspace_id != workspace.pk:
        raise NotFound("goal", f"#{goal.pk}")
    if goal.status != GoalStatus.ACTIVE:
        raise Invalid(field="goal", message=f"The goal “{goal.title}” is "
                                            f"{goal.get_status_display().lower()}; choose an "
                                            "active goal (or none).")


def focus_entry(workspace, person) -> FocusEntry | None:
    return FocusEntry.objects.in_workspace(workspace).filter(person=person).first()


@transaction.atomic
def add_focus(workspace, person, goal: Goal | None = None, offer: str = "") -> FocusEntry:
    """Put someone on the focus list (three people at most, by design)."""
    from amity.workspaces.models import Workspace

    if person.workspace_id != workspace.pk:
        raise NotFound("person", f"#{person.pk}")
    _check_goal(workspace, goal)
    offer = _clean_offer(offer)
    if person.archived_at is not None:
        raise Invalid(field="person", message=f"{person.display_name} is archived: unarchive "
                                              "them before putting them in your focus list.")
    # One writer at a time per workspace, so two quick adds cannot make four.
    Workspace.objects.select_for_update().filter(pk=workspace.pk).first()
    entries = FocusEntry.objects.in_workspace(workspace)
    if entries.filter(person=person).exists():
        raise Invalid(field="person", message=f"{person.display_name} is already in your "
                                              "focus list.")
    if entries.count() >= FOCUS_LIMIT:
        raise Invalid(field="person", message=FULL_MESSAGE)
    return FocusEntry.objects.create(workspace=workspace, person=person, goal=goal, offer=offer)


@transaction.atomic
def update_focus(workspace, entry: FocusEntry, **data) -> FocusEntry:
    """Change what you can offer them (``offer``) or the goal they matter for (``goal``)."""
    if "offer" in data:
        entry.offer = _clean_offer(data["offer"])
    if "goal" in data:
        _check_goal(workspace, data["goal"])
        entry.goal = data["goal"]
    entry.save()
    return entry


def access_focus(workspace, person) -> FocusEntry:
    entry = focus_entry(workspace, person)
    if entry is None:
        raise NotFound("focus entry", f"for {person.display_name}")
    return entry


@transaction.atomic
def remove_focus(workspace, person) -> None:
    if person.workspace_id != workspace.pk:
        raise NotFound("person", f"#{person.pk}")
    access_focus(workspace, person).delete()
