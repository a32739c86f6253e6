"""CLI commands: see docs/cli-connector.md.

Be a connector: ``amity suggest intros`` (who should meet, and why),
``amity intro`` (start one; prints the draft), ``amity intros`` (the list),
``amity intro-step`` (move one on), ``amity know`` (who knows whom) and
``amity path`` (who can introduce me?).
"""

from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from amity.cli import render
from amity.cli.base import JsonOpt, app, console, emit_json, resolve, text, workspace
from amity.cli.craft import CRAFT, suggest_app
from amity.errors import Invalid, NotFound

PersonArg = Annotated[str, typer.Argument(
    metavar="PERSON", help="An id (12 or #12) or part of their name (accents optional).")]
IntroIdArg = Annotated[int, typer.Argument(
    metavar="ID", help="The introduction's id, as shown by amity intros.")]
NoteOpt = Annotated[str, typer.Option("--note", help="A short note for the record.")]
STEPS = ("asked-a, a-agreed, asked-b, b-agreed, introduced, declined, "
         "or an outcome: met, helped, nothing")

# Action field -> what the user typed, so an error names the argument or option.
FIELDS = {"person_a": "A", "person_b": "B", "other": "B", "step": "STEP", "note": "--note",
          "by": "--by", "outcome": "STEP", "reason": "--reason", "kind": "--kind",
          "strength": "--strength", "notes": "--notes"}


def _relabel(exc: Invalid) -> Invalid:
    return Invalid({FIELDS.get(k, k): v for k, v in exc.errors.items()})


def _person(ref) -> dict:
    return render.person_brief(ref)


def suggestion_json(s) -> dict:
    return {"person_a": _person(s.person_a), "person_b": _person(s.person_b),
            "score": s.score, "reason": s.reason}


def introduction_json(intro, steps=None) -> dict:
    data = {"id": intro.pk, "person_a": _person(intro.person_a),
            "person_b": _person(intro.person_b), "status": intro.status,
            "outcome": intro.outcome, "reason": intro.reason, "message": intro.message,
            "declined_by": intro.declined_by, "follow_up": intro.follow_up_id,
            "introduced_on": intro.introduced_on, "updated_at": intro.updated_at}
    if steps is not None:
        data["steps"] = [{"status": s.status, "note": s.note, "happened_at": s.happened_at}
                         for s in steps]
    return data


# -- amity suggest intros ------------------------------------------------------------

@suggest_app.command("intros")
def suggest_intros(
    limit: Annotated[int, typer.Option(min=1, max=500, help="At most this many, best first.")
                     ] = 20,
    for_: Annotated[str | None, typer.Option(
        "--for", metavar="PERSON", help="Only matches for this person.")] = None,
    json_out: JsonOpt = False,
):
    """Introductions worth making: pairs of your people who should meet, and why.

    A need one has that the other can meet comes first, then shared goals, interests
    and values; rare words count for more. People who already know each other, were
    already introduced or are at the same organisation now are left out, and so is
    any topic one of them wants to avoid.

    Example: amity suggest intros --limit 10
    """
    ws = workspace()
    from amity.connector.matching import suggest, suggest_for

    found = (suggest_for(ws, resolve(ws, for_), limit) if for_ is not None
             else suggest(ws, limit=limit))
    if json_out:
        emit_json([suggestion_json(s) for s in found])
        return
    out = console()
    if not found:
        out.print("No introductions to suggest yet: record what your people need, offer and "
                  "care about (amity log ... --fact need:\"...\").")
        return
    table = Table(show_edge=False, title="Who should meet")
    table.add_column("A", ratio=2)
    table.add_column("B", ratio=2)
    table.add_column("Why", ratio=5)
    for s in found:
        table.add_row(text(f"{s.person_a.display_name} #{s.person_a.pk}"),
                      text(f"{s.person_b.display_name} #{s.person_b.pk}"), text(s.reason))
    out.print(table)
    out.print("Start one with: amity intro A B", style="dim")


# -- amity intro ---------------------------------------------------------------------

@app.command(rich_help_panel=CRAFT)
def intro(
    a: Annotated[str, typer.Argument(metavar="A", help="Who to ask first: an id or a name.")],
    b: Annotated[str, typer.Argument(metavar="B", help="Whom to introduce them to.")],
    reason: Annotated[str, typer.Option(
        "--reason", help="Why they should meet (default: from what you know of them).")] = "",
    no_follow_up: Annotated[bool, typer.Option(
        "--no-follow-up", help="Do not add the follow-up to ask A.")] = False,
    json_out: JsonOpt = False,
):
    """Start an introduction (consent first: ask A, then B) and print the draft.

    Refused for a person with themselves, an archived person, or two people already
    introduced or with an introduction under way. Move it on with amity intro-step.

    Example: amity intro ana ben --reason "Ana needs a grant writer; Ben writes grants"
    """
    ws = workspace()
    from amity.connector.actions import start_introduction

    first, second = resolve(ws, a), resolve(ws, b)
    try:
        made = start_introduction(ws, first, second, reason=reason,
                                  create_follow_up=not no_follow_up)
    except Invalid as exc:
        raise _relabel(exc) from None
    if json_out:
        emit_json(introduction_json(made))
        return
    out = console()
    out.print(text(f"Introduction #{made.pk}: {first.display_name} and {second.display_name}",
                   "bold"))
    out.print(text(f"Why: {made.reason}"))
    if made.follow_up_id:
        out.print(text(f"Follow-up #{made.follow_up_id}: {made.follow_up.action}, due "
                       f"{render.day(made.follow_up.due_on)}."))
    out.print()
    out.print(Text("Draft introduction (send once both have said yes):", style="dim"))
    out.print(text(made.message))
    out.print()
    out.print(f"Next: amity intro-step {made.pk} asked-a", style="dim")


# -- amity intros ---------------------------------------------------------------------

@app.command(rich_help_panel=CRAFT)
def intros(
    status: Annotated[str, typer.Option(
        help="open (under way), introduced, declined, or all.")] = "open",
    limit: Annotated[int, typer.Option(min=1, max=500, help="At most this many.")] = 50,
    json_out: JsonOpt = False,
):
    """Your introductions, most recently moved first, with what each is waiting for.

    Example: amity intros --status all
    """
    ws = workspace()
    from amity.connector import workflow
    from amity.connector.models import Introduction
    from amity.connector.scoring import short_names

    choices = ("open", "introduced", "declined", "all")
    if status not in choices:
        raise Invalid(field="--status", message=f"{status!r} is not one of {', '.join(choices)}.")
    found = Introduction.objects.in_workspace(ws).select_related("person_a", "person_b")
    if status == "open":
        found = found.filter(status__in=workflow.OPEN)
    elif status != "all":
        found = found.filter(status=status)
    found = list(found.order_by("-updated_at", "-id")[:limit])
    if json_out:
        emit_json([introduction_json(i) for i in found])
        return
    out = console()
    if not found:
        out.print("No introductions here. See who should meet: amity suggest intros")
        return
    table = Table(show_edge=False)
    table.add_column("ID", justify="right", style="dim", no_wrap=True)
    table.add_column("Introduction", ratio=3)
    table.add_column("Status", no_wrap=True)
    table.add_column("Next", ratio=2)
    for i in found:
        names = short_names(i.person_a, i.person_b)
        table.add_row(str(i.pk), text(f"{i.person_a.display_name} and {i.person_b.display_name}"),
                      i.get_outcome_display() if i.outcome else i.get_status_display(),
                      text(workflow.waiting_on(i, *names)))
    out.print(table)


# -- amity intro-step -------------------------------------------------------------------

@app.command("intro-step", rich_help_panel=CRAFT)
def intro_step(
    id: IntroIdArg,
    step: Annotated[str, typer.Argument(metavar="STEP", help=f"One of: {STEPS}.")],
    note: NoteOpt = "",
    by: Annotated[str | None, typer.Option(
        "--by", help="With declined: who said no: a, b or me (default: whoever was asked).")
    ] = None,
    no_follow_up: Annotated[bool, typer.Option(
        "--no-follow-up", help="Do not add the follow-up for the next step.")] = False,
    json_out: JsonOpt = False,
):
    """Move an introduction on: each step in order, or declined, or an outcome.

    The steps, in order: asked-a (you asked A), a-agreed, asked-b, b-agreed, introduced.
    declined stops it at any step before that; met, helped or nothing records what came
    of it. Each step adds the follow-up that moves it on unless --no-follow-up. An
    introduction made becomes a relationship and a gift to both in the ledger.

    Example: amity intro-step 3 asked-a --note "texted her"
    """
    ws = workspace()
    from amity.connector import actions, workflow

    found = actions.access_introduction(ws, id)
    try:
        if by is not None and workflow.normalise_step(step) == "declined":
            moved = actions.decline(ws, found, by=by, note=note)
        else:
            moved = actions.advance(ws, found, step, note=note,
                                    create_follow_up=not no_follow_up)
    except Invalid as exc:
        raise _relabel(exc) from None
    if json_out:
        emit_json(introduction_json(moved, list(moved.steps.order_by("happened_at", "id"))))
        return
    out = console()
    state = moved.get_outcome_display() if moved.outcome else moved.get_status_display()
    out.print(text(f"Introduction #{moved.pk} of {moved.person_a.display_name} and "
                   f"{moved.person_b.display_name}: {state}."))
    if moved.follow_up_id and moved.follow_up.done_at is None:
        out.print(text(f"Follow-up #{moved.follow_up_id}: {moved.follow_up.action}, due "
                       f"{render.day(moved.follow_up.due_on)}."))
    if moved.status == "b_agreed":
        out.print()
        out.print(Text("Both said yes. The draft to send:", style="dim"))
        out.print(text(moved.message))


# -- amity know -------------------------------------------------------------------------

@app.command(rich_help_panel=CRAFT)
def know(
    a: Annotated[str, typer.Argument(metavar="A", help="An id or part of a name.")],
    b: Annotated[str, typer.Argument(metavar="B", help="Someone A knows.")],
    kind: Annotated[str, typer.Option(
        "--kind", help="knows, colleagues, friends, family, partners, mentor or introduced.")
    ] = "knows",
    strength: Annotated[str, typer.Option(
        "--strength", help="1 (acquaintances), 2 (know each other) or 3 (close).")] = "2",
    notes: Annotated[str, typer.Option("--notes", help="A short note.")] = "",
    forget: Annotated[bool, typer.Option(
        "--forget", help="Remove the relationship instead.")] = False,
    json_out: JsonOpt = False,
):
    """Record that two of your people know each other (used by suggestions and paths).

    Recording the same two again updates how they know each other.

    Example: amity know ana ben --kind colleagues --strength 3
    """
    ws = workspace()
    from amity.connector import actions
    from amity.connector.models import Relationship

    first, second = resolve(ws, a), resolve(ws, b)
    if forget:
        low, high = sorted((first.pk, second.pk))
        edge = Relationship.objects.in_workspace(ws).filter(person_id=low, other_id=high).first()
        if edge is None:
            raise NotFound("relationship", f"between {first.display_name} and "
                                           f"{second.display_name}")
        actions.remove_relationship(ws, edge)
        if json_out:
            emit_json({"removed": True, "person": _person(first), "other": _person(second)})
        else:
            console().print(text(f"Forgot that {first.display_name} and {second.display_name} "
                                 "know each other."))
        return
    try:
        edge = actions.add_relationship(ws, first, second, kind=kind, strength=strength,
                                        notes=notes)
    except Invalid as exc:
        raise _relabel(exc) from None
    if json_out:
        emit_json({"id": edge.pk, "person": _person(edge.person), "other": _person(edge.other),
                   "kind": edge.kind, "strength": edge.strength, "notes": edge.notes})
        return
    console().print(text(f"Noted: {first.display_name} and {second.display_name} "
                         f"({edge.get_kind_display().lower()}, strength {edge.strength})."))


# -- amity path -------------------------------------------------------------------------

def _target(ws, ref: str, org_only: bool):
    """A person (id or name), else an organisation by name."""
    from amity.organisations.models import Organisation

    if not org_only:
        try:
            return resolve(ws, ref)
        except NotFound:
            pass
    orgs = Organisation.objects.in_workspace(ws)
    ref = ref.strip()
    if org_only and ref.lstrip("#").isdigit():
        from amity.organisations.actions import access_organisation

        return access_organisation(ws, ref.lstrip("#"))
    exact = list(orgs.filter(name__iexact=ref)[:2])
    found = exact if len(exact) == 1 else list(orgs.filter(name__icontains=ref)[:11])
    if len(found) == 1:
        return found[0]
    if not found:
        raise NotFound("person or organisation", f"matching {ref!r}")
    names = ", ".join(f"{o.name} (#{o.pk})" for o in found[:10])
    raise Invalid(field="TARGET", message=f"{ref!r} matches several organisations: {names}. "
                                          "Use more of the name, or --org with the id.")


@app.command(rich_help_panel=CRAFT)
def path(
    target: Annotated[str, typer.Argument(
        metavar="TARGET", help="A person (id or name) or an organisation (name).")],
    org: Annotated[bool, typer.Option(
        "--org", help="TARGET is an organisation (a name or its id).")] = False,
    limit: Annotated[int, typer.Option(min=1, max=20, help="At most this many paths.")] = 5,
    json_out: JsonOpt = False,
):
    """Who can introduce me? Warm paths through your people to a person or organisation.

    Shortest first, then strongest, at most three links: you know A, A knows B, B knows
    the person. Links are relationships (amity know), shared organisations now, and who
    introduced you to whom; how well you know A comes from how recently you talked.

    Example: amity path "Riverside Food Bank" --limit 3
    """
    ws = workspace()
    from amity.connector.paths import warm_paths

    found = _target(ws, target, org)
    paths = warm_paths(ws, found, limit=limit)
    name = getattr(found, "display_name", None) or found.name
    if json_out:
        emit_json({"target": {"id": found.pk, "name": name,
                              "type": "person" if hasattr(found, "display_name")
                              else "organisation"},
                   "paths": [{"people": [_person(p) for p in w.people], "hops": w.hops,
                              "strength": w.strength, "label": w.label,
                              "explanation": w.explanation} for w in paths]})
        return
    out = console()
    if not paths:
        out.print(text(f"No warm path to {name} within three steps. Record who knows whom "
                       "with amity know."))
        return
    out.print(text(f"Warm paths to {name}", "bold"))
    for n, w in enumerate(paths, 1):
        chain = " → ".join(["you", *(p.display_name for p in w.people)])
        out.print(text(f"{n}. {chain}  ({w.label})"))
        out.print(text(f"   {w.explanation}", "dim"))
