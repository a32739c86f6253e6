"""docs/cli.md keeps up with the commands (in the spirit of sqlite-utils' tests/test_docs.py).

Every registered command, sub-commands of `token` included, must have an
"Example" in its --help and a "### amity <command>" section in docs/cli.md
that mentions each of its options; and every such section must be a real
command, so a renamed or removed command cannot linger in the docs.
"""

import re
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from amity.cli import app

DOCS_DIR = Path(__file__).resolve().parent.parent / "docs"
HEADING = re.compile(r"^### amity (.+?)\s*$", re.MULTILINE)


def registered(group=None, prefix=()):
    """(path, command) for every command, depth first, in --help order."""
    group = group or get_command(app)
    for name, command in group.commands.items():
        path = (*prefix, name)
        yield path, command
        if hasattr(command, "commands"):
            yield from registered(command, path)


COMMANDS = dict(registered())


def sections() -> dict[str, str]:
    # docs/cli.md, and docs/cli-<area>.md for each area of commands.
    text = "\n".join(p.read_text() for p in sorted(DOCS_DIR.glob("cli*.md")))
    heads = list(HEADING.finditer(text))
    ends = [h.start() for h in heads[1:]] + [len(text)]
    return {h.group(1): text[h.end():end] for h, end in zip(heads, ends, strict=True)}


def ids(path):
    return " ".join(path)


def test_the_walk_finds_the_sub_commands():
    assert {("token", "create"), ("token", "list"), ("token", "revoke")} <= set(COMMANDS)
    assert len(COMMANDS) >= 18


@pytest.mark.parametrize("path", list(COMMANDS), ids=ids)
def test_every_command_has_an_example_in_its_help(path):
    result = CliRunner(env={"COLUMNS": "200"}).invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example: amity " + " ".join(path) in result.stdout


@pytest.mark.parametrize("path", list(COMMANDS), ids=ids)
def test_every_command_and_option_is_in_the_docs(path):
    section = sections().get(" ".join(path))
    assert section is not None, f"docs/cli.md has no '### amity {' '.join(path)}' section"
    assert "Example: `amity " + " ".join(path) in section
    for param in COMMANDS[path].params:
        longest = max(param.opts, key=len)
        if longest.startswith("--") and longest != "--help":
            assert f"`{longest}" in section or f"{longest}`" in section, (
                f"docs/cli.md does not mention {longest} under amity {' '.join(path)}")


def test_the_docs_describe_no_command_that_does_not_exist():
    documented = set(sections())
    real = {" ".join(path) for path in COMMANDS}
    assert documented - real == set()
