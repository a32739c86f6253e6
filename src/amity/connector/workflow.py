"""The consent-first introduction workflow as data: which step may follow
which, what each step is called, and the follow-up that moves each one on.

suggested -> asked_a -> a_agreed -> asked_b -> b_agreed -> introduced,
or declined at any step before "introduced"; then an outcome (met, helped,
nothing) may be recorded on an introduction that was made.
"""

from amity.connector.models import IntroStatus, Outcome

S = IntroStatus
NEXT: dict[str, tuple[str, ...]] = {
    S.SUGGESTED: (S.ASKED_A, S.DECLINED),
    S.ASKED_A: (S.A_AGREED, S.DECLINED),
    S.A_AGREED: (S.ASKED_B, S.DECLINED),
    S.ASKED_B: (S.B_AGREED, S.DECLINED),
    S.B_AGREED: (S.INTRODUCED, S.DECLINED),
    S.INTRODUCED: (),
    S.DECLINED: (),
}
FORWARD = (S.SUGGESTED, S.ASKED_A, S.A_AGREED, S.ASKED_B, S.B_AGREED, S.INTRODUCED)
OPEN = (S.SUGGESTED, S.ASKED_A, S.A_AGREED, S.ASKED_B, S.B_AGREED)

# Who can say no: the first person, the second, or you.
DECLINED_BY = {"a": "the first person", "b": "the second person", "me": "you"}
OUTCOMES = tuple(o for o in Outcome.values if o)

# What the user types (CLI, API) for each step; hyphens and underscores both work.
STEP_NAMES = {
    "asked-a": S.ASKED_A, "a-agreed": S.A_AGREED, "asked-b": S.ASKED_B,
    "b-agreed": S.B_AGREED, "introduced": S.INTRODUCED, "declined": S.DECLINED,
    "met": Outcome.MET, "helped": Outcome.HELPED, "nothing": Outcome.NOTHING,
}


def step_name(status: str) -> str:
    """asked_a -> asked-a: how a step is written on the command line."""
    return status.replace("_", "-")


def normalise_step(raw: str) -> str:
    """"Asked-A", "asked_a", " asked a " -> "asked_a"; unknown words come back as typed."""
    key = "-".join((raw or "").strip().lower().replace("_", "-").split())
    value = STEP_NAMES.get(key)
    return str(value) if value is not None else (raw or "").strip()


def describe_next(status: str) -> str:
    """"a_agreed (First person agreed) or declined": the steps allowed from here."""
    allowed = NEXT.get(status, ())
    if not allowed:
        return "none (it is finished)"
    labels = [f"{s} ({S(s).label})" if s != S.DECLINED else "declined" for s in allowed]
    return " or ".join(labels)


def follow_up_for(status: str, a_name: str, b_name: str) -> tuple[str, int, str] | None:
    """(next step, days until due, whose: "a" or "b") after reaching ``status``."""
    return {
        S.SUGGESTED: (f"Ask {a_name} whether they would like to meet {b_name}", 2, "a"),
        S.ASKED_A: (f"Hear back from {a_name} about meeting {b_name}", 3, "a"),
        S.A_AGREED: (f"Ask {b_name} whether they would like to meet {a_name}", 2, "b"),
        S.ASKED_B: (f"Hear back from {b_name} about meeting {a_name}", 3, "b"),
        S.B_AGREED: (f"Send the introduction of {a_name} and {b_name}", 1, "a"),
        S.INTRODUCED: (f"Ask {a_name} whether they and {b_name} have met", 14, "a"),
    }.get(status)


def action_label(step: str, a_name: str, b_name: str) -> str:
    """What a button says for taking ``step``: "I asked Ana", "Ben agreed"."""
    return {
        S.ASKED_A: f"I asked {a_name}",
        S.A_AGREED: f"{a_name} agreed",
        S.ASKED_B: f"I asked {b_name}",
        S.B_AGREED: f"{b_name} agreed",
        S.INTRODUCED: "I introduced them",
        Outcome.MET: "They met",
        Outcome.HELPED: "It helped",
        Outcome.NOTHING: "Nothing came of it",
    }.get(step, step)


def next_actions(intro, a_name: str, b_name: str) -> list[tuple[str, str]]:
    """(step, button label) for the forward steps and outcomes open to ``intro`` now."""
    if intro.status == S.INTRODUCED:
        steps = [o for o in OUTCOMES if o != intro.outcome]
    else:
        steps = [s for s in NEXT.get(intro.status, ()) if s != S.DECLINED]
    return [(step_name(s), action_label(s, a_name, b_name)) for s in steps]


def waiting_on(intro, a_name: str, b_name: str) -> str:
    """What the introduction is waiting for, in a few words."""
    return {
        S.SUGGESTED: f"ask {a_name} first",
        S.ASKED_A: f"waiting for {a_name}'s answer",
        S.A_AGREED: f"ask {b_name}",
        S.ASKED_B: f"waiting for {b_name}'s answer",
        S.B_AGREED: "send the introduction",
        S.INTRODUCED: "how did it go?" if not intro.outcome else "",
    }.get(intro.status, "")
