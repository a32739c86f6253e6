"""`amity initiative`, `amity suggest invites`, `amity invite` and `amity invitation`.

The CLI acts in the first workspace: Alice's (the ``workspace`` fixture).
"""

import json

from amity.cli.testing import invoker, ok, refused
from amity.followups.models import FollowUp
from amity.initiatives import actions
from amity.initiatives.models import Initiative, Invitation, Participant

amity = invoker(columns=120)


def test_it_adds_and_lists_initiatives(workspace):
    out = ok(amity("initiative", "add", "Seed library", "--needs",
                   "grant writing, role: treasurer", "--kind", "campaign", "--starts",
                   "2026-06-01", "--description", "For the allotments"))

    initiative = Initiative.objects.get()
    assert f"Added Seed library (#{initiative.pk})." in out
    assert "Needs (role): treasurer" in out
    assert (initiative.kind, str(initiative.starts_on)) == ("campaign", "2026-06-01")
    assert "Seed library" in ok(amity("initiative", "list"))
    listed = json.loads(ok(amity("initiative", "list", "--json")))
    assert listed[0]["needs"] == [{"kind": "skill", "text": "grant writing"},
                                  {"kind": "role", "text": "treasurer"}]

    ok(amity("initiative", "close", "seed"))
    assert "Seed library" not in ok(amity("initiative", "list"))
    assert "Seed library" in ok(amity("initiative", "list", "--all"))


def test_it_refuses_a_bad_date(workspace):
    error = refused(amity("initiative", "add", "X", "--starts", "whenever"))

    assert "--starts" in error
    assert not Initiative.objects.exists()


def test_it_suggests_whom_to_invite(workspace, seed_library):
    out = ok(amity("suggest", "invites", "seed", "--limit", 3))

    assert out.index("Ana Ruiz") < out.index("Ben Okafor") < out.index("Cara Lind")
    assert "offers grant writing for small charities; cares about food security" in out
    assert "get to know them first" in out
    found = json.loads(ok(amity("suggest", "invites", seed_library.pk, "--json")))
    assert found[0]["person"]["display_name"] == "Ana Ruiz"
    assert found[0]["stage"] == "noticed" and found[0]["flag"]


def test_an_ambiguous_initiative_lists_the_candidates(workspace, seed_library):
    actions.create_initiative(workspace, name="Seed swap")

    error = refused(amity("suggest", "invites", "seed"))

    assert "matches several initiatives: Seed library" in error and "Seed swap" in error


def test_it_prints_a_personal_draft_and_records_the_answers(workspace, seed_library, network):
    out = ok(amity("invite", "seed library", "ana"))

    invitation = Invitation.objects.get()
    assert "Hi Ana," in out and "food security" in out
    assert "Make it personal" in out  # no conversation with Ana on record yet
    assert f"amity invitation {invitation.pk} sent" in out

    edited = ok(amity("invitation", invitation.pk, "--message", "Join us?"))
    assert "This message says nothing specific to Ana Ruiz" in edited

    sent = ok(amity("invitation", invitation.pk, "sent"))
    follow_up = FollowUp.objects.get()
    assert f"Follow-up #{follow_up.pk} in a week" in sent
    ok(amity("invitation", invitation.pk, "accepted", "--role", "grant writer"))
    assert Participant.objects.get().role == "grant writer"
    shown = json.loads(ok(amity("invitation", invitation.pk, "--json")))
    assert shown["status"] == "accepted"


def test_it_refuses_bad_invitations_with_a_message(workspace, seed_library, network,
                                                   other_workspace, bobs_person):
    ok(amity("invite", "seed", "ana"))
    invitation = Invitation.objects.get()

    assert "already invited" in refused(amity("invite", "seed", "ana"))
    assert "mark it sent first" in refused(amity("invitation", invitation.pk, "accepted"))
    assert "not an answer" in refused(amity("invitation", invitation.pk, "maybe"))
    bobs = actions.create_initiative(other_workspace, name="Bob's club")
    bobs_invitation = actions.draft_invitation(other_workspace, bobs, bobs_person)
    assert "No invitation" in refused(amity("invitation", bobs_invitation.pk))
    assert "No initiative" in refused(amity("invite", bobs.pk, "ana"))
    actions.close_initiative(workspace, seed_library)
    assert "is closed" in refused(amity("invite", "seed", "ben"))
    assert Invitation.objects.filter(workspace=workspace).count() == 1
