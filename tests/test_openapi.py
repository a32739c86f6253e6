"""The OpenAPI document of /api/, and a generated-request smoke test against it.

The document is what other programs build on: every path the API promises
must be in it, with the bearer-token scheme declared.
"""

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from amity.workspaces.actions import create_token

PATHS = {
    "/api/people": {"get", "post"},
    "/api/people/{id}": {"get", "patch", "delete"},
    "/api/people/{id}/archive": {"post"},
    "/api/people/{id}/unarchive": {"post"},
    "/api/facts": {"get", "post"},
    "/api/facts/{id}": {"get", "patch", "delete"},
    "/api/organisations": {"get", "post"},
    "/api/organisations/{id}": {"get", "patch", "delete"},
    "/api/affiliations": {"get", "post"},
    "/api/affiliations/{id}": {"get", "patch", "delete"},
    "/api/conversations": {"get", "post"},
    "/api/conversations/{id}": {"get", "patch", "delete"},
    "/api/follow-ups": {"get", "post"},
    "/api/follow-ups/{id}": {"get", "patch", "delete"},
    "/api/follow-ups/{id}/complete": {"post"},
    "/api/follow-ups/{id}/snooze": {"post"},
    "/api/follow-ups/{id}/reschedule": {"post"},
    "/api/agenda": {"get"},
    "/api/search": {"get"},
    "/api/tokens": {"get"},
    # The relationship craft.
    "/api/journey/people/{person_id}": {"get"},
    "/api/journey/people/{person_id}/pin": {"put", "delete"},
    "/api/ledger": {"get", "post"},
    "/api/ledger/{id}": {"get", "patch", "delete"},
    "/api/ledger/balance/{person_id}": {"get"},
    "/api/connector/suggestions": {"get"},
    "/api/connector/introductions": {"get", "post"},
    "/api/connector/introductions/{id}/step": {"post"},
    "/api/connector/introductions/{id}/decline": {"post"},
    "/api/connector/introductions/{id}/outcome": {"post"},
    "/api/connector/relationships": {"get", "post"},
    "/api/connector/paths": {"get"},
    "/api/initiatives": {"get", "post"},
    "/api/initiatives/{id}/candidates": {"get"},
    "/api/initiatives/{id}/invitations": {"get", "post"},
    "/api/initiatives/invitations/{id}/status": {"post"},
    "/api/events": {"get", "post"},
    "/api/events/{id}/met": {"post"},
    "/api/goals": {"get", "post"},
    "/api/goals/{id}/aligned": {"get"},
    "/api/goals/focus": {"get", "post"},
    "/api/questions": {"get", "post"},
    "/api/questions/ask": {"post"},
    "/api/brief/{person_id}": {"get"},
}


@pytest.fixture
def document(client, db):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_it_lists_every_promised_path_and_method(document):
    for path, methods in PATHS.items():
        assert path in document["paths"], path
        assert methods <= set(document["paths"][path]), path


def test_it_declares_the_bearer_token_scheme_on_every_operation(document):
    schemes = document["components"]["securitySchemes"]
    bearer = [name for name, s in schemes.items()
              if s["type"] == "http" and s["scheme"] == "bearer"]
    assert len(bearer) == 1
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            assert {bearer[0]: []} in operation["security"], f"{method} {path}"


def test_it_documents_pagination_and_the_error_answers(document):
    people = document["paths"]["/api/people"]["get"]
    assert "?page=1&page_size=50" in people["description"]
    assert {"200", "401", "422"} <= set(people["responses"])
    assert {"200", "401", "404", "422"} <= set(
        document["paths"]["/api/people/{id}"]["patch"]["responses"])
    assert "Paginated by page number" in document["info"]["description"]


def test_it_serves_the_interactive_docs(client, db):
    response = client.get("/api/docs")

    assert response.status_code == 200
    assert b"openapi.json" in response.content


# -- generated requests -------------------------------------------------------------

# Requests per operation; raise it for a longer run (AMITY_FUZZ_EXAMPLES=200).
EXAMPLES = int(os.environ.get("AMITY_FUZZ_EXAMPLES", "6"))


def load_schema():
    """The document as the running app serves it (no database needed to serve it).

    Loaded at import, not from a fixture: schemathesis's lazy fixture loader
    does not run under pytest 9 (it reads ``request.node._nodeid``)."""
    from amity.wsgi import application

    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)
    # A smoke test, not a fuzzing campaign: a few valid requests per operation.
    schema.config.phases.update(phases=["fuzzing"])
    schema.config.generation.update(modes=["positive"], max_examples=EXAMPLES)
    return schema


@pytest.fixture
def keep_connection():
    """Run the WSGI app the way Django's test client does: without closing the
    database connection at the end of each request, which would end the test's
    transaction (on PostgreSQL; SQLite's in-memory test database ignores it)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def bearer(keep_connection, workspace, make_person):
    # Someone to find, so small ids sometimes hit a real row rather than always 404.
    make_person("Ana Ruiz", emails=["ana@example.org"], cadence_days=30)
    # A script's token with no member behind it: the workspace is what it acts in
    # (and no password to hash for each of the forty operations).
    _, raw = create_token(workspace, None, "schemathesis")
    return {"Authorization": f"Bearer {raw}"}


fuzzed = load_schema()


@fuzzed.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
def test_it_answers_generated_requests_as_documented(case, bearer):
    response = case.call_and_validate(headers=bearer, checks=[
        not_a_server_error, status_code_conformance, content_type_conformance,
        response_schema_conformance])
    assert response.status_code != 401  # the token works, so the checks saw real answers
