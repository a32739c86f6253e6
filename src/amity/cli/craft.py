"""Shared command groups of the relationship craft (issue 3).

``amity suggest intros`` and ``amity suggest invites`` live in different modules
(connector and initiatives) but under one ``suggest`` group, defined here.
"""

import typer

from amity.cli.base import app

CRAFT = "Relationship craft"

suggest_app = typer.Typer(no_args_is_help=True, help=(
    "Suggestions: introductions worth making, people worth inviting.\n\n"
    "Example: amity suggest intros"))
app.add_typer(suggest_app, name="suggest", rich_help_panel=CRAFT)
