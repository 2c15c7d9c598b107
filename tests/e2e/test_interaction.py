"""A rendered component in JupyterLab: clicks, emits to Python, live data, compile errors, page reloads."""

from __future__ import annotations

import json
import re
import time

import pytest

from .lab import LabPage
from .scenario import SETUP_CELL, component_cell, generate, queue_recording
from .servers import LabServer, ProviderControl

pytestmark = pytest.mark.browser

# Hand-written, so the test knows every line: a counter (React state) beside the row count of its data.
DATA_COUNTER = """\
%%component data_counter --code --data df --as live
import { useState } from "react";

export default function DataCounter({ data }) {
  const [clicks, setClicks] = useState(0);
  return (
    <div className="p-4 flex gap-4 items-center">
      <span data-testid="rows">rows: {data.length}</span>
      <button className="px-3 py-1 rounded bg-blue-600 text-white" onClick={() => setClicks(clicks + 1)}>
        clicked {clicks}
      </button>
    </div>
  );
}"""

# The ")" closing the JSX is missing: the compiler stops at the ";" on line 6, column 3 of the component.
BROKEN = """\
%%component broken_card --code
export default function BrokenCard() {
  return (
    <div className="p-4">
      <h2>Revenue</h2>
    </div>
  ;
}"""


def test_a_click_changes_the_components_state(lab: LabPage, provider_control: ProviderControl) -> None:
    queue_recording(provider_control, "counter_button")
    lab.run_ok(0, SETUP_CELL)
    widget = generate(lab, 1, component_cell("counter_button", "A button that counts its clicks."))
    value = widget.frame.get_by_test_id("counter-value")
    assert value.inner_text() == "0"
    button = widget.frame.get_by_test_id("counter-button")
    button.click()
    button.click()
    lab.wait_until(
        lambda: value.inner_text() == "2", 10, f"two clicks, the count reads {value.inner_text()!r}"
    )


def test_emit_reaches_a_python_callback_even_during_a_generation(
    lab: LabPage, provider_control: ProviderControl
) -> None:
    queue_recording(provider_control, "emit_button")
    lab.run_ok(0, SETUP_CELL)
    widget = generate(
        lab, 1, component_cell("emit_button", "A button that tells Python it was pressed.", "--as w")
    )
    lab.run_ok(2, "events = []\nw.on_event('clicked', events.append)")

    # Another component streams slowly meanwhile: the kernel must still hear the emit.
    queue_recording(provider_control, "sales_card", seconds=20)
    lab.run_ok(3, component_cell("sales_card", "A card with total revenue.", "--data df"))
    lab.widget(3).wait_for_phase("streaming")

    widget.frame.get_by_test_id("emit-button").click()
    deadline = time.monotonic() + 10
    seen = ""
    while time.monotonic() < deadline:
        seen = lab.run_ok(4, "print(len(events), events)")
        if not seen.startswith("0 "):
            break
        time.sleep(0.3)
    assert seen.startswith("1 "), f"the callback saw: {seen!r}"
    assert not provider_control.requests()[-1]["completed"], "the emit was only heard after the stream ended"


def test_new_data_updates_the_component_in_place(lab: LabPage) -> None:
    lab.run_ok(0, SETUP_CELL)
    widget = generate(lab, 1, DATA_COUNTER)
    rows = widget.frame.get_by_test_id("rows")
    button = widget.frame.locator("button")
    assert rows.inner_text() == "rows: 4"
    button.click()
    button.click()
    lab.wait_until(lambda: button.inner_text() == "clicked 2", 10, "clicks were not counted")
    widget.iframe.evaluate("(iframe) => { iframe.dataset.cgTestMark = 'before-update'; }")

    lab.run_ok(2, "live.data = df.head(2)")
    lab.wait_until(lambda: rows.inner_text() == "rows: 2", 10, f"rows still read {rows.inner_text()!r}")
    assert widget.iframe.get_attribute("data-cg-test-mark") == "before-update", "the iframe was recreated"
    assert button.inner_text() == "clicked 2", "React state was lost on a data update"


def test_a_compile_error_is_reported_with_its_line(lab: LabPage) -> None:
    lab.run_ok(0, "%load_ext jupyter_componentgen")
    lab.run_ok(1, BROKEN)
    widget = lab.widget(1)
    widget.error.wait_for(state="visible", timeout=20_000)
    message = widget.error.inner_text()
    assert re.search(r"compile error\b.*\bline 6, column 3\b", message, re.IGNORECASE), message
    lab.screenshot("compile-error", widget.root)


def test_a_saved_widget_renders_again_after_a_reload(lab: LabPage, provider_control: ProviderControl) -> None:
    queue_recording(provider_control, "sales_card")
    lab.run_ok(0, SETUP_CELL)
    widget = generate(lab, 1, component_cell("sales_card", "A card with total revenue.", "--data df"))
    text = widget.preview_text()
    assert "$43,600" in text
    lab.save()

    lab.open()
    lab.open_notebook(lab.path)
    _expect_preview(lab, 1, text)
    assert len(provider_control.requests()) == 1


def test_a_saved_notebook_renders_its_component_without_its_kernel(
    lab: LabPage, lab_server: LabServer, provider_control: ProviderControl
) -> None:
    queue_recording(provider_control, "counter_button")
    lab.run_ok(0, SETUP_CELL)
    widget = generate(lab, 1, component_cell("counter_button", "A button that counts its clicks."))
    text = widget.preview_text()
    lab.save()
    saved = json.loads((lab_server.root_dir / lab.path).read_text(encoding="utf-8"))
    widgets = saved["metadata"].get("widgets")
    assert widgets, (
        "the notebook was saved without widget state: the widget manager's saveState setting is off "
        "(the package's lab-settings override turns it on once jupyter-componentgen is pip-installed)"
    )
    state = widgets["application/vnd.jupyter.widget-state+json"]["state"]
    codes = [model["state"]["code"] for model in state.values() if "code" in model["state"]]
    assert len(codes) == 1
    assert "export default function CounterButton" in codes[0]

    lab_server.shutdown_kernels()
    lab.open()
    lab.open_notebook(lab.path)  # with a new, empty kernel
    _expect_preview(lab, 1, text)
    assert len(provider_control.requests()) == 1


def _expect_preview(lab: LabPage, index: int, text: str) -> None:
    widget = lab.widget(index)
    lab.wait_until(
        lambda: widget.preview_text() == text,
        timeout=30,
        message=f"after the reload the preview reads {widget.preview_text()!r}, expected {text!r}",
    )
