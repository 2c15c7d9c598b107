"""The history database's tables, how to open it, and how to bring an older file up to date."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .records import StoreVersionError

# Seconds a writer waits for another process's write transaction before giving up.
BUSY_TIMEOUT_S = 30.0

# Each entry upgrades the file from schema version i to i + 1; PRAGMA user_version records how far it got.
# Append new entries; never edit a released one.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE components (
        id INTEGER PRIMARY KEY,
        notebook TEXT NOT NULL,
        name TEXT NOT NULL,
        current INTEGER,
        updated_at REAL NOT NULL,
        UNIQUE (notebook, name)
    );
    CREATE TABLE versions (
        component_id INTEGER NOT NULL REFERENCES components(id),
        number INTEGER NOT NULL CHECK (number >= 1),
        code TEXT NOT NULL,
        prompt TEXT NOT NULL,
        parent INTEGER,
        model TEXT,
        author TEXT NOT NULL CHECK (author IN ('llm', 'user')),
        input_tokens INTEGER NOT NULL DEFAULT 0,
        output_tokens INTEGER NOT NULL DEFAULT 0,
        cached_tokens INTEGER NOT NULL DEFAULT 0,
        cost REAL,
        latency_ms INTEGER,
        status TEXT NOT NULL DEFAULT 'ok',
        explanation TEXT NOT NULL DEFAULT '',
        request_key TEXT,
        created_at REAL NOT NULL,
        PRIMARY KEY (component_id, number)
    ) WITHOUT ROWID;
    CREATE INDEX versions_by_request_key ON versions (component_id, request_key);
    -- A version is evidence of what was generated: it is never rewritten.
    CREATE TRIGGER versions_are_immutable BEFORE UPDATE ON versions
    BEGIN
        SELECT RAISE(ABORT, 'component versions are immutable');
    END;
    CREATE TABLE drafts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        component_id INTEGER NOT NULL REFERENCES components(id),
        code TEXT NOT NULL,
        prompt TEXT NOT NULL,
        parent INTEGER,
        model TEXT,
        error_code TEXT NOT NULL,
        error_message TEXT NOT NULL,
        input_tokens INTEGER NOT NULL DEFAULT 0,
        output_tokens INTEGER NOT NULL DEFAULT 0,
        cached_tokens INTEGER NOT NULL DEFAULT 0,
        cost REAL,
        created_at REAL NOT NULL
    );
    CREATE INDEX drafts_by_component ON drafts (component_id);
    """,
    # 1 -> 2: the route (which model was chosen for the request, and why) on each version. Added columns are
    # NULL for existing rows (hand edits, and versions saved before routes were kept).
    """
    ALTER TABLE versions ADD COLUMN route_kind TEXT;
    ALTER TABLE versions ADD COLUMN route_model TEXT;
    ALTER TABLE versions ADD COLUMN route_reason TEXT;
    """,
    # 2 -> 3: what the model was last told about a component's data (schema and sample rows, JSON), so
    # requests that cannot see the kernel's variables (side-panel edits) can tell it too. NULL: no data.
    """
    ALTER TABLE components ADD COLUMN data_description TEXT;
    """,
    # 3 -> 4: the deterministic repairs made to a version's code before it was checked and saved (a JSON list
    # of plain sentences). NULL for versions saved before repairs were kept, read as no repairs.
    """
    ALTER TABLE versions ADD COLUMN repairs TEXT;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


def connect(db_path: Path) -> sqlite3.Connection:
    """An autocommit connection (transactions are explicit) tuned for several processes writing at once."""
    connection = sqlite3.connect(
        db_path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
    )
    try:
        connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        _enable_wal(connection)
        # In WAL mode NORMAL loses no committed data on an application crash, only on power loss.
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("PRAGMA foreign_keys = ON")
        _migrate(connection, db_path)
    except BaseException:
        connection.close()
        raise
    return connection


def _enable_wal(connection: sqlite3.Connection) -> None:
    """Switch to WAL. Switching needs a moment of exclusive access and SQLite reports "locked" at once,
    without its busy handler, when another process is busy with a fresh file: so wait and retry here."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _migrate(connection: sqlite3.Connection, db_path: Path) -> None:
    if _user_version(connection) == SCHEMA_VERSION:
        return
    # Under the write lock, so two processes opening a fresh file do not both create the tables.
    connection.execute("BEGIN IMMEDIATE")
    try:
        version = _user_version(connection)
        if version > SCHEMA_VERSION:
            raise StoreVersionError(
                f"The component history {db_path} was written by a newer jupyter-componentgen "
                f"(schema {version}, this one reads up to {SCHEMA_VERSION}). Upgrade jupyter-componentgen."
            )
        for script in MIGRATIONS[version:]:
            for statement in _statements(script):
                connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise


def _user_version(connection: sqlite3.Connection) -> int:
    row = connection.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def _statements(script: str) -> list[str]:
    """Split a migration into statements (executescript would commit our open transaction)."""
    statements: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--"):
            continue
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if pending.strip():
        raise ValueError(f"incomplete SQL statement in a store migration: {pending.strip()[:80]}")
    return statements


@contextmanager
def immediate_transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A write transaction that takes the database's write lock at once.

    IMMEDIATE (not DEFERRED) so that a read followed by a write, such as picking the next version number,
    cannot interleave with another process's writer.
    """
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
