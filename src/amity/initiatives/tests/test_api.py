"""The JSON API under /api/initiatives: CRUD, candidates, invitations, participants."""

import pytest
from conftest import errors_of

from amity.initiatives import actions
from amity.initiatives.models import Initiative, Invitation, Participant

JSON = "application/json"


def test_it_adds_reads_changes_and_deletes_an_initiative(api):
    response = api.post("/api/initiatives", {
        "name": "Seed library", "kind": "campaign", "starts_on": "2026-06-01",
        "needs": ["grant writing", "interest: food security"]}, content_type=JSON)

    assert response.status_code == 201, response.content
    created = response.json()
    assert created["status"] == "planning" and created["starts_on"] == "2026-06-01"
    assert [(n["kind"], n["text"]) for n in created["needs"]] == [
        ("skill", "grant writing"), ("interest", "food security")]
    url = f"/api/initiatives/{created['id']}"
    assert api.get(url).json() == created

    changed = api.patch(url, {"status": "closed", "needs": ["role: host"]}, content_type=JSON)
    assert changed.json()["status"] == "closed"
    assert [n["text"] for n in changed.json()["needs"]] == ["host"]
    listed = api.get("/api/initiatives?status=closed").json()
    assert [i["name"] for i in listed["items"]] == ["Seed library"]
    assert api.get("/api/initiatives?status=open").json()["items"] == []

    assert api.delete(url).status_code == 204
    assert not Initiative.objects.exists()


def test_it_names_the_field_of_bad_input(api):
    response = api.post("/api/initiatives", {"name": "X", "starts_on": "2026-06-02",
                                             "ends_on": "2026-06-01"}, content_type=JSON)

    assert "before it starts" in errors_of(response)[("ends_on",)]
    assert not Initiative.objects.exists()


def test_it_ranks_candidates_with_reason_stage_and_flag(api, seed_library):
    found = api.get(f"/api/initiatives/{seed_library.pk}/candidates?limit=3").json()

    assert [c["person"]["display_name"] for c in found] == ["Ana Ruiz", "Ben Okafor",
                                                            "Cara Lind"]
    assert found[0]["reason"] == ("offers grant writing for small charities; "
                                  "cares about food security")
    assert found[0]["stage"] == "noticed"
    assert found[0]["flag"] == "you have only just noticed them — get to know them first"
    assert found[0]["needs_met"] == ["grant writing", "food security"]


def test_it_drafts_edits_and_moves_an_invitation(api, seed_library, network):
    response = api.post(f"/api/initiatives/{seed_library.pk}/invitations",
                        {"person_id": network["ana"].pk}, content_type=JSON)

    assert response.status_code == 201, response.content
    drafted = response.json()
    assert drafted["status"] == "drafted" and "Hi Ana," in drafted["message"]
    assert drafted["person"]["display_name"] == "Ana Ruiz"
    assert drafted["initiative"] == {"id": seed_library.pk, "name": "Seed library"}
    url = f"/api/initiatives/invitations/{drafted['id']}"

    edited = api.patch(url, {"message": "Join us!"}, content_type=JSON).json()
    assert edited["message"] == "Join us!"
    assert edited["warnings"][0] == ("This message says nothing specific to Ana Ruiz: "
                                     "it could go to anyone.")

    sent = api.post(f"{url}/status", {"status": "sent"}, content_type=JSON).json()
    assert sent["status"] == "sent" and sent["follow_up"] is not None
    refused = api.post(f"{url}/status", {"status": "sent"}, content_type=JSON)
    assert "is sent: it cannot become sent" in errors_of(refused)[("status",)]
    accepted = api.post(f"{url}/status", {"status": "accepted", "role": "grant writer"},
                        content_type=JSON).json()
    assert accepted["status"] == "accepted"
    assert Participant.objects.get().role == "grant writer"

    listed = api.get(f"/api/initiatives/{seed_library.pk}/invitations").json()
    assert [i["status"] for i in listed["items"]] == ["accepted"]


def test_inviting_twice_or_to_a_closed_initiative_is_422(api, workspace, seed_library, network):
    url = f"/api/initiatives/{seed_library.pk}/invitations"
    api.post(url, {"person_id": network["ana"].pk}, content_type=JSON)

    twice = api.post(url, {"person_id": network["ana"].pk}, content_type=JSON)
    actions.close_initiative(workspace, seed_library)
    closed = api.post(url, {"person_id": network["ben"].pk}, content_type=JSON)

    assert "already invited" in errors_of(twice)[("person",)]
    assert "is closed" in errors_of(closed)[("initiative",)]
    assert Invitation.objects.count() == 1
    assert api.get(f"/api/initiatives/{seed_library.pk}/candidates").json() == []


def test_it_adds_lists_and_removes_participants(api, seed_library, network):
    url = f"/api/initiatives/{seed_library.pk}/participants"

    added = api.post(url, {"person_id": network["dan"].pk, "role": "host"}, content_type=JSON)

    assert added.status_code == 201, added.content
    participant = added.json()
    assert participant["person"]["display_name"] == "Dan Price"
    assert participant["initiative"] == seed_library.pk
    assert [p["role"] for p in api.get(url).json()["items"]] == ["host"]
    assert api.delete(f"{url}/{participant['id']}").status_code == 204
    assert not Participant.objects.exists()


@pytest.mark.parametrize("method", ["get", "patch", "delete"])
def test_another_workspaces_initiative_is_404(api, other_workspace, method):
    bobs = actions.create_initiative(other_workspace, name="Bob's club")

    response = getattr(api, method)(f"/api/initiatives/{bobs.pk}", {}, content_type=JSON)

    assert response.status_code == 404
    assert Initiative.objects.filter(pk=bobs.pk, name="Bob's club").exists()


def test_another_workspaces_person_invitation_or_participant_is_404(
        api, seed_library, other_workspace, bobs_person):
    bobs = actions.create_initiative(other_workspace, name="Bob's club")
    bobs_invitation = actions.draft_invitation(other_workspace, bobs, bobs_person)
    bobs_participant = actions.add_participant(other_workspace, bobs, bobs_person)
    base = f"/api/initiatives/{seed_library.pk}"

    assert api.post(f"{base}/invitations", {"person_id": bobs_person.pk},
                    content_type=JSON).status_code == 404
    assert api.post(f"{base}/participants", {"person_id": bobs_person.pk},
                    content_type=JSON).status_code == 404
    assert api.get(f"/api/initiatives/{bobs.pk}/candidates").status_code == 404
    assert api.get(f"/api/initiatives/invitations/{bobs_invitation.pk}").status_code == 404
    assert api.post(f"/api/initiatives/invitations/{bobs_invitation.pk}/status",
                    {"status": "sent"}, content_type=JSON).status_code == 404
    assert api.delete(f"{base}/participants/{bobs_participant.pk}").status_code == 404
    assert Invitation.objects.get(pk=bobs_invitation.pk).status == "drafted"
    assert Participant.objects.filter(pk=bobs_participant.pk).exists()
