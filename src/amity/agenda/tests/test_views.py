"""The agenda: what to do today for your relationships."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.urls import reverse

from amity.conversations.actions import log_conversation
from amity.followups.actions import create_follow_up

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)  # a Tuesday


@pytest.fixture(autouse=True)
def frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


def due_person(workspace, make_person, name, *, last_talked="2026-02-20T10:00", cadence=7,
               **fields):
    person = make_person(name, cadence_days=cadence, **fields)
    log_conversation(workspace, [person], summary=f"Catch-up with {name}",
                     happened_at=last_talked)
    person.refresh_from_db()
    return person


def test_it_shows_an_empty_agenda_with_a_hint(alice_client):
    page = alice_client.get(reverse("agenda:home"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Today" in text and "Tuesday 10 March" in text
    assert "amity demo" in text and reverse("people:new") in text


def test_it_shows_todays_follow_ups_check_ins_and_birthdays(alice_client, workspace,
                                                           make_person):
    ana = due_person(workspace, make_person, "Ana Ruiz", importance=3)
    with time_machine.travel(datetime(2026, 1, 1, tzinfo=UTC), tick=False):
        femi = make_person("Femi Okafor", cadence_days=30)
    make_person("Carmen Díaz", birthday="1986-03-12")
    create_follow_up(workspace, ana, action="Send the grant report", due_on="2026-03-07")
    create_follow_up(workspace, femi, action="Ask about the van", due_on="today")
    create_follow_up(workspace, femi, action="Coffee on Friday", due_on="friday")

    page = alice_client.get(reverse("agenda:home"))
    text = page.content.decode()

    assert "3 days overdue" in text and "Send the grant report" in text
    assert "Due today" in text and "Ask about the van" in text
    assert reverse("followups:complete", args=[1]).rsplit("1", 1)[0] in text
    assert "Last talked 18 days ago" in text and "(every 7 days)" in text
    assert "Inner circle" in text
    assert "Never talked" in text
    assert "Carmen Díaz" in text and "turns 40" in text and "Thursday 12 March" in text
    assert "Coming up this week" in text and "Coffee on Friday" in text
    assert f'action="{reverse("conversations:new")}?person={ana.pk}"' in text
    assert "amity demo" not in text
    # Ana (inner circle, 11 days late on a weekly cadence) ranks above Femi.
    assert text.index(f'id="checkin-{ana.pk}"') < text.index(f'id="checkin-{femi.pk}"')


def test_it_never_shows_bobs_agenda(alice_client, other_workspace, make_person):
    zed = due_person(other_workspace, make_person, "Zed Zimmer", ws=other_workspace)
    create_follow_up(other_workspace, zed, action="Bob's secret step", due_on="today")
    text = alice_client.get(reverse("agenda:home")).content.decode()
    assert "Zed Zimmer" not in text and "Bob's secret step" not in text


def test_it_builds_the_agenda_in_a_constant_number_of_queries(alice_client, workspace,
                                                               make_person):
    # The agenda and every panel on it (focus list, next steps, introductions,
    # invitations, events) must not query once per person: 60 people cost what 30 do
    # (past 25, the sections also count their totals).
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for batch in (range(30), range(30, 60)):
        for i in batch:
            person = due_person(workspace, make_person, f"Person {i:02d}",
                                birthday=f"1990-03-{11 + i % 5:02d}")
            create_follow_up(workspace, person, action=f"Overdue step {i}", due_on="2026-03-01")
            create_follow_up(workspace, person, action=f"Upcoming step {i}", due_on="+2d")
        with CaptureQueriesContext(connection) as queries:
            page = alice_client.get(reverse("agenda:home"))
        counts.append(len(queries))
        people = batch.stop
        assert page.content.count(b'class="step">Overdue step') == min(people, 25)
        assert page.content.count(b'class="checkin"') == min(people, 25)
    assert counts[0] == counts[1], counts
    assert counts[1] <= 40, counts


def test_it_pages_through_check_ins(alice_client, workspace, make_person):
    for i in range(27):
        due_person(workspace, make_person, f"Person {i:02d}")
    first = alice_client.get(reverse("agenda:home")).content.decode()
    assert first.count('class="checkin"') == 25 and "?checkins=25" in first
    second = alice_client.get(reverse("agenda:home"), {"checkins": "25"}).content.decode()
    assert second.count('class="checkin"') == 2 and "26–27 of 27" in second


def test_it_completes_a_follow_up_from_the_agenda_in_place(alice_client, workspace,
                                                           make_person):
    ana = make_person("Ana Ruiz")
    follow_up = create_follow_up(workspace, ana, action="Send the report", due_on="today")
    alice_client.get(reverse("agenda:home"))
    response = alice_client.post(reverse("followups:complete", args=[follow_up.pk]),
                                 {"next": "/", "compact": "1"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert f'id="followup-{follow_up.pk}"'.encode() in response.content
    assert b"<main" not in response.content
    assert b"Send the report" not in alice_client.get(reverse("agenda:home")).content


def test_it_escapes_what_people_typed(alice_client, workspace, make_person):
    payload = "<img src=x onerror=alert(1)>"
    person = due_person(workspace, make_person, payload)
    create_follow_up(workspace, person, action=payload, due_on="today")
    content = alice_client.get(reverse("agenda:home")).content
    assert payload.encode() not in content
    assert b"&lt;img src=x onerror=alert(1)&gt;" in content
