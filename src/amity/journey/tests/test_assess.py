"""Assessing relationships from real rows: conversations, facts, the ledger,
initiatives and introductions, for one person or a batch.

Introductions and participations are made as plain rows: their workflows belong
to the connector and initiatives apps.
"""

from datetime import date, datetime, timedelta

import pytest
import time_machine

from amity.connector.matching import Suggestion
from amity.connector.models import Introduction, IntroStatus, Outcome
from amity.conversations.actions import log_conversation
from amity.exchange.actions import record_entry
from amity.initiatives.models import Initiative, InitiativeStatus, Invitation, Participant
from amity.journey.actions import clear_stage_pin, pin_stage
from amity.journey.appreciation import thank_you_prompts
from amity.journey.assess import assess, assess_one
from amity.people.actions import add_fact

TODAY = date(2026, 3, 10)


@pytest.fixture(autouse=True)
def frozen_day():
    with time_machine.travel(datetime(2026, 3, 10, 9, 0), tick=False):
        yield


def talk(workspace, person, days_ago: int, by: str, summary="Catch-up"):
    return log_conversation(workspace, [person], summary=summary, initiated_by=by,
                            happened_at=(TODAY - timedelta(days=days_ago)).isoformat())


def gift(workspace, person, direction, description, days_ago=0, kind="help"):
    return record_entry(workspace, person, direction=direction, kind=kind,
                        description=description,
                        occurred_on=TODAY - timedelta(days=days_ago))


@pytest.fixture
def ana(workspace, make_person):
    """Known since 30 December, who comes to Alice: trusted, on the evidence."""
    ana = make_person("Ana Ruiz", cadence_days=14)
    for days_ago, by in ((70, "me"), (40, "them"), (20, "them"), (10, "mutual"), (3, "me")):
        talk(workspace, ana, days_ago, by)
    add_fact(workspace, ana, kind="need", text="a grant writer for the spring appeal")
    add_fact(workspace, ana, kind="interest", text="allotments")
    gift(workspace, ana, "to_them", "shared the funder list", days_ago=30, kind="information")
    gift(workspace, ana, "from_them", "lent us the hall", days_ago=5)
    return ana


def test_it_derives_trust_from_real_rows_and_says_why(workspace, ana):
    assessment = assess_one(workspace, ana)
    assert (assessment.stage, assessment.derived, assessment.pinned) == (
        "trusted", "trusted", False)
    assert assessment.label == "Trusted"
    assert "5 conversations, 2 started by you, 2 by them, 1 planned together" \
        in assessment.evidence
    assert "You know 2 things about them: 1 interest, 1 need" in assessment.evidence
    assert "You gave 1 thing; they gave 1" in assessment.evidence
    assert "In touch in 5 weeks and 4 months of the last 3 months" in assessment.evidence
    assert "Known for 2 months (first conversation 30 Dec 2025)" in assessment.evidence
    # They gave last and nobody has thanked them yet.
    assert assessment.next_action == "Thank Ana Ruiz for “lent us the hall”"


def test_it_suggests_an_invitation_once_thanked(workspace, ana):
    gift(workspace, ana, "to_them", "Thank-you card", kind="appreciation")
    spring = Initiative.objects.create(workspace=workspace, name="Spring Harvest",
                                       status=InitiativeStatus.ACTIVE)
    Initiative.objects.create(workspace=workspace, name="Old campaign",
                              status=InitiativeStatus.CLOSED)
    assert assess_one(workspace, ana).next_action == "Invite Ana Ruiz to Spring Harvest"
    # Already invited: nothing left to invite her to.
    Invitation.objects.create(workspace=workspace, initiative=spring, person=ana)
    assert "Invite" not in assess_one(workspace, ana).next_action


def test_a_pinned_stage_wins_and_the_derived_one_is_still_shown(workspace, ana):
    pin_stage(workspace, ana, "collaborating")
    pinned = assess_one(workspace, ana)
    assert (pinned.stage, pinned.derived, pinned.pinned) == ("collaborating", "trusted", True)
    assert pinned.evidence[0] == "Pinned by hand on 10 Mar 2026; the evidence says trusted"
    clear_stage_pin(workspace, ana)
    assert assess_one(workspace, ana).pinned is False


def test_it_counts_a_shared_initiative_as_collaboration(workspace, make_person):
    kofi = make_person("Kofi Mensah")
    harvest = Initiative.objects.create(workspace=workspace, name="Spring Harvest",
                                        status=InitiativeStatus.ACTIVE)
    Participant.objects.create(workspace=workspace, initiative=harvest, person=kofi,
                               role="volunteer lead")
    assessment = assess_one(workspace, kofi)
    assert assessment.stage == "collaborating"
    assert assessment.evidence[0] == "Part of 1 shared initiative"
    assert assessment.next_action == ("Share news of Spring Harvest with Kofi Mensah and ask "
                                      "what they need to keep going")


def test_it_counts_an_introduction_that_helped_on_both_sides(workspace, make_person):
    ana, ben, chidi = make_person("Ana Ruiz"), make_person("Ben Okafor"), make_person("Chidi")
    Introduction.objects.create(workspace=workspace, person_a=ana, person_b=ben,
                                status=IntroStatus.INTRODUCED, outcome=Outcome.HELPED)
    Introduction.objects.create(workspace=workspace, person_a=chidi, person_b=ana,
                                status=IntroStatus.ASKED_A)  # not made yet: not counted
    result = assess(workspace, [ana, ben, chidi])
    assert result[ana.pk].stage == result[ben.pk].stage == "collaborating"
    assert result[ana.pk].evidence[0] == "1 introduction made with them (1 helped)"
    assert result[chidi.pk].stage == "noticed"


def test_it_names_who_introduced_them(workspace, make_person):
    femi = make_person("Femi Adé")
    from amity.people.actions import create_person

    gita = create_person(workspace, display_name="Gita Rao", introduced_by=femi)
    assessment = assess_one(workspace, gita)
    assert assessment.stage == "first_contact"
    assert "They were introduced to you" in assessment.evidence


def test_it_offers_an_introduction_from_the_connector_on_the_person_page(
        workspace, make_person, monkeypatch):
    ana, ben = make_person("Ana Ruiz"), make_person("Ben Okafor")
    talk(workspace, ana, 9, "me")
    talk(workspace, ana, 2, "them")
    add_fact(workspace, ana, kind="need", text="a grant writer")
    add_fact(workspace, ana, kind="goal", text="fund the spring programme")

    def suggest_for(ws, person, limit=5):
        return [Suggestion(person, ben, 1.0, "Ana needs a grant writer; Ben offers grant "
                                             "writing")]

    monkeypatch.setattr("amity.connector.matching.suggest_for", suggest_for)
    assert assess_one(workspace, ana).next_action == (
        "Offer something: an introduction to Ben Okafor (Ana needs a grant writer; "
        "Ben offers grant writing)")
    # A batch (the agenda) does not ask the connector: it offers from the need.
    assert assess(workspace, [ana])[ana.pk].next_action.startswith(
        "Offer something for “a grant writer”")


def test_it_keeps_each_workspace_to_itself(workspace, other_workspace, make_person):
    ana = make_person("Ana Ruiz")
    talk(workspace, ana, 3, "me")
    # Bob's workspace has rows of its own; none of them count for Alice's Ana.
    zed = make_person("Zed Zimmer", ws=other_workspace)
    log_conversation(other_workspace, [zed], summary="Bob's chat", initiated_by="them")
    record_entry(other_workspace, zed, direction="to_them", kind="help", description="x")
    assert assess(workspace, [ana])[ana.pk].evidence[0] == "1 conversation, 1 started by you"


def _busy_people(workspace, make_person, count):
    harvest = Initiative.objects.create(workspace=workspace, name=f"Harvest {count}",
                                        status=InitiativeStatus.ACTIVE)
    people = []
    for i in range(count):
        person = make_person(f"Person {count}-{i:02d}")
        talk(workspace, person, 20 + i % 7, "them")
        talk(workspace, person, 3, "me")
        add_fact(workspace, person, kind="need", text=f"need {i}")
        add_fact(workspace, person, kind="interest", text=f"interest {i}")
        gift(workspace, person, "to_them", f"gift {i}")
        gift(workspace, person, "from_them", f"help {i}")
        if i % 5 == 0:
            Participant.objects.create(workspace=workspace, initiative=harvest, person=person)
        if i % 7 == 1:
            Introduction.objects.create(workspace=workspace, person_a=person,
                                        person_b=people[0], status=IntroStatus.INTRODUCED,
                                        outcome=Outcome.MET)
        people.append(person)
    return people


def test_it_assesses_a_batch_in_a_fixed_number_of_queries(workspace, make_person,
                                                          django_assert_max_num_queries):
    few = _busy_people(workspace, make_person, 3)
    many = _busy_people(workspace, make_person, 50)
    with django_assert_max_num_queries(8) as small:
        assess(workspace, few)
    with django_assert_max_num_queries(len(small.captured_queries)):
        result = assess(workspace, many)
    assert len(result) == 50
    assert {a.stage for a in result.values()} >= {"connected", "collaborating"}


def test_it_assesses_nobody_without_a_query(workspace, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert assess(workspace, []) == {}


# -- appreciation ---------------------------------------------------------------

def test_it_prompts_thanks_after_a_good_introduction_or_joining_until_thanked(
        workspace, make_person):
    ana, ben, kofi, old = (make_person(n) for n in ("Ana Ruiz", "Ben Okafor", "Kofi Mensah",
                                                    "Olu Old"))
    Introduction.objects.create(workspace=workspace, person_a=ana, person_b=ben,
                                status=IntroStatus.INTRODUCED, outcome=Outcome.HELPED,
                                outcome_on=TODAY - timedelta(days=4))
    Introduction.objects.create(workspace=workspace, person_a=old, person_b=ben,
                                status=IntroStatus.INTRODUCED, outcome=Outcome.MET,
                                outcome_on=TODAY - timedelta(days=45))
    Introduction.objects.create(workspace=workspace, person_a=kofi, person_b=old,
                                status=IntroStatus.INTRODUCED, outcome=Outcome.NOTHING,
                                outcome_on=TODAY - timedelta(days=2))
    harvest = Initiative.objects.create(workspace=workspace, name="Spring Harvest")
    Participant.objects.create(workspace=workspace, initiative=harvest, person=kofi,
                               role="treasurer", joined_on=TODAY - timedelta(days=1))

    prompts = thank_you_prompts(workspace, TODAY)
    assert [(p.person.display_name, p.why) for p in prompts] == [
        ("Kofi Mensah", "joined Spring Harvest as treasurer"),
        ("Ana Ruiz", "your introduction to Ben Okafor helped"),
        ("Ben Okafor", "your introduction to Ana Ruiz helped"),
    ]
    # A thank-you before the introduction worked out does not count; one after does.
    gift(workspace, ana, "to_them", "Thanks for the tip", days_ago=10, kind="appreciation")
    gift(workspace, ben, "to_them", "Thank-you note", days_ago=0, kind="appreciation")
    assert [p.person.display_name for p in thank_you_prompts(workspace, TODAY)] == [
        "Kofi Mensah", "Ana Ruiz"]


def test_it_prompts_thanks_in_a_fixed_number_of_queries(workspace, make_person,
                                                        django_assert_max_num_queries):
    harvest = Initiative.objects.create(workspace=workspace, name="Spring Harvest")
    for i in range(30):
        a, b = make_person(f"A {i}"), make_person(f"B {i}")
        Introduction.objects.create(workspace=workspace, person_a=a, person_b=b,
                                    status=IntroStatus.INTRODUCED, outcome=Outcome.MET,
                                    outcome_on=TODAY)
        Participant.objects.create(workspace=workspace, initiative=harvest, person=a)
    with django_assert_max_num_queries(3):
        prompts = thank_you_prompts(workspace, TODAY)
    assert len(prompts) == 8
