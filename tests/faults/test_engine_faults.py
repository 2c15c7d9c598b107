"""Every provider fault through the engine: outcome, time bound, store state and provider request count."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import pytest

from jupyter_componentgen.config import engine_settings, load_settings
from jupyter_componentgen.engine.events import Event
from jupyter_componentgen.engine.generation import Engine, GenerationRequest
from jupyter_componentgen.store import Store
from tests.provider import Fault, Script, ScriptedProvider

from .cases import CASES, CODE, COUNTER, FAST, FIRST_TOKEN_TIMEOUT, IDLE_TIMEOUT, IDS, SLACK, FaultCase

MODEL = "anthropic/claude-test-main"
FALLBACK = "anthropic/claude-test-fallback"


def make_engine(tmp_path: Path, fallback: bool, **overrides: Any) -> Engine:
    options: dict[str, Any] = {
        "model": MODEL,
        "fallback_models": [FALLBACK] if fallback else [],
        "first_token_timeout": FIRST_TOKEN_TIMEOUT,
        "idle_timeout": IDLE_TIMEOUT,
        "total_timeout": 20.0,
        "max_retries": 0,
    }
    settings = load_settings(**{**options, **overrides})
    return Engine(engine_settings(settings), Store.for_notebook(tmp_path / "analysis.ipynb"))


def run_timed(engine: Engine, provider: ScriptedProvider) -> tuple[Any, list[Event], float]:
    """The outcome, the events, and seconds from the first provider request to the final event.

    Timeouts count from sending the request, so the one-off import of the client library is left out.
    """
    events: list[Event] = []
    ended: list[float] = []

    def sink(event: Event) -> None:
        events.append(event)
        if event["type"] in ("error", "message_stop"):
            ended.append(time.time())

    outcome = asyncio.run(engine.run(GenerationRequest("counter", "A button that counts clicks"), sink))
    sent = provider.requests[0].received_at if provider.requests else ended[0]
    return outcome, events, ended[0] - sent


@pytest.mark.parametrize("fallback", [False, True], ids=["alone", "fallback"])
@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_fault(case: FaultCase, fallback: bool, tmp_path: Path, llm_env: ScriptedProvider) -> None:
    llm_env.enqueue(*case.scripts, Script(COUNTER, tokens_per_second=FAST))
    engine = make_engine(tmp_path, fallback)

    outcome, events, seconds = run_timed(engine, llm_env)

    assert outcome.status == case.outcome(fallback), outcome.error
    assert seconds <= case.expected_bound(fallback), f"ended after {seconds:.2f} s"
    assert len(llm_env.requests) == case.expected_requests(fallback)
    assert events[-1]["type"] == "status"
    store = engine.store
    if outcome.status == "saved":
        assert outcome.code == CODE, "no truncated or joined-wrong code becomes current"
        current = store.current("counter")
        assert current is not None
        assert current.code == CODE
        used_fallback = fallback and case.before_first_token
        assert current.model == (FALLBACK if used_fallback else MODEL)
        if used_fallback:
            assert any(e.get("phase") == "retrying" and FALLBACK in e["message"] for e in events)
    else:
        assert outcome.error is not None
        assert outcome.error.code == case.error_code
        error = next(e for e in events if e["type"] == "error")
        assert error["code"] == case.error_code
        assert store.current("counter") is None
        drafts = store.drafts("counter")
        assert bool(drafts) == case.draft
        if case.draft:
            assert drafts[0].code
            assert CODE.startswith(drafts[0].code[:20])
            assert error["draft"] == drafts[0].id


def test_truncated_without_continuations_fails_as_a_draft(tmp_path: Path, llm_env: ScriptedProvider) -> None:
    truncated = next(case for case in CASES if case.name == "truncated_on_length")
    llm_env.enqueue(*truncated.scripts)
    engine = make_engine(tmp_path, False, max_continuations=0)
    outcome, _, _ = run_timed(engine, llm_env)
    assert outcome.error is not None
    assert outcome.error.code == "truncated"
    assert engine.store.current("counter") is None
    assert engine.store.drafts("counter")[0].error_code == "truncated"
    assert len(llm_env.requests) == 1


def test_continuation_asks_for_the_rest_with_the_partial_answer(
    tmp_path: Path, llm_env: ScriptedProvider
) -> None:
    truncated = next(case for case in CASES if case.name == "truncated_on_length")
    llm_env.enqueue(*truncated.scripts)
    engine = make_engine(tmp_path, False)
    outcome, events, _ = run_timed(engine, llm_env)
    assert outcome.status == "saved"
    follow_up = llm_env.requests[1].body
    assert follow_up is not None
    roles = [message["role"] for message in follow_up["messages"]]
    assert roles == ["user", "assistant", "user"]
    assert "output limit" in llm_env.requests[1].last_user_text()
    assert any("continuing" in e.get("message", "") for e in events if e["type"] == "status")
    assert outcome.usage.input_tokens == 2 * 1200, "both requests are counted"


def test_total_timeout_bounds_the_whole_generation(tmp_path: Path, llm_env: ScriptedProvider) -> None:
    llm_env.enqueue(Script(COUNTER, tokens_per_second=30))
    engine = make_engine(tmp_path, False, total_timeout=1.0)
    outcome, _, seconds = run_timed(engine, llm_env)
    assert outcome.error is not None
    assert outcome.error.code == "total_timeout"
    assert seconds <= 2.0
    assert engine.store.current("counter") is None


def _stall() -> Script:
    return Script(COUNTER, tokens_per_second=FAST, fault=Fault("stall_before_first", seconds=30))


def _overloaded() -> Script:
    return Script(COUNTER, tokens_per_second=FAST, fault=Fault("http_error", status=529))


def test_a_stall_ends_within_its_timeout_even_with_retries_on(
    tmp_path: Path, llm_env: ScriptedProvider
) -> None:
    """A person who set first_token_timeout=2 waits about 2 s for a stalled provider, not 3 x 2 s."""
    llm_env.enqueue(_stall(), _stall(), _stall())
    engine = make_engine(tmp_path, False, first_token_timeout=2.0, max_retries=2)

    outcome, events, seconds = run_timed(engine, llm_env)

    assert outcome.error is not None
    assert outcome.error.code == "first_token_timeout"
    assert seconds <= 2.0 + SLACK, f"ended after {seconds:.2f} s"
    assert len(llm_env.requests) == 1, "a stall is not retried past its timeout"
    assert not any(e.get("phase") == "retrying" for e in events)


@pytest.mark.parametrize("first", [_overloaded, _stall], ids=["overloaded", "stall"])
def test_with_a_fallback_overload_and_stalls_move_to_it_at_once(
    first: Any, tmp_path: Path, llm_env: ScriptedProvider
) -> None:
    llm_env.enqueue(first(), Script(COUNTER, tokens_per_second=FAST))
    engine = make_engine(tmp_path, True, max_retries=2)

    outcome, events, seconds = run_timed(engine, llm_env)

    assert outcome.status == "saved", outcome.error
    assert [(request.body or {}).get("model") for request in llm_env.requests] == [
        MODEL.removeprefix("anthropic/"),
        FALLBACK.removeprefix("anthropic/"),
    ], "no retry on the failing model: the fallback is asked next"
    bound = (FIRST_TOKEN_TIMEOUT if first is _stall else 0.0) + SLACK
    switched = llm_env.requests[1].received_at - llm_env.requests[0].received_at
    assert switched <= bound, f"the fallback was asked {switched:.2f} s after the first request"
    assert seconds <= bound + 3.0
    retrying = [e["message"] for e in events if e.get("phase") == "retrying"]
    assert len(retrying) == 1
    assert FALLBACK in retrying[0]
