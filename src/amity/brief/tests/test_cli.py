"""`amity brief`, `amity questions` and `amity asked`, as Alice types them.

The CLI acts in the first workspace: the ``workspace`` fixture (Alice's).
"""

import json

import pytest

from amity.cli.testing import invoker, ok, refused
from amity.people.actions import add_fact
from amity.people.models import Fact
from amity.questions.actions import create_question
from amity.questions.models import AskedQuestion, Question

amity = invoker(columns=100)


@pytest.fixture
def question(workspace):
    return create_question(workspace, text="What are you building this spring?",
                           purpose="discovering_needs", stage="", fact_kind="goal")


def test_it_prints_a_readable_brief(workspace, ana):
    out = ok(amity("brief", "ana"))
    order = ["Ana Ruiz (she/her)", "Who they are", "Coordinator, Food Bank", "Location: Leeds",
             "introduced by Ben Okafor", "Where you are", "What matters to them",
             "Need: a grant writer  [ask again]", "Last conversations", "Coffee at the market",
             "Open threads", "Follow-up: Send her the land trust article",
             "They asked you: an introduction to the council", "Give and take",
             "You gave 1, they gave 1; you asked 1, they asked 1.", "Questions to ask next",
             "amity asked", "People they might want to meet"]
    at = 0
    for text in order:
        at = out.index(text, at)
    assert "Interest: community gardens  [ask again]" not in out


def test_it_prints_what_people_typed_literally(workspace, ana):
    add_fact(workspace, ana, kind="value", text="[bold red]fairness[/]")
    assert "[bold red]fairness[/]" in ok(amity("brief", ana.pk))


def test_it_prints_the_brief_as_the_api_does(workspace, ana, api):
    data = json.loads(ok(amity("brief", "Ana Ruiz", "--json")))
    assert data == api.get(f"/api/brief/{ana.pk}").json()


def test_it_says_so_for_someone_it_cannot_find(workspace, bobs_person):
    assert "No person" in refused(amity("brief", bobs_person.pk))


def test_it_lists_the_bank_and_what_to_ask_someone(workspace, ana):
    bank = ok(amity("questions"))
    assert "The question bank" in bank and "Getting to know" in bank
    suggestions = json.loads(ok(amity("questions", "--person", "ana", "--json")))
    assert len(suggestions) == 3 and all(s["reason"] for s in suggestions)
    table = ok(amity("questions", "--person", "ana", "--limit", 2))
    assert "Ask Ana Ruiz next" in table and f"amity asked {ana.pk}" in table


def test_it_notes_an_answer_as_a_fact_in_one_step(workspace, ana, question):
    out = ok(amity("asked", "ana", question.pk, "a tool library"))
    assert "Noted as goal: a tool library" in out
    asked = AskedQuestion.objects.get()
    assert asked.fact == Fact.objects.get(person=ana, text="a tool library", kind="goal")
    data = json.loads(ok(amity("asked", "ana", question.pk, "a van", "--kind", "need",
                               "--json")))
    assert data["fact"]["kind"] == "need" and data["answer"] == "a van"


def test_it_refuses_a_kind_with_no_answer_naming_it(workspace, ana, question):
    message = refused(amity("asked", "ana", question.pk, "", "--kind", "need"))
    assert message.startswith("amity: ANSWER: Write Ana Ruiz's answer")
    message = refused(amity("asked", "ana", question.pk, "a van", "--kind", "wish"))
    assert message.startswith("amity: --kind: 'wish' is not a kind of fact")
    assert not AskedQuestion.objects.exists()


def test_it_adds_edits_retires_and_restores_a_question(workspace):
    out = ok(amity("questions", "add", "What would a good year look like?",
                   "--purpose", "deepening", "--stage", "rapport", "--kind", "goal"))
    question = Question.objects.get(text="What would a good year look like?")
    assert f"Added question #{question.pk}" in out
    ok(amity("questions", "edit", question.pk, "--stage", "any"))
    question.refresh_from_db()
    assert question.stage == ""
    ok(amity("questions", "retire", question.pk))
    assert "What would a good year" in ok(amity("questions", "--retired"))
    assert json.loads(ok(amity("questions", "restore", question.pk, "--json")))["retired"] is False
    assert "--purpose" in refused(amity("questions", "add", "Why?", "--purpose", "gossip"))
