"""The live preview, as a person sees it: on screen while the model writes (a first generation, a rewrite,
a diff edit), the previous version's frame on screen at every moment of a rewrite, and left on screen by a
failed or cancelled generation. "On screen" is checked the way a person would see it (visibility.py): the
frame has a box, no hidden ancestor, the component in it shows its text, and a screenshot is not blank."""

from __future__ import annotations

import time

import pytest

from tests.provider import recording, tokenize

from .lab import ARTIFACTS_DIR, LabPage, Widget
from .panel_lab import Session
from .scenario import SETUP_CELL, component_cell, generate, queue_recording
from .servers import ProviderControl

pytestmark = pytest.mark.browser

COUNTER = component_cell("counter_button", "A button that counts its clicks.", "--as counter")
REWRITE = component_cell("counter_button", "A button that counts its clicks.", "--as counter --regenerate")
SAMPLE_SECONDS = 0.15


def edit_answer(name: str, *pairs: tuple[str, str]) -> str:
    """A diff edit of component ``name``: SEARCH/REPLACE blocks the way the edit prompt asks for them."""
    blocks = "".join(f"<<<<<<< SEARCH\n{old}=======\n{new}>>>>>>> REPLACE\n" for old, new in pairs)
    return f"Done: it counts by two now.\n\n/// EDIT {name}\n{blocks}/// END {name}\n"


def _queue(control: ProviderControl, text: str, seconds: float) -> None:
    control.enqueue({"text": text, "tokens_per_second": max(len(tokenize(text)) / seconds, 1.0)})


def _sample_until_done(lab: LabPage, widget: Widget, name: str, timeout: float = 60.0) -> list[str]:
    """Look at the preview every SAMPLE_SECONDS until the generation ends; the problems of each look.

    Re-running a cell replaces its output: JupyterLab drops the old view (and its frame) the moment the cell
    runs, so the new view starts empty. From its first paint on, it must never blank again.
    """
    problems: list[str] = []
    deadline = time.monotonic() + timeout
    started = time.monotonic()
    painted_at: float | None = None
    shot = 0
    while time.monotonic() < deadline:
        phase = widget.phase_value()
        # While code streams, a partial may show a button before its label: not blank is what counts.
        sighting = widget.look(
            ARTIFACTS_DIR / f"{name}-sample.png" if shot == 3 else None,
            text_required=phase not in {"streaming", "connecting", "queued", "retrying", "saving"},
        )
        shot += 1
        if painted_at is None and sighting.seen:
            painted_at = time.monotonic()
            print(
                f"\n{name}: the new view showed the last frame {1000 * (painted_at - started):.0f} ms after the cell ran"
            )
        if painted_at is not None and sighting.problems:
            if not problems:  # evidence of the first one
                widget.root.screenshot(path=str(ARTIFACTS_DIR / f"FAILED-{name}-first-problem.png"))
            problems += [f"{phase}: {problem}" for problem in sighting.problems]
        if phase in {"done", "cached", "error", "cancelled"}:
            return problems if painted_at is not None else ["the preview never showed"]
        time.sleep(SAMPLE_SECONDS)
    raise AssertionError(f"the generation did not end within {timeout} s")


def test_a_first_generation_is_previewed_visibly_before_the_stream_ends(
    lab: LabPage, provider_control: ProviderControl
) -> None:
    queue_recording(provider_control, "sales_card", seconds=10)
    lab.run_ok(0, SETUP_CELL)
    lab.run_ok(1, component_cell("sales_card", "A card with total revenue.", "--data df --as card"))
    widget = lab.widget(1)

    deadline = time.monotonic() + 40
    while time.monotonic() < deadline:
        request = (provider_control.requests() or [{}])[-1]
        sighting = widget.look()
        if sighting.seen:
            assert not request.get("completed"), "the preview appeared only after the model finished"
            assert widget.phase_value() == "streaming"
            widget.look(ARTIFACTS_DIR / "preview-streaming-first.png")
            break
        time.sleep(0.1)
    else:
        raise AssertionError(f"the preview never showed while the model wrote: {sighting.problems}")
    widget.wait_for_phase("done", timeout=30)
    final = widget.look(ARTIFACTS_DIR / "preview-done.png")
    assert final.seen, final.problems
    assert "$43,600" in final.text
    # An honest component's reports are all admitted: no throttling notice, nothing dropped in the console.
    assert "too many" not in (widget.root.text_content() or "")
    assert not [line for line in lab.console if "dropped" in line], lab.console


def test_a_rewrite_keeps_a_visible_frame_at_every_moment(
    lab: LabPage, provider_control: ProviderControl
) -> None:
    queue_recording(provider_control, "counter_button")
    lab.run_ok(0, SETUP_CELL)
    widget = generate(lab, 1, COUNTER)
    before = widget.look()
    assert before.seen, before.problems

    _queue(provider_control, recording("counter_button").replace("Add one", "Add one more"), 6)
    lab.run(1, REWRITE)
    widget = lab.widget(1)
    problems = _sample_until_done(lab, widget, "preview-rewrite")
    assert not problems, problems
    assert widget.phase_value() == "done"
    assert "Add one more" in widget.look().text


def test_a_diff_edit_previews_each_change_visibly(lab: LabPage, provider_control: ProviderControl) -> None:
    queue_recording(provider_control, "counter_button")
    lab.run_ok(0, SETUP_CELL)
    generate(lab, 1, COUNTER)
    code = recording("counter_button").split("/// START CounterButton\n", 1)[1].split("/// END", 1)[0]
    label = next(line for line in code.splitlines(keepends=True) if "Add one" in line)
    answer = edit_answer("CounterButton", (label, label.replace("Add one", "Add two")))
    _queue(provider_control, answer + "\n" * 200, 5)  # trailing prose keeps the stream open a while

    lab.run_ok(1, component_cell("counter_button", "Label it Add two.", "--as counter"))
    widget = lab.widget(1)
    saw_change_while_streaming = False
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        phase = widget.phase_value()
        sighting = widget.look(text_required=phase != "streaming")
        assert sighting.seen, f"{phase}: {sighting.problems}"
        if phase == "streaming" and "Add two" in sighting.text:
            saw_change_while_streaming = True
        if phase in {"done", "error", "cancelled"}:
            break
        time.sleep(SAMPLE_SECONDS)
    assert widget.phase_value() == "done"
    assert saw_change_while_streaming, "the applied change was not previewed before the stream ended"
    assert "Add two" in widget.look().text


def test_failed_and_cancelled_generations_leave_the_previous_version_on_screen(
    lab: LabPage, provider_control: ProviderControl
) -> None:
    queue_recording(provider_control, "counter_button")
    lab.run_ok(0, SETUP_CELL)
    widget = generate(lab, 1, COUNTER)
    first = widget.look().text
    assert first

    # A stream that breaks off mid-component: the partial it showed gives way to version 1 again.
    truncated = recording("counter_button").split("/// END", 1)[0][:-200]
    _queue(provider_control, truncated, 3)
    lab.run_ok(1, REWRITE)
    widget = lab.widget(1)
    problems = _sample_until_done(lab, widget, "preview-failed")
    assert not problems, problems
    assert widget.phase_value() == "error"
    lab.wait_until(lambda: widget.look().text == first, 10, "version 1 did not come back after the failure")
    assert widget.look(ARTIFACTS_DIR / "preview-failed.png").seen

    queue_recording(provider_control, "counter_button", seconds=30)
    lab.run_ok(1, REWRITE)
    widget = lab.widget(1)
    widget.wait_for_phase("streaming")
    time.sleep(1.0)
    widget.cancel.click()
    problems = _sample_until_done(lab, widget, "preview-cancelled", timeout=20)
    assert not problems, problems
    assert widget.phase_value() == "cancelled"
    status = widget.status.inner_text()
    assert status.count("Cancelled") == 1, status
    lab.wait_until(lambda: widget.look().text == first, 10, "version 1 did not come back after Cancel")


def test_a_panel_edit_is_previewed_visibly_in_the_cell(
    session: Session, provider_control: ProviderControl
) -> None:
    """An edit sent from the side panel streams into the component's cell: the cell's preview stays on screen
    and shows the new code before the stream ends (the cell is not run again)."""
    panel = session.open()
    lab = panel.lab
    queue_recording(provider_control, "counter_button")
    lab.run_ok(0, SETUP_CELL)
    widget = generate(lab, 1, COUNTER)
    panel.show()
    panel.pick("counter_button")

    _queue(provider_control, recording("counter_button").replace("Add one", "Add one more"), 6)
    panel.send("Label it Add one more.")
    saw_new_code_while_streaming = False
    problems: list[str] = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        phase = widget.phase_value()
        sighting = widget.look(text_required=phase not in {"streaming", "connecting", "queued"})
        problems += [f"{phase}: {problem}" for problem in sighting.problems]
        if phase == "streaming" and "Add one more" in sighting.text:
            saw_new_code_while_streaming = True
        if phase in {"done", "error", "cancelled"} and "Add one more" in sighting.text:
            break
        time.sleep(SAMPLE_SECONDS)
    assert not problems, problems
    assert saw_new_code_while_streaming, "the panel's edit was not previewed in the cell before it ended"
    widget.look(ARTIFACTS_DIR / "preview-panel-edit-done.png")
