"""The stage rules of the Relationship Journey: one readable, pure rule set.

``derive(evidence) -> (stage, reasons)`` reads plain counts and dates (no
database) and says where a relationship stands and why, in plain words.
``next_action(stage, evidence, person, context)`` says what to do next.

The stages form a ladder: each of the first six needs everything the stages
below it need, plus its own evidence. *Collaborating* stands on its own:
working together is evidence enough, whatever else is recorded.

=============  ================================================================
Stage          Reached when
=============  ================================================================
noticed        the start: someone you would like to know
first_contact  a conversation, or they were introduced to you, or something
               was given or asked either way
listening      first contact, and at least 2 things known about them, one of
               them a need, goal, interest or challenge
connected      listening, and contact both ways: a conversation you started
               and one they started (a conversation planned together counts
               for either side), at least two in all
rapport        connected, contact in at least 3 different weeks of the last
               3 months (91 days), and you have given them something
trusted        rapport, and they come to you and share openly: they started at
               least 2 conversations, they gave you something or asked you
               for something, a need or challenge is recorded, you have known
               them at least 60 days (first to last conversation) and were in
               touch in at least 2 different months of the last 3
collaborating  a shared initiative they take part in, or an introduction
               involving them that helped
=============  ================================================================

Recent contact counts on purpose: without it, rapport and trust settle back to
*connected*. A pinned stage (set by hand) wins over the derived one; the
derived stage is still shown next to it (see ``apply_pin``).
"""

from dataclasses import dataclass, field
from datetime import date

from amity.journey.stages import ORDER, Stage

# The thresholds of the table above, named so the tests can check each edge.
MIN_FACTS = 2
RECENT_DAYS = 91
RAPPORT_WEEKS = 3
TRUSTED_THEIR_CONVERSATIONS = 2
TRUSTED_SPAN_DAYS = 60
TRUSTED_MONTHS = 2

WHAT_MATTERS = ("need", "goal", "interest", "challenge")
SHARED_OPENLY = ("need", "challenge")
FACT_WORDS = {  # kind -> (one, many)
    "interest": ("interest", "interests"), "value": ("value", "values"),
    "goal": ("goal", "goals"), "need": ("need", "needs"), "offer": ("offer", "offers"),
    "challenge": ("challenge", "challenges"), "avoid": ("topic to avoid", "topics to avoid"),
}


@dataclass
class Evidence:
    """What is recorded about one relationship, as counts and dates."""

    facts: dict[str, int] = field(default_factory=dict)   # fact kind -> how many
    conversations: int = 0
    by_me: int = 0            # conversations you started
    by_them: int = 0          # conversations they started
    mutual: int = 0           # planned together
    first_conversation: date | None = None
    last_conversation: date | None = None
    recent_weeks: int = 0     # different weeks with a conversation, last RECENT_DAYS days
    recent_months: int = 0    # different calendar months with one, same window
    gave: int = 0             # gifts from you to them (asks excluded)
    received: int = 0         # gifts from them to you
    asks_made: int = 0        # you asked them
    asks_received: int = 0    # they asked you
    initiatives: int = 0      # initiatives they take part in
    introductions: int = 0    # introductions involving them, made (status introduced)
    introductions_met: int = 0
    introductions_helped: int = 0
    introduced_to_you: bool = False

    @property
    def fact_total(self) -> int:
        return sum(self.facts.values())

    def count(self, *kinds: str) -> int:
        return sum(self.facts.get(kind, 0) for kind in kinds)

    @property
    def span_days(self) -> int:
        if self.first_conversation is None or self.last_conversation is None:
            return 0
        return (self.last_conversation - self.first_conversation).days


@dataclass
class Context:
    """Words for the next best action: what is known and what is on offer."""

    need: str = ""             # their latest need or challenge
    goal: str = ""             # their latest goal
    interest: str = ""         # their latest interest
    introducer: str = ""       # who introduced them to you
    last_received: str = ""    # the last thing they gave you
    thanked_since: bool = True  # an appreciation to them since that gift
    open_initiative: str = ""  # an active initiative they are not in nor invited to
    their_initiative: str = ""  # an initiative they take part in
    match: str = ""            # someone of yours worth introducing them to
    match_reason: str = ""


# -- deriving the stage -----------------------------------------------------

def _n(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def _times(count: int) -> str:
    return "once" if count == 1 else "twice" if count == 2 else f"{count} times"


def _two_way(e: Evidence) -> bool:
    reached_them = e.by_me + e.mutual
    reached_you = e.by_them + e.mutual
    return reached_them >= 1 and reached_you >= 1 and e.by_me + e.by_them + e.mutual >= 2


def _checks(e: Evidence) -> dict[str, list[tuple[bool, str]]]:
    """For each stage above noticed: (met?, what it needs in plain words)."""
    return {
        Stage.FIRST_CONTACT: [
            (e.conversations > 0 or e.introduced_to_you
             or e.gave + e.received + e.asks_made + e.asks_received > 0,
             "a first conversation"),
        ],
        Stage.LISTENING: [
            (e.fact_total >= MIN_FACTS, f"at least {MIN_FACTS} things you know about them"),
            (e.count(*WHAT_MATTERS) >= 1, "a need, goal, interest or challenge of theirs"),
        ],
        Stage.CONNECTED: [
            (_two_way(e), "contact both ways: a conversation you start and one they start"),
        ],
        Stage.RAPPORT: [
            (e.recent_weeks >= RAPPORT_WEEKS,
             f"contact in {RAPPORT_WEEKS} different weeks of the last 3 months"),
            (e.gave >= 1, "something you give them"),
        ],
        Stage.TRUSTED: [
            (e.by_them >= TRUSTED_THEIR_CONVERSATIONS,
             f"{TRUSTED_THEIR_CONVERSATIONS} conversations they start"),
            (e.received + e.asks_received >= 1, "them giving you something or asking for help"),
            (e.count(*SHARED_OPENLY) >= 1, "a need or challenge they share"),
            (e.span_days >= TRUSTED_SPAN_DAYS, f"knowing them for {TRUSTED_SPAN_DAYS} days"),
            (e.recent_months >= TRUSTED_MONTHS,
             f"contact in {TRUSTED_MONTHS} different months of the last 3"),
        ],
    }


def _collaborating(e: Evidence) -> bool:
    return e.initiatives >= 1 or e.introductions_helped >= 1


def derive(evidence: Evidence) -> tuple[str, list[str]]:
    """The stage the evidence supports, and why: ``(Stage value, reasons)``."""
    e = evidence
    stage, missing = Stage.NOTICED.value, None
    for step, checks in _checks(e).items():
        if all(met for met, _ in checks):
            stage = step.value
            continue
        missing = (step, [need for met, need in checks if not met])
        break
    if _collaborating(e):
        stage, missing = Stage.COLLABORATING.value, None
    reasons = describe(e)
    if missing is not None:
        step, needs = missing
        reasons.append(f"For {step.label.lower()}: {'; '.join(needs)}.")
    elif stage == Stage.TRUSTED:
        reasons.append("For collaborating: a shared initiative or an introduction that helps.")
    return stage, reasons


def describe(e: Evidence) -> list[str]:
    """The evidence in plain words, one line per kind of evidence."""
    lines = []
    if together := _collaborating_line(e):
        lines.append(together)
    if e.conversations:
        # "3 conversations, 1 started by you, 2 by them" / "2 conversations, 2 started by them"
        started = [f"{n} by {who}" for n, who in ((e.by_me, "you"), (e.by_them, "them")) if n]
        if started:
            started[0] = started[0].replace(" by ", " started by ", 1)
        if e.mutual:
            started.append(f"{e.mutual} planned together")
        line = _n(e.conversations, "conversation")
        lines.append(f"{line}, {', '.join(started)}" if started else line)
    else:
        lines.append("No conversation recorded yet")
    if e.introduced_to_you:
        lines.append("They were introduced to you")
    if e.fact_total:
        kinds = [_n(e.facts[k], *FACT_WORDS.get(k, (k, k + "s")))
                 for k in FACT_WORDS if e.facts.get(k)]
        lines.append(f"You know {_n(e.fact_total, 'thing')} about them: {', '.join(kinds)}")
    else:
        lines.append("Nothing recorded yet about what matters to them")
    if e.recent_weeks:
        lines.append(f"In touch in {_n(e.recent_weeks, 'week')} "
                     f"and {_n(e.recent_months, 'month')} of the last 3 months")
    elif e.conversations:
        lines.append("No contact in the last 3 months")
    if e.span_days >= 14:
        first = e.first_conversation
        lines.append(f"Known for {_span(e.span_days)} (first conversation "
                     f"{first.day} {first:%b %Y})")
    if e.gave or e.received:
        gave = _n(e.gave, "thing") if e.gave else "nothing"
        lines.append(f"You gave {gave}; they gave {e.received or 'nothing'}")
    else:
        lines.append("Nothing given either way yet")
    if e.asks_made or e.asks_received:
        lines.append(f"You asked them {_times(e.asks_made) if e.asks_made else 'nothing'}; "
                     f"they asked you {_times(e.asks_received) if e.asks_received else 'nothing'}")
    return lines


def _span(days: int) -> str:
    if days < 60:
        return _n(days // 7, "week")
    if days < 730:
        return _n(days // 30, "month")
    return _n(days // 365, "year")


def _collaborating_line(e: Evidence) -> str:
    parts = []
    if e.initiatives:
        parts.append(f"Part of {_n(e.initiatives, 'shared initiative')}")
    if e.introductions:
        outcome = [part for part in (
            f"{e.introductions_helped} helped" if e.introductions_helped else "",
            f"{e.introductions_met} led to a meeting" if e.introductions_met else "") if part]
        line = _n(e.introductions, "introduction") + " made with them"
        parts.append(f"{line} ({', '.join(outcome)})" if outcome else line)
    return "; ".join(parts)


def apply_pin(derived: str, pin: str) -> tuple[str, bool]:
    """A stage pinned by hand wins: ``(stage shown, pinned?)``."""
    if pin and pin in ORDER:
        return pin, True
    return derived, False


# -- the next best action ---------------------------------------------------

def _quoted(text: str) -> str:
    return f"“{text}”"


def offer_something(context: Context) -> str:
    if context.match:
        return (f"Offer something: an introduction to {context.match}"
                + (f" ({context.match_reason})" if context.match_reason else ""))
    if context.need:
        return (f"Offer something for {_quoted(context.need)}: a contact, a resource "
                "or an hour of your time")
    if context.goal or context.interest:
        return (f"Offer something: an article, an event or a contact about "
                f"{_quoted(context.goal or context.interest)}")
    return "Offer something: a useful contact, an article or an invitation; ask what would help"


def next_action(stage: str, evidence: Evidence, person, context: Context) -> str:
    """One sentence: the next best thing to do for this relationship at this stage."""
    e, c, name = evidence, context, person.display_name
    if stage == Stage.NOTICED:
        if c.introducer:
            return (f"Get in touch with {name}: {c.introducer} introduced you, "
                    "so mention them and ask for a short conversation")
        return f"Reach out to {name}: say why you noticed them and ask for a short conversation"
    if stage == Stage.FIRST_CONTACT:
        if not e.count(*WHAT_MATTERS):
            return f"Ask {name} what they are working on and what matters to them"
        return f"Listen for more: ask {name} about their goals and what would help them now"
    if stage == Stage.LISTENING:
        if not (e.count(*SHARED_OPENLY) and c.need):
            return f"Ask {name} what they are working on and where they could use help"
        return (f"Follow up on {_quoted(c.need)}: send {name} something useful "
                "and invite a reply")
    if stage == Stage.CONNECTED:
        if not e.gave:
            return offer_something(c)
        return f"Keep in touch with {name} regularly: suggest a catch-up in the next two weeks"
    if stage == Stage.RAPPORT:
        if not (e.count(*SHARED_OPENLY) and c.need):
            return f"Deepen the conversation: ask {name} what is hard for them at the moment"
        if not (e.received or e.asks_received):
            return (f"Check in on {_quoted(c.need)} and let {name} know "
                    "they can come to you")
        return f"Keep the rhythm: check in with {name} on {_quoted(c.need)}"
    if c.last_received and not c.thanked_since:
        return f"Thank {name} for {_quoted(c.last_received)}"
    if stage == Stage.TRUSTED:
        if c.open_initiative:
            return f"Invite {name} to {c.open_initiative}"
        if c.match:
            return f"Introduce {name} to {c.match}" + (
                f" ({c.match_reason})" if c.match_reason else "")
        if c.goal or c.need:
            return f"Ask {name} how you could work together on {_quoted(c.goal or c.need)}"
        return f"Ask {name} what they would like to work on together"
    # Collaborating.
    if c.their_initiative:
        return (f"Share news of {c.their_initiative} with {name} "
                "and ask what they need to keep going")
    if c.open_initiative:
        return f"Invite {name} to {c.open_initiative}"
    return f"Ask {name} what you could do together next"
