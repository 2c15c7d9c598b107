"""Move a notebook's history when the notebook is renamed or moved.

The Store has no API for changing a notebook's key, so these functions work on the history file's tables
directly (the layout in schema.py); each runs in its own write transaction and copies every column,
so version numbers, parents, timestamps and drafts survive the move.

Rows already stored under the destination key belong to a notebook that no longer exists at that path
(the rename succeeded, so nothing was there): they are kept, under the key ``<key>#replaced-<epoch>``.
"""

from __future__ import annotations

import sqlite3
import time
from contextlib import closing
from pathlib import Path

from .schema import connect, immediate_transaction


def aside_key(key: str) -> str:
    return f"{key}#replaced-{int(time.time())}"


def _rekey(db: sqlite3.Connection, old_key: str, new_key: str) -> int:
    db.execute("UPDATE components SET notebook = ? WHERE notebook = ?", (aside_key(new_key), new_key))
    return db.execute("UPDATE components SET notebook = ? WHERE notebook = ?", (new_key, old_key)).rowcount


def rekey(db_path: Path, old_key: str, new_key: str) -> int:
    """Give ``old_key``'s components to ``new_key`` inside one history file; returns how many moved."""
    if old_key == new_key or not db_path.exists():
        return 0
    with closing(connect(db_path)) as db, immediate_transaction(db):
        return _rekey(db, old_key, new_key)


def rekey_prefix(db_path: Path, old_prefix: str, new_prefix: str) -> int:
    """Re-key every notebook whose key starts with ``old_prefix`` (a renamed folder, with a shared store)."""
    if old_prefix == new_prefix or not db_path.exists():
        return 0
    moved = 0
    with closing(connect(db_path)) as db, immediate_transaction(db):
        keys = [
            row[0]
            for row in db.execute(
                "SELECT DISTINCT notebook FROM components WHERE substr(notebook, 1, ?) = ?",
                (len(old_prefix), old_prefix),
            )
        ]
        for key in keys:
            moved += _rekey(db, key, new_prefix + key[len(old_prefix) :])
    return moved


def _columns(db: sqlite3.Connection, table: str, leave_out: set[str]) -> list[str]:
    return [row[1] for row in db.execute(f"PRAGMA main.table_info({table})") if row[1] not in leave_out]


def move_between(src_db: Path, old_key: str, dst_db: Path, new_key: str) -> int:
    """Copy ``old_key``'s components from one history file into another as ``new_key``, then delete them
    from the source. The copy commits before the delete, so a crash in between duplicates, never loses."""
    if not src_db.exists():
        return 0
    if src_db.resolve() == dst_db.resolve():
        return rekey(src_db, old_key, new_key)
    with closing(connect(src_db)):
        pass  # brings the source file to the current schema before it is read
    dst_db.parent.mkdir(parents=True, exist_ok=True)
    with closing(connect(dst_db)) as db:
        db.execute("ATTACH DATABASE ? AS src", (str(src_db),))
        try:
            with immediate_transaction(db):
                moved = _copy(db, old_key, new_key)
        finally:
            db.execute("DETACH DATABASE src")
    with closing(connect(src_db)) as db, immediate_transaction(db):
        owned = "SELECT id FROM components WHERE notebook = ?"
        db.execute(f"DELETE FROM drafts WHERE component_id IN ({owned})", (old_key,))
        db.execute(f"DELETE FROM versions WHERE component_id IN ({owned})", (old_key,))
        db.execute("DELETE FROM components WHERE notebook = ?", (old_key,))
    return moved


def _copy(db: sqlite3.Connection, old_key: str, new_key: str) -> int:
    db.execute("UPDATE components SET notebook = ? WHERE notebook = ?", (aside_key(new_key), new_key))
    component_columns = ", ".join(_columns(db, "components", {"id", "notebook"}))
    moved = db.execute(
        f"INSERT INTO components (notebook, {component_columns}) "
        f"SELECT ?, {component_columns} FROM src.components WHERE notebook = ?",
        (new_key, old_key),
    ).rowcount
    for table, leave_out in (("versions", {"component_id"}), ("drafts", {"id", "component_id"})):
        columns = _columns(db, table, leave_out)
        db.execute(
            f"INSERT INTO {table} (component_id, {', '.join(columns)}) "
            f"SELECT d.id, {', '.join('r.' + c for c in columns)} FROM src.{table} r "
            "JOIN src.components s ON s.id = r.component_id "
            "JOIN main.components d ON d.notebook = ? AND d.name = s.name "
            "WHERE s.notebook = ?",
            (new_key, old_key),
        )
    return moved
