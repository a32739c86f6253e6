"""The journey on the web: the person page panel, pinning, the agenda's next
steps and thank-you prompts."""

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse

from amity.connector.models import Introduction, IntroStatus, Outcome
from amity.conversations.actions import log_conversation
from amity.exchange.models import EntryKind, LedgerEntry
from amity.journey.actions import pin_stage
from amity.people.actions import add_fact

TODAY = date(2026, 3, 10)
HTMX = {"HX-Request": "true"}


@pytest.fixture(autouse=True)
def frozen_day():
    with time_machine.travel(datetime(2026, 3, 10, 9, 0), tick=False):
        yield


@pytest.fixture
def ana(workspace, make_person):
    ana = make_person("Ana Ruiz", cadence_days=7)
    log_conversation(workspace, [ana], summary="Coffee", initiated_by="me",
                     happened_at="2026-02-01")
    add_fact(workspace, ana, kind="interest", text="community allotments")
    add_fact(workspace, ana, kind="value", text="fairness")
    return ana


def person_page(client, person) -> str:
    page = client.get(reverse("people:detail", args=[person.pk]))
    assert page.status_code == 200
    return page.content.decode()


def test_it_shows_the_stage_why_and_what_next_on_the_person_page(alice_client, ana):
    text = person_page(alice_client, ana)
    assert 'id="journey"' in text
    assert "Journey: <span class=\"journey-stage\">Listening</span>" in text
    assert 'aria-current="step">3. Listening' in text
    assert "1 conversation, 1 started by you" in text
    assert "For connected: contact both ways" in text
    assert "Ask Ana Ruiz what they are working on and where they could use help" in text
    assert 'name="stage"' in text and 'for="pin_stage"' in text
    assert "Clear pin" not in text


def test_it_pins_a_stage_without_javascript(alice_client, ana):
    response = alice_client.post(reverse("journey:pin", args=[ana.pk]), {"stage": "trusted"})
    assert response.status_code == 302
    assert response["Location"] == reverse("people:detail", args=[ana.pk]) + "#journey"
    ana.refresh_from_db()
    assert ana.stage_pin == "trusted" and ana.stage_pinned_at is not None
    text = person_page(alice_client, ana)
    assert "Ana Ruiz is pinned at trusted." in text
    assert '<span class="badge warn">pinned</span>' in text
    assert "The evidence says listening." in text and "Clear pin" in text


def test_it_pins_and_clears_with_htmx_answering_the_panel(alice_client, ana):
    pinned = alice_client.post(reverse("journey:pin", args=[ana.pk]), {"stage": "rapport"},
                               headers=HTMX)
    text = pinned.content.decode()
    assert pinned.status_code == 200 and text.lstrip().startswith('<section id="journey"')
    assert "<html" not in text and "Rapport" in text and "pinned" in text
    cleared = alice_client.post(reverse("journey:clear_pin", args=[ana.pk]), headers=HTMX)
    assert "the stage follows the evidence again" in cleared.content.decode()
    ana.refresh_from_db()
    assert ana.stage_pin == "" and ana.stage_pinned_at is None


def test_it_refuses_an_unknown_stage_and_changes_nothing(alice_client, ana):
    response = alice_client.post(reverse("journey:pin", args=[ana.pk]),
                                 {"stage": "best friends"}, headers=HTMX)
    assert "Choose one of the seven stages to pin." in response.content.decode()
    ana.refresh_from_db()
    assert ana.stage_pin == ""


def test_it_reloads_the_panel_alone(alice_client, ana):
    response = alice_client.get(reverse("journey:panel", args=[ana.pk]), headers=HTMX)
    assert response.status_code == 200
    assert 'hx-trigger="ledger-changed from:body"' in response.content.decode()


def test_it_refuses_get_on_the_pin_actions(alice_client, ana):
    assert alice_client.get(reverse("journey:pin", args=[ana.pk])).status_code == 405
    assert alice_client.get(reverse("journey:clear_pin", args=[ana.pk])).status_code == 405


def test_it_answers_404_for_bobs_person(alice_client, bobs_person):
    for name in ("panel", "pin", "clear_pin", "thank"):
        url = reverse(f"journey:{name}", args=[bobs_person.pk])
        assert alice_client.post(url, {"stage": "trusted", "description": "x"}).status_code \
            == 404
    bobs_person.refresh_from_db()
    assert bobs_person.stage_pin == ""
    assert not LedgerEntry.objects.exists()


# -- the agenda -------------------------------------------------------------------

def test_it_shows_next_steps_for_people_due_a_check_in(alice_client, ana, workspace):
    pin_stage(workspace, ana, "connected")
    text = alice_client.get(reverse("agenda:home")).content.decode()
    assert "Next steps" in text
    section = text[text.index("next-steps-heading"):]
    assert "Ana Ruiz" in section and "Connected (pinned)" in section
    assert "Offer something: an article, an event or a contact about “community allotments”" \
        in section


def test_it_prompts_thanks_and_records_the_thank_you(alice_client, workspace, make_person):
    ben, chidi = make_person("Ben Okafor"), make_person("Chidi Obi")
    Introduction.objects.create(workspace=workspace, person_a=ben, person_b=chidi,
                                status=IntroStatus.INTRODUCED, outcome=Outcome.MET,
                                outcome_on=TODAY - timedelta(days=3))
    text = alice_client.get(reverse("agenda:home")).content.decode()
    assert "Say thank you" in text
    assert "your introduction to Chidi Obi led to a meeting" in text

    response = alice_client.post(reverse("journey:thank", args=[ben.pk]), {
        "description": "Thanked them for following up the introduction to Chidi Obi",
        "next": "/"}, headers=HTMX)
    assert response.status_code == 200
    assert "Thank-you to Ben Okafor noted in the ledger." in response.content.decode()
    entry = LedgerEntry.objects.get(person=ben)
    assert (entry.kind, entry.direction) == (EntryKind.APPRECIATION, "to_them")

    # Without JavaScript: back to the agenda, with a message; Ben is thanked already.
    response = alice_client.post(reverse("journey:thank", args=[chidi.pk]), {
        "description": "Thanks!", "next": "/"})
    assert response.status_code == 302 and response["Location"] == "/"
    assert "Say thank you" not in alice_client.get("/").content.decode()


def test_it_builds_the_agenda_panel_in_a_bounded_number_of_queries(
        alice_client, workspace, make_person, django_assert_max_num_queries):
    from amity.journey.panels import agenda_panel

    for i in range(12):
        person = make_person(f"Person {i:02d}", cadence_days=7)
        log_conversation(workspace, [person], summary="Hello", initiated_by="them",
                         happened_at="2026-02-01")
    request = alice_client.get("/").wsgi_request
    request.workspace = workspace
    with django_assert_max_num_queries(12):
        panel = agenda_panel(request)
    assert len(panel["next_steps"]) == 5
