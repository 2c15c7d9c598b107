"""Versions written by another process reach the side panel: a kernel's ``%%component --code``, the Python
API or the command line write to the same history file, and the panel should follow them as they are saved.

For each notebook that someone subscribed to, the watcher asks SQLite once a second whether another
connection committed to the history (``PRAGMA data_version``, no table read), and if so compares each
component's current version with what it saw before; a change goes to the subscribers as ``version_saved``
(a new version) and ``component_updated``, exactly as for changes made through the server, and a component
that appeared with no version (its first generation failed or was cancelled) as ``components_changed``. The server's own
writes go through its own connection, which data_version does not count, so they are not announced twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import weakref
from collections.abc import Callable
from dataclasses import dataclass

from jupyter_componentgen.store import Store, VersionRecord

from . import messages_out as out
from .hub import Hub
from .notebooks import HistoryUnavailable, NotebookContext, NotebookRegistry

log = logging.getLogger(__name__)

POLL_INTERVAL_S = 1.0
Announce = Callable[[NotebookContext, VersionRecord, out.UpdateReason, bool], None]


@dataclass(frozen=True)
class ExternalChange:
    version: VersionRecord
    reason: out.UpdateReason
    new: bool  # a version that did not exist at the last look (else the current pointer moved)


class HistoryWatcher:
    def __init__(
        self, registry: NotebookRegistry, hub: Hub, announce: Announce, *, interval: float = POLL_INTERVAL_S
    ) -> None:
        self.registry = registry
        self.hub = hub
        self.announce = announce
        self.interval = interval
        self._task: asyncio.Task[None] | None = None
        # Per notebook context: each component's current version and the highest version number seen.
        self._seen: weakref.WeakKeyDictionary[NotebookContext, dict[str, tuple[int | None, int]]] = (
            weakref.WeakKeyDictionary()
        )

    def start(self) -> None:
        """Start watching (idempotent); called when a socket subscribes, on the server's loop."""
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._watch(), name="componentgen-history-watch")

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    def saw(self, context: NotebookContext, component: str, number: int) -> None:
        """The server itself announced ``number`` as current: a later look must not announce it again."""
        seen = self._seen.get(context)
        if seen is not None:
            _, highest = seen.get(component, (None, 0))
            seen[component] = (number, max(highest, number))

    async def look(self, context: NotebookContext) -> None:
        """Announce what changed in ``context``'s history since the last look (the first look announces
        nothing: it only remembers)."""
        first = context not in self._seen
        seen = self._seen.setdefault(context, {})
        changes, listed = await context.call(lambda store: _changes(store, seen, first=first))
        for change in changes:
            self.announce(context, change.version, change.reason, change.new)
        if listed:
            notice = out.encode(out.components_changed(context.api_path))
            self.hub.send_to_list_watchers(context.api_path, notice)

    async def _watch(self) -> None:
        while True:
            for notebook in self.hub.notebooks():
                context = self.registry.opened(notebook)
                if context is None:
                    continue
                try:
                    await self.look(context)
                except HistoryUnavailable:
                    continue  # reported to whoever reads it next; keep watching the others
                except Exception:
                    log.exception("jupyter-componentgen: could not check the history of %s", notebook)
            await asyncio.sleep(self.interval)


def _changes(
    store: Store, seen: dict[str, tuple[int | None, int]], *, first: bool
) -> tuple[list[ExternalChange], bool]:
    """The components whose current version moved since ``seen`` (which is brought up to date), and whether
    a component with no version appeared."""
    if not store.changed_elsewhere() and not first:
        return [], False
    changes = []
    listed = False
    for name, (current, highest) in store.current_numbers().items():
        known = name in seen
        before, highest_before = seen.get(name, (None, 0))
        seen[name] = (current, highest)
        if current is None and not known and not first:
            listed = True
        if first or current is None or current == before:
            continue
        record = store.current(name)
        if record is None:
            continue
        new = record.number > highest_before
        reason: out.UpdateReason = (
            "rollback" if not new else "user_edit" if record.author == "user" else "generated"
        )
        changes.append(ExternalChange(record, reason, new))
    return changes, listed
