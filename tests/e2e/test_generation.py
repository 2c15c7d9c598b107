"""Generating a component in JupyterLab: the stream, the early preview, the cache and Cancel."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import Locator

from .lab import LabPage
from .scenario import SETUP_CELL, component_cell, generate, queue_recording, wait_for_requests
from .servers import ProviderControl

pytestmark = pytest.mark.browser

SALES_CELL = component_cell(
    "sales_card", "A card with total revenue and a bar per region.", "--data df --as card"
)


def test_stream_updates_the_status_and_previews_before_the_stream_ends(
    lab: LabPage, provider_control: ProviderControl
) -> None:
    stream_seconds = 12.0
    queue_recording(provider_control, "sales_card", seconds=stream_seconds)
    lab.run_ok(0, SETUP_CELL)
    started = time.monotonic()
    lab.run_ok(1, SALES_CELL)
    assert time.monotonic() - started < stream_seconds / 2, "the cell blocked while the model was writing"
    widget = lab.widget(1)

    phases: list[str] = []
    token_counts: list[str] = []
    preview_mid_stream = ""
    deadline = time.monotonic() + stream_seconds + 30
    while time.monotonic() < deadline:
        phase = widget.phase_value()
        if not phases or phases[-1] != phase:
            phases.append(phase)
        if phase == "streaming":
            tokens = (widget.tokens.text_content() or "").strip()
            if tokens and tokens not in token_counts:
                token_counts.append(tokens)
            if not preview_mid_stream:
                text = widget.preview_text()
                if text and not provider_control.requests()[-1]["completed"]:
                    preview_mid_stream = text
                    lab.screenshot("sales_card-mid-stream", widget.root)
        if phase in {"done", "error", "cancelled"}:
            break
        time.sleep(0.1)

    assert "streaming" in phases, phases
    assert phases[-1] == "done", phases
    assert len(token_counts) >= 3, f"the token count did not move while streaming: {token_counts}"
    assert preview_mid_stream, "nothing was painted in the preview before the provider finished"

    # The timing of the first painted partial frame against the provider's last byte, to the millisecond.
    (request,) = provider_control.requests()
    assert request["completed"]
    partial_paints = [
        message["painted_at"]
        for message in lab.frame_messages("rendered")
        if message["partial"] and message["applied"] and "painted_at" in message
    ]
    assert partial_paints, f"no partial render was applied: {lab.frame_messages()}"
    assert min(partial_paints) < request["last_byte_at"] * 1000

    # The chart got the data: North (26,300) and South (17,300) bars, in proportion, once they settle.
    bars = widget.frame.locator(".recharts-bar-rectangle")
    lab.wait_until(lambda: bars.count() == 2, 10, f"expected 2 bars, found {bars.count()}")
    heights = _settled_heights(bars)
    assert heights[0] > 100, heights
    assert heights[0] / heights[1] == pytest.approx(26300 / 17300, rel=0.05), heights
    assert "$43,600" in widget.preview_text()
    lab.screenshot("sales_card", widget.root)


def test_rerunning_an_unchanged_cell_is_cached_and_calls_no_model(
    lab: LabPage, provider_control: ProviderControl
) -> None:
    queue_recording(provider_control, "counter_button")
    lab.run_ok(0, SETUP_CELL)
    cell = component_cell("counter_button", "A button that counts its clicks.", "--as counter")
    generate(lab, 1, cell)
    assert len(wait_for_requests(provider_control, 1)) == 1

    lab.run_ok(1, cell)
    widget = lab.widget(1)
    widget.wait_for_phase("cached")
    widget.frame.locator("button").first.wait_for()
    time.sleep(0.5)  # a stray request would have arrived by now
    assert len(provider_control.requests()) == 1


def test_cancel_mid_stream_keeps_the_previous_version(
    lab: LabPage, provider_control: ProviderControl
) -> None:
    queue_recording(provider_control, "counter_button")
    lab.run_ok(0, SETUP_CELL)
    first = component_cell("counter_button", "A button that counts its clicks.", "--as counter")
    widget = generate(lab, 1, first)
    version_text = (widget.version.text_content() or "").strip()
    assert version_text == "v1", version_text
    frame_text = widget.preview_text()
    assert frame_text

    queue_recording(provider_control, "counter_button", seconds=30)
    lab.run_ok(
        1, component_cell("counter_button", "A button that counts its clicks.", "--as counter --regenerate")
    )
    widget = lab.widget(1)
    widget.wait_for_phase("streaming")
    time.sleep(1.0)  # some of the rewrite has streamed in
    widget.cancel.click()
    widget.wait_for_phase("cancelled", timeout=15)

    assert (widget.version.text_content() or "").strip() == version_text
    lab.wait_until(
        lambda: widget.preview_text() == frame_text,
        timeout=10,
        message=f"the preview did not return to version 1: {widget.preview_text()!r} != {frame_text!r}",
    )
    lab.wait_until(
        lambda: provider_control.requests()[-1]["client_closed_at"] is not None,
        timeout=10,
        message=f"the provider never saw the client close: {provider_control.requests()[-1]}",
    )
    last = provider_control.requests()[-1]
    assert not last["completed"]
    assert len(provider_control.requests()) == 2


def _settled_heights(bars: Locator, timeout: float = 10.0) -> list[float]:
    """Bar heights once the chart's grow-in animation stopped (two equal samples in a row)."""
    deadline = time.monotonic() + timeout
    previous: list[float] = []
    while time.monotonic() < deadline:
        heights = [
            (bars.nth(index).bounding_box() or {"height": 0.0})["height"] for index in range(bars.count())
        ]
        if heights == previous and all(height > 0 for height in heights):
            return heights
        previous = heights
        time.sleep(0.3)
    raise AssertionError(f"the bars never settled: {previous}")
