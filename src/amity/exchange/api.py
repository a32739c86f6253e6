"""JSON API for the give-first ledger: entries, and the balance with one person.

Each endpoint: guard (the API's auth) -> fetch (scoped with ``access_*``) ->
one action call -> respond; errors are mapped once, in ``amity.api``.
"""

from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from amity.exchange import actions
from amity.exchange.actions import access_entry
from amity.exchange.queries import balance_for, history, last_given_line
from amity.exchange.schemas import BalanceOut, LedgerEntryIn, LedgerEntryOut, LedgerEntryPatch
from amity.people.actions import access_person
from amity.workspaces.api import PAGINATION_HELP, Pages, current_workspace
from amity.workspaces.schemas import ERRORS_404

router = Router(tags=["ledger"])


class LedgerFilter(Schema):
    person_id: int | None = Field(None, description="Only this person's entries.")


@router.get("", response={200: list[LedgerEntryOut], **ERRORS_404}, summary="List ledger entries",
            description="Newest first. " + PAGINATION_HELP)
@paginate(Pages)
def list_entries(request, filters: Query[LedgerFilter]):
    workspace = current_workspace(request)
    if filters.person_id is not None:
        return history(workspace, access_person(workspace, filters.person_id))
    return history(workspace)


@router.post("", response={201: LedgerEntryOut, **ERRORS_404}, summary="Add a ledger entry",
             description="Something given, received or asked. `person_id` is an id in your "
                         "workspace.")
def create_entry(request, payload: LedgerEntryIn):
    workspace = current_workspace(request)
    person = access_person(workspace, payload.person_id)
    entry = actions.record_entry(workspace, person, direction=payload.direction,
                                 kind=payload.kind, description=payload.description,
                                 occurred_on=payload.occurred_on)
    return Status(201, entry)


@router.get("/balance/{person_id}", response={200: BalanceOut, **ERRORS_404},
            summary="The balance with one person",
            description="What you gave, what you received, the asks both ways, and when you "
                        "last gave to them.")
def get_balance(request, person_id: int):
    workspace = current_workspace(request)
    person = access_person(workspace, person_id)
    balance = balance_for(workspace, person)
    return {"person": person, "given": balance.given, "received": balance.received,
            "asks_made": balance.asks_made, "asks_received": balance.asks_received,
            "net": balance.net, "last_given": balance.last_given,
            "last_given_line": last_given_line(person, balance)}


@router.get("/{id}", response={200: LedgerEntryOut, **ERRORS_404}, summary="Get a ledger entry")
def get_entry(request, id: int):
    return access_entry(current_workspace(request), id)


@router.patch("/{id}", response={200: LedgerEntryOut, **ERRORS_404},
              summary="Change a ledger entry")
def update_entry(request, id: int, payload: LedgerEntryPatch):
    workspace = current_workspace(request)
    entry = access_entry(workspace, id)
    return actions.edit_entry(workspace, entry, **payload.dict(exclude_unset=True))


@router.delete("/{id}", response={204: None, **ERRORS_404}, summary="Delete a ledger entry")
def delete_entry(request, id: int):
    workspace = current_workspace(request)
    actions.delete_entry(workspace, access_entry(workspace, id))
    return Status(204, None)
