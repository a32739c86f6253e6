"""The connector's pages and panels, without JavaScript and with htmx."""

import pytest
from django.urls import reverse

from amity.connector import actions
from amity.connector.models import Introduction, Relationship


def test_it_lists_suggestions_with_a_button_to_start(alice_client, ana, ben):
    page = alice_client.get(reverse("connector:index"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Ana needs a grant writer for the spring appeal" in text
    assert reverse("connector:start") in text
    assert 'aria-label="Introduce Ana Ruiz and Ben Okafor"' in text


def test_it_starts_an_introduction_from_a_suggestion(alice_client, ana, ben):
    response = alice_client.post(reverse("connector:start"), {
        "person_a": ana.pk, "person_b": ben.pk, "reason": "Ana needs a grant writer"})
    intro = Introduction.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("connector:introduction", args=[intro.pk])
    assert intro.reason == "Ana needs a grant writer"
    detail = alice_client.get(response["Location"]).content.decode()
    assert "I asked Ana" in detail
    assert "Ana, meet Ben." in detail
    assert "Ask Ana whether they would like to meet Ben" in detail


def test_it_starts_one_by_name_and_explains_a_refusal(alice_client, ana, ben):
    response = alice_client.post(reverse("connector:start"), {
        "person_a": "Ana Ruiz", "person_b": "Ana Ruiz", "next": reverse("connector:index")},
        follow=True)
    assert "Ana Ruiz was chosen twice" in response.content.decode()
    missing = alice_client.post(reverse("connector:start"), {
        "person_a": "Ana", "person_b": "Nobody Here"}, follow=True)
    assert "No person matching" in missing.content.decode()
    assert Introduction.objects.count() == 0


def test_it_takes_steps_without_javascript(alice_client, workspace, ana, ben):
    intro = actions.start_introduction(workspace, ana, ben)
    url = reverse("connector:step", args=[intro.pk])
    response = alice_client.post(url, {"step": "asked-a", "note": "Texted her"}, follow=True)
    assert "Introduction of Ana Ruiz and Ben Okafor: asked the first person." in \
        response.content.decode()
    wrong = alice_client.post(url, {"step": "introduced"}, follow=True).content.decode()
    assert "cannot go to “Introduced”" in wrong
    intro.refresh_from_db()
    assert intro.status == "asked_a"


def test_it_takes_a_step_with_htmx_and_answers_the_part_it_changed(alice_client, workspace,
                                                                   ana, ben):
    intro = actions.start_introduction(workspace, ana, ben)
    url = reverse("connector:step", args=[intro.pk])
    part = alice_client.post(url, {"step": "asked-a"}, headers={"HX-Request": "true"})
    text = part.content.decode()
    assert 'id="intro-workflow"' in text and "<html" not in text
    assert "Ana agreed" in text
    row = alice_client.post(url, {"step": "a-agreed", "row": "1"}, headers={"HX-Request": "true"})
    assert f'id="intro-{intro.pk}"' in row.content.decode()
    assert "I asked Ben" in row.content.decode()


def test_it_declines_with_who_said_no(alice_client, workspace, ana, ben):
    intro = actions.start_introduction(workspace, ana, ben)
    alice_client.post(reverse("connector:step", args=[intro.pk]),
                      {"step": "declined", "by": "b"})
    intro.refresh_from_db()
    assert (intro.status, intro.declined_by) == ("declined", "b")


def test_it_lists_introductions_by_status(alice_client, workspace, ana, ben, person_with):
    cleo = person_with("Cleo Diaz")
    actions.start_introduction(workspace, ana, ben)
    actions.decline(workspace, actions.start_introduction(workspace, ana, cleo))
    url = reverse("connector:introductions")
    under_way = alice_client.get(url).content.decode()
    assert "Ana Ruiz and Ben Okafor" in under_way and "Cleo Diaz" not in under_way
    declined = alice_client.get(url, {"status": "declined"}).content.decode()
    assert "Ana Ruiz and Cleo Diaz" in declined and "Ben Okafor" not in declined


def test_it_records_and_removes_who_knows_whom(alice_client, ana, ben):
    alice_client.post(reverse("connector:relationship_add"), {
        "person": ana.pk, "other": "Ben Okafor", "kind": "friends", "strength": 3})
    edge = Relationship.objects.get()
    assert (edge.kind, edge.strength) == ("friends", 3)
    person_page = alice_client.get(reverse("people:detail", args=[ana.pk])).content.decode()
    assert "Who they know" in person_page and "friends, close" in person_page
    alice_client.post(reverse("connector:relationship_remove", args=[edge.pk]))
    assert Relationship.objects.count() == 0


def test_the_person_panel_shows_introductions_suggestions_and_the_path_link(
        alice_client, workspace, ana, ben, person_with):
    person_with("Cleo Diaz", value="food sovereignty")
    actions.start_introduction(workspace, ana, ben)
    page = alice_client.get(reverse("people:detail", args=[ana.pk])).content.decode()
    assert "Ana Ruiz and Ben Okafor" in page
    assert "Might like to meet" in page and "both care about food sovereignty" in page
    assert f"{reverse('connector:path')}?person={ana.pk}" in page


def test_the_agenda_shows_introductions_waiting_oldest_first(alice_client, workspace, ana, ben,
                                                             person_with):
    cleo = person_with("Cleo Diaz")
    first = actions.start_introduction(workspace, ana, ben)
    actions.start_introduction(workspace, cleo, ben)
    actions.decline(workspace, actions.start_introduction(workspace, ana, cleo))
    page = alice_client.get(reverse("agenda:home")).content.decode()
    assert "Introductions waiting on you" in page
    assert page.index("Ana Ruiz and Ben Okafor") < page.index("Cleo Diaz and Ben Okafor")
    assert "Ana Ruiz and Cleo Diaz" not in page
    assert reverse("connector:step", args=[first.pk]) in page


def test_the_agenda_panel_is_absent_when_nothing_waits(alice_client):
    assert b"Introductions waiting on you" not in alice_client.get(reverse("agenda:home")).content


def test_the_path_page_searches_and_shows_paths(alice_client, workspace, make_person):
    from django.utils import timezone

    ana = make_person("Ana Ruiz")
    ana.last_contact_at = timezone.now()
    ana.save()
    ben = make_person("Ben Okafor")
    actions.add_relationship(workspace, ana, ben)
    page = alice_client.get(reverse("connector:path"), {"q": "Okafor"}).content.decode()
    assert "Warm paths to" in page
    assert "Ana Ruiz and Ben Okafor know each other" in page
    nothing = alice_client.get(reverse("connector:path"), {"q": "Zebulon"}).content.decode()
    assert "No person or organisation matches" in nothing


def test_the_pages_escape_what_people_wrote(alice_client, person_with):
    person_with("<b>Ana</b>", need="a <script>grant</script> writer")
    person_with("Ben", offer="writes <script>grant</script> proposals")
    text = alice_client.get(reverse("connector:index")).content.decode()
    assert "<script>grant" not in text and "&lt;script&gt;grant" in text


@pytest.mark.parametrize(("method", "name"), [
    ("get", "connector:introduction"), ("post", "connector:step"),
    ("post", "connector:relationship_remove")])
def test_another_workspaces_ids_answer_404(alice_client, other_workspace, make_person,
                                           method, name):
    bruno = make_person("Bruno Bobson", ws=other_workspace)
    bea = make_person("Bea Bobson", ws=other_workspace)
    pk = (actions.start_introduction(other_workspace, bruno, bea).pk if "relationship" not in name
          else actions.add_relationship(other_workspace, bruno, bea).pk)
    response = getattr(alice_client, method)(reverse(name, args=[pk]), {"step": "asked-a"})
    assert response.status_code == 404


def test_starting_or_relating_with_another_workspaces_person_is_404(alice_client, ana,
                                                                    bobs_person):
    start = alice_client.post(reverse("connector:start"),
                              {"person_a": ana.pk, "person_b": bobs_person.pk})
    knows = alice_client.post(reverse("connector:relationship_add"),
                              {"person": ana.pk, "other": bobs_person.pk, "kind": "knows",
                               "strength": 2})
    path = alice_client.get(reverse("connector:path"), {"person": bobs_person.pk})
    assert (start.status_code, knows.status_code, path.status_code) == (404, 404, 404)
    assert Introduction.objects.count() == 0 and Relationship.objects.count() == 0


def test_the_write_pages_refuse_get(alice_client, workspace, ana, ben):
    intro = actions.start_introduction(workspace, ana, ben)
    assert alice_client.get(reverse("connector:start")).status_code == 405
    assert alice_client.get(reverse("connector:step", args=[intro.pk])).status_code == 405


def test_it_shows_more_suggestions_a_page_at_a_time(alice_client, person_with):
    # At least 40 pairs who should meet: each needs what another offers.
    for i in range(40):
        person_with(f"Needy {i:02d}", need=f"a tutor for subject{i:02d}")
        person_with(f"Giver {i:02d}", offer=f"tutoring in subject{i:02d}")
    first = alice_client.get(reverse("connector:index")).content.decode()
    rows = 'aria-label="Introduce '
    assert first.count(rows) == 30 and "?show=60" in first
    second = alice_client.get(reverse("connector:index"), {"show": "60"}).content.decode()
    shown = second.count(rows)
    assert 30 < shown <= 60
    assert ("?show=90" in second) == (shown == 60)
    for bad in ("-5", "abc", "999999"):
        assert alice_client.get(reverse("connector:index"), {"show": bad}).status_code == 200
