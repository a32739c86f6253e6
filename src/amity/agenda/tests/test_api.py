"""The JSON API for today's agenda: /api/agenda."""

from datetime import UTC, datetime

import pytest
import time_machine

from amity.conversations.actions import log_conversation
from amity.followups.actions import create_follow_up

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)



@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def test_it_answers_the_days_follow_ups_check_ins_and_birthdays(api, frozen, workspace,
                                                                make_person):
    ana = make_person("Ana Ruiz", cadence_days=7, importance="inner")
    kofi = make_person("Kofi Mensah", cadence_days=30, importance="regular")
    make_person("Bea Stone", birthday="1990-03-12")
    log_conversation(workspace, [ana], summary="Coffee", happened_at="2026-02-20")
    log_conversation(workspace, [kofi], summary="Call", happened_at="2026-01-01")
    create_follow_up(workspace, kofi, action="Send the report", due_on="2026-03-08")
    create_follow_up(workspace, ana, action="Invite to the potluck", due_on="2026-03-13")

    response = api.get("/api/agenda")

    assert response.status_code == 200, response.content
    agenda = response.json()
    assert agenda["today"] == "2026-03-10"
    assert [f["action"] for f in agenda["follow_ups"]] == ["Send the report"]
    assert agenda["follow_ups"][0]["overdue"] is True and agenda["follow_ups_total"] == 1
    assert [f["action"] for f in agenda["upcoming"]] == ["Invite to the potluck"]
    # Ana is less late in days but on a short cadence and in the inner circle: first.
    check_ins = agenda["check_ins"]
    assert [c["person"]["display_name"] for c in check_ins] == ["Ana Ruiz", "Kofi Mensah"]
    assert [c["days_late"] for c in check_ins] == [11, 38]
    assert check_ins[0]["days_since"] == 18
    assert check_ins[0]["score"] == pytest.approx((11 + 7) / 7 * 3)
    assert check_ins[0]["person"]["importance"] == "inner"
    assert agenda["check_ins_total"] == 2
    assert [(b["person"]["display_name"], b["on"], b["turns"]) for b in agenda["birthdays"]] == [
        ("Bea Stone", "2026-03-12", 36)]


def test_it_limits_each_list_but_counts_them_all(api, frozen, make_person):
    for i in range(3):
        make_person(f"Person {i}", cadence_days=1)
    frozen.shift(86400 * 3)

    agenda = api.get("/api/agenda?limit=2").json()
    rest = api.get("/api/agenda?limit=2&check_in_offset=2").json()

    assert len(agenda["check_ins"]) == 2 and agenda["check_ins_total"] == 3
    assert len(rest["check_ins"]) == 1


def test_it_shows_nothing_from_another_workspace(api, frozen, bob, other_workspace, make_person):
    bobs = make_person("Bruno Bobson", ws=other_workspace, cadence_days=1, birthday="03-11")
    create_follow_up(other_workspace, bobs, action="Bob's call", due_on="2026-03-01")
    frozen.shift(86400 * 3)

    agenda = api.get("/api/agenda").json()

    assert agenda["follow_ups"] == [] and agenda["check_ins"] == []
    assert agenda["birthdays"] == [] and agenda["upcoming"] == []
