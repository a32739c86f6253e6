"""Inviting a ranked person to an initiative, in a real browser.

Alice adds an initiative with what it needs, sees whom to invite (the person
whose offers and interests fit best comes first, with the reason), invites
her, and gets a personal draft that names her and what she cares about. When
she makes the message generic, the page warns her; then she marks it sent.
"""

import re
from datetime import timedelta

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def people(alice_account):
    from django.utils import timezone

    from amity.conversations.actions import log_conversation
    from amity.people.actions import add_fact, create_person
    from amity.workspaces.actions import local_workspace

    workspace = local_workspace()
    ana = create_person(workspace, display_name="Ana Ruiz")
    add_fact(workspace, ana, kind="offer", text="grant writing for small charities")
    add_fact(workspace, ana, kind="interest", text="food security")
    log_conversation(workspace, [ana], summary="Coffee at the market",
                     happened_at=timezone.now() - timedelta(days=3))
    ben = create_person(workspace, display_name="Ben Okafor")
    add_fact(workspace, ben, kind="interest", text="food security")
    create_person(workspace, display_name="Cleo North")
    return ana


def sign_in(page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")


def test_it_invites_the_best_fit_with_a_personal_draft(page, live_server, people):
    sign_in(page, live_server)

    # An initiative and what it needs.
    page.goto(f"{live_server.url}/initiatives/new/")
    page.get_by_label(re.compile(r"^Name:?$")).fill("Seed library")
    page.get_by_label("Description").fill("A free seed library for the allotments.")
    page.get_by_label("What it needs").fill("grant writing, interest: food security")
    page.get_by_role("button", name="Add initiative").click()
    page.get_by_role("heading", name="Seed library").wait_for()

    # Whom to invite: Ana first, with the reason; Cleo (nothing recorded) not at all.
    ranked = page.locator("#candidates ol > li")
    ranked.first.wait_for()
    assert ranked.first.get_by_role("link").first.inner_text() == "Ana Ruiz"
    assert "offers grant writing for small charities" in ranked.first.inner_text()
    assert ranked.nth(1).get_by_role("link").first.inner_text() == "Ben Okafor"
    assert page.locator("#candidates ol > li", has_text="Cleo North").count() == 0

    # Invite her: the draft is personal.
    ranked.first.get_by_role("button", name="Invite Ana Ruiz").click()
    page.get_by_role("heading", name=re.compile("Inviting Ana Ruiz")).wait_for()
    message = page.get_by_role("textbox", name=re.compile(r"^Message"))
    draft = message.input_value()
    assert draft.startswith("Hi Ana,")
    assert "food security" in draft
    assert "Coffee at the market" in draft
    assert page.get_by_text("Personal: it names Ana Ruiz").count() == 1

    # A generic message is caught as soon as it is saved (htmx, in place).
    message.fill("We are starting something new. Would you like to join?")
    page.get_by_role("button", name="Save the message").click()
    page.get_by_text("This message says nothing specific to Ana Ruiz").wait_for()

    # Back to a personal one, then mark it sent.
    message = page.get_by_role("textbox", name=re.compile(r"^Message"))
    message.fill(draft)
    page.get_by_role("button", name="Save the message").click()
    page.get_by_text("Personal: it names Ana Ruiz").wait_for()
    page.get_by_role("button", name="Mark sent").click()
    page.get_by_text("Marked sent.").wait_for()
    assert page.get_by_role("button", name="Accepted").count() == 1

    # The initiative lists her invitation; she no longer appears among whom to invite.
    page.get_by_role("link", name="← Seed library").click()
    page.locator("#invitations .badge", has_text="Sent").wait_for()
    assert page.locator("#candidates ol > li", has_text="Ana Ruiz").count() == 0
    assert page.locator("#candidates ol > li", has_text="Ben Okafor").count() == 1
