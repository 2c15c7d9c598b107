"""The objects the handlers share, passed to each handler explicitly (no lookups in tornado settings)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from jupyter_componentgen.config import ComponentGen
from jupyter_componentgen.engine.defaults import DEFAULT_MODEL
from jupyter_componentgen.store import Store, VersionRecord

from . import messages_out as out
from .generation_state import GenerationRefused
from .generations import GenerationManager
from .history_watch import HistoryWatcher
from .hub import Hub
from .limits import ServerLimits
from .notebooks import NotebookContext, NotebookRegistry

AUTH_RESOURCE = "componentgen"
# A litellm model string: provider/model, with the characters model names use ("vertex_ai/…", "ollama/x:7b").
_MODEL_STRING = re.compile(r"[A-Za-z0-9][\w.:/@+\-]{0,199}", re.ASCII)


@dataclass
class ComponentGenService:
    settings: ComponentGen
    limits: ServerLimits
    registry: NotebookRegistry
    manager: GenerationManager
    hub: Hub
    # Whether a client may name any litellm model string, or only the configured ones and those in use.
    allow_any_model: bool = True
    # Follows versions other processes write; set up by the extension app.
    watcher: HistoryWatcher | None = None

    def __post_init__(self) -> None:
        self.watcher = HistoryWatcher(self.registry, self.hub, self._announce_external)
        self.manager.on_announced.append(self.watcher.saw)

    def models(self) -> list[str]:
        """The configured models: model, edit model and fallbacks."""
        configured = [self.settings.model, self.settings.edit_model, *self.settings.fallback_models]
        return list(dict.fromkeys(m for m in configured if m))

    async def check_model(self, requested: str | None, context: NotebookContext) -> str | None:
        """The model a request names, checked; None when it names none (the component's own model, or
        the configured one, answers it)."""
        if requested is None or requested in self.models():
            return requested
        if "://" in requested or not _MODEL_STRING.fullmatch(requested):
            raise GenerationRefused(
                "bad_model",
                f"{requested!r} is not a litellm model string such as {DEFAULT_MODEL!r}. Name a model, "
                "not an address: endpoints come from the provider's variables in the server's environment.",
            )
        if self.allow_any_model:
            return requested
        in_use = await context.call(lambda store: set(store.component_models().values()))
        if requested not in in_use:
            offered = [*self.models(), *sorted(m for m in in_use if m and m not in self.models())]
            raise GenerationRefused(
                "unknown_model",
                f"The model {requested!r} is not offered on this server; pick one of "
                f"{', '.join(offered)} (GET componentgen/api/models).",
            )
        return requested

    def planned_model(self, requested: str | None, store: Store, component: str) -> str:
        """The model a generation is expected to use, for the messages that announce it."""
        return requested or store.component_model(component) or self.settings.model

    def announce_update(
        self, context: NotebookContext, version: VersionRecord, reason: out.UpdateReason, *, saved: bool
    ) -> None:
        """Tell the notebook's subscribers about a change made outside a generation (REST, other processes)."""
        notebook, component = context.api_path, version.component
        if self.watcher is not None:
            self.watcher.saw(context, component, version.number)
        if saved:
            message = out.version_saved(notebook, component, version.number, None)
            self.hub.send_to_notebook(notebook, component, out.encode(message))
        updated = out.component_updated(notebook, component, version.number, version.code, reason)
        self.hub.send_to_notebook(notebook, component, out.encode(updated))

    def _announce_external(
        self, context: NotebookContext, version: VersionRecord, reason: out.UpdateReason, new: bool
    ) -> None:
        self.announce_update(context, version, reason, saved=new)
