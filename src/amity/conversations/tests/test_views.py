"""Conversations on the web: logging one with what was learned and what is next."""

from datetime import UTC, date, datetime

import pytest
import time_machine
from django.urls import reverse

from amity.conversations.actions import log_conversation
from amity.conversations.models import Conversation
from amity.followups.models import FollowUp
from amity.people.models import Fact

NOW = datetime(2026, 3, 10, 15, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def ana(make_person):
    return make_person("Ana Ruiz", cadence_days=30)


@pytest.fixture
def femi(make_person):
    return make_person("Femi Okafor", cadence_days=60)


@pytest.fixture
def chat(workspace, ana):
    return log_conversation(workspace, [ana], summary="Pantry volunteers",
                            happened_at="2026-03-01T10:00", notes="She runs the Saturday shift.")


@pytest.fixture
def bobs_chat(other_workspace, make_person):
    zed = make_person("Zed Zimmer", ws=other_workspace)
    return log_conversation(other_workspace, [zed], summary="Bob's private talk")


def form(**fields):
    data = {"channel": "call", "summary": "Coffee at the co-op", "initiated_by": "",
            "how_it_went": ""}
    data.update(fields)
    return data


def test_it_logs_a_conversation_with_facts_and_a_follow_up(alice_client, ana, femi):
    url = reverse("conversations:new") + f"?person={ana.pk}"
    page = alice_client.get(url)
    assert page.status_code == 200
    assert b'<label for="id_summary"' in page.content and b"Ana Ruiz" in page.content

    response = alice_client.post(url, form(
        person=[ana.pk], people="femi", happened_at="2026-03-10T09:15",
        notes="Talked about the winter appeal.", how_it_went="great",
        their_mood="Tired but hopeful", initiated_by="them",
        fact_kind_1="need", fact_text_1="More drivers for deliveries",
        fact_kind_2="interest", fact_text_2="Urban beekeeping", fact_about_2="femi",
        follow_up_action="Introduce Ana to the drivers' group", follow_up_due="+7d"))

    conversation = Conversation.objects.get()
    assert response.url == reverse("conversations:detail", args=[conversation.pk])
    assert set(conversation.participants.all()) == {ana, femi}
    assert conversation.how_it_went == "great" and conversation.initiated_by == "them"
    facts = {(f.person, f.kind, f.text) for f in Fact.objects.filter(conversation=conversation)}
    assert facts == {(ana, "need", "More drivers for deliveries"),
                     (femi, "interest", "Urban beekeeping")}
    follow_up = FollowUp.objects.get()
    assert (follow_up.person, follow_up.conversation, follow_up.due_on) == \
        (ana, conversation, date(2026, 3, 17))
    ana.refresh_from_db()
    assert ana.last_contact_at == datetime(2026, 3, 10, 9, 15, tzinfo=UTC)
    assert ana.checkin_due_on == date(2026, 4, 9)

    detail = alice_client.get(response.url).content.decode()
    for text in ("Femi Okafor", "More drivers for deliveries", "Introduce Ana to the drivers",
                 "Tired but hopeful", "Talked about the winter appeal."):
        assert text in detail


def test_it_names_the_candidates_of_an_ambiguous_name_and_writes_nothing(alice_client, ana,
                                                                        make_person):
    make_person("Ana Lopez")
    page = alice_client.post(reverse("conversations:new"), form(people="ana"))
    assert page.status_code == 200
    error = " ".join(page.context["form"].errors["people"])
    assert "Ana Ruiz" in error and "Ana Lopez" in error
    assert "Ana Lopez" in page.content.decode()
    assert not Conversation.objects.exists()


def test_it_says_which_name_matched_nobody(alice_client, ana):
    page = alice_client.post(reverse("conversations:new"), form(people="ana, nobody-at-all"))
    assert "nobody-at-all" in " ".join(page.context["form"].errors["people"])
    assert not Conversation.objects.exists()


def test_it_shows_an_unparseable_due_date_on_its_field_and_writes_nothing(alice_client, ana):
    page = alice_client.post(reverse("conversations:new"), form(
        people="Ana Ruiz", fact_kind_1="goal", fact_text_1="Open a second pantry",
        follow_up_action="Call back", follow_up_due="next blue moon"))
    assert "is not a date I understand" in page.context["form"].errors["follow_up_due"][0]
    assert not Conversation.objects.exists()
    assert not Fact.objects.exists() and not FollowUp.objects.exists()
    ana.refresh_from_db()
    assert ana.last_contact_at is None


def test_it_shows_every_mistake_at_once(alice_client, ana, make_person):
    make_person("Ana Lopez")
    page = alice_client.post(reverse("conversations:new"), form(
        people="ana", summary="", happened_at="last tuesday-ish", follow_up_due="soonish"))
    errors = page.context["form"].errors
    assert {"people", "summary", "happened_at", "follow_up_due"} <= set(errors)
    assert not Conversation.objects.exists()


def test_it_asks_for_the_next_step_when_only_a_due_date_is_given(alice_client, ana):
    page = alice_client.post(reverse("conversations:new"), form(people="ana", follow_up_due="+7d"))
    assert page.context["form"].errors["follow_up_action"]
    assert not Conversation.objects.exists()


def test_it_refuses_a_conversation_in_the_future(alice_client, ana):
    page = alice_client.post(reverse("conversations:new"),
                             form(people="ana", happened_at="2026-03-11T09:00"))
    assert "future" in page.context["form"].errors["happened_at"][0]
    assert not Conversation.objects.exists()


def test_it_needs_someone_to_have_talked_to(alice_client):
    page = alice_client.post(reverse("conversations:new"), form())
    assert page.context["form"].errors["people"]
    assert not Conversation.objects.exists()


def test_it_needs_a_kind_for_a_fact(alice_client, ana):
    page = alice_client.post(reverse("conversations:new"),
                             form(people="ana", fact_text_1="Loves jazz"))
    assert page.context["form"].errors["fact_kind_1"]
    assert not Conversation.objects.exists()


def test_it_logs_from_the_agendas_quick_form_with_htmx(alice_client, ana):
    response = alice_client.post(
        reverse("conversations:new") + f"?person={ana.pk}",
        {"quick": "1", "person": ana.pk, "summary": "Quick catch-up", "channel": "message",
         "next": "/"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response.headers["HX-Retarget"] == f"#checkin-{ana.pk}"
    assert b"Logged" in response.content and b"<html" not in response.content
    assert Conversation.objects.get().channel == "message"


def test_it_shows_the_quick_forms_errors_in_place(alice_client, ana):
    response = alice_client.post(
        reverse("conversations:new") + f"?person={ana.pk}",
        {"quick": "1", "person": ana.pk, "summary": "", "channel": "call"},
        headers={"HX-Request": "true"})
    assert b'aria-invalid="true"' in response.content
    assert b"<html" not in response.content
    assert not Conversation.objects.exists()


def test_it_logs_from_the_quick_form_without_javascript(alice_client, ana):
    response = alice_client.post(
        reverse("conversations:new") + f"?person={ana.pk}",
        {"quick": "1", "person": ana.pk, "summary": "Quick catch-up", "channel": "call",
         "next": "/"})
    assert response.url == "/"
    assert Conversation.objects.count() == 1


def test_it_lists_conversations_newest_first(alice_client, chat, workspace, ana):
    log_conversation(workspace, [ana], summary="Newer talk", happened_at="2026-03-05T10:00")
    page = alice_client.get(reverse("conversations:list")).content.decode()
    assert page.index("Newer talk") < page.index("Pantry volunteers")
    assert "Ana Ruiz" in page


@pytest.mark.parametrize("count", [3, 30])
def test_it_lists_conversations_in_a_constant_number_of_queries(
        alice_client, workspace, make_person, count, django_assert_max_num_queries):
    people = [make_person(f"Person {i}") for i in range(3)]
    for i in range(count):
        log_conversation(workspace, people, summary=f"Meeting {i}")
    with django_assert_max_num_queries(6):
        page = alice_client.get(reverse("conversations:list"))
    assert page.content.count(b"Person 2") == min(count, 25)


def test_it_renders_a_summary_as_text_not_html(alice_client, workspace, ana):
    payload = '<script>alert("x")</script>'
    conversation = log_conversation(workspace, [ana], summary=payload, notes=payload)
    for url in (reverse("conversations:list"),
                reverse("conversations:detail", args=[conversation.pk]),
                reverse("conversations:edit", args=[conversation.pk])):
        content = alice_client.get(url).content
        assert payload.encode() not in content
        assert b"&lt;script&gt;" in content


def test_it_edits_a_conversation_and_its_people(alice_client, chat, ana, femi):
    url = reverse("conversations:edit", args=[chat.pk])
    page = alice_client.get(url)
    assert b"Pantry volunteers" in page.content
    response = alice_client.post(url, form(
        summary="Pantry volunteers and drivers", channel="in-person", people="Femi Okafor",
        happened_at="2026-03-02T11:00"))
    assert response.url == reverse("conversations:detail", args=[chat.pk])
    chat.refresh_from_db()
    assert chat.summary == "Pantry volunteers and drivers"
    assert list(chat.participants.all()) == [femi]
    ana.refresh_from_db()
    assert ana.last_contact_at is None


def test_it_deletes_after_asking(alice_client, chat, ana):
    url = reverse("conversations:delete", args=[chat.pk])
    assert b"Delete it" in alice_client.get(url).content
    assert Conversation.objects.filter(pk=chat.pk).exists()
    assert alice_client.post(url).url == reverse("conversations:list")
    assert not Conversation.objects.filter(pk=chat.pk).exists()
    ana.refresh_from_db()
    assert ana.last_contact_at is None


@pytest.mark.parametrize("name", ["detail", "edit", "delete"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_it_answers_404_for_bobs_conversation(alice_client, bobs_chat, name, method):
    url = reverse(f"conversations:{name}", args=[bobs_chat.pk])
    response = getattr(alice_client, method)(url, form(people="Zed"))
    assert response.status_code == 404
    bobs_chat.refresh_from_db()
    assert bobs_chat.summary == "Bob's private talk"


@pytest.mark.parametrize("method", ["get", "post"])
def test_it_answers_404_for_bobs_person_preselected(alice_client, bobs_chat, method):
    zed = bobs_chat.participants.get()
    url = reverse("conversations:new") + f"?person={zed.pk}"
    data = form(person=[zed.pk]) if method == "post" else None
    assert getattr(alice_client, method)(url, data).status_code == 404
    assert Conversation.objects.count() == 1


def test_it_does_not_find_bobs_people_by_name(alice_client, bobs_chat):
    page = alice_client.post(reverse("conversations:new"), form(people="Zed Zimmer"))
    assert page.context["form"].errors["people"]
    assert Conversation.objects.count() == 1
