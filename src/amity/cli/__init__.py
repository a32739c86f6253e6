"""The ``amity`` command line: a thin skin over the same actions the web app uses.

Each command is guard -> fetch (in the local workspace) -> one action -> print.
Domain errors become one line on stderr and exit code 2 (see ``base.AmityGroup``).
"""

# Importing the command modules registers their commands, in this order in --help.
from amity.cli import daily, people, system  # noqa: F401

# isort: split
# The relationship craft's commands come after the everyday ones in --help.
from amity.cli import connector, craft, gatherings, initiatives, journey  # noqa: F401
from amity.cli.base import app


@app.callback()
def amity() -> None:
    """Amity: remember what matters to your people, follow up, keep in touch.

    Your data stays in one folder on this machine (AMITY_DATA_DIR), or in the database
    named by AMITY_DATABASE_URL.

    Example: amity today
    """


def main() -> None:
    app()
