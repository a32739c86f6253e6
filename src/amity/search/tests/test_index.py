"""Full-text search over people (amity.search.index), the same on SQLite and PostgreSQL.

Alice searches her "Riverside food coalition"; Bob's people are never in
her results, whatever she types.
"""

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from amity.conversations.actions import delete_conversation, log_conversation, update_conversation
from amity.organisations.actions import add_affiliation, find_or_create_organisation
from amity.parsing import fold
from amity.people.actions import (
    add_fact,
    archive_person,
    delete_fact,
    delete_person,
    update_person,
)
from amity.search import index


def found(workspace, query, **kwargs) -> list[int]:
    return index.search_ids(workspace, query, **kwargs).ids


@pytest.fixture
def jose(make_person):
    return make_person("José Martín", nickname="Pepe", emails=["jose.martin@riverside.example"],
                       phones=["+44 20 7946 0958"], tags=["Food bank", "Allotments"],
                       location="Leeds")


# -- what a person is found by ------------------------------------------------------

@pytest.mark.parametrize("query", ["jose", "José", "JOSE", "josé martín", "martin jose"])
def test_it_finds_a_name_whatever_the_accents_and_case(workspace, jose, query):
    assert found(workspace, query) == [jose.pk]


@pytest.mark.parametrize("query", ["lukasz", "Łukasz", "soren", "sørensen", "aerosmith"])
def test_it_finds_letters_that_have_no_accent_to_strip(workspace, make_person, query):
    # Ł, ø and æ do not decompose: folding maps them to plain letters on purpose.
    lukasz = make_person("Łukasz Sørensen", notes="Plays in a band called Ærosmith")
    assert found(workspace, query) == [lukasz.pk]


@pytest.mark.parametrize("query", ["jo", "mar", "mart", "pep", "jo ma"])
def test_it_finds_a_prefix_of_any_part_of_the_name(workspace, jose, query):
    assert found(workspace, query) == [jose.pk]


def test_it_needs_every_word_of_the_query(workspace, jose):
    assert found(workspace, "jose okafor") == []


@pytest.mark.parametrize("query", ["jose.martin@riverside.example", "riverside.example",
                                   "+442079460958", "442079460958", "leeds"])
def test_it_finds_a_person_by_contact_details(workspace, jose, query):
    assert found(workspace, query) == [jose.pk]


def test_it_finds_a_person_by_organisation_and_role(workspace, jose):
    add_affiliation(workspace, jose, find_or_create_organisation(workspace, "Équipe Verte"),
                    role="Coordinator")

    assert found(workspace, "equipe") == [jose.pk]
    assert found(workspace, "coordinator") == [jose.pk]


def test_it_finds_a_person_by_tag(workspace, jose):
    assert found(workspace, "food bank") == [jose.pk]
    assert found(workspace, "allot") == [jose.pk]


def test_it_finds_a_person_by_what_matters_to_them(workspace, jose):
    add_fact(workspace, jose, kind="interest", text="Beekeeping and urban orchards")

    assert found(workspace, "orchard") == [jose.pk]


def test_it_finds_a_person_by_what_was_said_in_a_conversation(workspace, jose, make_person):
    ben = make_person("Ben Okafor")
    log_conversation(workspace, [jose, ben], summary="Walk round the plots",
                     notes="Mostly talked about community gardening.")

    assert set(found(workspace, "gardening")) == {jose.pk, ben.pk}
    assert set(found(workspace, "plots")) == {jose.pk, ben.pk}


def test_it_finds_the_persons_own_notes(workspace, make_person):
    ana = make_person("Ana Ruiz", notes="Knows everyone at the Saturday market.")

    assert found(workspace, "saturday market") == [ana.pk]


def test_it_treats_query_operators_as_plain_words(workspace, make_person):
    andrea = make_person("Andrea Near")
    make_person("Ben Okafor")

    assert found(workspace, "AND") == [andrea.pk]
    assert found(workspace, "NEAR") == [andrea.pk]
    assert found(workspace, "andrea OR ben") == []


# -- ranking --------------------------------------------------------------------

def test_it_ranks_a_name_match_above_a_notes_only_match(workspace, make_person):
    ben = make_person("Ben Okafor")
    log_conversation(workspace, [ben], summary="Gardening, gardening",
                     notes="Gardens and more gardens; he loves gardening.")
    rosa = make_person("Rosa Gardener")

    assert found(workspace, "garden") == [rosa.pk, ben.pk]


def test_it_ranks_what_matters_to_someone_above_conversation_notes(workspace, make_person):
    ben = make_person("Ben Okafor")
    log_conversation(workspace, [ben], summary="Catch-up", notes="Beekeeping came up.")
    cleo = make_person("Cléo Martin")
    add_fact(workspace, cleo, kind="interest", text="Beekeeping")

    assert found(workspace, "beekeeping") == [cleo.pk, ben.pk]


def test_it_orders_equal_matches_by_name(workspace, make_person):
    zoe, ana, max_ = (make_person(n, tags=["Volunteer"]) for n in ("Zoë Lane", "Ana Ruiz",
                                                                      "Max Ng"))

    assert found(workspace, "volunteer") == [ana.pk, max_.pk, zoe.pk]


def test_it_pages_through_results(workspace, make_person):
    people = [make_person(f"Volunteer {n:02d}") for n in range(5)]

    first = index.search_ids(workspace, "volunteer", limit=2)
    last = index.search_ids(workspace, "volunteer", limit=2, offset=4)

    assert (first.ids, first.has_more) == ([people[0].pk, people[1].pk], True)
    assert (last.ids, last.has_more) == ([people[4].pk], False)


def test_it_searches_names_only_when_asked(workspace, make_person):
    rosa = make_person("Rosa Gardener")
    ben = make_person("Ben Okafor", notes="Gardening")

    assert found(workspace, "garden", name_only=True) == [rosa.pk]
    assert ben.pk in found(workspace, "garden")


# -- who is never returned ------------------------------------------------------

def test_it_leaves_out_archived_people_unless_asked(workspace, jose):
    archive_person(workspace, jose)

    assert found(workspace, "jose") == []
    assert found(workspace, "jose", include_archived=True) == [jose.pk]


def test_it_never_returns_another_workspaces_people(workspace, other_workspace, jose,
                                                    make_person):
    bobs_jose = make_person("José Martín", ws=other_workspace, tags=["Food bank"])

    assert found(workspace, "jose") == [jose.pk]
    assert found(other_workspace, "jose") == [bobs_jose.pk]
    assert found(workspace, "food bank", include_archived=True) == [jose.pk]
    assert found(workspace, "jose", name_only=True) == [jose.pk]


# -- kept in step with every write ------------------------------------------------

def test_it_forgets_a_deleted_fact(workspace, jose):
    fact = add_fact(workspace, jose, kind="need", text="Cold storage")

    delete_fact(workspace, fact)

    assert found(workspace, "storage") == []


def test_it_follows_conversation_edits_and_deletions(workspace, jose, make_person):
    talk = log_conversation(workspace, [jose], summary="Catch-up", notes="Composting tips")
    assert found(workspace, "composting") == [jose.pk]

    update_conversation(workspace, talk, notes="Worm farms")
    assert found(workspace, "composting") == []
    assert found(workspace, "worm") == [jose.pk]

    ben = make_person("Ben Okafor")
    update_conversation(workspace, talk, people=[ben])
    assert found(workspace, "worm") == [ben.pk]

    delete_conversation(workspace, talk)
    assert found(workspace, "worm") == []


def test_it_follows_a_rename_and_new_contact_details(workspace, jose):
    update_person(workspace, jose, display_name="Joe Martin", given_name="Joe", nickname="",
                  emails=["joe@new.example"])

    assert found(workspace, "jose") == []
    assert found(workspace, "pepe") == []
    assert found(workspace, "riverside") == []
    assert found(workspace, "joe") == [jose.pk]
    assert found(workspace, "new.example") == [jose.pk]


def test_it_forgets_a_deleted_person(workspace, jose, make_person):
    ben = make_person("Ben Okafor")
    log_conversation(workspace, [jose, ben], summary="Harvest fair")

    delete_person(workspace, jose)

    assert found(workspace, "jose", include_archived=True) == []
    assert found(workspace, "harvest") == [ben.pk]


def test_it_rebuilds_a_workspaces_index_from_scratch(workspace, other_workspace, jose,
                                                     make_person):
    dee = make_person("Dee Lee", ws=other_workspace)
    table = index.PG_TABLE if index.is_postgres() else index.SQLITE_TABLE
    with connection.cursor() as cur:
        cur.execute(f"DELETE FROM {table}")

    assert index.rebuild(workspace) == 1

    assert found(workspace, "jose") == [jose.pk]
    assert found(other_workspace, "dee") == []  # only the workspace asked for
    index.rebuild(other_workspace)
    assert found(other_workspace, "dee") == [dee.pk]


# -- whatever is typed --------------------------------------------------------------

@pytest.mark.parametrize("query", ["", "   ", "?!...", "-- ;", "'\"", "***", "()", "@#$%^&"])
def test_it_returns_nothing_for_a_query_without_words(workspace, jose, query):
    hits = index.search_ids(workspace, query)

    assert (hits.ids, hits.has_more) == ([], False)


@pytest.mark.parametrize("query", [
    '"', '"jose', 'jose"', "jose*", "*", "jo*se", "AND", "jose AND", "OR jose", "NOT jose",
    "NEAR(jose martin)", "NEAR(jose", "(jose", "jose)", "name:jose", "jose:", ":jose",
    "contact : jose", "^jose", "-jose", "+jose", "jose & martin", "jose | !martin", "jose:*A",
    "jose <-> martin", "'jose'", "\\", "jose\x00", "{jose}", "[jose]", "jose; DROP TABLE x",
    "a" * 5000, "jo " * 100,
])
def test_it_never_raises_on_query_syntax(workspace, jose, query):
    hits = index.search_ids(workspace, query)

    assert isinstance(hits.ids, list)


def test_it_reads_query_syntax_as_the_words_in_it(workspace, jose):
    assert found(workspace, '"jose') == [jose.pk]
    assert found(workspace, "name:jose") == []  # "name" is a word, not a column
    assert found(workspace, "(jose)") == [jose.pk]
    assert found(workspace, "NEAR(jose martin)") == []
    assert found(workspace, "jose*") == [jose.pk]


@settings(max_examples=50, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=60))
def test_it_never_raises_on_any_text(workspace, jose, query):
    hits = index.search_ids(workspace, query)

    assert len(hits.ids) <= 1


# Letters, digits, spaces and punctuation of every script, except a few vowel
# signs that SQLite's Unicode tables (older than Python's) do not count as letters.
NEW_TAI_LUE_VOWELS = "".join(chr(c) for c in range(0x19B0, 0x19CA))
names = st.text(st.characters(categories=["Lu", "Ll", "Lt", "Lm", "Lo", "Nd", "Zs", "Pd", "Po"],
                              exclude_characters=NEW_TAI_LUE_VOWELS), min_size=1, max_size=40)


@settings(max_examples=50, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=names.filter(lambda n: n.strip()))
def test_it_finds_anyone_by_each_word_of_their_name(workspace, make_person, name):
    person = make_person(name)

    for word in index.words(name):
        assert person.pk in found(workspace, word, limit=1000), word


@given(st.text())
def test_it_folds_exactly_as_the_parsing_module_does(text):
    # The index has its own faster fold; "jose" must find "José" the same way
    # everywhere else compares names.
    assert index._fold(text) == fold(text)


def test_it_splits_words_where_both_databases_do():
    assert index.words("José_Martín-Ruiz o'Neil ") == ["jose", "martin", "ruiz", "o", "neil"]
    assert index.words("_") == []


def test_it_reindexes_the_people_of_a_batch_once_when_it_ends(workspace, make_person):
    with index.batched(workspace):
        lea = make_person("Lea Roth")
        add_fact(workspace, lea, kind="offer", text="beekeeping lessons")
        # Not yet: the documents are written when the batch ends.
        assert found(workspace, "beekeeping") == []
    assert found(workspace, "beekeeping") == [lea.pk]
    assert found(workspace, "lea roth") == [lea.pk]


def test_it_writes_nothing_for_a_batch_that_fails(workspace, make_person):
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic(), index.batched(workspace):
        make_person("Lea Roth", notes="beekeeping")
        raise RuntimeError("a later row was refused")
    assert found(workspace, "beekeeping") == []
