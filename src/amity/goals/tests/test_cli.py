"""`amity goal add`, `amity goal list` and `amity focus ...`, as Alice types them.

The CLI acts in the first workspace: the ``workspace`` fixture (Alice's).
"""

import json

import pytest

from amity.cli.testing import invoker, ok, refused
from amity.goals.actions import add_focus, create_goal
from amity.goals.models import FocusEntry, Goal
from amity.people.actions import add_fact

amity = invoker(columns=160)
pytestmark = pytest.mark.django_db


def test_it_adds_and_lists_goals_with_the_aligned_people(workspace, other_workspace,
                                                         make_person):
    out = ok(amity("goal", "add", "Grants for the community kitchen", "--due", "2026-09-01"))
    goal = Goal.objects.get()
    assert out == f"Added goal #{goal.pk}: Grants for the community kitchen.\n"
    create_goal(other_workspace, title="Bob's plan")
    ben = make_person("Ben Okafor")
    add_fact(workspace, ben, kind="offer", text="grant writing")
    listing = ok(amity("goal", "list", "--aligned", "3"))
    assert "Grants for the community kitchen" in listing and "2026-09-01" in listing
    assert f"#{ben.pk} Ben Okafor: offers “grant writing”" in listing and "Bob" not in listing
    data = json.loads(ok(amity("goal", "list", "--json", "--aligned", "1")))
    assert data[0]["aligned"][0]["person"]["display_name"] == "Ben Okafor"
    assert refused(amity("goal", "add", " ")).startswith("amity: TITLE: ")


def test_it_shows_adds_and_removes_focus(workspace, make_person):
    goal = create_goal(workspace, title="Funding for the spring programme")
    ana, ben = make_person("Ana Ruiz"), make_person("Ben Okafor")
    add_fact(workspace, ana, kind="need", text="a grant writer")
    add_fact(workspace, ben, kind="offer", text="grant writing")
    assert "Your focus list is empty" in ok(amity("focus"))
    out = ok(amity("focus", "add", "ana", "--goal", "spring"))
    assert "Ana Ruiz is in your focus list, for Funding for the spring programme." in out
    assert "Idea: Introduce them to Ben Okafor" in out
    ok(amity("focus", "add", "ben", "--offer", "a warm intro to the trust"))
    shown = ok(amity("focus"))
    assert "Ana Ruiz" in shown and "Noticed" in shown and "a warm intro to the trust" in shown
    data = json.loads(ok(amity("focus", "--json")))
    assert [(f["person"]["display_name"], f["offer_suggested"]) for f in data] == [
        ("Ana Ruiz", True), ("Ben Okafor", False)]
    assert data[0]["goal"] == {"id": goal.pk, "title": goal.title}
    assert ok(amity("focus", "remove", "ana")) == "Ana Ruiz is no longer in your focus list.\n"
    assert list(FocusEntry.objects.values_list("person__display_name", flat=True)) == [
        "Ben Okafor"]


def test_it_refuses_a_fourth_person_and_unknown_ones(workspace, make_person, other_workspace):
    for name in ("Ana Ruiz", "Ben Okafor", "Chloé Martin"):
        add_focus(workspace, make_person(name))
    make_person("Dev Patel")
    assert refused(amity("focus", "add", "dev")) == (
        "amity: PERSON: Your focus list holds three people at most: remove one first.\n")
    assert refused(amity("focus", "add", "nobody")).startswith("amity: No person matching")
    assert refused(amity("focus", "remove", "dev")).startswith("amity: No focus entry")
    bobs_goal = create_goal(other_workspace, title="Bob's plan")
    FocusEntry.objects.filter(person__display_name="Ana Ruiz").delete()
    assert refused(amity("focus", "add", "dev", "--goal", bobs_goal.pk)).startswith(
        f"amity: No goal #{bobs_goal.pk}")
    assert FocusEntry.objects.count() == 2
