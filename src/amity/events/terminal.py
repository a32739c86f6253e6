"""Events for the terminal: the JSON shapes and Rich renderables of ``amity event`` and
``amity met``. User data goes into Rich as ``Text`` (never markup)."""

from rich.console import Group
from rich.table import Table
from rich.text import Text

from amity.cli.base import text
from amity.cli.render import day, fact_json, follow_up_json


def person_ref(person) -> dict:
    return {"id": person.pk, "display_name": person.display_name}


def event_json(event, extra: dict | None = None) -> dict:
    data = {"id": event.pk, "name": event.name, "kind": event.kind,
            "starts_on": event.starts_on, "ends_on": event.ends_on, "place": event.place,
            "url": event.url, "notes": event.notes}
    for key in ("expected_count", "met_count", "new_count"):
        if hasattr(event, key):  # annotated by events.queries.with_counts
            data[key.removesuffix("_count")] = getattr(event, key)
    return data | (extra or {})


def when(event) -> str:
    """ "Fri 13 Mar", or "Fri 13 Mar to Sat 14 Mar" for several days."""
    shown = day(event.starts_on)
    if event.ends_on and event.ends_on != event.starts_on:
        shown += f" to {day(event.ends_on)}"
    return shown


def events_table(title: str, events) -> Table:
    table = Table(title=title, title_justify="left", show_edge=False)
    for column in ("ID", "Event", "When", "Place", "Expected", "Met (new)"):
        table.add_column(column)
    for e in events:
        table.add_row(str(e.pk), text(e.name), when(e), text(e.place),
                      str(e.expected_count or ""),
                      f"{e.met_count} ({e.new_count})" if e.met_count else "")
    return table


def met_json(event, done) -> dict:
    return {"event": event_json(event), "people": [{
        "row": m.row, "person": person_ref(m.person), "created": m.created,
        "already_met": m.already_met,
        "organisation": m.organisation.name if m.organisation else None,
        "facts": [fact_json(f) for f in m.facts],
        "follow_up": follow_up_json(m.follow_up) if m.follow_up else None,
    } for m in done]}


def met_renderable(event, done) -> Group:
    """Who was added or found, what was noted, and the follow-ups created."""
    lines = [text(f"At {event.name} ({when(event)}):", "bold")]
    for m in done:
        status = "added" if m.created else ("already noted as met" if m.already_met else "found")
        line = text(f"  #{m.person.pk} {m.person.display_name}: {status}")
        if m.organisation:
            line.append_text(text(f", at {m.organisation.name}"))
        for fact in m.facts:
            line.append_text(text(f"; {fact.get_kind_display().lower()}: {fact.text}"))
        lines.append(line)
    follow_ups = [m.follow_up for m in done if m.follow_up]
    if follow_ups:
        lines.append(Text("Follow-ups:"))
        lines += [text(f"  #{f.pk} {f.action}, due {day(f.due_on)}") for f in follow_ups]
    return Group(*lines)
