"""The sandbox's state: JSON documents by kind and id in SQLite, changed in transactions.

One table holds every resource: ``(kind, id)`` is the key, ``key`` an optional natural
key (a phone number, a keyword) unique within its kind, ``doc`` the JSON document as the
API shows it, and ``private`` what the sandbox keeps beside it (properties whose names
start with ``_``: a call's recipient, a contact's lists), which the API never shows.
Filters are SQL over either (``json_extract``), so finds never load more than a page, and
a page of public documents can be answered from their stored text without decoding it.
Binary payloads (sounds, media) live in their own table. Ids come from one 64-bit
sequence stored with the data, so they survive a restart with ``--db FILE``.

Everything goes through :meth:`Store.transaction`: one connection guarded by a lock, so
a request sees and leaves a consistent state, and a handler that raises leaves none of
its writes behind. Each transaction records what it changed as :class:`Change` values;
after a commit they are handed to the store's listeners (the seam where webhooks and
state machines attach).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Literal

__all__ = [
    "FIRST_ID",
    "Change",
    "Filter",
    "Store",
    "Transaction",
    "any_of",
    "between",
    "contains_text",
    "equals",
    "has_item",
    "of_kind",
    "one_of",
    "starts_with",
]

FIRST_ID = 1_000_000_000_001
"""The first id of a new store (past 32 bits, like CallFire's, to catch int32 clients)."""

Filter = tuple[str, Sequence[Any]]
"""One SQL condition over the ``doc`` column and its arguments (see the helpers below)."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS docs (
    kind TEXT NOT NULL,
    id INTEGER NOT NULL,
    key TEXT,
    doc TEXT NOT NULL,
    private TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (kind, id)
);
CREATE UNIQUE INDEX IF NOT EXISTS docs_key ON docs (kind, key) WHERE key IS NOT NULL;
CREATE TABLE IF NOT EXISTS blobs (
    kind TEXT NOT NULL,
    id INTEGER NOT NULL,
    media_type TEXT NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (kind, id)
);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS docs_due ON docs (json_extract(private, '$._due'), id)
    WHERE json_extract(private, '$._due') IS NOT NULL;
CREATE INDEX IF NOT EXISTS docs_queue ON docs (kind, json_extract(private, '$._queue'), id)
    WHERE json_extract(private, '$._queue') IS NOT NULL;
"""


@dataclass(frozen=True, slots=True)
class Change:
    """One document written or deleted by a committed transaction."""

    kind: str
    id: int
    action: Literal["created", "updated", "deleted"]


class Store:
    """SQLite-backed documents; ``path=None`` keeps them in memory."""

    def __init__(self, path: str | None = None, *, first_id: int = FIRST_ID) -> None:
        self.path = path
        self._first_id = first_id
        self._db = sqlite3.connect(
            path if path is not None else ":memory:", check_same_thread=False, isolation_level=None
        )
        self._lock = threading.RLock()
        self._listeners: list[Callable[[Sequence[Change]], None]] = []
        with self._lock:
            if path is not None:
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(_SCHEMA)
            self._db.execute(
                "INSERT OR IGNORE INTO meta (name, value) VALUES ('next_id', ?)", (str(first_id),)
            )

    def close(self) -> None:
        """Close the database (a file store keeps everything committed)."""
        with self._lock:
            self._db.close()

    def clear(self) -> None:
        """Delete every document and blob and restart the ids (listeners are kept)."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.execute("DELETE FROM docs")
                self._db.execute("DELETE FROM blobs")
                self._db.execute(
                    "UPDATE meta SET value = ? WHERE name = 'next_id'", (str(self._first_id),)
                )
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def index(self, kind: str, field: str) -> None:
        """Index the public property ``field`` of the documents of ``kind``, for lookups
        by :func:`equals` whose filters also hold :func:`of_kind` (SQLite uses such a
        partial index only when the query names the kind literally)."""
        name = "docs_" + "".join(c if c.isalnum() else "_" for c in f"{kind}_{field}")
        with self._lock:
            self._db.execute(
                f"CREATE INDEX IF NOT EXISTS {name} ON docs ({_extract(field)}, id) "
                f"WHERE kind = {_literal(kind)}"
            )

    def listen(self, listener: Callable[[Sequence[Change]], None]) -> None:
        """Call ``listener`` with the changes of every committed transaction that has some."""
        self._listeners.append(listener)

    @contextmanager
    def transaction(self, *, write: bool = True) -> Iterator[Transaction]:
        """A transaction: committed when the block ends, rolled back if it raises.

        ``write=False`` declares a reader (a GET), which defers SQLite's write lock.
        """
        with self._lock:
            tx = Transaction(self._db)
            # A reader takes no write lock on a file store, but is a transaction all the
            # same: whatever it writes (by mistake) is undone if it fails.
            self._db.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                yield tx
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        if tx.changes:
            for listener in self._listeners:
                listener(tuple(tx.changes))


class Transaction:
    """Reads and writes inside one transaction (see :meth:`Store.transaction`)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self.changes: list[Change] = []

    def next_id(self) -> int:
        """A new id from the store's sequence."""
        row = self._db.execute("SELECT value FROM meta WHERE name = 'next_id'").fetchone()
        value = int(row[0])
        self._db.execute("UPDATE meta SET value = ? WHERE name = 'next_id'", (str(value + 1),))
        return value

    def get(self, kind: str, id: int) -> dict[str, Any] | None:
        """The document ``kind``/``id`` with its private keys, or ``None``."""
        row = self._db.execute(
            "SELECT doc, private FROM docs WHERE kind = ? AND id = ?", (kind, id)
        ).fetchone()
        return _join(row) if row else None

    def get_by_key(self, kind: str, key: str) -> dict[str, Any] | None:
        """The document of ``kind`` with natural key ``key``, or ``None``."""
        row = self._db.execute(
            "SELECT doc, private FROM docs WHERE kind = ? AND key = ?", (kind, key)
        ).fetchone()
        return _join(row) if row else None

    def put(self, kind: str, doc: dict[str, Any], *, key: str | None = None) -> dict[str, Any]:
        """Insert or replace ``doc`` (which holds its ``id``); return it."""
        id = int(doc["id"])
        public = {k: v for k, v in doc.items() if not k.startswith("_")}
        private = {k: v for k, v in doc.items() if k.startswith("_")}
        values = (key, _dumps(public), _dumps(private), kind, id)
        # An update is one statement (the engine's steps are mostly updates); "OR REPLACE"
        # keeps INSERT OR REPLACE's rule for a key another document holds.
        updated = self._db.execute(
            "UPDATE OR REPLACE docs SET key = ?, doc = ?, private = ? WHERE kind = ? AND id = ?",
            values,
        ).rowcount
        if not updated:
            self._db.execute(
                "INSERT OR REPLACE INTO docs (key, doc, private, kind, id) VALUES (?, ?, ?, ?, ?)",
                values,
            )
        self.changes.append(Change(kind, id, "updated" if updated else "created"))
        return doc

    def delete(self, kind: str, id: int) -> bool:
        """Delete a document (and its blob); return whether it existed."""
        cursor = self._db.execute("DELETE FROM docs WHERE kind = ? AND id = ?", (kind, id))
        self._db.execute("DELETE FROM blobs WHERE kind = ? AND id = ?", (kind, id))
        if cursor.rowcount:
            self.changes.append(Change(kind, id, "deleted"))
        return bool(cursor.rowcount)

    def earliest_due(self, at_most: int) -> tuple[str, int, dict[str, Any]] | None:
        """The ``(kind, due, document)`` whose private ``_due`` (a time in epoch ms) is
        the smallest not after ``at_most`` (ties: the smallest id), or ``None``."""
        row = self._db.execute(
            "SELECT kind, json_extract(private, '$._due') AS due, doc, private FROM docs "
            "WHERE json_extract(private, '$._due') IS NOT NULL "
            "AND json_extract(private, '$._due') <= ? ORDER BY due, id LIMIT 1",
            (at_most,),
        ).fetchone()
        return (str(row[0]), int(row[1]), _join(row[2:])) if row else None

    def next_due(self) -> int | None:
        """The smallest private ``_due`` of any document, or ``None``."""
        row = self._db.execute(
            "SELECT min(json_extract(private, '$._due')) FROM docs "
            "WHERE json_extract(private, '$._due') IS NOT NULL"
        ).fetchone()
        return int(row[0]) if row and row[0] is not None else None

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """A nested transaction: what the block writes is undone if it raises."""
        self._db.execute("SAVEPOINT step")
        mark = len(self.changes)
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK TO step")
            self._db.execute("RELEASE step")
            del self.changes[mark:]
            raise
        self._db.execute("RELEASE step")

    def find(
        self,
        kind: str,
        filters: Sequence[Filter] = (),
        *,
        limit: int | None = None,
        offset: int = 0,
        newest_first: bool = True,
    ) -> tuple[list[dict[str, Any]], int]:
        """The documents of ``kind`` matching every filter (with their private keys), one
        page of them, and the total."""
        rows, total = self._select(kind, "doc, private", filters, limit, offset, newest_first)
        return [_join(row) for row in rows], total

    def take(
        self, kind: str, filters: Sequence[Filter], limit: int, *, newest_first: bool = False
    ) -> list[dict[str, Any]]:
        """The first ``limit`` documents of ``kind`` matching every filter, oldest first
        unless ``newest_first`` (like :meth:`find` without counting them all)."""
        where = " AND ".join(["kind = ?", *(sql for sql, _ in filters)])
        args: list[Any] = [kind]
        for _, values in filters:
            args.extend(values)
        order = "DESC" if newest_first else "ASC"
        rows = self._db.execute(
            f"SELECT doc, private FROM docs WHERE {where} ORDER BY id {order} LIMIT ?",
            [*args, limit],
        ).fetchall()
        return [_join(row) for row in rows]

    def find_json(
        self,
        kind: str,
        filters: Sequence[Filter] = (),
        *,
        limit: int | None = None,
        offset: int = 0,
        newest_first: bool = True,
    ) -> tuple[list[str], int]:
        """Like :meth:`find`, but the public documents as their stored JSON text."""
        rows, total = self._select(kind, "doc", filters, limit, offset, newest_first)
        return [row[0] for row in rows], total

    def _select(
        self,
        kind: str,
        columns: str,
        filters: Sequence[Filter],
        limit: int | None,
        offset: int,
        newest_first: bool,
    ) -> tuple[list[Any], int]:
        where = " AND ".join(["kind = ?", *(sql for sql, _ in filters)])
        args: list[Any] = [kind]
        for _, values in filters:
            args.extend(values)
        total = self._db.execute(f"SELECT count(*) FROM docs WHERE {where}", args).fetchone()[0]
        order = "DESC" if newest_first else "ASC"
        rows = self._db.execute(
            f"SELECT {columns} FROM docs WHERE {where} ORDER BY id {order} LIMIT ? OFFSET ?",
            [*args, -1 if limit is None else limit, offset],
        ).fetchall()
        return rows, int(total)

    def put_blob(self, kind: str, id: int, data: bytes, media_type: str) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO blobs (kind, id, media_type, data) VALUES (?, ?, ?, ?)",
            (kind, id, media_type, data),
        )

    def get_blob(self, kind: str, id: int) -> tuple[bytes, str] | None:
        row = self._db.execute(
            "SELECT data, media_type FROM blobs WHERE kind = ? AND id = ?", (kind, id)
        ).fetchone()
        return (bytes(row[0]), str(row[1])) if row else None


def _dumps(value: dict[str, Any]) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _join(row: Any) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(row[0])
    if row[1] != "{}":
        doc.update(json.loads(row[1]))
    return doc


# -- Filters: SQL conditions over the JSON documents ---------------------------------------
#
# A property whose name starts with ``_`` lives in the ``private`` column.


def _column(field: str) -> str:
    return "private" if field.startswith("_") else "doc"


def _path(field: str) -> str:
    """A JSON path for a dotted property name, each step quoted (names come from requests)."""
    return "$" + "".join('."' + step.replace('"', "") + '"' for step in field.split("."))


def _literal(text: str) -> str:
    """``text`` as an SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def _extract(field: str) -> str:
    """The SQL of the property ``field``, with its path written literally (so an index
    on the same expression serves it)."""
    return f"json_extract({_column(field)}, {_literal(_path(field))})"


def equals(field: str, value: Any) -> Filter:
    """The property ``field`` (a dotted path) equals ``value``."""
    if isinstance(value, bool):
        return (f"{_extract(field)} = ?", (1 if value else 0,))
    return (f"{_extract(field)} = ?", (value,))


def of_kind(kind: str) -> Filter:
    """The document is of ``kind``: redundant with the kind every find names, but written
    literally, so that SQLite can use the partial indexes of :meth:`Store.index`."""
    return (f"kind = {_literal(kind)}", ())


def one_of(field: str, values: Sequence[Any]) -> Filter:
    """The property is one of ``values`` (none matches an empty list)."""
    marks = ", ".join("?" * len(values)) or "NULL"
    return (f"json_extract({_column(field)}, ?) IN ({marks})", (_path(field), *values))


def has_item(field: str, value: Any) -> Filter:
    """The array property contains ``value``."""
    return (
        f"EXISTS (SELECT 1 FROM json_each({_column(field)}, ?) WHERE json_each.value = ?)",
        (_path(field), value),
    )


def between(field: str, low: int | None, high: int | None) -> list[Filter]:
    """The numeric property lies within ``low..high`` (either bound may be missing)."""
    found: list[Filter] = []
    if low is not None:
        found.append((f"json_extract({_column(field)}, ?) >= ?", (_path(field), low)))
    if high is not None:
        found.append((f"json_extract({_column(field)}, ?) <= ?", (_path(field), high)))
    return found


def starts_with(field: str, prefix: str) -> Filter:
    """The string property starts with ``prefix`` (case-sensitive, no wildcards)."""
    return (
        f"substr(json_extract({_column(field)}, ?), 1, ?) = ?",
        (_path(field), len(prefix), prefix),
    )


def contains_text(field: str, text: str) -> Filter:
    """The string property contains ``text``, ignoring case."""
    return (f"instr(lower(json_extract({_column(field)}, ?)), ?) > 0", (_path(field), text.lower()))


def any_of(filters: Sequence[Filter]) -> Filter:
    """At least one of ``filters`` holds (none holds for an empty list)."""
    if not filters:
        return ("0", ())
    sql = " OR ".join(f"({condition})" for condition, _ in filters)
    return (f"({sql})", tuple(arg for _, args in filters for arg in args))
