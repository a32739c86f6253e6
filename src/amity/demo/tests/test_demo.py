"""The demo network (amity.demo.generate): a living agenda at once, with the
maintained columns exactly as the actions would have left them, the same
network for the same seed on either write path, and nobody else's workspace
touched."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db.models import Max

from amity.agenda.queries import build_agenda
from amity.connector.models import Introduction, IntroductionStep, Relationship
from amity.conversations.actions import log_conversation
from amity.conversations.models import Conversation, Participation
from amity.demo import generate
from amity.errors import Invalid
from amity.events.models import Attendance, Event
from amity.exchange.models import LedgerEntry
from amity.followups.models import FollowUp
from amity.goals.models import FocusEntry, Goal
from amity.initiatives.models import Initiative, Invitation, Need, Participant
from amity.organisations.models import Affiliation, Organisation
from amity.parsing import fold
from amity.people.actions import create_person
from amity.people.models import EmailAddress, Fact, Person, PhoneNumber, Tag
from amity.questions.models import AskedQuestion
from amity.search.index import search_ids

NOW = datetime(2026, 3, 10, 15, 30, tzinfo=UTC)
TODAY = NOW.date()


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def snapshot(workspace) -> dict:
    """Everything a demo holds, in creation order, without ids (they differ
    from one workspace to the next)."""
    return {**core_snapshot(workspace), **craft_snapshot(workspace)}


def core_snapshot(workspace) -> dict:
    return {
        "people": list(Person.objects.in_workspace(workspace).order_by("pk").values_list(
            "display_name", "given_name", "family_name", "nickname", "pronouns", "location",
            "birthday_year", "birthday_month", "birthday_day", "met_where", "met_on",
            "introduced_by__display_name", "notes", "importance", "cadence_days",
            "last_contact_at", "checkin_due_on", "created_at", "stage_pin",
            "stage_pinned_at")),
        "emails": list(EmailAddress.objects.in_workspace(workspace).order_by("person_id", "pk")
                       .values_list("person__display_name", "email", "label")),
        "phones": list(PhoneNumber.objects.in_workspace(workspace).order_by("person_id", "pk")
                       .values_list("person__display_name", "number")),
        "tags": sorted(Person.tags.through.objects.filter(person__workspace=workspace)
                       .values_list("person__display_name", "tag__name")),
        "organisations": list(Organisation.objects.in_workspace(workspace).order_by("pk")
                              .values_list("name", "kind", "website")),
        "affiliations": list(Affiliation.objects.in_workspace(workspace).order_by("pk")
                             .values_list("person__display_name", "organisation__name", "role",
                                          "represents", "start_on", "end_on")),
        "conversations": list(Conversation.objects.in_workspace(workspace).order_by("pk")
                              .values_list("happened_at", "channel", "summary", "notes",
                                           "how_it_went", "initiated_by")),
        "participants": list(Participation.objects.filter(conversation__workspace=workspace)
                             .order_by("conversation_id", "person_id")
                             .values_list("conversation__summary", "person__display_name")),
        "facts": list(Fact.objects.in_workspace(workspace).order_by("pk").values_list(
            "person__display_name", "kind", "text", "learned_on", "conversation__summary",
            "confirmed_on")),
        "follow_ups": list(FollowUp.objects.in_workspace(workspace).order_by("pk").values_list(
            "person__display_name", "action", "due_on", "done_at", "conversation__summary")),
    }


def craft_snapshot(workspace) -> dict:
    """The relationship craft: who knows whom, introductions, initiatives,
    the ledger, events, goals and focus."""
    def rows(model, *fields, order=("pk",)):
        return list(model.objects.in_workspace(workspace).order_by(*order).values_list(*fields))

    return {
        "relationships": rows(Relationship, "person__display_name", "other__display_name",
                              "kind", "strength", "notes", "introduction__reason",
                              "created_at"),
        "introductions": rows(Introduction, "person_a__display_name", "person_b__display_name",
                              "status", "outcome", "reason", "message", "declined_by",
                              "follow_up__action", "introduced_on", "outcome_on",
                              "created_at", "updated_at"),
        "steps": rows(IntroductionStep, "introduction__reason", "status", "note",
                      "happened_at"),
        "initiatives": rows(Initiative, "name", "kind", "description", "status", "starts_on",
                            "ends_on", "created_at"),
        "needs": rows(Need, "initiative__name", "kind", "text"),
        "invitations": rows(Invitation, "initiative__name", "person__display_name", "status",
                            "message", "reason", "sent_on", "answered_on", "follow_up__action",
                            "created_at"),
        "participants": rows(Participant, "initiative__name", "person__display_name", "role",
                             "joined_on"),
        "ledger": rows(LedgerEntry, "person__display_name", "direction", "kind", "description",
                       "occurred_on", "introduction__reason", "invitation__message",
                       "created_at"),
        "events": rows(Event, "name", "kind", "starts_on", "ends_on", "place", "url", "notes",
                       "created_at"),
        "attendances": rows(Attendance, "event__name", "person__display_name", "status",
                            "is_new", "notes", "created_at"),
        "goals": rows(Goal, "title", "description", "status", "due_on", "created_at"),
        "focus": rows(FocusEntry, "person__display_name", "goal__title", "offer", "added_at"),
        "asked": rows(AskedQuestion, "question__builtin_key", "person__display_name",
                      "asked_on", "answer", "fact__text", order=("person_id", "pk")),
    }


def assert_maintained_columns_are_right(workspace):
    latest = dict(Participation.objects.filter(person__workspace=workspace)
                  .values("person_id").annotate(at=Max("conversation__happened_at"))
                  .values_list("person_id", "at"))
    people = list(Person.objects.in_workspace(workspace))
    assert people
    for person in people:
        assert person.last_contact_at == latest.get(person.pk), person
        assert person.checkin_due_on == person.compute_checkin_due(), person


# -- what it makes ------------------------------------------------------------------

def test_it_makes_people_organisations_facts_conversations_and_follow_ups(workspace):
    made = generate(workspace, people=60)

    assert made["people"] == Person.objects.in_workspace(workspace).count() == 60
    assert made["organisations"] == Organisation.objects.in_workspace(workspace).count() >= 8
    assert made["conversations"] == Conversation.objects.in_workspace(workspace).count() > 300
    assert made["facts"] == Fact.objects.in_workspace(workspace).count() > 100
    assert made["follow_ups"] == FollowUp.objects.in_workspace(workspace).count() > 0
    assert made["affiliations"] == Affiliation.objects.in_workspace(workspace).count() > 0
    assert made["emails"] == EmailAddress.objects.in_workspace(workspace).count() >= 60
    assert made["indexed"] == 60
    facts = Fact.objects.in_workspace(workspace)
    linked = facts.filter(conversation__isnull=False).select_related("conversation")
    assert linked.exists() and facts.filter(conversation__isnull=True).exists()
    for fact in linked:
        assert fact.conversation.participations.filter(person_id=fact.person_id).exists()
        assert fact.learned_on == fact.conversation.happened_at.date()
    assert {fact.kind for fact in facts} == {"interest", "value", "goal", "need", "offer",
                                             "challenge", "avoid"}


def test_its_people_have_names_from_many_cultures_and_safe_contact_details(workspace):
    generate(workspace, people=60)

    names = list(Person.objects.in_workspace(workspace).values_list("display_name", flat=True))
    assert len(set(names)) == 60  # nobody twice in a small network
    assert sum(1 for n in names if not n.isascii()) >= 20
    emails = EmailAddress.objects.in_workspace(workspace).values_list("email", flat=True)
    assert {e.rsplit("@", 1)[1] for e in emails} <= {"example.org", "example.net"}
    for number in PhoneNumber.objects.in_workspace(workspace).values_list("number", flat=True):
        assert number.startswith("+") and number[1:].isdigit()
    assert Person.objects.in_workspace(workspace).exclude(pronouns="").exists()
    assert Person.objects.in_workspace(workspace).filter(birthday_month__isnull=False,
                                                         birthday_year__isnull=True).exists()
    past = Affiliation.objects.in_workspace(workspace).filter(end_on__isnull=False)
    assert Affiliation.objects.in_workspace(workspace).filter(represents=True).exists()
    assert past.exists() and all(a.end_on < TODAY for a in past)
    assert Tag.objects.in_workspace(workspace).filter(name="food-justice").exists()
    organisations = list(Organisation.objects.in_workspace(workspace).values_list("name",
                                                                                  flat=True))
    assert not [name for name in organisations if "(" in name or "{" in name]
    assert any(name.startswith("Office of Councillor ") for name in organisations)


def test_its_conversations_span_the_past_year_on_several_channels(workspace):
    generate(workspace, people=60)

    conversations = Conversation.objects.in_workspace(workspace)
    oldest = conversations.order_by("happened_at").first().happened_at
    newest = conversations.order_by("-happened_at").first().happened_at
    assert newest < NOW and oldest >= NOW - timedelta(days=366)
    assert len(set(conversations.values_list("channel", flat=True))) >= 5
    sizes = {c.participations.count() for c in conversations.prefetch_related("participations")}
    assert sizes == {1, 2, 3}
    assert conversations.filter(notes__icontains="garden").exists()
    assert conversations.filter(notes__icontains="grant").exists()
    assert conversations.filter(notes__icontains="tenants").exists()
    assert conversations.filter(notes__icontains="land trust").exists()


# -- the maintained columns and the agenda ---------------------------------------------

def test_last_contact_is_the_latest_conversation_and_checkin_due_follows_the_cadence(workspace):
    generate(workspace, people=60)

    assert_maintained_columns_are_right(workspace)
    people = Person.objects.in_workspace(workspace).filter(cadence_days__isnull=False)
    assert people.filter(checkin_due_on__lt=TODAY).exists()  # some are overdue
    assert people.filter(checkin_due_on__gt=TODAY).exists()  # others are fine


def test_the_agenda_shows_follow_ups_check_ins_and_birthdays_at_once(workspace):
    generate(workspace, people=60)

    agenda = build_agenda(workspace)
    assert any(f.due_on < TODAY for f in agenda.follow_ups)  # overdue
    assert any(f.due_on == TODAY for f in agenda.follow_ups)  # due today
    assert any(TODAY < f.due_on <= TODAY + timedelta(days=7) for f in agenda.upcoming)
    assert agenda.check_ins and all(c.days_late >= 0 for c in agenda.check_ins)
    assert agenda.birthdays
    open_ = FollowUp.objects.in_workspace(workspace).filter(done_at__isnull=True)
    # One person in ten, plus the craft's own: what moves each open introduction
    # on, invitations waiting for an answer, people met at the past week's event.
    assert 0 < open_.values("person").distinct().count() <= 60 * 0.45


def test_search_finds_a_person_by_a_name_without_accents_and_by_a_word_from_notes(workspace):
    generate(workspace, people=60)

    accented = next(p for p in Person.objects.in_workspace(workspace).order_by("pk")
                    if not p.display_name.isascii() and fold(p.display_name).isascii())
    plain = fold(accented.display_name)
    assert plain != accented.display_name.lower()
    assert accented.pk in search_ids(workspace, plain, limit=50).ids
    gardener = (Participation.objects.filter(conversation__workspace=workspace,
                                             conversation__notes__icontains="gardening")
                .values_list("person_id", flat=True).first())
    assert gardener in search_ids(workspace, "gardening", limit=100).ids


# -- the same network every time ---------------------------------------------------------

def test_the_same_seed_gives_the_same_network(workspace, other_workspace):
    generate(workspace, people=40, seed=7)
    generate(other_workspace, people=40, seed=7)

    assert snapshot(workspace) == snapshot(other_workspace)


def test_another_seed_gives_another_network(workspace, other_workspace):
    generate(workspace, people=40, seed=7)
    generate(other_workspace, people=40, seed=8)

    assert snapshot(workspace)["people"] != snapshot(other_workspace)["people"]


def test_the_fast_path_writes_the_same_network_with_the_same_invariants(workspace,
                                                                         other_workspace):
    generate(workspace, people=60, seed=3, fast=True)
    generate(other_workspace, people=60, seed=3, fast=False)

    fast, orm = snapshot(workspace), snapshot(other_workspace)
    assert all(fast[table] for table in craft_snapshot(workspace)), "a craft table is empty"
    for table in fast:
        assert fast[table] == orm[table], table
    assert_maintained_columns_are_right(workspace)
    agenda = build_agenda(workspace)
    assert agenda.follow_ups and agenda.check_ins
    gardener = (Participation.objects.filter(conversation__workspace=workspace,
                                             conversation__notes__icontains="gardening")
                .values_list("person_id", flat=True).first())
    assert gardener in search_ids(workspace, "gardening", limit=100).ids


def test_the_fast_path_gives_fresh_ids_after_the_ones_in_use(workspace, make_person):
    ana = make_person("Ana Ruiz", cadence_days=30)
    log_conversation(workspace, [ana], summary="Coffee", happened_at="2026-03-01")
    generate(workspace, people=20, fast=True)
    later = create_person(workspace, display_name="Bea Ortiz")

    assert Person.objects.in_workspace(workspace).count() == 22
    assert later.pk == Person.objects.in_workspace(workspace).aggregate(m=Max("pk"))["m"]
    log_conversation(workspace, [later], summary="Hello")  # ids of the next rows are free too
    ana.refresh_from_db()
    assert ana.last_contact_at.date() == TODAY.replace(day=1)


# -- other workspaces and existing data ---------------------------------------------------

def test_it_leaves_another_workspace_untouched(workspace, other_workspace, make_person):
    carla = make_person("Carla Díaz", ws=other_workspace, cadence_days=30)
    log_conversation(other_workspace, [carla], summary="Coffee about gardening",
                     happened_at="2026-02-01")
    before = snapshot(other_workspace)

    generate(workspace, people=30, fast=True)

    assert snapshot(other_workspace) == before
    assert not Relationship.objects.in_workspace(other_workspace).exists()
    assert search_ids(other_workspace, "gardening").ids == [carla.pk]
    assert carla.pk not in search_ids(workspace, "gardening", limit=100).ids
    assert not Tag.objects.in_workspace(other_workspace).exists()


def test_it_adds_to_a_workspace_that_already_has_people_and_tags(workspace, make_person):
    make_person("Ana Ruiz", tags=["Funder"])

    made = generate(workspace, people=30)

    assert made["tags"] == len(Tag.objects.in_workspace(workspace)) - 1  # "Funder" reused
    assert Tag.objects.in_workspace(workspace).filter(name__iexact="funder").count() == 1
    assert made["indexed"] == 31
    assert search_ids(workspace, "ana ruiz").ids


# -- size and progress ---------------------------------------------------------------------

@pytest.mark.parametrize("people", [0, -5, "many", 2_000_000])
def test_it_refuses_a_size_it_cannot_make(workspace, people):
    with pytest.raises(Invalid) as caught:
        generate(workspace, people=people)

    assert "people" in caught.value.errors
    assert not Person.objects.in_workspace(workspace).exists()


def test_it_reports_progress_up_to_the_total(workspace):
    calls = []

    generate(workspace, people=25, progress=lambda done, total, stage: calls.append(
        (done, total, stage)))

    assert calls[0][2] == "planning" and calls[-1][2] == "search index"
    written = [c for c in calls if c[2] != "planning"]
    assert all(a[0] <= b[0] for a, b in zip(written, written[1:], strict=False))
    assert written[-1][0] == written[-1][1]
    assert {"people", "conversations", "facts", "follow-ups"} <= {c[2] for c in written}
