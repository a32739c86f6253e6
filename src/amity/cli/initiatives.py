"""Initiatives and personal invitations from the command line: see docs/cli-initiatives.md.

``amity initiative add|list|close``, ``amity suggest invites``, ``amity invite``
and ``amity invitation``. Each: guard -> fetch (local workspace) -> one action -> print.
"""

from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from amity.cli.base import JsonOpt, app, console, emit_json, resolve, text, workspace
from amity.cli.craft import CRAFT, suggest_app

initiative_app = typer.Typer(no_args_is_help=True, help=(
    "Initiatives: shared efforts people can be invited into, and what they need.\n\n"
    "Example: amity initiative add \"Seed library\" --needs \"grant writing, youth work\""))
app.add_typer(initiative_app, name="initiative", rich_help_panel=CRAFT)

InitiativeArg = Annotated[str, typer.Argument(
    metavar="INITIATIVE", help="An id or part of its name.")]


def _initiative(ws, ref: str):
    from amity.initiatives.actions import resolve_initiative

    return resolve_initiative(ws, ref)


def initiative_json(initiative) -> dict:
    return {"id": initiative.pk, "name": initiative.name, "kind": initiative.kind,
            "status": initiative.status, "description": initiative.description,
            "starts_on": initiative.starts_on, "ends_on": initiative.ends_on,
            "needs": [{"kind": n.kind, "text": n.text} for n in initiative.needs.all()]}


def invitation_json(invitation, warnings: list[str]) -> dict:
    return {"id": invitation.pk, "status": invitation.status,
            "initiative": {"id": invitation.initiative_id, "name": invitation.initiative.name},
            "person": {"id": invitation.person_id,
                       "display_name": invitation.person.display_name},
            "message": invitation.message, "reason": invitation.reason,
            "sent_on": invitation.sent_on, "answered_on": invitation.answered_on,
            "follow_up": invitation.follow_up_id, "warnings": warnings}


@initiative_app.command("add")
def initiative_add(
    name: Annotated[str, typer.Argument(help="What it is called.")],
    needs: Annotated[str | None, typer.Option(
        help='What it needs, comma-separated; "role: treasurer" or "interest: food" '
             "sets a need's kind (default: skill).")] = None,
    kind: Annotated[str, typer.Option(
        help="coalition, working_group, campaign, project or event.")] = "project",
    starts: Annotated[str | None, typer.Option(
        metavar="DATE", help="When it starts: 2026-06-01, +2w, friday.")] = None,
    ends: Annotated[str | None, typer.Option(metavar="DATE", help="When it ends.")] = None,
    description: Annotated[str | None, typer.Option(help="What it is for.")] = None,
    json_out: JsonOpt = False,
):
    """Add an initiative and what it needs.

    Then see whom to invite with amity suggest invites.

    Example: amity initiative add "Seed library" --needs "grant writing, youth work"
    --kind project --starts 2026-06-01 --description "A seed library for the allotments"
    """
    ws = workspace()
    from amity.initiatives.actions import create_initiative

    initiative = create_initiative(ws, name=name, needs=needs or "", kind=kind,
                                   starts_on=starts, ends_on=ends,
                                   description=description or "")
    if json_out:
        emit_json(initiative_json(initiative))
        return
    out = console()
    out.print(text(f"Added {initiative.name} (#{initiative.pk})."))
    for need in initiative.needs.all():
        out.print(text(f"  Needs ({need.get_kind_display().lower()}): {need.text}"))
    out.print(text(f"Whom to invite: amity suggest invites {initiative.pk}"), style="dim")


@initiative_app.command("list")
def initiative_list(
    all_: Annotated[bool, typer.Option("--all", help="Closed initiatives too.")] = False,
    json_out: JsonOpt = False,
):
    """List your initiatives (open ones unless --all).

    Example: amity initiative list --all
    """
    ws = workspace()
    from django.db.models import Count

    from amity.initiatives.models import Initiative, InitiativeStatus

    initiatives = (Initiative.objects.in_workspace(ws).prefetch_related("needs")
                   .annotate(taking_part=Count("participants", distinct=True),
                             invited=Count("invitations", distinct=True))
                   .order_by("name", "id"))
    if not all_:
        initiatives = initiatives.exclude(status=InitiativeStatus.CLOSED)
    initiatives = list(initiatives[:500])
    if json_out:
        emit_json([{**initiative_json(i), "participants": i.taking_part,
                    "invitations": i.invited} for i in initiatives])
        return
    if not initiatives:
        console().print("No initiatives yet. Add one: amity initiative add \"Name\" "
                        "--needs \"what it needs\"")
        return
    table = Table(show_edge=False)
    table.add_column("ID", justify="right", no_wrap=True)
    table.add_column("Initiative", ratio=2)
    table.add_column("Status", no_wrap=True)
    table.add_column("Needs", ratio=3)
    table.add_column("In / invited", justify="right", no_wrap=True)
    for i in initiatives:
        table.add_row(str(i.pk), text(i.name), i.get_status_display(),
                      text(", ".join(n.text for n in i.needs.all())),
                      f"{i.taking_part} / {i.invited}")
    console().print(table)


@initiative_app.command("close")
def initiative_close(initiative: InitiativeArg):
    """Close an initiative: nobody more can be invited to it.

    Example: amity initiative close "Seed library"
    """
    ws = workspace()
    from amity.initiatives.actions import close_initiative

    closed = close_initiative(ws, _initiative(ws, initiative))
    console().print(text(f"Closed {closed.name} (#{closed.pk})."))


@suggest_app.command("invites")
def suggest_invites(
    initiative: InitiativeArg,
    limit: Annotated[int, typer.Option(min=1, max=100, help="At most this many people.")] = 10,
    json_out: JsonOpt = False,
):
    """Whom to invite to an initiative, best fit first, with the reason and their stage.

    People already invited or taking part are left out. A flag marks people you
    have only just noticed or met: get to know them before inviting them.

    Example: amity suggest invites "Seed library" --limit 5
    """
    ws = workspace()
    from amity.initiatives.ranking import rank

    chosen = _initiative(ws, initiative)
    found = [] if chosen.is_closed else rank(ws, chosen, limit=limit)
    if json_out:
        emit_json([{"person": {"id": c.person.pk, "display_name": c.person.display_name},
                    "score": c.score, "reason": c.reason, "needs_met": c.needs_met,
                    "stage": c.stage, "stage_label": c.stage_label, "flag": c.flag or None}
                   for c in found])
        return
    out = console()
    if chosen.is_closed:
        out.print(text(f"{chosen.name} is closed: nobody more can be invited."))
        return
    if not found:
        out.print(text(f"Nobody fits {chosen.name} yet, by what you have recorded about your "
                       "people. Note what they offer and care about (amity fact)."))
        return
    table = Table(title=Text(f"Whom to invite to {chosen.name}"), title_justify="left",
                  title_style="bold", show_edge=False)
    table.add_column("ID", justify="right", no_wrap=True)
    table.add_column("Person", ratio=2)
    table.add_column("Stage", no_wrap=True)
    table.add_column("Why", ratio=4)
    for c in found:
        why = text(c.reason)
        if c.flag:
            why.append(f"\n! {c.flag}", style="yellow")
        table.add_row(str(c.person.pk), text(c.person.display_name), c.stage_label, why)
    out.print(table)
    out.print(text(f"Draft a personal invitation: amity invite {chosen.pk} <person>"),
              style="dim")


def _print_invitation(invitation, warnings: list[str]) -> None:
    out = console()
    out.print(text(f"Invitation #{invitation.pk}: {invitation.person.display_name} to "
                   f"{invitation.initiative.name} ({invitation.get_status_display().lower()})",
                   "bold"))
    if invitation.reason:
        out.print(text(f"Why them: {invitation.reason}"), style="dim")
    out.print()
    out.print(text(invitation.message))
    out.print()
    if warnings:
        out.print("Make it personal:", style="yellow bold")
        for warning in warnings:
            out.print(text(f"  ! {warning}", "yellow"))
    else:
        out.print("Personal: it names them, what matters to them, and what you share.",
                  style="green")


@app.command(rich_help_panel=CRAFT)
def invite(
    initiative: InitiativeArg,
    person: Annotated[str, typer.Argument(metavar="PERSON", help="An id or part of their name.")],
    json_out: JsonOpt = False,
):
    """Draft a personal invitation of one person to an initiative, and print it.

    Nothing is sent: copy it, make it yours, send it yourself, then record it
    with amity invitation ID sent. Warnings say what is still generic.

    Example: amity invite "Seed library" ana
    """
    ws = workspace()
    from amity.initiatives.actions import draft_invitation
    from amity.initiatives.messages import generic_warnings

    chosen = _initiative(ws, initiative)
    drafted = draft_invitation(ws, chosen, resolve(ws, person))
    warnings = generic_warnings(drafted.message, drafted.person)
    if json_out:
        emit_json(invitation_json(drafted, warnings))
        return
    _print_invitation(drafted, warnings)
    console().print(text(f"When you have sent it: amity invitation {drafted.pk} sent"),
                    style="dim")


@app.command(rich_help_panel=CRAFT)
def invitation(
    id: Annotated[str, typer.Argument(metavar="ID", help="The invitation's id.")],
    status: Annotated[str | None, typer.Argument(
        metavar="[STATUS]", help="sent, accepted, declined or no-answer.")] = None,
    message: Annotated[str | None, typer.Option(
        help="Replace the draft's message (before it is sent).")] = None,
    role: Annotated[str, typer.Option(help="With accepted: their role.")] = "",
    json_out: JsonOpt = False,
):
    """Show an invitation, edit its message, or record that it was sent or answered.

    sent sets a follow-up for a week later and notes the invitation in the
    give-first ledger; accepted adds them to the initiative (with --role).

    Example: amity invitation 12 accepted --role treasurer
    """
    ws = workspace()
    from django.db import transaction

    from amity.initiatives import actions
    from amity.initiatives.messages import generic_warnings

    found = actions.access_invitation(ws, id.lstrip("#"))
    with transaction.atomic():
        if message is not None:
            actions.update_invitation(ws, found, message=message)
        if status is not None:
            actions.set_status(ws, found, status, role=role)
    warnings = generic_warnings(found.message, found.person)
    if json_out:
        emit_json(invitation_json(found, warnings))
        return
    if status is not None:
        line = f"Invitation #{found.pk} of {found.person.display_name} to "
        line += f"{found.initiative.name}: {found.get_status_display().lower()}."
        if found.follow_up_id and status == "sent":
            line += f" Follow-up #{found.follow_up_id} in a week if no answer comes."
        console().print(text(line))
        if message is None:
            return
    _print_invitation(found, warnings)
