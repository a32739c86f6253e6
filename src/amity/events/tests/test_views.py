"""Events on the web: list, add, edit, delete, the event page, quick capture, the panels."""

from datetime import datetime

import pytest
import time_machine
from django.urls import reverse

from amity.conversations.actions import log_conversation
from amity.events.actions import create_event, expect_person, record_met
from amity.events.models import Attendance, Event
from amity.followups.models import FollowUp
from amity.people.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen_day():
    # Tuesday 10 March 2026.
    with time_machine.travel(datetime(2026, 3, 10, 9, 0), tick=False):
        yield


@pytest.fixture
def summit(workspace):
    return create_event(workspace, name="Food Justice Summit", starts_on="2026-03-05",
                        place="Leeds")


@pytest.fixture
def bobs_event(other_workspace):
    return create_event(other_workspace, name="Bob's secret gala", starts_on="2026-03-06")


def test_it_lists_upcoming_and_past_events(alice_client, workspace, summit, bobs_event):
    create_event(workspace, name="Growers' meetup", starts_on="2026-03-20")
    record_met(workspace, summit, ["Ana Ruiz", "Ben Okafor"])
    page = alice_client.get(reverse("events:list")).content.decode()
    assert page.index("Growers&#x27; meetup") < page.index("Past") < page.index("Food Justice")
    assert "met 2 (2 new)" in page
    assert "Bob" not in page


def test_it_adds_and_edits_an_event(alice_client):
    answer = alice_client.post(reverse("events:new"), {
        "name": "Growers' meetup", "kind": "meetup", "starts_on": "friday", "place": "Allotments"})
    event = Event.objects.get()
    assert answer.status_code == 302 and answer["Location"] == reverse("events:detail",
                                                                       args=[event.pk])
    bad = alice_client.post(reverse("events:edit", args=[event.pk]), {
        "name": "", "kind": "meetup", "starts_on": "2026-03-13", "ends_on": "2026-03-01"})
    assert bad.status_code == 200
    assert b"name cannot be empty" in bad.content and b"before its start date" in bad.content
    alice_client.post(reverse("events:edit", args=[event.pk]), {
        "name": "Growers' social", "kind": "other", "starts_on": "2026-03-13"})
    event.refresh_from_db()
    assert (event.name, event.kind) == ("Growers' social", "other")


def test_it_deletes_an_event_but_keeps_the_people(alice_client, workspace, summit):
    record_met(workspace, summit, ["Ana Ruiz"])
    confirm = alice_client.get(reverse("events:delete", args=[summit.pk]))
    assert b"Delete the event" in confirm.content
    alice_client.post(reverse("events:delete", args=[summit.pk]))
    assert not Event.objects.exists() and Person.objects.filter(display_name="Ana Ruiz").exists()


def test_it_shows_the_event_page_with_five_capture_rows_or_more(alice_client, workspace,
                                                                summit, make_person):
    expect_person(workspace, summit, make_person("Chloé Martin"))
    page = alice_client.get(reverse("events:detail", args=[summit.pk])).content.decode()
    assert "Chloé Martin" in page
    assert page.count('name="name_') == 5 and 'href="?rows=10#met-form"' in page
    assert f'action="/events/{summit.pk}/met/"' in page
    more = alice_client.get(reverse("events:detail", args=[summit.pk]), {"rows": "10"})
    assert more.content.decode().count('name="name_') == 10
    assert alice_client.get(reverse("events:detail", args=[summit.pk]),
                            {"rows": "9999"}).content.decode().count('name="name_') == 30


def test_it_captures_several_people_from_the_form(alice_client, summit):
    answer = alice_client.post(reverse("events:met", args=[summit.pk]), {
        "rows": "5",
        "name_0": "Ana Ruiz", "organisation_0": "Food Bank", "what_matters_0": "needs: a van",
        "name_1": "", "organisation_1": "", "what_matters_1": "",
        "name_2": "Ben Okafor", "organisation_2": "", "what_matters_2": "",
    }, follow=True)
    assert answer.status_code == 200
    assert "Added Ana Ruiz, Ben Okafor, with a follow-up" in answer.content.decode()
    assert Attendance.objects.filter(event=summit, status="met", is_new=True).count() == 2
    assert FollowUp.objects.count() == 2


def test_it_shows_the_bad_row_and_keeps_what_was_typed(alice_client, summit):
    answer = alice_client.post(reverse("events:met", args=[summit.pk]), {
        "rows": "5", "name_0": "Ana Ruiz", "organisation_1": "Orphan Org"})
    assert answer.status_code == 422
    text = answer.content.decode()
    assert "Row 2: the name cannot be empty." in text
    assert 'value="Ana Ruiz"' in text and 'value="Orphan Org"' in text
    assert not Person.objects.exists()


def test_it_answers_htmx_with_the_met_section(alice_client, summit):
    answer = alice_client.post(reverse("events:met", args=[summit.pk]),
                               {"rows": "5", "name_0": "Ana Ruiz"}, headers={"HX-Request": "true"})
    text = answer.content.decode()
    assert answer.status_code == 200 and text.lstrip().startswith('<section id="met"')
    assert "Ana Ruiz" in text and "<html" not in text


def test_it_adds_and_removes_someone_expected(alice_client, summit, make_person):
    ana = make_person("Ana Ruiz")
    url = reverse("events:expect", args=[summit.pk])
    alice_client.post(url, {"person": "ana"})
    assert Attendance.objects.get(person=ana).status == "expected"
    missing = alice_client.post(url, {"person": "Nobody Here"})
    assert missing.status_code == 422 and b"No person matching" in missing.content
    alice_client.post(url, {"remove": ana.pk})
    assert not Attendance.objects.exists()
    assert alice_client.get(url).status_code == 405


def test_it_answers_404_for_another_workspaces_event_and_people(alice_client, summit,
                                                                bobs_event, bobs_person):
    for name in ("detail", "edit", "delete", "met", "expect"):
        assert alice_client.get(reverse(f"events:{name}", args=[bobs_event.pk])).status_code \
            == 404
    assert alice_client.post(reverse("events:met", args=[bobs_event.pk]),
                             {"rows": "1", "name_0": "Ana"}).status_code == 404
    assert alice_client.post(reverse("events:expect", args=[summit.pk]),
                             {"person": f"#{bobs_person.pk}"}).status_code == 422
    assert alice_client.post(reverse("events:expect", args=[summit.pk]),
                             {"remove": bobs_person.pk}).status_code == 404
    assert not Attendance.objects.exists()


def test_it_prompts_on_the_agenda_to_follow_up_new_people(alice_client, workspace, summit):
    met = record_met(workspace, summit, ["Ana Ruiz", "Ben Okafor", "Chloé Martin"])
    ben = met[1].person
    # A conversation at the event itself is not a follow-up; one after it is.
    log_conversation(workspace, [met[0].person], summary="Met at the summit",
                     happened_at="2026-03-05T15:00")
    log_conversation(workspace, [ben], summary="Coffee", happened_at="2026-03-09T10:00")
    page = alice_client.get(reverse("agenda:home")).content.decode()
    assert "You met 3 new people at" in page
    prompt = page[page.index("You met 3 new people"):]
    prompt = prompt[:prompt.index("</li>")]
    assert "Ana Ruiz" in prompt and "Chloé Martin" in prompt and "Ben Okafor" not in prompt
    assert "(2 of 3)" in prompt


def test_it_stops_prompting_two_weeks_after_the_event(alice_client, workspace, summit):
    record_met(workspace, summit, ["Ana Ruiz"])
    with time_machine.travel(datetime(2026, 3, 19, 9, 0), tick=False):
        assert b"You met 1 new person" in alice_client.get(reverse("agenda:home")).content
    with time_machine.travel(datetime(2026, 3, 20, 9, 0), tick=False):
        assert b"You met 1 new" not in alice_client.get(reverse("agenda:home")).content


def test_it_keeps_the_agenda_prompt_to_a_few_queries(rf, workspace, alice,
                                                     django_assert_max_num_queries):
    from amity.events.panels import agenda_panel

    for n in range(8):
        event = create_event(workspace, name=f"Meetup {n}", starts_on=f"2026-03-0{n + 1}")
        record_met(workspace, event, [f"Person {n} {i}" for i in range(12)])
    request = rf.get("/")
    request.workspace = workspace
    with django_assert_max_num_queries(2):
        panel = agenda_panel(request)
    assert len(panel["prompts"]) == 5
    assert all(len(p.people) == 8 and p.waiting == 12 for p in panel["prompts"])


def test_it_lists_a_persons_events_on_their_page(alice_client, workspace, summit, make_person):
    ana = make_person("Ana Ruiz")
    expect_person(workspace, summit, ana)
    later = create_event(workspace, name="Growers' meetup", starts_on="2026-03-20")
    expect_person(workspace, later, ana)
    record_met(workspace, summit, ["Ana Ruiz"])
    page = alice_client.get(reverse("people:detail", args=[ana.pk])).content.decode()
    assert "Met there" in page and "Expected there" in page
    assert page.index("Growers&#x27; meetup") < page.index("Food Justice Summit")
    nobody = make_person("Ben Okafor")
    assert "events-panel-title" not in alice_client.get(
        reverse("people:detail", args=[nobody.pk])).content.decode()
