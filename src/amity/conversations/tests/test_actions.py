"""Logging conversations: the write that moves last-contact dates
(amity.conversations.actions)."""

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine

from amity.conversations.actions import (
    access_conversation,
    delete_conversation,
    log_conversation,
    parse_when,
    update_conversation,
)
from amity.conversations.models import Channel, Conversation, Participation
from amity.errors import Invalid, NotFound
from amity.followups.models import FollowUp
from amity.people.models import Fact, Person
from amity.search import index

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
TODAY = date(2026, 3, 10)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def ana(make_person):
    return make_person("Ana Ruiz", cadence_days=30)


@pytest.fixture
def ben(make_person):
    return make_person("Ben Okafor", cadence_days=7)


def fresh(person) -> Person:
    return Person.objects.get(pk=person.pk)


def row_counts() -> dict[str, int]:
    return {"conversations": Conversation.objects.count(),
            "participations": Participation.objects.count(),
            "facts": Fact.objects.count(), "follow_ups": FollowUp.objects.count()}


def at(day: str, hour: int = 12) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=UTC)


# -- logging --------------------------------------------------------------------

@pytest.mark.parametrize("channel", Channel.values)
def test_it_moves_last_contact_for_every_participant_whatever_the_channel(workspace, ana, ben,
                                                                          channel):
    talk = log_conversation(workspace, [ana, ben], summary="Planning the harvest fair",
                            channel=channel)

    assert talk.channel == channel
    assert set(talk.participants.all()) == {ana, ben}
    for person, cadence in ((ana, 30), (ben, 7)):
        assert fresh(person).last_contact_at == NOW
        assert fresh(person).checkin_due_on == TODAY + timedelta(days=cadence)


def test_it_reads_a_channel_as_people_type_it(workspace, ana):
    talk = log_conversation(workspace, [ana], summary="Met up", channel="In Person")

    assert talk.channel == Channel.IN_PERSON


def test_it_logs_a_conversation_now_by_default(workspace, ana):
    talk = log_conversation(workspace, [ana], summary="Quick call", channel="call",
                            how_it_went="great", initiated_by="them",
                            their_mood="Excited about the grant", notes="She got the grant!")

    talk.refresh_from_db()
    assert talk.happened_at == NOW
    assert (talk.how_it_went, talk.initiated_by) == ("great", "them")
    assert talk.workspace == workspace


def test_it_logs_each_participant_once(workspace, ana):
    talk = log_conversation(workspace, [ana, ana], summary="Coffee")

    assert talk.participations.count() == 1


def test_it_reads_a_capitalised_day_as_people_type_it(workspace, ana):
    talk = log_conversation(workspace, [ana], summary="Coffee", happened_at="Yesterday")
    now = log_conversation(workspace, [ana], summary="Call", happened_at="Today")

    assert talk.happened_at == datetime(2026, 3, 9, 12, 0, tzinfo=UTC)
    assert now.happened_at == NOW


def test_it_sets_last_contact_from_a_back_dated_first_conversation(workspace, ana):
    log_conversation(workspace, [ana], summary="Market chat", happened_at="2026-03-01")

    assert fresh(ana).last_contact_at == at("2026-03-01")
    assert fresh(ana).checkin_due_on == date(2026, 3, 31)


def test_it_never_moves_last_contact_backward(workspace, ana):
    log_conversation(workspace, [ana], summary="Today's call")

    log_conversation(workspace, [ana], summary="Something from last month",
                     happened_at="2026-02-01 09:30")

    assert fresh(ana).last_contact_at == NOW
    assert fresh(ana).checkin_due_on == TODAY + timedelta(days=30)


def test_it_never_moves_last_contact_backward_even_from_a_stale_copy(workspace, ana):
    # Another request loaded Ana before today's call was logged.
    stale_ana = Person.objects.get(pk=ana.pk)
    log_conversation(workspace, [ana], summary="Today's call")

    log_conversation(workspace, [stale_ana], summary="Last month", happened_at="2026-02-01")

    assert fresh(ana).last_contact_at == NOW
    assert stale_ana.last_contact_at == NOW


def test_it_refuses_a_conversation_in_the_future_and_writes_nothing(workspace, ana):
    before = row_counts()

    for when in ("tomorrow", "2026-03-10T13:00:00+00:00", NOW + timedelta(minutes=10)):
        with pytest.raises(Invalid) as caught:
            log_conversation(workspace, [ana], summary="Next week's coffee", happened_at=when)
        assert "future" in caught.value.errors["happened_at"]

    assert row_counts() == before
    assert fresh(ana).last_contact_at is None


def test_it_allows_a_clock_a_few_minutes_fast(workspace, ana):
    talk = log_conversation(workspace, [ana], summary="Just now",
                            happened_at=NOW + timedelta(minutes=4))

    assert talk.happened_at == NOW + timedelta(minutes=4)


@pytest.mark.parametrize(("fields", "field"), [
    ({"summary": ""}, "summary"),
    ({"summary": "x" * 301}, "summary"),
    ({"summary": "bad\x00"}, "summary"),
    ({"notes": "x" * 20_001}, "notes"),
    ({"channel": "pigeon"}, "channel"),
    ({"how_it_went": "meh"}, "how_it_went"),
    ({"initiated_by": "nobody"}, "initiated_by"),
    ({"happened_at": "the other day"}, "happened_at"),
    ({"happened_at": "2026-03-01T25:00"}, "happened_at"),
])
def test_it_refuses_bad_input_naming_the_field_and_writes_nothing(workspace, ana, fields, field):
    before = row_counts()

    with pytest.raises(Invalid) as caught:
        log_conversation(workspace, [ana], **{"summary": "Coffee", **fields})

    assert field in caught.value.errors
    assert row_counts() == before
    assert fresh(ana).last_contact_at is None


def test_it_needs_at_least_one_person(workspace):
    with pytest.raises(Invalid) as caught:
        log_conversation(workspace, [], summary="Talking to myself")

    assert "participants" in caught.value.errors
    assert Conversation.objects.count() == 0


def test_it_refuses_participants_from_another_workspace(workspace, other_workspace, ana,
                                                        make_person):
    dee = make_person("Dee Lee", ws=other_workspace)
    before = row_counts()

    with pytest.raises(NotFound):
        log_conversation(workspace, [ana, dee], summary="Cross-workspace chat")

    assert row_counts() == before
    assert fresh(ana).last_contact_at is None
    assert fresh(dee).last_contact_at is None


# -- inline facts and follow-up -------------------------------------------------

def test_it_records_inline_facts_and_a_follow_up_with_the_conversation(workspace, ana, ben):
    talk = log_conversation(
        workspace, [ana, ben], summary="Allotment walk", happened_at="2026-03-09",
        facts=[{"kind": "interest", "text": "Community gardening"},
               {"person": ben, "kind": "offer", "text": "Can lend a van"}],
        follow_up={"action": "Send the allotment map", "due_on": "+7d"})

    facts = {f.person: f for f in talk.facts.all()}
    assert facts[ana].text == "Community gardening"
    assert facts[ben].kind == "offer"
    assert all(f.learned_on == date(2026, 3, 9) for f in facts.values())
    follow_up = talk.follow_ups.get()
    assert (follow_up.person, follow_up.action) == (ana, "Send the allotment map")
    assert follow_up.due_on == TODAY + timedelta(days=7)
    assert index.search_ids(workspace, "van").ids == [ben.pk]


def test_it_ignores_a_follow_up_with_no_action(workspace, ana):
    log_conversation(workspace, [ana], summary="Coffee", follow_up={"action": " ", "due_on": ""})

    assert FollowUp.objects.count() == 0


@pytest.mark.parametrize(("extra", "field"), [
    ({"facts": [{"kind": "interest", "text": "Seeds"}, {"kind": "hobby", "text": "Kites"}]},
     "facts[1].kind"),
    ({"facts": [{"kind": "interest", "text": ""}]}, "facts[0].text"),
    ({"follow_up": {"action": "Call back", "due_on": "someday"}}, "follow_up.due_on"),
    ({"follow_up": {"action": "Call back", "due_on": ""}}, "follow_up.due_on"),
    ({"follow_up": {"action": "x" * 301, "due_on": "tomorrow"}}, "follow_up.action"),
    ({"facts": [{"kind": "interest", "text": "Seeds"}],
      "follow_up": {"action": "Call back", "due_on": "2026-02-30"}}, "follow_up.due_on"),
])
def test_it_rolls_back_the_whole_conversation_when_an_inline_part_is_bad(workspace, ana, ben,
                                                                         extra, field):
    log_conversation(workspace, [ben], summary="Earlier", happened_at="2026-03-01")
    before = row_counts()

    with pytest.raises(Invalid) as caught:
        log_conversation(workspace, [ana, ben], summary="Allotment walk", **extra)

    assert field in caught.value.errors
    assert row_counts() == before
    assert fresh(ana).last_contact_at is None
    assert fresh(ben).last_contact_at == at("2026-03-01")
    assert index.search_ids(workspace, "allotment").ids == []


def test_it_refuses_an_inline_fact_about_someone_not_in_the_conversation(workspace, ana, ben):
    with pytest.raises(Invalid) as caught:
        log_conversation(workspace, [ana], summary="Coffee",
                         facts=[{"person": ben, "kind": "goal", "text": "Run a 10k"}])

    assert "facts[0].person" in caught.value.errors
    assert row_counts()["conversations"] == 0


def test_it_refuses_an_inline_follow_up_for_another_workspaces_person(workspace, other_workspace,
                                                                      ana, make_person):
    dee = make_person("Dee Lee", ws=other_workspace)

    with pytest.raises(NotFound):
        log_conversation(workspace, [ana], summary="Coffee",
                         follow_up={"person": dee, "action": "Call Dee", "due_on": "tomorrow"})

    assert row_counts() == {"conversations": 0, "participations": 0, "facts": 0,
                            "follow_ups": 0}


# -- editing and deleting -------------------------------------------------------

def test_it_recomputes_last_contact_when_a_conversation_moves_back(workspace, ana):
    log_conversation(workspace, [ana], summary="Market chat", happened_at="2026-03-01")
    latest = log_conversation(workspace, [ana], summary="Call")

    update_conversation(workspace, latest, happened_at="2026-02-01")

    assert fresh(ana).last_contact_at == at("2026-03-01")
    assert fresh(ana).checkin_due_on == date(2026, 3, 31)


def test_it_recomputes_last_contact_when_a_conversation_moves_forward(workspace, ana):
    older = log_conversation(workspace, [ana], summary="Market chat", happened_at="2026-02-01")
    log_conversation(workspace, [ana], summary="Call", happened_at="2026-03-01")

    update_conversation(workspace, older, happened_at="2026-03-05 18:00")

    assert fresh(ana).last_contact_at == at("2026-03-05", 18)


def test_it_recomputes_last_contact_when_participants_change(workspace, ana, ben, make_person):
    cleo = make_person("Cléo Martin")
    log_conversation(workspace, [ben], summary="Earlier", happened_at="2026-03-01")
    talk = log_conversation(workspace, [ana, ben], summary="Harvest fair")

    update_conversation(workspace, talk, people=[ben, cleo])

    assert fresh(ana).last_contact_at is None
    assert fresh(ana).checkin_due_on == fresh(ana).created_at.date() + timedelta(days=30)
    assert fresh(ben).last_contact_at == NOW
    assert fresh(cleo).last_contact_at == NOW
    assert set(talk.participants.all()) == {ben, cleo}
    assert set(index.search_ids(workspace, "harvest").ids) == {ben.pk, cleo.pk}


def test_it_updates_only_the_fields_it_is_given(workspace, ana):
    talk = log_conversation(workspace, [ana], summary="Coffee", channel="call",
                            notes="Talked about bees")

    update_conversation(workspace, talk, notes="Talked about wasps")

    talk.refresh_from_db()
    assert (talk.summary, talk.channel, talk.notes) == ("Coffee", "call", "Talked about wasps")
    assert talk.happened_at == NOW
    assert index.search_ids(workspace, "wasps").ids == [ana.pk]
    assert index.search_ids(workspace, "bees").ids == []


def test_it_refuses_a_bad_update_and_keeps_the_conversation(workspace, other_workspace, ana,
                                                            make_person):
    talk = log_conversation(workspace, [ana], summary="Coffee")
    dee = make_person("Dee Lee", ws=other_workspace)

    with pytest.raises(Invalid):
        update_conversation(workspace, talk, summary="", happened_at="2026-03-01")
    with pytest.raises(Invalid):
        update_conversation(workspace, talk, happened_at="+2d")
    with pytest.raises(Invalid):
        update_conversation(workspace, talk, summary="Tea", people=[])
    with pytest.raises(NotFound):
        update_conversation(workspace, talk, summary="Tea", people=[ana, dee])

    stored = Conversation.objects.get(pk=talk.pk)
    assert (stored.summary, stored.happened_at) == ("Coffee", NOW)
    assert list(stored.participants.all()) == [ana]
    assert fresh(ana).last_contact_at == NOW


def test_it_recomputes_last_contact_when_a_conversation_is_deleted(workspace, ana, ben):
    log_conversation(workspace, [ana], summary="Market chat", happened_at="2026-03-01")
    latest = log_conversation(workspace, [ana, ben], summary="Harvest fair",
                              notes="Pumpkin contest")

    delete_conversation(workspace, latest)

    assert fresh(ana).last_contact_at == at("2026-03-01")
    assert fresh(ben).last_contact_at is None
    assert fresh(ben).checkin_due_on == TODAY + timedelta(days=7)  # from when Ben was added
    assert index.search_ids(workspace, "pumpkin").ids == []
    assert Participation.objects.count() == 1


def test_it_keeps_facts_and_follow_ups_when_their_conversation_is_deleted(workspace, ana):
    talk = log_conversation(workspace, [ana], summary="Coffee",
                            facts=[{"kind": "need", "text": "Storage"}],
                            follow_up={"action": "Find storage", "due_on": "+2w"})

    delete_conversation(workspace, talk)

    assert Fact.objects.get().conversation is None
    assert FollowUp.objects.get().conversation is None


def test_it_finds_a_conversation_only_in_its_own_workspace(workspace, other_workspace, ana,
                                                           make_person):
    dee = make_person("Dee Lee", ws=other_workspace)
    deees_talk = log_conversation(other_workspace, [dee], summary="Dee's talk")
    alices_talk = log_conversation(workspace, [ana], summary="Coffee")

    assert access_conversation(workspace, alices_talk.pk) == alices_talk
    with pytest.raises(NotFound):
        access_conversation(workspace, deees_talk.pk)
    with pytest.raises(NotFound):
        access_conversation(workspace, "not-a-number")


# -- when -----------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "expected"), [
    (None, NOW),
    ("", NOW),
    ("today", NOW),
    ("Today", NOW),
    ("TODAY", NOW),
    ("Yesterday", datetime(2026, 3, 9, 12, 0, tzinfo=UTC)),
    ("Thursday", datetime(2026, 3, 12, 12, 0, tzinfo=UTC)),  # next Thursday: refused on save
    ("2026-03-01t09:30", datetime(2026, 3, 1, 9, 30, tzinfo=UTC)),
    ("yesterday", datetime(2026, 3, 9, 12, 0, tzinfo=UTC)),
    ("2026-03-01", datetime(2026, 3, 1, 12, 0, tzinfo=UTC)),
    ("2026-03-01 09:30", datetime(2026, 3, 1, 9, 30, tzinfo=UTC)),
    ("2026-03-01T09:30:00+02:00", datetime(2026, 3, 1, 7, 30, tzinfo=UTC)),
    (datetime(2026, 3, 1, 9, 30), datetime(2026, 3, 1, 9, 30, tzinfo=UTC)),
])
def test_it_reads_when_a_conversation_happened(typed, expected):
    assert parse_when(typed) == expected
