"""Fix in the browser: blocked code is listed finding by finding and fixed on request; a component that throws
is fixed automatically once, and after that only by the person's click."""

from __future__ import annotations

import re

import pytest

from tests.provider import recording
from tests.provider.recorded import last_user_text

from .lab import LabPage
from .scenario import FAST, component_cell, wait_for_requests
from .servers import ProviderControl

pytestmark = pytest.mark.browser

COUNTER = recording("counter_button")
# The counter with a network call on line 7 of its code, two spaces in: the static checks block it.
FETCH = 'fetch("https://example.invalid/track");'
HOSTILE = COUNTER.replace("\n  return (\n", f"\n  {FETCH}\n  return (\n", 1)
FIX_LABEL = "Ask the model to fix this error"


def thrower(label: str) -> str:
    """A component that throws while rendering (``label`` keeps each version's code distinct)."""
    return (
        f"A list of {label}.\n\n/// START Thrower\nexport default function Thrower() {{\n"
        f'  const items = null;\n  return <ul aria-label="{label}">{{items.map((item) => <li>{{item}}</li>)}}</ul>;\n'
        "}\n/// END Thrower\n"
    )


CLEAN_THROWER = (
    "Fixed.\n\n/// START Thrower\nexport default function Thrower() {\n"
    '  return <p data-testid="fixed">nothing to list</p>;\n}\n/// END Thrower\n'
)


def enqueue(control: ProviderControl, *texts: str) -> None:
    for text in texts:
        control.enqueue({"text": text, "tokens_per_second": FAST})


def test_blocked_code_lists_its_findings_and_fix_asks_the_model_with_them(
    lab: LabPage, provider_control: ProviderControl
) -> None:
    enqueue(provider_control, HOSTILE, COUNTER)
    lab.run_ok(0, "%load_ext jupyter_componentgen")
    lab.run_ok(1, component_cell("counter_button", "A button that counts its clicks."))
    widget = lab.widget(1)
    widget.wait_for_phase("error")

    findings = widget.part("cg-findings")
    findings.wait_for(state="visible")
    items = findings.locator("li")
    assert items.count() == 1
    item = items.first
    assert item.locator(".cg-finding-rule").inner_text() == "banned-api"
    assert item.locator(".cg-finding-where").inner_text() == "7:3"
    assert "network" in item.locator(".cg-finding-message").inner_text()
    snippet = item.locator(".cg-finding-snippet")
    assert snippet.inner_text() == FETCH
    font = snippet.evaluate("(node) => getComputedStyle(node).fontFamily")
    assert "mono" in font.lower(), f"the snippet is not in a monospace font: {font}"
    assert "no version yet" in widget.error.inner_text()
    # Nothing rendered the blocked component: no final render, and no preview left on screen.
    assert not [m for m in lab.frame_messages("rendered") if not m.get("partial")]
    assert widget.part("cg-preview").is_hidden()
    button = widget.part("cg-fix")
    assert button.get_attribute("aria-label") == FIX_LABEL
    assert button.is_visible()
    lab.screenshot("fix-blocked-findings", widget.root)

    button.click()
    lab.wait_until(lambda: widget.phase_value() != "error", 30, "Fix started nothing")
    widget.wait_for_phase("done")

    lab.wait_until(lambda: widget.version.inner_text() == "v1", 30, "the fix did not become version 1")
    lab.wait_until(lambda: "Count: 0" in widget.preview_text(), 30, "the fixed counter did not render")
    assert widget.error.is_hidden()
    requests = wait_for_requests(provider_control, 2)
    assert len(requests) == 2, "one Fix click, one request"
    prompt = last_user_text(requests[1]["body"])
    assert FETCH in prompt, "the model was not shown the blocked code"
    assert re.search(r"\[banned-api\] .*network.* at line 7, column 2: " + re.escape(FETCH), prompt), prompt

    # Blocked again, with a version to keep: it stays on screen and the box says so.
    enqueue(provider_control, HOSTILE.replace("Add one", "Add two"))
    lab.run_ok(2, component_cell("counter_button", "Report each click to a tracker."))
    widget.wait_for_phase("error")
    widget.part("cg-findings").wait_for(state="visible")
    assert "Version 1 is still current" in widget.error.inner_text()
    assert widget.version.inner_text() == "v1"
    lab.wait_until(lambda: "Add one" in widget.preview_text(), 30, "version 1 is no longer shown")
    lab.screenshot("fix-blocked-with-version", widget.root)


def test_a_component_that_throws_is_fixed_once_automatically_then_by_one_click(
    lab: LabPage, provider_control: ProviderControl
) -> None:
    enqueue(provider_control, thrower("fruits"), thrower("vegetables"), CLEAN_THROWER)
    lab.run_ok(0, "%load_ext jupyter_componentgen")
    lab.run_ok(1, component_cell("thrower", "A list of fruits.", "--as w"))
    widget = lab.widget(1)

    # Version 1 throws, the automatic fix writes version 2, which throws too: Fix waits for the person.
    button = widget.part("cg-fix")
    lab.wait_until(
        lambda: widget.version.inner_text() == "v2" and button.is_visible(),
        60,
        f"expected version 2 failing with Fix offered; the widget shows {widget.root.inner_text()!r}",
    )
    assert "Runtime error" in widget.error.inner_text()
    # The kernel has handled the frame's report by the time it runs this cell: no fix is under way.
    assert lab.run_ok(2, "print(w.version, w.generating, w.error['phase'])").strip() == "2 False runtime"
    requests = provider_control.requests()
    assert len(requests) == 2, "exactly one automatic fix"
    assert "items" in last_user_text(requests[1]["body"])
    lab.screenshot("fix-runtime-error", widget.root)

    button.click()
    widget.wait_for_phase("done")
    lab.wait_until(lambda: widget.version.inner_text() == "v3", 30, "the fix did not become version 3")
    widget.frame.get_by_test_id("fixed").wait_for(timeout=30_000)
    assert widget.error.is_hidden()
    requests = provider_control.requests()
    assert len(requests) == 3, "one click, one more request"
    assert 'aria-label="vegetables"' in last_user_text(requests[2]["body"]), "the fix is of version 2"
