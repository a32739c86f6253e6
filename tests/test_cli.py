"""The `amity` command line, as Alice uses it from her terminal.

Most tests run the commands in-process through Typer's CliRunner, against the
pytest-django test database (SQLite or PostgreSQL, whichever the run uses).
The CLI acts in the first workspace, so the ``workspace`` fixture (Alice's
"Riverside food coalition") is the one it sees; Bob's workspace is made after
it and must stay invisible.

The last tests start real processes (`python -m amity`, `.venv/bin/amity`) on a
fresh, empty data folder, to prove the package's entry points and the
first-run bootstrap (create and migrate the database). Those always use SQLite,
whatever database the rest of the run uses: a fresh data folder *is* the
laptop install being tested, and pointing a subprocess at the PostgreSQL
server would migrate a real database outside pytest-django's throwaway one.
"""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import time_machine
from typer.testing import CliRunner

from amity.cli import app

MONDAY = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
COMMANDS = ["today", "log", "follow-up", "done", "snooze", "add", "edit", "show", "find",
            "people", "orgs", "fact", "archive", "delete", "serve", "demo", "token"]

runner = CliRunner(env={"COLUMNS": "80"})


def amity(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input)


def ok(result):
    assert result.exit_code == 0, (result.exit_code, result.output, result.exception)
    return result


def refused(result):
    """Exit 2 with a message on stderr, no traceback, nothing on stdout."""
    assert result.exit_code == 2, (result.exit_code, result.output, result.exception)
    assert result.stderr.startswith("amity: ")
    assert "Traceback" not in result.output
    assert result.stdout == ""
    return result.stderr


def travel(moment):
    return time_machine.travel(moment, tick=False)


@pytest.fixture
def ana(workspace, make_person):
    from amity.organisations.actions import add_affiliation, find_or_create_organisation

    person = make_person("Ana Ruiz", cadence_days=30, emails=["ana@example.org"], tags=["food"])
    add_affiliation(workspace, person, find_or_create_organisation(workspace, "Food Bank"),
                    role="Coordinator")
    return person


# -- the daily loop -----------------------------------------------------------

@pytest.mark.django_db
def test_it_adds_shows_logs_and_clears_a_follow_up(workspace):
    from amity.conversations.models import Conversation
    from amity.followups.models import FollowUp
    from amity.people.models import Importance, Person

    with travel(MONDAY):
        ok(amity("add", "Ana Ruiz", "--org", "Food Bank", "--role", "Coordinator",
                 "--email", "ana@example.org", "--email", "ana@foodbank.org",
                 "--phone", "+44 20 7946 0958", "--tag", "food", "--cadence", 30,
                 "--importance", "inner", "--birthday", "04-15", "--met-at", "Harvest fair",
                 "--pronouns", "she/her"))
        ana = Person.objects.get(display_name="Ana Ruiz")
        assert ana.workspace == workspace
        assert [e.email for e in ana.emails.all()] == ["ana@example.org", "ana@foodbank.org"]
        assert [p.number for p in ana.phones.all()] == ["+442079460958"]
        assert [t.name for t in ana.tags.all()] == ["food"]
        assert (ana.importance, ana.cadence_days, ana.birthday) == (Importance.INNER, 30, "--04-15")
        assert (ana.met_where, ana.pronouns) == ("Harvest fair", "she/her")
        affiliation = ana.affiliations.get()
        assert (affiliation.organisation.name, affiliation.role) == ("Food Bank", "Coordinator")

        shown = ok(amity("show", "ana")).stdout
        for expected in ("Ana Ruiz", "Coordinator, Food Bank", "ana@example.org", "inner circle",
                         "every 30 days", "Harvest fair"):
            assert expected in shown

        ok(amity("log", "ana", "Coffee at the market; she is looking for a grant writer",
                 "--when", "yesterday", "--follow-up", "introduce her to Ben", "--due", "+7d"))
        conversation = Conversation.objects.get()
        assert list(conversation.participants.all()) == [ana]
        assert conversation.happened_at.date() == date(2026, 5, 3)
        follow_up = FollowUp.objects.get()
        assert (follow_up.person, follow_up.action, follow_up.due_on) == (
            ana, "introduce her to Ben", date(2026, 5, 11))
        assert "Coffee at the market" in ok(amity("show", "ana")).stdout

    with travel(MONDAY + timedelta(days=8)):
        agenda = ok(amity("today")).stdout
        row = next(line for line in agenda.splitlines() if "introduce her to Ben" in line)
        assert row.split()[0] == str(follow_up.pk)
        assert "1 day late" in row and "Ana Ruiz" in row

        assert f"#{follow_up.pk} done" in ok(amity("done", follow_up.pk)).stdout
        follow_up.refresh_from_db()
        assert follow_up.is_done
        assert "introduce her to Ben" not in ok(amity("today")).stdout


@pytest.mark.django_db
def test_today_ranks_check_ins_and_shows_birthdays(workspace, make_person):
    with travel(MONDAY - timedelta(days=40)):
        make_person("Carla Mendes", cadence_days=30, importance=3)
        make_person("Dev Patel", cadence_days=30, importance=1)
    make_person("Eli Stone", birthday="05-06")
    with travel(MONDAY):
        out = ok(amity("today")).stdout
        data = json.loads(ok(amity("today", "--json")).stdout)
    assert "no contact yet, every 30" in out
    assert out.index("Carla Mendes") < out.index("Dev Patel")  # inner circle first
    assert "Birthdays this week" in out and "Eli Stone" in out and "Wed 6 May" in out
    assert [c["person"]["name"] for c in data["check_ins"]] == ["Carla Mendes", "Dev Patel"]
    assert data["check_ins"][0]["cadence_days"] == 30
    assert data["birthdays"] == [{"person": {"id": data["birthdays"][0]["person"]["id"],
                                             "name": "Eli Stone"},
                                  "on": "2026-05-06", "turns": None}]


@pytest.mark.django_db
def test_it_logs_one_conversation_with_several_people(workspace, ana, make_person):
    from amity.conversations.models import Conversation

    ben = make_person("Ben Okafor")
    carla = make_person("Carla Mendes")
    ok(amity("log", "ana,Ben", "Planning the winter appeal", "--with", "carla",
             "--channel", "video", "--fact", "need:a grant writer", "--fact", "offer:a van"))
    conversation = Conversation.objects.get()
    assert set(conversation.participants.all()) == {ana, ben, carla}
    assert conversation.channel == "video"
    for person in (ana, ben, carla):
        person.refresh_from_db()
        assert person.last_contact_at == conversation.happened_at
    # Facts belong to the first person named.
    assert sorted(ana.facts.values_list("kind", "text")) == [
        ("need", "a grant writer"), ("offer", "a van")]


@pytest.mark.django_db
def test_a_long_text_keeps_its_first_line_as_summary_and_all_of_it_in_notes(workspace, ana):
    from amity.conversations.models import Conversation

    said = "Long call about the appeal\n" + "She talked about volunteers. " * 20
    ok(amity("log", "ana", said, "--notes", "Follow the money."))
    conversation = Conversation.objects.get()
    assert conversation.summary == "Long call about the appeal"
    assert conversation.notes.startswith(said.strip())
    assert conversation.notes.endswith("Follow the money.")


@pytest.mark.django_db
def test_follow_ups_can_be_added_and_snoozed(workspace, ana):
    from amity.followups.models import FollowUp

    with travel(MONDAY):
        ok(amity("follow-up", "ana", "send her the grant guide", "--due", "friday"))
        follow_up = FollowUp.objects.get()
        assert (follow_up.action, follow_up.due_on) == ("send her the grant guide",
                                                        date(2026, 5, 8))
        out = ok(amity("snooze", follow_up.pk, "--days", 3)).stdout
    follow_up.refresh_from_db()
    assert follow_up.due_on == date(2026, 5, 11)
    assert "Mon 11 May" in out


# -- what matters to them ---------------------------------------------------------

@pytest.mark.django_db
def test_it_records_a_fact_and_flags_it_ask_again_when_old(workspace, ana):
    from amity.people.models import Fact

    with travel(datetime(2025, 1, 10, 12, tzinfo=UTC)):
        ok(amity("fact", "ana", "interest", "urban orchards"))
    fact = Fact.objects.get()
    assert (fact.person, fact.kind, fact.text) == (ana, "interest", "urban orchards")
    with travel(MONDAY):
        ok(amity("fact", "ana", "needs", "a grant writer"))
        shown = ok(amity("show", "ana")).stdout
        data = json.loads(ok(amity("show", "ana", "--json")).stdout)
    orchard = next(line for line in shown.splitlines() if "urban orchards" in line)
    writer = next(line for line in shown.splitlines() if "a grant writer" in line)
    assert "Interest" in orchard and "ask again" in orchard
    assert "Need" in writer and "ask again" not in writer
    assert {(f["kind"], f["ask_again"]) for f in data["facts"]} == {
        ("interest", True), ("need", False)}


@pytest.mark.django_db
def test_an_unknown_kind_of_fact_names_the_kind(workspace, ana):
    stderr = refused(amity("fact", "ana", "wish", "a pony"))
    assert stderr.startswith("amity: KIND: 'wish' is not a kind of fact")
    assert not ana.facts.exists()


# -- finding people -----------------------------------------------------------

@pytest.mark.django_db
def test_find_ignores_accents(workspace, make_person):
    jose = make_person("José Núñez")
    make_person("Ana Ruiz")
    out = ok(amity("find", "jose")).stdout
    assert "José Núñez" in out and "Ana Ruiz" not in out
    data = json.loads(ok(amity("find", "nunez", "--json")).stdout)
    assert [p["id"] for p in data["people"]] == [jose.pk]


@pytest.mark.django_db
def test_find_matches_a_word_said_in_a_conversation(workspace, ana, make_person):
    make_person("Ben Okafor")
    ok(amity("log", "ana", "Coffee at the market; she is looking for a grant writer"))
    out = ok(amity("find", "grant", "writer")).stdout
    assert "Ana Ruiz" in out and "Ben Okafor" not in out
    assert "No one matches 'harpsichord'." in ok(amity("find", "harpsichord")).stdout


@pytest.mark.django_db
def test_people_lists_by_tag_a_page_at_a_time(workspace, make_person):
    for i in range(5):
        make_person(f"Funder {i}", tags=["funder"])
    make_person("Volunteer", tags=["volunteer"])
    out = ok(amity("people", "--tag", "FUNDER", "--limit", 2)).stdout
    assert "Funder 0" in out and "Funder 1" in out and "Funder 2" not in out
    assert "1-2 of 5; next page: --offset 2" in out
    data = json.loads(ok(amity("people", "--tag", "funder", "--offset", 4, "--json")).stdout)
    assert data["total"] == 5 and [p["name"] for p in data["people"]] == ["Funder 4"]


@pytest.mark.django_db
def test_orgs_counts_the_people_there_now(workspace, ana, make_person):
    from amity.organisations.actions import add_affiliation, find_or_create_organisation

    food_bank = find_or_create_organisation(workspace, "Food Bank")
    add_affiliation(workspace, make_person("Ben Okafor"), food_bank)
    add_affiliation(workspace, make_person("Old Timer"), food_bank, end_on="2020-01-01")
    data = json.loads(ok(amity("orgs", "--json")).stdout)
    assert data["organisations"] == [
        {"id": food_bank.pk, "name": "Food Bank", "kind": "other", "people": 2}]
    assert "Food Bank" in ok(amity("orgs")).stdout


# -- changing and removing people -----------------------------------------------

@pytest.mark.django_db
def test_edit_changes_only_what_it_is_given(workspace, ana):
    ok(amity("edit", "ana", "--role", "Director", "--tag", "funder", "--remove-tag", "food",
             "--email", "ana@foodbank.org", "--cadence", 0))
    ana.refresh_from_db()
    assert [t.name for t in ana.tags.all()] == ["funder"]
    assert [e.email for e in ana.emails.all()] == ["ana@example.org", "ana@foodbank.org"]
    assert ana.cadence_days is None and ana.checkin_due_on is None
    assert ana.affiliations.get().role == "Director"
    assert "Ana Ruiz" in ok(amity("find", "director")).stdout  # the index knows the new role

    stderr = refused(amity("edit", "ana", "--remove-tag", "gardening"))
    assert stderr.startswith("amity: --remove-tag: gardening is not on their record")


@pytest.mark.django_db
def test_archive_hides_a_person_until_undone(workspace, ana):
    ok(amity("archive", "ana"))
    ana.refresh_from_db()
    assert ana.is_archived
    assert "Ana Ruiz" not in ok(amity("people")).stdout
    assert "Ana Ruiz" in ok(amity("people", "--archived")).stdout
    ok(amity("archive", "ana", "--undo"))
    ana.refresh_from_db()
    assert not ana.is_archived


@pytest.mark.django_db
def test_delete_asks_first(workspace, ana):
    from amity.people.models import Person

    result = amity("delete", "ana", input="n\n")
    assert result.exit_code == 1 and "Nothing deleted." in result.stdout
    assert Person.objects.filter(pk=ana.pk).exists()
    ok(amity("delete", "ana", "--yes"))
    assert not Person.objects.filter(pk=ana.pk).exists()


# -- mistakes get one line and exit 2, with nothing written -------------------------

@pytest.mark.django_db
def test_an_ambiguous_name_lists_the_candidates_and_writes_nothing(workspace, ana, make_person):
    from amity.conversations.models import Conversation

    bell = make_person("Ana Bell")
    stderr = refused(amity("log", "ana", "Coffee at the market"))
    lines = stderr.splitlines()
    assert lines[0] == "amity: 'ana' matches more than one person; use the id or more of the name:"
    assert any(f"#{ana.pk}" in line and "Ana Ruiz" in line and "Food Bank" in line
               for line in lines[1:])
    assert any(f"#{bell.pk}" in line and "Ana Bell" in line for line in lines[1:])
    assert Conversation.objects.count() == 0
    refused(amity("fact", "ana", "need", "a van"))
    assert not ana.facts.exists() and not bell.facts.exists()


@pytest.mark.django_db
def test_an_unknown_person_is_one_line(workspace):
    stderr = refused(amity("show", "Zed"))
    assert stderr == "amity: No person matching 'Zed'.\n"


@pytest.mark.django_db
def test_another_workspaces_people_and_follow_ups_are_not_found(workspace, other_workspace):
    from amity.followups.actions import create_follow_up
    from amity.people.actions import create_person

    bobs = create_person(other_workspace, display_name="Bob's friend")
    step = create_follow_up(other_workspace, bobs, action="call", due_on="today")
    assert refused(amity("show", bobs.pk)) == f"amity: No person #{bobs.pk}.\n"
    assert refused(amity("done", step.pk)) == f"amity: No follow-up #{step.pk}.\n"
    step.refresh_from_db()
    assert not step.is_done
    assert "Bob's friend" not in ok(amity("find", "friend")).stdout


@pytest.mark.django_db
def test_an_invalid_email_names_the_field_and_stores_nothing(workspace):
    from amity.people.models import Person

    stderr = refused(amity("add", "Ben Okafor", "--email", "not-an-email"))
    assert stderr.startswith("amity: --email: 'not-an-email' is not a valid email address")
    assert len(stderr.splitlines()) == 1
    assert not Person.objects.exists()


@pytest.mark.django_db
def test_a_bad_organisation_leaves_no_half_made_person(workspace):
    from amity.organisations.models import Organisation
    from amity.people.models import Person

    stderr = refused(amity("add", "Ben Okafor", "--org", "x" * 300))
    assert stderr.startswith("amity: --org: ")
    assert not Person.objects.exists() and not Organisation.objects.exists()


@pytest.mark.django_db
def test_a_bad_due_date_is_refused_and_nothing_is_logged(workspace, ana):
    from amity.conversations.models import Conversation
    from amity.followups.models import FollowUp

    stderr = refused(amity("log", "ana", "Coffee", "--follow-up", "call her", "--due", "blursday"))
    assert stderr.startswith("amity: --due: 'blursday' is not a date I understand")
    assert not Conversation.objects.exists()
    ana.refresh_from_db()
    assert ana.last_contact_at is None

    stderr = refused(amity("follow-up", "ana", "call her", "--due", "next blursday"))
    assert stderr.startswith("amity: --due: ")
    assert not FollowUp.objects.exists()


@pytest.mark.django_db
def test_one_bad_id_leaves_the_other_follow_ups_untouched(workspace, ana):
    from amity.followups.actions import create_follow_up

    step = create_follow_up(workspace, ana, action="call", due_on="today")
    assert refused(amity("done", step.pk, 999999)) == "amity: No follow-up #999999.\n"
    step.refresh_from_db()
    assert not step.is_done


@pytest.mark.django_db
def test_the_demo_will_not_mix_with_real_people_unless_told(workspace, ana):
    from amity.people.models import Person

    stderr = refused(amity("demo"))
    assert "already has 1 person" in stderr and "--yes" in stderr
    assert Person.objects.count() == 1


@pytest.mark.django_db
def test_the_demo_loads_a_network_into_an_empty_workspace(workspace):
    pytest.importorskip("amity.demo", reason="the demo generator has not landed yet")
    from amity.people.models import Person

    ok(amity("demo", "--people", 12, "--seed", 3))
    assert Person.objects.in_workspace(workspace).count() == 12
    assert ok(amity("today", "--json")).stdout


# -- output ------------------------------------------------------------------------

@pytest.mark.django_db
def test_every_json_output_parses(workspace, alice, ana):
    from django.utils import timezone

    outputs = {}

    def run(*args):
        outputs[args[0]] = json.loads(ok(amity(*args, "--json")).stdout)
        return outputs[args[0]]

    added = run("add", "Ben Okafor", "--org", "Food Bank", "--birthday", "1990-04-15")
    assert added["name"] == "Ben Okafor" and added["birthday"] == "1990-04-15"
    logged = run("log", "ana,ben", "Coffee", "--follow-up", "send the guide", "--due",
                 "2099-01-01", "--fact", "need:a van")
    assert logged["follow_ups"][0]["due_on"] == "2099-01-01"
    assert {p["name"] for p in logged["people"]} == {"Ana Ruiz", "Ben Okafor"}
    assert run("fact", "ben", "offer", "a spare room")["kind"] == "offer"
    assert run("follow-up", "ben", "call", "--due", "2099-02-01")["due_on"] == "2099-02-01"
    assert run("edit", "ben", "--cadence", 14)["cadence_days"] == 14
    assert run("today")["today"] == timezone.localdate().isoformat()
    assert run("find", "ben")["people"][0]["organisations"][0]["name"] == "Food Bank"
    shown = run("show", "ana")
    assert shown["emails"] == ["ana@example.org"] and shown["conversations_total"] == 1
    assert {p["name"] for p in run("people")["people"]} == {"Ana Ruiz", "Ben Okafor"}
    assert run("orgs")["organisations"][0]["people"] == 2
    assert run("token", "create")["token"].startswith("amity_")
    assert len(run("token", "list")) == 1


@pytest.mark.django_db
def test_names_and_facts_are_printed_as_typed_never_as_markup(workspace, ana):
    ok(amity("fact", "ana", "interest", "[red]seed saving[/red]"))
    ok(amity("add", "[bold]Bea[/bold]"))
    assert "[red]seed saving[/red]" in ok(amity("show", "ana")).stdout
    assert "[bold]Bea[/bold]" in ok(amity("people")).stdout


@pytest.mark.django_db
def test_tables_fit_in_80_columns(workspace, make_person):
    from amity.followups.actions import create_follow_up

    person = make_person("Maximiliana Wolfeschlegelsteinhausen-Bergerdorff",
                         cadence_days=7, tags=["coalition-steering-group", "funders"])
    create_follow_up(workspace, person, due_on="yesterday",
                     action="Send the long report about the winter appeal and the van " * 3)
    with travel(datetime.now(UTC) + timedelta(days=30)):
        for args in (["today"], ["people"], ["show", person.pk], ["find", "maximiliana"]):
            out = ok(amity(*args)).stdout
            assert max(len(line) for line in out.splitlines()) <= 80, args


@pytest.mark.django_db
def test_lists_take_a_fixed_number_of_queries(workspace, django_assert_max_num_queries):
    from amity.conversations.actions import log_conversation
    from amity.organisations.actions import add_affiliation, find_or_create_organisation
    from amity.people.actions import add_fact, create_person

    org = find_or_create_organisation(workspace, "Food Bank")
    people = []
    for i in range(30):
        person = create_person(workspace, display_name=f"Person {i}", cadence_days=1,
                               emails=[f"p{i}@example.org"], tags=["coalition", f"t{i}"])
        add_affiliation(workspace, person, org, role="Volunteer")
        add_fact(workspace, person, kind="interest", text="orchards")
        people.append(person)
    log_conversation(workspace, people, summary="Coalition meeting")
    ok(amity("people"))  # the first command of a process checks the migrations
    with travel(datetime.now(UTC) + timedelta(days=3)):
        for args, most in ((["people"], 7), (["find", "coalition"], 7), (["today"], 7),
                           (["orgs"], 3), (["show", people[0].pk], 12)):
            with django_assert_max_num_queries(most):
                ok(amity(*args))


@pytest.mark.django_db
def test_a_token_made_on_the_command_line_authenticates_until_revoked(workspace, alice):
    from amity.workspaces.actions import authenticate_token

    made = json.loads(ok(amity("token", "create", "--name", "laptop script", "--json")).stdout)
    assert made["name"] == "laptop script"
    token = authenticate_token(made["token"])
    assert (token.pk, token.workspace, token.user) == (made["id"], workspace, alice)
    listed = ok(amity("token", "list")).stdout
    assert "laptop script" in listed and made["token"] not in listed
    ok(amity("token", "revoke", made["id"]))
    assert authenticate_token(made["token"]) is None
    assert "revoked" in ok(amity("token", "list")).stdout


def test_help_lists_every_command_without_touching_a_database():
    out = ok(amity("--help")).stdout
    for name in COMMANDS:
        assert f" {name} " in out


# -- real processes on a fresh data folder (always SQLite: see the module docstring) --

AMITY_BIN = Path(sys.executable).parent / "amity"


def fresh_env(data_dir: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AMITY_")}
    env.update(AMITY_DATA_DIR=str(data_dir), COLUMNS="80", PYTHONUNBUFFERED="1")
    return env


def run(args, data_dir: Path, timeout=120):
    return subprocess.run(args, env=fresh_env(data_dir), capture_output=True, text=True,
                          timeout=timeout)


@pytest.mark.parametrize("command", [[sys.executable, "-m", "amity"], [str(AMITY_BIN)]],
                         ids=["python -m amity", ".venv/bin/amity"])
def test_the_installed_command_shows_its_help(command, tmp_path):
    data_dir = tmp_path / "data"
    result = run([*command, "--help"], data_dir)
    assert result.returncode == 0, result.stderr
    for name in COMMANDS:
        assert f" {name} " in result.stdout
    assert not data_dir.exists()  # --help opened no database and wrote no key


def test_a_fresh_data_folder_just_works(tmp_path):
    data_dir = tmp_path / "data"

    def amity_process(*args):
        result = run([str(AMITY_BIN), *args], data_dir)
        assert result.returncode == 0, result.stderr
        return result.stdout

    amity_process("add", "José Núñez", "--org", "Riverside Allotments", "--tag", "seeds")
    assert (data_dir / "amity.sqlite3").exists()
    amity_process("follow-up", "jose", "send the seed catalogue", "--due", "today")
    assert "José Núñez" in amity_process("find", "jose")
    agenda = json.loads(amity_process("today", "--json"))
    assert [(f["person"]["name"], f["action"]) for f in agenda["follow_ups"]] == [
        ("José Núñez", "send the seed catalogue")]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """`amity serve` on a fresh data folder; yields its base URL."""
    data_dir = tmp_path_factory.mktemp("served") / "data"
    port = free_port()
    process = subprocess.Popen([str(AMITY_BIN), "serve", "--port", str(port)],
                               env=fresh_env(data_dir), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert process.poll() is None, process.communicate()
                time.sleep(0.2)
        yield url, process
    finally:
        process.terminate()
        process.wait(timeout=20)


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (our own http URL)
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Content-Type", ""), exc.read()


def test_serve_runs_a_real_wsgi_server(served):
    url, process = served
    assert process.stdout.readline().startswith(f"Amity is running at {url}")
    status, content_type, _ = fetch(url)
    assert status < 500 and content_type.startswith("text/html")
    assert process.poll() is None


def test_serve_serves_the_packaged_static_files(served):
    url, _ = served
    status, content_type, body = fetch(url + "static/amity/app.css")
    assert (status, content_type.split(";")[0]) == (200, "text/css") and body
