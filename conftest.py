"""Shared personas and helpers for the whole suite.

Alice runs a food-justice coalition in her workspace; Bob has a workspace of
his own that Alice must never see.
"""

import os

import pytest


def pytest_report_header(config):
    from django.db import connection

    return f"amity database: {connection.vendor}"


@pytest.fixture
def workspace(db):
    from amity.workspaces.models import Workspace

    return Workspace.objects.create(name="Riverside food coalition")


@pytest.fixture
def alice(workspace):
    from amity.accounts.models import User
    from amity.workspaces.models import Membership, Role

    user = User.objects.create_user("alice", "alice@example.org", "correct horse battery")
    Membership.objects.create(workspace=workspace, user=user, role=Role.OWNER)
    return user


@pytest.fixture
def alice_client(client, alice):
    client.force_login(alice)
    return client


@pytest.fixture
def other_workspace(db):
    from amity.workspaces.models import Workspace

    return Workspace.objects.create(name="Bob's network")


@pytest.fixture
def bob(other_workspace):
    from amity.accounts.models import User
    from amity.workspaces.models import Membership, Role

    user = User.objects.create_user("bob", "bob@example.org", "another horse battery")
    Membership.objects.create(workspace=other_workspace, user=user, role=Role.OWNER)
    return user


@pytest.fixture
def make_person(workspace):
    """Create a person through the real action: ``make_person("Ana Ruiz", cadence_days=30)``."""
    from amity.people.actions import create_person

    def make(name, ws=None, **fields):
        return create_person(ws or workspace, display_name=name, **fields)

    return make


def require_component(name: str, reason: str):
    """Skip a test for a missing component, except in CI where that is a failure."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{name} is required in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # The real hasher costs about a second per user on this machine; the
    # suite creates hundreds. Password hashing itself is Django's, not ours.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def api(alice, workspace):
    """A JSON API client holding Alice's personal bearer token."""
    from django.test import Client

    from amity.workspaces.actions import create_token

    _, raw = create_token(workspace, alice, "tests")
    return Client(headers={"Authorization": f"Bearer {raw}"})


@pytest.fixture
def bobs_person(bob, other_workspace, make_person):
    return make_person("Bruno Bobson", ws=other_workspace)


def errors_of(response) -> dict:
    """A 422 answer as {field path: message}, for the fields in the body."""
    assert response.status_code == 422, response.content
    return {tuple(e["loc"][1:]): e["msg"] for e in response.json()["detail"]}
