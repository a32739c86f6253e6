"""Goals and the focus list: three people at most, by design."""

import pytest

from amity.errors import Invalid, NotFound
from amity.goals.actions import (
    FULL_MESSAGE,
    add_focus,
    close_goal,
    create_goal,
    remove_focus,
    reopen_goal,
    resolve_goal,
    update_focus,
    update_goal,
)
from amity.goals.models import FocusEntry
from amity.people.actions import archive_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def funding(workspace):
    return create_goal(workspace, title="Funding for the spring programme", due_on="2026-09-01")


def test_it_creates_edits_closes_and_reopens_a_goal(workspace, funding):
    assert funding.status == "active" and str(funding.due_on) == "2026-09-01"
    update_goal(workspace, funding, description="Grants for the community kitchen")
    close_goal(workspace, funding)
    funding.refresh_from_db()
    assert funding.status == "achieved" and funding.description.startswith("Grants")
    reopen_goal(workspace, funding)
    assert funding.status == "active"
    with pytest.raises(Invalid) as caught:
        create_goal(workspace, title="  ", due_on="later")
    assert set(caught.value.errors) == {"title", "due_on"}
    with pytest.raises(Invalid):
        update_goal(workspace, funding, status="forgotten")


def test_it_refuses_a_fourth_person_with_a_clear_message(workspace, make_person):
    ana, ben, chloe, dev = (make_person(n) for n in ("Ana Ruiz", "Ben Okafor", "Chloé Martin",
                                                     "Dev Patel"))
    for person in (ana, ben, chloe):
        add_focus(workspace, person)
    with pytest.raises(Invalid) as caught:
        add_focus(workspace, dev, offer="an introduction")
    assert caught.value.errors == {"person": FULL_MESSAGE}
    assert FULL_MESSAGE == "Your focus list holds three people at most: remove one first."
    assert FocusEntry.objects.count() == 3
    remove_focus(workspace, ben)
    add_focus(workspace, dev)
    assert set(FocusEntry.objects.values_list("person__display_name", flat=True)) == {
        "Ana Ruiz", "Chloé Martin", "Dev Patel"}


def test_it_refuses_archived_people_and_duplicates(workspace, make_person):
    ana, ben = make_person("Ana Ruiz"), make_person("Ben Okafor")
    add_focus(workspace, ana)
    with pytest.raises(Invalid) as caught:
        add_focus(workspace, ana)
    assert caught.value.errors["person"] == "Ana Ruiz is already in your focus list."
    archive_person(workspace, ben)
    with pytest.raises(Invalid) as caught:
        add_focus(workspace, ben)
    assert "Ben Okafor is archived" in caught.value.errors["person"]
    assert FocusEntry.objects.count() == 1


def test_it_ties_focus_to_an_active_goal_with_an_offer(workspace, funding, make_person):
    ana = make_person("Ana Ruiz")
    entry = add_focus(workspace, ana, goal=funding, offer="an intro to the land trust")
    assert entry.goal == funding and entry.offer == "an intro to the land trust"
    update_focus(workspace, entry, offer="the funder list")
    assert FocusEntry.objects.get().offer == "the funder list"
    close_goal(workspace, funding, "dropped")
    ben = make_person("Ben Okafor")
    with pytest.raises(Invalid) as caught:
        add_focus(workspace, ben, goal=funding)
    assert "is dropped" in caught.value.errors["goal"]
    with pytest.raises(Invalid) as caught:
        add_focus(workspace, ben, offer="x" * 301)
    assert "offer" in caught.value.errors


def test_it_keeps_workspaces_apart(workspace, other_workspace, make_person, bobs_person):
    bobs_goal = create_goal(other_workspace, title="Bob's plan")
    with pytest.raises(NotFound):
        add_focus(workspace, bobs_person)
    with pytest.raises(NotFound):
        add_focus(workspace, make_person("Ana Ruiz"), goal=bobs_goal)
    with pytest.raises(NotFound):
        resolve_goal(workspace, str(bobs_goal.pk))
    with pytest.raises(NotFound):
        remove_focus(workspace, bobs_person)
    # Bob's full list does not count against Alice's.
    for n in range(3):
        add_focus(other_workspace, make_person(f"Bob's {n}", ws=other_workspace))
    add_focus(workspace, make_person("Ben Okafor"))


def test_it_resolves_a_goal_by_id_or_title(workspace, funding):
    create_goal(workspace, title="Funding for the food hub")
    assert resolve_goal(workspace, f"#{funding.pk}") == funding
    assert resolve_goal(workspace, "spring") == funding
    with pytest.raises(Invalid) as caught:
        resolve_goal(workspace, "funding")
    assert "matches several goals" in caught.value.errors["goal"]
