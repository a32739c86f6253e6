"""The demo network's relationship craft: every feature of the craft has
something real to show, and the evidence behind each journey stage is true
(who knows whom, gives and asks, introductions, initiatives, events, goals,
focus, pins)."""

from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db.models import Count, Max, Min

from amity.connector.models import Introduction, IntroStatus, Outcome, Relationship
from amity.conversations.models import Participation
from amity.demo import generate
from amity.demo import vocabulary as V
from amity.events.models import Attendance, Event
from amity.exchange.models import LedgerEntry
from amity.followups.models import FollowUp
from amity.goals.models import FOCUS_LIMIT, FocusEntry, Goal
from amity.initiatives.models import Initiative, InitiativeKind, InvitationStatus, Participant
from amity.journey.assess import assess
from amity.journey.stages import Stage
from amity.organisations.models import Affiliation
from amity.people.models import Fact, Person
from amity.questions.actions import retire_question
from amity.questions.models import AskedQuestion, Question
from amity.terms import terms

NOW = datetime(2026, 3, 10, 15, 30, tzinfo=UTC)
TODAY = NOW.date()
STEPS = ["suggested", "asked_a", "a_agreed", "asked_b", "b_agreed", "introduced"]


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def demo(workspace):
    generate(workspace, people=60, seed=1)
    return workspace


def people_in_conversations(workspace) -> set[int]:
    return set(Participation.objects.filter(person__workspace=workspace)
               .values_list("person_id", flat=True))


# -- needs and offers --------------------------------------------------------------------

def test_it_words_each_need_so_that_an_offer_of_its_topic_shares_a_word_with_it():
    for topic, needs, offers in V.NEEDS_AND_OFFERS:
        for need in needs:
            assert any(terms(need) & terms(offer) for offer in offers), (topic, need)
        for offer in offers:
            assert any(terms(need) & terms(offer) for need in needs), (topic, offer)


def test_its_needs_meet_offers_of_other_people_and_interests_are_shared(demo):
    facts = list(Fact.objects.in_workspace(demo).values_list("person_id", "kind", "text"))
    offers = [(person, terms(text)) for person, kind, text in facts if kind == "offer"]
    needs = [(person, terms(text)) for person, kind, text in facts if kind == "need"]
    met = [any(other != person and words & offered for other, offered in offers)
           for person, words in needs]
    assert needs and sum(met) >= 0.75 * len(needs)  # most, even among only 60 people
    interests = Counter(text for _, kind, text in facts if kind in ("interest", "value"))
    assert interests.most_common(1)[0][1] >= 3  # several people care about the same thing


# -- who knows whom ---------------------------------------------------------------------

def test_relationships_are_stored_low_id_first_once_and_never_with_the_noticed(demo):
    edges = list(Relationship.objects.in_workspace(demo).values_list("person_id", "other_id"))
    assert edges and all(a < b for a, b in edges)
    assert len(set(edges)) == len(edges)
    talked_to = people_in_conversations(demo)
    assert all(a in talked_to and b in talked_to for a, b in edges)
    degree = Counter(p for edge in edges for p in edge)
    assert 2 <= sum(degree.values()) / len(degree) <= 4


def test_most_relationships_are_between_colleagues_or_neighbours(demo):
    orgs = {}
    for person, organisation in Affiliation.objects.in_workspace(demo).filter(
            end_on__isnull=True).values_list("person_id", "organisation_id"):
        orgs.setdefault(person, set()).add(organisation)
    place = dict(Person.objects.in_workspace(demo).values_list("pk", "location"))
    edges = list(Relationship.objects.in_workspace(demo).exclude(kind="introduced")
                 .values_list("person_id", "other_id"))
    close = [a for a, b in edges if orgs.get(a, set()) & orgs.get(b, set())
             or (place[a] and place[a] == place[b])]
    assert len(close) > len(edges) / 2


# -- the ledger ---------------------------------------------------------------------------

def test_the_ledger_goes_both_ways_on_days_of_the_persons_own_conversations(demo):
    entries = LedgerEntry.objects.in_workspace(demo)
    assert {(e.direction, e.kind == "ask") for e in entries} == {
        ("to_them", False), ("from_them", False), ("to_them", True), ("from_them", True)}
    assert entries.values("person").distinct().count() >= 60 * 0.3
    days = {}
    for person, at in Participation.objects.filter(person__workspace=demo).values_list(
            "person_id", "conversation__happened_at"):
        days.setdefault(person, set()).add(at.date())
    plain = entries.filter(introduction__isnull=True, invitation__isnull=True)
    assert plain.exists()
    for entry in plain:
        assert entry.occurred_on in days[entry.person_id], entry


# -- introductions ---------------------------------------------------------------------------

def test_introductions_occur_in_every_status_with_steps_reasons_and_drafts(demo):
    intros = list(Introduction.objects.in_workspace(demo).prefetch_related("steps"))
    assert {i.status for i in intros} == set(IntroStatus.values)
    made = [i for i in intros if i.status == IntroStatus.INTRODUCED]
    assert {i.outcome for i in made} == set(Outcome.values)  # met, helped, nothing, not yet
    assert {i.declined_by for i in intros if i.status == IntroStatus.DECLINED} == {"a", "b"}
    for intro in intros:
        # In workflow order, each consent before the next step; an outcome is a step too.
        if intro.status == IntroStatus.DECLINED:
            expected = STEPS[:2 if intro.declined_by == "a" else 4] + ["declined"]
        else:
            expected = STEPS[:STEPS.index(intro.status) + 1] + ["introduced"] * bool(
                intro.outcome)
        steps = list(intro.steps.all())
        assert [s.status for s in steps] == expected
        assert steps[0].happened_at == intro.created_at and steps[-1].happened_at <= NOW
        need = intro.reason.split(" needs ", 1)[1].split(";", 1)[0]
        assert intro.status == IntroStatus.SUGGESTED or need in intro.message


def test_an_introduction_made_is_an_edge_and_a_gift_to_both_people(demo):
    made = Introduction.objects.in_workspace(demo).filter(status=IntroStatus.INTRODUCED)
    assert made.exists()
    for intro in made:
        low, high = sorted((intro.person_a_id, intro.person_b_id))
        edge = Relationship.objects.get(person_id=low, other_id=high)
        assert edge.kind == "introduced" and edge.introduction_id == intro.pk
        gifts = LedgerEntry.objects.filter(introduction=intro, direction="to_them",
                                           kind="introduction")
        assert set(gifts.values_list("person_id", flat=True)) == {intro.person_a_id,
                                                                  intro.person_b_id}
        assert intro.introduced_on <= TODAY
        assert intro.outcome_on is None or intro.introduced_on < intro.outcome_on < TODAY
    waiting = Introduction.objects.in_workspace(demo).exclude(status=IntroStatus.DECLINED).filter(
        outcome="")
    assert waiting.count() >= 6
    for intro in waiting:  # the follow-up that moves it on, for the person whose turn it is
        assert intro.follow_up.done_at is None
        assert intro.follow_up.person_id == (
            intro.person_b_id if intro.status in ("a_agreed", "asked_b") else intro.person_a_id)
    assert not Introduction.objects.in_workspace(demo).exclude(outcome="").filter(
        follow_up__isnull=False).exists()


# -- initiatives and invitations ---------------------------------------------------------------

def test_initiatives_have_needs_participants_and_invitations_in_every_status(demo):
    initiatives = Initiative.objects.in_workspace(demo).annotate(
        needed=Count("needs", distinct=True), taking_part=Count("participants", distinct=True))
    assert {i.kind for i in initiatives} == set(InitiativeKind.values)
    assert {i.status for i in initiatives} == {"planning", "active", "closed"}
    assert all(i.description and i.needed and i.taking_part for i in initiatives)
    invitations = [v for i in initiatives for v in i.invitations.select_related("person")]
    assert {v.status for v in invitations} == set(InvitationStatus.values)
    for v in invitations:
        accepted = v.status == InvitationStatus.ACCEPTED
        assert accepted == Participant.objects.filter(
            initiative=v.initiative, person=v.person, joined_on=v.answered_on).exists()
        assert (v.sent_on is None) == (v.status == InvitationStatus.DRAFTED)
        assert (v.sent_on is not None) == LedgerEntry.objects.filter(invitation=v).exists()
    sent = [v for v in invitations if v.status == InvitationStatus.SENT]
    assert min(v.sent_on for v in sent) < TODAY - timedelta(days=20)  # long without answer
    assert max(v.sent_on for v in sent) > TODAY - timedelta(days=7)   # and recently
    for v in invitations:  # a follow-up a week after sending, done once answered
        assert (v.follow_up is None) == (v.sent_on is None)
        assert v.follow_up is None or (v.follow_up.done_at is None) == (v.status == "sent")
    personal = [v for v in invitations if any(
        name in v.message for name in (v.person.nickname, *v.person.given_name.split()) if name)]
    assert len(personal) >= len(invitations) - 1  # one bland draft, on purpose
    assert not any(v.initiative.is_closed for v in invitations
                   if v.status in ("drafted", "sent"))


# -- events ------------------------------------------------------------------------------

def test_events_past_and_coming_with_people_met_new_people_and_follow_ups(demo):
    events = Event.objects.in_workspace(demo)
    recent = events.get(starts_on__gte=TODAY - timedelta(days=7), starts_on__lt=TODAY)
    met = Attendance.objects.filter(event=recent, status="met").select_related("person")
    new = [a.person for a in met if a.is_new]
    assert new and len(met) > len(new)
    for person in new:
        assert person.created_at.date() == recent.starts_on == person.met_on
        assert person.last_contact_at.date() == recent.starts_on
    due = FollowUp.objects.in_workspace(demo).filter(
        person__in=[a.person for a in met], done_at__isnull=True,
        due_on__range=(TODAY + timedelta(days=1), TODAY + timedelta(days=5)))
    assert due.exists()
    coming = events.filter(starts_on__gt=TODAY)
    assert coming.count() >= 2
    assert Attendance.objects.filter(event__in=coming, status="expected").exists()
    assert not Attendance.objects.filter(event__in=coming, status="met").exists()
    assert Attendance.objects.filter(event__starts_on__lt=recent.starts_on, status="met").exists()


# -- goals, focus and pins -------------------------------------------------------------------

def test_goals_and_a_focus_list_of_three_with_what_you_can_offer(demo):
    statuses = Counter(Goal.objects.in_workspace(demo).values_list("status", flat=True))
    assert 2 <= statuses["active"] <= 3 and statuses["achieved"] == 1
    focus = FocusEntry.objects.in_workspace(demo)
    assert focus.count() == FOCUS_LIMIT == 3
    assert all(entry.offer for entry in focus)
    assert focus.filter(goal__isnull=False).exists()


def test_a_handful_of_people_have_a_stage_pinned_by_hand(demo):
    pinned = Person.objects.in_workspace(demo).exclude(stage_pin="")
    assert 3 <= pinned.count() <= 6
    assert all(p.stage_pin in Stage.values and p.stage_pinned_at for p in pinned)


def test_some_people_were_asked_questions_whose_answers_became_their_facts(demo):
    asked = list(AskedQuestion.objects.in_workspace(demo).select_related(
        "question", "fact", "person"))
    assert 5 <= len(asked) <= 60
    stages = assess(demo, [a.person for a in asked])
    order = list(Stage.values)
    for a in asked:
        assert a.question.workspace_id == demo.pk and a.question.builtin_key
        assert a.fact.person_id == a.person_id and a.fact.workspace_id == demo.pk
        assert (a.answer, a.asked_on) == (a.fact.text, a.fact.learned_on)
        assert a.question.fact_kind == a.fact.kind
        # Asked at listening or beyond, with a question that fits that far along.
        reached = order.index(stages[a.person_id].derived)
        assert reached >= order.index(Stage.LISTENING)
        assert not a.question.stage or order.index(a.question.stage) <= reached
    pairs = [(a.person_id, a.question_id) for a in asked]
    assert len(pairs) == len(set(pairs))


def test_a_retired_question_is_not_asked(workspace, other_workspace):
    from amity.questions.actions import ensure_bank

    generate(workspace, people=60, seed=2)
    ensure_bank(other_workspace)
    most_asked = Counter(AskedQuestion.objects.in_workspace(workspace)
                         .values_list("question__builtin_key", flat=True)).most_common(1)[0][0]
    retire_question(other_workspace, Question.objects.in_workspace(other_workspace)
                    .get(builtin_key=most_asked))

    made = generate(other_workspace, people=60, seed=2, fast=True)

    asked = AskedQuestion.objects.in_workspace(other_workspace)
    assert made["asked_questions"] == asked.count() > 0
    assert not asked.filter(question__builtin_key=most_asked).exists()


# -- the journey ---------------------------------------------------------------------------

def test_every_stage_of_the_journey_occurs(demo):
    people = list(Person.objects.in_workspace(demo))
    derived = Counter(a.derived for a in assess(demo, people).values())
    if set(derived) != {Stage.NOTICED}:
        assert set(derived) == set(Stage.values), derived
        return
    # The rule set has not landed yet: the raw evidence behind each stage instead.
    conversations = dict(Participation.objects.filter(person__workspace=demo)
                         .values("person_id").annotate(n=Count("id"))
                         .values_list("person_id", "n"))
    assert any(p.pk not in conversations for p in people)                # noticed
    assert 1 in conversations.values()                                   # first contact
    by_them = Counter(Participation.objects.filter(
        person__workspace=demo, conversation__initiated_by="them").values_list(
        "person_id", flat=True))
    assert any(n >= 5 for n in by_them.values())                         # trusted
    assert Participant.objects.in_workspace(demo).exists()               # collaborating


def test_people_only_noticed_have_no_evidence_of_contact(demo):
    talked_to = people_in_conversations(demo)
    noticed = Person.objects.in_workspace(demo).exclude(pk__in=talked_to)
    assert noticed.exists()
    assert not noticed.filter(introduced_by__isnull=False).exists()
    assert not LedgerEntry.objects.filter(person__in=noticed).exists()
    assert not Participant.objects.filter(person__in=noticed).exists()


def test_trusted_people_have_known_you_for_months_and_come_to_you(demo):
    span = (Participation.objects.filter(person__workspace=demo)
            .values("person_id").annotate(first=Min("conversation__happened_at"),
                                          last=Max("conversation__happened_at")))
    long_known = {row["person_id"] for row in span if row["last"] - row["first"] > timedelta(
        days=60)}
    came = set(LedgerEntry.objects.in_workspace(demo).filter(direction="from_them")
               .values_list("person_id", flat=True))
    assert long_known & came


# -- sizes ---------------------------------------------------------------------------------

@pytest.mark.parametrize("people", [1, 2, 5, 12, 39])
def test_a_tiny_network_still_comes_out_whole(workspace, people):
    made = generate(workspace, people=people, fast=people % 2 == 0)

    assert Person.objects.in_workspace(workspace).count() == people
    assert made["goals"] == Goal.objects.in_workspace(workspace).count() == 4
    assert made["focus"] == FocusEntry.objects.in_workspace(workspace).count() == min(3, people)
    assert all(a < b for a, b in Relationship.objects.in_workspace(workspace)
               .values_list("person_id", "other_id"))
