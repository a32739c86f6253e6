"""Every day: the agenda, logging conversations, follow-ups."""

from typing import Annotated

import typer
from rich.text import Text

from amity.cli import render
from amity.cli.base import DAILY, JsonOpt, app, console, emit_json, resolve, text, workspace
from amity.errors import Invalid

SUMMARY_LIMIT = 300
DEFAULT_DUE = "+7d"
FollowUpIdArg = Annotated[list[str], typer.Argument(
    metavar="ID...", help="Follow-up ids, as shown by amity today.")]


@app.command(rich_help_panel=DAILY)
def today(
    limit: Annotated[int, typer.Option(min=1, max=500, help="At most this many per section.")] = 20,
    json_out: JsonOpt = False,
):
    """Your agenda for today: follow-ups due, check-ins, birthdays.

    Follow-ups due come first (overdue ones in red), then the people due a check-in,
    ranked by how late they are for their cadence and how important they are, then
    birthdays this week. Every row shows an id for amity done, snooze or log.

    Example: amity today --limit 10
    """
    ws = workspace()
    from amity.agenda.queries import build_agenda

    agenda = build_agenda(ws, limit=limit)
    if json_out:
        emit_json(render.agenda_json(agenda))
        return
    out = console()
    out.print(Text(f"Agenda for {agenda.today:%A} {agenda.today.day} {agenda.today:%B %Y}",
                   style="bold"))
    if agenda.is_empty and not agenda.upcoming:
        out.print("Nothing due today. A good day to reach out to someone new.")
        return
    if agenda.follow_ups:
        out.print()
        out.print(render.follow_up_table("Follow-ups due", agenda.follow_ups, agenda.today))
        _more(out, agenda.follow_ups_total, len(agenda.follow_ups), limit)
    if agenda.check_ins:
        out.print()
        out.print(render.check_in_table(agenda.check_ins))
        _more(out, agenda.check_ins_total, len(agenda.check_ins), limit)
    if agenda.birthdays:
        out.print()
        out.print(render.birthday_table(agenda.birthdays, agenda.today))
    if agenda.upcoming:
        out.print()
        out.print(render.follow_up_table("Coming up this week", agenda.upcoming, agenda.today))
    out.print()
    out.print("amity done/snooze take a follow-up ID; amity log/show take a person ID.",
              style="dim")


def _more(out, total: int, shown: int, limit: int) -> None:
    if total > shown:
        out.print(f"... and {total - shown} more (amity today --limit {max(total, limit)})",
                  style="dim")


def _split_text(said: str, notes: str | None) -> tuple[str, str]:
    """The first line (cut to fit) is the summary; longer text is kept whole in the notes."""
    said = said.strip()
    first = said.splitlines()[0].strip() if said else ""
    summary = first if len(first) <= SUMMARY_LIMIT else first[:SUMMARY_LIMIT - 1] + "…"
    extra = said if summary != said else ""
    return summary, "\n\n".join(part for part in (extra, (notes or "").strip()) if part)


def _parse_facts(facts: list[str]) -> list[dict]:
    parsed = []
    for i, raw in enumerate(facts):
        kind, sep, said = raw.partition(":")
        if not sep or not said.strip():
            raise Invalid(field=f"facts[{i}].text",
                          message=f"{raw!r}: write it as kind:text, e.g. need:\"a grant writer\".")
        parsed.append({"kind": kind.strip(), "text": said.strip()})
    return parsed


@app.command(rich_help_panel=DAILY)
def log(
    people: Annotated[str, typer.Argument(
        metavar="PEOPLE", help="Who you talked with: ids or names, separated by commas.")],
    said: Annotated[str, typer.Argument(
        metavar="TEXT", help="What it was about; the first line is the summary.")],
    with_: Annotated[list[str] | None, typer.Option(
        "--with", metavar="PERSON", help="Someone else who was there (repeatable).")] = None,
    channel: Annotated[str, typer.Option(
        help="in-person, call, video, email, message, event or other.")] = "in-person",
    when: Annotated[str | None, typer.Option(
        help="When: today (default), yesterday, 2026-05-01, or a date and time.")] = None,
    notes: Annotated[str | None, typer.Option(help="Longer notes.")] = None,
    how: Annotated[str | None, typer.Option(
        help="How it went: great, good, neutral or difficult.")] = None,
    follow_up: Annotated[str | None, typer.Option(
        "--follow-up", metavar="STEP", help="The next step you promised.")] = None,
    due: Annotated[str | None, typer.Option(
        metavar="DATE", help="When the next step is due: friday, +7d, 2026-06-01 (default +7d).")
    ] = None,
    fact: Annotated[list[str] | None, typer.Option(
        "--fact", metavar="KIND:TEXT",
        help="Something that matters to the first person, e.g. need:\"a grant writer\" "
             "(repeatable).")] = None,
    json_out: JsonOpt = False,
):
    """Log a conversation: who, what you heard, what comes next.

    Name several people with commas or --with. The first line of TEXT is the summary.
    --fact records what matters to the first person; --follow-up adds the next step
    (due in a week unless --due says otherwise). Their last contact moves forward, so
    their check-in clock restarts.

    Example: amity log "Ana Ruiz,Ben" "Coffee at the market; she needs a grant writer"
    --when yesterday --follow-up "introduce her to Ben" --due +7d --fact need:"a grant writer"
    """
    ws = workspace()
    from amity.conversations.actions import log_conversation

    refs = [r for r in people.split(",") if r.strip()] + list(with_ or [])
    participants = [resolve(ws, ref) for ref in refs]
    if not participants:
        raise Invalid(field="participants", message="Say who you talked with.")
    if due and not follow_up:
        raise Invalid(field="due_on", message="--due needs a next step: add --follow-up \"...\".")
    summary, all_notes = _split_text(said, notes)
    data = {"summary": summary, "notes": all_notes, "channel": channel, "happened_at": when}
    if how is not None:
        data["how_it_went"] = how
    step = {"action": follow_up, "due_on": due or DEFAULT_DUE} if follow_up else None
    conversation = log_conversation(ws, participants, facts=_parse_facts(fact or []),
                                    follow_up=step, **data)
    _print_logged(ws, conversation, json_out)


def _print_logged(ws, conversation, json_out: bool) -> None:
    from django.utils import timezone

    people = list(conversation.participants.order_by("display_name", "id"))
    facts = list(conversation.facts.all())
    follow_ups = list(conversation.follow_ups.select_related("person"))
    if json_out:
        data = render.conversation_json(conversation, people)
        data["facts"] = [render.fact_json(f) for f in facts]
        data["follow_ups"] = [render.follow_up_json(f) for f in follow_ups]
        emit_json(data)
        return
    today_ = timezone.localdate()
    out = console()
    line = Text(f"Logged conversation #{conversation.pk} with ")
    line.append_text(text(", ".join(p.display_name for p in people), "bold"))
    line.append(f", {render.day(render.local_day(conversation.happened_at), today_)} "
                f"({conversation.get_channel_display().lower()}).")
    out.print(line)
    for f in facts:
        out.print(text(f"  Noted: {f.get_kind_display().lower()} - {f.text}"))
    for f in follow_ups:
        out.print(text(f"  Follow-up #{f.pk}: {f.action}, due {render.day(f.due_on, today_)}"))


@app.command("follow-up", rich_help_panel=DAILY)
def follow_up(
    person: Annotated[str, typer.Argument(metavar="PERSON", help="An id or part of their name.")],
    step: Annotated[str, typer.Argument(help="The concrete next step.")],
    due: Annotated[str, typer.Option(
        metavar="DATE", help="When: today, tomorrow, friday, +7d, +2w, 2026-06-01.")] = DEFAULT_DUE,
    json_out: JsonOpt = False,
):
    """Add a follow-up: a concrete next step with a due date.

    Example: amity follow-up ana "send her the grant guide" --due friday
    """
    ws = workspace()
    from amity.followups.actions import create_follow_up

    saved = create_follow_up(ws, resolve(ws, person), action=step, due_on=due)
    if json_out:
        emit_json(render.follow_up_json(saved))
        return
    console().print(text(f"Follow-up #{saved.pk} for {saved.person.display_name}: {saved.action}, "
                         f"due {render.day(saved.due_on)}."))


@app.command(rich_help_panel=DAILY)
def done(ids: FollowUpIdArg):
    """Mark follow-ups done.

    Example: amity done 12
    """
    ws = workspace()
    from django.db import transaction

    from amity.followups.actions import access_follow_up, complete_follow_up

    # Look every id up first: a typo in the last one must not leave the first done.
    follow_ups = [access_follow_up(ws, ref.lstrip("#")) for ref in ids]
    out = console()
    with transaction.atomic():
        for f in follow_ups:
            was_done = f.is_done
            complete_follow_up(ws, f)
            status = "was already done" if was_done else "done"
            out.print(text(f"#{f.pk} {status}: {f.action} ({f.person.display_name})"))


@app.command(rich_help_panel=DAILY)
def snooze(
    ids: FollowUpIdArg,
    days: Annotated[int, typer.Option(help="Push back by this many days.")] = 1,
):
    """Push follow-ups back by some days.

    Counted from today, or from the due date if that is later.

    Example: amity snooze 12 --days 3
    """
    ws = workspace()
    from django.db import transaction

    from amity.followups.actions import access_follow_up, snooze_follow_up

    follow_ups = [access_follow_up(ws, ref.lstrip("#")) for ref in ids]
    out = console()
    with transaction.atomic():
        for f in follow_ups:
            snooze_follow_up(ws, f, days=days)
            out.print(text(f"#{f.pk} now due {render.day(f.due_on)}: {f.action} "
                           f"({f.person.display_name})"))
