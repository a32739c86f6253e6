"""The search tables: FTS5 on SQLite, tsvector + GIN on PostgreSQL.

They are not Django models: each database gets the structure it searches
best, and ``amity.search.index`` is the only code that touches them.
"""

from django.db import migrations

SQLITE = [
    "CREATE VIRTUAL TABLE search_person_fts USING fts5("
    "workspace_id UNINDEXED, name, contact, orgs, tags, facts, notes, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')",
]
SQLITE_REVERSE = ["DROP TABLE IF EXISTS search_person_fts"]
POSTGRES = [
    "CREATE TABLE search_person (person_id bigint PRIMARY KEY, workspace_id bigint NOT NULL, "
    "document tsvector NOT NULL)",
    "CREATE INDEX search_person_document ON search_person USING gin (document)",
    "CREATE INDEX search_person_workspace ON search_person (workspace_id)",
]
POSTGRES_REVERSE = ["DROP TABLE IF EXISTS search_person"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)
    return run


class Migration(migrations.Migration):
    initial = True
    dependencies = [("people", "0001_initial")]
    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}),
        ),
    ]
