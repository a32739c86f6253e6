"""The migrations describe the models exactly, and build the search tables."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from amity.search import index


@pytest.mark.django_db
def test_it_has_a_migration_for_every_model_change():
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit as exit_:
        pytest.fail(f"models and migrations disagree (exit {exit_.code}):\n{out.getvalue()}")

    assert "No changes detected" in out.getvalue()


@pytest.mark.django_db
def test_it_builds_the_search_table_this_database_searches_best():
    table = index.PG_TABLE if index.is_postgres() else index.SQLITE_TABLE

    assert table in connection.introspection.table_names()
