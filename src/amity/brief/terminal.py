"""The brief and the question bank in a terminal (``amity brief``, ``amity questions``).

User data always goes into Rich as ``Text`` (``base.text``), never as markup,
so a fact reading "[red]" prints as written.
"""

from rich.console import Group
from rich.table import Table
from rich.text import Text

from amity.cli.base import text
from amity.cli.render import day, local_day


def _heading(title: str) -> Text:
    return Text(f"\n{title}", style="bold underline")


def _line(*parts) -> Text:
    """A line from (value, style) pairs and plain strings; every value stays literal."""
    line = Text()
    for part in parts:
        if isinstance(part, tuple):
            line.append_text(text(*part))
        else:
            line.append_text(text(part))
    return line


def brief_renderable(brief) -> Group:
    return Group(*_who(brief), *_stage(brief), *_facts(brief), *_conversations(brief),
                 *_open(brief), *_balance(brief), *_questions(brief), *_meet(brief))


def _who(brief):
    p = brief.person
    title = _line((p.display_name, "bold"))
    if p.pronouns:
        title.append_text(text(f" ({p.pronouns})"))
    title.append_text(text(f"  {brief.assessment.label}", "green"))
    if brief.assessment.pinned:
        title.append(" (set by hand)", style="dim")
    yield title
    yield Text(f"Brief of {day(brief.today, brief.today)}", style="dim")
    yield _heading("Who they are")
    for a in brief.organisations:
        yield _line("  ", f"{a.role}, " if a.role else "", (a.organisation.name, "bold"),
                    " (represents it)" if a.represents else "")
    if p.location:
        yield _line("  Location: ", p.location)
    met = ", ".join(x for x in (p.met_where, f"at {p.met_event}" if p.met_event else "",
                                day(p.met_on, brief.today)) if x)
    if brief.introduced_by:
        met = "; ".join(x for x in (met, f"introduced by {brief.introduced_by.display_name}") if x)
    if met:
        yield _line("  How you met: ", met)
    last = day(local_day(p.last_contact_at), brief.today) if p.last_contact_at else "never"
    yield _line("  Last contact: ", last)


def _stage(brief):
    a = brief.assessment
    yield _heading(f"Where you are: {a.label}")
    for reason in a.evidence:
        yield _line("  - ", reason)
    if a.next_action:
        yield _line("  Next: ", (a.next_action, "bold"))


def _facts(brief):
    yield _heading("What matters to them")
    if not brief.has_facts:
        yield Text("  Nothing noted yet: this meeting is a chance to listen.", style="dim")
        return
    for group in brief.fact_groups:
        for fact in group.facts:
            line = _line(f"  {group.label}: ", fact.text)
            if fact.stale:
                line.append("  [ask again]", style="yellow")
            yield line
    if brief.stale_count:
        yield Text(f"  [ask again]: not confirmed for more than {brief.stale_after_days} days.",
                   style="dim")


def _conversations(brief):
    yield _heading("Last conversations")
    if not brief.conversations:
        yield Text("  None yet.", style="dim")
        return
    table = Table(show_header=True, box=None, pad_edge=False, padding=(0, 2, 0, 2))
    table.add_column("When", no_wrap=True)
    table.add_column("About")
    table.add_column("How it went")
    for c in brief.conversations:
        how = c.get_how_it_went_display().lower() if c.how_it_went else ""
        if c.their_mood:
            how = f"{how}; they seemed: {c.their_mood}" if how else f"they seemed: {c.their_mood}"
        table.add_row(text(day(local_day(c.happened_at), brief.today)), text(c.summary), text(how))
    yield table


def _open(brief):
    yield _heading("Open threads")
    for fu in brief.follow_ups:
        line = _line("  Follow-up: ", fu.action, (f"  due {day(fu.due_on, brief.today)}", "dim"))
        if fu.due_on < brief.today:
            line.append("  overdue", style="red")
        yield line
    for e in brief.open_asks.from_them:
        yield _line("  They asked you: ", e.description, (f"  {day(e.occurred_on)}", "dim"))
    for e in brief.open_asks.to_them:
        yield _line("  You asked them: ", e.description, (f"  {day(e.occurred_on)}", "dim"))
    if not (brief.follow_ups or brief.open_asks.from_them or brief.open_asks.to_them):
        yield Text("  Nothing open.", style="dim")


def _balance(brief):
    b = brief.balance
    yield _heading("Give and take")
    yield Text(f"  You gave {b.given}, they gave {b.received}; you asked {b.asks_made}, "
               f"they asked {b.asks_received}.")
    if b.last_given:
        yield _line("  Last thing you gave: ", b.last_given.description,
                    (f"  {day(b.last_given.occurred_on)}", "dim"))
    else:
        yield Text("  You have not given them anything yet: give before you ask.")


def _questions(brief):
    yield _heading("Questions to ask next")
    if not brief.suggested_questions:
        yield Text("  Every question for this stage has been asked.", style="dim")
    for q in brief.suggested_questions:
        yield _line(f"  #{q.pk} ", q.text, (f"  ({q.get_purpose_display().lower()})", "dim"))
    if brief.suggested_questions:
        yield Text(f'  Note an answer: amity asked {brief.person.pk} <question-id> "<answer>"',
                   style="dim")
    if brief.asked_before:
        yield Text("  Asked before:", style="bold")
        for a in brief.asked_before:
            yield _line(f"  {day(a.asked_on, brief.today)}  ", a.question.text, " → ",
                        (a.answer or "no answer noted", "" if a.answer else "dim"))


def _meet(brief):
    yield _heading("People they might want to meet")
    if not brief.people_to_meet:
        yield Text("  No one stands out yet.", style="dim")
    for s in brief.people_to_meet:
        yield _line("  ", (s.person_b.display_name, "bold"), ": ", s.reason)


# -- the question bank ------------------------------------------------------------------

def questions_table(questions, *, title: str, with_reason: bool = False) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False)
    table.add_column("ID", justify="right", no_wrap=True)
    table.add_column("Question")
    table.add_column("Purpose")
    table.add_column("Stage")
    table.add_column("Why" if with_reason else "Answer kept as")
    for q in questions:
        last = (getattr(q, "reason", "") if with_reason
                else (q.get_fact_kind_display().lower() if q.fact_kind else ""))
        table.add_row(str(q.pk), text(q.text, "dim" if q.retired_at else ""),
                      q.get_purpose_display(), q.get_stage_display() if q.stage else "any",
                      text(last))
    return table


def question_json(question) -> dict:
    from amity.questions.schemas import QuestionOut, SuggestedQuestionOut

    schema = SuggestedQuestionOut if hasattr(question, "reason") else QuestionOut
    return schema.from_orm(question).model_dump(mode="json")


def asked_json(asked) -> dict:
    from amity.questions.schemas import AskedOut

    return AskedOut.from_orm(asked).model_dump(mode="json")


def brief_json(brief) -> dict:
    from amity.brief.schemas import BriefOut, brief_data

    return BriefOut.model_validate(brief_data(brief)).model_dump(mode="json")
