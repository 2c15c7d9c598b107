"""The component history: every version of every component of a notebook, in one SQLite file (WAL) that the
kernel, the command line and the server write at once.

- ``history.py``: ``Store``, one notebook's versions, drafts and current pointers (it implements the engine's
  history port, ``engine/history.py``); a new query or write goes here.
- ``records.py``: the rows as immutable records; ``schema.py``: the tables and their migrations (a new column
  is a new migration there); ``ledger.py``: usage per generation, for reports and the daily budget;
  ``moves.py``: re-keying a history when its notebook is renamed or moved; ``connection.py``: one process's
  connection to the file, shared between threads.

The store knows nothing of kernels, widgets or the server; the rules for what may be saved (repairs, checks,
limits) are the engine's.
"""

from __future__ import annotations

from jupyter_componentgen.engine.history import DraftRecord, VersionNotFoundError, VersionRecord

from .history import DB_FILE_NAME, STORE_FOLDER, Store
from .records import ComponentSummary, StoreVersionError

__all__ = [
    "DB_FILE_NAME",
    "STORE_FOLDER",
    "ComponentSummary",
    "DraftRecord",
    "Store",
    "StoreVersionError",
    "VersionNotFoundError",
    "VersionRecord",
]
