"""The core journey in a real browser, as a person would live it.

Sign in, add a person with what matters to them, log a conversation with a
follow-up, see it on the agenda, complete it, and find the person again by a
word from the conversation. The demo network's agenda and a person page are
photographed for the README (docs/agenda.png, docs/person.png).
"""

import re
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DOCS = Path(__file__).resolve().parents[2] / "docs"


def sign_in(page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")


def test_it_takes_alice_from_a_new_person_to_a_completed_follow_up(page, live_server,
                                                                     alice_account):
    sign_in(page, live_server)

    # Add a person.
    page.goto(f"{live_server.url}/people/new/")
    page.get_by_label(re.compile(r"^Name:?$")).fill("José Álvarez")
    page.get_by_label("Email addresses").fill("jose@example.org")
    page.get_by_label("Keep in touch every (days)").fill("30")
    page.get_by_role("button", name="Add person").click()
    page.get_by_role("heading", name="José Álvarez").wait_for()
    person_url = page.url

    # A fact, from the person page.
    facts = page.locator("#facts")
    facts.get_by_label("Kind").select_option("need")
    facts.get_by_label("What matters", exact=False).fill("a grant writer for the spring appeal")
    facts.get_by_role("button", name="Add").click()
    facts.locator(".fact-text", has_text="a grant writer for the spring appeal").wait_for()

    # Log a conversation with a follow-up.
    page.locator("main").get_by_role("link", name="Log a conversation").first.click()
    page.get_by_label("What it was about").fill("Coffee at the market")
    page.get_by_label("Notes").fill("We talked about community gardening and the allotments.")
    page.get_by_label("Next step").fill("Send him the land trust article")
    page.get_by_label("Due").fill("today")
    page.get_by_role("button", name="Log it").click()
    page.get_by_text("Coffee at the market").first.wait_for()

    # The follow-up is on the agenda; complete it there.
    page.goto(f"{live_server.url}/")
    row = page.locator("ul.rows > li", has_text="Send him the land trust article")
    row.wait_for()
    row.get_by_role("button", name="Done").click()
    # htmx swaps the row in place (marked done, with an undo) without a reload.
    page.locator("ul.rows > li.done", has_text="Send him the land trust article").wait_for()
    page.reload()
    assert page.locator("ul.rows > li", has_text="Send him the land trust article").count() == 0

    # Find José by a word from the conversation, without the accent.
    page.get_by_label("Search people").fill("gardening")
    page.get_by_label("Search people").press("Enter")
    page.get_by_role("link", name="José Álvarez").first.click()
    assert page.url == person_url

    page.get_by_label("Search people").fill("jose alvarez")
    page.get_by_label("Search people").press("Enter")
    assert page.get_by_role("link", name="José Álvarez").count() >= 1


def test_it_works_on_a_phone_sized_screen(phone_page, live_server, alice_account):
    sign_in(phone_page, live_server)
    phone_page.goto(f"{live_server.url}/people/new/")
    # The package's stylesheet is served and applied (no build step, no CDN).
    position = phone_page.evaluate(
        "getComputedStyle(document.querySelector('.visually-hidden')).position")
    assert position == "absolute"
    # Nothing wider than the screen: no sideways scrolling on a phone.
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1
    phone_page.get_by_label(re.compile(r"^Name:?$")).fill("Zoë Nguyễn")
    phone_page.get_by_role("button", name="Add person").click()
    phone_page.get_by_role("heading", name="Zoë Nguyễn").wait_for()


def test_it_lets_a_first_visitor_create_their_account(page, live_server, transactional_db):
    page.goto(f"{live_server.url}/")
    assert "/setup/" in page.url
    page.get_by_label("Username").fill("ana")
    page.get_by_label(re.compile(r"^Password:?$")).fill("a long enough passphrase 42")
    page.get_by_label("Password, again").fill("a long enough passphrase 42")
    page.get_by_role("button", name="Create my account").click()
    page.wait_for_url(f"{live_server.url}/")
    page.get_by_role("link", name="People").wait_for()


def test_it_shows_the_demo_network_alive_on_the_agenda(page, live_server, alice_account):
    from amity.demo import generate
    from amity.people.models import Person
    from amity.workspaces.actions import local_workspace

    generate(local_workspace(), people=60, seed=1)
    sign_in(page, live_server)
    page.get_by_role("heading", name="Follow-ups due").wait_for()
    assert page.locator("ul.rows > li").count() >= 5
    DOCS.mkdir(exist_ok=True)
    page.screenshot(path=str(DOCS / "agenda.png"), full_page=False)

    person = (Person.objects.filter(workspace=local_workspace(), facts__isnull=False,
                                    follow_ups__done_at__isnull=True)
              .order_by("-importance", "id").first())
    page.goto(f"{live_server.url}/people/{person.pk}/")
    page.get_by_role("heading", name="What matters to them", exact=True).wait_for()
    page.screenshot(path=str(DOCS / "person.png"), full_page=False)
