"""Token usage and cost of one model call or one version."""

from __future__ import annotations

from dataclasses import dataclass

from .events import UsageDict


@dataclass(frozen=True)
class Usage:
    """Tokens of one call or one version.

    ``input_tokens`` counts input read at the full price (including Anthropic cache writes);
    ``cached_tokens`` counts input read from the provider's prompt cache. They never overlap.
    """

    input_tokens: int = 0
    output_tokens: int = 0
    cached_tokens: int = 0
    cost: float | None = None

    def __add__(self, other: Usage) -> Usage:
        cost = None if self.cost is None and other.cost is None else (self.cost or 0.0) + (other.cost or 0.0)
        return Usage(
            self.input_tokens + other.input_tokens,
            self.output_tokens + other.output_tokens,
            self.cached_tokens + other.cached_tokens,
            cost,
        )

    def to_dict(self) -> UsageDict:
        return {
            "input_tokens": self.input_tokens,
            "output_tokens": self.output_tokens,
            "cached_tokens": self.cached_tokens,
            "cost": self.cost,
        }
