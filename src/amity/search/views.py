"""Search results: people in rank order, fetched in a fixed number of queries."""

from django.db.models import Prefetch, Q
from django.shortcuts import render
from django.utils import timezone

from amity.organisations.models import Affiliation
from amity.parsing import fold
from amity.people.models import Person
from amity.search.index import search_ids, words
from amity.web import member_required

PER_PAGE = 20


def _page_number(request) -> int:
    raw = request.GET.get("page", "1")
    return max(1, min(int(raw), 10_000)) if raw.isdigit() else 1


def _where_matched(person, terms: list[str]) -> str:
    """A cheap hint of why a person is here, from what is already loaded."""
    def has_all(*texts):
        folded = words(" ".join(texts))
        return all(any(w.startswith(t) for w in folded) for t in terms)

    if has_all(person.display_name, person.given_name, person.family_name, person.nickname):
        return ""
    if has_all(*(a.organisation.name for a in person.current_affiliations)):
        return "organisation"
    if has_all(*(t.name for t in person.tags.all())):
        return "tags"
    return "notes, interests or contact details"


@member_required
def results(request):
    q = request.GET.get("q", "").strip()[:200]
    include_archived = request.GET.get("archived") == "1"
    number = _page_number(request)
    people, has_more = [], False
    if q:
        hits = search_ids(request.workspace, q, limit=PER_PAGE, offset=(number - 1) * PER_PAGE,
                          include_archived=include_archived)
        current = Q(end_on__isnull=True) | Q(end_on__gte=timezone.localdate())
        found = (Person.objects.in_workspace(request.workspace)
                 .prefetch_related("tags", Prefetch(
                     "affiliations", to_attr="current_affiliations",
                     queryset=Affiliation.objects.filter(current).select_related("organisation")))
                 .in_bulk(hits.ids))
        people = [found[pk] for pk in hits.ids if pk in found]
        terms = [fold(t) for t in words(q)]
        for person in people:
            person.matched_in = _where_matched(person, terms)
        has_more = hits.has_more
    return render(request, "search/results.html", {
        "q": q, "people": people, "include_archived": include_archived, "number": number,
        "has_more": has_more, "first": (number - 1) * PER_PAGE + 1})
