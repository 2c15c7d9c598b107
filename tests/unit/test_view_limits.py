"""The kernel's own limits on what a widget's views send: a flood is dropped before any work is done for it,
the status line says so, and text that came from the component's frame is capped."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from jupyter_componentgen.kernel.api import Component
from jupyter_componentgen.kernel.view_limits import (
    MAX_FRAME_ERROR_CHARS,
    UNKNOWN_KIND_RATE,
    VIEW_MESSAGE_RATES,
    ViewMessageLimits,
)
from tests.unit.kernel_helpers import CommRecorder, from_view, kernel_side


@pytest.fixture
def comms(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[CommRecorder]:
    with kernel_side(tmp_path, monkeypatch) as recorder:
        yield recorder


def test_each_kind_has_its_own_budget() -> None:
    now = [0.0]
    limits = ViewMessageLimits(clock=lambda: now[0])
    per_second, burst = VIEW_MESSAGE_RATES["frame_error"]
    admitted = sum(limits.admit("frame_error") for _ in range(100))
    assert admitted == burst
    assert limits.admit("emit")  # another kind is not starved by the flood
    now[0] += 1.0
    assert sum(limits.admit("frame_error") for _ in range(100)) == per_second
    assert limits.dropped["frame_error"] == 200 - burst - per_second
    assert sum(limits.admit("made-up") for _ in range(100)) == UNKNOWN_KIND_RATE[1]


def test_a_flood_of_frame_errors_is_dropped_and_said(comms: CommRecorder) -> None:
    widget = Component("flooded", create=True)
    widget.set_code("export default function A() { return <p>a</p>; }\n")
    events: list[object] = []
    widget.on_event("tick", events.append)
    for n in range(1000):
        from_view(widget, {"type": "frame_error", "phase": "runtime", "message": f"boom {n}", "version": 1})
        from_view(widget, {"type": "emit", "name": "tick", "payload": n})
    counts = widget.view_message_counts
    assert counts["accepted"]["frame_error"] <= VIEW_MESSAGE_RATES["frame_error"][1] + 1
    assert counts["dropped"]["frame_error"] >= 990
    assert len(events) <= VIEW_MESSAGE_RATES["emit"][1] + 2
    assert "too many 'frame_error' messages" in widget.status["notice"]


def test_frame_error_text_is_capped(comms: CommRecorder) -> None:
    widget = Component("long_error", create=True)
    widget.set_code("export default function A() { return <p>a</p>; }\n")
    from_view(widget, {"type": "frame_error", "phase": "runtime", "message": "x" * 5000, "version": 1})
    assert widget.error is not None
    assert len(widget.error["message"]) == MAX_FRAME_ERROR_CHARS
