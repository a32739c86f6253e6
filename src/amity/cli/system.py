"""Running Amity: the web server, the demo network, API tokens."""

import sys
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from amity.cli import render
from amity.cli.base import (
    SETUP,
    JsonOpt,
    app,
    console,
    emit_json,
    err,
    start,
    text,
    workspace,
)

ALL_INTERFACES = {"0.0.0.0", "::", ""}  # noqa: S104 (compared with, not bound to)


@app.command(rich_help_panel=SETUP)
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on (0.0.0.0: every interface).")
                    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    threads: Annotated[int, typer.Option(min=1, max=256, help="Requests served at once.")] = 8,
):
    """Run the web app.

    A production WSGI server (waitress) serves the pages, the API and the static
    files; the database is created or upgraded first if needed.

    Example: amity serve --port 8080
    """
    start()
    from django.conf import settings
    from waitress.server import create_server

    from amity.wsgi import application

    try:
        server = create_server(application, host=host, port=port, threads=threads, ident="amity")
    except OSError as exc:
        err(f"amity: cannot listen on {host}:{port}: {exc.strerror or exc}")
        raise typer.Exit(1) from None
    shown = "127.0.0.1" if host in ALL_INTERFACES else host
    url = f"http://{f'[{shown}]' if ':' in shown else shown}:{port}/"
    out = console()
    out.print(Text.assemble("Amity is running at ", (url, "bold"), "  (Ctrl+C to stop)"))
    if host in ALL_INTERFACES:
        out.print("Listening on every interface: set AMITY_ALLOWED_HOSTS to the name others "
                  "will use.", style="yellow")
    elif host not in settings.ALLOWED_HOSTS and "*" not in settings.ALLOWED_HOSTS:
        out.print(f"{host} is not in AMITY_ALLOWED_HOSTS: requests to it will be refused.",
                  style="yellow")
    sys.stdout.flush()
    server.run()  # returns on Ctrl+C, after closing its sockets
    out.print("Stopped.")


@app.command(rich_help_panel=SETUP)
def demo(
    people: Annotated[int, typer.Option(min=1, max=100_000, help="How many people to invent.")
                      ] = 60,
    seed: Annotated[int, typer.Option(help="Same seed, same network.")] = 1,
    yes: Annotated[bool, typer.Option(
        "--yes", "-y", help="Load it even though the workspace already has people.")] = False,
    json_out: JsonOpt = False,
):
    """Load a demo network to explore Amity.

    Invented people, organisations, conversations and follow-ups, and the
    craft on top: relationships, a give-first ledger, introductions at every
    step, initiatives with invitations, events, goals and a focus list, so
    every page shows something real. Refuses when the workspace already has
    people, unless --yes.

    Example: amity demo --people 60 --seed 1
    """
    ws = workspace()
    from amity.people.models import Person

    existing = Person.objects.in_workspace(ws).count()
    if existing and not yes:
        err(f"amity: this workspace already has {render.plural(existing, 'person')}; the demo "
            "would mix invented people in with them. Add --yes to load it anyway.")
        raise typer.Exit(2)
    generate = _demo_generator()
    made = _run_with_progress(generate, ws, people, seed)
    if json_out:
        emit_json(made)
        return
    out = console()
    table = Table(title="The demo network", title_justify="left", show_header=False,
                  show_edge=False)
    table.add_column()
    table.add_column(justify="right")
    for key, value in (made or {}).items():
        count = len(value) if isinstance(value, list | tuple | set | dict) else value
        table.add_row(text(str(key).replace("_", " ")), text(count))
    out.print(table)
    out.print("Next: amity today   (your agenda), then amity people or amity serve.",
              style="bold")


def _demo_generator():
    try:
        from amity.demo import generate
    except ModuleNotFoundError as exc:
        if not (exc.name or "").startswith("amity.demo"):
            raise
        err("amity: the demo generator is not part of this installation.")
        raise typer.Exit(1) from None
    return generate


def _run_with_progress(generate, ws, people: int, seed: int) -> dict:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    # On stderr, so `amity demo --json` keeps stdout for the JSON.
    columns = (TextColumn("{task.description:<24}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=console(stderr=True), transient=True) as progress:
        task = progress.add_task("Preparing", total=None)

        def report(done: int, total: int, stage: str) -> None:
            progress.update(task, completed=done, total=total, description=stage)

        return generate(ws, people=people, seed=seed, progress=report)


token_app = typer.Typer(no_args_is_help=True, help=(
    "API tokens, for scripts and other programs that use the JSON API.\n\n"
    "Example: amity token create --name \"laptop script\""))
app.add_typer(token_app, name="token", rich_help_panel=SETUP)


def _owner(ws):
    from amity.workspaces.actions import local_owner

    return local_owner(ws)


@token_app.command("create")
def token_create(
    name: Annotated[str, typer.Option(help="What it is for, to recognise it later.")
                    ] = "API token",
    json_out: JsonOpt = False,
):
    """Make an API token.

    The token is printed once: copy it now. Send it as Authorization: Bearer TOKEN.

    Example: amity token create --name "laptop script" --json
    """
    ws = workspace()
    from amity.workspaces.actions import create_token

    token, raw = create_token(ws, _owner(ws), name)
    if json_out:
        emit_json({"token": raw, "id": token.pk, "name": token.name})
        return
    console().print(text(f"Token #{token.pk} ({token.name}). Copy it now: it is not shown again."))
    typer.echo(raw)  # plain, unwrapped: it gets copied and pasted
    console().print("Use it as: Authorization: Bearer <token>", style="dim")


@token_app.command("list")
def token_list(json_out: JsonOpt = False):
    """List API tokens (never their values).

    Example: amity token list
    """
    ws = workspace()
    from amity.workspaces.models import ApiToken

    tokens = list(ApiToken.objects.in_workspace(ws).order_by("-created_at", "-id")[:500])
    if json_out:
        emit_json([{"id": t.pk, "name": t.name, "hint": t.hint, "created_at": t.created_at,
                    "last_used_at": t.last_used_at, "revoked_at": t.revoked_at,
                    "active": t.is_active} for t in tokens])
        return
    out = console()
    if not tokens:
        out.print("No tokens yet: amity token create --name \"what it is for\".")
        return
    table = Table(show_edge=False)
    table.add_column("ID", justify="right", no_wrap=True)
    table.add_column("Name", ratio=2)
    table.add_column("Starts with", no_wrap=True)
    table.add_column("Last used", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    for t in tokens:
        used = render.day(render.local_day(t.last_used_at)) if t.last_used_at else "never"
        status = Text("active", "green") if t.is_active else Text("revoked", "red")
        table.add_row(str(t.pk), text(t.name), text(f"{t.hint}…"), used, status)
    out.print(table)


@token_app.command("revoke")
def token_revoke(
    token_id: Annotated[str, typer.Argument(metavar="ID", help="Its id, from amity token list.")],
):
    """Revoke an API token: programs using it are refused from now on.

    Example: amity token revoke 3
    """
    ws = workspace()
    from amity.workspaces.actions import access_token, revoke_token

    token = access_token(ws, token_id.lstrip("#"))
    was_active = token.is_active
    revoke_token(ws, token)
    status = "Revoked" if was_active else "Already revoked:"
    console().print(text(f"{status} token #{token.pk} ({token.name})."))
