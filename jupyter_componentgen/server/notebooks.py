"""One history (Store) and one Engine per notebook, shared by every socket and request that names it.

A context can be paused while its notebook is renamed or moved: new users wait, current users (a running
generation, a REST read) finish first, then the history moves and the context points at the new file.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sqlite3
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar

from jupyter_core.utils import ensure_async

from jupyter_componentgen.config import ComponentGen
from jupyter_componentgen.engine.admission import GenerationLimiter
from jupyter_componentgen.engine.generation import Engine
from jupyter_componentgen.engine.history_service import HistoryService
from jupyter_componentgen.store import DB_FILE_NAME, STORE_FOLDER, Store
from jupyter_componentgen.store.moves import move_between, rekey, rekey_prefix
from jupyter_componentgen.wiring import build_engine

from .paths import NotebookFile, NotebookPathError, inside_root, os_path_of, resolve_notebook

T = TypeVar("T")
EngineFactory = Callable[[Store], Engine]
log = logging.getLogger(__name__)


class HistoryUnavailable(Exception):
    """The history database failed (corrupt, unreadable, full disk...); ``message`` is for the client.

    It names the file relative to the notebook and the database's own reason, never a server path.
    """

    def __init__(self, api_path: str, *, shared: bool, reason: str) -> None:
        where = (
            f"the shared {DB_FILE_NAME} (in ComponentGen.store_dir)"
            if shared
            else f"{STORE_FOLDER}/{DB_FILE_NAME} beside the notebook"
        )
        self.message = (
            f"The component history of {api_path!r} could not be read or written ({reason}). If this "
            f"persists, move {where} aside (a new history starts) or restore it from a backup."
        )
        super().__init__(self.message)


def history_failure_reason(error: Exception) -> str:
    """The failure in a few words, without the file names an OSError carries."""
    if isinstance(error, OSError):
        return error.strerror or type(error).__name__
    return str(error) or type(error).__name__


class NotebookContext:
    """A notebook's Store and Engine, with a count of who is using them right now."""

    def __init__(
        self, file: NotebookFile, store: Store, engine: Engine, *, shared_store: bool = False
    ) -> None:
        self.file = file
        self.store = store
        self.engine = engine
        self.shared_store = shared_store
        self.last_used = time.monotonic()
        self._users = 0
        self._ready = asyncio.Event()
        self._ready.set()
        self._idle = asyncio.Event()
        self._idle.set()

    @property
    def api_path(self) -> str:
        return self.file.api_path

    @property
    def busy(self) -> bool:
        return self._users > 0 or not self._ready.is_set()

    @asynccontextmanager
    async def use(self) -> AsyncIterator[NotebookContext]:
        """Hold the context (waiting out a move in progress); the history is not moved while held."""
        await self._ready.wait()
        self._users += 1
        self._idle.clear()
        self.last_used = time.monotonic()
        try:
            yield self
        finally:
            self._users -= 1
            if self._users == 0:
                self._idle.set()

    async def call(self, function: Callable[[Store], T]) -> T:
        """Run ``function(store)`` (blocking Store calls) in a worker thread, holding the context meanwhile.

        The store is looked up only once the context is held, so a call never reaches a moved history.
        A failing database raises HistoryUnavailable.
        """
        async with self.use():
            try:
                return await asyncio.to_thread(function, self.store)
            except (sqlite3.Error, OSError) as error:
                log.warning("jupyter-componentgen: the history of %s failed: %r", self.api_path, error)
                raise HistoryUnavailable(
                    self.api_path, shared=self.shared_store, reason=history_failure_reason(error)
                ) from None

    def history(self, store: Store) -> HistoryService:
        """Hand edits and rollbacks of ``store`` (the one ``call`` hands over), with this engine's rules."""
        return HistoryService(store, self.engine.settings, self.engine.checker)

    def pause(self) -> None:
        self._ready.clear()

    async def wait_idle(self) -> None:
        await self._idle.wait()

    def rebind(self, file: NotebookFile, store: Store, engine: Engine) -> None:
        old_store = self.store
        self.file, self.store, self.engine = file, store, engine
        if old_store is not store:
            old_store.close()

    def resume(self) -> None:
        self._ready.set()


class NotebookRegistry:
    """Finds (through the ContentsManager) and caches the context of each notebook in use."""

    def __init__(
        self,
        contents_manager: Any,
        settings: ComponentGen,
        *,
        engine_factory: EngineFactory | None = None,
        max_open: int = 128,
    ) -> None:
        self.contents_manager = contents_manager
        self.settings = settings
        # One rate per user for the whole server process; its queue bounds generations at once per user
        # (GenerationManager).
        limiter = GenerationLimiter(settings.generations_per_minute, 0)
        self._engine_factory: EngineFactory = engine_factory or (
            lambda store: build_engine(settings, store, limiter)
        )
        self._contexts: dict[str, NotebookContext] = {}
        self._moves = asyncio.Lock()
        self._max_open = max_open
        self.on_renamed: list[Callable[[str, str], None]] = []

    async def open(self, api_path: object) -> NotebookContext:
        """The context of an existing notebook; NotebookPathError when the path may not be used."""
        file = await resolve_notebook(self.contents_manager, api_path)
        self._check_history_folder(file)
        context = self._contexts.get(file.api_path)
        if context is None:
            context = self._create(file)
            self._contexts[file.api_path] = context
            self._close_idle()
        return context

    def opened(self, api_path: str) -> NotebookContext | None:
        """The context of a notebook already in use (no path checks: ``api_path`` came from ``open``)."""
        return self._contexts.get(api_path)

    def _check_history_folder(self, file: NotebookFile) -> None:
        """A history beside the notebook must stay inside the root too: its folder may be a link."""
        if self.settings.store_dir:
            return  # one folder the administrator chose, outside the root on purpose
        folder = file.os_path.resolve().parent / STORE_FOLDER
        if not inside_root(self.contents_manager, folder):
            beside = PurePosixPath(file.api_path).parent / STORE_FOLDER
            raise NotebookPathError(
                403,
                f"The history folder {str(beside)!r} of {file.api_path!r} is a symbolic link that leads "
                "outside the server's root; component history is kept only inside the root. Remove the "
                "link (a new history starts) or move its target into the root.",
            )

    def _create(self, file: NotebookFile) -> NotebookContext:
        store = Store.for_notebook(file.os_path, self.settings.store_dir)
        shared = bool(self.settings.store_dir)
        return NotebookContext(file, store, self._engine_factory(store), shared_store=shared)

    def _close_idle(self) -> None:
        """Close the least recently used idle contexts beyond ``max_open`` (each holds a database handle)."""
        excess = len(self._contexts) - self._max_open
        if excess <= 0:
            return
        idle = sorted((c for c in self._contexts.values() if not c.busy), key=lambda c: c.last_used)
        for context in idle[:excess]:
            del self._contexts[context.api_path]
            context.store.close()

    async def renamed(self, old_path: str, new_path: str) -> None:
        """Follow a rename or move made through the ContentsManager (a notebook or a folder)."""
        old_path, new_path = old_path.strip("/"), new_path.strip("/")
        async with self._moves:
            if await ensure_async(self.contents_manager.dir_exists(new_path)):
                await self._folder_renamed(old_path, new_path)
            elif old_path.endswith(".ipynb"):
                await self._move_contexts({old_path: new_path}, [(old_path, new_path)])
        for callback in self.on_renamed:
            callback(old_path, new_path)

    async def _folder_renamed(self, old_dir: str, new_dir: str) -> None:
        prefix = old_dir + "/" if old_dir else ""
        pairs = {
            path: new_dir + "/" + path[len(prefix) :] for path in self._contexts if path.startswith(prefix)
        }
        # Beside the notebooks, histories travel with their folder; a shared store is keyed by absolute path.
        shared = [(old_dir, new_dir)] if self.settings.store_dir else []
        await self._move_contexts(pairs, shared, folders=True)

    async def _move_contexts(
        self, pairs: dict[str, str], histories: list[tuple[str, str]], *, folders: bool = False
    ) -> None:
        moving: list[tuple[NotebookContext, str]] = []
        for old, new in pairs.items():
            context = self._contexts.pop(old, None)
            stale = self._contexts.pop(new, None)
            if stale is not None:
                await stale.wait_idle()
                stale.store.close()
            if context is None:
                context = self._create(NotebookFile(new, os_path_of(self.contents_manager, new)))
            context.pause()
            self._contexts[new] = context
            moving.append((context, new))
        try:
            for context, _ in moving:
                await context.wait_idle()
            for old, new in histories:
                await asyncio.to_thread(self._move_history, old, new, folders)
        except Exception:
            log.exception("jupyter-componentgen: could not move the history of %s", list(pairs) or histories)
        finally:
            for context, new in moving:
                file = NotebookFile(new, os_path_of(self.contents_manager, new))
                store = Store.for_notebook(file.os_path, self.settings.store_dir)
                context.rebind(file, store, self._engine_factory(store))
                context.resume()

    def _move_history(self, old: str, new: str, folders: bool) -> None:
        old_os = os_path_of(self.contents_manager, old)
        new_os = os_path_of(self.contents_manager, new)
        if folders:
            db = Path(self.settings.store_dir).expanduser() / DB_FILE_NAME
            rekey_prefix(db, str(old_os.resolve()) + os.sep, str(new_os.resolve()) + os.sep)
            return
        source = Store.for_notebook(old_os, self.settings.store_dir)
        target = Store.for_notebook(new_os, self.settings.store_dir)
        if source.db_path == target.db_path:
            rekey(source.db_path, source.notebook, target.notebook)
        else:
            move_between(source.db_path, source.notebook, target.db_path, target.notebook)

    async def deleted(self, api_path: str) -> None:
        """Forget a deleted notebook's (or folder's) contexts; their history stays on disk."""
        api_path = api_path.strip("/")
        gone = [p for p in self._contexts if p == api_path or p.startswith(api_path + "/")]
        for path in gone:
            context = self._contexts.pop(path)
            await context.wait_idle()
            context.store.close()

    async def close(self) -> None:
        for context in self._contexts.values():
            context.store.close()
        self._contexts.clear()
