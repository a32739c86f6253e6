"""Reads for the goal pages, the panels, the API and the CLI: each bounded, a few queries."""

from dataclasses import dataclass

from amity.goals.alignment import suggest_offers
from amity.goals.models import FOCUS_LIMIT, FocusEntry, Goal, GoalStatus


@dataclass
class FocusItem:
    entry: FocusEntry
    person: object          # people.Person
    goal: Goal | None
    stage: str              # a journey Stage value
    stage_label: str
    next_action: str
    offer: str              # what you can offer them: stored, else a suggestion
    offer_suggested: bool   # True when ``offer`` is Amity's suggestion, not yours


def focus_list(workspace) -> list[FocusItem]:
    """The focus list, oldest first, with each person's stage, next action and what
    you can offer them (in a fixed number of queries: at most three people)."""
    from amity.journey.assess import assess

    entries = list(FocusEntry.objects.in_workspace(workspace)
                   .select_related("person", "goal").order_by("added_at", "id")[:FOCUS_LIMIT])
    if not entries:
        return []
    people = [e.person for e in entries]
    assessments = assess(workspace, people)
    missing = [e.person for e in entries if not e.offer]
    ideas = suggest_offers(workspace, missing) if missing else {}
    items = []
    for entry in entries:
        a = assessments.get(entry.person_id)
        idea = ideas.get(entry.person_id)
        items.append(FocusItem(
            entry=entry, person=entry.person, goal=entry.goal,
            stage=a.stage if a else "", stage_label=a.label if a else "",
            next_action=a.next_action if a else "",
            offer=entry.offer or (idea.text if idea else ""),
            offer_suggested=not entry.offer))
    return items


def active_goals(workspace):
    return Goal.objects.in_workspace(workspace).filter(status=GoalStatus.ACTIVE).order_by(
        "due_on", "id")


def focus_ids(workspace) -> set[int]:
    return set(FocusEntry.objects.in_workspace(workspace).values_list("person_id", flat=True))
