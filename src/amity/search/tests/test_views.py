"""Search results: people in rank order, accent-blind, never another workspace's."""

import pytest
from django.urls import reverse

from amity.conversations.actions import log_conversation
from amity.organisations.models import Affiliation, Organisation
from amity.people.actions import archive_person


def search(client, q, **params):
    return client.get(reverse("search:results"), {"q": q, **params})


def test_it_invites_a_search_when_there_is_no_query(alice_client):
    page = alice_client.get(reverse("search:results"))
    assert page.status_code == 200
    assert b'<label for="search-q"' in page.content


def test_it_finds_jose_without_the_accent(alice_client, make_person):
    make_person("José Martínez")
    page = search(alice_client, "jose")
    assert [p.display_name for p in page.context["people"]] == ["José Martínez"]
    assert "José Martínez" in page.content.decode()


def test_it_finds_a_person_by_words_from_conversation_notes(alice_client, workspace,
                                                           make_person):
    ana = make_person("Ana Ruiz")
    log_conversation(workspace, [ana], summary="Catch-up",
                     notes="She wants to start a seed library at the pantry.")
    page = search(alice_client, "seed library")
    assert page.context["people"] == [ana]
    assert b"matched in notes" in page.content


def test_it_ranks_a_name_above_a_mention_in_notes(alice_client, workspace, make_person):
    mention = make_person("Ana Ruiz")
    log_conversation(workspace, [mention], summary="About Femi", notes="Femi knows the mayor.")
    femi = make_person("Femi Okafor")
    assert search(alice_client, "femi").context["people"] == [femi, mention]


def test_it_shows_organisation_and_tags(alice_client, workspace, make_person):
    ana = make_person("Ana Ruiz", tags=["volunteer", "driver"])
    org = Organisation.objects.create(workspace=workspace, name="Riverside Pantry")
    Affiliation.objects.create(workspace=workspace, person=ana, organisation=org, role="Chair")
    text = search(alice_client, "ana").content.decode()
    assert "Riverside Pantry" in text and "Chair" in text
    assert "#volunteer" in text and "#driver" in text


def test_it_leaves_out_archived_people_unless_asked(alice_client, workspace, make_person):
    ana = make_person("Ana Ruiz")
    archive_person(workspace, ana)
    assert search(alice_client, "ana").context["people"] == []
    assert search(alice_client, "ana", archived="1").context["people"] == [ana]


def test_it_never_finds_bobs_people(alice_client, other_workspace, make_person, bob):
    make_person("José Bobson", ws=other_workspace)
    assert search(alice_client, "jose").context["people"] == []


@pytest.mark.parametrize("count", [3, 30])
def test_it_pages_results_in_a_constant_number_of_queries(
        alice_client, workspace, make_person, count, django_assert_max_num_queries):
    org = Organisation.objects.create(workspace=workspace, name="Pantry")
    for i in range(count):
        person = make_person(f"Gardener {i:02d}", tags=["garden", f"plot-{i}"])
        Affiliation.objects.create(workspace=workspace, person=person, organisation=org)
    with django_assert_max_num_queries(7):
        page = search(alice_client, "gardener")
    assert len(page.context["people"]) == min(count, 20)
    assert page.context["has_more"] == (count > 20)
    if count > 20:
        second = search(alice_client, "gardener", page="2")
        assert len(second.context["people"]) == count - 20
        assert not second.context["has_more"]


def test_it_escapes_the_query_and_the_results(alice_client, make_person):
    make_person("<b>Bold</b> Person")
    content = search(alice_client, "<b>bold").content
    assert b"<b>Bold</b>" not in content and b"<b>bold" not in content
    assert b"&lt;b&gt;Bold&lt;/b&gt; Person" in content
