"""Costs come from litellm's bundled price table, read without importing litellm."""

from __future__ import annotations

import subprocess
import sys

import pytest

from jupyter_componentgen.engine.gateway import pricing
from jupyter_componentgen.engine.gateway.pricing import cost_of
from jupyter_componentgen.engine.usage import Usage

MILLION = 1_000_000


@pytest.mark.parametrize("model", ["anthropic/claude-sonnet-4-6", "claude-sonnet-4-6"])
def test_claude_prices_with_or_without_the_provider_prefix(model: str) -> None:
    # Published prices: $3 input, $15 output, $0.30 cache reads per million tokens.
    assert cost_of(model, Usage(input_tokens=MILLION)) == pytest.approx(3.0)
    assert cost_of(model, Usage(output_tokens=MILLION)) == pytest.approx(15.0)
    assert cost_of(model, Usage(cached_tokens=MILLION)) == pytest.approx(0.30)
    assert cost_of(model, Usage(1200, 800, 3000)) == pytest.approx(
        (1200 * 3 + 800 * 15 + 3000 * 0.3) / MILLION
    )


@pytest.mark.parametrize("model", ["gpt-4.1", "openai/gpt-4.1"])
def test_openai_prices(model: str) -> None:
    # Published prices: $2 input, $8 output, $0.50 cached input per million tokens.
    assert cost_of(model, Usage(MILLION, MILLION, MILLION)) == pytest.approx(2.0 + 8.0 + 0.5)


def test_cached_tokens_cost_the_input_price_when_no_cache_price_is_listed() -> None:
    table = pricing._prices()
    model = next(
        name
        for name, entry in sorted(table.items())
        if isinstance(entry.get("input_cost_per_token"), float)
        and entry["input_cost_per_token"] > 0
        and isinstance(entry.get("output_cost_per_token"), float)
        and "cache_read_input_token_cost" not in entry
    )
    assert cost_of(model, Usage(cached_tokens=10)) == pytest.approx(cost_of(model, Usage(input_tokens=10)))


@pytest.mark.parametrize(
    "model",
    [
        "no-such-model",
        "ollama/qwen2.5-coder",  # a local model that is not in the table
        "ollama/gpt-4.1",  # the prefix names another provider than the listed gpt-4.1's
        "sample_spec",  # the table's own example entry is not a model
    ],
)
def test_unknown_models_have_no_price(model: str) -> None:
    assert cost_of(model, Usage(100, 100)) is None


def test_no_tokens_cost_nothing() -> None:
    assert cost_of("anthropic/claude-sonnet-4-6", Usage()) == 0.0


def test_the_table_is_litellms_bundled_json_and_is_read_once() -> None:
    code = (
        "import sys\n"
        "from jupyter_componentgen.engine.gateway.pricing import cost_of, _prices\n"
        "from jupyter_componentgen.engine.usage import Usage\n"
        "assert cost_of('gpt-4.1', Usage(1, 1)) is not None\n"
        "assert cost_of('claude-sonnet-4-6', Usage(1, 1)) is not None\n"
        "assert _prices.cache_info().misses == 1\n"
        "assert 'litellm' not in sys.modules, 'pricing imported litellm'\n"
        "print(len(_prices()))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, timeout=60
    )
    assert int(result.stdout) > 1000
