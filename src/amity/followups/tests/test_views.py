"""Follow-ups on the web: list, add, edit and the one-click row actions."""

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse

from amity.conversations.actions import log_conversation
from amity.followups.actions import create_follow_up
from amity.followups.models import FollowUp

TODAY = date(2026, 3, 10)


@pytest.fixture(autouse=True)
def frozen_day():
    with time_machine.travel(datetime(2026, 3, 10, 9, 0), tick=False):
        yield


@pytest.fixture
def ana(make_person):
    return make_person("Ana Ruiz", cadence_days=30)


@pytest.fixture
def overdue(workspace, ana):
    return create_follow_up(workspace, ana, action="Send the grant report", due_on="2026-03-07")


@pytest.fixture
def bobs_follow_up(other_workspace, make_person):
    person = make_person("Zed Zimmer", ws=other_workspace)
    return create_follow_up(other_workspace, person, action="Bob's secret step", due_on="tomorrow")


def test_it_lists_open_follow_ups_with_how_late_they_are(alice_client, overdue, workspace, ana):
    create_follow_up(workspace, ana, action="Coffee at the market", due_on="+3d")
    page = alice_client.get(reverse("followups:list"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "3 days overdue" in text
    assert text.index("Send the grant report") < text.index("Coffee at the market")
    assert reverse("people:detail", args=[ana.pk]) in text


def test_it_filters_overdue_and_done(alice_client, overdue, workspace, ana):
    later = create_follow_up(workspace, ana, action="Coffee at the market", due_on="+3d")
    later.complete()
    overdue_page = alice_client.get(reverse("followups:list"), {"status": "overdue"}).content
    assert b"Send the grant report" in overdue_page and b"Coffee at the market" not in overdue_page
    done_page = alice_client.get(reverse("followups:list"), {"status": "done"}).content
    assert b"Coffee at the market" in done_page and b"Send the grant report" not in done_page


def test_it_lists_without_a_query_per_row(alice_client, workspace, make_person,
                                          django_assert_max_num_queries):
    for i in range(30):
        create_follow_up(workspace, make_person(f"Person {i}"), action=f"Step {i}", due_on="today")
    with django_assert_max_num_queries(5):
        page = alice_client.get(reverse("followups:list"))
    assert page.content.count(b'class="step"') == 30


def test_it_adds_a_follow_up_for_a_preselected_person(alice_client, ana):
    url = reverse("followups:new") + f"?person={ana.pk}"
    page = alice_client.get(url)
    assert b"Ana Ruiz" in page.content and b'name="person"' not in page.content
    done = alice_client.post(url, {"action": "Introduce her to Femi", "due_on": "friday"})
    assert done.status_code == 302
    follow_up = FollowUp.objects.get(person=ana)
    assert follow_up.due_on == date(2026, 3, 13)  # the Friday after Tuesday 10 March


def test_it_links_a_follow_up_to_the_conversation_it_came_from(alice_client, workspace, ana):
    chat = log_conversation(workspace, [ana], summary="Pantry volunteers")
    detail = reverse("conversations:detail", args=[chat.pk])
    url = reverse("followups:new") + f"?person={ana.pk}&conversation={chat.pk}&next={detail}"
    done = alice_client.post(url, {"action": "Share the rota", "due_on": "tomorrow"})
    assert done.url == detail
    assert FollowUp.objects.get().conversation == chat
    assert b"Share the rota" in alice_client.get(detail).content


def test_it_answers_404_for_bobs_conversation_as_origin(alice_client, ana, other_workspace,
                                                        make_person):
    zed = make_person("Zed Zimmer", ws=other_workspace)
    chat = log_conversation(other_workspace, [zed], summary="Bob's talk")
    url = reverse("followups:new") + f"?person={ana.pk}&conversation={chat.pk}"
    assert alice_client.post(url, {"action": "Mine", "due_on": "tomorrow"}).status_code == 404
    assert not FollowUp.objects.exists()


def test_it_adds_a_follow_up_by_name(alice_client, ana):
    alice_client.post(reverse("followups:new"),
                      {"person": "ana", "action": "Call about the pantry", "due_on": "+7d"})
    assert FollowUp.objects.get(person=ana).due_on == TODAY + timedelta(days=7)


def test_it_names_the_candidates_when_the_name_is_ambiguous(alice_client, ana, make_person):
    make_person("Ana Lopez")
    page = alice_client.post(reverse("followups:new"),
                             {"person": "ana", "action": "Call", "due_on": "tomorrow"})
    error = " ".join(page.context["form"].errors["person"])
    assert "Ana Ruiz" in error and "Ana Lopez" in error
    assert not FollowUp.objects.exists()


def test_it_shows_an_unparseable_due_date_on_its_field(alice_client, ana):
    page = alice_client.post(reverse("followups:new") + f"?person={ana.pk}",
                             {"action": "Call", "due_on": "someday"})
    assert "is not a date I understand" in page.context["form"].errors["due_on"][0]
    assert not FollowUp.objects.exists()


def test_it_edits_a_follow_up(alice_client, overdue):
    url = reverse("followups:edit", args=[overdue.pk])
    assert b"Send the grant report" in alice_client.get(url).content
    alice_client.post(url, {"action": "Send the final grant report", "due_on": "2026-04-01"})
    overdue.refresh_from_db()
    assert (overdue.action, overdue.due_on) == ("Send the final grant report", date(2026, 4, 1))


def test_it_completes_a_follow_up_in_place_with_htmx(alice_client, overdue):
    response = alice_client.post(reverse("followups:complete", args=[overdue.pk]),
                                 {"next": "/", "compact": "1"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response.headers["HX-Trigger"] == "followups-changed"
    body = response.content.decode()
    assert body.strip().startswith(f'<li id="followup-{overdue.pk}"')
    assert "<html" not in body
    assert "Undo" in body
    overdue.refresh_from_db()
    assert overdue.is_done


def test_it_completes_without_javascript_and_goes_back_to_next(alice_client, overdue):
    response = alice_client.post(reverse("followups:complete", args=[overdue.pk]),
                                 {"next": "/?checkins=25"})
    assert response.url == "/?checkins=25"


def test_it_ignores_a_next_that_leaves_the_site(alice_client, overdue):
    response = alice_client.post(reverse("followups:reopen", args=[overdue.pk]),
                                 {"next": "https://evil.example/"})
    assert response.url == reverse("followups:list")


def test_it_reopens_a_done_follow_up(alice_client, overdue):
    overdue.complete()
    alice_client.post(reverse("followups:reopen", args=[overdue.pk]))
    overdue.refresh_from_db()
    assert not overdue.is_done


def test_it_snoozes_from_today(alice_client, overdue):
    response = alice_client.post(reverse("followups:snooze", args=[overdue.pk]), {"days": "7"},
                                 headers={"HX-Request": "true"})
    overdue.refresh_from_db()
    assert overdue.due_on == TODAY + timedelta(days=7)
    assert b"Snoozed until Tue 17 Mar" in response.content


def test_it_refuses_a_nonsense_snooze(alice_client, overdue):
    alice_client.post(reverse("followups:snooze", args=[overdue.pk]), {"days": "forever"})
    overdue.refresh_from_db()
    assert overdue.due_on == date(2026, 3, 7)


def test_it_reschedules_and_reports_a_bad_date(alice_client, overdue):
    url = reverse("followups:reschedule", args=[overdue.pk])
    bad = alice_client.post(url, {"due_on": "whenever"}, headers={"HX-Request": "true"})
    assert b"is not a date I understand" in bad.content
    alice_client.post(url, {"due_on": "2026-05-01"})
    overdue.refresh_from_db()
    assert overdue.due_on == date(2026, 5, 1)


def test_it_deletes_a_row_with_htmx(alice_client, overdue):
    response = alice_client.post(reverse("followups:delete", args=[overdue.pk]),
                                 headers={"HX-Request": "true"})
    assert response.status_code == 200 and response.content == b""
    assert not FollowUp.objects.filter(pk=overdue.pk).exists()


def test_it_renders_a_step_as_text_not_html(alice_client, workspace, ana):
    create_follow_up(workspace, ana, action="<script>alert(1)</script>", due_on="today")
    page = alice_client.get(reverse("followups:list")).content
    assert b"<script>alert(1)</script>" not in page
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in page


@pytest.mark.parametrize("name", ["edit", "complete", "reopen", "snooze", "reschedule", "delete"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_it_answers_404_for_bobs_follow_up(alice_client, bobs_follow_up, name, method):
    url = reverse(f"followups:{name}", args=[bobs_follow_up.pk])
    response = getattr(alice_client, method)(url, {"days": "1", "due_on": "tomorrow",
                                                   "action": "Mine now"})
    assert response.status_code == 404
    bobs_follow_up.refresh_from_db()
    assert bobs_follow_up.action == "Bob's secret step" and not bobs_follow_up.is_done


@pytest.mark.parametrize("method", ["get", "post"])
def test_it_answers_404_for_bobs_person(alice_client, bobs_follow_up, method):
    url = reverse("followups:new") + f"?person={bobs_follow_up.person_id}"
    data = {"action": "Call", "due_on": "tomorrow"} if method == "post" else None
    response = getattr(alice_client, method)(url, data)
    assert response.status_code == 404
    assert FollowUp.objects.count() == 1
