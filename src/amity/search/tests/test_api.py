"""The JSON API for search: /api/search?q=, person summaries in rank order."""


from amity.conversations.actions import log_conversation
from amity.people.actions import add_fact, archive_person


def names(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [p["display_name"] for p in response.json()["items"]]


def test_it_ranks_a_name_match_above_a_mention_in_notes(api, workspace, make_person):
    ana = make_person("Ana Ruiz")
    log_conversation(workspace, [ana], summary="Talked about the Garcia family farm")
    make_person("Lucia Garcia")

    assert names(api.get("/api/search?q=garcia")) == ["Lucia Garcia", "Ana Ruiz"]


def test_it_finds_people_by_what_matters_to_them_ignoring_accents(api, workspace, make_person):
    kofi = make_person("Kofi Mensah")
    add_fact(workspace, kofi, kind="interest", text="Café co-operatives")
    make_person("Bea Stone")

    assert names(api.get("/api/search?q=cafe")) == ["Kofi Mensah"]


def test_it_answers_person_summaries_a_page_at_a_time(api, make_person):
    for name in ("Ana One", "Ana Two", "Ana Three"):
        make_person(name, cadence_days=30)

    first = api.get("/api/search?q=ana&page_size=2").json()
    second = api.get("/api/search?q=ana&page_size=2&page=2").json()

    assert first["count"] == 3 and len(first["items"]) == 2 and len(second["items"]) == 1
    seen = {p["display_name"] for p in first["items"] + second["items"]}
    assert seen == {"Ana One", "Ana Two", "Ana Three"}
    assert set(first["items"][0]) == {"id", "display_name", "location", "importance",
                                      "cadence_days", "last_contact_at", "checkin_due_on",
                                      "archived"}


def test_it_leaves_out_archived_people_unless_asked(api, workspace, make_person):
    archive_person(workspace, make_person("Ana Ruiz"))

    assert names(api.get("/api/search?q=ana")) == []
    assert names(api.get("/api/search?q=ana&archived=true")) == ["Ana Ruiz"]


def test_it_never_finds_another_workspaces_people(api, bob, other_workspace, make_person):
    make_person("Ana Bobson", ws=other_workspace)

    assert names(api.get("/api/search?q=ana")) == []


def test_it_needs_a_query(api):
    response = api.get("/api/search")

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "q"]
