"""The printable brief page and GET /api/brief/{person_id}, on Ana (see conftest.py)."""

from django.urls import reverse

from amity.people.actions import add_fact
from amity.questions.models import AskedQuestion

XSS = '<script>alert("owned")</script><img src=x onerror=alert(1)>'


def brief_page(client, person) -> str:
    response = client.get(reverse("brief:person", args=[person.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_it_shows_the_whole_brief_in_order(alice_client, ana):
    page = brief_page(alice_client, ana)
    order = ["Ana Ruiz", "(she/her)", "Who they are", "Coordinator, Food Bank", "Leeds",
             "the allotment open day", "introduced by Ben Okafor", "Where you are",
             "What matters to them", "a grant writer", "Last conversations",
             "Coffee at the market", "went great", "they seemed: hopeful", "Open threads",
             "Send her the land trust article", "overdue", "an introduction to the council",
             "Give and take", "shared the funder list", "Questions to ask next",
             "Asked before", "People they might want to meet"]
    at = 0
    for text in order:  # each one after the one before
        at = page.index(text, at)
    assert "Seed Library" not in page and "Old step" not in page
    assert "New year catch-up" not in page  # only the last three conversations


def test_it_flags_the_stale_fact_only(alice_client, ana):
    page = brief_page(alice_client, ana)
    facts = page[page.index('id="brief-facts"'):page.index('id="brief-conversations"')]
    need = facts[facts.index("a grant writer"):]
    assert "ask again" in need[:need.index("</li>")]
    gardens = facts[facts.index("community gardens"):]
    assert "ask again" not in gardens[:gardens.index("</li>")]


def test_it_is_printable_without_inline_script(alice_client, ana):
    page = brief_page(alice_client, ana)
    assert "brief/brief.css" in page and "brief/brief.js" in page
    assert "<button type=\"button\" class=\"secondary\" data-print hidden>" in page
    assert "onclick" not in page and "<style" not in page
    assert "use your browser's Print" in page


def test_it_escapes_what_people_typed(alice_client, workspace, ana):
    add_fact(workspace, ana, kind="value", text=XSS)
    page = brief_page(alice_client, ana)
    assert XSS not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt;" in page


def test_it_notes_an_answer_from_the_brief_and_comes_back_to_it(alice_client, ana):
    page = brief_page(alice_client, ana)
    url = reverse("brief:person", args=[ana.pk])
    assert f'name="next" value="{url}"' in page
    question_id = int(page.split('name="question" value="')[1].split('"')[0])
    response = alice_client.post(reverse("questions:ask"), {
        "person": ana.pk, "question": question_id, "answer": "a cargo bike", "fact_kind": "need",
        "next": url})
    assert response.status_code == 302 and response["Location"] == url
    assert AskedQuestion.objects.get().fact.text == "a cargo bike"
    assert "a cargo bike" in brief_page(alice_client, ana)


def test_it_answers_404_for_another_workspaces_person(alice_client, bobs_person):
    response = alice_client.get(reverse("brief:person", args=[bobs_person.pk]))
    assert response.status_code == 404


def test_it_links_the_brief_from_the_person_page(alice_client, ana):
    page = alice_client.get(reverse("people:detail", args=[ana.pk])).content.decode()
    assert reverse("brief:person", args=[ana.pk]) in page


# -- the API ---------------------------------------------------------------------------

def test_it_returns_the_brief_as_json(api, ana, ben):
    response = api.get(f"/api/brief/{ana.pk}")
    assert response.status_code == 200, response.content
    brief = response.json()
    assert (brief["display_name"], brief["pronouns"], brief["location"]) == (
        "Ana Ruiz", "she/her", "Leeds")
    assert brief["organisations"] == [{"id": brief["organisations"][0]["id"],
                                       "name": "Food Bank", "role": "Coordinator",
                                       "represents": True}]
    assert brief["how_met"]["introduced_by"] == {"id": ben.pk, "display_name": "Ben Okafor"}
    assert brief["stage"]["label"] and isinstance(brief["stage"]["evidence"], list)
    matters = {g["kind"]: [(f["text"], f["stale"]) for f in g["facts"]]
               for g in brief["what_matters"]}
    assert matters == {"interest": [("community gardens", False)],
                       "need": [("a grant writer", True)]}
    assert brief["stale_facts"] == 1
    assert [c["summary"] for c in brief["conversations"]][0] == "Coffee at the market"
    assert [(f["action"], f["overdue"]) for f in brief["follow_ups"]] == [
        ("Send her the land trust article", True)]
    assert [a["description"] for a in brief["open_asks"]["from_them"]] == [
        "an introduction to the council"]
    assert brief["balance"]["given"] == 1 and brief["balance"]["net"] == 0
    assert brief["balance"]["last_given"]["description"] == "shared the funder list"
    assert len(brief["suggested_questions"]) == 3
    assert all(q["reason"] for q in brief["suggested_questions"])
    assert brief["people_to_meet"] == [] or {"person", "reason"} <= set(
        brief["people_to_meet"][0])


def test_it_answers_404_for_another_workspaces_brief(api, bobs_person):
    assert api.get(f"/api/brief/{bobs_person.pk}").status_code == 404
    assert api.get("/api/brief/999999").status_code == 404
