"""A real Chromium (Debian's package) driven by Playwright against a live server."""

import shutil

import pytest
from conftest import require_component

LAUNCH_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


@pytest.fixture(scope="session")
def chromium():
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        require_component("chromium",
                          "Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True,
                                             args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def phone_page(chromium):
    context = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def alice_account(transactional_db):
    """Alice, owner of the local workspace, with a password to sign in with."""
    from amity.accounts.models import User
    from amity.workspaces.actions import local_workspace
    from amity.workspaces.models import Membership, Role

    user = User.objects.create_user("alice", "alice@example.org", "correct horse battery")
    Membership.objects.create(workspace=local_workspace(), user=user, role=Role.OWNER)
    return user
