"""The give-first ledger in a real browser: Alice opens Ana's page, logs a give,
and sees the balance change in place, the journey panel catch up, and the ask
form remind her what she last gave."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def ana(alice_account):
    from amity.conversations.actions import log_conversation
    from amity.people.actions import add_fact, create_person
    from amity.workspaces.actions import local_workspace

    workspace = local_workspace()
    ana = create_person(workspace, display_name="Ana Ruiz", cadence_days=30)
    log_conversation(workspace, [ana], summary="Coffee at the market", initiated_by="me")
    add_fact(workspace, ana, kind="need", text="a grant writer for the spring appeal")
    return ana


def sign_in(page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")


def test_it_logs_a_give_and_the_balance_changes(page, live_server, ana):
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/people/{ana.pk}/")
    ledger = page.locator("#ledger")
    given = ledger.locator('[data-balance="given"]')
    assert given.inner_text() == "0"
    ledger.get_by_text("Log an ask").click()
    ledger.get_by_text("You have not given Ana Ruiz anything yet — give first?").wait_for()

    ledger.get_by_text("Log a give").click()
    ledger.get_by_label("Kind").first.select_option("information")
    ledger.get_by_label("What you gave").fill("shared the funder list")
    ledger.get_by_role("button", name="Log the give").click()

    # htmx swaps the panel in place: no page load, the balance is 1.
    page.locator("#ledger", has_text="Noted: you gave Ana Ruiz shared the funder list.") \
        .wait_for()
    assert page.locator('#ledger [data-balance="given"]').inner_text() == "1"
    assert page.locator("#ledger .entry-text").first.inner_text() == "shared the funder list"
    # The journey panel hears about it and refreshes its evidence.
    page.locator("#journey", has_text="You gave 1 thing; they gave nothing").wait_for()

    # Before the next ask, the ask form says what she last gave.
    page.locator("#ledger").get_by_text("Log an ask").click()
    page.locator("#ledger").get_by_text(
        "You last gave to Ana Ruiz today: shared the funder list").wait_for()
    page.reload()
    assert page.locator('#ledger [data-balance="given"]').inner_text() == "1"
