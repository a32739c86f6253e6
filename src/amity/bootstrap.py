"""Getting a database ready before any command touches it."""

import os


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "amity.settings")
    import django

    django.setup()


def ensure_database(verbosity: int = 0) -> None:
    """Create or upgrade the database when migrations are pending, so any
    command on an empty data folder just works."""
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        call_command("migrate", interactive=False, verbosity=verbosity)
