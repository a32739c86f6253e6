"""JSON API for search across everything you know about your people."""

from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from amity.people.models import Person
from amity.search.index import search_ids
from amity.search.schemas import PersonSummaryOut
from amity.workspaces.api import PAGINATION_HELP, Pages, current_workspace
from amity.workspaces.schemas import ERRORS

# Hits beyond this rank are not offered: refine the words instead.
SEARCH_LIMIT = 1_000

router = Router(tags=["search"])


class RankedPeople:
    """Search hits in rank order, as a sequence the paginator can slice: each
    slice loads just that page of people, in one query."""

    def __init__(self, workspace, ids: list[int]):
        self.workspace = workspace
        self.ids = ids

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, page: slice) -> list[Person]:
        ids = self.ids[page]
        found = Person.objects.in_workspace(self.workspace).in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]


class SearchParams(Schema):
    q: str = Field(max_length=200, description="Words to find (each as the start of a word, "
                                               "accents ignored); all must match.")
    archived: bool = Field(False, description="true: include archived people.")


@router.get("", response={200: list[PersonSummaryOut], **ERRORS}, summary="Search people",
            description="People matching every word in their names, contact details, "
                        "organisations, tags, facts or conversation notes, best match first "
                        f"(at most {SEARCH_LIMIT:,}). " + PAGINATION_HELP)
@paginate(Pages)
def search(request, params: Query[SearchParams]):
    workspace = current_workspace(request)
    hits = search_ids(workspace, params.q, limit=SEARCH_LIMIT, include_archived=params.archived)
    return RankedPeople(workspace, hits.ids)
