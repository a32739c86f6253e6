"""The stage rules on small hand-made evidence, with the answers worked out by hand.

Each stage is reached by the smallest evidence that should reach it, and each
threshold is checked on both sides of its edge.
"""

from dataclasses import replace
from datetime import date, timedelta
from types import SimpleNamespace

import pytest

from amity.journey import rules
from amity.journey.rules import Context, Evidence, apply_pin, derive, describe, next_action

ANA = SimpleNamespace(display_name="Ana Ruiz")
FIRST_TALK = date(2026, 1, 5)

# The ladder, one rung at a time: each is the least evidence for its stage.
FIRST_CONTACT = Evidence(conversations=1, by_me=1, first_conversation=FIRST_TALK,
                         last_conversation=FIRST_TALK, recent_weeks=1, recent_months=1)
LISTENING = replace(FIRST_CONTACT, facts={"need": 1, "offer": 1})
CONNECTED = replace(LISTENING, conversations=2, by_them=1)
RAPPORT = replace(CONNECTED, recent_weeks=3, gave=1)
TRUSTED = replace(RAPPORT, conversations=3, by_them=2, received=1, recent_months=2,
                  last_conversation=FIRST_TALK + timedelta(days=60))


def stage_of(evidence: Evidence) -> str:
    return derive(evidence)[0]


@pytest.mark.parametrize(("evidence", "stage"), [
    (Evidence(), "noticed"),
    (FIRST_CONTACT, "first_contact"),
    (LISTENING, "listening"),
    (CONNECTED, "connected"),
    (RAPPORT, "rapport"),
    (TRUSTED, "trusted"),
    (Evidence(initiatives=1), "collaborating"),
], ids=lambda v: v if isinstance(v, str) else "")
def test_it_derives_each_stage_from_its_least_evidence(evidence, stage):
    assert stage_of(evidence) == stage


def test_it_counts_an_introduction_to_you_or_an_exchange_as_first_contact():
    assert stage_of(Evidence(introduced_to_you=True)) == "first_contact"
    assert stage_of(Evidence(gave=1)) == "first_contact"
    assert stage_of(Evidence(asks_received=1)) == "first_contact"


def test_it_needs_two_facts_one_of_them_about_what_matters_to_reach_listening():
    assert stage_of(replace(FIRST_CONTACT, facts={"need": 1})) == "first_contact"
    assert stage_of(replace(FIRST_CONTACT, facts={"offer": 1, "value": 1})) == "first_contact"
    for kind in ("need", "goal", "interest", "challenge"):
        assert stage_of(replace(FIRST_CONTACT, facts={kind: 1, "value": 1})) == "listening"


def test_it_does_not_count_facts_without_any_contact():
    assert stage_of(Evidence(facts={"need": 2, "goal": 1})) == "noticed"


@pytest.mark.parametrize(("by_me", "by_them", "mutual", "stage"), [
    (1, 1, 0, "connected"),
    (2, 0, 0, "listening"),     # only you reached out
    (0, 2, 0, "listening"),     # only they did
    (0, 0, 1, "listening"),     # one conversation cannot go both ways
    (0, 0, 2, "connected"),     # planned together, twice
    (1, 0, 1, "connected"),
    (0, 1, 1, "connected"),
], ids=lambda v: str(v))
def test_it_needs_contact_both_ways_to_reach_connected(by_me, by_them, mutual, stage):
    evidence = replace(LISTENING, conversations=by_me + by_them + mutual + 1,
                       by_me=by_me, by_them=by_them, mutual=mutual)
    assert stage_of(evidence) == stage


def test_it_needs_regular_contact_and_a_gift_from_you_to_reach_rapport():
    assert stage_of(replace(RAPPORT, recent_weeks=2)) == "connected"
    assert stage_of(replace(RAPPORT, gave=0)) == "connected"
    # A gift from them is welcome, but giving first is yours to do.
    assert stage_of(replace(RAPPORT, gave=0, received=3)) == "connected"
    assert stage_of(replace(RAPPORT, recent_weeks=3)) == "rapport"


@pytest.mark.parametrize("change", [
    {"by_them": 1, "conversations": 2, "by_me": 1},
    {"received": 0},
    {"facts": {"interest": 1, "goal": 1}},
    {"last_conversation": FIRST_TALK + timedelta(days=59)},
    {"recent_months": 1},
], ids=["one-they-started", "nothing-from-them", "no-need-shared", "59-days", "one-month"])
def test_it_stays_at_rapport_one_step_short_of_trust(change):
    assert stage_of(replace(TRUSTED, **change)) == "rapport"


def test_it_counts_an_ask_from_them_or_a_challenge_towards_trust():
    assert stage_of(replace(TRUSTED, received=0, asks_received=1)) == "trusted"
    assert stage_of(replace(TRUSTED, facts={"challenge": 1, "interest": 1})) == "trusted"


def test_it_lets_trust_settle_back_without_recent_contact():
    quiet = replace(TRUSTED, recent_weeks=0, recent_months=0)
    stage, reasons = derive(quiet)
    assert stage == "connected"
    assert "No contact in the last 3 months" in reasons


def test_it_takes_collaboration_from_a_shared_initiative_or_an_introduction_that_helped():
    assert stage_of(replace(FIRST_CONTACT, introductions=1, introductions_helped=1)) \
        == "collaborating"
    assert stage_of(replace(TRUSTED, initiatives=2)) == "collaborating"
    # Introduced, and they met, but it has not (yet) helped: a gift, not collaboration.
    assert stage_of(replace(CONNECTED, introductions=1, introductions_met=1)) == "connected"


def test_it_explains_the_stage_in_plain_words():
    evidence = replace(TRUSTED, conversations=4, by_me=1, by_them=2, mutual=1, gave=2,
                       received=1, asks_made=1, facts={"need": 1, "interest": 2})
    stage, reasons = derive(evidence)
    assert stage == "trusted"
    assert "4 conversations, 1 started by you, 2 by them, 1 planned together" in reasons
    assert "You know 3 things about them: 2 interests, 1 need" in reasons
    assert "You gave 2 things; they gave 1" in reasons
    assert "You asked them once; they asked you nothing" in reasons
    assert "Known for 2 months (first conversation 5 Jan 2026)" in reasons
    assert reasons[-1] == "For collaborating: a shared initiative or an introduction that helps."


def test_it_says_who_started_the_conversations():
    assert describe(Evidence(conversations=3, by_them=2))[0] == (
        "3 conversations, 2 started by them")
    assert describe(Evidence(conversations=2, mutual=2))[0] == (
        "2 conversations, 2 planned together")
    assert describe(Evidence(conversations=2))[0] == "2 conversations"


def test_it_says_what_the_next_stage_still_needs():
    _, reasons = derive(replace(CONNECTED, recent_weeks=1))
    assert reasons[-1] == ("For rapport: contact in 3 different weeks of the last 3 months; "
                           "something you give them.")
    _, reasons = derive(Evidence())
    assert reasons == ["No conversation recorded yet",
                       "Nothing recorded yet about what matters to them",
                       "Nothing given either way yet",
                       "For first contact: a first conversation."]


def test_it_describes_collaboration_first():
    _, reasons = derive(Evidence(initiatives=1, introductions=2, introductions_helped=1,
                                 introductions_met=1))
    assert reasons[0] == ("Part of 1 shared initiative; 2 introductions made with them "
                          "(1 helped, 1 led to a meeting)")


def test_a_pin_wins_and_an_unknown_pin_is_ignored():
    assert apply_pin("listening", "trusted") == ("trusted", True)
    assert apply_pin("listening", "") == ("listening", False)
    assert apply_pin("listening", "best friends") == ("listening", False)


# -- the next best action ---------------------------------------------------

def act(stage, evidence=None, **context):
    return next_action(stage, evidence or Evidence(), ANA, Context(**context))


def test_it_suggests_reaching_out_when_only_noticed():
    assert act("noticed") == ("Reach out to Ana Ruiz: say why you noticed them and ask for "
                              "a short conversation")
    assert act("noticed", introducer="Femi Adé").startswith(
        "Get in touch with Ana Ruiz: Femi Adé introduced you")


def test_it_suggests_asking_what_they_are_working_on_until_a_need_is_known():
    assert act("first_contact") == "Ask Ana Ruiz what they are working on and what matters to them"
    listening = replace(FIRST_CONTACT, facts={"interest": 2})
    assert act("listening", listening, interest="allotments") == (
        "Ask Ana Ruiz what they are working on and where they could use help")
    assert act("listening", LISTENING, need="a grant writer") == (
        "Follow up on “a grant writer”: send Ana Ruiz something useful and invite a reply")


def test_it_suggests_offering_something_when_connected_and_nothing_given():
    assert act("connected", CONNECTED, need="a grant writer", match="Ben Okafor",
               match_reason="Ben offers grant writing") == (
        "Offer something: an introduction to Ben Okafor (Ben offers grant writing)")
    assert act("connected", CONNECTED, need="a grant writer") == (
        "Offer something for “a grant writer”: a contact, a resource or an hour of your time")
    assert act("connected", CONNECTED, interest="urban farming") == (
        "Offer something: an article, an event or a contact about “urban farming”")
    assert act("connected", CONNECTED).startswith("Offer something: a useful contact")
    assert act("connected", replace(CONNECTED, gave=1)).startswith("Keep in touch with Ana Ruiz")


def test_it_suggests_deepening_at_rapport():
    no_need = replace(RAPPORT, facts={"interest": 2})
    assert act("rapport", no_need).startswith("Deepen the conversation")
    assert act("rapport", RAPPORT, need="volunteers") == (
        "Check in on “volunteers” and let Ana Ruiz know they can come to you")
    assert act("rapport", replace(RAPPORT, received=1), need="volunteers") == (
        "Keep the rhythm: check in with Ana Ruiz on “volunteers”")


def test_it_suggests_thanks_then_an_invitation_when_trusted():
    assert act("trusted", TRUSTED, last_received="the hall keys", thanked_since=False,
               open_initiative="Spring Harvest") == "Thank Ana Ruiz for “the hall keys”"
    assert act("trusted", TRUSTED, last_received="the hall keys", thanked_since=True,
               open_initiative="Spring Harvest") == "Invite Ana Ruiz to Spring Harvest"
    assert act("trusted", TRUSTED, match="Ben Okafor") == "Introduce Ana Ruiz to Ben Okafor"
    assert act("trusted", TRUSTED, goal="a city food plan") == (
        "Ask Ana Ruiz how you could work together on “a city food plan”")


def test_it_suggests_keeping_a_collaboration_going():
    assert act("collaborating", their_initiative="Spring Harvest") == (
        "Share news of Spring Harvest with Ana Ruiz and ask what they need to keep going")
    assert act("collaborating", open_initiative="Seed Library") == (
        "Invite Ana Ruiz to Seed Library")
    assert act("collaborating") == "Ask Ana Ruiz what you could do together next"


def test_every_stage_has_a_next_action():
    for stage in rules.ORDER:
        assert act(stage)
