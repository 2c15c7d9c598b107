"""What the scripted provider saw of each request, with wall-clock times (``time.time()``)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass
class RecordedRequest:
    path: str
    protocol: str  # "anthropic" | "openai"
    headers: dict[str, str]  # names lower-cased
    body: dict[str, Any] | None
    received_at: float
    status: int | None = None
    first_byte_at: float | None = None
    last_byte_at: float | None = None
    client_closed_at: float | None = None  # the client dropped the connection before the answer ended
    completed: bool = False  # the whole scripted answer was sent

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def last_user_text(self) -> str:
        return last_user_text(self.body or {})


def last_user_text(body: dict[str, Any]) -> str:
    """The text of the last user message of an Anthropic or OpenAI request body."""
    for message in reversed(body.get("messages") or []):
        if not isinstance(message, dict) or message.get("role") != "user":
            continue
        content = message.get("content")
        if isinstance(content, str):
            return content
        if isinstance(content, list):
            return "".join(
                part.get("text", "")
                for part in content
                if isinstance(part, dict) and part.get("type") == "text"
            )
    return ""
