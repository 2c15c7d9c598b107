"""The part of a provider protocol the server loop needs: frames of a stream and error bodies."""

from __future__ import annotations

import json
from typing import Any, Protocol

from .script import Script


class Wire(Protocol):
    """How one provider's API spells a streamed answer and its errors."""

    protocol: str

    def credentials_present(self, headers: dict[str, str]) -> bool: ...

    def request_problem(self, body: dict[str, Any]) -> str | None:
        """Why the provider would refuse this request body with a 400, or None."""
        ...

    def error_body(self, status: int, message: str) -> dict[str, Any]: ...

    def opening(self, script: Script, body: dict[str, Any]) -> list[bytes]: ...

    def text(self, piece: str, body: dict[str, Any]) -> bytes: ...

    def closing(self, script: Script, output_tokens: int, body: dict[str, Any]) -> list[bytes]: ...

    def stream_error(self, status: int, message: str) -> bytes: ...

    def malformed(self) -> bytes: ...

    def whole_answer(self, script: Script, output_tokens: int, body: dict[str, Any]) -> dict[str, Any]: ...


def sse(data: dict[str, Any] | str, event: str | None = None) -> bytes:
    payload = data if isinstance(data, str) else json.dumps(data, separators=(",", ":"))
    head = f"event: {event}\n" if event else ""
    return f"{head}data: {payload}\n\n".encode()


def bearer_or_api_key(headers: dict[str, str]) -> bool:
    """Any non-empty key in ``x-api-key`` or ``Authorization: Bearer`` counts (header names are lower-case)."""
    if headers.get("x-api-key", "").strip():
        return True
    scheme, _, token = headers.get("authorization", "").partition(" ")
    return scheme.lower() == "bearer" and bool(token.strip())
