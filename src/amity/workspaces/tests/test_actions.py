"""Workspaces, the first account and API tokens (amity.workspaces.actions),
and the scoping every query goes through (amity.workspaces.scoping)."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model

from amity.errors import Invalid, NotFound
from amity.people.actions import create_person
from amity.people.models import Person
from amity.workspaces.actions import (
    LOCAL_WORKSPACE_NAME,
    access_token,
    authenticate_token,
    create_first_account,
    create_token,
    local_owner,
    local_workspace,
    needs_setup,
    revoke_token,
    workspace_for_user,
)
from amity.workspaces.models import ApiToken, Membership, Role, Workspace, hash_token
from amity.workspaces.scoping import get_in_workspace

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


# -- the first account ------------------------------------------------------------

def test_it_makes_the_first_account_owner_of_the_workspace_the_cli_filled(db):
    # The CLI ran before anyone opened the web app: it made the local workspace.
    cli_workspace = local_workspace()
    create_person(cli_workspace, display_name="Ana Ruiz")
    assert needs_setup()

    alice = create_first_account("alice", "correct horse battery", "alice@example.org")

    assert not needs_setup()
    assert alice.check_password("correct horse battery")
    assert alice.email == "alice@example.org"
    membership = Membership.objects.get(user=alice)
    assert (membership.workspace, membership.role) == (cli_workspace, Role.OWNER)
    assert workspace_for_user(alice) == cli_workspace
    assert local_owner(cli_workspace) == alice
    assert Workspace.objects.count() == 1
    assert Person.objects.in_workspace(workspace_for_user(alice)).get().display_name == "Ana Ruiz"


def test_it_makes_the_local_workspace_with_the_first_account_on_a_fresh_install(db):
    alice = create_first_account("alice", "correct horse battery")

    workspace = workspace_for_user(alice)
    assert workspace.name == LOCAL_WORKSPACE_NAME
    assert local_owner(workspace) == alice


def test_it_makes_alice_owner_of_her_existing_workspace(workspace):
    alice = create_first_account("alice", "correct horse battery")

    assert workspace_for_user(alice) == workspace
    assert workspace.name == "Riverside food coalition"


def test_it_refuses_a_second_first_account(db):
    create_first_account("alice", "correct horse battery")

    with pytest.raises(Invalid) as caught:
        create_first_account("mallory", "another horse battery")

    assert "username" in caught.value.errors
    assert list(get_user_model().objects.values_list("username", flat=True)) == ["alice"]
    assert Membership.objects.count() == 1


@pytest.mark.parametrize("username", ["", "   ", "x" * 151, "ali\x00ce"])
def test_it_refuses_a_bad_username_and_creates_nothing(db, username):
    with pytest.raises(Invalid) as caught:
        create_first_account(username, "correct horse battery")

    assert "username" in caught.value.errors
    assert not get_user_model().objects.exists()
    assert not Membership.objects.exists()


def test_it_keeps_using_the_first_workspace_as_the_local_one(workspace, other_workspace):
    assert local_workspace() == workspace
    assert Workspace.objects.count() == 2


def test_it_has_no_local_owner_before_setup(workspace):
    assert local_owner(workspace) is None


# -- which workspace a member sees --------------------------------------------------

def test_it_gives_a_member_the_workspace_they_chose_among_theirs(workspace, other_workspace,
                                                                 alice):
    Membership.objects.create(workspace=other_workspace, user=alice, role=Role.VIEWER)

    assert workspace_for_user(alice) == workspace
    assert workspace_for_user(alice, other_workspace.pk) == other_workspace


def test_it_never_gives_a_member_a_workspace_they_are_not_in(workspace, other_workspace, alice,
                                                             bob):
    assert workspace_for_user(alice, other_workspace.pk) == workspace
    assert workspace_for_user(bob, workspace.pk) == other_workspace


def test_it_gives_a_user_without_membership_no_workspace(workspace):
    loner = get_user_model().objects.create_user("loner", password="correct horse battery")

    assert workspace_for_user(loner) is None
    assert workspace_for_user(loner, workspace.pk) is None


# -- API tokens -------------------------------------------------------------------

def test_it_stores_only_a_hash_of_a_new_token(workspace, alice):
    token, raw = create_token(workspace, alice, "Laptop script")

    assert raw.startswith("amity_")
    assert len(raw) > 40
    stored = ApiToken.objects.get()
    assert stored.key_hash == hash_token(raw)
    assert raw not in {str(v) for v in ApiToken.objects.values().get().values()}
    assert stored.hint == raw[:12]
    assert (stored.name, stored.user, stored.workspace) == ("Laptop script", alice, workspace)


def test_it_makes_a_different_token_every_time(workspace, alice):
    _, first = create_token(workspace, alice, "One")
    _, second = create_token(workspace, alice, "Two")

    assert first != second


@pytest.mark.parametrize(("name", "stored"), [("", "API token"), ("  Phone  ", "Phone")])
def test_it_names_a_token(workspace, alice, name, stored):
    token, _ = create_token(workspace, alice, name)

    assert token.name == stored


def test_it_refuses_an_overlong_token_name(workspace, alice):
    with pytest.raises(Invalid) as caught:
        create_token(workspace, alice, "x" * 101)

    assert "name" in caught.value.errors
    assert not ApiToken.objects.exists()


def test_it_authenticates_a_token_to_its_workspace(workspace, alice):
    token, raw = create_token(workspace, alice, "Laptop script")

    found = authenticate_token(raw)

    assert found == token
    assert (found.workspace, found.user) == (workspace, alice)


@pytest.mark.parametrize("raw", ["", None, "amity_", "amity_not-a-real-token", "Bearer x",
                                 "not-even-prefixed"])
def test_it_authenticates_no_unknown_token(workspace, alice, raw):
    create_token(workspace, alice, "Laptop script")

    assert authenticate_token(raw) is None


def test_it_refuses_a_token_that_is_one_character_off(workspace, alice):
    _, raw = create_token(workspace, alice, "Laptop script")

    assert authenticate_token(raw[:-1]) is None
    assert authenticate_token(raw + "x") is None


def test_it_refuses_a_revoked_token(workspace, alice):
    token, raw = create_token(workspace, alice, "Laptop script")

    with time_machine.travel(NOW, tick=False):
        revoke_token(workspace, token)

    assert authenticate_token(raw) is None
    assert ApiToken.objects.get().revoked_at == NOW
    assert not ApiToken.objects.get().is_active


def test_it_keeps_the_first_revocation_time(workspace, alice):
    token, _ = create_token(workspace, alice, "Laptop script")
    with time_machine.travel(NOW, tick=False) as traveller:
        revoke_token(workspace, token)
        traveller.shift(timedelta(hours=1))
        revoke_token(workspace, ApiToken.objects.get())

    assert ApiToken.objects.get().revoked_at == NOW


def test_it_records_last_use_at_most_once_a_minute(workspace, alice):
    _, raw = create_token(workspace, alice, "Laptop script")

    def last_used():
        return ApiToken.objects.get().last_used_at

    with time_machine.travel(NOW, tick=False) as traveller:
        assert last_used() is None
        authenticate_token(raw)
        assert last_used() == NOW

        traveller.shift(timedelta(seconds=30))
        assert authenticate_token(raw).last_used_at == NOW
        assert last_used() == NOW

        traveller.shift(timedelta(seconds=30))
        authenticate_token(raw)
        assert last_used() == NOW  # exactly a minute: still the same minute's write

        traveller.shift(timedelta(seconds=1))
        authenticate_token(raw)
        assert last_used() == NOW + timedelta(seconds=61)


def test_it_writes_nothing_when_authentication_fails(workspace, alice, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert authenticate_token("nope") is None
    with django_assert_num_queries(1):
        assert authenticate_token("amity_unknown") is None


def test_it_finds_a_token_only_in_its_own_workspace(workspace, other_workspace, alice, bob):
    alices, _ = create_token(workspace, alice, "Alice's")
    bobs, _ = create_token(other_workspace, bob, "Bob's")

    assert access_token(workspace, alices.pk) == alices
    with pytest.raises(NotFound):
        access_token(workspace, bobs.pk)


# -- scoping ------------------------------------------------------------------------

def test_it_refuses_to_query_without_a_workspace(workspace):
    with pytest.raises(ValueError, match="workspace is required"):
        Person.objects.in_workspace(None)


@pytest.mark.parametrize("pk", ["abc", None, "", "1.5", [1]])
def test_it_answers_not_found_for_an_id_that_is_not_a_number(workspace, pk):
    with pytest.raises(NotFound):
        get_in_workspace(Person.objects, workspace, pk, "person")


def test_it_answers_the_same_not_found_for_a_missing_id_and_another_workspaces(
        workspace, other_workspace):
    dee = create_person(other_workspace, display_name="Dee Lee")

    with pytest.raises(NotFound) as theirs:
        get_in_workspace(Person.objects, workspace, dee.pk, "person")
    with pytest.raises(NotFound) as missing:
        get_in_workspace(Person.objects, workspace, dee.pk + 1000, "person")

    assert str(theirs.value).replace(str(dee.pk), "N") == \
        str(missing.value).replace(str(dee.pk + 1000), "N")
