"""Goals and focus on the web: pages, focus actions, the agenda and person panels."""

from datetime import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from amity.followups.actions import create_follow_up
from amity.goals.actions import add_focus, create_goal
from amity.goals.models import FocusEntry, Goal
from amity.journey.assess import assess
from amity.people.actions import add_fact, archive_person

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen_day():
    with time_machine.travel(datetime(2026, 3, 10, 9, 0), tick=False):
        yield


@pytest.fixture
def funding(workspace):
    return create_goal(workspace, title="Funding for the spring programme",
                       description="Grants for the community kitchen")


@pytest.fixture
def bobs_goal(other_workspace):
    return create_goal(other_workspace, title="Bob's secret plan")


def test_it_adds_edits_and_closes_a_goal(alice_client):
    answer = alice_client.post(reverse("goals:new"), {"title": "Funding for the spring programme",
                                                      "due_on": "2026-09-01"})
    goal = Goal.objects.get()
    assert answer["Location"] == reverse("goals:detail", args=[goal.pk])
    bad = alice_client.post(reverse("goals:edit", args=[goal.pk]),
                            {"title": "", "status": "active", "due_on": "soonish"})
    assert b"title cannot be empty" in bad.content and b"soonish" in bad.content
    alice_client.post(reverse("goals:edit", args=[goal.pk]),
                      {"title": "Funding for spring", "status": "active", "due_on": ""})
    goal.refresh_from_db()
    assert goal.title == "Funding for spring" and goal.due_on is None
    alice_client.post(reverse("goals:close", args=[goal.pk]), {"status": "achieved"})
    goal.refresh_from_db()
    assert goal.status == "achieved"
    listing = alice_client.get(reverse("goals:list")).content.decode()
    assert "Closed goals (1)" in listing


def test_it_shows_aligned_people_with_reasons_and_add_to_focus(alice_client, workspace, funding,
                                                               make_person):
    ben = make_person("Ben Okafor")
    add_fact(workspace, ben, kind="offer", text="grant writing for community kitchens")
    page = alice_client.get(reverse("goals:detail", args=[funding.pk])).content.decode()
    assert "Ben Okafor" in page and "offers “grant writing for community kitchens”" in page
    assert f'name="person" value="{ben.pk}"' in page
    alice_client.post(reverse("goals:focus_add"), {
        "person": ben.pk, "goal": funding.pk,
        "next": reverse("goals:detail", args=[funding.pk])})
    assert FocusEntry.objects.get().goal == funding
    page = alice_client.get(reverse("goals:detail", args=[funding.pk])).content.decode()
    assert "In your focus list" in page


def test_it_refuses_a_fourth_focus_person_with_the_message(alice_client, workspace,
                                                           make_person):
    for name in ("Ana Ruiz", "Ben Okafor", "Chloé Martin"):
        add_focus(workspace, make_person(name))
    dev = make_person("Dev Patel")
    answer = alice_client.post(reverse("goals:focus_add"), {"person": "Dev Patel"}, follow=True)
    assert "Your focus list holds three people at most: remove one first." in \
        answer.content.decode()
    assert FocusEntry.objects.count() == 3
    page = alice_client.get(reverse("people:detail", args=[dev.pk])).content.decode()
    assert "disabled" in page and "Your focus list holds three people at most" in page


def test_it_adds_and_removes_focus_from_the_person_page(alice_client, workspace, funding,
                                                        make_person):
    ana = make_person("Ana Ruiz")
    person_url = reverse("people:detail", args=[ana.pk])
    page = alice_client.get(person_url).content.decode()
    assert "Add to focus" in page and funding.title in page
    answer = alice_client.post(reverse("goals:focus_add"), {
        "person": ana.pk, "goal": funding.pk, "offer": "the funder list", "next": person_url})
    assert answer["Location"] == person_url
    page = alice_client.get(person_url).content.decode()
    assert "In your focus list" in page and "the funder list" in page
    alice_client.post(reverse("goals:focus_remove"), {"person": ana.pk, "next": person_url})
    assert not FocusEntry.objects.exists()
    archived = make_person("Old Friend")
    archive_person(workspace, archived)
    page = alice_client.get(reverse("people:detail", args=[archived.pk])).content.decode()
    assert "Archived people cannot be in your focus list." in page


def test_it_saves_what_you_can_offer(alice_client, workspace, make_person):
    ana = make_person("Ana Ruiz")
    add_focus(workspace, ana)
    alice_client.post(reverse("goals:focus_offer", args=[ana.pk]), {"offer": "a warm intro"})
    assert FocusEntry.objects.get().offer == "a warm intro"
    assert "You can offer: a warm intro" in alice_client.get(reverse("goals:list")).content.decode()


def test_it_shows_the_focus_list_first_on_the_agenda(alice_client, workspace, make_person):
    ana, ben = make_person("Ana Ruiz"), make_person("Ben Okafor")
    add_fact(workspace, ana, kind="need", text="a grant writer")
    add_fact(workspace, ben, kind="offer", text="grant writing")
    add_focus(workspace, ana)
    create_follow_up(workspace, ben, action="Send the report", due_on="today")
    page = alice_client.get(reverse("agenda:home")).content.decode()
    assert page.index("Your focus") < page.index("Follow-ups due")
    focus = page[page.index("Your focus"):page.index("Follow-ups due")]
    assert "Ana Ruiz" in focus and "Noticed" in focus
    assert "Idea: Introduce them to Ben Okafor" in focus


def test_it_keeps_the_panels_to_a_few_queries(rf, workspace, alice, make_person,
                                              django_assert_max_num_queries):
    from amity.goals.panels import agenda_panel, person_panel

    people = [make_person(n) for n in ("Ana Ruiz", "Ben Okafor", "Chloé Martin")]
    for p in people:
        add_fact(workspace, p, kind="need", text="a grant writer")
        add_focus(workspace, p)
    request = rf.get("/")
    request.workspace = workspace
    # The journey's own queries (a fixed number for any batch), plus at most four here.
    with CaptureQueriesContext(connection) as journey:
        assess(workspace, people)
    with django_assert_max_num_queries(len(journey) + 4):
        assert len(agenda_panel(request)["items"]) == 3
    with django_assert_max_num_queries(2):
        assert person_panel(request, people[0])["entry"] is not None


def test_it_answers_404_for_another_workspaces_ids(alice_client, funding, bobs_goal,
                                                   bobs_person, make_person):
    for name in ("detail", "edit", "close", "delete"):
        assert alice_client.get(reverse(f"goals:{name}", args=[bobs_goal.pk])).status_code \
            == 404
    assert alice_client.post(reverse("goals:close", args=[bobs_goal.pk])).status_code == 404
    assert alice_client.post(reverse("goals:focus_add"),
                             {"person": bobs_person.pk}).status_code == 404
    ana = make_person("Ana Ruiz")
    assert alice_client.post(reverse("goals:focus_add"),
                             {"person": ana.pk, "goal": bobs_goal.pk}).status_code == 404
    assert alice_client.post(reverse("goals:focus_remove"),
                             {"person": bobs_person.pk}).status_code == 404
    assert alice_client.post(reverse("goals:focus_offer", args=[bobs_person.pk]),
                             {"offer": "x"}).status_code == 404
    assert not FocusEntry.objects.exists()
    assert "Bob" not in alice_client.get(reverse("goals:list")).content.decode()
