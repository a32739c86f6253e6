"""Follow-ups: a concrete next step with a due date (amity.followups.actions)."""

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine

from amity.conversations.actions import log_conversation
from amity.errors import Invalid, NotFound
from amity.followups.actions import (
    access_follow_up,
    complete_follow_up,
    create_follow_up,
    delete_follow_up,
    reopen_follow_up,
    reschedule_follow_up,
    snooze_follow_up,
    update_follow_up,
)
from amity.followups.models import FollowUp

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)  # a Tuesday
TODAY = date(2026, 3, 10)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def ana(make_person):
    return make_person("Ana Ruiz")


def fresh(follow_up) -> FollowUp:
    return FollowUp.objects.get(pk=follow_up.pk)


# -- creating -------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "due"), [
    ("today", TODAY),
    ("tomorrow", date(2026, 3, 11)),
    ("+7d", date(2026, 3, 17)),
    ("+2w", date(2026, 3, 24)),
    ("+1m", date(2026, 4, 10)),
    ("friday", date(2026, 3, 13)),
    ("2026-04-01", date(2026, 4, 1)),
    (date(2026, 5, 1), date(2026, 5, 1)),
    ("2026-03-01", date(2026, 3, 1)),  # already overdue: still worth writing down
])
def test_it_creates_a_follow_up_due_when_people_say(workspace, ana, typed, due):
    follow_up = create_follow_up(workspace, ana, action=" Send the allotment map ", due_on=typed)

    follow_up = fresh(follow_up)
    assert follow_up.action == "Send the allotment map"
    assert follow_up.due_on == due
    assert (follow_up.person, follow_up.workspace) == (ana, workspace)
    assert not follow_up.is_done
    assert follow_up.created_at == NOW


def test_it_dates_a_follow_up_in_amitys_time_zone(workspace, ana, settings, frozen):
    settings.TIME_ZONE = "Pacific/Auckland"
    frozen.move_to(datetime(2026, 3, 10, 22, 0, tzinfo=UTC))  # 11:00 on the 11th there

    follow_up = create_follow_up(workspace, ana, action="Call", due_on="today")

    assert follow_up.due_on == date(2026, 3, 11)
    assert not follow_up.is_overdue()


def test_it_links_a_follow_up_to_its_conversation(workspace, ana):
    talk = log_conversation(workspace, [ana], summary="Coffee")

    follow_up = create_follow_up(workspace, ana, conversation=talk, action="Intro to Ben",
                                 due_on="+3d")

    assert list(talk.follow_ups.all()) == [follow_up]


@pytest.mark.parametrize(("fields", "field"), [
    ({"due_on": "someday"}, "due_on"),
    ({"due_on": "2026-02-30"}, "due_on"),
    ({"due_on": ""}, "due_on"),
    ({"due_on": None}, "due_on"),
    ({"action": ""}, "action"),
    ({"action": "   "}, "action"),
    ({"action": "x" * 301}, "action"),
    ({"action": "Call\x00"}, "action"),
])
def test_it_refuses_a_bad_follow_up_naming_the_field_and_writes_nothing(workspace, ana, fields,
                                                                        field):
    with pytest.raises(Invalid) as caught:
        create_follow_up(workspace, ana, **{"action": "Call back", "due_on": "+1d", **fields})

    assert field in caught.value.errors
    assert FollowUp.objects.count() == 0


def test_it_refuses_a_follow_up_for_another_workspaces_person(workspace, other_workspace,
                                                              make_person):
    dee = make_person("Dee Lee", ws=other_workspace)

    with pytest.raises(NotFound):
        create_follow_up(workspace, dee, action="Call Dee", due_on="tomorrow")

    assert FollowUp.objects.count() == 0


def test_it_refuses_a_conversation_of_another_workspace(workspace, other_workspace, ana,
                                                        make_person):
    dee = make_person("Dee Lee", ws=other_workspace)
    deees_talk = log_conversation(other_workspace, [dee], summary="Dee's talk")

    with pytest.raises(NotFound):
        create_follow_up(workspace, ana, conversation=deees_talk, action="Call", due_on="+1d")

    assert FollowUp.objects.count() == 0


def test_it_finds_a_follow_up_only_in_its_own_workspace(workspace, other_workspace, ana,
                                                        make_person):
    dee = make_person("Dee Lee", ws=other_workspace)
    bobs = create_follow_up(other_workspace, dee, action="Call Dee", due_on="tomorrow")
    alices = create_follow_up(workspace, ana, action="Call Ana", due_on="tomorrow")

    assert access_follow_up(workspace, alices.pk) == alices
    with pytest.raises(NotFound):
        access_follow_up(workspace, bobs.pk)


# -- completing -----------------------------------------------------------------

def test_it_completes_and_reopens_a_follow_up(workspace, ana, frozen):
    follow_up = create_follow_up(workspace, ana, action="Send the map", due_on="today")

    complete_follow_up(workspace, follow_up)
    assert fresh(follow_up).done_at == NOW
    assert fresh(follow_up).is_done
    assert not fresh(follow_up).is_overdue(today=date(2026, 4, 1))

    frozen.shift(timedelta(hours=1))
    complete_follow_up(workspace, follow_up)
    assert fresh(follow_up).done_at == NOW  # completing twice keeps the first time

    reopen_follow_up(workspace, follow_up)
    assert fresh(follow_up).done_at is None
    assert fresh(follow_up).is_overdue(today=date(2026, 3, 11))


def test_it_knows_when_a_follow_up_is_overdue(workspace, ana):
    follow_up = create_follow_up(workspace, ana, action="Call", due_on="yesterday")
    due_today = create_follow_up(workspace, ana, action="Write", due_on="today")

    assert follow_up.is_overdue()
    assert not due_today.is_overdue()


# -- snoozing and rescheduling --------------------------------------------------

def test_it_snoozes_an_overdue_follow_up_from_today(workspace, ana):
    follow_up = create_follow_up(workspace, ana, action="Call", due_on="2026-03-01")

    snooze_follow_up(workspace, follow_up, days=3)

    assert fresh(follow_up).due_on == date(2026, 3, 13)
    assert fresh(follow_up).snoozed_times == 1


def test_it_snoozes_a_future_follow_up_from_its_due_date(workspace, ana):
    follow_up = create_follow_up(workspace, ana, action="Call", due_on="2026-03-20")

    snooze_follow_up(workspace, follow_up, days=3)
    snooze_follow_up(workspace, follow_up)

    assert fresh(follow_up).due_on == date(2026, 3, 24)
    assert fresh(follow_up).snoozed_times == 2


def test_it_snoozes_a_follow_up_due_today_to_tomorrow(workspace, ana):
    follow_up = create_follow_up(workspace, ana, action="Call", due_on="today")

    snooze_follow_up(workspace, follow_up)

    assert fresh(follow_up).due_on == date(2026, 3, 11)


@pytest.mark.parametrize("days", [0, -1, 366, "soon", None])
def test_it_refuses_a_snooze_out_of_range(workspace, ana, days):
    follow_up = create_follow_up(workspace, ana, action="Call", due_on="today")

    with pytest.raises(Invalid) as caught:
        snooze_follow_up(workspace, follow_up, days=days)

    assert "days" in caught.value.errors
    assert (fresh(follow_up).due_on, fresh(follow_up).snoozed_times) == (TODAY, 0)


@pytest.mark.parametrize(("typed", "due"), [
    ("2026-04-01", date(2026, 4, 1)),
    ("+2w", date(2026, 3, 24)),
    ("monday", date(2026, 3, 16)),
])
def test_it_reschedules_a_follow_up(workspace, ana, typed, due):
    follow_up = create_follow_up(workspace, ana, action="Call", due_on="today")

    reschedule_follow_up(workspace, follow_up, typed)

    assert fresh(follow_up).due_on == due
    assert fresh(follow_up).snoozed_times == 0


@pytest.mark.parametrize("typed", ["", None, "whenever", "2026-04-31"])
def test_it_refuses_a_bad_new_due_date_and_keeps_the_old_one(workspace, ana, typed):
    follow_up = create_follow_up(workspace, ana, action="Call", due_on="today")

    with pytest.raises(Invalid) as caught:
        reschedule_follow_up(workspace, follow_up, typed)

    assert "due_on" in caught.value.errors
    assert fresh(follow_up).due_on == TODAY


# -- editing and deleting -------------------------------------------------------

def test_it_updates_only_the_fields_it_is_given(workspace, ana):
    follow_up = create_follow_up(workspace, ana, action="Call", due_on="tomorrow")

    update_follow_up(workspace, follow_up, action="Call about the van")

    assert (fresh(follow_up).action, fresh(follow_up).due_on) == ("Call about the van",
                                                                   date(2026, 3, 11))


def test_it_refuses_a_bad_edit_and_keeps_the_follow_up(workspace, ana):
    follow_up = create_follow_up(workspace, ana, action="Call", due_on="tomorrow")

    with pytest.raises(Invalid) as caught:
        update_follow_up(workspace, follow_up, action="", due_on="never")

    assert set(caught.value.errors) == {"action", "due_on"}
    assert (fresh(follow_up).action, fresh(follow_up).due_on) == ("Call", date(2026, 3, 11))


def test_it_deletes_a_follow_up(workspace, ana):
    follow_up = create_follow_up(workspace, ana, action="Call", due_on="tomorrow")

    delete_follow_up(workspace, follow_up)

    assert FollowUp.objects.count() == 0
