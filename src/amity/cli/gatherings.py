"""CLI commands: see docs/cli-gatherings.md."""

from amity.cli.base import app  # noqa: F401
from amity.cli.craft import CRAFT, suggest_app  # noqa: F401
