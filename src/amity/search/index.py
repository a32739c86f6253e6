"""Full-text search over people, behind one interface for both databases.

One document per person: names, contact details, organisations, tags, facts
and conversation notes, each a weighted section. SQLite uses an FTS5 table,
PostgreSQL a ``tsvector`` column with a GIN index; both tables are created by
this app's migration. Text is accent-folded and split into words in Python
before it reaches either database, so "jose" finds "José" and a query means
the same thing on both.

Actions call ``reindex_people`` explicitly after every write that changes
what a person's document holds (never from signals).
"""

import functools
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.db import connection

from amity.parsing import UNMARKED_LETTERS

SQLITE_TABLE = "search_person_fts"
PG_TABLE = "search_person"
SECTIONS = ("name", "contact", "orgs", "tags", "facts", "notes")
# Relevance: a hit in a name matters most, then who they are (contact,
# organisations, tags), then what matters to them, then conversation notes.
SQLITE_WEIGHTS = (10.0, 4.0, 4.0, 4.0, 2.0, 1.0)
PG_WEIGHTS = {"name": "A", "contact": "B", "orgs": "B", "tags": "B", "facts": "C", "notes": "D"}
NOTES_LIMIT = 50_000  # characters of conversation notes kept per person
MAX_TERMS = 8
BATCH = 1000

# Letters and digits: "_" is a word character to Python but a separator to both
# FTS5 and PostgreSQL, so a query "_" would be an empty (and unfindable) term.
_WORD = re.compile(r"[^\W_]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


@functools.cache
def _combining_marks() -> dict[int, None]:
    """A ``str.translate`` table that deletes every combining mark."""
    return dict.fromkeys(c for c in range(0x300, sys.maxunicode + 1)
                         if unicodedata.combining(chr(c)))


def _fold(text: str) -> str:
    """``parsing.fold`` at C speed: the same result, character for character.

    Folding one character at a time in Python dominated a 100,000-person
    rebuild; ASCII text only needs lower-casing, and the rest drops its
    combining marks (``str.translate`` on the non-ASCII runs only: it is
    slow per character).
    """
    if text.isascii():
        return text.lower()
    marks = _combining_marks()
    folded = _NON_ASCII.sub(lambda run: run.group().translate(marks),
                            unicodedata.normalize("NFKD", text)).casefold()
    return folded if folded.isascii() else folded.translate(UNMARKED_LETTERS)


def words(text: str) -> list[str]:
    return _WORD.findall(_fold(text or ""))


def _flat(parts) -> str:
    # One pass over the whole section: words never run across the spaces
    # that join its parts.
    return " ".join(words(" ".join(p for p in parts if p)))


def is_postgres() -> bool:
    return connection.vendor == "postgresql"


# -- building documents -----------------------------------------------------

def build_documents(workspace_id: int, person_ids: list[int]) -> dict[int, dict[str, str]]:
    """The folded text of each section for each person, in seven queries
    (eight on PostgreSQL)."""
    from amity.organisations.models import Affiliation
    from amity.people.models import EmailAddress, Fact, Person, PhoneNumber

    docs: dict[int, dict[str, list[str]]] = {}
    for row in (Person.objects.filter(workspace_id=workspace_id, pk__in=person_ids)
                .values_list("pk", "display_name", "given_name", "family_name", "nickname",
                             "linkedin_url", "location", "notes")):
        pk, display, given, family, nick, linkedin, location, notes = row
        docs[pk] = defaultdict(list)
        docs[pk]["name"] += [display, given, family, nick]
        docs[pk]["contact"] += [linkedin, location]
        docs[pk]["notes"].append(notes)
    ids = list(docs)
    if not ids:
        return {}
    for pk, email in (EmailAddress.objects.filter(person_id__in=ids)
                      .values_list("person_id", "email")):
        docs[pk]["contact"].append(email)
    for pk, number in (PhoneNumber.objects.filter(person_id__in=ids)
                       .values_list("person_id", "number")):
        docs[pk]["contact"] += [number, number.lstrip("+")]
    for pk, org, role in (Affiliation.objects.filter(person_id__in=ids)
                          .values_list("person_id", "organisation__name", "role")):
        docs[pk]["orgs"] += [org, role]
    through = Person.tags.through
    for pk, tag in through.objects.filter(person_id__in=ids).values_list("person_id", "tag__name"):
        docs[pk]["tags"].append(tag)
    for pk, text in Fact.objects.filter(person_id__in=ids).values_list("person_id", "text"):
        docs[pk]["facts"].append(text)
    sizes: dict[int, int] = defaultdict(int)
    for pk, summary, notes in _conversation_notes(ids):
        if sizes[pk] < NOTES_LIMIT:
            docs[pk]["notes"] += [summary, notes]
            sizes[pk] += len(summary) + len(notes or "")
    return {pk: {s: _flat(parts[s]) for s in SECTIONS} for pk, parts in docs.items()}


def _conversation_notes(person_ids: list[int]):
    """(person id, summary, notes) of these people's conversations, each
    person's newest first."""
    from amity.conversations.models import Conversation, Participation

    if not is_postgres():
        return (Participation.objects.filter(person_id__in=person_ids)
                .order_by("person_id", "-conversation__happened_at")
                .values_list("person_id", "conversation__summary", "conversation__notes"))
    # PostgreSQL planned that join, for a thousand people at once, as a scan
    # of every conversation in the database (0.6 s a batch at a million):
    # fetch the conversations by id instead (one array parameter).
    people_in: dict[int, list[int]] = defaultdict(list)
    for pk, conversation_id in (Participation.objects.filter(person_id__in=person_ids)
                                .values_list("person_id", "conversation_id")):
        people_in[conversation_id].append(pk)
    if not people_in:
        return []
    meta, quote = Conversation._meta, connection.ops.quote_name
    id_, when, summary, notes = (quote(meta.get_field(f).column)
                                 for f in ("id", "happened_at", "summary", "notes"))
    with connection.cursor() as cur:
        cur.execute(f"SELECT {id_}, {summary}, {notes} FROM {quote(meta.db_table)} "
                    f"WHERE {id_} = ANY(%s) ORDER BY {when} DESC, {id_} DESC",
                    [list(people_in)])
        rows = cur.fetchall()
    return [(pk, summary, notes) for conversation_id, summary, notes in rows
            for pk in people_in[conversation_id]]


# Inside ``batched(workspace)``: (workspace id, the people to reindex on the way out).
_batch: ContextVar[tuple[int, set[int]] | None] = ContextVar("amity_reindex_batch",
                                                             default=None)


@contextmanager
def batched(workspace):
    """Reindex each person touched inside the block once, when it ends without error.

    For an action that calls many people actions in one transaction (quick
    capture at an event: a person, their facts, their organisation, row after
    row): each would rebuild the same documents again. Explicit, and scoped to
    the block; a nested block leaves the work to the outer one.
    """
    workspace_id = getattr(workspace, "pk", workspace)
    if _batch.get() is not None:
        yield
        return
    pending: set[int] = set()
    token = _batch.set((workspace_id, pending))
    try:
        yield
    finally:
        _batch.reset(token)
    reindex_people(workspace_id, pending)


def reindex_people(workspace, person_ids) -> None:
    workspace_id = getattr(workspace, "pk", workspace)
    person_ids = list({int(p) for p in person_ids})
    batch = _batch.get()
    if batch is not None and batch[0] == workspace_id:
        batch[1].update(person_ids)
        return
    for start in range(0, len(person_ids), BATCH):
        chunk = person_ids[start:start + BATCH]
        docs = build_documents(workspace_id, chunk)
        remove_people(workspace_id, chunk)
        _write(workspace_id, docs)


def rebuild(workspace, progress=None) -> int:
    """Re-index every person of a workspace; returns how many.

    ``progress(done, total)``, if given, is called after each batch of people."""
    from amity.people.models import Person

    workspace_id = getattr(workspace, "pk", workspace)
    # In id order: a batch of neighbours reads neighbouring pages.
    ids = list(Person.objects.filter(workspace_id=workspace_id).order_by("pk")
               .values_list("pk", flat=True))
    with connection.cursor() as cur:
        if is_postgres():
            cur.execute(f"DELETE FROM {PG_TABLE} WHERE workspace_id = %s", [workspace_id])
        else:
            cur.execute(f"DELETE FROM {SQLITE_TABLE} WHERE workspace_id = %s", [workspace_id])
    for start in range(0, len(ids), BATCH):
        _write(workspace_id, build_documents(workspace_id, ids[start:start + BATCH]))
        if progress is not None:
            progress(min(start + BATCH, len(ids)), len(ids))
    return len(ids)


def remove_people(workspace, person_ids) -> None:
    if not person_ids:
        return
    workspace_id = getattr(workspace, "pk", workspace)
    marks = ",".join(["%s"] * len(person_ids))
    with connection.cursor() as cur:
        if is_postgres():
            cur.execute(f"DELETE FROM {PG_TABLE} "
                        f"WHERE workspace_id = %s AND person_id IN ({marks})",
                        [workspace_id, *person_ids])
        else:
            cur.execute(f"DELETE FROM {SQLITE_TABLE} WHERE rowid IN ({marks})", list(person_ids))


def _write(workspace_id: int, docs: dict[int, dict[str, str]]) -> None:
    if not docs:
        return
    with connection.cursor() as cur:
        if is_postgres():
            vector = " || ".join(
                f"setweight(to_tsvector('simple', %s), '{PG_WEIGHTS[s]}')" for s in SECTIONS)
            cur.executemany(
                f"INSERT INTO {PG_TABLE} (person_id, workspace_id, document) "
                f"VALUES (%s, %s, {vector})",
                [(pk, workspace_id, *(doc[s] for s in SECTIONS)) for pk, doc in docs.items()])
        else:
            cur.executemany(
                f"INSERT INTO {SQLITE_TABLE} (rowid, workspace_id, {', '.join(SECTIONS)}) "
                f"VALUES (%s, %s, {', '.join(['%s'] * len(SECTIONS))})",
                [(pk, workspace_id, *(doc[s] for s in SECTIONS)) for pk, doc in docs.items()])


# -- querying -----------------------------------------------------------------

@dataclass
class Hits:
    ids: list[int]
    has_more: bool


def _terms(query: str) -> list[str]:
    return words(query)[:MAX_TERMS]


def search_ids(workspace, query: str, *, limit: int = 20, offset: int = 0,
               include_archived: bool = False, name_only: bool = False) -> Hits:
    """Ids of the people matching every word of ``query`` (each as a prefix), best first."""
    terms = _terms(query)
    if not terms:
        return Hits([], False)
    workspace_id = getattr(workspace, "pk", workspace)
    archived = "" if include_archived else "AND p.archived_at IS NULL"
    with connection.cursor() as cur:
        if is_postgres():
            weight = "A" if name_only else ""
            tsquery = " & ".join(f"{t}:*{weight}" for t in terms)
            cur.execute(
                f"SELECT s.person_id FROM {PG_TABLE} s JOIN people_person p ON p.id = s.person_id "
                f"WHERE s.workspace_id = %s AND s.document @@ to_tsquery('simple', %s) {archived} "
                f"ORDER BY ts_rank(s.document, to_tsquery('simple', %s)) DESC, "
                f"p.display_name, p.id "
                f"LIMIT %s OFFSET %s",
                [workspace_id, tsquery, tsquery, limit + 1, offset])
        else:
            column = "name : " if name_only else ""
            match = " AND ".join(f'{column}"{t}"*' for t in terms)
            weights = ", ".join(str(w) for w in SQLITE_WEIGHTS)
            cur.execute(
                f"SELECT f.rowid FROM {SQLITE_TABLE} f JOIN people_person p ON p.id = f.rowid "
                f"WHERE {SQLITE_TABLE} MATCH %s AND f.workspace_id = %s {archived} "
                f"ORDER BY bm25({SQLITE_TABLE}, 0, {weights}), p.display_name, p.id "
                f"LIMIT %s OFFSET %s",
                [match, workspace_id, limit + 1, offset])
        ids = [row[0] for row in cur.fetchall()]
    return Hits(ids[:limit], len(ids) > limit)


def find_people_by_name(workspace, ref: str, queryset, limit: int = 21) -> list:
    """People whose names hold every word of ``ref`` as a prefix (for the CLI's lookups)."""
    hits = search_ids(workspace, ref, limit=limit, name_only=True, include_archived=True)
    found = queryset.in_bulk(hits.ids)
    return [found[i] for i in hits.ids if i in found]


# -- people by the words of their facts -------------------------------------------
# For the rankings that match people to a need (initiatives, goals): they ask the
# index for candidates here and score the candidates' facts themselves.

def people_with_fact_word(workspace, prefix: str) -> list[int]:
    """Ids of the people whose facts hold a word starting with ``prefix``, all of them.

    Archived people are left in (joining the people table for each of tens of
    thousands of hits doubled the cost at 100,000 people): callers drop them."""
    workspace_id = getattr(workspace, "pk", workspace)
    with connection.cursor() as cur:
        if is_postgres():
            cur.execute(f"SELECT s.person_id FROM {PG_TABLE} s WHERE s.workspace_id = %s "
                        f"AND s.document @@ to_tsquery('simple', %s)",
                        [workspace_id, f"{prefix}:*C"])   # weight C: the facts section
        else:
            cur.execute(f"SELECT f.rowid FROM {SQLITE_TABLE} f "
                        f"WHERE {SQLITE_TABLE} MATCH %s AND f.workspace_id = %s",
                        [f'facts : "{prefix}"*', workspace_id])
        return [row[0] for row in cur.fetchall()]


def people_with_fact_words(workspace, prefixes, *, limit: int, per_word: int) -> list[int]:
    """Ids of people with any of ``prefixes`` starting a word of their facts, at most
    ``limit``, those matching the most words first.

    SQLite: one query holding, for each word, at most ``per_word`` people, newest
    first. No relevance function runs over every match, so a common word costs
    about what a rare one does, and a rare word's people (the telling ones) are
    all found.

    PostgreSQL: its GIN index cannot cap a word's matches cheaply (a prefix merges
    long lists, whose rows are then read to check the facts section), so one
    query asks for any of the words and stops at ``limit`` rows; archived people
    may be among the ids there, and callers drop them with the rows they load.
    """
    workspace_id = getattr(workspace, "pk", workspace)
    prefixes = sorted(set(prefixes))
    if not prefixes:
        return []
    with connection.cursor() as cur:
        if is_postgres():
            query = " | ".join(f"'{prefix}':*C" for prefix in prefixes)  # C: facts
            cur.execute(f"SELECT person_id FROM {PG_TABLE} WHERE workspace_id = %s "
                        f"AND document @@ to_tsquery('simple', %s) LIMIT %s",
                        [workspace_id, query, limit])
            return sorted((row[0] for row in cur.fetchall()), reverse=True)
        # Scoped through people_person (a primary-key lookup per hit): the index's own
        # workspace column would read each hit's whole document.
        one = (f"SELECT id FROM (SELECT p.id FROM {SQLITE_TABLE} f JOIN people_person p "
               f"ON p.id = f.rowid WHERE {SQLITE_TABLE} MATCH %s AND p.workspace_id = %s "
               f"AND p.archived_at IS NULL ORDER BY f.rowid DESC LIMIT %s)")
        cur.execute(" UNION ALL ".join([one] * len(prefixes)),
                    [p for prefix in prefixes
                     for p in (f'facts : "{prefix}"*', workspace_id, per_word)])
        hits = Counter(row[0] for row in cur.fetchall())
    return sorted(hits, key=lambda pk: (-hits[pk], -pk))[:limit]
