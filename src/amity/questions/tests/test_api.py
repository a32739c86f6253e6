"""The JSON API of the question bank: /api/questions, /ask, /asked and /suggested."""

import pytest
from conftest import errors_of

from amity.people.models import Fact
from amity.questions.actions import create_question, ensure_bank
from amity.questions.curated import CURATED
from amity.questions.models import AskedQuestion, Question

JSON = "application/json"


@pytest.fixture
def ana(make_person):
    return make_person("Ana Ruiz")


@pytest.fixture
def question(workspace):
    return create_question(workspace, text="What are you building this spring?",
                           purpose="discovering_needs", stage="listening", fact_kind="goal")


def test_it_lists_the_bank_a_page_at_a_time_with_filters(api, workspace):
    first = api.get("/api/questions", {"page_size": 10}).json()
    assert first["count"] == len(CURATED) and len(first["items"]) == 10
    assert {"id", "text", "purpose", "stage", "fact_kind", "builtin", "retired"} <= set(
        first["items"][0])
    deepening = api.get("/api/questions", {"purpose": "deepening", "stage": "trusted",
                                           "page_size": 100}).json()["items"]
    assert deepening and all(q["purpose"] == "deepening" and q["stage"] in ("", "trusted")
                             for q in deepening)


def test_it_adds_changes_retires_and_restores_a_question(api, workspace):
    created = api.post("/api/questions", {"text": "What would a good year look like?",
                                          "purpose": "deepening", "stage": "rapport",
                                          "fact_kind": "goal"}, content_type=JSON)
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["builtin"] is False and body["retired"] is False
    url = f"/api/questions/{body['id']}"

    changed = api.patch(url, {"stage": ""}, content_type=JSON).json()
    assert changed["stage"] == "" and changed["text"] == "What would a good year look like?"

    retired = api.delete(url)
    assert retired.status_code == 200 and retired.json()["retired"] is True
    assert Question.objects.filter(pk=body["id"]).exists()  # retired, not erased
    listed = api.get("/api/questions", {"status": "retired"}).json()["items"]
    assert [q["id"] for q in listed] == [body["id"]]

    assert api.post(f"{url}/restore").json()["retired"] is False


def test_it_names_the_field_of_a_refused_question(api, workspace):
    errors = errors_of(api.post("/api/questions", {"text": "Why?", "purpose": "gossip"},
                                content_type=JSON))
    assert "purpose" in errors[("purpose",)]


def test_it_asks_and_keeps_the_answer_as_a_fact(api, workspace, ana, question):
    response = api.post("/api/questions/ask", {
        "person_id": ana.pk, "question_id": question.pk, "answer": "a tool library",
        "fact_kind": "goal"}, content_type=JSON)
    assert response.status_code == 201, response.content
    body = response.json()
    fact = Fact.objects.get(person=ana)
    assert body["fact"] == {"id": fact.pk, "kind": "goal", "text": "a tool library",
                            "learned_on": fact.learned_on.isoformat()}
    assert body["person"] == {"id": ana.pk, "display_name": "Ana Ruiz"}
    assert body["question"]["id"] == question.pk

    asked = api.get("/api/questions/asked", {"person": ana.pk}).json()
    assert asked["count"] == 1 and asked["items"][0]["answer"] == "a tool library"


def test_it_refuses_a_kind_with_no_answer(api, ana, question):
    errors = errors_of(api.post("/api/questions/ask", {
        "person_id": ana.pk, "question_id": question.pk, "answer": "", "fact_kind": "need"},
        content_type=JSON))
    assert "Ana Ruiz" in errors[("answer",)]
    assert not AskedQuestion.objects.exists() and not Fact.objects.exists()


def test_it_suggests_what_to_ask_next(api, workspace, ana):
    response = api.get("/api/questions/suggested", {"person": ana.pk, "limit": 2})
    assert response.status_code == 200
    suggestions = response.json()
    assert len(suggestions) == 2 and all(s["reason"] for s in suggestions)


def test_it_answers_404_for_another_workspaces_rows(api, workspace, other_workspace,
                                                    make_person, ana, question):
    ensure_bank(other_workspace)
    bruno = make_person("Bruno Bobson", ws=other_workspace)
    bobs_question = Question.objects.in_workspace(other_workspace).first()

    assert api.post("/api/questions/ask", {"person_id": bruno.pk, "question_id": question.pk,
                                           "answer": "x"}, content_type=JSON).status_code == 404
    assert api.post("/api/questions/ask", {"person_id": ana.pk, "question_id": bobs_question.pk,
                                           "answer": "x"}, content_type=JSON).status_code == 404
    assert api.get(f"/api/questions/{bobs_question.pk}").status_code == 404
    assert api.patch(f"/api/questions/{bobs_question.pk}", {"text": "Mine now?"},
                     content_type=JSON).status_code == 404
    assert api.delete(f"/api/questions/{bobs_question.pk}").status_code == 404
    assert api.get("/api/questions/suggested", {"person": bruno.pk}).status_code == 404
    assert api.get("/api/questions/asked", {"person": bruno.pk}).status_code == 404
    bobs_question.refresh_from_db()
    assert bobs_question.retired_at is None
    assert not AskedQuestion.objects.exists()
