"""Limits: sizes, generations per minute and at once, each refused with code `limit` naming its value."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from jupyter_componentgen.config import load_settings
from jupyter_componentgen.engine.admission import (
    GenerationLimiter,
    check_code_size,
    check_data_sample,
    check_prompt_size,
)
from jupyter_componentgen.engine.data import describe_data
from jupyter_componentgen.engine.errors import GenerationError
from jupyter_componentgen.engine.events import Event
from jupyter_componentgen.engine.generation import GenerationRequest
from jupyter_componentgen.store import Store
from jupyter_componentgen.wiring import build_engine
from tests.provider import Script, ScriptedProvider, recording


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_prompt_data_and_code_sizes_are_refused_naming_the_limit() -> None:
    settings = load_settings(max_prompt_chars=10, max_data_sample_bytes=50, max_code_bytes=20)
    with pytest.raises(GenerationError) as prompt:
        check_prompt_size("x" * 11, settings)
    assert prompt.value.code == "limit"
    assert "max_prompt_chars = 10" in prompt.value.message
    with pytest.raises(GenerationError) as data:
        check_data_sample(describe_data([{"name": "x" * 40, "value": i} for i in range(5)]), settings)
    assert data.value.code == "limit"
    assert "max_data_sample_bytes = 50" in data.value.message
    with pytest.raises(GenerationError) as code:
        check_code_size("x" * 21, settings)
    assert code.value.code == "limit"
    assert "max_code_bytes = 20" in code.value.message
    check_prompt_size("x" * 10, settings)
    check_code_size("x" * 20, settings)


def start(limiter: GenerationLimiter, user: str) -> None:
    """Count one generation start for ``user`` (admit() counts it when the generation begins)."""
    with limiter.admit(user):
        pass


def test_generations_per_minute_slide_with_the_clock_and_are_per_user() -> None:
    clock = Clock()
    limiter = GenerationLimiter(per_minute=2, concurrent=0, clock=clock)
    start(limiter, "ada")
    start(limiter, "ada")
    start(limiter, "grace")
    with pytest.raises(GenerationError) as refused:
        start(limiter, "ada")
    assert refused.value.code == "limit"
    assert "generations_per_minute = 2" in refused.value.message
    assert "Try again in 60 s" in refused.value.message
    clock.now += 60.0
    start(limiter, "ada")


def test_concurrent_generations_are_limited_per_user_and_released() -> None:
    limiter = GenerationLimiter(per_minute=0, concurrent=1)
    with limiter.admit("ada"):
        with pytest.raises(GenerationError) as refused, limiter.admit("ada"):
            pass
        assert "max_concurrent_generations = 1" in refused.value.message
        with limiter.admit("grace"):
            pass
    with limiter.admit("ada"):
        pass


def _engine(tmp_path: Path, **overrides: Any) -> Any:
    settings = load_settings(
        first_token_timeout=2.0, idle_timeout=2.0, total_timeout=20.0, max_retries=0, **overrides
    )
    store = Store.for_notebook(tmp_path / "analysis.ipynb")
    return build_engine(settings, store, GenerationLimiter.from_settings(settings))


def test_the_engine_refuses_over_the_rate_before_calling_the_model(
    tmp_path: Path, llm_env: ScriptedProvider
) -> None:
    llm_env.default = Script(recording("counter_button"), tokens_per_second=5000)
    engine = _engine(tmp_path, generations_per_minute=1, cache=False)
    events: list[Event] = []
    first = asyncio.run(engine.run(GenerationRequest("counter", "A counter"), events.append))
    assert first.status == "saved"
    calls = len(llm_env.requests)
    events.clear()
    second = asyncio.run(engine.run(GenerationRequest("counter", "A counter"), events.append))
    assert second.status == "failed"
    assert second.error is not None
    assert second.error.code == "limit"
    assert len(llm_env.requests) == calls
    assert [e["type"] for e in events] == ["error", "status"]
    assert events[0]["code"] == "limit"
    assert "generations_per_minute = 1" in events[0]["message"]


def test_the_engine_refuses_a_long_prompt_with_code_limit(tmp_path: Path, llm_env: ScriptedProvider) -> None:
    engine = _engine(tmp_path, max_prompt_chars=5)
    outcome = asyncio.run(engine.run(GenerationRequest("counter", "A counter"), lambda e: None))
    assert outcome.error is not None
    assert outcome.error.code == "limit"
    assert llm_env.requests == []
