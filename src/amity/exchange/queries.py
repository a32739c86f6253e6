"""Reading the give-first ledger.

Contract used by other apps (keep the signature and keys):
``balance_for(workspace, person) -> Balance``.
"""

from dataclasses import dataclass

from django.db.models import Count, Q

from amity.exchange.models import Direction, EntryKind, LedgerEntry


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
    entries = LedgerEntry.objects.in_workspace(workspace).filter(person=person)
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
