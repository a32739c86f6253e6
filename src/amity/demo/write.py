"""Writing the demo's tables: ids, then rows, by the ORM or straight through the DB-API.

The fast path is for networks of a hundred thousand people: the database
itself is the limit there, and Django's ``bulk_create`` reaches only a
seventh of what ``executemany`` does on SQLite (see the field notes). On
PostgreSQL the fast path is ``COPY``. Table and column names always come
from the models' ``_meta``. Callers run both paths inside one transaction.
"""

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice

from django.db import connection

from amity.demo.rows import Table, date_columns

CHUNK = 20_000
ORM_BATCH = 500


class Progress:
    """Counts rows written across all tables and reports to ``callback``."""

    def __init__(self, callback: Callable[[int, int, str], None] | None, total: int):
        self.callback, self.total, self.done = callback, total, 0

    def advance(self, rows: int, stage: str) -> None:
        self.done += rows
        if self.callback is not None:
            self.callback(min(self.done, self.total), self.total, stage)


def _batched(rows: Iterable, size: int) -> Iterator[list]:
    it = iter(rows)
    while chunk := list(islice(it, size)):
        yield chunk


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


def _columns(table: Table) -> str:
    return ", ".join(_quote(table.model._meta.get_field(f).column) for f in table.fields)


# -- ids --------------------------------------------------------------------

def allocate_ids(model, count: int) -> "range | list[int]":
    """``count`` fresh primary keys for ``model``, reserved for this transaction.

    SQLite: above the current maximum (and above ``sqlite_sequence``, so ids
    of deleted rows are not reused); the write lock is already held.
    PostgreSQL: drawn from the table's own sequence, so concurrent writers
    never collide.
    """
    if count == 0:
        return []
    table, column = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            cur.execute("SELECT pg_get_serial_sequence(%s, %s)", [table, column])
            sequence = cur.fetchone()[0]
            cur.execute("SELECT nextval(%s::regclass) FROM generate_series(1, %s)",
                        [sequence, count])
            return [row[0] for row in cur.fetchall()]
        cur.execute(f"SELECT MAX({_quote(column)}) FROM {_quote(table)}")
        top = cur.fetchone()[0] or 0
        cur.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_sequence'")
        if cur.fetchone():
            cur.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
            row = cur.fetchone()
            top = max(top, row[0] if row else 0)
    return range(top + 1, top + 1 + count)


# -- the fast path --------------------------------------------------------------

def write_fast(tables: list[Table], progress: Progress) -> None:
    if connection.vendor == "postgresql":
        for table in tables:
            _copy_postgres(table, progress)
        with connection.cursor() as cur:
            # Fresh statistics, or the planner guesses on tables that just grew a millionfold.
            for table in tables:
                if table.count:
                    cur.execute(f"ANALYZE {_quote(table.model._meta.db_table)}")
        return
    with connection.cursor() as cur:
        for table in tables:
            _insert_sqlite(cur, table, progress)


@contextmanager
def bulk_settings(people: int):
    """On SQLite, a page cache sized for a big load while it runs (up to 1 GiB;
    the connection's own setting comes back after): the random index inserts
    and the search index's reads stay in memory instead of spilling to the
    WAL and reading back. Writing the search documents of 10,000 people took
    a third less time with it. Nothing to do on PostgreSQL."""
    if connection.vendor != "sqlite" or people <= 2_000:
        yield
        return
    with connection.cursor() as cur:
        cur.execute("PRAGMA cache_size")
        before = int(cur.fetchone()[0])
        cur.execute(f"PRAGMA cache_size = -{min(1 << 20, 64 + people * 5)}")  # KiB
    try:
        yield
    finally:
        with connection.cursor() as cur:
            cur.execute(f"PRAGMA cache_size = {before}")


def _insert_sqlite(cur, table: Table, progress: Progress) -> None:
    if not table.count:
        return
    marks = ", ".join(["%s"] * len(table.fields))
    sql = (f"INSERT INTO {_quote(table.model._meta.db_table)} ({_columns(table)}) "
           f"VALUES ({marks})")
    datetimes, dates = date_columns(table)
    ops = connection.ops
    # One adapted value per distinct date or moment: a demo has a few thousand.
    dt_memo: dict = {}
    d_memo: dict = {}

    def adapt(rows):
        for row in rows:
            row = list(row)
            for pos in datetimes:
                v = row[pos]
                a = dt_memo.get(v)
                if a is None and v is not None:
                    a = dt_memo[v] = ops.adapt_datetimefield_value(v)
                row[pos] = a
            for pos in dates:
                v = row[pos]
                a = d_memo.get(v)
                if a is None and v is not None:
                    a = d_memo[v] = ops.adapt_datefield_value(v)
                row[pos] = a
            yield row

    rows = adapt(table.rows()) if datetimes or dates else table.rows()
    for chunk in _batched(rows, CHUNK):
        cur.executemany(sql, chunk)
        progress.advance(len(chunk), table.stage)


def _copy_postgres(table: Table, progress: Progress) -> None:
    if not table.count:
        return
    sql = f"COPY {_quote(table.model._meta.db_table)} ({_columns(table)}) FROM STDIN"
    with connection.cursor() as cur, cur.copy(sql) as copy:
        write = copy.write_row
        for chunk in _batched(table.rows(), CHUNK):
            for row in chunk:
                write(row)
            progress.advance(len(chunk), table.stage)


# -- the ORM path -----------------------------------------------------------------

def write_orm(tables: list[Table], progress: Progress) -> None:
    """``bulk_create`` with the same rows: the plain path for small networks."""
    for table in tables:
        model, fields = table.model, table.fields
        for chunk in _batched(table.rows(), ORM_BATCH):
            model.objects.bulk_create([model(**dict(zip(fields, row, strict=True)))
                                       for row in chunk])
            progress.advance(len(chunk), table.stage)
