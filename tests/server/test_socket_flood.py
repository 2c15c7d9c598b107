"""A page that floods the stream socket (as a hostile component's view could, with frame reports) is
limited per socket: the server handles a bounded number of reports, drops the rest unread, says so once a
second, and keeps answering everyone else."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from prometheus_client import REGISTRY

from jupyter_componentgen.server.stream import FRAME_REPORT_RATE, SOCKET_RATE
from tests.provider import ScriptedProvider

from .conftest import Fetch, Message, StreamClient, StreamFactory
from .test_fix import RUNTIME_ERROR, generate_counter

FLOOD = 2000


def _sample(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


async def _drain(client: StreamClient) -> list[Message]:
    """Everything the server has sent ``client`` so far."""
    received = []
    while True:
        try:
            received.append(await client.receive(0.3))
        except TimeoutError:
            return received


async def test_a_flood_of_frame_reports_is_dropped_and_others_are_still_answered(
    server: Any, llm_env: ScriptedProvider, open_stream: StreamFactory, api: Fetch, notebook: str
) -> None:
    view, panel = await open_stream(), await open_stream()
    await generate_counter(view, notebook, llm_env)
    await panel.send({"type": "subscribe", "notebook": notebook})
    await panel.until_type("subscribed")
    handled_before = _sample("componentgen_frame_reports_total", outcome="handled")
    dropped_before = _sample("componentgen_socket_messages_dropped_total")

    started = time.monotonic()
    report = {"type": "frame_status", "notebook": notebook, "component": "counter", "version": 1}
    for n in range(FLOOD):
        await view.send({**report, "error": {**RUNTIME_ERROR, "message": f"forged {n}"}})
    # Another person's requests are answered while the flood is being read.
    answered = time.monotonic()
    response = await api("components", params={"notebook": notebook})
    assert response.code == 200
    assert time.monotonic() - answered < 1.0
    await asyncio.sleep(0.5)
    elapsed = time.monotonic() - started

    handled = _sample("componentgen_frame_reports_total", outcome="handled") - handled_before
    dropped = _sample("componentgen_socket_messages_dropped_total") - dropped_before
    per_second, burst = FRAME_REPORT_RATE
    assert 1 <= handled <= burst + per_second * elapsed + 1, (handled, elapsed)
    socket_per_second, socket_burst = SOCKET_RATE
    assert dropped >= FLOOD - socket_burst - socket_per_second * elapsed - handled, (dropped, elapsed)
    # The subscriber heard about a handful of reports, not thousands.
    errors = [m for m in await _drain(panel) if m["type"] == "component_error"]
    assert len(errors) <= handled
    # The flooding socket was told once a second at most, and still works.
    refusals = [m for m in await _drain(view) if m.get("code") == "rate_limited"]
    assert 1 <= len(refusals) <= elapsed + 1
    await asyncio.sleep(1.0)
    await view.send({"type": "subscribe", "notebook": notebook})
    assert (await view.until_type("subscribed"))["notebook"] == notebook
