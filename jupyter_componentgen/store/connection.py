"""One process's connection to a history database, shared by the threads of that process.

The file is opened on first use and created only by the first write; every call holds a lock (sqlite3
connections must not be used by two threads at once), reads can see one consistent snapshot, and writes take
the database's write lock at once (``schema.immediate_transaction``).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .schema import connect, immediate_transaction


class HistoryFile:
    def __init__(self, db_path: Path, *, prepare: Callable[[sqlite3.Connection], None] | None = None) -> None:
        self.db_path = Path(db_path)
        self.lock = threading.RLock()
        # Connections opened so far: SQLite's data_version is only comparable within one.
        self.opened = 0
        self._prepare = prepare  # run on each new connection (e.g. a table of its own)
        self._connection: sqlite3.Connection | None = None

    def open(self, *, create: bool) -> sqlite3.Connection | None:
        """The connection, or None when the file does not exist and ``create`` is False."""
        if self._connection is None:
            if not self.db_path.exists():
                if not create:
                    return None
                self.db_path.parent.mkdir(parents=True, exist_ok=True)
            connection = connect(self.db_path)
            if self._prepare is not None:
                self._prepare(connection)
            self._connection = connection
            self.opened += 1
        return self._connection

    @contextmanager
    def reading(self, *, snapshot: bool = True) -> Iterator[sqlite3.Connection | None]:
        """The connection for a read (None when nothing was written yet); ``snapshot``: in one transaction."""
        with self.lock:
            db = self.open(create=False)
            if db is None or not snapshot:
                yield db
                return
            db.execute("BEGIN")
            try:
                yield db
            finally:
                db.execute("COMMIT")

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        with self.lock:
            db = self.open(create=True)
            if db is None:
                raise RuntimeError(f"could not open {self.db_path}")
            with immediate_transaction(db):
                yield db

    def close(self) -> None:
        """Close the connection; the next call opens it again."""
        with self.lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None
