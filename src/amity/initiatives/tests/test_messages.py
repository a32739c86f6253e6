"""Personal drafts, and the check that catches a message that could go to anyone."""

from datetime import UTC, datetime

import pytest

from amity.conversations.actions import log_conversation
from amity.initiatives import actions
from amity.initiatives.messages import generic_warnings


@pytest.fixture
def ana(workspace, make_person, facts):
    ana = facts(make_person("Ana Ruiz"), offer="Grant writing for small charities",
                interest="food security", value="fairness")
    log_conversation(workspace, [ana], summary="Coffee at the market about the allotment waitlist",
                     happened_at=datetime(2026, 4, 20, 10, 0, tzinfo=UTC))
    return ana


@pytest.fixture
def seed_library(workspace):
    return actions.create_initiative(
        workspace, name="Seed library", starts_on="2026-06-01",
        description="A free seed library for the allotments. Everyone welcome.",
        needs="grant writing, interest: food security")


def test_the_draft_names_them_what_matters_to_them_and_your_last_conversation(
        workspace, ana, seed_library):
    message = actions.draft_invitation(workspace, seed_library, ana).message

    assert message.startswith("Hi Ana,")
    assert "our conversation on 20 April (Coffee at the market about the allotment waitlist)" \
        in message
    assert "you offer grant writing for small charities and you care about food security" \
        in message
    assert "Seed library: a free seed library for the allotments." in message
    assert "It needs grant writing and food security" in message
    assert "We begin on 1 June 2026." in message
    assert generic_warnings(message, ana) == []


def test_a_draft_for_someone_who_fits_nothing_still_says_what_matters_to_them(
        workspace, make_person, facts, seed_library):
    ben = facts(make_person("Ben Okafor", nickname="Benji"), goal="learn carpentry")

    message = actions.draft_invitation(workspace, seed_library, ben).message

    assert message.startswith("Hi Benji,")
    assert "I know you want to learn carpentry" in message
    assert "our conversation" not in message


def test_it_warns_about_a_message_that_could_go_to_anyone(ana):
    warnings = generic_warnings("We are starting a new project. Would you like to join?", ana)

    assert warnings[0] == "This message says nothing specific to Ana Ruiz: it could go to anyone."
    assert "It does not use Ana Ruiz's name." in warnings
    assert any("does not mention anything that matters to Ana Ruiz" in w for w in warnings)
    assert any("does not draw on your shared history" in w for w in warnings)


@pytest.mark.parametrize(("message", "missing"), [
    ("Hello! Since you care about food security, and we spoke at the market, join us?",
     "name"),
    ("Ana, when we met at the market you told me about the waitlist. Join us?", "matters"),
    ("Ana, you care about food security. Join us?", "history"),
])
def test_it_names_what_is_missing_and_only_that(ana, message, missing):
    warnings = generic_warnings(message, ana)

    assert len(warnings) == 1, warnings
    assert {"name": "name", "matters": "matters to Ana", "history": "shared history"}[missing] \
        in warnings[0]


def test_a_word_from_a_recent_conversation_counts_as_shared_history(ana):
    assert generic_warnings("Ana, about the allotment waitlist: fairness matters here.", ana) == []


def test_the_name_matches_without_accents_or_case(workspace, make_person, facts):
    jose = facts(make_person("José Álvarez"), interest="cycling")

    warnings = generic_warnings("jose, we met last week; you love cycling.", jose)

    assert warnings == []


def test_it_spots_the_leftovers_of_a_mail_merge(ana):
    warnings = generic_warnings("Dear {first_name}, Ana: food security; when we met...", ana)

    assert warnings[0].startswith("It reads like a mass mailing")


def test_it_warns_about_an_empty_message(ana):
    assert generic_warnings("  ", ana) == [
        "The message is empty: write a few lines that only Ana Ruiz could receive."]


def test_it_says_when_there_is_nothing_recorded_to_refer_to(make_person):
    stranger = make_person("Cleo North")

    warnings = generic_warnings("Cleo, join us?", stranger)

    assert any("nothing recorded about them yet" in w for w in warnings)
    assert any("no conversation with them on record yet" in w for w in warnings)


def test_a_topic_to_avoid_is_not_something_to_refer_to(workspace, make_person, facts):
    dee = facts(make_person("Dee Park"), avoid="politics")

    warnings = generic_warnings("Dee, politics aside, when we met...", dee)

    assert any("does not mention anything that matters to Dee Park" in w for w in warnings)
