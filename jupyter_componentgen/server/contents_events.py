"""Keep component history attached to notebooks renamed, moved or deleted through the ContentsManager.

jupyter-server (>= 2) emits a "contents_service" event after each successful rename or delete, whether
JupyterLab's file browser, the REST API or another extension asked for it; this listener acts on them.
"""

from __future__ import annotations

from typing import Any

from .notebooks import NotebookRegistry


class ContentsFollower:
    """An event-logger listener (``EventLogger.add_listener``) for the contents service's events."""

    def __init__(self, registry: NotebookRegistry) -> None:
        self.registry = registry

    async def __call__(self, logger: Any, schema_id: str, data: dict[str, Any]) -> None:
        action, path = data.get("action"), data.get("path")
        if not isinstance(path, str):
            return
        if action == "rename" and isinstance(data.get("source_path"), str):
            await self.registry.renamed(data["source_path"], path)
        elif action == "delete":
            await self.registry.deleted(path)
