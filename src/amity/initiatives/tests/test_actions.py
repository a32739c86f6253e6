"""Initiatives, needs, participants and the invitation workflow, through the actions."""

from datetime import UTC, date, datetime

import pytest
import time_machine

from amity.errors import Invalid, NotFound
from amity.exchange.models import LedgerEntry
from amity.followups.models import FollowUp
from amity.initiatives import actions
from amity.initiatives.models import Initiative, Invitation, Need, Participant

MONDAY = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)


def needs_of(initiative):
    return [(n.kind, n.text) for n in initiative.needs.all()]


# -- initiatives --------------------------------------------------------------

def test_it_creates_an_initiative_with_needs_from_a_comma_separated_string(workspace):
    initiative = actions.create_initiative(
        workspace, name="  Seed library ", kind="working group", starts_on="2026-06-01",
        needs="grant writing,  interest: food security , role: Treasurer,, grant writing")

    assert initiative.name == "Seed library"
    assert initiative.kind == "working_group"
    assert initiative.status == "planning"
    assert initiative.starts_on == date(2026, 6, 1)
    assert needs_of(initiative) == [("skill", "grant writing"), ("interest", "food security"),
                                    ("role", "Treasurer")]


def test_it_takes_needs_as_a_list_with_a_default_kind(workspace):
    initiative = actions.create_initiative(workspace, name="Walks", need_kind="interest",
                                           needs=["local history", "role: guide"])

    assert needs_of(initiative) == [("interest", "local history"), ("role", "guide")]


@pytest.mark.parametrize(("data", "field"), [
    ({"name": "  "}, "name"),
    ({"name": "X", "kind": "party"}, "kind"),
    ({"name": "X", "status": "someday"}, "status"),
    ({"name": "X", "starts_on": "the spring"}, "starts_on"),
    ({"name": "X", "starts_on": "2026-06-02", "ends_on": "2026-06-01"}, "ends_on"),
    ({"name": "X", "needs": ["x" * 201]}, "needs"),
    ({"name": "X", "needs": [3]}, "needs"),
    ({"name": "X", "needs": ",".join(f"need {i}" for i in range(31))}, "needs"),
])
def test_it_refuses_bad_initiative_input_and_writes_nothing(workspace, data, field):
    with pytest.raises(Invalid) as caught:
        actions.create_initiative(workspace, **data)

    assert field in caught.value.errors
    assert not Initiative.objects.exists()
    assert not Need.objects.exists()


def test_it_edits_an_initiative_and_replaces_its_needs(workspace):
    initiative = actions.create_initiative(workspace, name="Seed library",
                                           needs="grant writing, youth work")
    kept = initiative.needs.get(text="grant writing").pk

    actions.update_initiative(workspace, initiative, description="For the allotments",
                              status="active", needs=["grant writing", "role: host"])

    initiative.refresh_from_db()
    assert initiative.description == "For the allotments"
    assert initiative.status == "active"
    assert needs_of(initiative) == [("skill", "grant writing"), ("role", "host")]
    assert initiative.needs.get(text="grant writing").pk == kept


def test_it_checks_the_dates_against_the_ones_already_stored(workspace):
    initiative = actions.create_initiative(workspace, name="Walks", starts_on="2026-06-10")

    with pytest.raises(Invalid) as caught:
        actions.update_initiative(workspace, initiative, ends_on="2026-06-01")

    assert "before it starts" in caught.value.errors["ends_on"]


def test_it_closes_an_initiative_once(workspace):
    initiative = actions.create_initiative(workspace, name="Seed library")

    actions.close_initiative(workspace, initiative)
    with pytest.raises(Invalid, match="already closed"):
        actions.close_initiative(workspace, initiative)

    assert Initiative.objects.get().status == "closed"


def test_it_resolves_an_initiative_by_id_or_name_fragment(workspace, other_workspace):
    seeds = actions.create_initiative(workspace, name="Seed library")
    swap = actions.create_initiative(workspace, name="Seed swap")
    bobs = actions.create_initiative(other_workspace, name="Bob's seed club")

    assert actions.resolve_initiative(workspace, f"#{seeds.pk}") == seeds
    assert actions.resolve_initiative(workspace, "library") == seeds
    assert actions.resolve_initiative(workspace, "seed swap") == swap
    with pytest.raises(Invalid, match="matches several initiatives: Seed library"):
        actions.resolve_initiative(workspace, "seed")
    with pytest.raises(NotFound):
        actions.resolve_initiative(workspace, "club")
    with pytest.raises(NotFound):
        actions.resolve_initiative(workspace, str(bobs.pk))


# -- participants -------------------------------------------------------------

def test_it_records_who_takes_part_with_their_role(workspace, make_person):
    ana = make_person("Ana Ruiz")
    initiative = actions.create_initiative(workspace, name="Seed library")

    participant = actions.add_participant(workspace, initiative, ana, role="treasurer")

    assert participant.role == "treasurer"
    with pytest.raises(Invalid, match="already takes part"):
        actions.add_participant(workspace, initiative, ana)
    actions.remove_participant(workspace, participant)
    assert not Participant.objects.exists()


def test_it_refuses_a_participant_from_another_workspace(workspace, make_person, bobs_person):
    initiative = actions.create_initiative(workspace, name="Seed library")

    with pytest.raises(NotFound):
        actions.add_participant(workspace, initiative, bobs_person)
    assert not Participant.objects.exists()


# -- invitations --------------------------------------------------------------

@pytest.fixture
def ana(make_person, facts):
    return facts(make_person("Ana Ruiz"), offer="grant writing", interest="food security")


@pytest.fixture
def initiative(workspace):
    return actions.create_initiative(workspace, name="Seed library",
                                     needs="grant writing, interest: food security")


def test_it_drafts_one_personal_invitation(workspace, initiative, ana):
    invitation = actions.draft_invitation(workspace, initiative, ana)

    assert invitation.status == "drafted"
    assert "Ana" in invitation.message
    assert "grant writing" in invitation.message
    assert invitation.reason == "offers grant writing; cares about food security"
    assert invitation.sent_on is None and invitation.follow_up is None


def test_it_refuses_to_invite_to_a_closed_initiative(workspace, initiative, ana):
    actions.close_initiative(workspace, initiative)

    with pytest.raises(Invalid) as caught:
        actions.draft_invitation(workspace, initiative, ana)

    assert "Seed library is closed" in caught.value.errors["initiative"]
    assert not Invitation.objects.exists()


def test_it_refuses_to_invite_someone_twice(workspace, initiative, ana):
    actions.draft_invitation(workspace, initiative, ana)

    with pytest.raises(Invalid) as caught:
        actions.draft_invitation(workspace, initiative, ana)

    assert "Ana Ruiz is already invited to Seed library" in caught.value.errors["person"]
    assert Invitation.objects.count() == 1


def test_it_refuses_to_invite_someone_who_already_takes_part(workspace, initiative, ana):
    actions.add_participant(workspace, initiative, ana)

    with pytest.raises(Invalid, match="already takes part"):
        actions.draft_invitation(workspace, initiative, ana)


def test_it_refuses_to_invite_an_archived_person(workspace, initiative, ana):
    from amity.people.actions import archive_person

    archive_person(workspace, ana)

    with pytest.raises(Invalid, match="archived"):
        actions.draft_invitation(workspace, initiative, ana)


def test_it_refuses_another_workspaces_person_or_initiative(workspace, other_workspace,
                                                              initiative, ana, bobs_person):
    bobs = actions.create_initiative(other_workspace, name="Bob's club")

    with pytest.raises(NotFound):
        actions.draft_invitation(workspace, initiative, bobs_person)
    with pytest.raises(NotFound):
        actions.draft_invitation(workspace, bobs, ana)
    assert not Invitation.objects.exists()


def test_sending_sets_a_follow_up_a_week_later_and_a_ledger_entry(workspace, initiative, ana):
    invitation = actions.draft_invitation(workspace, initiative, ana)

    with time_machine.travel(MONDAY, tick=False):
        actions.mark_sent(workspace, invitation)

    invitation.refresh_from_db()
    assert invitation.status == "sent"
    assert invitation.sent_on == date(2026, 5, 4)
    follow_up = invitation.follow_up
    assert follow_up.action == "No answer yet from Ana Ruiz about Seed library?"
    assert follow_up.due_on == date(2026, 5, 11)
    assert follow_up.person == ana
    entry = LedgerEntry.objects.get()
    assert (entry.person, entry.direction, entry.kind, entry.invitation) == (
        ana, "to_them", "invitation", invitation)


def test_accepting_adds_a_participant_and_closes_the_follow_up(workspace, initiative, ana):
    invitation = actions.draft_invitation(workspace, initiative, ana)
    actions.mark_sent(workspace, invitation)

    actions.mark_accepted(workspace, invitation, role="grant writer")

    participant = Participant.objects.get()
    assert (participant.person, participant.initiative, participant.role) == (
        ana, initiative, "grant writer")
    assert invitation.answered_on is not None
    assert FollowUp.objects.get().is_done


@pytest.mark.parametrize("answer", ["declined", "no_answer"])
def test_other_answers_close_the_follow_up_without_a_participant(workspace, initiative, ana,
                                                                 answer):
    invitation = actions.draft_invitation(workspace, initiative, ana)
    actions.mark_sent(workspace, invitation)

    actions.set_status(workspace, invitation, answer)

    assert Invitation.objects.get().status == answer
    assert not Participant.objects.exists()
    assert FollowUp.objects.get().is_done


def test_a_late_answer_may_follow_no_answer(workspace, initiative, ana):
    invitation = actions.draft_invitation(workspace, initiative, ana)
    actions.set_status(workspace, invitation, "sent")
    actions.set_status(workspace, invitation, "no-answer")

    actions.set_status(workspace, invitation, "accepted")

    assert Participant.objects.filter(person=ana).exists()


@pytest.mark.parametrize(("steps", "bad", "says"), [
    ([], "accepted", "is drafted: it cannot become accepted (mark it sent first)"),
    ([], "no_answer", "mark it sent first"),
    (["sent"], "sent", "is sent: it cannot become sent"),
    (["sent", "accepted"], "declined", "that answer is final"),
    (["sent", "declined"], "accepted", "that answer is final"),
    (["sent", "no_answer"], "no_answer", "it can only be accepted or declined"),
    ([], "maybe", "is not an answer to record"),
])
def test_it_refuses_transitions_out_of_order(workspace, initiative, ana, steps, bad, says):
    invitation = actions.draft_invitation(workspace, initiative, ana)
    for step in steps:
        actions.set_status(workspace, invitation, step)
    before = (Invitation.objects.get().status, FollowUp.objects.count(),
              LedgerEntry.objects.count(), Participant.objects.count())

    with pytest.raises(Invalid) as caught:
        actions.set_status(workspace, invitation, bad)

    assert says in caught.value.errors["status"]
    assert (Invitation.objects.get().status, FollowUp.objects.count(),
            LedgerEntry.objects.count(), Participant.objects.count()) == before


def test_it_will_not_send_once_the_initiative_is_closed(workspace, initiative, ana):
    invitation = actions.draft_invitation(workspace, initiative, ana)
    actions.close_initiative(workspace, initiative)

    with pytest.raises(Invalid, match="closed"):
        actions.mark_sent(workspace, invitation)

    assert not FollowUp.objects.exists()
    assert not LedgerEntry.objects.exists()


def test_the_message_can_change_only_while_drafted(workspace, initiative, ana):
    invitation = actions.draft_invitation(workspace, initiative, ana)

    actions.update_invitation(workspace, invitation, message="Ana, join us?")
    actions.mark_sent(workspace, invitation)
    with pytest.raises(Invalid, match="already sent"):
        actions.update_invitation(workspace, invitation, message="changed")

    assert Invitation.objects.get().message == "Ana, join us?"


def test_deleting_an_initiative_keeps_the_ledger_and_drops_its_open_follow_ups(
        workspace, initiative, ana):
    invitation = actions.draft_invitation(workspace, initiative, ana)
    actions.mark_sent(workspace, invitation)

    actions.delete_initiative(workspace, initiative)

    assert not Invitation.objects.exists()
    assert not FollowUp.objects.exists()
    assert LedgerEntry.objects.get().invitation is None
