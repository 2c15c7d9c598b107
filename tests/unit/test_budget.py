"""Usage per version, component, notebook and user, and the daily budget that refuses new generations."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

from jupyter_componentgen.config import engine_settings, load_settings
from jupyter_componentgen.engine.admission import start_of_today
from jupyter_componentgen.engine.events import Event
from jupyter_componentgen.engine.generation import Engine, GenerationRequest
from jupyter_componentgen.store import Store
from tests.provider import Fault, Script, ScriptedProvider, recording

COUNTER = recording("counter_button")
FAST = 5000.0
MODEL = "anthropic/claude-sonnet-5-5"


def make_engine(tmp_path: Path, **overrides: Any) -> Engine:
    settings = load_settings(
        model=MODEL, first_token_timeout=2.0, idle_timeout=2.0, max_retries=0, **overrides
    )
    return Engine(engine_settings(settings), Store.for_notebook(tmp_path / "analysis.ipynb"))


def run(
    engine: Engine, instruction: str, component: str = "counter", user: str = "ada"
) -> tuple[Any, list[Event]]:
    events: list[Event] = []
    request = GenerationRequest(component, instruction, user=user)
    return asyncio.run(engine.run(request, events.append)), events


def test_usage_adds_up_per_version_component_notebook_and_user(
    tmp_path: Path, llm_env: ScriptedProvider
) -> None:
    llm_env.enqueue(
        Script(COUNTER, tokens_per_second=FAST, input_tokens=1000),
        Script(COUNTER, fault=Fault("http_error", status=400)),
        Script(COUNTER, tokens_per_second=FAST, input_tokens=500),
    )
    engine = make_engine(tmp_path)
    first, _ = run(engine, "A button that counts clicks")
    failed, _ = run(engine, "make it green")
    other, _ = run(engine, "Another counter", component="other", user="grace")

    assert first.version is not None
    assert other.version is not None
    assert failed.status == "failed"
    ledger = engine.ledger
    version_usage = ledger.for_version("counter", 1)
    assert version_usage == first.version.usage
    assert version_usage.cost is not None
    assert version_usage.cost > 0
    assert ledger.for_component("counter").input_tokens == 1000, "the refused call had no usage"
    notebook = ledger.for_notebook()
    assert notebook.input_tokens == 1500
    assert notebook.output_tokens == first.usage.output_tokens + other.usage.output_tokens
    assert ledger.spent_by_user("ada", start_of_today()).input_tokens == 1000
    assert ledger.spent_by_user("grace", start_of_today()).input_tokens == 500
    assert ledger.spent_by_user("ada", time.time() + 60).input_tokens == 0


def test_token_budget_refuses_new_generations_but_not_cached_reruns(
    tmp_path: Path, llm_env: ScriptedProvider
) -> None:
    llm_env.enqueue(
        Script(COUNTER, tokens_per_second=FAST, input_tokens=1200), Script(COUNTER, tokens_per_second=FAST)
    )
    engine = make_engine(tmp_path, daily_budget_tokens=1000)
    run(engine, "A button that counts clicks")

    refused, events = run(engine, "make it green")
    cached, _ = run(engine, "A button that counts clicks")
    someone_else, _ = run(engine, "make it blue", user="grace")

    assert refused.status == "failed"
    assert refused.error is not None
    assert refused.error.code == "limit"
    assert "COMPONENTGEN_DAILY_BUDGET_TOKENS" in refused.error.message
    assert next(e for e in events if e["type"] == "error")["code"] == "limit"
    assert events[-1]["phase"] == "error"
    assert cached.status == "cached"
    assert someone_else.status == "saved", "the budget is per person"
    assert len(llm_env.requests) == 2


def test_usd_budget_counts_cost(tmp_path: Path, llm_env: ScriptedProvider) -> None:
    llm_env.enqueue(Script(COUNTER, tokens_per_second=FAST, input_tokens=5000))
    engine = make_engine(tmp_path, daily_budget_usd=0.01)
    first, _ = run(engine, "A button that counts clicks")
    assert first.usage.cost is not None
    assert first.usage.cost >= 0.01

    refused, _ = run(engine, "make it green")

    assert refused.error is not None
    assert refused.error.code == "limit"
    assert "$0.01" in refused.error.message
    assert len(llm_env.requests) == 1
