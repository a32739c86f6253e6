"""Ana, hand-made with a known history, for every brief test.

On 4 May 2026 (the day the tests run in): she coordinates the Food Bank (she
used to volunteer at the Seed Library), Ben introduced you. Her need for a
grant writer was noted two years ago and never confirmed (stale); her interest
in community gardens is recent. Four conversations; one open follow-up (and one
done); in the ledger she asked you for an introduction to the council that is
still open, while the feedback you asked her for came back.
"""

from datetime import UTC, date, datetime

import pytest
import time_machine

from amity.conversations.actions import log_conversation
from amity.exchange.actions import record_entry
from amity.followups.actions import complete_follow_up, create_follow_up
from amity.organisations.actions import add_affiliation, find_or_create_organisation
from amity.people.actions import add_fact

TODAY = date(2026, 5, 4)


@pytest.fixture(autouse=True)
def frozen_day():
    with time_machine.travel(datetime(2026, 5, 4, 9, 0, tzinfo=UTC), tick=False):
        yield


@pytest.fixture
def ben(make_person):
    return make_person("Ben Okafor")


@pytest.fixture
def ana(workspace, make_person, ben):
    from amity.people.actions import update_person

    ana = make_person("Ana Ruiz", pronouns="she/her", location="Leeds",
                      met_where="the allotment open day", met_on="2025-06-14")
    update_person(workspace, ana, introduced_by=ben)
    add_affiliation(workspace, ana, find_or_create_organisation(workspace, "Food Bank"),
                    role="Coordinator", represents=True)
    add_affiliation(workspace, ana, find_or_create_organisation(workspace, "Seed Library"),
                    role="Volunteer", start_on="2020-01-01", end_on="2024-01-01")
    add_fact(workspace, ana, kind="need", text="a grant writer", learned_on="2024-04-01")
    add_fact(workspace, ana, kind="interest", text="community gardens", learned_on="2026-04-20")
    for day, summary, how in (("2026-01-10", "New year catch-up", "neutral"),
                              ("2026-02-14", "Walk round the allotments", "good"),
                              ("2026-03-20", "Call about the spring appeal", "difficult"),
                              ("2026-04-20", "Coffee at the market", "great")):
        log_conversation(workspace, [ana], summary=summary, happened_at=day, how_it_went=how,
                         their_mood="hopeful" if how == "great" else "")
    create_follow_up(workspace, ana, action="Send her the land trust article", due_on="2026-05-01")
    complete_follow_up(workspace, create_follow_up(workspace, ana, action="Old step",
                                                   due_on="2026-04-01"))
    for direction, kind, text, day in (
            ("to_them", "information", "shared the funder list", "2026-02-01"),
            ("from_them", "ask", "an introduction to the council", "2026-03-01"),
            ("to_them", "ask", "feedback on our bid", "2026-03-05"),
            ("from_them", "help", "reviewed our bid", "2026-03-12")):
        record_entry(workspace, ana, direction=direction, kind=kind, description=text,
                     occurred_on=date.fromisoformat(day))
    ana.refresh_from_db()
    return ana
