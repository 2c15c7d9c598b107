"""Queueing over the per-user limit, and refusals that leave the socket working."""

from __future__ import annotations

from typing import Any

import pytest

from tests.provider import Script, ScriptedProvider, recording

from .conftest import StreamClient, StreamFactory, code_between_markers, finished, is_event

COUNTER = recording("counter_button")
EMIT = recording("emit_button")


@pytest.fixture
def server_limits() -> dict[str, Any]:
    return {"max_concurrent_per_user": 1, "max_queued_per_user": 2, "max_message_bytes": 4096}


def generate(
    notebook: str, component: str, request_id: str, instruction: str = "a counter"
) -> dict[str, Any]:
    return {
        "type": "generate",
        "id": request_id,
        "notebook": notebook,
        "component": component,
        "instruction": instruction,
    }


async def test_requests_over_the_per_user_limit_queue_and_run_in_order(
    server: Any, llm_env: ScriptedProvider, open_stream: StreamFactory, notebook: str
) -> None:
    llm_env.enqueue(Script(COUNTER, tokens_per_second=150), Script(EMIT, tokens_per_second=3000))
    client = await open_stream()
    watcher = await open_stream()
    await watcher.send({"type": "subscribe", "notebook": notebook})
    await watcher.until_type("subscribed")

    await client.send(generate(notebook, "first", "a"))
    first = (await client.until_type("accepted"))["generation"]
    await client.send(generate(notebook, "second", "b", instruction="a button that emits"))
    messages = await client.until(lambda m: m["type"] == "accepted")
    second = messages[-1]["generation"]
    queued = await client.until(lambda m: m["type"] == "generation_started" and m["generation"] == second)
    assert queued[-1]["state"] == "queued"
    status = await client.until(lambda m: m["type"] == "event" and m["event"]["generation"] == second)
    assert status[-1]["event"]["type"] == "status"
    assert status[-1]["event"]["phase"] == "queued"
    assert status[-1]["event"]["seq"] == 1
    assert "per-user limit" in status[-1]["event"]["message"]

    rest = await client.until(
        lambda m: m["type"] == "component_updated" and m["component"] == "second", seconds=30
    )
    order = [
        (m["type"], m.get("generation") or m.get("event", {}).get("generation")) for m in [*status, *rest]
    ]
    first_done = order.index(("version_saved", first))
    second_running = next(
        i
        for i, m in enumerate([*status, *rest])
        if m["type"] == "generation_started" and m["state"] == "running"
    )
    assert first_done < second_running
    second_events = [
        m["event"] for m in [*status, *rest] if m["type"] == "event" and m["event"]["generation"] == second
    ]
    assert [e["seq"] for e in second_events] == list(range(1, len(second_events) + 1))
    assert rest[-1]["code"] == code_between_markers(EMIT)
    first_call, second_call = llm_env.requests
    assert first_call.completed
    assert second_call.received_at >= first_call.last_byte_at, "the second waited for the first to finish"  # type: ignore[operator]

    watched = await watcher.until(lambda m: m["type"] == "component_updated" and m["component"] == "second")
    assert [
        m["state"] for m in watched if m["type"] == "generation_started" and m["generation"] == second
    ] == [
        "queued",
        "running",
    ]


async def test_a_queued_generation_can_be_cancelled_before_it_starts(
    server: Any, llm_env: ScriptedProvider, open_stream: StreamFactory, notebook: str
) -> None:
    llm_env.enqueue(Script(COUNTER, tokens_per_second=100))
    client = await open_stream()
    await client.send(generate(notebook, "first", "a"))
    await client.until_type("accepted")
    await client.send(generate(notebook, "second", "b"))
    second = (await client.until_type("accepted"))["generation"]
    await client.send({"type": "cancel", "generation": second})
    ended = await client.until(lambda m: finished(m) and m["event"]["generation"] == second)
    assert ended[-1]["event"]["phase"] == "cancelled"
    assert any(is_event(m, "error", code="cancelled", generation=second) for m in ended)
    await client.until(lambda m: m["type"] == "component_updated" and m["component"] == "first", seconds=30)
    assert len(llm_env.requests) == 1, "the cancelled request never reached the model"


async def test_the_queue_per_user_is_bounded(
    server: Any, llm_env: ScriptedProvider, open_stream: StreamFactory, notebook: str
) -> None:
    llm_env.default = Script(COUNTER, tokens_per_second=20)
    client = await open_stream()
    for index in range(3):
        await client.send(generate(notebook, f"c{index}", f"r{index}"))
        await client.until_type("accepted")
    await client.send(generate(notebook, "c3", "r3"))
    refused = await client.until_type("request_error")
    assert (refused["id"], refused["code"]) == ("r3", "queue_full")
    assert "cancel" in refused["message"]


BAD_MESSAGES: list[tuple[Any, str, str]] = [
    ("not json", "bad_message", "not valid JSON"),
    ([1, 2], "bad_message", "JSON object"),
    ({"type": "launch"}, "bad_message", "Unknown message type"),
    (
        {"type": "generate", "id": "x", "notebook": "analysis.ipynb"},
        "bad_message",
        "needs 'component', 'instruction'",
    ),
    (
        {"type": "generate", "id": "x", "notebook": "analysis.ipynb", "component": "a b", "instruction": "y"},
        "bad_message",
        "letters, digits",
    ),
    (
        {"type": "generate", "id": "x", "notebook": "analysis.ipynb", "component": "a", "instruction": "   "},
        "bad_message",
        "'instruction'",
    ),
    (
        {
            "type": "generate",
            "id": "x",
            "notebook": "analysis.ipynb",
            "component": "a",
            "instruction": "y",
            "extra": 1,
        },
        "bad_message",
        "Unknown field(s) extra",
    ),
    (
        {
            "type": "generate",
            "id": "x",
            "notebook": "analysis.ipynb",
            "component": "a",
            "instruction": "y" * 5000,
        },
        "too_large",
        "limit is 4,096",
    ),
    (
        {"type": "generate", "id": "x", "notebook": "../x.ipynb", "component": "a", "instruction": "y"},
        "bad_notebook",
        "'..'",
    ),
    (
        {"type": "generate", "id": "x", "notebook": "/etc/x.ipynb", "component": "a", "instruction": "y"},
        "bad_notebook",
        "relative",
    ),
    (
        {
            "type": "generate",
            "id": "x",
            "notebook": "analysis.ipynb",
            "component": "a",
            "instruction": "y",
            "model": "huggingface/https://collector.invalid/x",
        },
        "bad_model",
        "not an address",
    ),
    (
        {"type": "edit", "id": "x", "notebook": "analysis.ipynb", "component": "nope", "instruction": "y"},
        "not_found",
        "'generate'",
    ),
    ({"type": "subscribe", "notebook": "missing.ipynb"}, "bad_notebook", "No notebook"),
    ({"type": "cancel", "generation": "nope"}, "unknown_generation", "No generation"),
    ({"type": "resume", "generation": "nope", "after_seq": 0}, "unknown_generation", "No generation"),
    ({"type": "resume", "generation": "nope", "after_seq": -1}, "bad_message", "after_seq"),
    ({"type": "resume", "generation": "nope", "after_seq": True}, "bad_message", "after_seq"),
]


async def test_bad_messages_get_a_request_error_and_the_socket_keeps_working(
    server: Any, open_stream: StreamFactory, notebook: str
) -> None:
    client: StreamClient = await open_stream()
    for message, code, words in BAD_MESSAGES:
        await client.send(message)
        reply = await client.receive()
        assert reply["type"] == "request_error", message
        assert reply["code"] == code, (message, reply)
        assert words in reply["message"], (message, reply["message"])
        if isinstance(message, dict) and message.get("type") in ("generate", "edit") and code != "too_large":
            assert reply["id"] == "x"  # an oversized frame is refused unread, so without its id
    await client.send({"type": "subscribe", "notebook": notebook})
    assert (await client.receive())["type"] == "subscribed"
