"""CLI commands: see docs/cli-journey.md.

``amity stage`` (where a relationship stands, why, and what next) and the
give-first ledger: ``amity give``, ``amity received``, ``amity ask``.
"""

from typing import Annotated

import typer
from rich.text import Text

from amity.cli import render
from amity.cli.base import JsonOpt, app, console, emit_json, resolve, text, workspace
from amity.cli.craft import CRAFT, suggest_app  # noqa: F401
from amity.errors import Invalid

PersonArg = Annotated[str, typer.Argument(
    metavar="PERSON", help="An id (12 or #12) or part of their name (accents optional).")]
WhatArg = Annotated[str, typer.Argument(metavar="WHAT", help="What was given or asked.")]
OnOpt = Annotated[str | None, typer.Option(
    "--on", metavar="DATE", help="When it happened: today (default), yesterday, 2026-03-01.")]
KindOpt = Annotated[str, typer.Option(
    "--kind", metavar="KIND",
    help="information, help, support, appreciation, introduction or invitation.")]

# Action field -> what the user typed, so an error names the argument or option.
LEDGER_FIELDS = {"description": "WHAT", "occurred_on": "--on", "kind": "--kind",
                 "stage": "--pin"}


def _relabel(exc: Invalid) -> Invalid:
    return Invalid({LEDGER_FIELDS.get(k, k): v for k, v in exc.errors.items()})


# -- amity stage ----------------------------------------------------------------

@app.command(rich_help_panel=CRAFT)
def stage(
    person: PersonArg,
    pin: Annotated[str | None, typer.Option(
        "--pin", metavar="STAGE",
        help="Pin the stage by hand: noticed, first_contact, listening, connected, rapport, "
             "trusted or collaborating.")] = None,
    clear_pin: Annotated[bool, typer.Option(
        "--clear-pin", help="Clear a pinned stage: back to the evidence.")] = False,
    json_out: JsonOpt = False,
):
    """Where a relationship stands on the journey, why, and the next best action.

    The stage is derived from the evidence (what you know about them, who started
    your conversations, how regular the contact is, gifts and asks both ways, shared
    initiatives, introductions). --pin sets it by hand until --clear-pin.

    Example: amity stage ana --pin connected
    """
    ws = workspace()
    from amity.journey.actions import clear_stage_pin, pin_stage
    from amity.journey.assess import assess_one

    who = resolve(ws, person)
    if pin is not None and clear_pin:
        raise Invalid(field="--pin", message="Use --pin or --clear-pin, not both.")
    try:
        if pin is not None:
            pin_stage(ws, who, pin)
        elif clear_pin:
            clear_stage_pin(ws, who)
    except Invalid as exc:
        raise _relabel(exc) from None
    assessment = assess_one(ws, who)
    if json_out:
        emit_json({"person": render.person_brief(who), "stage": assessment.stage,
                   "stage_label": assessment.label, "derived": assessment.derived,
                   "pinned": assessment.pinned,
                   "pinned_at": who.stage_pinned_at if assessment.pinned else None,
                   "evidence": assessment.evidence, "next_action": assessment.next_action})
        return
    _print_stage(who, assessment)


def _print_stage(person, assessment) -> None:
    from amity.journey.stages import ORDER, Stage, rank

    out = console()
    line = text(person.display_name, "bold")
    line.append(f": {assessment.label}")
    if assessment.pinned:
        line.append(f" (pinned; the evidence says {Stage(assessment.derived).label.lower()})",
                    style="yellow")
    out.print(line)
    here = rank(assessment.stage)
    steps = Text()
    for i, value in enumerate(ORDER):
        mark = "●" if i < here else "◉" if i == here else "○"
        steps.append(f"{mark} {Stage(value).label}", style="bold" if i == here else
                     "" if i < here else "dim")
        if i < len(ORDER) - 1:
            steps.append("  ")
    out.print(steps)
    out.print()
    out.print("Why this stage:")
    for reason in assessment.evidence:
        out.print(text(f"  - {reason}"))
    out.print()
    out.print(text(f"Next: {assessment.next_action}", "bold"))


# -- the give-first ledger ------------------------------------------------------

def _record(person: str, what: str, *, entry_type: str, kind: str | None, on: str | None,
            json_out: bool = False):
    ws = workspace()
    from amity.exchange.actions import record_typed
    from amity.exchange.queries import balance_for, last_given_line

    who = resolve(ws, person)
    before = None
    if entry_type in ("ask", "their_ask"):
        # Give first: say when you last gave to them, before the ask is recorded.
        before = last_given_line(who, balance_for(ws, who))
        if not json_out:
            console().print(text(before, "bold"))
    try:
        entry = record_typed(ws, who, entry_type=entry_type, kind=kind, description=what,
                             occurred_on=on)
    except Invalid as exc:
        raise _relabel(exc) from None
    return ws, who, entry, before


def _entry_json(entry, balance) -> dict:
    return {"id": entry.pk, "person": render.person_brief(entry.person),
            "direction": entry.direction, "kind": entry.kind,
            "description": entry.description, "occurred_on": entry.occurred_on,
            "balance": {"given": balance.given, "received": balance.received,
                        "asks_made": balance.asks_made,
                        "asks_received": balance.asks_received}}


def _report(ws, who, entry, said: str, json_out: bool, before: str | None = None) -> None:
    from amity.exchange.queries import balance_for

    balance = balance_for(ws, who)
    if json_out:
        data = _entry_json(entry, balance)
        if before is not None:
            data["last_given_line"] = before
        emit_json(data)
        return
    out = console()
    out.print(text(f"{said} (#{entry.pk}, {entry.get_kind_display().lower()}, "
                   f"{render.day(entry.occurred_on)})."))
    out.print(text(f"With {who.display_name}: you gave {balance.given}, they gave "
                   f"{balance.received}; you asked {balance.asks_made}, they asked "
                   f"{balance.asks_received}."), style="dim")


@app.command(rich_help_panel=CRAFT)
def give(person: PersonArg, what: WhatArg, kind: KindOpt = "help", on: OnOpt = None,
         json_out: JsonOpt = False):
    """Log something you gave them: information, help, support, an introduction...

    Give first: the ledger keeps what went each way, and the journey counts it.

    Example: amity give ana "shared the funder list" --kind information
    """
    ws, who, entry, _ = _record(person, what, entry_type="give", kind=kind, on=on)
    _report(ws, who, entry, f"Noted: you gave {who.display_name} {entry.description}",
            json_out)


@app.command(rich_help_panel=CRAFT)
def received(person: PersonArg, what: WhatArg, kind: KindOpt = "help", on: OnOpt = None,
             json_out: JsonOpt = False):
    """Log something they gave you.

    Example: amity received ana "lent us the hall for the meeting"
    """
    ws, who, entry, _ = _record(person, what, entry_type="received", kind=kind, on=on)
    _report(ws, who, entry, f"Noted: {who.display_name} gave you {entry.description}",
            json_out)


@app.command(rich_help_panel=CRAFT)
def ask(
    person: PersonArg,
    what: WhatArg,
    from_them: Annotated[bool, typer.Option(
        "--from-them", help="They asked you (by default: you asked them).")] = False,
    on: OnOpt = None,
    json_out: JsonOpt = False,
):
    """Log an ask: first it says when you last gave to them.

    By default you asked them; --from-them records that they asked you.

    Example: amity ask ana "an introduction to the council's food officer"
    """
    entry_type = "their_ask" if from_them else "ask"
    ws, who, entry, before = _record(person, what, entry_type=entry_type, kind=None, on=on,
                                     json_out=json_out)
    said = (f"Noted {who.display_name}'s ask: {entry.description}" if from_them
            else f"Noted your ask of {who.display_name}: {entry.description}")
    _report(ws, who, entry, said, json_out, before)
