"""Server -> client messages of the stream socket (source of truth: schema/ws.schema.json)."""

from __future__ import annotations

import json
from typing import Any

from jupyter_componentgen.engine.events import Event
from jupyter_componentgen.engine.gateway.redaction import redact
from jupyter_componentgen.schema_types import (
    WsAccepted,
    WsActiveGeneration,
    WsComponentError,
    WsComponentsChanged,
    WsComponentUpdated,
    WsComponentUpdatedReason,
    WsEvent,
    WsFrameFailure,
    WsGenerationStarted,
    WsGenerationStartedState,
    WsRequestError,
    WsSubscribed,
    WsVersionSaved,
)

# The message shapes are the ones generated from schema/ws.schema.json, by the names the server uses.
GenerationState = WsGenerationStartedState
UpdateReason = WsComponentUpdatedReason
Accepted = WsAccepted
GenerationStarted = WsGenerationStarted
EventEnvelope = WsEvent
VersionSaved = WsVersionSaved
ComponentsChanged = WsComponentsChanged
ComponentUpdated = WsComponentUpdated
RequestError = WsRequestError
ActiveGeneration = WsActiveGeneration
ReportedError = WsFrameFailure
ComponentError = WsComponentError
Subscribed = WsSubscribed


def encode(message: Any) -> str:
    """One message as the socket's text frame (encoded once, however many clients receive it).

    Key values are blanked out of every message but the model's code (engine/gateway/redaction.py). Text a client sent
    may hold lone surrogates ("\\ud800" in its JSON), which UTF-8 cannot carry: such a message is sent
    with ASCII escapes instead, which JSON readers decode to the same string.
    """
    text = json.dumps(message, ensure_ascii=False, separators=(",", ":"))
    if not _carries_model_code(message):
        text = redact(text)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(json.loads(text), separators=(",", ":"))
    return text


def _carries_model_code(message: Any) -> bool:
    """Code streamed or saved by a generation: the bulk of the traffic, and never an error's text."""
    kind = message.get("type") if isinstance(message, dict) else None
    if kind == "event":
        return message["event"].get("type") in ("content_block_delta", "text_delta")
    return kind == "component_updated"


def accepted(request_id: str, generation: str) -> Accepted:
    return {"type": "accepted", "id": request_id, "generation": generation}


def event_envelope(notebook: str, component: str, event: Event) -> EventEnvelope:
    return {"type": "event", "notebook": notebook, "component": component, "event": event}


def version_saved(notebook: str, component: str, version: int, generation: str | None) -> VersionSaved:
    return {
        "type": "version_saved",
        "notebook": notebook,
        "component": component,
        "version": version,
        "generation": generation,
    }


def component_updated(
    notebook: str, component: str, version: int, code: str, reason: UpdateReason
) -> ComponentUpdated:
    return {
        "type": "component_updated",
        "notebook": notebook,
        "component": component,
        "version": version,
        "code": code,
        "reason": reason,
    }


def components_changed(notebook: str) -> ComponentsChanged:
    return {"type": "components_changed", "notebook": notebook}


def request_error(code: str, message: str, request_id: str | None = None) -> RequestError:
    return {"type": "request_error", "id": request_id, "code": code, "message": message}


def subscribed(notebook: str, active: list[ActiveGeneration]) -> Subscribed:
    return {"type": "subscribed", "notebook": notebook, "active": active}


def component_error(
    notebook: str, component: str, version: int, error: ReportedError | None
) -> ComponentError:
    return {
        "type": "component_error",
        "notebook": notebook,
        "component": component,
        "version": version,
        "error": error,
    }
