"""Settings: API tokens, shown once, revocable, never another workspace's."""

import pytest
from django.urls import reverse

from amity.workspaces.actions import authenticate_token, create_token
from amity.workspaces.models import ApiToken


def test_it_lists_alices_tokens_and_not_bobs(alice_client, alice, workspace, bob, other_workspace):
    create_token(workspace, alice, "phone sync")
    create_token(other_workspace, bob, "bob's backup")
    page = alice_client.get(reverse("workspaces:tokens"))
    assert page.status_code == 200
    assert b"phone sync" in page.content
    assert b"bob&#x27;s backup" not in page.content and b"bob's backup" not in page.content
    assert b'<label for="id_name"' in page.content


def test_it_shows_a_new_token_once(alice_client, workspace):
    created = alice_client.post(reverse("workspaces:tokens"), {"name": "backup script"})
    assert created.status_code == 200
    raw = created.context["raw"]
    assert raw.startswith("amity_")
    assert raw.encode() in created.content
    assert b"will not be shown again" in created.content
    assert "no-store" in created.headers["Cache-Control"]
    token = ApiToken.objects.get(workspace=workspace)
    assert token.key_hash != raw and raw not in token.key_hash
    assert authenticate_token(raw) == token

    again = alice_client.get(reverse("workspaces:tokens"))
    assert raw.encode() not in again.content
    assert token.hint.encode() in again.content


def test_it_names_the_field_when_a_token_has_no_name(alice_client, workspace):
    page = alice_client.post(reverse("workspaces:tokens"), {"name": "  "})
    assert page.context["form"].errors["name"]
    assert not ApiToken.objects.filter(workspace=workspace).exists()


def test_it_revokes_a_token(alice_client, alice, workspace):
    token, raw = create_token(workspace, alice, "old laptop")
    done = alice_client.post(reverse("workspaces:revoke_token", args=[token.pk]))
    assert done.url == reverse("workspaces:tokens")
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert authenticate_token(raw) is None
    assert b"Revoked" in alice_client.get(reverse("workspaces:tokens")).content


@pytest.mark.parametrize("method", ["get", "post"])
def test_it_answers_404_for_bobs_token(alice_client, bob, other_workspace, method):
    token, _ = create_token(other_workspace, bob, "bob's token")
    response = getattr(alice_client, method)(reverse("workspaces:revoke_token", args=[token.pk]))
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_it_only_revokes_on_post(alice_client, alice, workspace):
    token, _ = create_token(workspace, alice, "phone")
    assert alice_client.get(reverse("workspaces:revoke_token", args=[token.pk])).status_code == 405
    token.refresh_from_db()
    assert token.revoked_at is None
