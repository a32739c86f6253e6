"""What every command shares: the app, lazy start-up, error reporting, output.

Nothing here imports Django at module level: ``amity --help`` must stay fast
and must not create or open a database.
"""

import json
import re
import sys
from datetime import date, datetime
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text
from typer.core import TyperGroup

from amity.errors import Ambiguous, AmityError, Invalid

EXIT_DOMAIN = 2  # what the user typed cannot be done as asked: fix it and retry


class AmityGroup(TyperGroup):
    """Turns the errors a user can fix into one line on stderr and exit code 2.

    Caught here, around every command, so each command stays
    guard -> fetch -> one action -> respond, and no traceback reaches the user
    for something they typed.
    """

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except AmityError as exc:
            report(exc)
            raise typer.Exit(EXIT_DOMAIN) from None
        except Exception as exc:
            message = _environment_problem(exc)
            if message is None:
                raise
            err(f"amity: {message}")
            raise typer.Exit(1) from None


def _environment_problem(exc: Exception) -> str | None:
    """A one-line message for a bad setting or an unreachable database, else None."""
    if "django" not in sys.modules:
        return None
    from django.core.exceptions import ImproperlyConfigured
    from django.db import OperationalError

    if isinstance(exc, ImproperlyConfigured):
        return f"configuration: {exc}"
    if isinstance(exc, OperationalError):
        return f"database: {exc}".strip().splitlines()[0]
    return None


app = typer.Typer(
    cls=AmityGroup,
    name="amity",
    no_args_is_help=True,
    rich_markup_mode="markdown",
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

DAILY = "Every day"
PEOPLE = "People and organisations"
SETUP = "Running Amity"

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON to stdout instead of tables.")]


# -- start-up -----------------------------------------------------------------

_ready = False


def start() -> None:
    """Set up Django and create or migrate the database, once per process."""
    global _ready
    if _ready:
        return
    from amity import bootstrap

    bootstrap.setup_django()
    bootstrap.ensure_database()
    _ready = True


def workspace():
    """The owner's local workspace, which every command acts in."""
    start()
    from amity.workspaces.actions import local_workspace

    return local_workspace()


def resolve(ws, ref: str, *, include_archived: bool = False):
    from amity.people.actions import resolve_person

    return resolve_person(ws, ref, include_archived=include_archived)


# -- errors -------------------------------------------------------------------

# Action field -> what the user typed it as, so the message names the option.
FIELD_LABELS = {
    "display_name": "NAME",
    "emails": "--email",
    "phones": "--phone",
    "tags": "--tag",
    "remove_emails": "--remove-email",
    "remove_phones": "--remove-phone",
    "remove_tags": "--remove-tag",
    "cadence_days": "--cadence",
    "importance": "--importance",
    "birthday": "--birthday",
    "met_where": "--met-at",
    "pronouns": "--pronouns",
    "notes": "--notes",
    "organisation": "--org",
    "role": "--role",
    "happened_at": "--when",
    "channel": "--channel",
    "how_it_went": "--how",
    "summary": "TEXT",
    "participants": "PEOPLE",
    "follow_up.due_on": "--due",
    "follow_up.action": "--follow-up",
    "due_on": "--due",
    "action": "STEP",
    "days": "--days",
    "kind": "KIND",
    "text": "TEXT",
    "name": "--name",
    "person": "PERSON",
    "needs": "--needs",
    "starts_on": "--starts",
    "ends_on": "--ends",
    "initiative": "INITIATIVE",
    "description": "--description",
}
_FACT_FIELD = re.compile(r"^facts\[(\d+)\]\.(\w+)$")


def field_label(field: str) -> str:
    match = _FACT_FIELD.match(field)
    if match:
        return f"--fact #{int(match.group(1)) + 1} ({match.group(2)})"
    return FIELD_LABELS.get(field, field)


def report(exc: AmityError) -> None:
    if isinstance(exc, Ambiguous):
        err(f"amity: {exc.ref!r} matches more than one person; use the id or more of the name:")
        for line in candidate_lines(exc.candidates):
            err(line)
    elif isinstance(exc, Invalid) and exc.errors:
        for field, message in exc.errors.items():
            err(f"amity: {field_label(field)}: {message}")
    else:
        err(f"amity: {exc}.")


def candidate_lines(candidates: list, shown: int = 20) -> list[str]:
    """``#12  Ana Ruiz  (Food Bank)`` for each candidate, in one query for the organisations."""
    from django.db.models import Q
    from django.utils import timezone

    from amity.organisations.models import Affiliation

    people = candidates[:shown]
    orgs: dict[int, str] = {}
    current = Q(end_on__isnull=True) | Q(end_on__gte=timezone.localdate())
    for person_id, org in (Affiliation.objects.filter(current, person_id__in=[p.pk for p in people])
                           .order_by("id").values_list("person_id", "organisation__name")):
        orgs.setdefault(person_id, org)
    lines = [f"  #{p.pk:<7} {p.display_name}" + (f"  ({orgs[p.pk]})" if p.pk in orgs else "")
             for p in people]
    if len(candidates) > shown:
        lines.append(f"  ... and {len(candidates) - shown} or more others")
    return lines


# -- output -------------------------------------------------------------------

def err(message: str) -> None:
    # Plain echo, not Rich: a long message stays on one line for scripts and logs.
    typer.echo(message, err=True)


def console(*, stderr: bool = False) -> Console:
    # Made per command so it writes to the sys.stdout of the moment (tests swap it).
    return Console(highlight=False, stderr=stderr)


def text(value, style: str = "") -> Text:
    """User data as a Rich ``Text``: never parsed as markup, so "[red]" stays literal."""
    return Text("" if value is None else str(value), style=style)


def _json_default(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def emit_json(data) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=_json_default))
