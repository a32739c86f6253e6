"""`amity suggest intros`, `intro`, `intros`, `intro-step`, `know` and `path`.

The CLI acts in the first workspace: Alice's (the ``workspace`` fixture).
"""

import json
from datetime import datetime

import pytest
import time_machine
from django.utils import timezone

from amity.cli.testing import invoker, ok, refused
from amity.connector.models import Introduction, Relationship
from amity.organisations.actions import add_affiliation, create_organisation

amity = invoker(columns=160)


@pytest.fixture(autouse=True)
def frozen_day():
    with time_machine.travel(datetime(2026, 3, 10, 9, 0), tick=False):
        yield


def test_it_suggests_introductions_with_the_reason(ana, ben):
    out = ok(amity("suggest", "intros"))
    assert "Ana Ruiz" in out and "Ben Okafor" in out and "Ana needs a grant writer" in out
    [only] = json.loads(ok(amity("suggest", "intros", "--json")))
    assert only["person_a"] == {"id": ana.pk, "name": "Ana Ruiz"}
    assert only["reason"].endswith("both care about food sovereignty")
    [mine] = json.loads(ok(amity("suggest", "intros", "--for", "ben", "--json")))
    assert mine["person_a"]["id"] == ben.pk


def test_it_says_so_when_there_is_nothing_to_suggest(workspace):
    assert "No introductions to suggest yet" in ok(amity("suggest", "intros"))
    assert json.loads(ok(amity("suggest", "intros", "--json"))) == []


def test_it_starts_an_introduction_and_prints_the_draft(ana, ben):
    out = ok(amity("intro", "ana", "ben"))
    intro = Introduction.objects.get()
    assert f"Introduction #{intro.pk}: Ana Ruiz and Ben Okafor" in out
    assert "Ana, meet Ben. Ben writes grants for free for small groups" in out
    assert "Ask Ana whether they would like to meet Ben" in out
    assert f"amity intro-step {intro.pk} asked-a" in out


def test_it_walks_the_steps_and_lists_what_waits(ana, ben):
    ok(amity("intro", "ana", "ben", "--no-follow-up"))
    intro = Introduction.objects.get()
    assert "Ana Ruiz and Ben Okafor: Asked the first person." in ok(
        amity("intro-step", intro.pk, "asked-a"))
    listed = ok(amity("intros"))
    assert "waiting for Ana's answer" in listed
    for step in ("a-agreed", "asked_b"):
        ok(amity("intro-step", intro.pk, step))
    out = ok(amity("intro-step", intro.pk, "b-agreed"))
    assert "Both said yes. The draft to send:" in out
    data = json.loads(ok(amity("intro-step", intro.pk, "introduced", "--json")))
    assert data["status"] == "introduced" and len(data["steps"]) == 6
    assert "They met" in ok(amity("intro-step", intro.pk, "met", "--note", "coffee"))
    assert json.loads(ok(amity("intros", "--status", "introduced", "--json")))[0]["outcome"] == \
        "met"


def test_it_refuses_bad_introductions_with_a_clear_line(ana, ben, make_person):
    assert "A: " not in refused(amity("intro", "ana", "ana"))
    assert "B: An introduction needs two different people" in refused(amity("intro", "ana",
                                                                          "ana"))
    gone = make_person("Gone Away")
    gone.archive()
    assert "is archived" in refused(amity("intro", "ben", str(gone.pk)))
    ok(amity("intro", "ana", "ben"))
    assert "already have an introduction under way" in refused(amity("intro", "ben", "ana"))
    intro = Introduction.objects.get()
    err = refused(amity("intro-step", intro.pk, "introduced"))
    assert err.startswith("amity: STEP: The introduction")
    assert "Next: asked_a (Asked the first person) or declined." in err
    assert "is not a step" in refused(amity("intro-step", intro.pk, "hugged"))
    assert "No introduction #999" in refused(amity("intro-step", 999, "asked-a"))
    intro.refresh_from_db()
    assert intro.status == "suggested"


def test_it_declines_naming_who(ana, ben):
    ok(amity("intro", "ana", "ben"))
    intro = Introduction.objects.get()
    assert "Declined" in ok(amity("intro-step", intro.pk, "declined", "--by", "b"))
    intro.refresh_from_db()
    assert intro.declined_by == "b"


def test_it_never_touches_another_workspaces_introduction(workspace, other_workspace,
                                                          make_person):
    from amity.connector.actions import start_introduction

    bruno = make_person("Bruno Bobson", ws=other_workspace)
    bea = make_person("Bea Bobson", ws=other_workspace)
    theirs = start_introduction(other_workspace, bruno, bea)
    assert "No introduction" in refused(amity("intro-step", theirs.pk, "asked-a"))
    assert "No person" in refused(amity("intro", str(bruno.pk), str(bea.pk)))


def test_it_records_and_forgets_who_knows_whom(ana, ben):
    out = ok(amity("know", "ana", "ben", "--kind", "colleagues", "--strength", "3"))
    assert "Noted: Ana Ruiz and Ben Okafor (colleagues, strength 3)." in out
    edge = Relationship.objects.get()
    assert (edge.kind, edge.strength) == ("colleagues", 3)
    assert "--kind: 'rivals' is not a kind of relationship" in refused(
        amity("know", "ana", "ben", "--kind", "rivals"))
    data = json.loads(ok(amity("know", "ana", "ben", "--kind", "friends", "--json")))
    assert data["kind"] == "friends" and Relationship.objects.count() == 1
    assert "Forgot" in ok(amity("know", "ana", "ben", "--forget"))
    assert Relationship.objects.count() == 0


def test_it_finds_warm_paths_to_a_person_or_an_organisation(workspace, make_person):
    ana = make_person("Ana Ruiz")
    ana.last_contact_at = timezone.now()
    ana.save()
    ben = make_person("Ben Okafor")
    ok(amity("know", "ana", "ben", "--kind", "friends"))
    food_bank = create_organisation(workspace, name="Riverside Food Bank")
    add_affiliation(workspace, ben, food_bank)
    out = ok(amity("path", "ben"))
    assert "you → Ana Ruiz → Ben Okafor" in out
    assert "Ana Ruiz and Ben Okafor are friends" in out
    data = json.loads(ok(amity("path", "Food Bank", "--json")))
    assert data["target"]["type"] == "organisation"
    assert data["paths"][0]["explanation"].endswith("Ben Okafor is at Riverside Food Bank")
    assert json.loads(ok(amity("path", str(food_bank.pk), "--org", "--json")))["paths"]
    assert "No warm path to" in ok(amity("path", make_person("Island Person").pk))
    assert "No person or organisation matching 'Atlantis'" in refused(amity("path",
                                                                            "Atlantis"))
