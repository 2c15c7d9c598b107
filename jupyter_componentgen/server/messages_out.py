"""Server -> client messages of the stream socket (source of truth: schema/ws.schema.json)."""

from __future__ import annotations

import json
from typing import Any, Literal, NotRequired, TypedDict

from jupyter_componentgen.engine.events import Event

GenerationState = Literal["queued", "running"]
UpdateReason = Literal["generated", "rollback", "user_edit", "cached"]


class Accepted(TypedDict):
    type: Literal["accepted"]
    id: str
    generation: str


class GenerationStarted(TypedDict):
    type: Literal["generation_started"]
    generation: str
    notebook: str
    component: str
    model: str
    instruction: str
    state: GenerationState
    last_seq: int


class EventEnvelope(TypedDict):
    type: Literal["event"]
    notebook: str
    component: str
    event: Event


class VersionSaved(TypedDict):
    type: Literal["version_saved"]
    notebook: str
    component: str
    version: int
    generation: str | None


class ComponentUpdated(TypedDict):
    type: Literal["component_updated"]
    notebook: str
    component: str
    version: int
    code: str
    reason: UpdateReason


class RequestError(TypedDict):
    type: Literal["request_error"]
    id: NotRequired[str | None]
    code: str
    message: str


class ActiveGeneration(TypedDict):
    generation: str
    component: str
    model: str
    instruction: str
    state: GenerationState
    last_seq: int


class Subscribed(TypedDict):
    type: Literal["subscribed"]
    notebook: str
    active: list[ActiveGeneration]


def encode(message: Any) -> str:
    """One message as the socket's text frame (encoded once, however many clients receive it)."""
    return json.dumps(message, ensure_ascii=False, separators=(",", ":"))


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


def request_error(code: str, message: str, request_id: str | None = None) -> RequestError:
    return {"type": "request_error", "id": request_id, "code": code, "message": message}


def subscribed(notebook: str, active: list[ActiveGeneration]) -> Subscribed:
    return {"type": "subscribed", "notebook": notebook, "active": active}
