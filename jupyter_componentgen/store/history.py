"""Every component version of a notebook, in one SQLite file that the kernel and the server share.

Versions are immutable rows numbered 1, 2, 3 ... per component; "current" is a pointer that a rollback moves,
and a version added after a rollback branches from the version that is current then. Writes run in
``BEGIN IMMEDIATE`` transactions under WAL, so several processes can add versions at once without ever
handing out the same number twice.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import time
from collections.abc import Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from jupyter_componentgen.engine.data import DataDescription, data_description_from_json
from jupyter_componentgen.engine.history import Author, DraftRecord, VersionNotFoundError, VersionRecord
from jupyter_componentgen.engine.routing import OWN_MODEL_KINDS, Route
from jupyter_componentgen.engine.usage import Usage

from .connection import HistoryFile
from .ledger import UsageLedger
from .records import (
    DRAFT_COLUMNS,
    VERSION_COLUMNS,
    ComponentSummary,
    draft_from_row,
    repairs_column,
    route_columns,
    version_from_row,
)

STORE_FOLDER = ".componentgen"
DB_FILE_NAME = "history.sqlite"


class Store:
    """One notebook's component history inside a history database (the engine's ``History`` port).

    Safe to share between threads (calls are serialised); each process opens its own connection.
    Nothing is created on disk until the first write.
    """

    def __init__(self, db_path: Path, notebook: str) -> None:
        self.db_path = Path(db_path)
        self.notebook = notebook
        self._file = HistoryFile(self.db_path)
        self._lock = self._file.lock
        self._data_version: tuple[int, int | None] | None = None
        self._ledger: UsageLedger | None = None

    @classmethod
    def for_notebook(cls, notebook_path: Path, store_dir: str | Path = "") -> Store:
        """The store of a notebook file.

        Without ``store_dir`` the history sits beside the notebook, keyed by its file name, so it follows
        the folder when it is moved or copied. With ``store_dir`` (one folder for all histories) the key
        is the notebook's absolute path.
        """
        notebook_path = Path(notebook_path).expanduser()
        if str(store_dir):
            return cls(Path(store_dir).expanduser() / DB_FILE_NAME, str(notebook_path.resolve()))
        return cls(notebook_path.resolve().parent / STORE_FOLDER / DB_FILE_NAME, notebook_path.name)

    @property
    def ledger(self) -> UsageLedger:
        """The usage rows of this history's database (opened on first use, closed with the store)."""
        with self._lock:
            if self._ledger is None:
                self._ledger = UsageLedger(self.db_path, self.notebook)
            return self._ledger

    # Reading

    def components(self) -> list[ComponentSummary]:
        sql = (
            "SELECT c.name, c.current, c.updated_at, COUNT(v.number), "
            "(SELECT model FROM versions WHERE component_id = c.id AND number = c.current) "
            "FROM components c LEFT JOIN versions v ON v.component_id = c.id "
            "WHERE c.notebook = ? GROUP BY c.id ORDER BY c.name"
        )
        with self._reading() as db:
            rows = [] if db is None else db.execute(sql, (self.notebook,)).fetchall()
        return [
            ComponentSummary(name=row[0], current=row[1], versions=row[3], updated_at=row[2], model=row[4])
            for row in rows
        ]

    def current(self, component: str) -> VersionRecord | None:
        return self._one_version(component, "v.number = c.current", ())

    def version(self, component: str, number: int) -> VersionRecord | None:
        return self._one_version(component, "v.number = ?", (number,))

    def versions(self, component: str) -> list[VersionRecord]:
        """All versions of a component, oldest first."""
        sql = f"{self._version_query('1')} ORDER BY v.number"
        with self._reading() as db:
            rows = [] if db is None else db.execute(sql, (self.notebook, component)).fetchall()
        return [version_from_row(row) for row in rows]

    def find_cached(self, component: str, request_key: str) -> VersionRecord | None:
        """A stored answer to the same request in the current version's lineage, newest first.

        Matches a version built on the current one (the same edit asked again), or the current version or
        one of its ancestors (an earlier cell of the same chain re-run); a sibling branch never matches.
        """
        sql = f"""
            WITH RECURSIVE lineage(number) AS (
                SELECT current FROM components WHERE notebook = ? AND name = ? AND current IS NOT NULL
                UNION
                SELECT v.parent FROM versions v JOIN lineage l ON v.number = l.number
                WHERE v.component_id = (SELECT id FROM components WHERE notebook = ? AND name = ?)
                  AND v.parent IS NOT NULL
            )
            {self._version_query("v.request_key = ?")}
              AND (v.number IN (SELECT number FROM lineage) OR v.parent IS c.current)
            ORDER BY v.number DESC LIMIT 1
        """
        params = (self.notebook, component, self.notebook, component, self.notebook, component, request_key)
        with self._reading() as db:
            row = None if db is None else db.execute(sql, params).fetchone()
        return None if row is None else version_from_row(row)

    def component_model(self, component: str) -> str | None:
        """The model this component keeps for requests that name none, or None (no model made it yet).

        It is the model of the nearest version, from the current one back through its parents, that a
        model wrote as its own: a new component, a pick by the person, a fix or a rewrite. Small edits
        (which may have gone to the cheaper edit_model) and hand edits pass the question to their parent.
        """
        sql = (
            "SELECT v.number, v.parent, v.author, v.model, v.route_kind, v.route_model, c.current "
            "FROM versions v JOIN components c ON c.id = v.component_id WHERE c.notebook = ? AND c.name = ?"
        )
        with self._reading() as db:
            rows = [] if db is None else db.execute(sql, (self.notebook, component)).fetchall()
        by_number = {row[0]: row for row in rows}
        number = rows[0][6] if rows else None
        while number in by_number:
            _, parent, author, model, route_kind, route_model = by_number.pop(number)[:6]
            if author == "llm" and route_kind is None and model:
                return str(model)  # saved before routes were kept
            if author == "llm" and route_kind in OWN_MODEL_KINDS and route_model:
                return str(route_model)
            number = parent
        return None

    def component_models(self) -> dict[str, str | None]:
        """Each component's own model (component_model), by name."""
        return {summary.name: self.component_model(summary.name) for summary in self.components()}

    def changed_elsewhere(self) -> bool:
        """Whether another connection (another process: a kernel, the command line) committed to the history
        since the last call; True on the first call and when the file first appears. Cheap: no table read."""
        with self._reading() as db:
            version = None if db is None else int(db.execute("PRAGMA data_version").fetchone()[0])
        marker = (self._file.opened, version)
        changed, self._data_version = marker != self._data_version, marker
        return changed

    def current_numbers(self) -> dict[str, tuple[int | None, int]]:
        """Each component's current version number (None: no version yet) and its highest, by name."""
        sql = (
            "SELECT c.name, c.current, COALESCE(MAX(v.number), 0) FROM components c "
            "LEFT JOIN versions v ON v.component_id = c.id WHERE c.notebook = ? GROUP BY c.id"
        )
        with self._reading() as db:
            rows = [] if db is None else db.execute(sql, (self.notebook,)).fetchall()
        return {name: (current, highest) for name, current, highest in rows}

    def latest_failures(self) -> dict[str, DraftRecord]:
        """Per component, its latest failed or cancelled generation when it is newer than every version
        (for a component with no version: why it has none)."""
        sql = (
            f"SELECT {DRAFT_COLUMNS} FROM drafts d JOIN components c ON c.id = d.component_id "
            "WHERE c.notebook = ? AND d.id = (SELECT MAX(id) FROM drafts WHERE component_id = c.id) "
            "AND d.created_at >= COALESCE((SELECT MAX(created_at) FROM versions WHERE component_id = c.id), 0)"
        )
        with self._reading() as db:
            rows = [] if db is None else db.execute(sql, (self.notebook,)).fetchall()
        return {draft.component: draft for draft in map(draft_from_row, rows)}

    def drafts(self, component: str) -> list[DraftRecord]:
        """A component's failed or cancelled generations, oldest first."""
        sql = (
            f"SELECT {DRAFT_COLUMNS} FROM drafts d JOIN components c ON c.id = d.component_id "
            "WHERE c.notebook = ? AND c.name = ? ORDER BY d.id"
        )
        with self._reading() as db:
            rows = [] if db is None else db.execute(sql, (self.notebook, component)).fetchall()
        return [draft_from_row(row) for row in rows]

    # Writing

    def add_version(
        self,
        component: str,
        *,
        code: str,
        prompt: str,
        parent: int | None,
        model: str | None,
        author: Author,
        usage: Usage,
        latency_ms: int | None,
        explanation: str = "",
        request_key: str | None = None,
        make_current: bool = True,
        route: Route | None = None,
        repairs: Sequence[str] = (),
    ) -> VersionRecord:
        """Save a new version; its number is the component's next one, assigned inside the transaction.

        ``repairs`` says in plain words what the deterministic repairs changed in ``code`` (already applied).
        """
        if author not in ("llm", "user"):
            raise ValueError(f"author must be 'llm' or 'user', not {author!r}")
        now = time.time()
        with self._writing() as db:
            component_id = self._component_id(db, component, now)
            if parent is not None and not _has_version(db, component_id, parent):
                raise VersionNotFoundError(component, parent)
            row = db.execute(
                "SELECT COALESCE(MAX(number), 0) + 1 FROM versions WHERE component_id = ?", (component_id,)
            ).fetchone()
            number = int(row[0])
            db.execute(
                "INSERT INTO versions (component_id, number, code, prompt, parent, model, author, "
                "input_tokens, output_tokens, cached_tokens, cost, latency_ms, status, explanation, "
                "request_key, created_at, route_kind, route_model, route_reason, repairs) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ok', ?, ?, ?, ?, ?, ?, ?)",
                (
                    component_id, number, code, prompt, parent, model, author, usage.input_tokens,
                    usage.output_tokens, usage.cached_tokens, usage.cost, latency_ms, explanation,
                    request_key, now, *route_columns(route), repairs_column(repairs),
                ),
            )  # fmt: skip
            if make_current:
                db.execute(
                    "UPDATE components SET current = ?, updated_at = ? WHERE id = ?",
                    (number, now, component_id),
                )
            else:
                db.execute("UPDATE components SET updated_at = ? WHERE id = ?", (now, component_id))
        return VersionRecord(
            component=component, number=number, code=code, prompt=prompt, parent=parent, model=model,
            author=author, usage=usage, latency_ms=latency_ms, created_at=now, explanation=explanation,
            request_key=request_key, route=route, repairs=tuple(repairs),
        )  # fmt: skip

    def remember_data(self, component: str, data: DataDescription | None) -> None:
        """Keep what the model was last told about the component's data (None: it has no data now)."""
        payload = json.dumps(dataclasses.asdict(data)) if data is not None else None
        with self._writing() as db:
            db.execute(
                "UPDATE components SET data_description = ? WHERE notebook = ? AND name = ?",
                (payload, self.notebook, component),
            )

    def data_description(self, component: str) -> DataDescription | None:
        """The description remember_data kept, or None (no data, or a value this version cannot read)."""
        with self._reading() as db:
            row = (
                None
                if db is None
                else db.execute(
                    "SELECT data_description FROM components WHERE notebook = ? AND name = ?",
                    (self.notebook, component),
                ).fetchone()
            )
        if row is None or row[0] is None:
            return None
        return data_description_from_json(row[0])

    def set_current(self, component: str, number: int) -> VersionRecord:
        """Make an existing version current (a rollback, or a move to another branch)."""
        with self._writing() as db:
            row = db.execute(
                self._version_query("v.number = ?"), (self.notebook, component, number)
            ).fetchone()
            if row is None:
                raise VersionNotFoundError(component, number)
            db.execute(
                "UPDATE components SET current = ?, updated_at = ? WHERE notebook = ? AND name = ?",
                (number, time.time(), self.notebook, component),
            )
        return version_from_row(row)

    def add_draft(
        self,
        component: str,
        *,
        code: str,
        prompt: str,
        parent: int | None,
        model: str | None,
        error_code: str,
        error_message: str,
        usage: Usage,
    ) -> DraftRecord:
        """Keep a failed generation's partial output so the person can still see or recover it."""
        now = time.time()
        with self._writing() as db:
            component_id = self._component_id(db, component, now)
            cursor = db.execute(
                "INSERT INTO drafts (component_id, code, prompt, parent, model, error_code, error_message, "
                "input_tokens, output_tokens, cached_tokens, cost, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    component_id, code, prompt, parent, model, error_code, error_message, usage.input_tokens,
                    usage.output_tokens, usage.cached_tokens, usage.cost, now,
                ),
            )  # fmt: skip
            draft_id = cursor.lastrowid
        if draft_id is None:
            raise RuntimeError("SQLite did not report the new draft's id")
        return DraftRecord(
            id=draft_id, component=component, code=code, prompt=prompt, parent=parent, model=model,
            error_code=error_code, error_message=error_message, usage=usage, created_at=now,
        )  # fmt: skip

    def close(self) -> None:
        """Close the connection; the store reopens it if used again."""
        with self._lock:
            self._file.close()
            if self._ledger is not None:
                self._ledger.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.db_path)!r}, notebook={self.notebook!r})"

    # Internals

    def _reading(self) -> AbstractContextManager[sqlite3.Connection | None]:
        """A consistent snapshot for one read, or None when no history has been written yet."""
        return self._file.reading()

    def _writing(self) -> AbstractContextManager[sqlite3.Connection]:
        return self._file.writing()

    def _component_id(self, db: sqlite3.Connection, component: str, now: float) -> int:
        if not component:
            raise ValueError("a component needs a non-empty name")
        db.execute(
            "INSERT INTO components (notebook, name, current, updated_at) VALUES (?, ?, NULL, ?) "
            "ON CONFLICT (notebook, name) DO NOTHING",
            (self.notebook, component, now),
        )
        row = db.execute(
            "SELECT id FROM components WHERE notebook = ? AND name = ?", (self.notebook, component)
        ).fetchone()
        return int(row[0])

    def _version_query(self, condition: str) -> str:
        return (
            f"SELECT {VERSION_COLUMNS} FROM versions v JOIN components c ON c.id = v.component_id "
            f"WHERE c.notebook = ? AND c.name = ? AND {condition}"
        )

    def _one_version(self, component: str, condition: str, extra: tuple[Any, ...]) -> VersionRecord | None:
        with self._reading() as db:
            row = None
            if db is not None:
                row = db.execute(
                    self._version_query(condition), (self.notebook, component, *extra)
                ).fetchone()
        return None if row is None else version_from_row(row)


def _has_version(db: sqlite3.Connection, component_id: int, number: int) -> bool:
    row = db.execute(
        "SELECT 1 FROM versions WHERE component_id = ? AND number = ?", (component_id, number)
    ).fetchone()
    return row is not None
