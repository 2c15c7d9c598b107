"""What the engine asks of a language model, and what comes back (provider-neutral)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from jupyter_componentgen.engine.usage import Usage


@dataclass(frozen=True)
class PromptPart:
    """A piece of prompt text. ``cache=True`` marks the end of a static prefix for provider prompt caching."""

    text: str
    cache: bool = False


@dataclass(frozen=True)
class Message:
    role: Literal["user", "assistant"]
    parts: tuple[PromptPart, ...]


@dataclass(frozen=True)
class LLMRequest:
    model: str
    system: tuple[PromptPart, ...]
    messages: tuple[Message, ...]
    max_tokens: int = 8192
    temperature: float | None = None


@dataclass(frozen=True)
class Timeouts:
    """Seconds. ``first_token`` counts from sending the request; ``idle`` is the longest gap between chunks."""

    connect: float = 10.0
    first_token: float = 60.0
    idle: float = 30.0
    total: float = 600.0


@dataclass(frozen=True)
class TextChunk:
    """Model output text, in arrival order."""

    text: str


@dataclass(frozen=True)
class StreamEnd:
    """The provider finished the stream. ``stop_reason`` is normalised: end_turn | max_tokens | stop_sequence | other."""

    stop_reason: str
    usage: Usage = field(default_factory=Usage)


@dataclass(frozen=True)
class Retrying:
    """Sent before a retry: which attempt comes next, why, and after how many seconds."""

    attempt: int
    reason: str
    delay: float


StreamItem = TextChunk | StreamEnd | Retrying
