"""Who may call the JSON API, in which workspace; and /api/tokens.

Two ways in: a personal API token (``Authorization: Bearer``) or the
browser's session (with Django's CSRF check). Anything else is a 401.
"""

import json
import re

import pytest
from django.test import Client, RequestFactory

from amity.api import api as ninja_api
from amity.errors import Ambiguous
from amity.people.models import Person
from amity.workspaces.actions import create_token, revoke_token
from amity.workspaces.models import ApiToken, Membership

JSON = "application/json"


def every_operation() -> list[tuple[str, str]]:
    """(method, url) for each operation in the OpenAPI document, ids set to 1."""
    document = ninja_api.get_openapi_schema(path_prefix="/api/")
    return [(method, re.sub(r"\{\w+\}", "1", path))
            for path, operations in document["paths"].items() for method in operations]


@pytest.fixture
def token(alice, workspace):
    return create_token(workspace, alice, "laptop script")


@pytest.fixture
def api(token):
    return Client(headers={"Authorization": f"Bearer {token[1]}"})


# -- refusing ----------------------------------------------------------------------

@pytest.mark.parametrize(("method", "url"), every_operation())
def test_it_refuses_every_operation_without_credentials(client, db, method, url):
    response = getattr(client, method)(url, {}, content_type=JSON)

    assert response.status_code == 401
    assert response.json() == {"detail": "Unauthorized"}


@pytest.mark.parametrize("method", ["get", "post"])
def test_it_refuses_a_revoked_token_with_401_not_a_csrf_403(token, workspace, method):
    revoke_token(workspace, token[0])
    # A script never has a CSRF token: a POST must still say "not authorised".
    script = Client(enforce_csrf_checks=True, headers={"Authorization": f"Bearer {token[1]}"})

    response = getattr(script, method)("/api/people", {"display_name": "Ana"}, content_type=JSON)

    assert response.status_code == 401
    assert not Person.objects.exists()


@pytest.mark.parametrize("header", [
    "Bearer amity_not-a-real-token",
    "Bearer ",
    "Token amity_whatever",
    "Basic YWxpY2U6cGFzc3dvcmQ=",
])
def test_it_refuses_an_unknown_or_malformed_credential(db, header):
    response = Client(headers={"Authorization": header}).get("/api/people")

    assert response.status_code == 401


def test_it_refuses_a_signed_in_user_who_belongs_to_no_workspace(client, alice):
    Membership.objects.filter(user=alice).delete()
    client.force_login(alice)

    assert client.get("/api/people").status_code == 401


# -- tokens ---------------------------------------------------------------------------

def test_it_acts_in_the_tokens_workspace(api, bob, other_workspace, make_person):
    make_person("Ana Ruiz")
    make_person("Bruno Bobson", ws=other_workspace)
    _, bobs_raw = create_token(other_workspace, bob, "bob's script")
    bobs_api = Client(headers={"Authorization": f"Bearer {bobs_raw}"})

    def names(client):
        return [p["display_name"] for p in client.get("/api/people").json()["items"]]

    assert names(api) == ["Ana Ruiz"]
    assert names(bobs_api) == ["Bruno Bobson"]


def test_it_writes_without_a_csrf_token_when_a_bearer_token_is_sent(token):
    script = Client(enforce_csrf_checks=True, headers={"Authorization": f"Bearer {token[1]}"})

    response = script.post("/api/people", {"display_name": "Ana"}, content_type=JSON)

    assert response.status_code == 201


def test_it_records_when_a_token_was_last_used(api, token):
    assert token[0].last_used_at is None

    api.get("/api/people")

    token[0].refresh_from_db()
    assert token[0].last_used_at is not None


def test_it_lists_the_workspaces_tokens_without_their_secrets(api, token, alice, workspace,
                                                             bob, other_workspace):
    old, _ = create_token(workspace, alice, "old phone")
    revoke_token(workspace, old)
    create_token(other_workspace, bob, "bob's script")

    response = api.get("/api/tokens")

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    by_name = {t["name"]: t for t in body["items"]}
    assert set(by_name) == {"laptop script", "old phone"}
    assert by_name["old phone"]["revoked"] is True and by_name["old phone"]["revoked_at"]
    assert by_name["laptop script"]["revoked"] is False
    assert by_name["laptop script"]["hint"] == token[1][:12]
    assert by_name["laptop script"]["last_used_at"] is not None
    assert token[1] not in response.content.decode()
    assert ApiToken.objects.get(pk=token[0].pk).key_hash not in response.content.decode()


def test_it_makes_no_tokens_through_the_api(api):
    response = api.post("/api/tokens", {"name": "sneaky"}, content_type=JSON)

    assert response.status_code == 405
    assert ApiToken.objects.count() == 1


# -- the browser's session -------------------------------------------------------------

def test_it_answers_a_signed_in_member_in_their_workspace(alice_client, make_person, bob,
                                                          other_workspace):
    make_person("Ana Ruiz")
    make_person("Bruno Bobson", ws=other_workspace)

    response = alice_client.get("/api/people")

    assert response.status_code == 200
    assert [p["display_name"] for p in response.json()["items"]] == ["Ana Ruiz"]


def test_it_requires_the_csrf_token_for_a_session_write(alice, db):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice)

    refused = browser.post("/api/people", {"display_name": "Ana"}, content_type=JSON)
    assert refused.status_code == 403
    assert not Person.objects.exists()

    browser.get("/api/docs")  # any page that sets the CSRF cookie
    csrf = browser.cookies["csrftoken"].value
    accepted = browser.post("/api/people", {"display_name": "Ana"}, content_type=JSON,
                            headers={"X-CSRFToken": csrf})
    assert accepted.status_code == 201, accepted.content


# -- the one place errors are mapped ------------------------------------------------------

def test_it_answers_an_ambiguous_name_with_422_and_the_candidates(workspace, make_person):
    ana, anabel = make_person("Ana Ruiz"), make_person("Anabel Stone")
    request = RequestFactory().get("/api/people")

    response = ninja_api.on_exception(request, Ambiguous("ana", [ana, anabel]))

    assert response.status_code == 422
    detail = json.loads(response.content)["detail"]
    assert detail[0]["type"] == "ambiguous" and "matches several people" in detail[0]["msg"]
    assert detail[0]["candidates"] == [{"id": ana.pk, "display_name": "Ana Ruiz"},
                                       {"id": anabel.pk, "display_name": "Anabel Stone"}]
