"""The pre-meeting brief in a real browser: read it, note an answer, print it.

Alice opens Ana's brief from her page, sees the old need flagged "ask again",
notes Ana's answer to a suggested question in place (htmx, no reload), and
checks what the printer gets: the brief without the menus, buttons and forms.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def ana(alice_account):
    from amity.people.actions import add_fact, create_person
    from amity.workspaces.actions import local_workspace

    workspace = local_workspace()
    ana = create_person(workspace, display_name="Ana Ruiz", pronouns="she/her")
    add_fact(workspace, ana, kind="need", text="a grant writer",
             learned_on=timezone.localdate() - timedelta(days=800))
    return ana


def sign_in(page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")


def test_it_reads_notes_and_prints_a_brief(page, live_server, ana):
    from amity.people.models import Fact

    sign_in(page, live_server)
    page.goto(f"{live_server.url}/people/{ana.pk}/")
    page.locator("main").get_by_role("link", name="Brief", exact=True).click()
    page.get_by_role("heading", name="Ana Ruiz").wait_for()
    facts = page.locator("#brief-facts")
    assert facts.locator("li", has_text="a grant writer").locator(".badge").inner_text() == (
        "ask again")

    # Note an answer to the first suggested question, in place.
    first = page.locator("#questions-panel li").first
    question = first.locator(".question-text").inner_text()
    first.get_by_label("Keep as").select_option("goal")
    first.get_by_label("Asked — their answer").fill("a community fridge on the estate")
    first.get_by_role("button", name="Save").click()
    panel = page.locator("#questions-panel")
    panel.get_by_role("status").filter(has_text="noted as goal").wait_for()
    asked = panel.locator(".asked-before li").first
    assert question in asked.inner_text() and "a community fridge" in asked.inner_text()
    assert Fact.objects.filter(person=ana, kind="goal",
                               text="a community fridge on the estate").exists()

    # The Print button appears once its script runs; on paper only the brief remains.
    assert page.get_by_role("button", name="Print this brief").is_visible()
    page.emulate_media(media="print")
    assert page.locator("header.top").is_hidden()
    assert page.get_by_role("button", name="Print this brief").is_hidden()
    assert page.locator("#questions-panel form").first.is_hidden()
    assert page.get_by_role("heading", name="What matters to them").is_visible()
    assert page.locator("#questions-panel .question-text").first.is_visible()
    assert len(page.pdf(format="A4")) > 1000
