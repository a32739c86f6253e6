"""JSON API for people and their facts.

Each endpoint: guard (the API's auth) -> fetch (scoped with ``access_*``) ->
one action call -> respond. The actions raise ``Invalid``/``NotFound``,
which ``amity.api`` turns into 422/404 in one place.
"""

from django.db.models import Prefetch, Q, prefetch_related_objects
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from amity.conversations.actions import access_conversation
from amity.organisations.models import Affiliation
from amity.people import actions
from amity.people.actions import access_fact, access_person
from amity.people.models import Fact, Person, Tag
from amity.people.schemas import (
    FactIn,
    FactKindValue,
    FactOut,
    FactPatch,
    PersonIn,
    PersonOut,
    PersonPatch,
)
from amity.search.index import search_ids
from amity.workspaces.api import PAGINATION_HELP, Pages, current_workspace
from amity.workspaces.schemas import ERRORS, ERRORS_404

# ``?q=`` narrows the list to at most this many search hits; a query that
# matches more is too broad to page through anyway.
SEARCH_LIMIT = 10_000

router = Router(tags=["people"])
facts_router = Router(tags=["facts"])


def person_details() -> list:
    """What a PersonOut shows beyond the person's own row: four more queries for any number."""
    today = timezone.localdate()
    current = (Affiliation.objects.filter(Q(end_on__isnull=True) | Q(end_on__gte=today))
               .select_related("organisation").order_by("organisation__name", "id"))
    return ["emails", "phones", "tags",
            Prefetch("affiliations", queryset=current, to_attr="current_affiliations")]


def _tags_named(workspace, name: str) -> list[int]:
    """Ids of the tags called ``name`` in any case. Compared in Python, as the
    actions do: SQLite's iexact folds ASCII only ("économie" vs "Économie")."""
    wanted = name.lstrip("#").strip().casefold()
    return [pk for pk, tag in Tag.objects.in_workspace(workspace).values_list("pk", "name")
            if tag.casefold() == wanted]


def with_details(person: Person) -> Person:
    prefetch_related_objects([person], *person_details())
    return person


# -- people -----------------------------------------------------------------

class PeopleFilter(Schema):
    q: str | None = Field(None, max_length=200, description="Search words (each as a prefix).")
    tag: str | None = Field(None, max_length=60, pattern=r"^[^\x00]*$",
                            description="Only people with this tag (any case).")
    archived: bool = Field(False, description="true: the archived people instead of the active.")


@router.get("", response={200: list[PersonOut], **ERRORS}, summary="List people",
            description="People by name. `q` keeps those matching a search (names, contact "
                        "details, organisations, tags, facts, notes; at most "
                        f"{SEARCH_LIMIT:,} matches), `tag` those with that tag, `archived=true` "
                        "lists the archived instead of the active. " + PAGINATION_HELP)
@paginate(Pages)
def list_people(request, filters: Query[PeopleFilter]):
    workspace = current_workspace(request)
    people = Person.objects.in_workspace(workspace).filter(
        archived_at__isnull=not filters.archived)
    if filters.q and filters.q.strip():
        hits = search_ids(workspace, filters.q, limit=SEARCH_LIMIT, include_archived=True)
        people = people.filter(pk__in=hits.ids)
    if filters.tag:
        tagged = Person.tags.through.objects.filter(tag_id__in=_tags_named(workspace, filters.tag))
        people = people.filter(pk__in=tagged.values("person_id"))
    return people.prefetch_related(*person_details())


@router.post("", response={201: PersonOut, **ERRORS_404}, summary="Add a person",
             description="`introduced_by` is the id of one of your people.")
def create_person(request, payload: PersonIn):
    workspace = current_workspace(request)
    data = payload.dict()
    introducer = data.pop("introduced_by")
    introduced_by = access_person(workspace, introducer) if introducer is not None else None
    person = actions.create_person(workspace, introduced_by=introduced_by, **data)
    return Status(201, with_details(person))


@router.get("/{id}", response={200: PersonOut, **ERRORS_404}, summary="Get a person")
def get_person(request, id: int):
    return with_details(access_person(current_workspace(request), id))


@router.patch("/{id}", response={200: PersonOut, **ERRORS_404}, summary="Change a person",
              description="Only the fields sent change; emails, phones and tags are replaced "
                          "by the lists sent.")
def update_person(request, id: int, payload: PersonPatch):
    workspace = current_workspace(request)
    person = access_person(workspace, id)
    data = payload.dict(exclude_unset=True)
    introduced_by = False  # the action's "leave it as it is"
    if "introduced_by" in data:
        introducer = data.pop("introduced_by")
        introduced_by = access_person(workspace, introducer) if introducer is not None else None
    person = actions.update_person(workspace, person, introduced_by=introduced_by, **data)
    return with_details(person)


@router.delete("/{id}", response={204: None, **ERRORS_404}, summary="Delete a person",
               description="Deletes them with their facts, follow-ups, contact details and the "
                           "conversations they were the only participant of. To keep the "
                           "history, archive instead.")
def delete_person(request, id: int):
    workspace = current_workspace(request)
    actions.delete_person(workspace, access_person(workspace, id))
    return Status(204, None)


@router.post("/{id}/archive", response={200: PersonOut, **ERRORS_404}, summary="Archive a person",
             description="Archived people leave the lists, the agenda and search; nothing is lost.")
def archive_person(request, id: int):
    workspace = current_workspace(request)
    person = actions.archive_person(workspace, access_person(workspace, id))
    return with_details(person)


@router.post("/{id}/unarchive", response={200: PersonOut, **ERRORS_404},
             summary="Bring an archived person back")
def unarchive_person(request, id: int):
    workspace = current_workspace(request)
    person = actions.unarchive_person(workspace, access_person(workspace, id))
    return with_details(person)


# -- facts ------------------------------------------------------------------

class FactsFilter(Schema):
    person: int | None = Field(None, description="Only this person's facts.")
    kind: FactKindValue | None = None


@facts_router.get("", response={200: list[FactOut], **ERRORS_404}, summary="List facts",
                  description="What matters to your people, by kind then newest first. "
                              + PAGINATION_HELP)
@paginate(Pages)
def list_facts(request, filters: Query[FactsFilter]):
    workspace = current_workspace(request)
    facts = Fact.objects.in_workspace(workspace)
    if filters.person is not None:
        facts = facts.filter(person=access_person(workspace, filters.person))
    if filters.kind:
        facts = facts.filter(kind=filters.kind)
    return facts


@facts_router.post("", response={201: FactOut, **ERRORS_404}, summary="Add a fact",
                   description="`person` (and `conversation`, if given) are ids in your workspace.")
def create_fact(request, payload: FactIn):
    workspace = current_workspace(request)
    person = access_person(workspace, payload.person)
    conversation = (access_conversation(workspace, payload.conversation)
                    if payload.conversation is not None else None)
    data = payload.dict(exclude={"person", "conversation"}, exclude_none=True)
    fact = actions.add_fact(workspace, person, conversation=conversation, **data)
    return Status(201, fact)


@facts_router.get("/{id}", response={200: FactOut, **ERRORS_404}, summary="Get a fact")
def get_fact(request, id: int):
    return access_fact(current_workspace(request), id)


@facts_router.patch("/{id}", response={200: FactOut, **ERRORS_404}, summary="Change a fact")
def update_fact(request, id: int, payload: FactPatch):
    workspace = current_workspace(request)
    fact = access_fact(workspace, id)
    return actions.update_fact(workspace, fact, **payload.dict(exclude_unset=True))


@facts_router.post("/{id}/confirm", response={200: FactOut, **ERRORS_404},
                   summary="Confirm a fact is still true",
                   description="Marks it checked today, so it is no longer 'ask again'.")
def confirm_fact(request, id: int):
    workspace = current_workspace(request)
    return actions.confirm_fact(workspace, access_fact(workspace, id))


@facts_router.delete("/{id}", response={204: None, **ERRORS_404}, summary="Delete a fact")
def delete_fact(request, id: int):
    workspace = current_workspace(request)
    actions.delete_fact(workspace, access_fact(workspace, id))
    return Status(204, None)
