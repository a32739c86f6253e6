"""People and facts: the writes behind every surface (amity.people.actions).

Alice keeps the "Riverside food coalition" workspace; Bob has his own
network, which Alice must never reach.
"""

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.db import connection

from amity.conversations.actions import log_conversation
from amity.conversations.models import Conversation, Participation
from amity.errors import Ambiguous, Invalid, NotFound
from amity.followups.actions import create_follow_up
from amity.followups.models import FollowUp
from amity.people.actions import (
    add_fact,
    archive_person,
    confirm_fact,
    create_person,
    delete_fact,
    delete_person,
    resolve_person,
    unarchive_person,
    update_fact,
    update_person,
)
from amity.people.models import EmailAddress, Fact, Importance, Person, PhoneNumber, Tag
from amity.search import index

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
TODAY = date(2026, 3, 10)


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def row_counts() -> dict[str, int]:
    """Every table a person write can touch, including the search index."""
    table = index.PG_TABLE if index.is_postgres() else index.SQLITE_TABLE
    with connection.cursor() as cur:
        cur.execute(f"SELECT COUNT(*) FROM {table}")
        search_rows = cur.fetchone()[0]
    return {
        "people": Person.objects.count(),
        "emails": EmailAddress.objects.count(),
        "phones": PhoneNumber.objects.count(),
        "tags": Tag.objects.count(),
        "tagged": Person.tags.through.objects.count(),
        "facts": Fact.objects.count(),
        "conversations": Conversation.objects.count(),
        "follow_ups": FollowUp.objects.count(),
        "search": search_rows,
    }


def found(workspace, query, **kwargs) -> list[int]:
    return index.search_ids(workspace, query, **kwargs).ids


# -- creating people ------------------------------------------------------------

def test_it_creates_a_person_with_a_unicode_name(workspace, frozen):
    person = create_person(workspace, display_name="  Zoë Ñúñez-Łukasiewicz ")

    person.refresh_from_db()
    assert person.display_name == "Zoë Ñúñez-Łukasiewicz"
    assert (person.given_name, person.family_name) == ("Zoë", "Ñúñez-Łukasiewicz")
    assert person.workspace == workspace
    assert person.created_at == NOW
    assert person.importance == Importance.REGULAR
    assert person.cadence_days is None and person.checkin_due_on is None


def test_it_keeps_given_and_family_names_when_they_are_given(workspace):
    person = create_person(workspace, display_name="Dr Ana Ruiz", given_name="Ana",
                           family_name="Ruiz")

    assert (person.given_name, person.family_name) == ("Ana", "Ruiz")


def test_it_stores_several_emails_normalised_and_without_repeats(workspace):
    person = create_person(workspace, display_name="Ana Ruiz",
                           emails=["ana@EXAMPLE.org", " ana.ruiz@work.example ", "",
                                   "ana@example.ORG"])

    assert list(person.emails.values_list("email", flat=True)) == [
        "ana@example.org", "ana.ruiz@work.example"]
    assert all(e.workspace_id == workspace.pk for e in person.emails.all())


def test_it_takes_one_email_given_as_a_bare_string(workspace):
    person = create_person(workspace, display_name="Ana Ruiz", emails="ana@example.org")

    assert list(person.emails.values_list("email", flat=True)) == ["ana@example.org"]


def test_it_stores_phones_in_e164(workspace):
    person = create_person(workspace, display_name="Ana Ruiz",
                           phones=["+44 20 7946 0958", "+1 (212) 555-0100", "+442079460958"])

    assert list(person.phones.values_list("number", flat=True)) == [
        "+442079460958", "+12125550100"]


@pytest.mark.parametrize(("typed", "parts", "shown"), [
    ("1990-04-15", (1990, 4, 15), "1990-04-15"),
    ("04-15", (None, 4, 15), "--04-15"),
    ("--02-29", (None, 2, 29), "--02-29"),
])
def test_it_stores_a_birthday_with_or_without_the_year(workspace, typed, parts, shown):
    person = create_person(workspace, display_name="Ana Ruiz", birthday=typed)

    person.refresh_from_db()
    assert (person.birthday_year, person.birthday_month, person.birthday_day) == parts
    assert person.birthday == shown


def test_it_reuses_tags_whatever_their_case(workspace, make_person):
    ana = make_person("Ana Ruiz", tags=["Food bank", "#Allotments"])
    ben = make_person("Ben Okafor", tags=["food BANK", "allotments", "Économie"])
    cleo = make_person("Cléo Martin", tags=["ÉCONOMIE", "économie"])

    assert Tag.objects.in_workspace(workspace).count() == 3
    assert set(ana.tags.all()) == set(ben.tags.all()) - set(cleo.tags.all())
    assert [t.name for t in cleo.tags.all()] == ["Économie"]


def test_it_ignores_empty_tags_emails_and_phones(workspace):
    person = create_person(workspace, display_name="Ana Ruiz", tags=["#", " ", "# "],
                           emails=["", None, "  "], phones=[None, ""])

    assert not person.tags.exists()
    assert not person.emails.exists() and not person.phones.exists()
    assert Tag.objects.count() == 0


def test_it_keeps_tags_apart_between_workspaces(workspace, other_workspace, make_person):
    ana = make_person("Ana Ruiz", tags=["Food bank"])
    bobs = make_person("Dee Lee", ws=other_workspace, tags=["food bank"])

    assert ana.tags.get() != bobs.tags.get()
    assert bobs.tags.get().workspace == other_workspace


@pytest.mark.parametrize(("typed", "importance"), [
    ("inner circle", Importance.INNER),
    ("Inner", Importance.INNER),
    ("regular", Importance.REGULAR),
    ("OCCASIONAL", Importance.OCCASIONAL),
    ("3", Importance.INNER),
    (1, Importance.OCCASIONAL),
])
def test_it_takes_importance_by_label_or_number(workspace, typed, importance):
    assert create_person(workspace, display_name="Ana", importance=typed).importance == importance


def test_it_sets_the_first_check_in_from_the_day_someone_is_added(workspace, frozen):
    person = create_person(workspace, display_name="Ana Ruiz", cadence_days="30")

    assert person.cadence_days == 30
    assert person.checkin_due_on == TODAY + timedelta(days=30)


def test_it_treats_an_empty_cadence_as_none(workspace):
    assert create_person(workspace, display_name="Ana", cadence_days="").cadence_days is None
    assert create_person(workspace, display_name="Ben", cadence_days=None).cadence_days is None


def test_it_stores_how_we_met_and_who_introduced_us(workspace, make_person):
    ana = make_person("Ana Ruiz")
    ben = create_person(workspace, display_name="Ben Okafor", introduced_by=ana,
                        met_where="Riverside market", met_on="2025-06-01",
                        website="riverside.example.org")

    assert ben.introduced_by == ana
    assert ben.met_on == date(2025, 6, 1)
    assert ben.website == "https://riverside.example.org"


@pytest.mark.parametrize(("fields", "field"), [
    ({"display_name": ""}, "display_name"),
    ({"display_name": "   "}, "display_name"),
    ({"display_name": "A" * 201}, "display_name"),
    ({"display_name": "Ana\x00Ruiz"}, "display_name"),
    ({"emails": ["ana@example.org", "not-an-email"]}, "emails"),
    ({"phones": ["+44 20 7946 0958", "12"]}, "phones"),
    ({"phones": ["020 7946 0958"]}, "phones"),
    ({"birthday": "1990-02-30"}, "birthday"),
    ({"birthday": "someday"}, "birthday"),
    ({"notes": "x" * 20_001}, "notes"),
    ({"location": "Leeds\x00"}, "location"),
    ({"pronouns": "x" * 41}, "pronouns"),
    ({"tags": ["ok", "t" * 61]}, "tags"),
    ({"tags": ["bad\x00tag"]}, "tags"),
    ({"website": "not a site"}, "website"),
    ({"met_on": "the other day"}, "met_on"),
    ({"importance": "vip"}, "importance"),
    ({"importance": 0}, "importance"),
    ({"cadence_days": 0}, "cadence_days"),
    ({"cadence_days": "0"}, "cadence_days"),
    ({"cadence_days": -7}, "cadence_days"),
    ({"cadence_days": 3651}, "cadence_days"),
    ({"cadence_days": 10**12}, "cadence_days"),
    ({"cadence_days": "weekly"}, "cadence_days"),
])
def test_it_refuses_bad_input_naming_the_field_and_writes_nothing(workspace, make_person,
                                                                  fields, field):
    make_person("Ana Ruiz", emails=["ana@example.org"], phones=["+442079460958"],
                tags=["Food bank"])
    before = row_counts()
    data = {"display_name": "Ben Okafor", "emails": ["ben@example.org"],
            "phones": ["+12125550100"], "tags": ["Allotments"], **fields}

    with pytest.raises(Invalid) as caught:
        create_person(workspace, **data)

    assert field in caught.value.errors
    assert caught.value.errors[field]
    assert row_counts() == before


def test_it_reports_every_bad_field_at_once(workspace):
    with pytest.raises(Invalid) as caught:
        create_person(workspace, display_name="", emails=["nope"], cadence_days=-1)

    assert set(caught.value.errors) == {"display_name", "emails", "cadence_days"}


def test_it_indexes_a_new_person_for_search(workspace, make_person):
    ana = make_person("Ana Ruiz", emails=["ana@riverside.example"], tags=["Allotments"])

    assert found(workspace, "ruiz") == [ana.pk]
    assert found(workspace, "riverside") == [ana.pk]
    assert found(workspace, "allot") == [ana.pk]


# -- updating -----------------------------------------------------------------

def test_it_updates_only_the_fields_it_is_given(workspace, make_person):
    ana = make_person("Ana Ruiz", emails=["ana@example.org"], phones=["+442079460958"],
                      tags=["Food bank"], cadence_days=30, birthday="1990-04-15",
                      notes="Runs the Saturday stall.")

    update_person(workspace, ana, location="Leeds")

    ana = Person.objects.get(pk=ana.pk)
    assert ana.location == "Leeds"
    assert ana.display_name == "Ana Ruiz"
    assert ana.notes == "Runs the Saturday stall."
    assert ana.cadence_days == 30
    assert ana.birthday == "1990-04-15"
    assert list(ana.emails.values_list("email", flat=True)) == ["ana@example.org"]
    assert list(ana.phones.values_list("number", flat=True)) == ["+442079460958"]
    assert [t.name for t in ana.tags.all()] == ["Food bank"]


def test_it_replaces_and_clears_contact_details_and_tags(workspace, make_person):
    ana = make_person("Ana Ruiz", emails=["ana@example.org"], phones=["+442079460958"],
                      tags=["Food bank"])

    update_person(workspace, ana, emails=["ana@new.example"], phones=[], tags=[])

    assert list(ana.emails.values_list("email", flat=True)) == ["ana@new.example"]
    assert not ana.phones.exists()
    assert not ana.tags.exists()
    assert EmailAddress.objects.count() == 1


def test_it_moves_the_next_check_in_when_the_cadence_changes(workspace, make_person, frozen):
    ana = make_person("Ana Ruiz", cadence_days=30)

    update_person(workspace, ana, cadence_days=7)
    assert Person.objects.get(pk=ana.pk).checkin_due_on == TODAY + timedelta(days=7)

    update_person(workspace, ana, cadence_days="")
    assert Person.objects.get(pk=ana.pk).checkin_due_on is None


def test_it_clears_a_birthday_with_an_empty_value(workspace, make_person):
    ana = make_person("Ana Ruiz", birthday="1990-04-15")

    update_person(workspace, ana, birthday="")

    assert Person.objects.get(pk=ana.pk).birthday == ""


def test_it_refuses_a_bad_update_and_keeps_what_was_stored(workspace, make_person):
    ana = make_person("Ana Ruiz", emails=["ana@example.org"], cadence_days=30)
    before = row_counts()

    with pytest.raises(Invalid) as caught:
        update_person(workspace, ana, display_name="Ana R.", emails=["broken@"], cadence_days=0)

    assert set(caught.value.errors) == {"emails", "cadence_days"}
    stored = Person.objects.get(pk=ana.pk)
    assert (stored.display_name, stored.cadence_days) == ("Ana Ruiz", 30)
    assert list(stored.emails.values_list("email", flat=True)) == ["ana@example.org"]
    assert row_counts() == before


def test_it_refuses_someone_introducing_themselves(workspace, make_person):
    ana = make_person("Ana Ruiz")

    with pytest.raises(Invalid) as caught:
        update_person(workspace, ana, introduced_by=ana)

    assert "introduced_by" in caught.value.errors
    assert Person.objects.get(pk=ana.pk).introduced_by is None


def test_it_renames_given_and_family_names_made_from_the_old_name(workspace, make_person):
    ana = make_person("Ana Ruiz")

    update_person(workspace, ana, display_name="Ana Okafor")

    stored = Person.objects.get(pk=ana.pk)
    assert (stored.given_name, stored.family_name) == ("Ana", "Okafor")
    assert found(workspace, "ruiz") == []
    assert found(workspace, "okafor") == [ana.pk]


def test_it_keeps_given_and_family_names_someone_typed_on_a_rename(workspace):
    ana = create_person(workspace, display_name="Dr Ana Ruiz", given_name="Ana",
                        family_name="Ruiz")

    update_person(workspace, ana, display_name="Dr Ana Ruiz García")

    stored = Person.objects.get(pk=ana.pk)
    assert (stored.given_name, stored.family_name) == ("Ana", "Ruiz")


def test_it_reindexes_a_renamed_person(workspace, make_person):
    ana = make_person("Ana Ruiz")

    update_person(workspace, ana, display_name="Ana Okafor", family_name="Okafor")

    assert found(workspace, "okafor") == [ana.pk]
    assert found(workspace, "ruiz") == []


# -- archiving and deleting ---------------------------------------------------

def test_it_archives_and_unarchives_a_person(workspace, make_person, frozen):
    ana = make_person("Ana Ruiz")

    archive_person(workspace, ana)
    assert Person.objects.get(pk=ana.pk).archived_at == NOW
    assert Person.objects.get(pk=ana.pk).is_archived
    assert found(workspace, "ana") == []

    unarchive_person(workspace, ana)
    assert not Person.objects.get(pk=ana.pk).is_archived
    assert found(workspace, "ana") == [ana.pk]


def test_it_keeps_the_first_archive_date_when_archived_twice(workspace, make_person, frozen):
    ana = make_person("Ana Ruiz")
    archive_person(workspace, ana)
    frozen.shift(timedelta(days=3))

    archive_person(workspace, ana)

    assert Person.objects.get(pk=ana.pk).archived_at == NOW


def test_it_deletes_a_person_with_everything_only_theirs(workspace, make_person):
    ana = make_person("Ana Ruiz", emails=["ana@example.org"], phones=["+442079460958"],
                      tags=["Food bank"])
    ben = make_person("Ben Okafor", tags=["Food bank"])
    alone = log_conversation(workspace, [ana], summary="Coffee with Ana",
                             facts=[{"kind": "interest", "text": "Seed swaps"}],
                             follow_up={"action": "Send the seed list", "due_on": "+7d"})
    shared = log_conversation(workspace, [ana, ben], summary="Allotment meeting",
                              notes="Talked about composting")
    add_fact(workspace, ana, kind="need", text="A van on Saturdays")
    create_follow_up(workspace, ana, action="Ask about the van", due_on="tomorrow")
    bens_follow_up = create_follow_up(workspace, ben, action="Thank Ben", due_on="tomorrow",
                                      conversation=alone)

    delete_person(workspace, ana)

    assert not Person.objects.filter(pk=ana.pk).exists()
    assert not Conversation.objects.filter(pk=alone.pk).exists()
    assert list(Conversation.objects.get(pk=shared.pk).participants.all()) == [ben]
    assert not Fact.objects.filter(person_id=ana.pk).exists()
    assert list(FollowUp.objects.all()) == [bens_follow_up]
    assert FollowUp.objects.get().conversation is None
    assert EmailAddress.objects.count() == PhoneNumber.objects.count() == 0
    assert list(Tag.objects.get().people.all()) == [ben]
    assert found(workspace, "ana") == []
    assert found(workspace, "composting") == [ben.pk]


def test_it_deletes_nothing_of_another_workspace(workspace, other_workspace, make_person):
    ana = make_person("Ana Ruiz")
    dee = make_person("Dee Lee", ws=other_workspace)
    deees_talk = log_conversation(other_workspace, [dee], summary="Dee's talk")

    delete_person(workspace, ana)

    assert Conversation.objects.filter(pk=deees_talk.pk).exists()
    assert found(other_workspace, "dee") == [dee.pk]


# -- resolving a reference to a person ----------------------------------------

@pytest.fixture
def people(make_person):
    return {
        "ana": make_person("Ana Ruiz"),
        "ana_lima": make_person("Ana Lima"),
        "jose": make_person("José Martín"),
        "josep": make_person("José Martínez"),
        "ben": make_person("Ben Okafor"),
    }


def test_it_resolves_a_person_by_id_with_or_without_a_hash(workspace, people):
    ben = people["ben"]

    assert resolve_person(workspace, str(ben.pk)) == ben
    assert resolve_person(workspace, f"#{ben.pk}") == ben
    assert resolve_person(workspace, f" #{ben.pk} ") == ben


def test_it_resolves_an_exact_name_over_longer_matches(workspace, people):
    assert resolve_person(workspace, "ana ruiz") == people["ana"]
    assert resolve_person(workspace, "José Martín") == people["jose"]


def test_it_resolves_an_accent_free_fragment(workspace, people):
    assert resolve_person(workspace, "okaf") == people["ben"]
    assert resolve_person(workspace, "martinez") == people["josep"]
    assert resolve_person(workspace, "jose martin") == people["jose"]


def test_it_refuses_to_guess_between_several_people(workspace, people):
    with pytest.raises(Ambiguous) as caught:
        resolve_person(workspace, "ana")

    assert set(caught.value.candidates) == {people["ana"], people["ana_lima"]}
    assert f"#{people['ana'].pk}" in str(caught.value)


def test_it_says_not_found_for_an_unknown_name_or_id(workspace, people):
    with pytest.raises(NotFound):
        resolve_person(workspace, "Zelda")
    with pytest.raises(NotFound):
        resolve_person(workspace, "#999999")


def test_it_never_resolves_another_workspaces_person(workspace, other_workspace, people,
                                                     make_person):
    dee = make_person("Dee Lee", ws=other_workspace)

    with pytest.raises(NotFound):
        resolve_person(workspace, str(dee.pk))
    with pytest.raises(NotFound):
        resolve_person(workspace, "Dee Lee")
    with pytest.raises(NotFound):
        resolve_person(workspace, "dee")


def test_it_resolves_archived_people_only_when_asked_or_by_id(workspace, people):
    ben = people["ben"]
    archive_person(workspace, ben)

    with pytest.raises(NotFound):
        resolve_person(workspace, "Ben Okafor")
    assert resolve_person(workspace, "Ben Okafor", include_archived=True) == ben
    assert resolve_person(workspace, "okafor", include_archived=True) == ben
    assert resolve_person(workspace, f"#{ben.pk}") == ben


def test_it_asks_which_person_when_the_reference_is_empty(workspace):
    with pytest.raises(Invalid) as caught:
        resolve_person(workspace, "  ")
    assert "person" in caught.value.errors


# -- facts ----------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "kind"), [
    ("interest", "interest"), ("Interest", "interest"), ("interests", "interest"),
    ("value", "value"), ("values", "value"), ("goal", "goal"), ("goals", "goal"),
    ("need", "need"), ("needs", "need"), ("offer", "offer"), ("offers", "offer"),
    ("challenge", "challenge"), ("avoid", "avoid"), ("Topic to avoid", "avoid"),
])
def test_it_records_every_kind_of_fact_and_its_aliases(workspace, make_person, typed, kind):
    ana = make_person("Ana Ruiz")

    fact = add_fact(workspace, ana, kind=typed, text="Community gardening")

    assert fact.kind == kind
    assert fact.workspace == workspace


def test_it_dates_a_fact_today_unless_told(workspace, make_person, frozen):
    ana = make_person("Ana Ruiz")

    assert add_fact(workspace, ana, kind="goal", text="Open a pantry").learned_on == TODAY
    assert add_fact(workspace, ana, kind="goal", text="Grow a co-op",
                    learned_on="2025-09-01").learned_on == date(2025, 9, 1)


@pytest.mark.parametrize(("fields", "field"), [
    ({"kind": "hobby"}, "kind"),
    ({"kind": ""}, "kind"),
    ({"text": ""}, "text"),
    ({"text": "x" * 501}, "text"),
    ({"text": "nul\x00"}, "text"),
    ({"learned_on": "last spring"}, "learned_on"),
])
def test_it_refuses_a_bad_fact_and_writes_nothing(workspace, make_person, fields, field):
    ana = make_person("Ana Ruiz")
    before = row_counts()

    with pytest.raises(Invalid) as caught:
        add_fact(workspace, ana, **{"kind": "interest", "text": "Seed swaps", **fields})

    assert field in caught.value.errors
    assert row_counts() == before


def test_it_flags_a_fact_stale_after_the_workspaces_period(workspace, make_person):
    workspace.fact_stale_days = 30
    workspace.save()
    ana = make_person("Ana Ruiz")
    fact = add_fact(workspace, ana, kind="need", text="Storage space", learned_on="2026-01-01")

    assert workspace.stale_after_days == 30
    assert not fact.is_stale(workspace.stale_after_days, today=date(2026, 1, 31))
    assert fact.is_stale(workspace.stale_after_days, today=date(2026, 2, 1))


def test_it_falls_back_to_the_servers_stale_period(workspace, settings, make_person):
    settings.FACT_STALE_DAYS = 90
    fact = add_fact(workspace, make_person("Ana Ruiz"), kind="need", text="Storage",
                    learned_on="2026-01-01")

    assert workspace.fact_stale_days is None
    assert workspace.stale_after_days == 90
    assert not fact.is_stale(workspace.stale_after_days, today=date(2026, 4, 1))
    assert fact.is_stale(workspace.stale_after_days, today=date(2026, 4, 2))


def test_it_defaults_the_stale_period_to_a_year_from_the_environment_setting():
    from django.conf import settings

    # The test run sets no AMITY_FACT_STALE_DAYS, so the documented default holds.
    assert settings.FACT_STALE_DAYS == 365


def test_it_confirms_a_fact_so_it_is_no_longer_stale(workspace, make_person, frozen):
    workspace.fact_stale_days = 30
    fact = add_fact(workspace, make_person("Ana Ruiz"), kind="value", text="Fair pay",
                    learned_on="2025-01-01")
    assert fact.is_stale(workspace.stale_after_days)

    confirm_fact(workspace, fact)

    fact.refresh_from_db()
    assert fact.confirmed_on == TODAY
    assert fact.checked_on == TODAY
    assert not fact.is_stale(workspace.stale_after_days)


def test_it_remembers_the_conversation_a_fact_came_from(workspace, make_person, frozen):
    ana = make_person("Ana Ruiz")
    talk = log_conversation(workspace, [ana], summary="Market chat",
                            happened_at="2026-03-01")

    fact = add_fact(workspace, ana, conversation=talk, kind="interest", text="Beekeeping")

    assert fact.conversation == talk
    assert fact.learned_on == date(2026, 3, 1)
    assert list(talk.facts.all()) == [fact]


def test_it_refuses_a_conversation_of_another_workspace(workspace, other_workspace,
                                                        make_person):
    ana = make_person("Ana Ruiz")
    dee = make_person("Dee Lee", ws=other_workspace)
    deees_talk = log_conversation(other_workspace, [dee], summary="Dee's talk")
    before = row_counts()

    with pytest.raises(NotFound):
        add_fact(workspace, ana, conversation=deees_talk, kind="interest", text="Bees")

    assert row_counts() == before


def test_it_refuses_a_fact_about_another_workspaces_person(workspace, other_workspace,
                                                           make_person):
    dee = make_person("Dee Lee", ws=other_workspace)
    before = row_counts()

    with pytest.raises(NotFound):
        add_fact(workspace, dee, kind="interest", text="Bees")

    assert row_counts() == before


def test_it_updates_and_deletes_a_fact_keeping_search_in_step(workspace, make_person):
    ana = make_person("Ana Ruiz")
    fact = add_fact(workspace, ana, kind="interest", text="Beekeeping")
    assert found(workspace, "beekeeping") == [ana.pk]

    update_fact(workspace, fact, text="Woodworking", kind="offers")
    assert Fact.objects.get(pk=fact.pk).kind == "offer"
    assert found(workspace, "beekeeping") == []
    assert found(workspace, "woodwork") == [ana.pk]

    delete_fact(workspace, fact)
    assert found(workspace, "woodwork") == []


def test_it_refuses_to_empty_when_a_fact_was_learned(workspace, make_person):
    fact = add_fact(workspace, make_person("Ana Ruiz"), kind="goal", text="Co-op",
                    learned_on="2026-01-01")

    with pytest.raises(Invalid) as caught:
        update_fact(workspace, fact, learned_on="")

    assert "learned_on" in caught.value.errors
    assert Fact.objects.get(pk=fact.pk).learned_on == date(2026, 1, 1)


def test_it_keeps_the_participation_rows_of_a_shared_conversation(workspace, make_person):
    ana, ben = make_person("Ana Ruiz"), make_person("Ben Okafor")
    log_conversation(workspace, [ana, ben], summary="Allotment meeting")

    delete_person(workspace, ben)

    assert list(Participation.objects.values_list("person_id", flat=True)) == [ana.pk]
