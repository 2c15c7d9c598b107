"""Anthropic Messages API: streamed events and JSON errors, as the real service sends them."""

from __future__ import annotations

import uuid
from typing import Any

from .script import Script
from .wire import bearer_or_api_key, sse

_ERROR_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "not_found_error",
    413: "request_too_large",
    429: "rate_limit_error",
    529: "overloaded_error",
}


def error_type(status: int) -> str:
    return _ERROR_TYPES.get(status, "api_error")


class AnthropicWire:
    protocol = "anthropic"

    def credentials_present(self, headers: dict[str, str]) -> bool:
        return bearer_or_api_key(headers)

    def request_problem(self, body: dict[str, Any]) -> str | None:
        for field in ("model", "max_tokens", "messages"):
            if field not in body:
                return f"{field}: Field required"
        if not body["messages"]:
            return "messages: at least one message is required"
        return None

    def error_body(self, status: int, message: str) -> dict[str, Any]:
        return {"type": "error", "error": {"type": error_type(status), "message": message}}

    def _usage(self, script: Script, output_tokens: int) -> dict[str, int]:
        return {
            "input_tokens": script.input_tokens,
            "cache_creation_input_tokens": 0,
            "cache_read_input_tokens": script.cached_tokens,
            "output_tokens": output_tokens,
        }

    def opening(self, script: Script, body: dict[str, Any]) -> list[bytes]:
        message = {
            "id": f"msg_{uuid.uuid4().hex[:24]}",
            "type": "message",
            "role": "assistant",
            "model": body.get("model", ""),
            "content": [],
            "stop_reason": None,
            "stop_sequence": None,
            "usage": self._usage(script, 1),
        }
        return [
            sse({"type": "message_start", "message": message}, "message_start"),
            sse(
                {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}},
                "content_block_start",
            ),
            sse({"type": "ping"}, "ping"),
        ]

    def text(self, piece: str, body: dict[str, Any]) -> bytes:
        delta = {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": piece}}
        return sse(delta, "content_block_delta")

    def closing(self, script: Script, output_tokens: int, body: dict[str, Any]) -> list[bytes]:
        return [
            sse({"type": "content_block_stop", "index": 0}, "content_block_stop"),
            sse(
                {
                    "type": "message_delta",
                    "delta": {"stop_reason": script.stop_reason, "stop_sequence": None},
                    "usage": {"output_tokens": output_tokens},
                },
                "message_delta",
            ),
            sse({"type": "message_stop"}, "message_stop"),
        ]

    def stream_error(self, status: int, message: str) -> bytes:
        return sse(self.error_body(status, message), "error")

    def malformed(self) -> bytes:
        return b'event: content_block_delta\ndata: {"type": "content_block_delta", "index": 0, "delta": {\n\n'

    def whole_answer(self, script: Script, output_tokens: int, body: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": f"msg_{uuid.uuid4().hex[:24]}",
            "type": "message",
            "role": "assistant",
            "model": body.get("model", ""),
            "content": [{"type": "text", "text": script.text}],
            "stop_reason": script.stop_reason,
            "stop_sequence": None,
            "usage": self._usage(script, output_tokens),
        }
