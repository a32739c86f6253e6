"""The question bank's actions: seeding the curated bank, editing it, and asking."""

from datetime import date

import pytest
import time_machine

from amity.errors import Invalid, NotFound
from amity.journey.stages import Stage
from amity.people.models import Fact
from amity.questions import actions
from amity.questions.actions import ask_question, create_question, ensure_bank
from amity.questions.curated import CURATED
from amity.questions.models import AskedQuestion, Purpose, Question

TODAY = date(2026, 5, 4)


@pytest.fixture
def ana(make_person):
    return make_person("Ana Ruiz")


@pytest.fixture
def working_on(workspace):
    return create_question(workspace, text="What are you building this spring?",
                           purpose="discovering_needs", stage="listening", fact_kind="goal")


def bank(workspace):
    return Question.objects.in_workspace(workspace)


# -- the curated bank --------------------------------------------------------------------

def test_it_curates_about_forty_questions_covering_every_stage_and_purpose():
    assert 36 <= len(CURATED) <= 48
    assert len({q.key for q in CURATED}) == len(CURATED)
    assert len({q.text for q in CURATED}) == len(CURATED)
    assert {q.stage for q in CURATED} == {"", *Stage.values}
    assert {q.purpose for q in CURATED} == set(Purpose.values)
    for question in CURATED:
        assert question.text.endswith("?") and len(question.text) <= 300
        assert len(question.key) <= 60


def test_it_copies_the_curated_bank_into_a_workspace_once(workspace, other_workspace):
    assert ensure_bank(workspace) == len(CURATED)
    assert ensure_bank(workspace) == 0
    assert bank(workspace).count() == len(CURATED)
    assert set(bank(workspace).values_list("builtin_key", flat=True)) == {q.key for q in CURATED}
    assert bank(other_workspace).count() == 0  # each workspace gets its own copy, when read


def test_it_keeps_a_users_edit_and_never_brings_back_a_retired_question(workspace):
    ensure_bank(workspace)
    edited = bank(workspace).get(builtin_key="dn-hardest-part")
    actions.update_question(workspace, edited, text="What is the hard bit right now?",
                            stage="any")
    retired = actions.retire_question(workspace, bank(workspace).get(builtin_key="dp-free-year"))

    assert ensure_bank(workspace) == 0

    edited.refresh_from_db()
    assert (edited.text, edited.stage) == ("What is the hard bit right now?", "")
    assert bank(workspace).filter(builtin_key="dp-free-year").count() == 1
    retired.refresh_from_db()
    assert retired.retired_at is not None
    assert bank(workspace).count() == len(CURATED)


def test_it_adds_only_what_a_later_curated_set_brings(workspace, monkeypatch):
    from amity.questions import curated

    ensure_bank(workspace)
    newer = (*CURATED, curated.Curated("rf-new-one", "What surprised you this month?", "",
                                       "reflecting", "interest"))
    monkeypatch.setattr(actions, "CURATED", newer)
    assert ensure_bank(workspace) == 1
    assert bank(workspace).get(builtin_key="rf-new-one").text == "What surprised you this month?"


# -- adding, editing, retiring ------------------------------------------------------------

def test_it_adds_a_question_of_your_own_with_words_for_its_choices(workspace):
    question = create_question(workspace, text="  What would a good year look like?  ",
                               purpose="Deepening", stage="Any stage", fact_kind="Topic to avoid")
    assert (question.text, question.purpose, question.stage, question.fact_kind) == (
        "What would a good year look like?", "deepening", "", "avoid")
    assert question.builtin_key == ""


def test_it_refuses_a_bad_question_naming_every_field_and_writes_nothing(workspace):
    with pytest.raises(Invalid) as caught:
        create_question(workspace, text="", purpose="gossip", stage="best friends",
                        fact_kind="secret")
    assert set(caught.value.errors) == {"text", "purpose", "stage", "fact_kind"}
    assert "question" in caught.value.errors["text"].lower()
    assert "purpose" in caught.value.errors["purpose"]
    assert not bank(workspace).exists()


def test_it_refuses_a_second_copy_of_a_question_in_the_bank(workspace, working_on):
    with pytest.raises(Invalid) as caught:
        create_question(workspace, text="what are you building this spring?",
                        purpose="deepening")
    assert f"#{working_on.pk}" in caught.value.errors["text"]


def test_it_retires_and_restores_a_question(workspace, working_on):
    actions.retire_question(workspace, working_on)
    assert working_on.retired_at is not None
    # Retired, its words are free for a new question...
    twin = create_question(workspace, text=working_on.text, purpose="deepening")
    # ...and then restoring the old one would make two of them.
    with pytest.raises(Invalid):
        actions.restore_question(workspace, working_on)
    actions.retire_question(workspace, twin)
    actions.restore_question(workspace, working_on)
    working_on.refresh_from_db()
    assert working_on.retired_at is None


# -- asking -------------------------------------------------------------------------------

@time_machine.travel(TODAY)
def test_it_marks_a_question_asked_and_keeps_the_answer_as_a_fact_in_one_step(
        workspace, ana, working_on):
    asked = ask_question(workspace, ana, working_on, answer="a tool library for the estate",
                         fact_kind="goal")

    assert asked.question == working_on and asked.person == ana and asked.asked_on == TODAY
    assert asked.answer == "a tool library for the estate"
    fact = Fact.objects.get(person=ana)
    assert asked.fact == fact
    assert (fact.kind, fact.text, fact.learned_on) == ("goal", "a tool library for the estate",
                                                        TODAY)


def test_it_uses_the_questions_usual_kind_unless_told_otherwise(workspace, ana, working_on):
    assert ask_question(workspace, ana, working_on, answer="a tool library").fact.kind == "goal"
    need = ask_question(workspace, ana, working_on, answer="a van", fact_kind="need")
    assert need.fact.kind == "need"
    nothing = ask_question(workspace, ana, working_on, answer="she laughed", fact_kind="none")
    assert nothing.fact is None and nothing.answer == "she laughed"
    assert Fact.objects.filter(person=ana).count() == 2


def test_it_marks_asked_with_no_answer_when_no_kind_is_named(workspace, ana, working_on):
    asked = ask_question(workspace, ana, working_on)
    assert asked.fact is None and asked.answer == ""
    assert not Fact.objects.exists()


def test_it_refuses_a_kind_with_no_answer_and_writes_nothing(workspace, ana, working_on):
    with pytest.raises(Invalid) as caught:
        ask_question(workspace, ana, working_on, answer="   ", fact_kind="need")
    assert "Ana Ruiz" in caught.value.errors["answer"]
    assert not AskedQuestion.objects.exists() and not Fact.objects.exists()


def test_it_refuses_a_bad_kind_or_an_overlong_fact(workspace, ana, working_on):
    with pytest.raises(Invalid) as bad_kind:
        ask_question(workspace, ana, working_on, answer="a van", fact_kind="wish")
    assert "fact_kind" in bad_kind.value.errors
    with pytest.raises(Invalid) as too_long:
        ask_question(workspace, ana, working_on, answer="x" * 501, fact_kind="need")
    assert "500" in too_long.value.errors["answer"]
    assert not AskedQuestion.objects.exists() and not Fact.objects.exists()


def test_it_rolls_the_fact_back_when_the_question_cannot_be_marked(workspace, ana, working_on,
                                                                     monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(AskedQuestion.objects, "create", broken)
    with pytest.raises(RuntimeError):
        ask_question(workspace, ana, working_on, answer="a tool library")
    assert not Fact.objects.exists()


def test_it_refuses_another_workspaces_person_or_question(workspace, other_workspace,
                                                          make_person, ana, working_on):
    bruno = make_person("Bruno Bobson", ws=other_workspace)
    bobs_question = create_question(other_workspace, text="Bob's question?", purpose="deepening")
    with pytest.raises(NotFound):
        ask_question(workspace, bruno, working_on, answer="x")
    with pytest.raises(NotFound):
        ask_question(workspace, ana, bobs_question, answer="x")
    with pytest.raises(NotFound):
        actions.access_question(workspace, bobs_question.pk)
    assert not AskedQuestion.objects.exists() and not Fact.objects.exists()
