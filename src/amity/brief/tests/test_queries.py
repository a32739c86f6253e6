"""The brief's read model, on Ana's known history (see conftest.py)."""

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

from amity.brief.queries import build_brief, open_asks
from amity.conversations.actions import log_conversation
from amity.exchange.actions import record_entry
from amity.followups.actions import create_follow_up
from amity.people.actions import add_fact
from amity.questions.actions import ask_question


def test_it_says_who_they_are(workspace, ana, ben):
    brief = build_brief(workspace, ana)
    assert [(a.organisation.name, a.role, a.represents) for a in brief.organisations] == [
        ("Food Bank", "Coordinator", True)]  # the Seed Library is in the past
    assert brief.introduced_by == ben
    assert brief.assessment.label and brief.assessment.stage


def test_it_flags_what_matters_that_has_not_been_confirmed_for_long(workspace, ana):
    brief = build_brief(workspace, ana)
    facts = {f.text: f.stale for g in brief.fact_groups for f in g.facts}
    assert facts == {"a grant writer": True, "community gardens": False}
    assert brief.stale_count == 1
    assert [g.label for g in brief.fact_groups if g.facts] == ["Interest", "Need"]


def test_it_shows_the_last_three_conversations_newest_first(workspace, ana):
    conversations = build_brief(workspace, ana).conversations
    assert [c.summary for c in conversations] == [
        "Coffee at the market", "Call about the spring appeal", "Walk round the allotments"]
    assert conversations[0].their_mood == "hopeful" and conversations[0].others == []


def test_it_lists_open_follow_ups_and_the_asks_still_waiting(workspace, ana):
    brief = build_brief(workspace, ana)
    assert [f.action for f in brief.follow_ups] == ["Send her the land trust article"]
    assert [e.description for e in brief.open_asks.from_them] == [
        "an introduction to the council"]
    assert brief.open_asks.to_them == []  # she reviewed the bid after you asked


def test_it_closes_their_ask_once_you_give_something_after_it(workspace, ana):
    record_entry(workspace, ana, direction="to_them", kind="introduction",
                 description="introduced her to Cllr Patel", occurred_on=date(2026, 4, 2))
    asks = open_asks(workspace, ana)
    assert asks.from_them == [] and asks.to_them == []


def test_it_gives_the_balance_and_the_last_gift(workspace, ana):
    balance = build_brief(workspace, ana).balance
    assert (balance.given, balance.received, balance.asks_made, balance.asks_received) == (
        1, 1, 1, 1)
    assert balance.last_given.description == "shared the funder list"


def test_it_suggests_questions_not_yet_asked_and_shows_the_asked_ones(workspace, ana):
    first = build_brief(workspace, ana)
    assert len(first.suggested_questions) == 3
    question = first.suggested_questions[0]
    ask_question(workspace, ana, question, answer="a van for deliveries", fact_kind="need")
    again = build_brief(workspace, ana)
    assert question not in again.suggested_questions
    assert [a.answer for a in again.asked_before] == ["a van for deliveries"]


def _count(workspace, person) -> int:
    with CaptureQueriesContext(connection) as queries:
        build_brief(workspace, person)
    return len(queries)


def test_it_reads_in_a_bounded_number_of_queries(workspace, ana, make_person,
                                                 django_assert_max_num_queries):
    with django_assert_max_num_queries(30):
        build_brief(workspace, ana)
    before = _count(workspace, ana)
    # Much more history costs no more queries.
    friends = [make_person(f"Friend {i}") for i in range(5)]
    for i in range(25):
        add_fact(workspace, ana, kind="offer", text=f"offer {i}", learned_on="2023-01-01")
        log_conversation(workspace, [ana, friends[i % 5]], summary=f"Chat {i}",
                         happened_at=f"2026-04-{i + 1:02d}")
        create_follow_up(workspace, ana, action=f"Step {i}", due_on="+3d")
        record_entry(workspace, ana, direction="from_them", kind="ask", description=f"Ask {i}")
    # The connector re-reads the changed facts once (one query), then answers from its index.
    build_brief(workspace, ana)
    assert _count(workspace, ana) <= before
