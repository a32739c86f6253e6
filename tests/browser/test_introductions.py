"""Being a connector in a real browser: Alice accepts a suggested
introduction and takes it, step by step and with both people's consent,
through to "introduced"; then she sees the new tie on the person page and
asks who can introduce her to someone at an organisation.
"""

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def network(alice_account):
    from django.utils import timezone

    from amity.organisations.actions import add_affiliation, create_organisation
    from amity.people.actions import add_fact, create_person
    from amity.workspaces.actions import local_workspace

    ws = local_workspace()
    ana = create_person(ws, display_name="Ana Ruiz")
    add_fact(ws, ana, kind="need", text="a grant writer for the spring appeal")
    add_fact(ws, ana, kind="value", text="food sovereignty")
    ben = create_person(ws, display_name="Ben Okafor")
    add_fact(ws, ben, kind="offer", text="writes grants for free for small groups")
    add_fact(ws, ben, kind="value", text="food sovereignty")
    ben.last_contact_at = timezone.now()
    ben.save()
    land_trust = create_organisation(ws, name="Eastgate Land Trust")
    add_affiliation(ws, ana, land_trust, role="Director")
    return {"ana": ana, "ben": ben, "land_trust": land_trust}


def sign_in(page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")


def test_it_takes_a_suggested_introduction_through_to_introduced(page, live_server, network):
    from amity.connector.models import Introduction, Relationship
    from amity.exchange.models import LedgerEntry

    sign_in(page, live_server)
    page.goto(f"{live_server.url}/connector/")
    suggestion = page.locator("ul.rows > li", has_text="Ana needs a grant writer")
    suggestion.get_by_text("Ben writes grants for free for small groups").wait_for()
    suggestion.get_by_role("button", name="Introduce Ana Ruiz and Ben Okafor").click()

    page.get_by_role("heading", name=re.compile("Introducing Ana Ruiz and Ben Okafor")).wait_for()
    status = page.locator("#intro-status")
    assert status.inner_text() == "Suggested"
    assert "Ana, meet Ben." in page.get_by_label("Draft message").input_value()

    # Consent first: each step is a button; htmx swaps the workflow in place.
    workflow = page.locator("#intro-workflow")
    for button, reached in (("I asked Ana", "Asked the first person"),
                            ("Ana agreed", "First person agreed"),
                            ("I asked Ben", "Asked the second person"),
                            ("Ben agreed", "Second person agreed"),
                            ("I introduced them", "Introduced")):
        if button == "I asked Ana":
            workflow.get_by_label("Note on this step (optional)").fill("Texted her on Monday")
        workflow.get_by_role("button", name=button, exact=True).click()
        page.locator("#intro-status", has_text=re.compile(f"^{reached}$")).wait_for()
    assert workflow.get_by_role("list", name="Steps so far").locator("li").count() == 6
    workflow.get_by_text("Texted her on Monday").wait_for()

    intro = Introduction.objects.get()
    assert intro.status == "introduced"
    assert Relationship.objects.filter(introduction=intro).exists()
    assert LedgerEntry.objects.filter(introduction=intro).count() == 2

    # The outcome, then the new tie on Ana's page.
    workflow.get_by_role("button", name="They met").click()
    workflow.get_by_text("They met").first.wait_for()
    page.goto(f"{live_server.url}/people/{network['ana'].pk}/")
    knows = page.get_by_role("list", name="Who Ana Ruiz knows")
    knows.get_by_role("link", name="Ben Okafor").wait_for()
    assert "introduced by you" in knows.inner_text()


def test_it_finds_who_can_introduce_alice_to_an_organisation(page, live_server, network):
    from amity.connector.actions import add_relationship
    from amity.workspaces.actions import local_workspace

    add_relationship(local_workspace(), network["ana"], network["ben"], kind="friends")
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/connector/path/")
    page.get_by_label("A person or an organisation").fill("land trust")
    page.get_by_role("button", name="Find warm paths").click()
    paths = page.get_by_role("list", name="Warm paths")
    paths.get_by_text("Ben Okafor and Ana Ruiz are friends").wait_for()
    assert "Ana Ruiz is at Eastgate Land Trust" in paths.inner_text()
