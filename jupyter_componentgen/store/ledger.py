"""The usage ledger: one row per generation that called a model, kept beside the component history.

Each row says who asked, which model answered, the route (why that model), tokens and cost, and which
version or draft it produced, so usage adds up per version, component, notebook and user, and the daily
budget can be checked before the next call. Rows point at a component by its id, so they follow the
notebook through a rename. The table lives in the history database but is created by this module
(``CREATE TABLE IF NOT EXISTS``), leaving the store's own tables and schema version alone.
"""

from __future__ import annotations

import sqlite3
import time
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from jupyter_componentgen.engine.history import LedgerStatus
from jupyter_componentgen.engine.usage import Usage

from .connection import HistoryFile

if TYPE_CHECKING:
    from pathlib import Path

_TABLE = """
CREATE TABLE IF NOT EXISTS usage_ledger (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    component_id INTEGER NOT NULL REFERENCES components(id),
    version INTEGER,
    draft INTEGER,
    user TEXT NOT NULL,
    model TEXT NOT NULL,
    route TEXT NOT NULL,
    reason TEXT NOT NULL,
    status TEXT NOT NULL,
    requests INTEGER NOT NULL,
    input_tokens INTEGER NOT NULL,
    output_tokens INTEGER NOT NULL,
    cached_tokens INTEGER NOT NULL,
    cost REAL,
    created_at REAL NOT NULL
)
"""
_INDEX = "CREATE INDEX IF NOT EXISTS usage_ledger_by_user_time ON usage_ledger (user, created_at)"
_SUMS = (
    "COALESCE(SUM(u.input_tokens), 0), COALESCE(SUM(u.output_tokens), 0), "
    "COALESCE(SUM(u.cached_tokens), 0), SUM(u.cost)"
)

_SCOPED = (
    f"SELECT {_SUMS} FROM usage_ledger u JOIN components c ON c.id = u.component_id WHERE c.notebook = ?"
)


@dataclass(frozen=True)
class RouteRecord:
    """How a version came to be: the model that answered, the route's kind and its reason."""

    model: str
    route: str
    reason: str
    requests: int


class UsageLedger:
    """Usage rows of one store's database (the engine's ``Ledger`` port). Safe to share between threads."""

    def __init__(self, db_path: Path, notebook: str) -> None:
        self.db_path = db_path
        self.notebook = notebook
        self._file = HistoryFile(db_path, prepare=_create_table)

    def record(
        self,
        component: str,
        *,
        user: str,
        model: str,
        route: str,
        reason: str,
        status: LedgerStatus,
        requests: int,
        usage: Usage,
        version: int | None = None,
        draft: int | None = None,
    ) -> None:
        now = time.time()
        with self._writing() as db:
            db.execute(
                "INSERT INTO components (notebook, name, current, updated_at) VALUES (?, ?, NULL, ?) "
                "ON CONFLICT (notebook, name) DO NOTHING",
                (self.notebook, component, now),
            )
            db.execute(
                "INSERT INTO usage_ledger (component_id, version, draft, user, model, route, reason, status, "
                "requests, input_tokens, output_tokens, cached_tokens, cost, created_at) "
                "SELECT id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM components WHERE notebook = ? AND name = ?",
                (
                    version, draft, user, model, route, reason, status, requests, usage.input_tokens,
                    usage.output_tokens, usage.cached_tokens, usage.cost, now, self.notebook, component,
                ),
            )  # fmt: skip

    def spent_by_user(self, user: str, since: float) -> Usage:
        """What ``user`` spent in this database (every notebook in it) since the epoch time ``since``."""
        sql = f"SELECT {_SUMS} FROM usage_ledger u WHERE u.user = ? AND u.created_at >= ?"
        return self._sum(sql, (user, since))

    def for_version(self, component: str, number: int) -> Usage:
        return self._sum(f"{_SCOPED} AND c.name = ? AND u.version = ?", (self.notebook, component, number))

    def for_component(self, component: str) -> Usage:
        """Every call made for the component, including failed and cancelled ones."""
        return self._sum(f"{_SCOPED} AND c.name = ?", (self.notebook, component))

    def for_notebook(self) -> Usage:
        return self._sum(_SCOPED, (self.notebook,))

    def route(self, component: str, number: int) -> RouteRecord | None:
        """How version ``number`` was routed; None for versions written by hand or before the ledger."""
        sql = (
            "SELECT u.model, u.route, u.reason, u.requests FROM usage_ledger u "
            "JOIN components c ON c.id = u.component_id "
            "WHERE c.notebook = ? AND c.name = ? AND u.version = ? ORDER BY u.id DESC LIMIT 1"
        )
        with self._reading() as db:
            row = None if db is None else db.execute(sql, (self.notebook, component, number)).fetchone()
        return None if row is None else RouteRecord(row[0], row[1], row[2], row[3])

    def close(self) -> None:
        self._file.close()

    def _sum(self, sql: str, params: tuple[object, ...]) -> Usage:
        with self._reading() as db:
            row = None if db is None else db.execute(sql, params).fetchone()
        if row is None:
            return Usage()
        return Usage(int(row[0]), int(row[1]), int(row[2]), None if row[3] is None else float(row[3]))

    def _reading(self) -> AbstractContextManager[sqlite3.Connection | None]:
        return self._file.reading(snapshot=False)

    def _writing(self) -> AbstractContextManager[sqlite3.Connection]:
        return self._file.writing()


def _create_table(connection: sqlite3.Connection) -> None:
    connection.execute(_TABLE)
    connection.execute(_INDEX)
