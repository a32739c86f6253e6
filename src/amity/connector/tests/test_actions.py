"""The consent-first workflow, relationships, and every bad input the issue names."""

from datetime import date, datetime

import pytest
import time_machine

from amity.connector import actions
from amity.connector.models import Introduction, IntroductionStep, Relationship
from amity.errors import Invalid, NotFound
from amity.exchange.models import LedgerEntry
from amity.followups.models import FollowUp
from amity.people.actions import archive_person


@pytest.fixture(autouse=True)
def frozen_day():
    with time_machine.travel(datetime(2026, 3, 10, 9, 0), tick=False):
        yield


def walk(workspace, intro, *steps):
    for step in steps:
        intro = actions.advance(workspace, intro, step)
    return intro


def nothing_written(workspace):
    return (Introduction.objects.count(), IntroductionStep.objects.count(),
            FollowUp.objects.count(), Relationship.objects.count(), LedgerEntry.objects.count())


def test_it_starts_an_introduction_with_a_reason_a_draft_and_a_follow_up(workspace, ana, ben):
    intro = actions.start_introduction(workspace, ana, ben)
    assert intro.status == "suggested"
    assert intro.reason == ("Ana needs a grant writer for the spring appeal; Ben writes grants "
                            "for free for small groups; both care about food sovereignty")
    assert "Ana, meet Ben. Ben writes grants for free for small groups, and you mentioned you " \
           "need a grant writer for the spring appeal." in intro.message
    assert "You both care about food sovereignty." in intro.message
    assert list(intro.steps.values_list("status", flat=True)) == ["suggested"]
    assert intro.follow_up.person == ana
    assert intro.follow_up.action == "Ask Ana whether they would like to meet Ben"
    assert intro.follow_up.due_on == date(2026, 3, 12)


def test_it_keeps_a_reason_and_message_given_by_hand(workspace, ana, ben):
    intro = actions.start_introduction(workspace, ana, ben, reason="Both love jazz",
                                       message="Hello you two")
    assert (intro.reason, intro.message) == ("Both love jazz", "Hello you two")


def test_it_walks_the_double_opt_in_to_introduced(workspace, ana, ben):
    intro = actions.start_introduction(workspace, ana, ben)
    intro = walk(workspace, intro, "asked-a")
    assert intro.follow_up.action == "Hear back from Ana about meeting Ben"
    assert intro.follow_up.due_on == date(2026, 3, 13)
    intro = walk(workspace, intro, "a_agreed")
    assert (intro.follow_up.person, intro.follow_up.action) == (
        ben, "Ask Ben whether they would like to meet Ana")
    intro = walk(workspace, intro, "asked-b", "b-agreed", "introduced")
    assert intro.status == "introduced"
    assert intro.introduced_on == date(2026, 3, 10)
    assert list(intro.steps.values_list("status", flat=True)) == [
        "suggested", "asked_a", "a_agreed", "asked_b", "b_agreed", "introduced"]
    # Each step's follow-up was closed as the next one was opened.
    assert FollowUp.objects.filter(done_at__isnull=True).count() == 1
    assert intro.follow_up.action == "Ask Ana whether they and Ben have met"


def test_an_introduction_made_becomes_an_edge_and_a_gift_to_both(workspace, ana, ben):
    intro = walk(workspace, actions.start_introduction(workspace, ana, ben),
                 "asked-a", "a-agreed", "asked-b", "b-agreed", "introduced")
    edge = Relationship.objects.get()
    assert (edge.person, edge.other, edge.kind, edge.introduction) == (
        ana, ben, "introduced", intro)
    entries = LedgerEntry.objects.order_by("person__display_name")
    assert [(e.person, e.direction, e.kind, e.description) for e in entries] == [
        (ana, "to_them", "introduction", "Introduced to Ben Okafor"),
        (ben, "to_them", "introduction", "Introduced to Ana Ruiz")]
    assert all(e.introduction == intro for e in entries)


def test_it_keeps_an_existing_relationship_when_they_are_introduced(workspace, ana, ben):
    actions.add_relationship(workspace, ana, ben, kind="friends", strength=3)
    walk(workspace, actions.start_introduction(workspace, ana, ben),
         "asked-a", "a-agreed", "asked-b", "b-agreed", "introduced")
    edge = Relationship.objects.get()
    assert (edge.kind, edge.strength) == ("friends", 3)
    assert edge.introduction is not None


def test_it_records_an_outcome_once_introduced(workspace, ana, ben):
    intro = walk(workspace, actions.start_introduction(workspace, ana, ben),
                 "asked-a", "a-agreed", "asked-b", "b-agreed", "introduced")
    intro = actions.advance(workspace, intro, "met", note="Coffee on Friday")
    assert (intro.outcome, intro.outcome_on) == ("met", date(2026, 3, 10))
    intro = actions.record_outcome(workspace, intro, "helped")
    assert intro.outcome == "helped"
    assert intro.steps.last().note == "Outcome: it helped."
    assert not FollowUp.objects.filter(done_at__isnull=True).exists()


@pytest.mark.parametrize(("at", "by"), [("asked_a", "a"), ("asked_b", "b"), ("a_agreed", "me")])
def test_it_declines_at_any_step_naming_who_said_no(workspace, ana, ben, at, by):
    intro = actions.start_introduction(workspace, ana, ben)
    path = ["asked-a", "a-agreed", "asked-b"]
    intro = walk(workspace, intro, *path[:path.index(at.replace("_", "-")) + 1])
    intro = actions.advance(workspace, intro, "declined")
    assert (intro.status, intro.declined_by) == ("declined", by)
    assert not FollowUp.objects.filter(done_at__isnull=True).exists()
    assert Relationship.objects.count() == 0 and LedgerEntry.objects.count() == 0


def test_it_declines_on_behalf_of_whom_you_say(workspace, ana, ben):
    intro = actions.decline(workspace, actions.start_introduction(workspace, ana, ben), by="b",
                            note="Too busy this spring")
    assert intro.steps.last().note == "Declined by Ben Okafor. Too busy this spring"


# -- bad input: a clear message, nothing changed ---------------------------------------

def test_it_refuses_to_introduce_a_person_to_themselves(workspace, ana):
    before = nothing_written(workspace)
    with pytest.raises(Invalid) as caught:
        actions.start_introduction(workspace, ana, ana)
    assert caught.value.errors == {"person_b": "An introduction needs two different people: "
                                               "Ana Ruiz was chosen twice."}
    assert nothing_written(workspace) == before


def test_it_refuses_an_archived_person(workspace, ana, ben):
    archive_person(workspace, ben)
    before = nothing_written(workspace)
    with pytest.raises(Invalid) as caught:
        actions.start_introduction(workspace, ana, ben)
    assert caught.value.errors == {"person_b": "Ben Okafor is archived: unarchive them before "
                                               "introducing them to anyone."}
    assert nothing_written(workspace) == before


def test_it_refuses_to_introduce_the_same_two_twice(workspace, ana, ben):
    first = actions.start_introduction(workspace, ana, ben)
    before = nothing_written(workspace)
    with pytest.raises(Invalid) as caught:
        actions.start_introduction(workspace, ben, ana)
    assert nothing_written(workspace) == before
    assert caught.value.errors["person_b"] == (
        f"Ben Okafor and Ana Ruiz already have an introduction under way (at “Suggested”): "
        f"see introduction #{first.pk}.")
    walk(workspace, first, "asked-a", "a-agreed", "asked-b", "b-agreed", "introduced")
    with pytest.raises(Invalid, match="were already introduced"):
        actions.start_introduction(workspace, ana, ben)
    assert Introduction.objects.count() == 1


def test_it_may_try_again_after_a_declined_introduction(workspace, ana, ben):
    actions.decline(workspace, actions.start_introduction(workspace, ana, ben), by="a")
    assert actions.start_introduction(workspace, ana, ben).status == "suggested"


def test_it_refuses_another_workspaces_person(workspace, ana, bobs_person):
    with pytest.raises(NotFound):
        actions.start_introduction(workspace, ana, bobs_person)
    with pytest.raises(NotFound):
        actions.add_relationship(workspace, bobs_person, ana)
    assert Introduction.objects.count() == 0 and Relationship.objects.count() == 0


def test_it_refuses_an_out_of_order_step_and_names_the_allowed_ones(workspace, ana, ben):
    intro = walk(workspace, actions.start_introduction(workspace, ana, ben), "asked-a")
    before = nothing_written(workspace)
    with pytest.raises(Invalid) as caught:
        actions.advance(workspace, intro, "introduced")
    assert caught.value.errors == {"step": (
        f"The introduction #{intro.pk} of Ana Ruiz and Ben Okafor is at “Asked the first "
        "person”, so it cannot go to “Introduced”. Next: a_agreed (First person agreed) "
        "or declined.")}
    assert nothing_written(workspace) == before
    intro.refresh_from_db()
    assert intro.status == "asked_a"


def test_it_refuses_to_go_back_or_repeat_a_step(workspace, ana, ben):
    intro = walk(workspace, actions.start_introduction(workspace, ana, ben), "asked-a")
    for step in ("asked-a", "suggested"):
        with pytest.raises(Invalid, match="is at “Asked the first person”"):
            actions.advance(workspace, intro, step)


def test_it_refuses_an_unknown_step(workspace, ana, ben):
    intro = actions.start_introduction(workspace, ana, ben)
    with pytest.raises(Invalid, match="'hugged' is not a step of an introduction"):
        actions.advance(workspace, intro, "hugged")


def test_it_refuses_a_step_after_the_end(workspace, ana, ben):
    intro = actions.decline(workspace, actions.start_introduction(workspace, ana, ben))
    with pytest.raises(Invalid, match="Next: none"):
        actions.advance(workspace, intro, "asked-a")
    with pytest.raises(Invalid, match="only an introduction under way can be declined"):
        actions.decline(workspace, intro)


def test_it_refuses_an_outcome_before_they_are_introduced(workspace, ana, ben):
    intro = actions.start_introduction(workspace, ana, ben)
    with pytest.raises(Invalid) as caught:
        actions.record_outcome(workspace, intro, "met")
    assert "an outcome is recorded once they have been introduced" in caught.value.errors[
        "outcome"]
    intro.refresh_from_db()
    assert intro.outcome == ""


def test_it_refuses_a_bad_decliner_and_a_bad_outcome(workspace, ana, ben):
    intro = actions.start_introduction(workspace, ana, ben)
    with pytest.raises(Invalid) as caught:
        actions.decline(workspace, intro, by="someone")
    assert set(caught.value.errors) == {"by"}
    with pytest.raises(Invalid, match="is not an outcome"):
        actions.record_outcome(workspace, intro, "fabulous")


def test_a_step_can_skip_its_follow_up(workspace, ana, ben):
    intro = actions.start_introduction(workspace, ana, ben, create_follow_up=False)
    intro = actions.advance(workspace, intro, "asked-a", create_follow_up=False)
    assert intro.follow_up is None and FollowUp.objects.count() == 0


# -- relationships ---------------------------------------------------------------------------

def test_it_records_who_knows_whom_low_id_first_and_updates_on_repeat(workspace, ana, ben):
    edge = actions.add_relationship(workspace, ben, ana, kind="colleague", strength="close")
    assert (edge.person, edge.other, edge.kind, edge.strength) == (ana, ben, "colleagues", 3)
    again = actions.add_relationship(workspace, ana, ben, kind="Friends", strength=1)
    assert again.pk == edge.pk and (again.kind, again.strength) == ("friends", 1)
    actions.remove_relationship(workspace, again)
    assert Relationship.objects.count() == 0


@pytest.mark.parametrize(("field", "kwargs"), [
    ("kind", {"kind": "rivals"}), ("strength", {"strength": 7}), ("other", {})])
def test_it_refuses_a_bad_relationship(workspace, ana, ben, field, kwargs):
    other = ana if field == "other" else ben
    with pytest.raises(Invalid) as caught:
        actions.add_relationship(workspace, ana, other, **kwargs)
    assert set(caught.value.errors) == {field}
    assert Relationship.objects.count() == 0


def test_another_workspaces_introduction_is_not_found(workspace, other_workspace, ana, ben):
    intro = actions.start_introduction(workspace, ana, ben)
    with pytest.raises(NotFound):
        actions.access_introduction(other_workspace, intro.pk)
