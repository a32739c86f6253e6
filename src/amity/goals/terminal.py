"""Goals and focus for the terminal: the JSON shapes and Rich tables of ``amity goal``
and ``amity focus``. User data goes into Rich as ``Text`` (never markup)."""

from rich.table import Table

from amity.cli.base import text


def person_ref(person) -> dict:
    return {"id": person.pk, "display_name": person.display_name}


def goal_json(goal, aligned: list | None = None) -> dict:
    data = {"id": goal.pk, "title": goal.title, "description": goal.description,
            "status": goal.status, "due_on": goal.due_on}
    if aligned is not None:
        data["aligned"] = [{"person": person_ref(a.person), "reasons": a.reasons}
                           for a in aligned]
    return data


def goals_table(goals, aligned: dict | None = None) -> Table:
    """``aligned``: {goal id: [Aligned]} adds a column of people and reasons."""
    table = Table(show_edge=False)
    for column in ("ID", "Goal", "By", "Status") + (("Aligned",) if aligned else ()):
        table.add_column(column)
    for g in goals:
        row = [str(g.pk), text(g.title), str(g.due_on or ""), g.get_status_display()]
        if aligned:
            row.append(text("\n".join(f"#{a.person.pk} {a.person.display_name}: "
                                      f"{'; '.join(a.reasons)}" for a in aligned[g.pk])))
        table.add_row(*row)
    return table


def focus_json(item) -> dict:
    return {"person": person_ref(item.person),
            "goal": {"id": item.goal.pk, "title": item.goal.title} if item.goal else None,
            "stage": item.stage, "stage_label": item.stage_label,
            "next_action": item.next_action, "offer": item.offer,
            "offer_suggested": item.offer_suggested}


def offer_text(item):
    """What you can offer them; Amity's own idea is marked and dimmed."""
    if item.offer_suggested:
        return text(f"Idea: {item.offer}", "dim")
    return text(item.offer)


def focus_table(items) -> Table:
    table = Table(title="Your focus", title_justify="left", show_edge=False)
    for column in ("ID", "Person", "Stage", "Goal", "Next", "You can offer"):
        table.add_column(column)
    for i in items:
        table.add_row(str(i.person.pk), text(i.person.display_name), i.stage_label,
                      text(i.goal.title if i.goal else ""), text(i.next_action), offer_text(i))
    return table
