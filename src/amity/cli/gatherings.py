"""CLI commands: see docs/cli-gatherings.md.

Events (``amity event ...``, ``amity met``), goals (``amity goal ...``) and the
focus list (``amity focus ...``) first; the pre-meeting brief and the question
bank further down. The work is done in amity.events and amity.goals (their
``terminal`` modules shape the output).
"""

import re
from typing import Annotated

import typer

from amity.cli import base
from amity.cli.base import JsonOpt, app
from amity.cli.craft import CRAFT, suggest_app  # noqa: F401
from amity.errors import Invalid

# == Events, goals and the focus list =====================================================

# Action field -> what the user typed, so a refusal names the option.
_GATHERING_FIELDS = {"name": "NAME", "starts_on": "--on", "ends_on": "--until", "kind": "--kind",
                     "place": "--place", "url": "--url", "notes": "--notes", "title": "TITLE",
                     "due_on": "--due", "description": "--description", "offer": "--offer",
                     "goal": "--goal", "person": "PERSON", "event": "EVENT", "entries": "ENTRY"}
_ROW_FIELD = re.compile(r"^entries\[(\d+)\]\.(\w+)$")


def _gathering_words(exc: Invalid) -> Invalid:
    def label(field: str) -> str:
        row = _ROW_FIELD.match(field)
        if row:
            return f"ENTRY {int(row.group(1)) + 1} ({row.group(2).replace('_', ' ')})"
        return _GATHERING_FIELDS.get(field, field)

    return Invalid({label(k): v for k, v in exc.errors.items()})


# -- events -----------------------------------------------------------------------------

event_app = typer.Typer(no_args_is_help=True, help=(
    "Events you go to: meetups, conferences, online groups. Go where people are.\n\n"
    "Example: amity event add \"Food justice meetup\" --on friday --place \"Town hall\""))
app.add_typer(event_app, name="event", rich_help_panel=CRAFT)


@event_app.command("add")
def event_add(
    name: Annotated[str, typer.Argument(metavar="NAME", help="What the event is called.")],
    on: Annotated[str, typer.Option(
        "--on", metavar="DATE", help="When: 2026-06-12, friday, +2w, tomorrow.")],
    until: Annotated[str | None, typer.Option(
        "--until", metavar="DATE", help="The last day, for an event of several days.")] = None,
    place: Annotated[str, typer.Option(help="Where it is.")] = "",
    kind: Annotated[str, typer.Option(help="meetup, conference, online or other.")] = "meetup",
    url: Annotated[str, typer.Option(help="Its web page.")] = "",
    notes: Annotated[str, typer.Option(help="Anything to remember about it.")] = "",
    json_out: JsonOpt = False,
):
    """Add an event you are going to (or went to).

    Example: amity event add "Food justice meetup" --on friday --place "Town hall"
    """
    ws = base.workspace()
    from amity.events import terminal
    from amity.events.actions import create_event

    try:
        event = create_event(ws, name=name, starts_on=on, ends_on=until, place=place, kind=kind,
                             url=url, notes=notes)
    except Invalid as exc:
        raise _gathering_words(exc) from None
    if json_out:
        base.emit_json(terminal.event_json(event))
        return
    out = base.console()
    line = base.text(f"Added event #{event.pk}: {event.name}, {terminal.when(event)}")
    if event.place:
        line.append_text(base.text(f", {event.place}"))
    line.append(".")
    out.print(line)
    out.print(f'After it: amity met {event.pk} "Name, organisation, what matters"', style="dim")


@event_app.command("list")
def event_list(
    limit: Annotated[int, typer.Option(min=1, max=500, help="At most this many of each: "
                                                            "coming up, and past.")] = 10,
    json_out: JsonOpt = False,
):
    """Your events: those coming up (soonest first), then past ones (latest first).

    Example: amity event list --limit 5
    """
    ws = base.workspace()
    from django.utils import timezone

    from amity.events import queries, terminal

    today = timezone.localdate()
    soon = list(queries.with_counts(queries.upcoming(ws, today))[:limit])
    done = list(queries.with_counts(queries.past(ws, today))[:limit])
    if json_out:
        base.emit_json([terminal.event_json(e, {"when": "upcoming"}) for e in soon]
                       + [terminal.event_json(e, {"when": "past"}) for e in done])
        return
    out = base.console()
    if not soon and not done:
        out.print('No events yet. Add one: amity event add "Food justice meetup" --on friday')
        return
    for title, events in (("Coming up", soon), ("Past", done)):
        if events:
            out.print(terminal.events_table(title, events))


@event_app.command("expect")
def event_expect(
    event: Annotated[str, typer.Argument(
        metavar="EVENT", help="The event: its id or part of its name.")],
    people: Annotated[list[str], typer.Argument(
        metavar="PERSON...", help="Whom you expect there: an id or part of their name each.")],
    remove: Annotated[bool, typer.Option(
        "--remove", help="Take them off the list instead (not someone you met there).")] = False,
    json_out: JsonOpt = False,
):
    """Note whom you expect to see at an event, or take them off the list with --remove.

    Someone already met there stays met. Everyone named is found first, and all of
    them change or none: a name that is unknown or matches several people is named
    and nothing is saved.

    Example: amity event expect "food summit" ana "Ben Okafor"
    """
    ws = base.workspace()
    from django.db import transaction

    from amity.events import terminal
    from amity.events.actions import expect_person, resolve_event, unexpect_person

    try:
        the_event = resolve_event(ws, event)
        found = list({who.pk: who for who in (base.resolve(ws, p, include_archived=remove)
                                               for p in people)}.values())
        # One transaction over the per-person actions: a refusal half-way (someone
        # met there, or not on the list) leaves the list as it was.
        with transaction.atomic():
            if remove:
                for who in found:
                    unexpect_person(ws, the_event, who)
            else:
                done = [expect_person(ws, the_event, who) for who in found]
    except Invalid as exc:
        raise _gathering_words(exc) from None
    if json_out:
        rows = ([{"person": terminal.person_ref(who), "status": "removed"} for who in found]
                if remove else
                [{"person": terminal.person_ref(a.person), "status": a.status} for a in done])
        base.emit_json({"event": terminal.event_json(the_event), "people": rows})
        return
    out = base.console()
    if remove:
        for who in found:
            out.print(base.text(f"#{who.pk} {who.display_name} is no longer expected at "
                                f"{the_event.name}."))
        return
    for a in done:
        status = "already met there" if a.status == "met" else "expected"
        out.print(base.text(f"#{a.person.pk} {a.person.display_name}: {status} at "
                            f"{the_event.name} ({terminal.when(the_event)})."))


@app.command(rich_help_panel=CRAFT)
def met(
    event: Annotated[str, typer.Argument(
        metavar="EVENT", help="The event: its id or part of its name.")],
    entries: Annotated[list[str], typer.Argument(
        metavar="ENTRY...", help='One person each: "Name, organisation, what matters".')],
    json_out: JsonOpt = False,
):
    """Record the people you met at an event: quick capture, one quoted entry each.

    Each ENTRY is "Name, organisation, what matters" (organisation and what matters may
    be left out). Someone whose name matches exactly is found; anyone else is added as
    a new person met there, with a follow-up a few days after the event. Start what
    matters with needs:, offers: or goal: to say which (else it is an interest);
    separate several with ";". All entries or none: a bad one is named and nothing
    is saved.

    Example: amity met "food summit" "Ana Ruiz, Food Bank, needs: a grant writer"
    "Ben Okafor, , offers: grant writing"
    """
    ws = base.workspace()
    from amity.events import terminal
    from amity.events.actions import record_met, resolve_event

    try:
        the_event = resolve_event(ws, event)
        done = record_met(ws, the_event, entries)
    except Invalid as exc:
        raise _gathering_words(exc) from None
    if json_out:
        base.emit_json(terminal.met_json(the_event, done))
        return
    base.console().print(terminal.met_renderable(the_event, done))


# -- goals ------------------------------------------------------------------------------

goal_app = typer.Typer(no_args_is_help=True, help=(
    "Your goals, and the people aligned with each.\n\n"
    "Example: amity goal add \"Funding for the spring programme\" --due 2026-09-01"))
app.add_typer(goal_app, name="goal", rich_help_panel=CRAFT)


@goal_app.command("add")
def goal_add(
    title: Annotated[str, typer.Argument(metavar="TITLE", help="What you are working towards.")],
    due: Annotated[str | None, typer.Option(
        "--due", metavar="DATE", help="By when: 2026-09-01, +3m.")] = None,
    description: Annotated[str, typer.Option(
        help="More about it; its words also find the people aligned with it.")] = "",
    json_out: JsonOpt = False,
):
    """Add a goal; amity goal list --aligned 5 shows the people aligned with it.

    Example: amity goal add "Funding for the spring programme" --due 2026-09-01
    """
    ws = base.workspace()
    from amity.goals import terminal
    from amity.goals.actions import create_goal

    try:
        goal = create_goal(ws, title=title, due_on=due, description=description)
    except Invalid as exc:
        raise _gathering_words(exc) from None
    if json_out:
        base.emit_json(terminal.goal_json(goal))
        return
    base.console().print(base.text(f"Added goal #{goal.pk}: {goal.title}."))


@goal_app.command("list")
def goal_list(
    all_: Annotated[bool, typer.Option("--all", help="Achieved and dropped goals too.")] = False,
    aligned: Annotated[int, typer.Option(
        "--aligned", min=0, max=20, help="Also show this many people aligned with each goal."
    )] = 0,
    json_out: JsonOpt = False,
):
    """Your goals, active first by due date.

    Example: amity goal list --aligned 3
    """
    ws = base.workspace()
    from amity.goals import terminal
    from amity.goals.alignment import aligned_people
    from amity.goals.models import Goal

    goals = Goal.objects.in_workspace(ws).order_by("status", "due_on", "id")
    if not all_:
        goals = goals.filter(status="active")
    goals = list(goals[:200])
    people = {g.pk: aligned_people(ws, g, limit=aligned) for g in goals} if aligned else None
    if json_out:
        base.emit_json([terminal.goal_json(g, people[g.pk] if people else None) for g in goals])
        return
    if not goals:
        base.console().print('No goals yet. Add one: amity goal add "Funding for the spring '
                             'programme"')
        return
    base.console().print(terminal.goals_table(goals, people))


# -- the focus list -----------------------------------------------------------------------

focus_app = typer.Typer(invoke_without_command=True, no_args_is_help=False)
app.add_typer(focus_app, name="focus", rich_help_panel=CRAFT)


@focus_app.callback()
def focus(ctx: typer.Context, json_out: JsonOpt = False):
    """Your focus list: the (at most three) people who matter most to your goals now.

    With no sub-command it shows the list: each person's stage, the next step, and what
    you can offer them (yours, or an idea from their needs and your people's offers).
    amity focus add and amity focus remove change it.

    Example: amity focus --json
    """
    if ctx.invoked_subcommand:
        return
    ws = base.workspace()
    from amity.goals import terminal
    from amity.goals.queries import focus_list

    items = focus_list(ws)
    if json_out:
        base.emit_json([terminal.focus_json(i) for i in items])
        return
    if not items:
        base.console().print("Your focus list is empty. Choose up to three people: "
                             "amity focus add ana --goal funding")
        return
    base.console().print(terminal.focus_table(items))


@focus_app.command("add")
def focus_add(
    person: Annotated[str, typer.Argument(metavar="PERSON", help="An id or part of their name.")],
    goal: Annotated[str | None, typer.Option(
        "--goal", metavar="GOAL", help="The goal they matter for: its id or part of its title."
    )] = None,
    offer: Annotated[str, typer.Option(
        "--offer", metavar="TEXT", help="What you can offer them.")] = "",
    json_out: JsonOpt = False,
):
    """Put someone in your focus list (three people at most, by design).

    Example: amity focus add ana --goal funding --offer "an introduction to the land trust"
    """
    ws = base.workspace()
    from amity.goals import terminal
    from amity.goals.actions import add_focus, resolve_goal
    from amity.goals.queries import focus_list

    who = base.resolve(ws, person)
    try:
        the_goal = resolve_goal(ws, goal) if goal else None
        add_focus(ws, who, goal=the_goal, offer=offer)
    except Invalid as exc:
        raise _gathering_words(exc) from None
    item = next(i for i in focus_list(ws) if i.person.pk == who.pk)
    if json_out:
        base.emit_json(terminal.focus_json(item))
        return
    line = base.text(f"{who.display_name} is in your focus list")
    if item.goal:
        line.append_text(base.text(f", for {item.goal.title}"))
    line.append(".\n")
    line.append_text(terminal.offer_text(item) if item.offer_suggested
                     else base.text(f"You can offer: {item.offer}"))
    base.console().print(line)


@focus_app.command("remove")
def focus_remove(
    person: Annotated[str, typer.Argument(metavar="PERSON", help="An id or part of their name.")],
):
    """Take someone off your focus list.

    Example: amity focus remove ana
    """
    ws = base.workspace()
    from amity.goals.actions import remove_focus

    who = base.resolve(ws, person, include_archived=True)
    remove_focus(ws, who)
    base.console().print(base.text(f"{who.display_name} is no longer in your focus list."))


# == The pre-meeting brief and the question bank ==========================================
# (amity brief, amity questions ..., amity asked). One block, kept apart from the
# gatherings commands above; the work is done in amity.brief and amity.questions.

# Action field -> what the user typed, so a refusal names the option.
_QUESTION_FIELDS = {"fact_kind": "--kind", "answer": "ANSWER", "purpose": "--purpose",
                    "stage": "--stage", "asked_on": "--on", "text": "TEXT"}

from typing import Annotated  # noqa: E402

import typer  # noqa: E402

from amity.cli.base import JsonOpt, console, emit_json, resolve, text, workspace  # noqa: E402
from amity.errors import Invalid  # noqa: E402

BriefPersonArg = Annotated[str, typer.Argument(metavar="PERSON",
                                               help="An id or part of their name.")]
QuestionIdArg = Annotated[int, typer.Argument(metavar="QUESTION_ID",
                                              help="The question's id, as amity questions "
                                                   "shows it.")]
PURPOSE_HELP = "getting_to_know, discovering_needs, deepening or reflecting."
STAGE_HELP = ("The journey stage it fits best: noticed, first_contact, listening, connected, "
              "rapport, trusted, collaborating, or any.")
KIND_HELP = ("The kind of fact an answer becomes: interest, value, goal, need, offer, "
             "challenge, avoid, or none.")


def _in_cli_words(exc: Invalid) -> Invalid:
    return Invalid({_QUESTION_FIELDS.get(k, k): v for k, v in exc.errors.items()})


@app.command(rich_help_panel=CRAFT)
def brief(person: BriefPersonArg, json_out: JsonOpt = False):
    """A pre-meeting brief: everything worth knowing before you see someone.

    Who they are, where you are on the journey and why (with the next step), what
    matters to them (facts not confirmed for a long time are flagged "ask again"),
    the last conversations, open follow-ups and asks both ways, the give-and-take
    balance, questions to ask next and people they might want to meet.

    Example: amity brief ana
    """
    ws = workspace()
    from amity.brief import terminal
    from amity.brief.queries import build_brief

    the_brief = build_brief(ws, resolve(ws, person, include_archived=True))
    if json_out:
        emit_json(terminal.brief_json(the_brief))
        return
    console().print(terminal.brief_renderable(the_brief))


questions_app = typer.Typer(invoke_without_command=True, no_args_is_help=False)
app.add_typer(questions_app, name="questions", rich_help_panel=CRAFT)


@questions_app.callback()
def questions(
    ctx: typer.Context,
    person: Annotated[str | None, typer.Option(
        "--person", metavar="PERSON", help="Suggest what to ask this person next instead.")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=20, help="With --person: how many.")] = 3,
    retired: Annotated[bool, typer.Option("--retired", help="List the retired questions.")
                       ] = False,
    json_out: JsonOpt = False,
):
    """The question bank: open questions by purpose and stage, or what to ask someone next.

    With --person: the questions that fit where you are with them and that you have
    not asked them yet, best first. Sub-commands add, edit, retire and restore
    questions; amity asked notes an answer.

    Example: amity questions --person ana
    """
    if ctx.invoked_subcommand:
        return
    ws = workspace()
    from amity.brief import terminal
    from amity.questions.queries import active_bank, retired_questions, suggest_questions

    if person:
        from amity.journey.assess import assess_one

        who = resolve(ws, person, include_archived=True)
        stage = assess_one(ws, who)
        rows = suggest_questions(ws, who, stage.stage, limit=limit)
        title = f"Ask {who.display_name} next ({stage.label})"
    elif retired:
        rows, title = retired_questions(ws), "Retired questions"
    else:
        rows, title = list(active_bank(ws).order_by("purpose", "id")), "The question bank"
    if json_out:
        emit_json([terminal.question_json(q) for q in rows])
        return
    out = console()
    if not rows:
        out.print("No questions here." if not person else
                  "Every question for this stage has been asked. Add one: amity questions add")
        return
    out.print(terminal.questions_table(rows, title=title, with_reason=bool(person)))
    if person:
        out.print(f'Note an answer: amity asked {who.pk} <question-id> "<answer>"', style="dim")


def _print_question(question, done: str, json_out: bool) -> None:
    from amity.brief import terminal

    if json_out:
        emit_json(terminal.question_json(question))
        return
    console().print(text(f"{done} question #{question.pk}: {question.text}"))


@questions_app.command("add")
def questions_add(
    text_: Annotated[str, typer.Argument(metavar="TEXT", help="The open question.")],
    purpose: Annotated[str, typer.Option(help=PURPOSE_HELP)],
    stage: Annotated[str, typer.Option(help=STAGE_HELP)] = "any",
    kind: Annotated[str, typer.Option("--kind", help=KIND_HELP)] = "none",
    json_out: JsonOpt = False,
):
    """Add a question of your own to the bank.

    Example: amity questions add "What would a good year look like for you?"
    --purpose deepening --stage rapport --kind goal
    """
    ws = workspace()
    from amity.questions.actions import create_question

    try:
        question = create_question(ws, text=text_, purpose=purpose, stage=stage, fact_kind=kind)
    except Invalid as exc:
        raise _in_cli_words(exc) from None
    _print_question(question, "Added", json_out)


@questions_app.command("edit")
def questions_edit(
    question_id: QuestionIdArg,
    text_: Annotated[str | None, typer.Option("--text", help="New wording.")] = None,
    purpose: Annotated[str | None, typer.Option(help=PURPOSE_HELP)] = None,
    stage: Annotated[str | None, typer.Option(help=STAGE_HELP)] = None,
    kind: Annotated[str | None, typer.Option("--kind", help=KIND_HELP)] = None,
    json_out: JsonOpt = False,
):
    """Change a question (curated ones too: your wording is kept).

    Example: amity questions edit 12 --stage any --kind need
    """
    ws = workspace()
    from amity.questions.actions import access_question, update_question

    data = {k: v for k, v in {"text": text_, "purpose": purpose, "stage": stage,
                              "fact_kind": kind}.items() if v is not None}
    question = access_question(ws, question_id)
    try:
        update_question(ws, question, **data)
    except Invalid as exc:
        raise _in_cli_words(exc) from None
    _print_question(question, "Saved", json_out)


@questions_app.command("retire")
def questions_retire(question_id: QuestionIdArg, json_out: JsonOpt = False):
    """Retire a question: no longer suggested; what you asked with it is kept.

    Example: amity questions retire 12
    """
    ws = workspace()
    from amity.questions.actions import access_question, retire_question

    _print_question(retire_question(ws, access_question(ws, question_id)), "Retired", json_out)


@questions_app.command("restore")
def questions_restore(question_id: QuestionIdArg, json_out: JsonOpt = False):
    """Bring a retired question back into the bank.

    Example: amity questions restore 12
    """
    ws = workspace()
    from amity.questions.actions import access_question, restore_question

    try:
        question = restore_question(ws, access_question(ws, question_id))
    except Invalid as exc:
        raise _in_cli_words(exc) from None
    _print_question(question, "Restored", json_out)


@app.command(rich_help_panel=CRAFT)
def asked(
    person: BriefPersonArg,
    question_id: QuestionIdArg,
    answer: Annotated[str, typer.Argument(metavar="ANSWER", help="What they said.")] = "",
    kind: Annotated[str | None, typer.Option(
        "--kind", metavar="KIND", help="Keep the answer as this kind of fact (default: the "
        "question's usual kind; none: keep no fact).")] = None,
    on: Annotated[str | None, typer.Option(
        "--on", metavar="DATE", help="When you asked: today (default), yesterday, 2026-05-01."
    )] = None,
    json_out: JsonOpt = False,
):
    """Note that you asked someone a question, and keep their answer as a fact: one step.

    Example: amity asked ana 12 "a community fridge for the estate" --kind goal
    """
    ws = workspace()
    from amity.brief import terminal
    from amity.questions.actions import access_question, ask_question

    who = resolve(ws, person, include_archived=True)
    question = access_question(ws, question_id)
    try:
        done = ask_question(ws, who, question, answer=answer, fact_kind=kind, asked_on=on)
    except Invalid as exc:
        raise _in_cli_words(exc) from None
    if json_out:
        emit_json(terminal.asked_json(done))
        return
    line = text(f"Asked {who.display_name}: {question.text}")
    if done.fact is not None:
        line.append_text(text(
            f"\n  Noted as {done.fact.get_kind_display().lower()}: {done.fact.text}"))
    elif done.answer:
        line.append_text(text(f"\n  Their answer: {done.answer} (not kept as a fact)"))
    console().print(line)
