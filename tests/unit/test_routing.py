"""Routing: the cheaper edit_model serves small edits, the main model new components, rewrites and fixes;
the choice and its reason show in the status and are kept with the version."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from jupyter_componentgen.config import load_settings
from jupyter_componentgen.engine.events import Event
from jupyter_componentgen.engine.generation import Engine, GenerationRequest
from jupyter_componentgen.engine.routing import choose_route, small_edit_problem
from jupyter_componentgen.store import Store
from tests.provider import Script, ScriptedProvider, recording

COUNTER = recording("counter_button")
FAST = 5000.0
MAIN = "anthropic/claude-sonnet-5-5"
CHEAP = "anthropic/claude-haiku-5-5"


def route(**kwargs: Any) -> Any:
    values: dict[str, Any] = {
        "model": MAIN,
        "edit_model": CHEAP,
        "requested_model": None,
        "current_code": "export default function A() { return null; }\n",
        "instruction": "make the title bold",
    }
    return choose_route(**{**values, **kwargs})


def test_choose_route() -> None:
    assert (route().model, route().kind) == (CHEAP, "edit")
    assert (route(current_code=None).model, route(current_code=None).kind) == (MAIN, "new")
    assert route(fix=True).model == MAIN
    assert route(fix=True).kind == "fix"
    assert route(requested_model="gpt-4.1").model == "gpt-4.1"
    assert route(edit_model="").model == MAIN
    rewrite = route(instruction="Rewrite it from scratch as a table")
    assert (rewrite.model, rewrite.kind) == (MAIN, "rewrite")
    assert "rewrite" in rewrite.reason
    assert route(instruction="x" * 401).model == MAIN
    assert route(current_code="x" * 20_000).model == MAIN
    assert small_edit_problem("make it green", "code") is None


def make_engine(tmp_path: Path, **overrides: Any) -> Engine:
    settings = load_settings(
        model=MAIN,
        edit_model=CHEAP,
        first_token_timeout=2.0,
        idle_timeout=2.0,
        max_retries=0,
        **overrides,
    )
    return Engine(settings, Store.for_notebook(tmp_path / "analysis.ipynb"))


def run(engine: Engine, instruction: str, **kwargs: Any) -> tuple[Any, list[Event]]:
    events: list[Event] = []
    outcome = asyncio.run(engine.run(GenerationRequest("counter", instruction, **kwargs), events.append))
    return outcome, events


def test_small_edit_goes_to_edit_model_and_the_route_is_shown_and_stored(
    tmp_path: Path, llm_env: ScriptedProvider
) -> None:
    edited = COUNTER.replace("bg-indigo-600", "bg-emerald-600")
    llm_env.enqueue(Script(COUNTER, tokens_per_second=FAST), Script(edited, tokens_per_second=FAST))
    engine = make_engine(tmp_path)

    first, first_events = run(engine, "A button that counts clicks")
    second, second_events = run(engine, "make it green")

    assert [r.body["model"] for r in llm_env.requests if r.body] == ["claude-sonnet-5-5", "claude-haiku-5-5"]
    assert first.version is not None
    assert second.version is not None
    assert (first.version.model, second.version.model) == (MAIN, CHEAP)
    connecting = next(e for e in second_events if e["type"] == "status" and e["phase"] == "connecting")
    assert "small edit" in connecting["message"]
    assert connecting["model"] == CHEAP
    assert "small edit" in second_events[-1]["message"]
    ledger = engine.ledger
    assert ledger.route("counter", 1) is not None
    assert ledger.route("counter", 1).route == "new"  # type: ignore[union-attr]
    stored = ledger.route("counter", 2)
    assert stored is not None
    assert (stored.model, stored.route) == (CHEAP, "edit")
    assert "small edit" in stored.reason
    assert "new component" in next(e["message"] for e in first_events if e.get("phase") == "connecting")


def test_routing_does_not_change_cache_keys(tmp_path: Path, llm_env: ScriptedProvider) -> None:
    llm_env.enqueue(Script(COUNTER, tokens_per_second=FAST), Script(COUNTER, tokens_per_second=FAST))
    engine = make_engine(tmp_path)
    run(engine, "A button that counts clicks")
    run(engine, "make it green")
    calls = len(llm_env.requests)

    again_first, _ = run(engine, "A button that counts clicks")
    again_second, _ = run(engine, "make it green")

    assert (again_first.status, again_second.status) == ("cached", "cached")
    assert len(llm_env.requests) == calls


def test_an_explicit_model_wins(tmp_path: Path, llm_env: ScriptedProvider) -> None:
    llm_env.enqueue(Script(COUNTER, tokens_per_second=FAST), Script(COUNTER, tokens_per_second=FAST))
    engine = make_engine(tmp_path)
    run(engine, "A button that counts clicks")
    outcome, _ = run(engine, "make it green", model=MAIN)
    assert outcome.route is not None
    assert (outcome.route.model, outcome.route.kind) == (MAIN, "chosen")
    assert llm_env.requests[-1].body is not None
    assert llm_env.requests[-1].body["model"] == "claude-sonnet-5-5"


def test_prompt_cache_marks_the_system_prompt_and_cached_tokens_are_recorded_and_shown(
    tmp_path: Path, llm_env: ScriptedProvider
) -> None:
    llm_env.enqueue(Script(COUNTER, tokens_per_second=FAST, input_tokens=300, cached_tokens=900))
    engine = make_engine(tmp_path)
    outcome, events = run(engine, "A button that counts clicks")

    body = llm_env.requests[0].body
    assert body is not None
    assert body["system"][0]["cache_control"] == {"type": "ephemeral"}
    assert outcome.version is not None
    assert outcome.version.usage.cached_tokens == 900
    assert outcome.version.usage.cost is not None
    assert "900 cached" in events[-1]["message"]
    assert engine.ledger.for_version("counter", 1).cached_tokens == 900
