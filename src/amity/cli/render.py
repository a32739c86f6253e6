"""Turning people, conversations and follow-ups into JSON and Rich renderables.

Every JSON shape lives here so `show`, `find`, `add` and the rest agree.
Every string that came from a user goes into Rich as ``Text`` (see
``base.text``), never as markup.
"""

from datetime import date

from rich.console import Group
from rich.table import Table
from rich.text import Text

from amity.cli.base import text

IMPORTANCE_SLUGS = {3: "inner", 2: "regular", 1: "occasional"}


# -- querysets -------------------------------------------------------------------

def people_queryset(ws):
    """People with what a list row or a JSON record needs, in a fixed number of queries."""
    from django.db.models import Prefetch

    from amity.organisations.models import Affiliation
    from amity.people.models import Person

    return Person.objects.in_workspace(ws).prefetch_related(
        "emails", "phones", "tags",
        Prefetch("affiliations", queryset=Affiliation.objects.select_related("organisation")))


def load_person(ws, pk):
    return people_queryset(ws).get(pk=pk)


def load_people_in_order(ws, ids: list[int]) -> list:
    found = people_queryset(ws).in_bulk(ids)
    return [found[i] for i in ids if i in found]


# -- plain values ----------------------------------------------------------------

def local_day(moment) -> date | None:
    from django.utils import timezone

    return timezone.localdate(moment) if moment else None


def day(d: date | None, today: date | None = None) -> str:
    """``Fri 8 May`` this year, ``8 May 2025`` otherwise: short enough for 80 columns."""
    if d is None:
        return ""
    if today is None:
        from django.utils import timezone

        today = timezone.localdate()
    return f"{d:%a} {d.day} {d:%b}" if d.year == today.year else f"{d.day} {d:%b %Y}"


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def current_affiliations(person) -> list:
    return [a for a in person.affiliations.all() if a.is_current]


def org_line(person) -> str:
    """``Coordinator, Food Bank`` for the first current affiliation."""
    for a in current_affiliations(person):
        return f"{a.role}, {a.organisation.name}" if a.role else a.organisation.name
    return ""


def tag_line(person) -> str:
    return ", ".join(t.name for t in person.tags.all())


# -- JSON ------------------------------------------------------------------------

def person_brief(person) -> dict:
    return {"id": person.pk, "name": person.display_name}


def person_json(person) -> dict:
    return {
        "id": person.pk,
        "name": person.display_name,
        "given_name": person.given_name,
        "family_name": person.family_name,
        "pronouns": person.pronouns,
        "emails": [e.email for e in person.emails.all()],
        "phones": [p.number for p in person.phones.all()],
        "tags": [t.name for t in person.tags.all()],
        "organisations": [
            {"id": a.organisation_id, "name": a.organisation.name, "role": a.role,
             "represents": a.represents}
            for a in current_affiliations(person)],
        "importance": IMPORTANCE_SLUGS.get(person.importance, str(person.importance)),
        "cadence_days": person.cadence_days,
        "birthday": person.birthday or None,
        "met_at": person.met_where,
        "notes": person.notes,
        "last_contact_at": person.last_contact_at,
        "checkin_due_on": person.checkin_due_on,
        "archived_at": person.archived_at,
        "created_at": person.created_at,
    }


def fact_json(fact, stale_after_days: int | None = None) -> dict:
    data = {"id": fact.pk, "person_id": fact.person_id, "kind": fact.kind, "text": fact.text,
            "learned_on": fact.learned_on, "confirmed_on": fact.confirmed_on,
            "conversation_id": fact.conversation_id}
    if stale_after_days is not None:
        data["ask_again"] = fact.is_stale(stale_after_days)
    return data


def follow_up_json(follow_up, today: date | None = None) -> dict:
    data = {"id": follow_up.pk, "person": person_brief(follow_up.person),
            "action": follow_up.action, "due_on": follow_up.due_on,
            "done_at": follow_up.done_at, "conversation_id": follow_up.conversation_id}
    if today is not None:
        data["days_overdue"] = max(0, (today - follow_up.due_on).days)
    return data


def conversation_json(conversation, people: list) -> dict:
    return {"id": conversation.pk, "happened_at": conversation.happened_at,
            "channel": conversation.channel, "summary": conversation.summary,
            "notes": conversation.notes, "how_it_went": conversation.how_it_went,
            "people": [person_brief(p) for p in people]}


def agenda_json(agenda) -> dict:
    return {
        "today": agenda.today,
        "follow_ups": [follow_up_json(f, agenda.today) for f in agenda.follow_ups],
        "follow_ups_total": agenda.follow_ups_total,
        "upcoming": [follow_up_json(f, agenda.today) for f in agenda.upcoming],
        "check_ins": [
            {"person": person_brief(c.person), "days_since": c.days_since,
             "cadence_days": c.person.cadence_days, "days_late": c.days_late,
             "importance": IMPORTANCE_SLUGS.get(c.person.importance), "score": round(c.score, 3)}
            for c in agenda.check_ins],
        "check_ins_total": agenda.check_ins_total,
        "birthdays": [{"person": person_brief(b.person), "on": b.on, "turns": b.turns}
                      for b in agenda.birthdays],
    }


# -- Rich ------------------------------------------------------------------------

def people_table(people: list, title: str = "") -> Table:
    table = Table(title=title or None, title_justify="left", expand=False, show_edge=False)
    table.add_column("ID", justify="right", style="dim", no_wrap=True)
    table.add_column("Name", ratio=3)
    table.add_column("Organisation", ratio=3)
    table.add_column("Tags", ratio=2)
    for p in people:
        name = text(p.display_name, "dim" if p.is_archived else "")
        if p.is_archived:
            name.append(" (archived)", style="dim italic")
        table.add_row(str(p.pk), name, text(org_line(p)), text(tag_line(p), "cyan"))
    return table


def follow_up_rows(table: Table, follow_ups: list, today: date, *, with_person: bool = True):
    for f in follow_ups:
        late = (today - f.due_on).days
        if late > 0:
            when = Text(f"{plural(late, 'day')} late", style="bold red")
        elif late == 0:
            when = Text("today", style="bold")
        else:
            when = Text(day(f.due_on, today))
        cells = [str(f.pk), when]
        if with_person:
            cells.append(text(f.person.display_name))
        cells.append(text(f.action, "red" if late > 0 else ""))
        table.add_row(*cells)


def follow_up_table(title: str, follow_ups: list, today: date, *, with_person=True) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", show_edge=False)
    table.add_column("ID", justify="right", no_wrap=True)
    table.add_column("Due", no_wrap=True)
    if with_person:
        table.add_column("Person", ratio=2)
    table.add_column("Next step", ratio=3)
    follow_up_rows(table, follow_ups, today, with_person=with_person)
    return table


def check_in_table(check_ins: list) -> Table:
    table = Table(title="Due a check-in", title_justify="left", title_style="bold",
                  show_edge=False)
    table.add_column("ID", justify="right", no_wrap=True)
    table.add_column("Person", ratio=2)
    table.add_column("Last contact", ratio=2)
    table.add_column("Importance", no_wrap=True)
    for c in check_ins:
        every = f"every {c.person.cadence_days}"
        since = (f"{plural(c.days_since, 'day')} since, {every}" if c.days_since is not None
                 else f"no contact yet, {every}")
        table.add_row(str(c.person.pk), text(c.person.display_name),
                      Text(since, style="red" if c.days_late > c.person.cadence_days else ""),
                      c.person.get_importance_display().lower())
    return table


def birthday_table(birthdays: list, today: date) -> Table:
    table = Table(title="Birthdays this week", title_justify="left", title_style="bold",
                  show_edge=False)
    table.add_column("ID", justify="right", no_wrap=True)
    table.add_column("Person", ratio=2)
    table.add_column("On", no_wrap=True)
    table.add_column("Turns", justify="right", no_wrap=True)
    for b in birthdays:
        on = "today" if b.on == today else day(b.on, today)
        table.add_row(str(b.person.pk), text(b.person.display_name), on,
                      str(b.turns) if b.turns else "")
    return table


def details_grid(person, today: date) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    rows = [
        ("Pronouns", person.pronouns),
        ("Organisation", "; ".join(
            f"{a.role}, {a.organisation.name}" if a.role else a.organisation.name
            for a in current_affiliations(person))),
        ("Email", ", ".join(e.email for e in person.emails.all())),
        ("Phone", ", ".join(p.number for p in person.phones.all())),
        ("Tags", tag_line(person)),
        ("Importance", person.get_importance_display().lower()
         + (f", check in every {person.cadence_days} days" if person.cadence_days else "")),
        ("Last contact", _last_contact(person, today)),
        ("Birthday", person.birthday.lstrip("-")),
        ("Met at", person.met_where),
        ("Notes", person.notes),
    ]
    for label, value in rows:
        if value:
            grid.add_row(label, text(value))
    return grid


def _last_contact(person, today: date) -> str:
    if person.last_contact_at is None:
        last = "none yet"
    else:
        last_day = local_day(person.last_contact_at)
        last = f"{day(last_day, today)} ({plural((today - last_day).days, 'day')} ago)"
    if person.checkin_due_on:
        last += f"; next check-in {day(person.checkin_due_on, today)}"
    return last


def facts_grid(facts: list, stale_after_days: int, today: date) -> Group | None:
    from amity.people.models import FactKind

    if not facts:
        return None
    labels = dict(FactKind.choices)
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_column(no_wrap=True)
    order = {kind: i for i, kind in enumerate(FactKind.values)}
    for fact in sorted(facts, key=lambda f: (order.get(f.kind, 99), -f.checked_on.toordinal())):
        when = Text(day(fact.checked_on, today), style="dim")
        if fact.is_stale(stale_after_days, today):
            when = Text.assemble(when, Text(" ask again", style="bold yellow"))
        grid.add_row(labels.get(fact.kind, fact.kind), text(fact.text), when)
    return Group(Text("What matters to them", style="bold underline"), grid)


def conversations_grid(conversations: list, total: int, person, today: date) -> Group | None:
    if not conversations:
        return None
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style="dim")
    grid.add_column(ratio=1)
    for c in conversations:
        others = [p.display_name for p in c.participants.all() if p.pk != person.pk]
        line = text(c.summary)
        if others:
            line.append(f"  (with {', '.join(others)})", style="dim")
        grid.add_row(f"{day(local_day(c.happened_at), today)}  {c.get_channel_display().lower()}",
                     line)
    heading = f"Recent conversations ({total} in all)" if total > len(conversations) \
        else "Recent conversations"
    return Group(Text(heading, style="bold underline"), grid)
