"""What a model call cost, from the price table bundled with litellm (read as JSON: importing litellm is slow)."""

from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path
from typing import Any

from jupyter_componentgen.engine.usage import Usage

_PRICE_TABLE = "model_prices_and_context_window_backup.json"
_NOT_A_MODEL = "sample_spec"  # the table documents its own format with this entry


@functools.cache
def _prices() -> dict[str, dict[str, Any]]:
    """Model name → price entry. Empty when litellm is not installed or its table cannot be read."""
    spec = importlib.util.find_spec("litellm")
    if spec is None or not spec.submodule_search_locations:
        return {}
    for folder in spec.submodule_search_locations:
        path = Path(folder) / _PRICE_TABLE
        if path.is_file():
            try:
                table = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                return {}
            return {
                name: entry
                for name, entry in table.items()
                if isinstance(entry, dict) and name != _NOT_A_MODEL
            }
    return {}


def _entry(model: str) -> dict[str, Any] | None:
    prices = _prices()
    if model in prices:
        return prices[model]
    # "anthropic/claude-sonnet-4-5" is listed as "claude-sonnet-4-5" with litellm_provider "anthropic".
    # Only strip the prefix when it names that provider, so a proxy route is not priced as the original.
    provider, slash, name = model.partition("/")
    entry = prices.get(name) if slash else None
    if entry is not None and entry.get("litellm_provider") == provider:
        return entry
    return None


def cost_of(model: str, usage: Usage) -> float | None:
    """US dollars for ``usage`` on ``model``; None when the model's prices are unknown.

    ``usage.input_tokens`` are the uncached input tokens and ``usage.cached_tokens`` those read from the
    provider's prompt cache (billed at the cache-read price, or the input price when none is listed).
    """
    entry = _entry(model)
    if entry is None:
        return None
    input_price = entry.get("input_cost_per_token")
    output_price = entry.get("output_cost_per_token")
    if not isinstance(input_price, int | float) or not isinstance(output_price, int | float):
        return None
    cached_price = entry.get("cache_read_input_token_cost")
    if not isinstance(cached_price, int | float):
        cached_price = input_price
    return (
        usage.input_tokens * input_price
        + usage.cached_tokens * cached_price
        + usage.output_tokens * output_price
    )
