"""Every provider fault through the server's WebSocket, and repeated panel requests served from the cache."""

from __future__ import annotations

import time
from typing import Any

import pytest

from tests.provider import Script, ScriptedProvider
from tests.server.conftest import Fetch, StreamFactory, finished, is_event, payload

from .cases import CASES, CODE, COUNTER, FAST, IDS, FaultCase
from .conftest import SERVER_FALLBACK, SERVER_MODEL


def generate(notebook: str, request_id: str = "req-1") -> dict[str, Any]:
    return {
        "type": "generate",
        "id": request_id,
        "notebook": notebook,
        "component": "counter",
        "instruction": "A button that counts clicks",
    }


@pytest.mark.parametrize("case", CASES, ids=IDS)
async def test_fault_over_the_socket(
    *,
    case: FaultCase,
    with_fallback: bool,
    server: Any,
    llm_env: ScriptedProvider,
    open_stream: StreamFactory,
    api: Fetch,
    notebook: str,
) -> None:
    llm_env.enqueue(*case.scripts, Script(COUNTER, tokens_per_second=FAST))
    client = await open_stream()
    await client.send(generate(notebook))

    messages = await client.until(finished, seconds=15)
    ended_at = time.time()

    events = [m["event"] for m in messages if m["type"] == "event"]
    sent = llm_env.requests[0].received_at
    assert ended_at - sent <= case.expected_bound(with_fallback) + 0.5, "socket delivery adds a little"
    assert len(llm_env.requests) == case.expected_requests(with_fallback)
    if case.outcome(with_fallback) == "saved":
        assert events[-1]["phase"] == "done"
        updated = await client.until_type("component_updated")
        assert updated["code"] == CODE
        used_fallback = with_fallback and case.before_first_token
        versions = payload(await api("components", "counter", "versions", params={"notebook": notebook}))
        assert versions["versions"][-1]["model"] == (SERVER_FALLBACK if used_fallback else SERVER_MODEL)
    else:
        error = next(e for e in events if e["type"] == "error")
        assert error["code"] == case.error_code
        assert (error["draft"] is not None) == case.draft
        assert events[-1]["phase"] == "error"
        listed = payload(await api("components", params={"notebook": notebook}))
        assert all(c["current"] is None for c in listed["components"]), "no failed code becomes current"
    client.close()


@pytest.mark.parametrize("with_fallback", [False], ids=["alone"], indirect=True)
async def test_repeated_panel_requests_make_no_provider_calls(
    with_fallback: bool, server: Any, llm_env: ScriptedProvider, open_stream: StreamFactory, notebook: str
) -> None:
    llm_env.enqueue(Script(COUNTER, tokens_per_second=FAST))
    client = await open_stream()
    await client.send(generate(notebook))
    await client.until(finished)

    for number in range(3):
        await client.send(generate(notebook, f"again-{number}"))
        messages = await client.until(finished)
        assert is_event(messages[-1], "status", phase="cached")
    assert len(llm_env.requests) == 1
    client.close()
