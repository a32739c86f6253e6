"""First run, signing in and signing out."""

from django.urls import reverse

from amity.accounts.models import User
from amity.workspaces.models import Membership, Role


def test_it_sends_the_very_first_visit_to_setup_and_then_to_the_agenda(client, db):
    first = client.get(reverse("agenda:home"))
    assert first.status_code == 302
    assert first.url == reverse("accounts:setup")
    page = client.get(reverse("accounts:setup"))
    assert page.status_code == 200
    assert b'<label for="id_username"' in page.content

    done = client.post(reverse("accounts:setup"), {
        "username": "alice", "email": "alice@example.org",
        "password": "a long walk by the river", "password_again": "a long walk by the river"})

    assert done.status_code == 302
    assert done.url == reverse("agenda:home")
    user = User.objects.get(username="alice")
    assert Membership.objects.get(user=user).role == Role.OWNER
    agenda = client.get(done.url)
    assert agenda.status_code == 200
    assert b"Today" in agenda.content


def test_it_refuses_setup_once_an_account_exists(client, alice):
    assert client.get(reverse("accounts:setup")).url == reverse("accounts:login")
    refused = client.post(reverse("accounts:setup"), {
        "username": "mallory", "password": "a long walk by the river",
        "password_again": "a long walk by the river"})
    assert refused.url == reverse("accounts:login")
    assert not User.objects.filter(username="mallory").exists()


def test_it_asks_for_the_same_password_twice_and_writes_nothing(client, db):
    page = client.post(reverse("accounts:setup"), {
        "username": "alice", "password": "a long walk by the river",
        "password_again": "a long walk by the sea"})
    assert page.status_code == 200
    assert b"The two passwords differ." in page.content
    assert not User.objects.exists()


def test_it_refuses_a_weak_password_on_the_password_field(client, db):
    page = client.post(reverse("accounts:setup"), {
        "username": "alice", "password": "123", "password_again": "123"})
    assert page.context["form"].errors["password"]
    assert not User.objects.exists()


def test_it_signs_in_and_out(client, alice):
    assert client.get(reverse("accounts:login")).status_code == 200
    wrong = client.post(reverse("accounts:login"),
                        {"username": "alice", "password": "wrong horse"})
    assert wrong.status_code == 200
    assert wrong.context["form"].errors

    signed_in = client.post(reverse("accounts:login"),
                            {"username": "alice", "password": "correct horse battery"})
    assert signed_in.url == reverse("agenda:home")
    assert client.get(reverse("agenda:home")).status_code == 200

    signed_out = client.post(reverse("accounts:logout"))
    assert signed_out.url == reverse("accounts:login")
    after = client.get(reverse("agenda:home"))
    assert after.status_code == 302
    assert after.url.startswith(reverse("accounts:login"))


def test_it_sends_a_signed_in_member_away_from_the_login_page(alice_client):
    assert alice_client.get(reverse("accounts:login")).url == reverse("agenda:home")
