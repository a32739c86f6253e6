"""What the CLI tests of every app share: run a command, insist it worked or was refused.

Kept in the package (not a conftest) so each app's tests import it by name.
"""

from typer.testing import CliRunner


def invoker(columns: int = 120):
    """``amity = invoker(); amity("give", "ana", "the funder list")`` -> a click Result."""
    runner = CliRunner(env={"COLUMNS": str(columns)})

    def amity(*args, input=None):
        from amity.cli import app

        return runner.invoke(app, [str(a) for a in args], input=input)

    return amity


def ok(result) -> str:
    """Exit 0; returns what it printed."""
    assert result.exit_code == 0, (result.exit_code, result.output, result.exception)
    return result.stdout


def refused(result) -> str:
    """Exit 2 with one "amity: ..." message on stderr, nothing on stdout, no traceback."""
    assert result.exit_code == 2, (result.exit_code, result.output, result.exception)
    assert result.stderr.startswith("amity: "), result.stderr
    assert result.stdout == "" and "Traceback" not in result.output
    return result.stderr
