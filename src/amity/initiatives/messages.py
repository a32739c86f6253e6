"""Personal invitation messages: the draft, and the check that warns when a
message says nothing specific to the person it is for.

A draft names the person, says what matters to them (the facts that made them
fit), why this initiative fits them, and draws on the last conversation you had.
``generic_warnings`` looks for the same three things in whatever the user
finally writes, so an edited message that has become generic is caught too.
"""

import re

from amity.initiatives.ranking import Match
from amity.parsing import fold
from amity.people.models import FactKind
from amity.phrasing import lower_first, to_you
from amity.terms import terms

RECENT_CONVERSATIONS = 5
MAX_FACTS = 200
# Sentences that only make sense between people who have met.
_HISTORY = re.compile(
    r"\b(we (spoke|talked|met|chatted|discussed)|our (conversation|chat|call|coffee|talk|"
    r"meeting|walk|lunch)|you (told|mentioned|said|shared|showed)|last (time|week|month)|"
    r"when we|since we)\b")
# What a mail merge leaves behind.
_BULK = re.compile(
    r"(\{\{?\s*\w*\s*\}?\}|\[\s*(first\s*)?name\s*\]|<\s*name\s*>|\bdear (friends?|all|"
    r"colleagues?|sir|madam|member|supporter)\b|\bhi (all|everyone|everybody|folks)\b|"
    r"\bhello (all|everyone|everybody)\b|to whom it may concern)")
KINDS = (FactKind.OFFER, FactKind.INTEREST, FactKind.GOAL, FactKind.VALUE)


def first_name(person) -> str:
    return (person.nickname or person.given_name or person.display_name.split(" ")[0]
            or person.display_name).strip()


def _join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:.") + "…"


def _first_sentence(text: str) -> str:
    text = " ".join((text or "").split())
    head = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    return _short(head.rstrip("."))


def last_conversation(person):
    from amity.conversations.models import Conversation

    return (Conversation.objects.filter(workspace_id=person.workspace_id,
                                        participations__person=person)
            .order_by("-happened_at", "-id").first())


def draft_message(workspace, initiative, person, match: Match | None) -> str:
    """A first draft in plain words, for the user to make their own."""
    name = first_name(person)
    lines = [f"Hi {name},", ""]
    conversation = last_conversation(person)
    if conversation is not None:
        when = conversation.happened_at
        lines.append(f"Thank you again for our conversation on {when.day} {when:%B} "
                     f"({_short(conversation.summary, 120).rstrip('.')}). "
                     f"It has stayed with me.")
        lines.append("")
    facts = match.facts if match else _some_facts(person)
    about = []
    if facts:
        known = _join([to_you(kind, _short(text, 100)) for kind, text in facts])
        about.append(f"I know {known}, so you were one of the first people I thought of.")
    what = f"I am bringing people together for {initiative.name}"
    if initiative.description:
        what += f": {lower_first(_first_sentence(initiative.description))}"
    about.append(what + ".")
    needs = (match.needs_met if match and match.needs_met
             else [n.text for n in initiative.needs.all()[:3]])
    if needs:
        about.append(f"It needs {_join([lower_first(n) for n in needs])}, and that is "
                     f"where you would make a real difference.")
    if initiative.starts_on:
        about.append(f"We begin on {initiative.starts_on.day} {initiative.starts_on:%B %Y}.")
    lines.append(" ".join(about))
    lines += ["", "Would you like to be part of it? I would love to tell you more over a "
                  "coffee or a call, and no pressure at all if the timing is wrong.", "",
              "Warm wishes"]
    return "\n".join(lines)


def _some_facts(person) -> list[tuple[str, str]]:
    """Up to two things that matter to them, when none fit the initiative itself."""
    return list(person.facts.filter(kind__in=KINDS)
                .order_by("-learned_on", "id").values_list("kind", "text")[:2])


# -- the check ------------------------------------------------------------------

def _names(person) -> set[str]:
    names = set()
    for value in (person.display_name, person.given_name, person.family_name, person.nickname):
        names.update(w for w in re.findall(r"[^\W_]+", fold(value or "")) if len(w) > 1)
    return names


def generic_warnings(message: str, person) -> list[str]:
    """What makes ``message`` generic for ``person``; an empty list when it is personal.

    Personal means: it names them, it refers to something that matters to them
    (a word from their facts), and it draws on your shared history (a word from
    a recent conversation, or a phrase such as "when we met").
    """
    from amity.conversations.models import Conversation

    who = person.display_name
    if not (message or "").strip():
        return [f"The message is empty: write a few lines that only {who} could receive."]
    folded = fold(message)
    words = set(re.findall(r"[^\W_]+", folded))
    said = terms(message)
    warnings = []
    if _BULK.search(folded):
        warnings.append("It reads like a mass mailing (a placeholder or a greeting to "
                        f"everyone): write to {who} alone.")
    named = bool(_names(person) & words)
    facts = list(person.facts.exclude(kind=FactKind.AVOID).values_list("text", flat=True)
                 [:MAX_FACTS])
    known = frozenset().union(*(terms(t) for t in facts)) if facts else frozenset()
    cared = bool(known & said)
    summaries = list(Conversation.objects.filter(workspace_id=person.workspace_id,
                                                 participations__person=person)
                     .order_by("-happened_at", "-id")
                     .values_list("summary", flat=True)[:RECENT_CONVERSATIONS])
    shared = bool(_HISTORY.search(folded)) or any(terms(s) & said for s in summaries)
    if not (named or cared or shared):
        warnings.append(f"This message says nothing specific to {who}: it could go to anyone.")
    if not named:
        warnings.append(f"It does not use {who}'s name.")
    if not cared:
        if facts:
            warnings.append(f"It does not mention anything that matters to {who} (their "
                            "interests, goals, values or what they offer).")
        else:
            warnings.append(f"It does not mention anything that matters to {who}, and you have "
                            "nothing recorded about them yet: ask them first.")
    if not shared:
        if summaries:
            warnings.append(f"It does not draw on your shared history with {who} (a "
                            "conversation you had, something they told you).")
        else:
            warnings.append(f"It does not draw on any shared history with {who} (you have no "
                            "conversation with them on record yet).")
    return warnings
