"""Events and focus in a real browser: go where people are, then focus.

Alice notes yesterday's meetup, records whom she met there in the multi-row
form, is prompted on the agenda to follow them up, and puts one of them in her
focus list from their page; the agenda shows the focus list first.
"""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")


def test_it_captures_whom_alice_met_and_puts_one_in_focus(page, live_server, alice_account):
    sign_in(page, live_server)

    # The event.
    page.goto(f"{live_server.url}/events/new/")
    page.get_by_label("Name").fill("Growers' meetup")
    page.get_by_label("Date").fill("yesterday")
    page.get_by_label("Place").fill("The allotments")
    page.get_by_role("button", name="Add event").click()
    page.get_by_role("heading", name="Growers' meetup").wait_for()

    # Whom she met: two rows of the quick-capture form (htmx swaps the section in place).
    page.get_by_label("Name 1", exact=True).fill("Ana Ruiz")
    page.get_by_label("Organisation 1", exact=True).fill("Riverside Food Bank")
    page.get_by_label("What matters 1", exact=True).fill("needs: a grant writer")
    page.get_by_label("Name 2", exact=True).fill("Ben Okafor")
    page.get_by_label("What matters 2", exact=True).fill("offers: grant writing")
    page.get_by_role("button", name="Save who I met").click()
    met = page.locator("#met")
    met.get_by_text("Added Ana Ruiz, Ben Okafor, with a follow-up").wait_for()
    assert met.get_by_role("link", name="Ana Ruiz").count() == 1

    # The agenda prompts to follow them up.
    page.goto(f"{live_server.url}/")
    page.get_by_text("You met 2 new people at").wait_for()

    # Ana goes into the focus list from her page.
    page.get_by_role("link", name="Ana Ruiz").first.click()
    page.get_by_role("heading", name="Ana Ruiz").wait_for()
    page.locator("#focus-panel summary").click()
    page.get_by_label("What you can offer them").fill("an introduction to Ben")
    page.get_by_role("button", name="Add to focus").click()
    page.get_by_text("In your focus list", exact=True).wait_for()

    # The agenda shows the focus list first.
    page.goto(f"{live_server.url}/")
    headings = page.locator("main h2").all_inner_texts()
    assert headings[0].startswith("Your focus")
    focus = page.locator("section", has=page.get_by_role("heading", name="Your focus"))
    focus.get_by_text("You can offer: an introduction to Ben").wait_for()
