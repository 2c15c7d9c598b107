"""The stream socket end to end against the scripted provider: generate, edit, broadcast, resume, cancel."""

from __future__ import annotations

import time
from typing import Any

from tests.provider import Script, ScriptedProvider, recording

from .conftest import (
    MODEL,
    Fetch,
    StreamFactory,
    code_between_markers,
    finished,
    is_event,
    payload,
    streamed_code,
)

COUNTER = recording("counter_button")
SALES = recording("sales_card")
FAST = 3000.0


def generate(notebook: str, component: str = "counter", **fields: Any) -> dict[str, Any]:
    return {
        "type": "generate",
        "id": fields.pop("id", "req-1"),
        "notebook": notebook,
        "component": component,
        "instruction": fields.pop("instruction", "A button that counts clicks"),
        **fields,
    }


async def test_generate_then_edit_streams_events_and_saves_versions(
    server: Any, llm_env: ScriptedProvider, open_stream: StreamFactory, api: Fetch, notebook: str
) -> None:
    llm_env.enqueue(Script(COUNTER, tokens_per_second=FAST), Script(SALES, tokens_per_second=FAST))
    client = await open_stream()

    await client.send(generate(notebook))
    accepted = await client.receive()
    assert accepted["type"] == "accepted"
    assert accepted["id"] == "req-1"
    generation = accepted["generation"]
    started = await client.receive()
    assert started["type"] == "generation_started"
    assert started["state"] == "running"
    assert (started["generation"], started["model"], started["component"]) == (generation, MODEL, "counter")
    messages = await client.until(lambda m: m["type"] == "component_updated")

    events = [m["event"] for m in messages if m["type"] == "event"]
    assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
    assert {e["generation"] for e in events} == {generation}
    kinds = [e["type"] for e in events]
    assert (
        kinds.index("content_block_start") < kinds.index("content_block_delta") < kinds.index("message_stop")
    )
    assert events[-1]["type"] == "status"
    assert events[-1]["phase"] == "done"
    saved, updated = messages[-2:]
    assert saved == {
        "type": "version_saved",
        "notebook": notebook,
        "component": "counter",
        "version": 1,
        "generation": generation,
    }
    assert updated["reason"] == "generated"
    assert updated["version"] == 1
    assert updated["code"] == code_between_markers(COUNTER) == streamed_code(messages)

    await client.send(
        {
            "type": "edit",
            "id": "req-2",
            "notebook": notebook,
            "component": "counter",
            "instruction": "Make it a card",
        }
    )
    edited = await client.until(lambda m: m["type"] == "component_updated")
    assert edited[-1]["version"] == 2
    assert edited[-1]["code"] == code_between_markers(SALES)
    edit_prompt = llm_env.requests[-1].last_user_text()
    assert "Make it a card" in edit_prompt
    assert "CounterButton" in edit_prompt  # the edit is asked against the current code

    versions = payload(await api("components", "counter", "versions", params={"notebook": notebook}))
    assert versions["current"] == 2
    assert [(v["number"], v["parent"], v["author"]) for v in versions["versions"]] == [
        (1, None, "llm"),
        (2, 1, "llm"),
    ]


async def test_subscribers_see_generations_and_rest_changes(
    server: Any, llm_env: ScriptedProvider, open_stream: StreamFactory, api: Fetch, notebook: str
) -> None:
    llm_env.enqueue(Script(COUNTER, tokens_per_second=FAST))
    watcher = await open_stream()
    await watcher.send({"type": "subscribe", "notebook": notebook})
    assert await watcher.receive() == {"type": "subscribed", "notebook": notebook, "active": []}
    requester = await open_stream()

    await requester.send(generate(notebook))
    await requester.until(lambda m: m["type"] == "component_updated")
    seen = await watcher.until(lambda m: m["type"] == "component_updated")
    assert seen[0]["type"] == "generation_started"
    assert [m["type"] for m in seen[-2:]] == ["version_saved", "component_updated"]
    assert streamed_code(seen) == code_between_markers(COUNTER)

    hand_code = "export default function Counter() { return <b>by hand</b>; }\n"
    response = await api(
        "components", "counter", "versions", params={"notebook": notebook}, body={"code": hand_code}
    )
    assert response.code == 201
    assert payload(response)["author"] == "user"
    saved = await watcher.receive()
    assert (saved["type"], saved["version"], saved["generation"]) == ("version_saved", 2, None)
    updated = await watcher.receive()
    assert (updated["reason"], updated["version"], updated["code"]) == ("user_edit", 2, hand_code)

    await api("components", "counter", "rollback", params={"notebook": notebook}, body={"version": 1})
    rolled = await watcher.receive()
    assert (rolled["type"], rolled["reason"], rolled["version"]) == ("component_updated", "rollback", 1)
    assert rolled["code"] == code_between_markers(COUNTER)


async def test_unchanged_request_is_answered_from_the_cache(
    server: Any, llm_env: ScriptedProvider, open_stream: StreamFactory, notebook: str
) -> None:
    llm_env.enqueue(Script(COUNTER, tokens_per_second=FAST))
    client = await open_stream()
    await client.send(generate(notebook))
    await client.until(lambda m: m["type"] == "component_updated")
    calls = len(llm_env.requests)

    await client.send(generate(notebook, id="again"))
    messages = await client.until(lambda m: m["type"] == "component_updated")

    assert len(llm_env.requests) == calls
    assert any(is_event(m, "message_stop", cached=True) for m in messages)
    assert not any(m["type"] == "version_saved" for m in messages)
    assert (messages[-1]["reason"], messages[-1]["version"]) == ("cached", 1)


async def test_resume_after_a_dropped_socket_gives_the_missed_events_and_the_same_code(
    server: Any, llm_env: ScriptedProvider, open_stream: StreamFactory, api: Fetch, notebook: str
) -> None:
    llm_env.enqueue(Script(SALES, tokens_per_second=300))
    first = await open_stream()
    await first.send(generate(notebook, component="sales"))
    generation = (await first.receive())["generation"]
    before = await first.until(
        lambda m: is_event(m, "content_block_delta") and len(streamed_code(first.received)) > 200
    )
    last_seq = max(m["event"]["seq"] for m in first.received if m["type"] == "event")
    first.close()  # the page reloads mid-stream

    second = await open_stream()
    await second.send({"type": "subscribe", "notebook": notebook})
    subscribed = await second.receive()
    assert subscribed["type"] == "subscribed"
    [active] = subscribed["active"]
    assert (active["generation"], active["component"], active["state"]) == (generation, "sales", "running")
    assert active["last_seq"] >= last_seq
    await second.send({"type": "resume", "generation": generation, "after_seq": last_seq})
    after = await second.until(finished, seconds=30)

    seqs = [m["event"]["seq"] for m in [*before, *after] if m["type"] == "event"]
    assert seqs == list(range(1, len(seqs) + 1)), "every event exactly once, in order"
    code = streamed_code(before) + streamed_code(after)
    assert code == code_between_markers(SALES)
    versions = payload(await api("components", "sales", "versions", params={"notebook": notebook}))
    assert versions["versions"][-1]["code"] == code

    # A finished generation can still be replayed from the start.
    third = await open_stream()
    await third.send({"type": "resume", "generation": generation, "after_seq": 0})
    replay = await third.until(finished)
    assert streamed_code(replay) == code


async def test_cancel_closes_the_provider_stream_quickly_and_keeps_the_current_version(
    server: Any, llm_env: ScriptedProvider, open_stream: StreamFactory, api: Fetch, notebook: str
) -> None:
    llm_env.enqueue(Script(COUNTER, tokens_per_second=FAST), Script(SALES, tokens_per_second=30))
    client = await open_stream()
    await client.send(generate(notebook))
    await client.until(lambda m: m["type"] == "component_updated")

    await client.send(generate(notebook, id="slow", instruction="Turn it into a sales card"))
    generation = (await client.receive())["generation"]
    await client.until(lambda m: is_event(m, "content_block_delta"))
    cancelled_at = time.time()
    await client.send({"type": "cancel", "generation": generation})
    tail = await client.until(finished)

    assert await llm_env.wait_for_async(lambda requests: requests[-1].client_closed_at is not None, timeout=2)
    closed_after = llm_env.requests[-1].client_closed_at - cancelled_at  # type: ignore[operator]
    assert closed_after < 0.2, f"the provider saw the connection closed {closed_after:.3f} s after cancel"
    assert any(is_event(m, "error", code="cancelled") for m in tail)
    assert tail[-1]["event"]["phase"] == "cancelled"
    assert not any(m["type"] in ("version_saved", "component_updated") for m in tail)
    versions = payload(await api("components", "counter", "versions", params={"notebook": notebook}))
    assert versions["current"] == 1
    assert len(versions["versions"]) == 1

    await client.send({"type": "cancel", "generation": generation})
    refused = await client.receive()
    assert (refused["type"], refused["code"]) == ("request_error", "already_finished")
