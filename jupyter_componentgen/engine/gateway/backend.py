"""What the gateway needs from one provider client: a credential check and a stream of text then an end."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Protocol

from .errors import ProviderInfo
from .types import LLMRequest, Message, StreamEnd, TextChunk, Timeouts

_STOP_REASONS = {
    "end_turn": "end_turn",
    "stop": "end_turn",
    "max_tokens": "max_tokens",
    "length": "max_tokens",
    "stop_sequence": "stop_sequence",
}


class Backend(Protocol):
    provider: ProviderInfo

    async def prepare(self) -> None:
        """Check credentials and load the client library, without touching the network.

        Raises GenerationError("no_api_key" | "bad_request") when the call cannot be made.
        """
        ...

    def events(self, request: LLMRequest, timeouts: Timeouts) -> AsyncGenerator[TextChunk | StreamEnd, None]:
        """One provider call: TextChunks, then exactly one StreamEnd (usage without cost).

        Failures are raised as GenerationError. Closing the generator closes the HTTP response.
        ``timeouts.connect`` is applied by the client library; the gateway enforces the others.
        """
        ...


def is_anthropic_model(model: str) -> bool:
    """Claude models, which go through the anthropic SDK: "anthropic/claude-..." or a bare "claude-..."."""
    return model.startswith(("anthropic/", "claude-"))


def normalise_stop_reason(reason: str | None) -> str:
    """end_turn | max_tokens | stop_sequence | other, from Anthropic's or OpenAI's spelling."""
    return _STOP_REASONS.get(reason or "", "other")


def message_text(message: Message) -> str:
    return "".join(part.text for part in message.parts)
