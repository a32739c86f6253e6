"""What this app adds to the person page and to the agenda (wired in people/agenda views).

Each function returns a template context dict, or None to show nothing.
"""

from django.urls import reverse

from amity.exchange.forms import MODES, EntryForm
from amity.exchange.queries import HISTORY, balance_for, history, last_given_line


def ledger_context(workspace, person, *, bound: EntryForm | None = None,
                   next_url: str = "") -> dict:
    """Balance, the latest entries and the three log forms (one of them bound,
    with its errors, after a failed attempt). Three queries."""
    balance = balance_for(workspace, person)
    entries = list(history(workspace, person)[:HISTORY + 1])
    forms = {mode: EntryForm(mode=mode) for mode in MODES}
    if bound is not None:
        forms[bound.mode] = bound
    return {
        "balance": balance,
        "entries": entries[:HISTORY],
        "more": len(entries) > HISTORY,
        "last_given_line": last_given_line(person, balance),
        "forms": [forms[mode] for mode in MODES],
        "open_mode": bound.mode if bound is not None else "",
        "next_url": next_url,  # where a form posted without JavaScript comes back to
    }


def person_panel(request, person) -> dict | None:
    return ledger_context(request.workspace, person, next_url=back_to(person))


def back_to(person) -> str:
    return reverse("people:detail", args=[person.pk]) + "#ledger"


def agenda_panel(request) -> dict | None:
    return None
