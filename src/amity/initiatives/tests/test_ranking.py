"""Whom to invite: the ranking on a hand-made network with a known right answer."""



from amity.initiatives import actions
from amity.initiatives.ranking import rank
from amity.journey.actions import pin_stage


def names(candidates):
    return [c.person.display_name for c in candidates]


def test_it_ranks_the_people_who_fit_best_first(workspace, seed_library, bruno):
    ranked = names(rank(workspace, seed_library))

    # Ana meets both needs; Ben's "grant" is rarer than Cara's "writing";
    # Dan only shares the allotments of the description.
    assert ranked[:4] == ["Ana Ruiz", "Ben Okafor", "Cara Lind", "Dan Price"]
    # A need is not an offer; archived people and other workspaces never appear.
    assert "Eve Stone" not in ranked
    assert "Fay Morgan" not in ranked
    assert "Bruno Bobson" not in ranked


def test_it_gives_the_reason_in_plain_words(workspace, seed_library):
    ana = rank(workspace, seed_library)[0]

    assert ana.reason == "offers grant writing for small charities; cares about food security"
    assert ana.needs_met == ["grant writing", "food security"]
    assert ana.score > rank(workspace, seed_library)[1].score


def test_it_leaves_out_people_already_invited_or_taking_part(workspace, seed_library, network):
    actions.draft_invitation(workspace, seed_library, network["ana"])
    actions.add_participant(workspace, seed_library, network["ben"], role="treasurer")

    ranked = names(rank(workspace, seed_library))

    assert ranked[:2] == ["Cara Lind", "Dan Price"]


def test_it_flags_people_you_have_only_just_noticed(workspace, seed_library, network):
    pin_stage(workspace, network["ben"], "trusted")
    pin_stage(workspace, network["cara"], "first_contact")
    pin_stage(workspace, network["ana"], "noticed")

    by_name = {c.person.display_name: c for c in rank(workspace, seed_library)}

    assert by_name["Ana Ruiz"].stage == "noticed"
    assert by_name["Ana Ruiz"].flag == "you have only just noticed them — get to know them first"
    assert "just met" in by_name["Cara Lind"].flag
    assert by_name["Ben Okafor"].stage_label == "Trusted"
    assert by_name["Ben Okafor"].flag == ""


def test_it_matches_words_across_forms_and_accents(workspace, make_person, facts):
    facts(make_person("Zoë Nguyễn"), value="Sécurité alimentaire", offer="fundraising")
    initiative = actions.create_initiative(workspace, name="Panier", needs=[
        "interest: sécurité alimentaire", "funders"])

    found = rank(workspace, initiative)

    assert names(found) == ["Zoë Nguyễn"]
    assert found[0].needs_met == ["sécurité alimentaire"]


def test_it_finds_nobody_for_an_initiative_without_needs_or_words(workspace, network):
    initiative = actions.create_initiative(workspace, name="X")

    assert rank(workspace, initiative) == []


def test_it_respects_the_limit(workspace, seed_library):
    assert len(rank(workspace, seed_library, limit=2)) == 2


def test_it_asks_a_fixed_number_of_queries_whatever_the_size(
        workspace, seed_library, make_person, facts, django_assert_max_num_queries):
    for i in range(30):
        facts(make_person(f"Grower {i}"), interest="food security")
    # Needs and postings, a count, the taken people, the facts (one batch),
    # the people and the journey's evidence: never one query per person.
    with django_assert_max_num_queries(40):
        found = rank(workspace, seed_library, limit=30)
    assert len(found) == 30


def test_it_ranks_the_same_before_the_term_index_is_ready(workspace, seed_library, monkeypatch):
    from amity.connector import termindex

    from_index = rank(workspace, seed_library)
    # A large workspace's first request: the search index stands in.
    monkeypatch.setattr(termindex, "ready", lambda ws: False)
    from_search = rank(workspace, seed_library)

    assert names(from_search)[:4] == names(from_index)[:4] == [
        "Ana Ruiz", "Ben Okafor", "Cara Lind", "Dan Price"]
    assert "Fay Morgan" not in names(from_search)


def test_it_leaves_out_people_archived_since_the_term_index_was_built(
        workspace, seed_library, network, monkeypatch):
    from amity.connector import termindex
    from amity.people.actions import archive_person

    stale = termindex.build(workspace, keep_profiles=False)
    archive_person(workspace, network["ana"])
    monkeypatch.setattr(termindex, "index_for", lambda ws: stale)

    ranked = names(rank(workspace, seed_library))

    assert "Ana Ruiz" not in ranked
    assert ranked[:2] == ["Ben Okafor", "Cara Lind"]
