"""People and organisations: add, edit, show, find, list, facts, archive, delete."""

from typing import Annotated

import typer
from rich.console import Group
from rich.panel import Panel
from rich.text import Text

from amity.cli import render
from amity.cli.base import PEOPLE, JsonOpt, app, console, emit_json, resolve, text, workspace
from amity.errors import Invalid

PersonArg = Annotated[str, typer.Argument(
    metavar="PERSON", help="An id (12 or #12) or part of their name (accents optional).")]
OrgOpt = Annotated[str | None, typer.Option("--org", help="Organisation they work with.")]
RoleOpt = Annotated[str | None, typer.Option("--role", help="Their role there.")]
EmailOpt = Annotated[list[str] | None, typer.Option(
    "--email", metavar="EMAIL", help="Email address (repeat for several).")]
PhoneOpt = Annotated[list[str] | None, typer.Option(
    "--phone", metavar="PHONE", help="Phone number with country code (repeatable).")]
TagOpt = Annotated[list[str] | None, typer.Option(
    "--tag", metavar="TAG", help="A tag (repeatable).")]
CadenceOpt = Annotated[int | None, typer.Option(
    "--cadence", metavar="DAYS", help="Keep in touch every DAYS days (0: no reminders).")]
ImportanceOpt = Annotated[str | None, typer.Option(
    "--importance", metavar="LEVEL", help="inner, regular or occasional.")]
BirthdayOpt = Annotated[str | None, typer.Option(
    "--birthday", metavar="DATE", help="04-15, or 1990-04-15 with the year.")]
MetAtOpt = Annotated[str | None, typer.Option("--met-at", metavar="PLACE", help="Where you met.")]
PronounsOpt = Annotated[str | None, typer.Option("--pronouns", help="e.g. she/her.")]
NotesOpt = Annotated[str | None, typer.Option("--notes", help="Notes about them.")]


def _person_data(*, cadence, importance, birthday, met_at, pronouns, notes) -> dict:
    """Only the fields the user gave, so an edit leaves the others alone."""
    # --cadence 0 says "no reminders"; the action spells that as an empty cadence.
    given = {"cadence_days": "" if cadence == 0 else cadence, "importance": importance,
             "birthday": birthday,
             "met_where": met_at, "pronouns": pronouns, "notes": notes}
    return {field: value for field, value in given.items() if value is not None}


def _affiliate(ws, person, org: str | None, role: str | None) -> None:
    """Join the organisation (or change the role there) through the organisation actions."""
    from amity.organisations.actions import (
        add_affiliation,
        find_or_create_organisation,
        update_affiliation,
    )

    current = [a for a in person.affiliations.select_related("organisation") if a.is_current]
    if org:
        organisation = find_or_create_organisation(ws, org)
        existing = next((a for a in current if a.organisation_id == organisation.pk), None)
        if existing is None:
            add_affiliation(ws, person, organisation, role=role or "")
        elif role is not None:
            update_affiliation(ws, existing, role=role)
    elif role is not None:
        if len(current) != 1:
            raise Invalid(field="role", message="Say which organisation the role is at with --org.")
        update_affiliation(ws, current[0], role=role)


def _print_person_saved(ws, person, verb: str, json_out: bool) -> None:
    person = render.load_person(ws, person.pk)
    if json_out:
        emit_json(render.person_json(person))
        return
    line = Text(f"{verb} ")
    line.append_text(text(person.display_name, "bold"))
    line.append(f" (#{person.pk})")
    org = render.org_line(person)
    if org:
        line.append_text(text(f", {org}"))
    console().print(line)
    console().print(f"See them with: amity show {person.pk}", style="dim")


@app.command(rich_help_panel=PEOPLE)
def add(
    name: Annotated[str, typer.Argument(help="Their name, as you would say it.")],
    org: OrgOpt = None, role: RoleOpt = None, email: EmailOpt = None, phone: PhoneOpt = None,
    tag: TagOpt = None, cadence: CadenceOpt = None, importance: ImportanceOpt = None,
    birthday: BirthdayOpt = None, met_at: MetAtOpt = None, pronouns: PronounsOpt = None,
    notes: NotesOpt = None, json_out: JsonOpt = False,
):
    """Add a person: their name, and whatever you know already.

    Example: amity add "Ana Ruiz" --org "Food Bank" --role Coordinator
    --email ana@example.org --tag food --cadence 30
    """
    ws = workspace()
    from django.db import transaction

    from amity.people.actions import create_person

    data = _person_data(cadence=cadence, importance=importance, birthday=birthday, met_at=met_at,
                        pronouns=pronouns, notes=notes)
    # One transaction: a bad --org or --role leaves no half-made person behind.
    with transaction.atomic():
        person = create_person(ws, display_name=name, emails=email or [], phones=phone or [],
                               tags=tag or [], **data)
        if org or role is not None:
            _affiliate(ws, person, org, role)
    _print_person_saved(ws, person, "Added", json_out)


def _merged(current: list[str], added: list[str] | None, removed: list[str] | None,
            field: str, normalise=str.casefold) -> list[str] | None:
    """The new list for an edit: current + added - removed; None when unchanged."""
    if not added and not removed:
        return None
    gone = {normalise(r) for r in removed or []}
    missing = gone - {normalise(c) for c in current}
    if missing:
        raise Invalid(field=f"remove_{field}",
                      message=f"{', '.join(sorted(missing))} is not on their record.")
    return [c for c in current if normalise(c) not in gone] + list(added or [])


def _phone_key(value: str) -> str:
    from amity.parsing import clean_phone

    return clean_phone(value, "phones")


@app.command(rich_help_panel=PEOPLE)
def edit(
    person: PersonArg,
    name: Annotated[str | None, typer.Option("--name", help="A new name.")] = None,
    org: OrgOpt = None, role: RoleOpt = None, email: EmailOpt = None, phone: PhoneOpt = None,
    tag: TagOpt = None,
    remove_email: Annotated[list[str] | None, typer.Option(
        "--remove-email", metavar="EMAIL", help="Remove this email address.")] = None,
    remove_phone: Annotated[list[str] | None, typer.Option(
        "--remove-phone", metavar="PHONE", help="Remove this phone number.")] = None,
    remove_tag: Annotated[list[str] | None, typer.Option(
        "--remove-tag", metavar="TAG", help="Remove this tag.")] = None,
    cadence: CadenceOpt = None, importance: ImportanceOpt = None, birthday: BirthdayOpt = None,
    met_at: MetAtOpt = None, pronouns: PronounsOpt = None, notes: NotesOpt = None,
    json_out: JsonOpt = False,
):
    """Change what you know about a person.

    Only the options you give change.

    --email, --phone and --tag add to what is there; --remove-email, --remove-phone and
    --remove-tag take away. --org joins an organisation (or, with --role, changes the role
    there). --cadence 0 stops check-in reminders.

    Example: amity edit ana --cadence 14 --importance inner --tag funder --remove-tag food
    """
    ws = workspace()
    from django.db import transaction

    from amity.people.actions import update_person

    target = resolve(ws, person, include_archived=True)
    data = _person_data(cadence=cadence, importance=importance, birthday=birthday, met_at=met_at,
                        pronouns=pronouns, notes=notes)
    if name is not None:
        data["display_name"] = name
    lists = {
        "emails": _merged([e.email for e in target.emails.all()], email, remove_email, "emails"),
        "phones": _merged([p.number for p in target.phones.all()], phone, remove_phone, "phones",
                          normalise=_phone_key),
        "tags": _merged([t.name for t in target.tags.all()], tag, remove_tag, "tags"),
    }
    data.update({field: value for field, value in lists.items() if value is not None})
    if not data and org is None and role is None:
        raise Invalid(field="options", message="Nothing to change: give at least one option "
                                               "(see amity edit --help).")
    with transaction.atomic():
        target = update_person(ws, target, **data)
        if org or role is not None:
            _affiliate(ws, target, org, role)
    _print_person_saved(ws, target, "Updated", json_out)


@app.command(rich_help_panel=PEOPLE)
def show(person: PersonArg, json_out: JsonOpt = False):
    """Everything about one person.

    Details, what matters to them (old facts are flagged "ask again"), recent
    conversations and open follow-ups.

    Example: amity show ana
    """
    ws = workspace()
    from django.utils import timezone

    from amity.conversations.models import Conversation

    target = render.load_person(ws, resolve(ws, person, include_archived=True).pk)
    today = timezone.localdate()
    facts = list(target.facts.all())
    talks = (Conversation.objects.in_workspace(ws).filter(participations__person=target)
             .prefetch_related("participants"))
    recent, total = list(talks[:5]), talks.count()
    follow_ups = list(target.follow_ups.filter(done_at__isnull=True).select_related("person")
                      .order_by("due_on", "id"))
    stale = ws.stale_after_days
    if json_out:
        data = render.person_json(target)
        data["facts"] = [render.fact_json(f, stale) for f in facts]
        data["conversations"] = [render.conversation_json(c, list(c.participants.all()))
                                 for c in recent]
        data["conversations_total"] = total
        data["follow_ups"] = [render.follow_up_json(f, today) for f in follow_ups]
        emit_json(data)
        return
    parts = [render.details_grid(target, today),
             render.facts_grid(facts, stale, today),
             render.conversations_grid(recent, total, target, today)]
    if follow_ups:
        parts.append(render.follow_up_table("Open follow-ups", follow_ups, today,
                                            with_person=False))
    title = text(f"{target.display_name} (#{target.pk})", "bold")
    if target.is_archived:
        title.append(" archived", style="red")
    blocks = []
    for part in (p for p in parts if p is not None):
        blocks += [part, Text("")]
    console().print(Panel(Group(*blocks[:-1]), title=title, title_align="left"))


@app.command(rich_help_panel=PEOPLE)
def find(
    words: Annotated[list[str], typer.Argument(
        metavar="WORDS...", help="Words to look for: names, organisations, tags, facts, notes.")],
    limit: Annotated[int, typer.Option(min=1, max=500, help="Show at most this many.")] = 20,
    archived: Annotated[bool, typer.Option("--archived", help="Include archived people.")] = False,
    json_out: JsonOpt = False,
):
    """Search your people.

    Matches names, organisations, tags, what matters to them and anything said in
    a conversation; every word must match (as the start of a word). Accents are
    optional: jose finds José.

    Example: amity find grant writer
    """
    ws = workspace()
    from amity.search.index import search_ids

    query = " ".join(words)
    hits = search_ids(ws, query, limit=limit, include_archived=archived)
    people = render.load_people_in_order(ws, hits.ids)
    if json_out:
        emit_json({"query": query, "people": [render.person_json(p) for p in people],
                   "has_more": hits.has_more})
        return
    out = console()
    if not people:
        out.print(text(f"No one matches {query!r}."))
        return
    out.print(render.people_table(people))
    if hits.has_more:
        out.print(f"More match: add a word, or raise --limit (now {limit}).", style="dim")


@app.command("people", rich_help_panel=PEOPLE)
def list_people(
    tag: Annotated[str | None, typer.Option("--tag", help="Only people with this tag.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=1000, help="How many to show.")] = 50,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many (for the next page).")] = 0,
    archived: Annotated[bool, typer.Option("--archived", help="Include archived people.")] = False,
    json_out: JsonOpt = False,
):
    """List your people by name, a page at a time.

    Example: amity people --tag funder --limit 20
    """
    ws = workspace()
    people = render.people_queryset(ws)
    if not archived:
        people = people.filter(archived_at__isnull=True)
    if tag:
        people = people.filter(tags__name__iexact=tag.strip().lstrip("#"))
    total = people.count()
    page = list(people[offset:offset + limit])
    if json_out:
        emit_json({"total": total, "offset": offset, "limit": limit,
                   "people": [render.person_json(p) for p in page]})
        return
    out = console()
    if not page:
        out.print(text(f"No one tagged {tag!r}." if tag else "No people here yet: "
                       "amity add \"Their Name\", or amity demo to explore."))
        return
    out.print(render.people_table(page))
    _page_footer(out, offset, len(page), total)


def _page_footer(out, offset: int, shown: int, total: int) -> None:
    footer = f"{offset + 1}-{offset + shown} of {total}"
    if offset + shown < total:
        footer += f"; next page: --offset {offset + shown}"
    out.print(footer, style="dim")


@app.command(rich_help_panel=PEOPLE)
def orgs(
    limit: Annotated[int, typer.Option(min=1, max=1000, help="How many to show.")] = 50,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many (for the next page).")] = 0,
    json_out: JsonOpt = False,
):
    """List organisations and how many of your people are there.

    Example: amity orgs
    """
    ws = workspace()
    from django.db.models import Count, Q
    from django.utils import timezone

    from amity.organisations.models import Organisation

    current = (Q(affiliations__end_on__isnull=True)
               | Q(affiliations__end_on__gte=timezone.localdate()))
    organisations = Organisation.objects.in_workspace(ws).annotate(
        people=Count("affiliations__person", filter=current, distinct=True))
    total = organisations.count()
    page = list(organisations[offset:offset + limit])
    if json_out:
        emit_json({"total": total, "offset": offset, "limit": limit, "organisations": [
            {"id": o.pk, "name": o.name, "kind": o.kind, "people": o.people} for o in page]})
        return
    out = console()
    if not page:
        out.print("No organisations yet: amity add \"Name\" --org \"Organisation\".")
        return
    from rich.table import Table

    table = Table(show_edge=False)
    table.add_column("ID", justify="right", style="dim", no_wrap=True)
    table.add_column("Organisation", ratio=3)
    table.add_column("Kind", no_wrap=True)
    table.add_column("People", justify="right", no_wrap=True)
    for o in page:
        table.add_row(str(o.pk), text(o.name), o.get_kind_display().lower(), str(o.people))
    out.print(table)
    _page_footer(out, offset, len(page), total)


@app.command(rich_help_panel=PEOPLE)
def fact(
    person: PersonArg,
    kind: Annotated[str, typer.Argument(
        help="interest, value, goal, need, offer, challenge or avoid.")],
    fact_text: Annotated[str, typer.Argument(metavar="TEXT", help="What you learned.")],
    json_out: JsonOpt = False,
):
    """Remember one thing that matters to a person.

    Example: amity fact ana need "a grant writer for the winter appeal"
    """
    ws = workspace()
    from amity.people.actions import add_fact

    target = resolve(ws, person)
    saved = add_fact(ws, target, kind=kind, text=fact_text)
    if json_out:
        emit_json(render.fact_json(saved, ws.stale_after_days))
        return
    line = Text(f"Noted for {target.display_name} (#{target.pk}): ")
    line.append(saved.get_kind_display().lower(), style="bold")
    line.append_text(text(f" - {saved.text}"))
    console().print(line)


@app.command(rich_help_panel=PEOPLE)
def archive(
    person: PersonArg,
    undo: Annotated[bool, typer.Option("--undo", help="Bring them back from the archive.")] = False,
):
    """Archive a person: kept, but out of lists, search and the agenda.

    Example: amity archive "Old Colleague"
    """
    ws = workspace()
    from amity.people.actions import archive_person, unarchive_person

    target = resolve(ws, person, include_archived=True)
    if undo:
        unarchive_person(ws, target)
        console().print(text(f"{target.display_name} (#{target.pk}) is back from the archive."))
    else:
        archive_person(ws, target)
        console().print(text(f"Archived {target.display_name} (#{target.pk}). "
                             f"Undo with: amity archive {target.pk} --undo"))


@app.command(rich_help_panel=PEOPLE)
def delete(
    person: PersonArg,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
):
    """Delete a person for good.

    Their facts, follow-ups and the conversations only they were in go too.
    Asks first unless --yes.

    Example: amity delete 12 --yes
    """
    ws = workspace()
    from amity.people.actions import delete_person

    target = resolve(ws, person, include_archived=True)
    label = f"{target.display_name} (#{target.pk})"
    if not yes and not typer.confirm(f"Delete {label} and everything only about them?"):
        console().print("Nothing deleted.")
        raise typer.Exit(1)
    delete_person(ws, target)
    console().print(text(f"Deleted {label}."))
