"""The objects the handlers share, passed to each handler explicitly (no lookups in tornado settings)."""

from __future__ import annotations

from dataclasses import dataclass

from jupyter_componentgen.config import ComponentGen
from jupyter_componentgen.store import VersionRecord

from . import messages_out as out
from .generation_state import GenerationRefused
from .generations import GenerationManager
from .hub import Hub
from .limits import ServerLimits
from .notebooks import NotebookContext, NotebookRegistry

AUTH_RESOURCE = "componentgen"


@dataclass
class ComponentGenService:
    settings: ComponentGen
    limits: ServerLimits
    registry: NotebookRegistry
    manager: GenerationManager
    hub: Hub

    def models(self) -> list[str]:
        """The models a client may ask for: the configured model, edit model and fallbacks."""
        configured = [self.settings.model, self.settings.edit_model, *self.settings.fallback_models]
        return list(dict.fromkeys(m for m in configured if m))

    def choose_model(self, requested: str | None, *, edit: bool) -> str:
        """The model a request names, else the configured one; refused when not configured here."""
        settings = self.settings
        model = requested or (settings.edit_model if edit and settings.edit_model else settings.model)
        if model not in self.models():
            raise GenerationRefused(
                "unknown_model",
                f"The model {model!r} is not configured on this server; choose one of "
                f"{', '.join(self.models())} (GET componentgen/api/models).",
            )
        return model

    def announce_update(
        self, context: NotebookContext, version: VersionRecord, reason: out.UpdateReason, *, saved: bool
    ) -> None:
        """Tell the notebook's subscribers about a change made outside a generation (REST)."""
        notebook, component = context.api_path, version.component
        if saved:
            message = out.version_saved(notebook, component, version.number, None)
            self.hub.send_to_notebook(notebook, component, out.encode(message))
        updated = out.component_updated(notebook, component, version.number, version.code, reason)
        self.hub.send_to_notebook(notebook, component, out.encode(updated))
