"""The question bank pages, and "asked — their answer" from a person's page."""

import pytest
from django.urls import reverse

from amity.people.models import Fact
from amity.questions.actions import create_question, ensure_bank
from amity.questions.curated import CURATED
from amity.questions.models import AskedQuestion, Question


@pytest.fixture
def ana(make_person):
    return make_person("Ana Ruiz")


@pytest.fixture
def question(workspace):
    return create_question(workspace, text="What are you building this spring?",
                           purpose="discovering_needs", stage="noticed", fact_kind="goal")


def ask(client, person, question, answer, kind, **extra):
    return client.post(reverse("questions:ask"), {
        "person": person.pk, "question": question.pk, "answer": answer, "fact_kind": kind,
        "next": reverse("people:detail", args=[person.pk])}, **extra)


def test_it_shows_the_bank_grouped_by_purpose_with_stage_badges(alice_client, workspace):
    page = alice_client.get(reverse("questions:list"))
    assert page.status_code == 200
    text = page.content.decode()
    for heading in ("Getting to know", "Discovering needs", "Deepening", "Reflecting"):
        assert f">{heading} <" in text
    assert "Any stage" in text and ">First contact<" in text
    assert Question.objects.in_workspace(workspace).count() == len(CURATED)


def test_it_adds_and_edits_a_question(alice_client, workspace):
    response = alice_client.post(reverse("questions:new"), {
        "text": "What would a good year look like?", "purpose": "deepening", "stage": "rapport",
        "fact_kind": "goal"})
    question = Question.objects.get(text="What would a good year look like?")
    assert response.status_code == 302
    assert response["Location"].endswith(f"#question-{question.pk}")

    alice_client.post(reverse("questions:edit", args=[question.pk]), {
        "text": "What would a good year look like for you?", "purpose": "deepening",
        "stage": "", "fact_kind": ""})
    question.refresh_from_db()
    assert (question.text, question.stage, question.fact_kind) == (
        "What would a good year look like for you?", "", "")


def test_it_shows_a_refused_question_on_the_form(alice_client, workspace):
    page = alice_client.post(reverse("questions:new"), {"text": "", "purpose": "gossip"})
    assert page.status_code == 200
    assert b"Question cannot be empty" in page.content
    assert b"gossip" in page.content
    assert not Question.objects.filter(builtin_key="").exists()


def test_it_retires_and_restores_by_post_only(alice_client, question):
    assert alice_client.get(reverse("questions:retire", args=[question.pk])).status_code == 405
    alice_client.post(reverse("questions:retire", args=[question.pk]))
    question.refresh_from_db()
    assert question.retired_at is not None
    page = alice_client.get(reverse("questions:list")).content.decode()
    assert page.index("Retired") < page.index(question.text)
    alice_client.post(reverse("questions:restore", args=[question.pk]))
    question.refresh_from_db()
    assert question.retired_at is None


def test_it_escapes_a_question_in_the_bank(alice_client, workspace):
    create_question(workspace, text="<script>alert(1)</script>?", purpose="deepening")
    page = alice_client.get(reverse("questions:list")).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;?" in page


def test_it_shows_questions_to_ask_on_the_person_page(alice_client, workspace, ana, question):
    page = alice_client.get(reverse("people:detail", args=[ana.pk])).content.decode()
    assert 'id="questions-panel"' in page
    assert "Questions to ask next" in page and "Asked before" in page
    assert question.text in page  # written for their stage, needs unknown: first
    assert 'name="fact_kind"' in page and '<option value="goal" selected>' in page


def test_it_notes_an_answer_as_a_fact_without_javascript(alice_client, ana, question):
    response = ask(alice_client, ana, question, "a tool library", "goal")
    assert response.status_code == 302
    assert response["Location"] == reverse("people:detail", args=[ana.pk])
    asked = AskedQuestion.objects.get()
    assert asked.fact == Fact.objects.get(person=ana, kind="goal", text="a tool library")
    page = alice_client.get(response["Location"]).content.decode()
    assert "noted as goal" in page
    panel = page[page.index('id="questions-panel"'):]
    assert question.text in panel[panel.index("Asked before"):]


def test_it_answers_htmx_with_the_refreshed_panel(alice_client, ana, question):
    response = ask(alice_client, ana, question, "a tool library", "goal", HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    text = response.content.decode()
    assert text.lstrip().startswith('<section id="questions-panel"')
    assert "noted as goal" in text and "a tool library" in text


def test_it_keeps_a_refused_answer_next_to_its_question(alice_client, ana, question):
    response = ask(alice_client, ana, question, "", "need", HTTP_HX_REQUEST="true")
    text = response.content.decode()
    assert 'role="alert"' in text and "Write Ana Ruiz&#x27;s answer" in text
    assert '<option value="need" selected>' in text
    assert not AskedQuestion.objects.exists() and not Fact.objects.exists()

    redirected = ask(alice_client, ana, question, "", "need")
    assert redirected.status_code == 302
    assert not AskedQuestion.objects.exists()


def test_it_answers_404_for_another_workspaces_person_or_question(
        alice_client, workspace, other_workspace, make_person, ana, question):
    ensure_bank(other_workspace)
    bruno = make_person("Bruno Bobson", ws=other_workspace)
    bobs_question = Question.objects.in_workspace(other_workspace).first()
    assert ask(alice_client, bruno, question, "x", "goal").status_code == 404
    assert ask(alice_client, ana, bobs_question, "x", "goal").status_code == 404
    for name in ("edit", "retire", "restore"):
        assert alice_client.post(reverse(f"questions:{name}",
                                         args=[bobs_question.pk])).status_code == 404
    assert not AskedQuestion.objects.exists()


def test_it_needs_a_signed_in_member(client, alice, question):
    response = client.get(reverse("questions:list"))
    assert response.status_code == 302 and "login" in response["Location"]
