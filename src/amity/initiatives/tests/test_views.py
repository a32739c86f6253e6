"""Initiatives on the web: the list, whom to invite, the personal draft, its status."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.urls import reverse

from amity.conversations.actions import log_conversation
from amity.initiatives import actions
from amity.initiatives.models import Initiative, Invitation, Participant

HTMX = {"HX-Request": "true"}


@pytest.fixture
def bobs_initiative(other_workspace):
    return actions.create_initiative(other_workspace, name="Bob's secret club")


@pytest.fixture
def invitation(workspace, seed_library, network):
    return actions.draft_invitation(workspace, seed_library, network["ana"])


def test_it_lists_open_initiatives(alice_client, workspace, seed_library):
    closed = actions.create_initiative(workspace, name="Old campaign")
    actions.close_initiative(workspace, closed)

    page = alice_client.get(reverse("initiatives:list")).content.decode()
    closed_page = alice_client.get(reverse("initiatives:list") + "?status=closed").content.decode()

    assert "Seed library" in page and "Old campaign" not in page
    assert "Old campaign" in closed_page and "Seed library" not in closed_page


def test_it_adds_an_initiative_with_its_needs(alice_client):
    response = alice_client.post(reverse("initiatives:new"), {
        "name": "Seed library", "kind": "project", "status": "planning",
        "description": "For the allotments", "needs": "grant writing, role: treasurer",
        "need_kind": "skill", "starts_on": "2026-06-01", "ends_on": ""})

    initiative = Initiative.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("initiatives:detail", args=[initiative.pk])
    assert [(n.kind, n.text) for n in initiative.needs.all()] == [
        ("skill", "grant writing"), ("role", "treasurer")]


def test_it_shows_a_bad_date_on_its_field_and_saves_nothing(alice_client):
    response = alice_client.post(reverse("initiatives:new"), {
        "name": "Seed library", "kind": "project", "status": "planning", "need_kind": "skill",
        "starts_on": "2026-06-02", "ends_on": "2026-06-01"})

    assert response.status_code == 200
    assert "before it starts" in response.content.decode()
    assert not Initiative.objects.exists()


def test_it_edits_an_initiative(alice_client, seed_library):
    url = reverse("initiatives:edit", args=[seed_library.pk])
    form = alice_client.get(url).content.decode()
    assert "grant writing, interest: food security" in form

    alice_client.post(url, {"name": "Seed library", "kind": "campaign", "status": "active",
                            "needs": "youth work", "need_kind": "skill"})

    seed_library.refresh_from_db()
    assert seed_library.kind == "campaign"
    assert [n.text for n in seed_library.needs.all()] == ["youth work"]


def test_the_page_ranks_whom_to_invite_with_reason_and_stage(alice_client, seed_library,
                                                             network):
    page = alice_client.get(reverse("initiatives:detail", args=[seed_library.pk]))
    html = page.content.decode()

    assert html.index("Ana Ruiz") < html.index("Ben Okafor") < html.index("Cara Lind")
    assert "offers grant writing for small charities; cares about food security" in html
    assert "you have only just noticed them — get to know them first" in html
    assert f'name="person" value="{network["ana"].pk}"' in html
    assert "Eve Stone" not in html


def test_inviting_opens_the_personal_draft(alice_client, seed_library, network):
    response = alice_client.post(reverse("initiatives:invite", args=[seed_library.pk]),
                                 {"person": network["ana"].pk}, follow=True)

    invitation = Invitation.objects.get()
    assert response.redirect_chain[-1][0] == reverse("initiatives:invitation",
                                                     args=[invitation.pk])
    html = response.content.decode()
    assert "Hi Ana," in html
    assert "food security" in html
    assert "Mark sent" in html


def test_it_invites_by_name_too(alice_client, seed_library, network):
    alice_client.post(reverse("initiatives:invite", args=[seed_library.pk]), {"person": "Dan"})

    assert Invitation.objects.get().person == network["dan"]


def test_inviting_twice_says_so_and_writes_nothing(alice_client, invitation, seed_library,
                                                   network):
    response = alice_client.post(reverse("initiatives:invite", args=[seed_library.pk]),
                                 {"person": network["ana"].pk}, follow=True)

    assert "Ana Ruiz is already invited to Seed library" in response.content.decode()
    assert Invitation.objects.count() == 1


def test_inviting_to_a_closed_initiative_says_so(alice_client, workspace, seed_library, network):
    actions.close_initiative(workspace, seed_library)

    response = alice_client.post(reverse("initiatives:invite", args=[seed_library.pk]),
                                 {"person": network["ana"].pk}, follow=True)

    assert "Seed library is closed" in response.content.decode()
    assert not Invitation.objects.exists()


def test_another_workspaces_things_are_404(alice_client, seed_library, bobs_initiative,
                                           bobs_person, other_workspace):
    bobs_invitation = actions.draft_invitation(other_workspace, bobs_initiative, bobs_person)

    assert alice_client.get(reverse("initiatives:detail", args=[bobs_initiative.pk])
                            ).status_code == 404
    assert alice_client.get(reverse("initiatives:edit", args=[bobs_initiative.pk])
                            ).status_code == 404
    assert alice_client.get(reverse("initiatives:invitation", args=[bobs_invitation.pk])
                            ).status_code == 404
    assert alice_client.post(reverse("initiatives:invitation_status", args=[bobs_invitation.pk]),
                             {"status": "sent"}).status_code == 404
    assert alice_client.post(reverse("initiatives:invite", args=[seed_library.pk]),
                             {"person": bobs_person.pk}).status_code == 404
    assert Invitation.objects.count() == 1


def test_row_actions_answer_only_post(alice_client, seed_library, invitation):
    assert alice_client.get(reverse("initiatives:invite", args=[seed_library.pk])
                            ).status_code == 405
    assert alice_client.get(reverse("initiatives:invitation_status", args=[invitation.pk])
                            ).status_code == 405


def test_the_invitation_page_warns_about_a_generic_message(alice_client, invitation):
    url = reverse("initiatives:invitation", args=[invitation.pk])

    saved = alice_client.post(url, {"message": "Join our project!"}, follow=True)
    html = saved.content.decode()

    assert "Message saved." in html
    assert "This message says nothing specific to Ana Ruiz" in html
    assert Invitation.objects.get().message == "Join our project!"


def test_saving_the_message_with_htmx_answers_the_part_with_its_warnings(alice_client,
                                                                         invitation):
    url = reverse("initiatives:invitation", args=[invitation.pk])

    part = alice_client.post(url, {"message": "Ana, you care about food security."},
                             headers=HTMX).content.decode()

    assert "<html" not in part
    assert 'id="invitation-body"' in part
    assert "It does not draw on any shared history with Ana Ruiz" in part
    assert "This message says nothing specific" not in part


def test_a_personal_draft_shows_no_warning(alice_client, workspace, seed_library, network):
    log_conversation(workspace, [network["ben"]], summary="Walk round the allotments")
    invitation = actions.draft_invitation(workspace, seed_library, network["ben"])

    html = alice_client.get(reverse("initiatives:invitation", args=[invitation.pk])
                            ).content.decode()

    assert "Make it personal" not in html
    assert "Personal: it names Ben Okafor" in html


def test_marking_sent_with_htmx_updates_the_status_in_place(alice_client, invitation):
    part = alice_client.post(reverse("initiatives:invitation_status", args=[invitation.pk]),
                             {"status": "sent"}, headers=HTMX).content.decode()

    assert "Marked sent." in part
    assert ">Accepted<" in part and ">Declined<" in part
    invitation.refresh_from_db()
    assert invitation.status == "sent" and invitation.follow_up is not None


def test_an_answer_out_of_order_is_a_clear_message(alice_client, invitation):
    response = alice_client.post(reverse("initiatives:invitation_status", args=[invitation.pk]),
                                 {"status": "accepted"}, follow=True)

    assert "mark it sent first" in response.content.decode()
    assert Invitation.objects.get().status == "drafted"


def test_accepting_without_javascript_adds_them_with_their_role(alice_client, workspace,
                                                                invitation):
    actions.mark_sent(workspace, invitation)

    alice_client.post(reverse("initiatives:invitation_status", args=[invitation.pk]),
                      {"status": "accepted", "role": "grant writer"})

    assert Participant.objects.get().role == "grant writer"


def test_it_adds_and_removes_participants(alice_client, seed_library, network):
    alice_client.post(reverse("initiatives:participant_add", args=[seed_library.pk]),
                      {"person": "Cara", "role": "host"})
    participant = Participant.objects.get()
    assert (participant.person, participant.role) == (network["cara"], "host")

    removed = alice_client.post(reverse("initiatives:participant_remove", args=[participant.pk]),
                                headers=HTMX)

    assert removed.content == b""
    assert not Participant.objects.exists()


def test_the_person_page_shows_their_invitations_and_initiatives(alice_client, workspace,
                                                                 invitation, network):
    walks = actions.create_initiative(workspace, name="Heritage walks")
    actions.add_participant(workspace, walks, network["ana"], role="guide")

    html = alice_client.get(reverse("people:detail", args=[network["ana"].pk])).content.decode()

    assert "Heritage walks" in html and "guide" in html
    assert reverse("initiatives:invitation", args=[invitation.pk]) in html


def test_the_agenda_lists_invitations_without_an_answer_after_a_week(alice_client, workspace,
                                                                     seed_library, network):
    with time_machine.travel(datetime(2026, 5, 1, 9, 0, tzinfo=UTC), tick=False):
        for key in ("ana", "ben"):
            actions.mark_sent(workspace, actions.draft_invitation(workspace, seed_library,
                                                                  network[key]))
    with time_machine.travel(datetime(2026, 5, 6, 9, 0, tzinfo=UTC), tick=False):
        actions.mark_sent(workspace, actions.draft_invitation(workspace, seed_library,
                                                              network["cara"]))
    ben = Invitation.objects.get(person=network["ben"])
    actions.mark_declined(workspace, ben)

    with time_machine.travel(datetime(2026, 5, 9, 9, 0, tzinfo=UTC), tick=False):
        html = alice_client.get(reverse("agenda:home")).content.decode()

    assert "Invitations without an answer" in html
    section = html[html.index("Invitations without an answer"):]
    assert "Ana Ruiz" in section[:2000]
    assert "Ben Okafor" not in section[:2000] and "Cara Lind" not in section[:2000]
