"""People on the web: the list, the person page, their forms and facts.

Alice works in "Riverside food coalition"; Bob's workspace must stay invisible.
"""

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from amity.conversations.actions import log_conversation
from amity.followups.actions import create_follow_up
from amity.organisations.actions import add_affiliation, create_organisation
from amity.organisations.models import Affiliation, Organisation
from amity.people.actions import add_fact, archive_person
from amity.people.models import Fact, Person

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
TODAY = NOW.date()


@pytest.fixture(autouse=True)
def frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def ana(make_person):
    return make_person("Ana Ruiz", cadence_days=30, emails=["ana@riverside.example"],
                       phones=["+44 20 7946 0958"], tags=["funder", "food bank"],
                       pronouns="she/her")


@pytest.fixture
def bobs(other_workspace, bob, make_person):
    """Bob's person, fact, organisation and affiliation: none of Alice's business."""
    person = make_person("Zed Zimmer", ws=other_workspace)
    fact = add_fact(other_workspace, person, kind="need", text="Bob's secret need")
    org = create_organisation(other_workspace, name="Bob's club")
    affiliation = add_affiliation(other_workspace, person, org, role="Chair")
    return {"person": person, "fact": fact, "org": org, "affiliation": affiliation}


def url(name, *args):
    return reverse(f"people:{name}", args=args)


def form_data(**fields):
    data = {"display_name": "", "importance": "2"}
    data.update(fields)
    return data


def errors_of(response, field, prefix="id_") -> str:
    """The text of the error list Django renders for one field."""
    text = response.content.decode()
    marker = f'id="{prefix}{field}_error"'
    assert marker in text, f"no error shown on {field}"
    start = text.index(marker)
    return text[start:text.index("</ul>", start)]


# -- every page renders ----------------------------------------------------------

def test_it_renders_every_people_page_for_alice(alice_client, workspace, ana):
    fact = add_fact(workspace, ana, kind="interest", text="Urban gardens")
    for address in (url("list"), url("new"), url("detail", ana.pk), url("edit", ana.pk),
                    url("delete", ana.pk), url("fact_edit", ana.pk, fact.pk),
                    url("affiliation_add", ana.pk), url("conversations", ana.pk)):
        response = alice_client.get(address)
        assert response.status_code == 200, address
        assert b"Ana Ruiz" in response.content or address in (url("list"), url("new"))


def test_it_sends_visitors_who_are_not_signed_in_to_the_sign_in_page(client, alice, ana):
    response = client.get(url("detail", ana.pk))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


# -- the list ------------------------------------------------------------------------

def test_it_lists_people_with_their_organisation_tags_last_contact_and_check_in(
        alice_client, workspace, ana, make_person):
    org = create_organisation(workspace, name="Riverside Food Bank")
    add_affiliation(workspace, ana, org, role="Director")
    old = create_organisation(workspace, name="Old Employer")
    add_affiliation(workspace, ana, old, end_on="2020-01-01")
    log_conversation(workspace, [ana], summary="Coffee", happened_at=NOW - timedelta(days=22))
    make_person("Ben Okafor")

    text = alice_client.get(url("list")).content.decode()

    ana_row = text[text.index("Ana Ruiz"):text.index("Ben Okafor")]
    assert "Director, <a" in ana_row and "Riverside Food Bank" in ana_row
    assert "Old Employer" not in ana_row
    assert "funder" in ana_row and "food bank" in ana_row
    assert "3\xa0weeks ago" in ana_row  # timesince keeps number and unit together
    assert "check in within 8 days" in ana_row
    ben_row = text[text.index("Ben Okafor"):]
    assert "never" in ben_row


def test_it_marks_people_whose_check_in_is_overdue(alice_client, workspace, ana):
    log_conversation(workspace, [ana], summary="Call", happened_at=NOW - timedelta(days=40))
    text = alice_client.get(url("list")).content.decode()
    assert "check-in overdue by 10 days" in text


def test_it_filters_people_by_tag_and_importance(alice_client, ana, make_person):
    make_person("Ben Okafor", tags=["volunteer"], importance=3)

    by_tag = alice_client.get(url("list"), {"tag": "FUNDER"}).content.decode()
    assert "Ana Ruiz" in by_tag and "Ben Okafor" not in by_tag

    by_importance = alice_client.get(url("list"), {"importance": "3"}).content.decode()
    assert "Ben Okafor" in by_importance and "Ana Ruiz" not in by_importance

    unknown = alice_client.get(url("list"), {"tag": "nope"}).content.decode()
    assert "There is no tag called" in unknown and "Ana Ruiz" not in unknown


def test_it_hides_archived_people_unless_asked(alice_client, workspace, ana, make_person):
    archive_person(workspace, make_person("Carla Mendes"))

    default = alice_client.get(url("list")).content.decode()
    assert "Ana Ruiz" in default and "Carla Mendes" not in default

    everyone = alice_client.get(url("list"), {"archived": "1"}).content.decode()
    assert "Ana Ruiz" in everyone and "Carla Mendes" in everyone and "archived" in everyone


def test_it_filters_by_name_through_the_search_index(alice_client, workspace, ana, make_person):
    make_person("Anabel Smith")
    make_person("Ben Okafor", notes="Knows Ana from the market")

    text = alice_client.get(url("list"), {"q": "ana"}).content.decode()

    assert "Ana Ruiz" in text and "Anabel Smith" in text
    assert "Ben Okafor" not in text  # a mention in the notes is not a name
    accented = alice_client.get(url("list"), {"q": "RUÍZ"}).content.decode()
    assert "Ana Ruiz" in accented and "Anabel Smith" not in accented


def test_it_combines_the_name_filter_with_the_other_filters(alice_client, workspace, ana,
                                                            make_person):
    make_person("Anabel Smith", tags=["volunteer"])
    archive_person(workspace, make_person("Anna Archived", tags=["funder"]))

    text = alice_client.get(url("list"), {"q": "an", "tag": "funder"}).content.decode()
    assert "Ana Ruiz" in text and "Anabel Smith" not in text and "Anna Archived" not in text

    text = alice_client.get(url("list"), {"q": "an", "archived": "1"}).content.decode()
    assert "Anna Archived" in text


def test_it_paginates_fifty_people_a_page(alice_client, make_person):
    for i in range(51):
        make_person(f"Person {i:02d}")

    first = alice_client.get(url("list")).content.decode()
    second = alice_client.get(url("list"), {"page": 2}).content.decode()

    assert "Person 49" in first and "Person 50" not in first
    assert "Person 50" in second and "Person 00" not in second
    assert "Page 1 of 2" in first and "51 people" in first


def test_it_answers_the_htmx_filter_with_the_results_only(alice_client, ana):
    response = alice_client.get(url("list"), {"q": "ana"}, HTTP_HX_REQUEST="true")
    text = response.content.decode()
    assert "Ana Ruiz" in text
    assert 'id="people-results"' in text and "<html" not in text


def _count_queries(client, address) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    return len(queries)


def test_it_lists_people_in_a_constant_number_of_queries(alice_client, workspace, make_person,
                                                         django_assert_max_num_queries):
    org = create_organisation(workspace, name="Riverside Food Bank")

    def add(n, start):
        for i in range(start, start + n):
            person = make_person(f"Person {i:02d}", tags=["funder", f"tag {i}"], cadence_days=7)
            add_affiliation(workspace, person, org, role="Member")
            log_conversation(workspace, [person], summary="Hello")

    add(3, 0)
    few = _count_queries(alice_client, url("list"))
    add(27, 3)
    with django_assert_max_num_queries(few):
        alice_client.get(url("list"))
    assert _count_queries(alice_client, url("list") + "?q=person") <= few + 2


# -- new and edit ------------------------------------------------------------------------

def test_it_creates_a_person_with_everything_the_form_offers(alice_client, workspace, ana):
    response = alice_client.post(url("new"), form_data(
        display_name="Ben Okafor", given_name="Benjamin", family_name="Okafor", nickname="Ben",
        pronouns="he/him", emails="ben@example.org\nben.okafor@example.com",
        phones="+44 20 7946 0959\n+1 415 555 2671", linkedin_url="linkedin.com/in/benokafor",
        website="https://ben.example", location="Leeds", birthday="04-15",
        met_where="Community kitchen", met_on="2025-06-01", met_event="Harvest fair",
        introduced_by="ana", tags="volunteer, Funder", importance="3", cadence_days="14",
        notes="Runs the Saturday market.", organisation="Riverside Food Bank", role="Treasurer"))

    ben = Person.objects.get(workspace=workspace, display_name="Ben Okafor")
    assert response.status_code == 302 and response["Location"] == url("detail", ben.pk)
    assert [e.email for e in ben.emails.all()] == ["ben@example.org", "ben.okafor@example.com"]
    assert [p.number for p in ben.phones.all()] == ["+442079460959", "+14155552671"]
    assert (ben.birthday_year, ben.birthday_month, ben.birthday_day) == (None, 4, 15)
    assert ben.introduced_by == ana and ben.met_on == date(2025, 6, 1)
    assert sorted(t.name for t in ben.tags.all()) == ["funder", "volunteer"]  # reuses "funder"
    assert ben.importance == 3 and ben.cadence_days == 14
    assert ben.checkin_due_on == TODAY + timedelta(days=14)
    affiliation = Affiliation.objects.get(person=ben)
    assert affiliation.organisation.name == "Riverside Food Bank"
    assert affiliation.role == "Treasurer"

    page = alice_client.get(response["Location"]).content.decode()
    assert "Added Ben Okafor." in page
    assert "+442079460959" in page and "15 April" in page and "Harvest fair" in page


@pytest.mark.parametrize("field, value, message", [
    ("emails", "ben@example.org\nnot-an-email", "is not a valid email address"),
    ("phones", "+44 20 7946 0959\n12", "is not"),
    ("birthday", "1990-02-30", "is not a birthday"),
    ("cadence_days", "0", "1 to 3650 days"),
    ("website", "not a site", "is not a web address"),
])
def test_it_shows_a_bad_field_on_that_field_and_creates_nothing(alice_client, workspace, field,
                                                                 value, message):
    response = alice_client.post(url("new"), form_data(
        display_name="Ben Okafor", organisation="Riverside Food Bank", **{field: value}))

    assert response.status_code == 200
    assert message in errors_of(response, field)
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Person.objects.filter(workspace=workspace).exists()
    assert not Organisation.objects.filter(workspace=workspace).exists()
    assert value.split("\n")[-1] in response.content.decode()  # what she typed is kept


def test_it_requires_a_name(alice_client, workspace):
    response = alice_client.post(url("new"), form_data(display_name="   "))
    assert "Name cannot be empty." in errors_of(response, "display_name")
    assert not Person.objects.exists()


def test_it_lists_the_candidates_when_the_introducer_is_ambiguous(alice_client, workspace,
                                                                  make_person):
    sam_a, sam_b = make_person("Sam Lee"), make_person("Sam Patel")

    response = alice_client.post(url("new"), form_data(display_name="Ben Okafor",
                                                       introduced_by="sam", emails="nope"))

    error = errors_of(response, "introduced_by")
    assert f"Sam Lee (#{sam_a.pk})" in error and f"Sam Patel (#{sam_b.pk})" in error
    assert "is not a valid email address" in errors_of(response, "emails")  # all errors at once
    assert not Person.objects.filter(display_name="Ben Okafor").exists()


def test_it_says_when_no_one_matches_the_introducer(alice_client, workspace):
    response = alice_client.post(url("new"), form_data(display_name="Ben Okafor",
                                                       introduced_by="Nobody"))
    assert "No one called" in errors_of(response, "introduced_by")
    assert not Person.objects.exists()


def test_it_edits_a_person_with_the_current_values_filled_in(alice_client, workspace, ana):
    form = alice_client.get(url("edit", ana.pk)).content.decode()
    assert "ana@riverside.example" in form and "+442079460958" in form
    assert "funder, food bank" in form

    response = alice_client.post(url("edit", ana.pk), form_data(
        display_name="Ana Ruiz-Vega", emails="ana@new.example", phones="",
        tags="funder", birthday="1985-12-01", importance="1", cadence_days=""))

    assert response.status_code == 302
    ana.refresh_from_db()
    assert ana.display_name == "Ana Ruiz-Vega" and ana.importance == 1
    assert [e.email for e in ana.emails.all()] == ["ana@new.example"]
    assert not ana.phones.exists() and ana.cadence_days is None and ana.checkin_due_on is None
    assert ana.birthday_year == 1985


def test_it_keeps_an_introducer_who_shares_a_name_with_someone_else(alice_client, workspace,
                                                                    make_person):
    first_sam = make_person("Sam Lee")
    make_person("Sam Lee", notes="another Sam Lee")
    ben = make_person("Ben Okafor", introduced_by=first_sam)
    data = form_data(display_name="Ben Okafor", introduced_by="Sam Lee", notes="changed")

    response = alice_client.post(url("edit", ben.pk), data)

    assert response.status_code == 302
    ben.refresh_from_db()
    assert ben.introduced_by == first_sam and ben.notes == "changed"


def test_it_changes_nothing_when_an_edit_is_invalid(alice_client, workspace, ana):
    response = alice_client.post(url("edit", ana.pk), form_data(
        display_name="Renamed", phones="not a phone"))
    assert "is not a phone number" in errors_of(response, "phones")
    ana.refresh_from_db()
    assert ana.display_name == "Ana Ruiz" and ana.phones.count() == 1
    assert "Edit Ana Ruiz" in response.content.decode()


def test_it_escapes_what_people_type(alice_client, workspace, make_person):
    evil = make_person("<script>alert(1)</script>", tags=["<b>bold</b>"],
                       notes="<img src=x onerror=alert(2)>")
    add_fact(workspace, evil, kind="interest", text="<script>alert(3)</script>")
    for address in (url("list"), url("detail", evil.pk), url("edit", evil.pk),
                    url("delete", evil.pk)):
        text = alice_client.get(address).content.decode()
        assert "<script>alert" not in text and "<b>bold" not in text and "<img src=x" not in text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


# -- the person page ------------------------------------------------------------------------

def test_it_shows_the_person_page_header(alice_client, workspace, ana):
    log_conversation(workspace, [ana], summary="Coffee", happened_at=NOW - timedelta(days=3))
    text = alice_client.get(url("detail", ana.pk)).content.decode()
    assert "she/her" in text and "Regular" in text
    assert "Keep in touch every 30 days" in text and "next check-in 6 Apr 2026" in text
    assert "Last contact: <strong>3\xa0days ago</strong>" in text
    assert f'{reverse("conversations:new")}?person={ana.pk}' in text
    assert f'{reverse("followups:new")}?person={ana.pk}' in text
    assert "mailto:ana@riverside.example" in text and "tel:+442079460958" in text


def test_it_groups_what_matters_by_kind_with_where_it_was_learned(alice_client, workspace, ana):
    conversation = log_conversation(workspace, [ana], summary="Market walk",
                                    happened_at=NOW - timedelta(days=2))
    add_fact(workspace, ana, kind="goal", text="Open a second pantry", conversation=conversation)
    add_fact(workspace, ana, kind="interest", text="Urban gardens", learned_on="2024-01-05")
    add_fact(workspace, ana, kind="avoid", text="Her old job")

    text = alice_client.get(url("detail", ana.pk)).content.decode()
    facts = text[text.index('id="facts"'):text.index('id="affiliations"')]

    assert facts.index("Interest") < facts.index("Goal") < facts.index("Topic to avoid")
    assert reverse("conversations:detail", args=[conversation.pk]) in facts
    assert "Learned 5 Jan 2024" in facts
    gardens = facts[facts.index("Urban gardens"):facts.index("Goal")]
    assert "ask again" in gardens
    pantry = facts[facts.index("Open a second pantry"):]
    assert "ask again" not in pantry[:pantry.index("</li>")]


def test_it_uses_the_workspaces_own_stale_period(alice_client, workspace, ana):
    workspace.fact_stale_days = 10
    workspace.save()
    add_fact(workspace, ana, kind="need", text="Cold storage", learned_on="2026-02-20")
    assert "ask again" in alice_client.get(url("detail", ana.pk)).content.decode()


def test_it_adds_a_fact_with_htmx_and_answers_with_the_facts_only(alice_client, ana):
    response = alice_client.post(url("fact_add", ana.pk), {"kind": "need", "text": "A van"},
                                 HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    text = response.content.decode()
    assert text.lstrip().startswith('<section id="facts"')
    assert "<html" not in text and "Contact details" not in text
    assert "A van" in text and "Need" in text
    fact = Fact.objects.get(person=ana)
    assert (fact.kind, fact.text, fact.learned_on) == ("need", "A van", TODAY)


def test_it_adds_a_fact_without_javascript_and_comes_back_with_a_message(alice_client, ana):
    response = alice_client.post(url("fact_add", ana.pk), {"kind": "offer", "text": "Meeting room"},
                                 follow=True)
    assert response.redirect_chain[-1][0] == url("detail", ana.pk) + "#facts"
    assert "Noted: offer “Meeting room”." in response.content.decode()


def test_it_shows_a_fact_error_in_the_form_and_adds_nothing(alice_client, ana):
    htmx = alice_client.post(url("fact_add", ana.pk), {"kind": "need", "text": " "},
                             HTTP_HX_REQUEST="true")
    assert "Fact cannot be empty." in htmx.content.decode() and "<html" not in htmx.content.decode()

    plain = alice_client.post(url("fact_add", ana.pk), {"kind": "wish", "text": "Peace"})
    assert plain.status_code == 200 and "is not a kind of fact" in plain.content.decode()
    assert "<html" in plain.content.decode()
    assert not Fact.objects.exists()


def test_it_confirms_a_fact_is_still_true(alice_client, workspace, ana):
    fact = add_fact(workspace, ana, kind="value", text="Dignity", learned_on="2024-01-05")

    response = alice_client.post(url("fact_confirm", ana.pk, fact.pk), HTTP_HX_REQUEST="true")

    fact.refresh_from_db()
    assert fact.confirmed_on == TODAY
    assert "still true on 10 Mar 2026" in response.content.decode()
    assert "ask again" not in response.content.decode()


def test_it_edits_a_fact(alice_client, workspace, ana):
    fact = add_fact(workspace, ana, kind="value", text="Dignity")
    response = alice_client.post(url("fact_edit", ana.pk, fact.pk), {
        "kind": "goal", "text": "Dignity for all", "learned_on": "2025-05-01"})
    assert response.status_code == 302
    fact.refresh_from_db()
    assert (fact.kind, fact.text, fact.learned_on) == ("goal", "Dignity for all", date(2025, 5, 1))

    bad = alice_client.post(url("fact_edit", ana.pk, fact.pk),
                            {"kind": "goal", "text": "x", "learned_on": "someday"})
    assert "is not a date" in errors_of(bad, "learned_on")
    fact.refresh_from_db()
    assert fact.text == "Dignity for all"


def test_it_deletes_a_fact_with_or_without_javascript(alice_client, workspace, ana):
    first = add_fact(workspace, ana, kind="value", text="Dignity")
    second = add_fact(workspace, ana, kind="value", text="Fairness")

    htmx = alice_client.post(url("fact_delete", ana.pk, first.pk), HTTP_HX_REQUEST="true")
    assert "Dignity" not in htmx.content.decode() and "Fairness" in htmx.content.decode()

    plain = alice_client.post(url("fact_delete", ana.pk, second.pk))
    assert plain.status_code == 302
    assert not Fact.objects.exists()


def test_it_refuses_to_change_a_fact_by_get(alice_client, workspace, ana):
    fact = add_fact(workspace, ana, kind="value", text="Dignity")
    assert alice_client.get(url("fact_delete", ana.pk, fact.pk)).status_code == 405
    assert alice_client.get(url("archive", ana.pk)).status_code == 405
    assert Fact.objects.filter(pk=fact.pk).exists()


def test_it_refuses_a_fact_through_another_persons_address(alice_client, workspace, ana,
                                                           make_person):
    ben = make_person("Ben Okafor")
    fact = add_fact(workspace, ana, kind="value", text="Dignity")
    assert alice_client.post(url("fact_delete", ben.pk, fact.pk)).status_code == 404
    assert Fact.objects.filter(pk=fact.pk).exists()


def test_it_shows_affiliations_current_and_past_and_adds_one(alice_client, workspace, ana):
    org = create_organisation(workspace, name="Riverside Food Bank")
    add_affiliation(workspace, ana, create_organisation(workspace, name="City Council"),
                    role="Clerk", start_on="2015-01-01", end_on="2019-06-30")

    response = alice_client.post(url("affiliation_add", ana.pk), {
        "organisation": "riverside food bank", "role": "Director", "represents": "on",
        "start_on": "2020-01-01", "end_on": ""})

    assert response.status_code == 302
    affiliation = Affiliation.objects.get(person=ana, end_on__isnull=True)
    assert affiliation.organisation == org and affiliation.represents
    text = alice_client.get(url("detail", ana.pk)).content.decode()
    section = text[text.index('id="affiliations"'):]
    assert section.index("Riverside Food Bank") < section.index("City Council")
    assert "represents them" in section and "past" in section


def test_it_shows_affiliation_errors_and_creates_no_organisation(alice_client, workspace, ana):
    response = alice_client.post(url("affiliation_add", ana.pk), {
        "organisation": "New Org", "start_on": "2024-01-01", "end_on": "2023-01-01"})
    assert "before the start date" in errors_of(response, "end_on", "aff_")
    assert not Organisation.objects.exists()

    empty = alice_client.post(url("affiliation_add", ana.pk), {"organisation": ""})
    assert "cannot be empty" in errors_of(empty, "organisation", "aff_")


def test_it_shows_recent_conversations_and_open_follow_ups(alice_client, workspace, ana,
                                                           make_person):
    ben = make_person("Ben Okafor")
    for i in range(22):
        log_conversation(workspace, [ana, ben] if i == 0 else [ana], summary=f"Talk {i:02d}",
                         happened_at=NOW - timedelta(days=30 - i))
    due = create_follow_up(workspace, ana, action="Send the grant report", due_on="2026-03-01")
    done = create_follow_up(workspace, ana, action="Already done", due_on="2026-03-01")
    done.complete()

    text = alice_client.get(url("detail", ana.pk)).content.decode()

    assert "Talk 21" in text and "Talk 02" in text and "Talk 01" not in text
    assert text.index("Talk 21") < text.index("Talk 02")
    assert "All 22 conversations with Ana Ruiz" in text
    assert "Send the grant report" in text and "Already done" not in text and "overdue" in text
    assert reverse("followups:complete", args=[due.pk]) in text
    assert f'name="next" value="{url("detail", ana.pk)}#follow-ups"' in text

    everything = alice_client.get(url("conversations", ana.pk)).content.decode()
    assert "Talk 00" in everything and "Ben Okafor" in everything


def test_it_completes_a_follow_up_and_returns_to_the_person(alice_client, workspace, ana):
    follow_up = create_follow_up(workspace, ana, action="Send the report", due_on="today")
    page = alice_client.get(url("detail", ana.pk)).content.decode()
    start = page.index(reverse("followups:complete", args=[follow_up.pk]))
    next_value = page[page.index('name="next" value="', start) + 19:]
    next_value = next_value[:next_value.index('"')]

    response = alice_client.post(reverse("followups:complete", args=[follow_up.pk]),
                                 {"next": next_value})

    assert response.status_code == 302 and response["Location"].startswith(url("detail", ana.pk))
    follow_up.refresh_from_db()
    assert follow_up.is_done


def test_the_person_page_makes_a_constant_number_of_queries(alice_client, workspace, ana,
                                                            make_person,
                                                            django_assert_max_num_queries):
    org = create_organisation(workspace, name="Riverside Food Bank")
    ben = make_person("Ben Okafor")

    def grow(n):
        for i in range(n):
            conversation = log_conversation(workspace, [ana, ben], summary=f"Talk {i}")
            add_fact(workspace, ana, kind="interest", text=f"Interest {i}",
                     conversation=conversation)
            add_affiliation(workspace, ana, org, role=f"Role {i}")
            create_follow_up(workspace, ana, action=f"Step {i}", due_on="tomorrow")

    grow(2)
    few = _count_queries(alice_client, url("detail", ana.pk))
    grow(25)
    with django_assert_max_num_queries(few):
        alice_client.get(url("detail", ana.pk))


# -- archive and delete ------------------------------------------------------------------------

def test_it_archives_and_unarchives_with_htmx(alice_client, ana):
    response = alice_client.post(url("archive", ana.pk), HTTP_HX_REQUEST="true")
    text = response.content.decode()
    assert text.lstrip().startswith('<section id="person-header"') and "<html" not in text
    assert "archived" in text and "Unarchive" in text
    ana.refresh_from_db()
    assert ana.is_archived

    alice_client.post(url("unarchive", ana.pk), HTTP_HX_REQUEST="true")
    ana.refresh_from_db()
    assert not ana.is_archived


def test_it_archives_without_javascript(alice_client, ana):
    response = alice_client.post(url("archive", ana.pk), follow=True)
    assert "Archived Ana Ruiz." in response.content.decode()
    ana.refresh_from_db()
    assert ana.is_archived


def test_it_warns_before_deleting_a_person_and_their_lone_conversations(alice_client, workspace,
                                                                        ana, make_person):
    ben = make_person("Ben Okafor")
    alone = log_conversation(workspace, [ana], summary="Just us")
    shared = log_conversation(workspace, [ana, ben], summary="With Ben")

    confirm = alice_client.get(url("delete", ana.pk)).content.decode()
    assert "1 of their 2 conversations" in confirm and "will be deleted too" in confirm

    response = alice_client.post(url("delete", ana.pk))

    assert response.status_code == 302 and response["Location"] == url("list")
    assert not Person.objects.filter(pk=ana.pk).exists()
    assert not type(alone).objects.filter(pk=alone.pk).exists()
    assert type(shared).objects.filter(pk=shared.pk).exists()


# -- another workspace -------------------------------------------------------------------------

def bob_urls(bobs, ana, alices_fact):
    person, fact = bobs["person"].pk, bobs["fact"].pk
    return [
        url("detail", person), url("edit", person), url("archive", person),
        url("unarchive", person), url("delete", person), url("conversations", person),
        url("fact_add", person), url("fact_edit", person, fact), url("fact_delete", person, fact),
        url("fact_confirm", person, fact), url("affiliation_add", person),
        # Alice's person with Bob's fact, and Bob's person with Alice's fact.
        url("fact_edit", ana.pk, fact), url("fact_delete", ana.pk, fact),
        url("fact_confirm", ana.pk, fact), url("fact_edit", person, alices_fact.pk),
    ]


@pytest.mark.parametrize("method", ["get", "post"])
def test_it_answers_404_for_another_workspaces_ids(alice_client, workspace, bobs, ana, method):
    alices_fact = add_fact(workspace, ana, kind="value", text="Dignity")
    for address in bob_urls(bobs, ana, alices_fact):
        response = getattr(alice_client, method)(address, {"kind": "need", "text": "x",
                                                           "display_name": "Hacked",
                                                           "organisation": "Hacked"})
        assert response.status_code == 404, address
    bobs["person"].refresh_from_db()
    assert bobs["person"].display_name == "Zed Zimmer" and not bobs["person"].is_archived
    assert Fact.objects.filter(pk=bobs["fact"].pk, text="Bob's secret need").exists()
    assert not Organisation.objects.filter(name="Hacked").exists()


def test_it_never_lists_another_workspaces_people(alice_client, bobs, ana):
    text = alice_client.get(url("list")).content.decode()
    assert "Ana Ruiz" in text and "Zed Zimmer" not in text
    assert "Zed Zimmer" not in alice_client.get(url("list"), {"q": "zed"}).content.decode()


def test_it_does_not_accept_another_workspaces_person_as_introducer(alice_client, bobs):
    response = alice_client.post(url("new"), form_data(
        display_name="Ben Okafor", introduced_by=f"#{bobs['person'].pk}"))
    assert "No one called" in errors_of(response, "introduced_by")
    assert not Person.objects.filter(display_name="Ben Okafor").exists()
