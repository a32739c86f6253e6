"""Today's agenda (amity.agenda.queries.build_agenda): follow-ups first, then
check-ins ranked by how late they are for their cadence, then birthdays."""

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine

from amity.agenda.queries import build_agenda
from amity.conversations.actions import log_conversation
from amity.followups.actions import complete_follow_up, create_follow_up
from amity.people.actions import archive_person, update_person

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)  # a Tuesday
TODAY = date(2026, 3, 10)


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def due_person(workspace, make_person, frozen):
    """Someone whose check-in is ``late`` days overdue today."""
    def make(name, cadence, late, **fields):
        person = make_person(name, cadence_days=cadence, **fields)
        last = TODAY - timedelta(days=cadence + late)
        log_conversation(workspace, [person], summary="Catch-up", happened_at=last.isoformat())
        return person
    return make


def names(items) -> list[str]:
    return [item.person.display_name for item in items]


# -- follow-ups -----------------------------------------------------------------

def test_it_lists_overdue_and_due_today_follow_ups_oldest_first(workspace, make_person, frozen):
    ana, ben = make_person("Ana Ruiz"), make_person("Ben Okafor")
    today = create_follow_up(workspace, ana, action="Send the map", due_on="today")
    oldest = create_follow_up(workspace, ben, action="Return the van keys", due_on="2026-03-01")
    middle = create_follow_up(workspace, ana, action="Intro to Cléo", due_on="2026-03-05")
    tomorrow = create_follow_up(workspace, ana, action="Call", due_on="tomorrow")

    agenda = build_agenda(workspace)

    assert agenda.today == TODAY
    assert agenda.follow_ups == [oldest, middle, today]
    assert agenda.follow_ups_total == 3
    assert agenda.upcoming == [tomorrow]


def test_it_leaves_out_done_follow_ups_and_archived_people(workspace, make_person, frozen):
    ana, ben = make_person("Ana Ruiz"), make_person("Ben Okafor")
    done = create_follow_up(workspace, ana, action="Send the map", due_on="2026-03-01")
    complete_follow_up(workspace, done)
    create_follow_up(workspace, ben, action="Call", due_on="2026-03-01")
    create_follow_up(workspace, ben, action="Write", due_on="tomorrow")
    archive_person(workspace, ben)

    agenda = build_agenda(workspace)

    assert agenda.follow_ups == agenda.upcoming == []
    assert agenda.is_empty


def test_it_shows_upcoming_follow_ups_for_the_next_week_only(workspace, make_person, frozen):
    ana = make_person("Ana Ruiz")
    in_a_week = create_follow_up(workspace, ana, action="Call", due_on="+7d")
    create_follow_up(workspace, ana, action="Write", due_on="+8d")

    assert build_agenda(workspace).upcoming == [in_a_week]


def test_it_counts_every_due_follow_up_beyond_the_page(workspace, make_person, frozen):
    ana = make_person("Ana Ruiz")
    for n in range(5):
        create_follow_up(workspace, ana, action=f"Step {n}", due_on="yesterday")

    agenda = build_agenda(workspace, limit=2)

    assert [f.action for f in agenda.follow_ups] == ["Step 0", "Step 1"]
    assert agenda.follow_ups_total == 5


def test_it_never_shows_another_workspaces_follow_ups(workspace, other_workspace, make_person,
                                                      frozen):
    dee = make_person("Dee Lee", ws=other_workspace)
    create_follow_up(other_workspace, dee, action="Call Dee", due_on="yesterday")

    assert build_agenda(workspace).follow_ups == []
    assert len(build_agenda(other_workspace).follow_ups) == 1


# -- check-ins ------------------------------------------------------------------

def test_it_lists_only_people_with_a_cadence_who_are_due(workspace, make_person, due_person):
    due_person("Ana Ruiz", cadence=30, late=3)
    due_person("Ben Okafor", cadence=30, late=0)  # due today
    due_person("Cléo Martin", cadence=30, late=-1)  # due tomorrow
    no_cadence = make_person("Dee Lee")
    log_conversation(workspace, [no_cadence], summary="Old chat", happened_at="2020-01-01")

    agenda = build_agenda(workspace)

    assert names(agenda.check_ins) == ["Ana Ruiz", "Ben Okafor"]
    assert [c.days_late for c in agenda.check_ins] == [3, 0]
    assert agenda.check_ins_total == 2


def test_it_ranks_lateness_relative_to_the_cadence(workspace, due_person):
    due_person("Quarterly Quinn", cadence=90, late=10)
    due_person("Weekly Wren", cadence=7, late=10)
    due_person("Monthly Mo", cadence=30, late=10)

    agenda = build_agenda(workspace)

    assert names(agenda.check_ins) == ["Weekly Wren", "Monthly Mo", "Quarterly Quinn"]
    assert all(c.days_late == 10 for c in agenda.check_ins)
    assert agenda.check_ins[0].score > agenda.check_ins[1].score > agenda.check_ins[2].score


def test_it_ranks_the_inner_circle_above_as_late_regulars(workspace, due_person):
    due_person("Occasional Olu", cadence=30, late=5, importance="occasional")
    due_person("Regular Rae", cadence=30, late=5)
    due_person("Inner Ines", cadence=30, late=5, importance="inner circle")

    assert names(build_agenda(workspace).check_ins) == ["Inner Ines", "Regular Rae",
                                                        "Occasional Olu"]


def test_it_counts_days_since_the_last_contact(workspace, due_person):
    due_person("Ana Ruiz", cadence=30, late=4)

    check_in = build_agenda(workspace).check_ins[0]

    assert check_in.days_since == 34
    assert check_in.days_late == 4


def test_it_dates_a_never_contacted_persons_check_in_from_when_they_were_added(
        workspace, make_person, frozen):
    with time_machine.travel(datetime(2026, 1, 1, 9, 0, tzinfo=UTC), tick=False):
        make_person("Ana Ruiz", cadence_days=30)  # due 31 January
        make_person("Ben Okafor", cadence_days=90)  # due 1 April

    agenda = build_agenda(workspace)

    assert names(agenda.check_ins) == ["Ana Ruiz"]
    assert agenda.check_ins[0].days_since is None
    assert agenda.check_ins[0].days_late == 38


def test_it_leaves_out_archived_people_and_people_just_contacted(workspace, due_person):
    ana = due_person("Ana Ruiz", cadence=30, late=3)
    ben = due_person("Ben Okafor", cadence=30, late=3)
    archive_person(workspace, ana)
    log_conversation(workspace, [ben], summary="Called Ben")

    assert build_agenda(workspace).check_ins == []


def test_it_follows_a_cadence_change(workspace, due_person):
    ana = due_person("Ana Ruiz", cadence=30, late=3)

    update_person(workspace, ana, cadence_days="")
    assert build_agenda(workspace).check_ins == []

    update_person(workspace, ana, cadence_days=60)
    assert build_agenda(workspace).check_ins == []


def test_it_pages_through_check_ins(workspace, due_person):
    for n in range(5):
        due_person(f"Person {n}", cadence=30, late=10 - n)

    first = build_agenda(workspace, limit=2)
    last = build_agenda(workspace, limit=2, check_in_offset=4)

    assert names(first.check_ins) == ["Person 0", "Person 1"]
    assert first.check_ins_total == 5
    assert names(last.check_ins) == ["Person 4"]
    assert last.check_ins_total == 5


def test_it_never_shows_another_workspaces_check_ins(workspace, other_workspace, make_person,
                                                     frozen):
    dee = make_person("Dee Lee", ws=other_workspace, cadence_days=7)
    log_conversation(other_workspace, [dee], summary="Chat", happened_at="2026-01-01")

    assert build_agenda(workspace).check_ins == []
    assert names(build_agenda(other_workspace).check_ins) == ["Dee Lee"]


# -- birthdays --------------------------------------------------------------------

def test_it_lists_birthdays_in_the_coming_week_across_the_year_end(workspace, make_person):
    with time_machine.travel(datetime(2026, 12, 28, 8, 0, tzinfo=UTC), tick=False):
        make_person("Yesterday Yara", birthday="12-27")
        make_person("Today Tom", birthday="--12-28")
        make_person("New Year Nia", birthday="1990-01-01")
        make_person("Week Away Wil", birthday="01-04")
        make_person("Too Far Fay", birthday="01-05")
        make_person("No Birthday Ned")
        archived = make_person("Archived Abe", birthday="12-30")
        archive_person(workspace, archived)

        birthdays = build_agenda(workspace).birthdays

    assert [(b.person.display_name, b.on, b.turns) for b in birthdays] == [
        ("Today Tom", date(2026, 12, 28), None),
        ("New Year Nia", date(2027, 1, 1), 37),
        ("Week Away Wil", date(2027, 1, 4), None),
    ]


def test_it_keeps_a_leap_day_birthday_on_the_28th_in_other_years(workspace, make_person):
    leap = make_person("Leap Lee", birthday="2000-02-29")

    with time_machine.travel(datetime(2027, 2, 25, 8, 0, tzinfo=UTC), tick=False):
        birthdays = build_agenda(workspace).birthdays
    assert [(b.person, b.on, b.turns) for b in birthdays] == [(leap, date(2027, 2, 28), 27)]

    with time_machine.travel(datetime(2028, 2, 25, 8, 0, tzinfo=UTC), tick=False):
        birthdays = build_agenda(workspace).birthdays
    assert [(b.person, b.on) for b in birthdays] == [(leap, date(2028, 2, 29))]


def test_it_never_shows_another_workspaces_birthdays(workspace, other_workspace, make_person,
                                                     frozen):
    make_person("Dee Lee", ws=other_workspace, birthday="03-11")

    assert build_agenda(workspace).birthdays == []


def test_an_empty_workspace_has_an_empty_agenda(workspace, frozen):
    agenda = build_agenda(workspace)

    assert agenda.is_empty
    assert (agenda.follow_ups_total, agenda.check_ins_total) == (0, 0)


# -- cost ---------------------------------------------------------------------------

@pytest.mark.parametrize("size", [3, 30])
def test_it_builds_the_agenda_in_a_constant_number_of_queries(workspace, make_person, frozen,
                                                              django_assert_max_num_queries,
                                                              size):
    for n in range(size):
        with time_machine.travel(datetime(2025, 1, 1, tzinfo=UTC), tick=False):
            person = make_person(f"Person {n:02d}", cadence_days=30, birthday="03-12")
        create_follow_up(workspace, person, action="Overdue step", due_on="yesterday")
        create_follow_up(workspace, person, action="Next step", due_on="+2d")

    # Six at most: due follow-ups and their count, upcoming, check-ins and
    # their count, birthdays. Reading each item's person costs nothing more.
    with django_assert_max_num_queries(6):
        agenda = build_agenda(workspace)
        shown = [f.person.display_name for f in agenda.follow_ups + agenda.upcoming]
        shown += [c.person.display_name for c in agenda.check_ins]
        shown += [b.person.display_name for b in agenda.birthdays]

    assert agenda.follow_ups_total == agenda.check_ins_total == size
    assert len(agenda.birthdays) == size
    assert len(shown) == 3 * min(size, 25) + size
