"""Every write to the give-first ledger: one transaction each; web, API and CLI call these.

Introductions and invitations call ``record_entry`` themselves, so their gifts
show in the ledger without anyone typing them twice.
"""

from datetime import date

from django.db import transaction

from amity.exchange.models import Direction, EntryKind, LedgerEntry
from amity.parsing import clean_text
from amity.workspaces.scoping import get_in_workspace


def access_entry(workspace, pk) -> LedgerEntry:
    return get_in_workspace(LedgerEntry.objects, workspace, pk, "ledger entry")


@transaction.atomic
def record_entry(workspace, person, *, direction: str, kind: str, description: str,
                 occurred_on: date | None = None, introduction=None,
                 invitation=None) -> LedgerEntry:
    from amity.errors import Invalid

    if direction not in Direction.values:
        raise Invalid(field="direction", message="Direction is to_them or from_them.")
    if kind not in EntryKind.values:
        raise Invalid(field="kind", message=f"Kind is one of {', '.join(EntryKind.values)}.")
    text = clean_text("description", description, limit=300, required=True)
    entry = LedgerEntry(workspace=workspace, person=person, direction=direction, kind=kind,
                        description=text, introduction=introduction, invitation=invitation)
    if occurred_on is not None:
        entry.occurred_on = occurred_on
    entry.save()
    return entry
