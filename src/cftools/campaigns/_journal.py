"""The journal: one SQLite file (standard library) per job, the memory of what went out.

Two tables. ``meta`` holds the job: its token, the kind (calls or texts), a digest of
the broadcast asked for, the batch size, and the broadcast's progress
(``broadcast_state``: ``creating`` then ``created`` with ``broadcast_id``;
``start_state``: ``starting`` then ``started``). ``batches`` holds the plan, one row
per batch written by the checking pass before anything is sent (its name, lines,
recipient count and digest, in state ``planned``), and each batch's progress:

``planned`` → ``sending`` (written and synced *before* the POST) → ``sent`` (with the
batch id) or ``failed`` (the server refused it; retried on resume).

A batch found in ``sending`` on resume had an unknown outcome: it is settled by
looking its name up on the server, never by sending it again blindly. Every write is a
committed transaction in WAL mode with ``synchronous=NORMAL``: a killed process loses
nothing committed; a machine that loses power may lose the last few commits, and that
is safe too, since on resume *every* batch not recorded as ``sent`` is looked up by
name before anything is sent (a ``FULL`` fsync per write would cap a campaign at the
disk's fsync rate, a few hundred batches a second at best).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from typing import Any

from cftools.campaigns._errors import JournalError

__all__ = ["FORMAT", "Journal", "JournalBatch"]

FORMAT = "cftools-campaign-1"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS batches (
    idx INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    first_line INTEGER NOT NULL,
    last_line INTEGER NOT NULL,
    count INTEGER NOT NULL,
    digest TEXT NOT NULL,
    state TEXT NOT NULL,
    batch_id INTEGER,
    reason TEXT
);
"""

JournalBatch = tuple[int, str, int, int, int, str, str, "int | None", "str | None"]
"""A row of ``batches``: idx, name, first_line, last_line, count, digest, state,
batch_id, reason."""


class Journal:
    """The journal of one job (see the module docstring)."""

    def __init__(self, path: str | os.PathLike[str], *, resume: bool) -> None:
        self.path = os.fspath(path)
        exists = self.path != ":memory:" and os.path.exists(self.path)
        if exists and not resume:
            raise JournalError(
                f"the journal {self.path} already exists: resume that job (resume=True, "
                "--resume), or give another journal to start a new one"
            )
        if resume and not exists:
            raise JournalError(f"nothing to resume: no journal at {self.path}")
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            tables = self._db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0]
            if tables:
                self._check_format()
            else:  # new, or its creation was interrupted: (re)made in one transaction
                with self._transaction():
                    for statement in _SCHEMA.split(";"):
                        if statement.strip():
                            self._db.execute(statement)
                    self._db.execute("INSERT INTO meta VALUES('format', ?)", (FORMAT,))
        except sqlite3.DatabaseError as exc:
            raise JournalError(f"{self.path} is not a usable journal: {exc}") from None
        self.fresh = not tables or self.get("job") is None
        self.planned = self.get("planned") == "yes"

    def _check_format(self) -> None:
        try:
            row = self._db.execute("SELECT value FROM meta WHERE key='format'").fetchone()
        except sqlite3.DatabaseError:
            row = None
        if row is None or row[0] != FORMAT:
            raise JournalError(f"{self.path} is not a cftools campaign journal")

    def close(self) -> None:
        self._db.close()

    # -- meta ---------------------------------------------------------------------------

    def get(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set(self, **values: Any) -> None:
        """Write ``values`` in one committed transaction."""
        with self._transaction():
            for key, value in values.items():
                self._db.execute(
                    "INSERT INTO meta(key, value) VALUES(?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                    (key, str(value)),
                )

    def bind(self, first: dict[str, Any], **job: Any) -> None:
        """Record the job's settings (and ``first``, recorded but never compared), or
        check them against those recorded."""
        if self.fresh:
            self.set(**first, **job)
            return
        for key, value in job.items():
            recorded = self.get(key)
            if recorded != str(value) and key == "broadcast":
                raise JournalError(
                    f"the journal {self.path} was made for another broadcast (another "
                    "body: message, caller id, dialplan, name; or another broadcast id): "
                    "resume with the same broadcast, or start a new job with another journal"
                )
            if recorded != str(value):
                raise JournalError(
                    f"the journal {self.path} belongs to another job: its {key} is "
                    f"{recorded!r}, this job's is {str(value)!r}"
                )

    # -- the plan -----------------------------------------------------------------------

    def begin_plan(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def end_plan(self, *, keep: bool) -> None:
        """Commit the plan (and mark it complete), or drop it."""
        if keep and not self.planned:
            self._db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES('planned', 'yes')")
            self.planned = True
        self._db.execute("COMMIT" if keep else "ROLLBACK")

    def plan_batch(
        self, index: int, name: str, first_line: int, last_line: int, count: int, digest: str
    ) -> None:
        """Inside ``begin_plan``/``end_plan``: record a batch, or check it against the
        batch recorded at that position."""
        row = self._db.execute("SELECT digest FROM batches WHERE idx=?", (index,)).fetchone()
        if row is None:
            if self.planned:
                raise self._mismatch(index, first_line, "it is not in the journal")
            self._db.execute(
                "INSERT INTO batches VALUES(?, ?, ?, ?, ?, ?, 'planned', NULL, NULL)",
                (index, name, first_line, last_line, count, digest),
            )
        elif row[0] != digest:
            raise self._mismatch(index, first_line, "its recipients differ")

    def check_plan_size(self, batches: int) -> None:
        recorded = self._db.execute("SELECT COUNT(*) FROM batches").fetchone()[0]
        if recorded != batches:
            raise JournalError(
                f"this input makes {batches} batches, the journal {self.path} recorded "
                f"{recorded}: it belongs to a different input"
            )

    def _mismatch(self, index: int, line: int, why: str) -> JournalError:
        self._db.execute("ROLLBACK")
        return JournalError(
            f"batch {index} (from line {line}) does not match the journal {self.path}: {why}. "
            "Resume with the same input (file, order, --skip-invalid) the job started "
            "with, or start a new job with another journal"
        )

    # -- progress -----------------------------------------------------------------------

    def batch(self, index: int) -> JournalBatch | None:
        row = self._db.execute("SELECT * FROM batches WHERE idx=?", (index,)).fetchone()
        return None if row is None else tuple(row)

    def batches(self, state: str | None = None) -> Iterator[JournalBatch]:
        if state is None:
            cursor = self._db.execute("SELECT * FROM batches ORDER BY idx")
        else:
            cursor = self._db.execute("SELECT * FROM batches WHERE state=? ORDER BY idx", (state,))
        for row in cursor:
            yield tuple(row)

    def totals(self) -> dict[str, tuple[int, int]]:
        """``{state: (batches, recipients)}``."""
        rows = self._db.execute("SELECT state, COUNT(*), SUM(count) FROM batches GROUP BY state")
        return {state: (n, total or 0) for state, n, total in rows}

    def mark(
        self, index: int, state: str, *, batch_id: int | None = None, reason: str | None = None
    ) -> None:
        with self._transaction():
            self._db.execute(
                "UPDATE batches SET state=?, batch_id=?, reason=? WHERE idx=?",
                (state, batch_id, reason, index),
            )

    def _transaction(self) -> Any:
        return _Transaction(self._db)


class _Transaction:
    __slots__ = ("_db",)

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, *_: object) -> None:
        self._db.execute("ROLLBACK" if exc_type is not None else "COMMIT")
