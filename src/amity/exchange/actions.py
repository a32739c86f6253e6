"""Every write to the give-first ledger: one transaction each; web, API and CLI call these.

Introductions and invitations call ``record_entry`` themselves, so their gifts
show in the ledger without anyone typing them twice.
"""

from datetime import date

from django.db import transaction
from django.utils import timezone

from amity.errors import Invalid, NotFound
from amity.exchange.models import Direction, EntryKind, LedgerEntry
from amity.parsing import clean_text, parse_date
from amity.workspaces.scoping import get_in_workspace

# What a person means when they log something, as (direction, kind or None).
# None: the kind is theirs to choose among the gifts.
ENTRY_TYPES = {
    "give": (Direction.TO_THEM, None),
    "received": (Direction.FROM_THEM, None),
    "ask": (Direction.TO_THEM, EntryKind.ASK),
    "their_ask": (Direction.FROM_THEM, EntryKind.ASK),
}
GIFT_KINDS = [k for k in EntryKind.values if k != EntryKind.ASK]


def access_entry(workspace, pk) -> LedgerEntry:
    return get_in_workspace(LedgerEntry.objects, workspace, pk, "ledger entry")


def _choice(field: str, value, choices: list[str], what: str) -> str:
    text = str(value or "").strip().lower().replace("-", "_").replace(" ", "_")
    if text not in choices:
        raise Invalid(field=field, message=f"{value!r} is not a ledger entry {what}; "
                                           f"use one of: {', '.join(choices)}.")
    return text


def _clean(data: dict, *, creating: bool) -> dict:
    """Check every field given and report them all at once; store nothing on error."""
    clean, errors = {}, {}

    def attempt(field, fn):
        if creating or field in data:
            try:
                clean[field] = fn(data.get(field))
            except Invalid as exc:
                errors.update(exc.errors)

    attempt("direction", lambda v: _choice("direction", v, Direction.values, "direction"))
    attempt("kind", lambda v: _choice("kind", v, EntryKind.values, "kind"))
    attempt("description", lambda v: clean_text(
        "description", v, limit=300, required=True, label="what was given or asked"))
    if "occurred_on" in data:
        attempt("occurred_on", _when)
    if errors:
        raise Invalid(errors)
    return clean


def _when(value) -> date:
    day = parse_date(value, "occurred_on")
    if day is None:
        return timezone.localdate()
    if day > timezone.localdate():
        raise Invalid(field="occurred_on", message=(
            "The ledger entry's date is in the future: log it once it has happened "
            "(or add a follow-up for it)."))
    return day


def _same_workspace(workspace, obj, what: str) -> None:
    if obj is not None and obj.workspace_id != workspace.pk:
        raise NotFound(what, f"#{obj.pk}")


@transaction.atomic
def record_entry(workspace, person, *, direction: str, kind: str, description: str,
                 occurred_on: date | str | None = None, introduction=None,
                 invitation=None) -> LedgerEntry:
    """Record one thing given, received or asked. ``occurred_on``: a date or any
    form ``parse_date`` takes ("yesterday", "2026-03-01"); today when left out."""
    _same_workspace(workspace, person, "person")
    _same_workspace(workspace, introduction, "introduction")
    _same_workspace(workspace, invitation, "invitation")
    clean = _clean({"direction": direction, "kind": kind, "description": description,
                    "occurred_on": occurred_on}, creating=True)
    return LedgerEntry.objects.create(workspace=workspace, person=person,
                                      introduction=introduction, invitation=invitation,
                                      **clean)


def record_typed(workspace, person, *, entry_type: str, description: str,
                 kind: str | None = None, occurred_on: date | str | None = None) -> LedgerEntry:
    """Record by what happened: a give, something received, your ask or theirs."""
    if entry_type not in ENTRY_TYPES:
        raise Invalid(field="entry_type", message=(
            f"{entry_type!r} is not a kind of ledger entry; use one of: "
            f"{', '.join(ENTRY_TYPES)}."))
    direction, fixed_kind = ENTRY_TYPES[entry_type]
    if fixed_kind is None and (kind or "").strip().lower() == EntryKind.ASK:
        raise Invalid(field="kind", message="A give or something received is not an ask: "
                                            "log the ask as an ask.")
    return record_entry(workspace, person, direction=direction,
                        kind=fixed_kind or kind or EntryKind.HELP,
                        description=description, occurred_on=occurred_on)


@transaction.atomic
def edit_entry(workspace, entry: LedgerEntry, **data) -> LedgerEntry:
    """Change what was given, its kind, direction or date; unknown fields are refused."""
    _same_workspace(workspace, entry, "ledger entry")
    unknown = set(data) - {"direction", "kind", "description", "occurred_on"}
    if unknown:
        raise Invalid({name: "A ledger entry has no such field." for name in sorted(unknown)})
    for name, value in _clean(data, creating=False).items():
        setattr(entry, name, value)
    entry.save()
    return entry


@transaction.atomic
def delete_entry(workspace, entry: LedgerEntry) -> None:
    _same_workspace(workspace, entry, "ledger entry")
    entry.delete()
