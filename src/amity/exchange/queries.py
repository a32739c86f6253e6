"""Reading the give-first ledger.

Contract used by other apps (keep the signature and keys):
``balance_for(workspace, person) -> Balance``.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q
from django.utils import timezone

from amity.errors import NotFound
from amity.exchange.models import Direction, EntryKind, LedgerEntry

HISTORY = 10  # entries shown on the person page


@dataclass
class Balance:
    given: int            # gifts from you to them (asks excluded)
    received: int         # gifts from them to you (asks excluded)
    asks_made: int        # you asked them
    asks_received: int    # they asked you
    last_given: LedgerEntry | None

    @property
    def net(self) -> int:
        return self.given - self.received


def balance_for(workspace, person) -> Balance:
    if person.workspace_id != workspace.pk:
        raise NotFound("person", f"#{person.pk}")
    # By person alone (checked above to be in this workspace): the ledger_person
    # index. With the workspace too, SQLite reads the whole workspace's ledger.
    entries = LedgerEntry.objects.filter(person=person)
    gift = ~Q(kind=EntryKind.ASK)
    counts = entries.aggregate(
        given=Count("id", filter=gift & Q(direction=Direction.TO_THEM)),
        received=Count("id", filter=gift & Q(direction=Direction.FROM_THEM)),
        asks_made=Count("id", filter=Q(kind=EntryKind.ASK, direction=Direction.TO_THEM)),
        asks_received=Count("id", filter=Q(kind=EntryKind.ASK, direction=Direction.FROM_THEM)),
    )
    last_given = (entries.filter(gift, direction=Direction.TO_THEM)
                  .order_by("-occurred_on", "-id").first())
    return Balance(**counts, last_given=last_given)


def history(workspace, person=None):
    """Ledger entries, newest first: one person's, or the whole workspace's (with the person)."""
    entries = LedgerEntry.objects.select_related("person").order_by("-occurred_on", "-id")
    if person is None:
        return entries.filter(workspace=workspace)  # the ledger_when index
    if person.workspace_id != workspace.pk:
        raise NotFound("person", f"#{person.pk}")
    return entries.filter(person=person)  # the ledger_person index


def ago(day: date, today: date | None = None) -> str:
    """"today", "yesterday", "5 days ago", "3 weeks ago", "4 months ago", "2 years ago"."""
    days = ((today or timezone.localdate()) - day).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    for size, unit, below in ((1, "day", 14), (7, "week", 60), (30, "month", 365)):
        if days < below:
            n = days // size
            return f"{n} {unit}{'' if n == 1 else 's'} ago"
    n = days // 365
    return f"{n} year{'' if n == 1 else 's'} ago"


def last_given_line(person, balance: Balance, today: date | None = None) -> str:
    """What to know before asking someone for something: when you last gave to them."""
    name = person.display_name
    last = balance.last_given
    if last is None:
        return f"You have not given {name} anything yet — give first?"
    return (f"You last gave to {name} {ago(last.occurred_on, today)}: {last.description}"
            + ("" if balance.given < 2 else f" ({balance.given} gifts in all)"))
