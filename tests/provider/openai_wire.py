"""OpenAI Chat Completions API: streamed chunks and JSON errors, as the real service sends them."""

from __future__ import annotations

import time
import uuid
from typing import Any

from .script import Script
from .wire import bearer_or_api_key, sse

_FINISH_REASONS = {"end_turn": "stop", "max_tokens": "length"}

_ERRORS: dict[int, tuple[str, str | None]] = {
    400: ("invalid_request_error", None),
    401: ("invalid_request_error", "invalid_api_key"),
    403: ("invalid_request_error", "unsupported_country_region_territory"),
    404: ("invalid_request_error", "model_not_found"),
    429: ("requests", "rate_limit_exceeded"),
}


class OpenAIWire:
    protocol = "openai"

    def __init__(self) -> None:
        self._id = f"chatcmpl-{uuid.uuid4().hex[:24]}"
        self._created = int(time.time())

    def credentials_present(self, headers: dict[str, str]) -> bool:
        return bearer_or_api_key(headers)

    def request_problem(self, body: dict[str, Any]) -> str | None:
        for field in ("model", "messages"):
            if field not in body:
                return f"Missing required parameter: '{field}'."
        return None

    def error_body(self, status: int, message: str) -> dict[str, Any]:
        kind, code = _ERRORS.get(status, ("server_error", None))
        return {"error": {"message": message, "type": kind, "param": None, "code": code}}

    def _chunk(
        self, body: dict[str, Any], delta: dict[str, Any], finish_reason: str | None
    ) -> dict[str, Any]:
        chunk: dict[str, Any] = {
            "id": self._id,
            "object": "chat.completion.chunk",
            "created": self._created,
            "model": body.get("model", ""),
            "system_fingerprint": None,
            "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish_reason}],
        }
        if _wants_usage(body):
            chunk["usage"] = None
        return chunk

    def _usage(self, script: Script, output_tokens: int) -> dict[str, Any]:
        # OpenAI counts cached prompt tokens inside prompt_tokens.
        prompt_tokens = script.input_tokens + script.cached_tokens
        return {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": output_tokens,
            "total_tokens": prompt_tokens + output_tokens,
            "prompt_tokens_details": {"cached_tokens": script.cached_tokens},
        }

    def opening(self, script: Script, body: dict[str, Any]) -> list[bytes]:
        return [sse(self._chunk(body, {"role": "assistant", "content": ""}, None))]

    def text(self, piece: str, body: dict[str, Any]) -> bytes:
        return sse(self._chunk(body, {"content": piece}, None))

    def closing(self, script: Script, output_tokens: int, body: dict[str, Any]) -> list[bytes]:
        frames = [sse(self._chunk(body, {}, _FINISH_REASONS[script.stop_reason]))]
        if _wants_usage(body):
            usage_chunk = {
                **self._chunk(body, {}, None),
                "choices": [],
                "usage": self._usage(script, output_tokens),
            }
            frames.append(sse(usage_chunk))
        frames.append(sse("[DONE]"))
        return frames

    def stream_error(self, status: int, message: str) -> bytes:
        return sse(self.error_body(status, message))

    def malformed(self) -> bytes:
        return b'data: {"id": "' + self._id.encode() + b'", "choices": [{"delta": {"content": \n\n'

    def whole_answer(self, script: Script, output_tokens: int, body: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": self._id,
            "object": "chat.completion",
            "created": self._created,
            "model": body.get("model", ""),
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": script.text},
                    "logprobs": None,
                    "finish_reason": _FINISH_REASONS[script.stop_reason],
                }
            ],
            "usage": self._usage(script, output_tokens),
        }


def _wants_usage(body: dict[str, Any]) -> bool:
    options = body.get("stream_options") or {}
    return bool(options.get("include_usage"))
