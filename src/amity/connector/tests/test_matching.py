"""Who should meet, in what order, who is left out, and the reason given:
small networks with known right answers."""

from datetime import date

import pytest

from amity.connector import termindex
from amity.connector.actions import add_relationship, decline, start_introduction
from amity.connector.matching import suggest, suggest_for
from amity.connector.scoring import Match, Profile, TermScorer, reason_text
from amity.organisations.actions import add_affiliation, create_organisation
from amity.people.actions import archive_person


def pairs(suggestions):
    return [(s.person_a.display_name, s.person_b.display_name) for s in suggestions]


def test_it_suggests_the_need_and_the_offer_with_a_plain_reason(workspace, ana, ben):
    [only] = suggest(workspace)
    assert (only.person_a, only.person_b) == (ana, ben)
    assert only.reason == ("Ana needs a grant writer for the spring appeal; "
                           "Ben writes grants for free for small groups; "
                           "both care about food sovereignty")
    assert only.score > 0


def test_it_puts_the_one_in_need_first_whichever_was_added_first(workspace, person_with):
    giver = person_with("Gita Rao", offer="can lend the credit union's meeting room")
    seeker = person_with("Sam Lee", need="meeting space near the bus line")
    [only] = suggest(workspace)
    assert (only.person_a, only.person_b) == (seeker, giver)
    assert only.reason == ("Sam needs meeting space near the bus line; "
                           "Gita can lend the credit union's meeting room")


def test_it_ranks_a_met_need_above_a_shared_interest_and_rare_above_common(
        workspace, person_with, ana, ben):
    # Four people keen on gardening (common here), two on beekeeping (rare).
    for name in ("Cleo Diaz", "Dev Patel", "Eli Stone", "Fay Moss"):
        person_with(name, interest="gardening")
    person_with("Gus Hahn", interest="beekeeping")
    person_with("Hana Ito", interest="urban beekeeping")
    ranked = pairs(suggest(workspace))
    assert ranked[0] == ("Ana Ruiz", "Ben Okafor")
    assert ranked[1] == ("Gus Hahn", "Hana Ito")
    gardeners = {"Cleo Diaz", "Dev Patel", "Eli Stone", "Fay Moss"}
    assert ranked[2:] and all(set(pair) <= gardeners for pair in ranked[2:])


def test_one_person_is_in_at_most_two_suggested_pairs(workspace, person_with):
    for name in ("Cleo Diaz", "Dev Patel", "Eli Stone", "Fay Moss", "Gus Hahn"):
        person_with(name, interest="gardening")
    ranked = pairs(suggest(workspace))
    # Of the 10 pairs, best first: Cleo+Dev, Cleo+Eli, Dev+Eli (three now full), Fay+Gus.
    assert len(ranked) == 4
    for name in ("Cleo Diaz", "Dev Patel", "Eli Stone", "Fay Moss", "Gus Hahn"):
        assert 1 <= sum(name in pair for pair in ranked) <= 2


def test_it_says_when_they_care_about_different_but_related_things(workspace, person_with):
    person_with("Gus Hahn", interest="beekeeping")
    person_with("Hana Ito", value="protecting urban beekeeping")
    [only] = suggest(workspace)
    assert only.reason == "Gus cares about beekeeping, Hana about protecting urban beekeeping"


def test_it_leaves_out_archived_people(workspace, ana, ben):
    archive_person(workspace, ben)
    assert suggest(workspace) == []
    assert suggest_for(workspace, ana) == []
    assert suggest_for(workspace, ben) == []


def test_it_leaves_out_people_who_already_know_each_other(workspace, ana, ben):
    add_relationship(workspace, ben, ana, kind="colleagues")
    assert suggest(workspace) == []
    assert suggest_for(workspace, ana) == []


def test_it_leaves_out_pairs_already_in_an_introduction_even_a_declined_one(
        workspace, ana, ben):
    intro = start_introduction(workspace, ana, ben)
    decline(workspace, intro, by="me")
    assert suggest(workspace) == []
    assert suggest_for(workspace, ben) == []


def test_a_kept_ranking_still_sees_new_introductions_and_edited_facts(workspace, ana, ben):
    from amity.people.actions import update_fact

    assert len(suggest(workspace)) == 1
    fact = ben.facts.get(kind="offer")
    update_fact(workspace, fact, text="Writes grant applications")
    assert "Ben writes grant applications" in suggest(workspace)[0].reason
    start_introduction(workspace, ana, ben)
    assert suggest(workspace) == []


def test_it_leaves_out_people_at_the_same_organisation_now(workspace, ana, ben):
    food_bank = create_organisation(workspace, name="Riverside Food Bank")
    add_affiliation(workspace, ana, food_bank, role="Volunteer")
    add_affiliation(workspace, ben, food_bank, role="Director")
    assert suggest(workspace) == []


def test_it_keeps_people_who_worked_at_the_same_place_in_the_past(workspace, ana, ben):
    food_bank = create_organisation(workspace, name="Riverside Food Bank")
    add_affiliation(workspace, ana, food_bank, end_on=date(2020, 1, 31))
    add_affiliation(workspace, ben, food_bank)
    assert pairs(suggest(workspace)) == [("Ana Ruiz", "Ben Okafor")]


def test_it_drops_a_reason_on_a_topic_to_avoid_and_keeps_the_rest(workspace, person_with):
    person_with("Ana Ruiz", need="a grant writer for the spring appeal",
                value="food sovereignty", avoid="anything about food politics")
    person_with("Ben Okafor", offer="writes grants for free for small groups",
                value="food sovereignty")
    [only] = suggest(workspace)
    assert "food" not in only.reason
    assert only.reason.startswith("Ana needs a grant writer")


def test_it_leaves_out_a_pair_whose_only_reason_is_a_topic_to_avoid(workspace, person_with):
    person_with("Lea Marx", interest="urban soil health", avoid="the soil contamination case")
    person_with("Max Roth", interest="urban soil health")
    assert suggest(workspace) == []


def test_it_suggests_for_one_person_with_that_person_first(workspace, person_with, ana, ben):
    person_with("Cleo Diaz", value="food sovereignty")
    person_with("Dev Patel", interest="beekeeping")
    found = suggest_for(workspace, ben)
    assert pairs(found) == [("Ben Okafor", "Ana Ruiz"), ("Ben Okafor", "Cleo Diaz")]
    assert found[0].reason == ("Ana needs a grant writer for the spring appeal; "
                               "Ben writes grants for free for small groups; "
                               "both care about food sovereignty")
    assert found[1].reason == "both care about food sovereignty"
    assert len(suggest_for(workspace, ben, limit=1)) == 1


def test_it_suggests_nothing_for_someone_we_know_nothing_about(workspace, make_person, ana):
    assert suggest_for(workspace, make_person("Nobody Known")) == []


def test_it_never_mixes_workspaces(workspace, other_workspace, person_with, ana):
    stranger = person_with("Bruno Bobson", ws=other_workspace,
                           offer="writes grants for free for small groups")
    assert suggest(workspace) == []
    assert suggest(other_workspace) == []
    assert suggest_for(workspace, stranger) == []


def test_it_respects_the_limit(workspace, person_with):
    for i in range(6):
        person_with(f"Gardener {i}", interest="community gardening")
    assert len(suggest(workspace, limit=4)) == 4


def test_it_skips_a_term_nearly_everyone_has(workspace, person_with, monkeypatch):
    monkeypatch.setattr(termindex, "CAP", 2)
    for i in range(5):
        person_with(f"Organiser {i}", interest="organising")
    person_with("Gus Hahn", interest="beekeeping")
    person_with("Hana Ito", interest="beekeeping")
    assert pairs(suggest(workspace)) == [("Gus Hahn", "Hana Ito")]


def test_it_reads_a_long_posting_list_only_for_the_closest_people(workspace, person_with,
                                                                   monkeypatch):
    monkeypatch.setattr(termindex, "CAP", 2)
    monkeypatch.setattr(termindex, "MAX_SHARE", 1.0)
    close = [person_with(f"Close {i}", interest="beekeeping") for i in range(2)]
    for person in close:
        person.importance = 3
        person.save()
    person_with("Far 1", interest="beekeeping")
    assert pairs(suggest(workspace)) == [("Close 0", "Close 1")]


def test_the_cached_index_of_a_large_workspace_picks_up_new_facts(workspace, person_with,
                                                                   monkeypatch, ana):
    monkeypatch.setattr(termindex, "FRESH_LIMIT", 0)
    termindex.forget()
    assert suggest_for(workspace, ana) == []
    cached = termindex.index_for(workspace)
    assert termindex.index_for(workspace) is cached
    ben = person_with("Ben Okafor", offer="writes grants for free for small groups")
    assert [s.person_b for s in suggest_for(workspace, ana)] == [ben]
    termindex.forget(workspace)


def test_suggestions_for_one_person_follow_an_edited_fact(workspace, person_with, ana):
    from amity.people.actions import update_fact

    ben = person_with("Ben Okafor", offer="teaches composting")
    assert suggest_for(workspace, ana) == []
    update_fact(workspace, ben.facts.get(), text="writes grants for free")
    assert [s.person_b for s in suggest_for(workspace, ana)] == [ben]


class Everyone:
    """A stand-in scorer: every pair with facts fits, with one made-up reason."""

    def score(self, a: Profile, b: Profile):
        match = Match("goals", a.facts[0].text, b.facts[0].text, frozenset({"x"}), 1.0)
        return 1.0, [match]


def test_the_scorer_can_be_replaced_without_touching_the_pipeline(workspace, person_with):
    person_with("Gus Hahn", interest="beekeeping")
    person_with("Hana Ito", interest="jazz")
    # The term index finds no candidates for them; a scorer ranks the candidates it is given.
    assert suggest(workspace, scorer=Everyone()) == []
    ana = person_with("Ana Ruiz", interest="jazz")
    [only] = suggest_for(workspace, ana, scorer=Everyone())
    assert only.reason == "both have the goal: jazz"


def test_the_term_scorer_weighs_rare_terms_more():
    scorer = TermScorer(lambda term: {"beekeep": 3.0, "garden": 1.0}.get(term, 1.0))
    a, b = Profile(1), Profile(2)
    a.add("interest", "beekeeping")
    b.add("interest", "beekeeping")
    c, d = Profile(3), Profile(4)
    c.add("interest", "gardening")
    d.add("interest", "gardening")
    assert scorer.score(a, b)[0] > scorer.score(c, d)[0]


@pytest.mark.parametrize(("offer", "clause"), [
    ("writes grants for free", "Ben writes grants for free"),
    ("Writes grants", "Ben writes grants"),
    ("Spanish lessons", "Ben offers Spanish lessons"),
    ("can lend a van", "Ben can lend a van"),
])
def test_it_phrases_an_offer_as_a_sentence(offer, clause):
    match = Match("a_needs", "a grant writer", offer, frozenset(), 1.0)
    assert reason_text("Ana", "Ben", [match]) == f"Ana needs a grant writer; {clause}"
