"""What to ask someone next: fitting their stage, not asked yet, best purpose first."""

import pytest

from amity.journey.stages import Stage
from amity.people.actions import add_fact
from amity.questions.actions import ask_question, ensure_bank, retire_question
from amity.questions.curated import CURATED
from amity.questions.models import Question
from amity.questions.queries import asked_before, bank_by_purpose, suggest_questions


@pytest.fixture
def ana(make_person):
    return make_person("Ana Ruiz")


@pytest.mark.parametrize("stage", Stage.values)
def test_it_suggests_only_questions_that_fit_the_stage(workspace, ana, stage):
    suggestions = suggest_questions(workspace, ana, stage, limit=10)
    assert suggestions
    assert {q.stage for q in suggestions} <= {stage, ""}
    assert all(q.reason for q in suggestions)


def test_it_asks_about_needs_first_while_none_are_known(workspace, ana):
    first = suggest_questions(workspace, ana, Stage.CONNECTED)[0]
    assert first.purpose == "discovering_needs"
    assert first.reason == "You don't know yet what they need."


def test_it_leads_with_the_stages_own_purpose_once_needs_are_known(workspace, ana):
    add_fact(workspace, ana, kind="need", text="a grant writer")
    add_fact(workspace, ana, kind="challenge", text="volunteers burn out")
    assert suggest_questions(workspace, ana, Stage.TRUSTED)[0].purpose == "deepening"
    assert suggest_questions(workspace, ana, Stage.COLLABORATING)[0].purpose == "reflecting"
    assert suggest_questions(workspace, ana, Stage.NOTICED)[0].purpose == "getting_to_know"


def test_it_spreads_three_suggestions_over_purposes(workspace, ana):
    suggestions = suggest_questions(workspace, ana, Stage.LISTENING, limit=3)
    assert len(suggestions) == 3
    assert len({q.purpose for q in suggestions}) == 3


def test_it_never_suggests_what_was_already_asked_of_them(workspace, ana, make_person):
    first = suggest_questions(workspace, ana, Stage.LISTENING, limit=1)[0]
    ask_question(workspace, ana, first, answer="a tool library")
    again = suggest_questions(workspace, ana, Stage.LISTENING, limit=50)
    assert first.pk not in {q.pk for q in again}
    # Someone else may still be asked it.
    ben = make_person("Ben Okafor")
    assert first.pk in {q.pk for q in suggest_questions(workspace, ben, Stage.LISTENING,
                                                        limit=50)}


def test_it_never_suggests_a_retired_question(workspace, ana):
    first = suggest_questions(workspace, ana, Stage.RAPPORT, limit=1)[0]
    retire_question(workspace, first)
    assert first.pk not in {q.pk for q in suggest_questions(workspace, ana, Stage.RAPPORT,
                                                            limit=50)}


def test_it_runs_out_gracefully_when_everything_was_asked(workspace, ana):
    for question in suggest_questions(workspace, ana, Stage.TRUSTED, limit=50):
        ask_question(workspace, ana, question)
    assert suggest_questions(workspace, ana, Stage.TRUSTED) == []


def test_it_suggests_in_a_fixed_number_of_queries(workspace, ana, django_assert_max_num_queries):
    ensure_bank(workspace)
    for question in Question.objects.in_workspace(workspace)[:10]:
        ask_question(workspace, ana, question, answer="something", fact_kind="interest")
    with django_assert_max_num_queries(4):
        suggest_questions(workspace, ana, Stage.LISTENING)


def test_it_lists_the_bank_by_purpose_and_the_last_asked(workspace, ana):
    groups = bank_by_purpose(workspace)
    assert [g["purpose"] for g in groups] == ["getting_to_know", "discovering_needs",
                                              "deepening", "reflecting"]
    assert sum(len(g["questions"]) for g in groups) == len(CURATED)
    questions = groups[0]["questions"]
    for question in questions[:7]:
        ask_question(workspace, ana, question)
    assert [a.question for a in asked_before(workspace, ana)] == questions[6:1:-1]
