"""The drafted introduction message: what each person can do for the other,
in their own facts' words, and what they have in common."""

from amity.connector import termindex
from amity.connector.scoring import (
    A_NEEDS,
    B_NEEDS,
    GOAL,
    GOALS,
    INTEREST,
    OFFER,
    SHARED,
    VALUE,
    Match,
    Profile,
    TermScorer,
    mid_sentence,
    offers_clause,
    short_names,
    without_avoided,
)


def reasons_for(workspace, a, b) -> tuple[Profile, Profile, list[Match]]:
    """Both profiles as they are now and their matches (avoided topics removed)."""
    profiles = termindex.load_profiles(workspace, [a.pk, b.pk])
    first, second = profiles.get(a.pk, Profile(a.pk)), profiles.get(b.pk, Profile(b.pk))
    scorer = TermScorer(termindex.index_for(workspace).idf)
    _, matches = scorer.score(first, second)
    return first, second, without_avoided(first, second, matches)


def _what_for(name_giver: str, offers: list[str], need_match: Match | None,
              giver_is_a: bool) -> str:
    """One sentence: what the giver can do for the other person."""
    if need_match is not None:
        offer = need_match.a_text if giver_is_a else need_match.b_text
        need = need_match.b_text if giver_is_a else need_match.a_text
        return (f"{offers_clause(name_giver, offer)}, and you mentioned you need "
                f"{mid_sentence(need)}.")
    if offers:
        return f"{offers_clause(name_giver, offers[0])}."
    return ""


def _about(name: str, profile: Profile, said: set[str]) -> str:
    """Something that matters to them, when they have nothing to offer the other
    (not what the message already says they have in common)."""
    goals = [f for f in profile.of(GOAL) if f.text not in said]
    cares = [f for f in profile.of(INTEREST, VALUE) if f.text not in said]
    if goals:
        return f"{name} is working towards this: {mid_sentence(goals[0].text)}."
    if cares:
        return f"{name} cares about {mid_sentence(cares[0].text)}."
    return ""


def compose(a, b, first: Profile, second: Profile, matches: list[Match]) -> str:
    a_name, b_name = short_names(a, b)
    helps_a = next((m for m in matches if m.kind == A_NEEDS), None)  # B's offer, A's need
    helps_b = next((m for m in matches if m.kind == B_NEEDS), None)  # A's offer, B's need
    common = next((m for m in matches if m.kind in (SHARED, GOALS)), None)
    a_offers = [f.text for f in first.of(OFFER)]
    b_offers = [f.text for f in second.of(OFFER)]
    lines = [f"Hi {a_name} and {b_name},", "",
             "I'd like to introduce you to each other: I think you'll be glad you met.", ""]
    said = {common.a_text, common.b_text} if common is not None else set()
    for_a = _what_for(b_name, b_offers, helps_a, giver_is_a=False) or \
        _about(b_name, second, said)
    for_b = _what_for(a_name, a_offers, helps_b, giver_is_a=True) or _about(a_name, first, said)
    lines.append(f"{a_name}, meet {b_name}." + (f" {for_a}" if for_a else ""))
    lines.append("")
    lines.append(f"{b_name}, meet {a_name}." + (f" {for_b}" if for_b else ""))
    if common is not None:
        lines.append("")
        if common.kind == SHARED:
            lines.append(f"You both care about {mid_sentence(common.a_text)}"
                         + ("." if common.a_text.casefold() == common.b_text.casefold()
                            else f" and {mid_sentence(common.b_text)}."))
        else:
            lines.append(f"You are both working towards something similar: "
                         f"{mid_sentence(common.a_text)}.")
    lines += ["", "I'll leave it to you to take it from here."]
    return "\n".join(lines)


def draft_message(intro) -> str:
    """The introduction to send once both have said yes, from their facts now."""
    first, second, matches = reasons_for(intro.workspace, intro.person_a, intro.person_b)
    return compose(intro.person_a, intro.person_b, first, second, matches)
