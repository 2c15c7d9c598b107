"""The Components side panel in JupyterLab, and the cell following what happens on the server.

These tests run their own JupyterLab with the componentgen server extension and the freshly built
labextension (``cd js && jlpm build``) enabled in its isolated folders, with at most one panel generation
per user at a time, so the queue shows.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from tests.provider import recording, tokenize

from .lab import LabPage, Widget, assert_visible
from .panel_lab import PANEL, SECOND_MODEL, Session
from .scenario import SETUP_CELL, component_cell, generate, queue_recording, wait_for_requests
from .servers import ProviderControl

pytestmark = pytest.mark.browser


SALES_CELL = component_cell(
    "sales_card", "A card with total revenue and a bar per region.", "--data df --as card"
)
EDIT = "make the bars green and add a total row"


def edited_sales_card() -> str:
    """The model's answer to EDIT: the sales card rewritten with green bars and a total row."""
    text = recording("sales_card")
    text = text.replace(
        "Here is a sales card that totals revenue for the selected quarter and charts it by region.",
        "The bars are green now, and a total row sits under the chart.",
    )
    text = text.replace('fill="#10b981"', 'fill="#16a34a"')
    end = "      )}\n    </div>\n  );\n}\n/// END SalesCard"
    assert end in text, "the sales_card recording changed: update edited_sales_card()"
    total_row = (
        '      <div data-testid="total-row" className="mt-3 flex justify-between border-t pt-2 font-semibold">\n'
        "        <span>Total row</span>\n"
        "        <span>{formatMoney(total)}</span>\n"
        "      </div>\n"
    )
    return text.replace(end, "      )}\n" + total_row + "    </div>\n  );\n}\n/// END SalesCard")


def queue_answer(control: ProviderControl, text: str, seconds: float) -> None:
    """Queue ``text`` as the next answer, streamed over about ``seconds``."""
    control.enqueue({"text": text, "tokens_per_second": max(len(tokenize(text)) / seconds, 1.0)})


def counter_by_twos() -> str:
    text = recording("counter_button").replace("value + 1", "value + 2").replace("Add one", "Add two")
    assert "Add two" in text, "the counter_button recording changed: update counter_by_twos()"
    return text


# -- the server ------------------------------------------------------------------------------------------


def kernel_value(lab: LabPage, index: int, expression: str) -> str:
    return lab.run_ok(index, f"print({expression})").strip()


def wait_for_version(lab: LabPage, widget: Widget, version: int, timeout: float = 30.0) -> None:
    lab.wait_until(
        lambda: (widget.version.text_content() or "") == f"v{version}",
        timeout,
        f"the cell shows {widget.version.text_content()!r}, expected v{version}",
    )


def preview_has(lab: LabPage, widget: Widget, text: str, present: bool = True, timeout: float = 20.0) -> None:
    lab.wait_until(
        lambda: (text in widget.preview_text()) == present,
        timeout,
        f"the preview {'lacks' if present else 'still has'} {text!r}: {widget.preview_text()[:300]!r}",
    )


def renders_of(lab: LabPage, frame: int | None, *, partial: bool) -> list[dict[str, Any]]:
    return [
        m for m in lab.frame_messages("rendered", frame) if m.get("partial") is partial and m.get("applied")
    ]


# -- the tests -------------------------------------------------------------------------------------------


def test_a_chat_edit_streams_in_the_panel_and_the_cell_follows_versions_diff_rollback_and_hand_edits(
    session: Session, provider_control: ProviderControl
) -> None:
    panel = session.open()
    lab = panel.lab
    queue_recording(provider_control, "sales_card")
    lab.run_ok(0, SETUP_CELL)
    widget = generate(lab, 1, SALES_CELL)
    preview_has(lab, widget, "Sales by region")
    frame = widget.frame_seq()

    # 1. The panel lists the notebook's component; picking it shows its conversation.
    panel.show()
    row = panel.component("sales_card")
    row.wait_for()
    assert "v1" in row.inner_text()
    panel.pick("sales_card")
    assert "A card with total revenue" in panel.part("cg-panel-conversation").inner_text()
    # The picker names the component's own model, the one a request without a pick goes to.
    lab.wait_until(lambda: panel.model() != "", 30, "the panel never loaded the models")
    assert panel.part("cg-panel-model").get_attribute("data-picked") == "false"

    # 2. A chat edit streams into the panel and into the cell, with partial previews in the same iframe.
    panel.choose_model(SECOND_MODEL)
    assert panel.part("cg-panel-model").get_attribute("data-picked") == "true"
    queue_answer(provider_control, edited_sales_card(), seconds=12)
    partial_before = len(renders_of(lab, frame, partial=True))
    panel.send(EDIT)
    panel.wait_for_live_phase("streaming")
    widget.wait_for_phase("streaming", timeout=20)
    streamed = panel.part("cg-panel-code")
    lab.wait_until(
        lambda: streamed.count() == 1 and "export default function" in (streamed.text_content() or ""),
        30,
        "the panel did not stream the new code",
    )
    assert "green" in panel.part("cg-panel-explanation").inner_text()
    usage = panel.part("cg-panel-usage")
    assert usage.count() == 1, "tokens are shown while the model writes"
    assert "in ·" in usage.inner_text()
    assert not provider_control.requests()[-1]["completed"], "the stream ended before the checks above"
    panel.screenshot("panel-streaming")
    lab.screenshot("panel-streaming-page")

    panel.wait_for_saved("sales_card", 2)
    wait_for_version(lab, widget, 2)
    lab.wait_until(
        lambda: widget.frame.get_by_test_id("total-row").count() == 1, 20, "the cell shows no total row"
    )
    assert len(renders_of(lab, frame, partial=True)) > partial_before, "no partial preview while streaming"
    assert widget.frame_seq() == frame, "the iframe was recreated"
    request = provider_control.requests()[-1]
    assert request["body"]["model"].endswith("claude-haiku-4-5"), request["body"]["model"]
    assert EDIT in json.dumps(request["body"])
    # The kernel reloaded the version from the history: w.code and w.version match the cell.
    assert kernel_value(lab, 2, "card.version, 'Total row' in card.code") == "2 True"
    panel.screenshot("panel-done")

    # 3. Versions: two of them, a side-by-side diff. The sidebar's default width has no room for two
    # columns of code, so the comparison opens in a main-area tab.
    panel.tab("versions")
    panel.version_row(2).wait_for()
    assert panel.version_row(1).get_attribute("data-author") == "llm"
    assert "claude-haiku-4-5" in panel.version_row(2).inner_text()
    panel.version_row(2).get_by_test_id("cg-panel-compare").click()
    wide = lab.page.locator(".jp-MainAreaWidget .cg-panel-diff-widget")
    assert_visible(wide.locator(".cm-mergeView"), "the comparison tab")
    assert wide.locator(".cm-editor").count() == 2, "the diff is side by side"
    assert wide.locator(".cm-changedLine").count() > 0, "the diff marks the changed lines"
    assert "#16a34a" in wide.inner_text()
    assert_visible(panel.part("cg-panel-diff-opened"), "the panel's note that the comparison opened wide")
    lab.screenshot("panel-diff-wide")
    lab.page.evaluate("() => window.jupyterapp.shell.currentWidget.close()")
    wide.wait_for(state="detached")

    # 4. Rollback: the cell and the kernel follow.
    panel.version_row(1).get_by_test_id("cg-panel-rollback").click()
    wait_for_version(lab, widget, 1)
    lab.wait_until(
        lambda: widget.frame.get_by_test_id("total-row").count() == 0, 20, "the cell still shows version 2"
    )
    assert kernel_value(lab, 2, "card.version, 'Total row' in card.code") == "1 False"

    # 5. A hand edit of the current code becomes version 3 by the person; the cell follows.
    edited = widget_code(lab, 2).replace("Sales by region", "Sales by region, by hand")
    panel.version_row(1).get_by_test_id("cg-panel-edit-code").click()
    editor = panel.part("cg-panel-editor").locator(".cm-content")
    # The editor opens in view, focused, with its save button on screen.
    assert_visible(editor, "the code editor")
    assert_visible(panel.part("cg-panel-save-code"), "the save button")
    assert panel.page.evaluate("() => !!document.activeElement?.closest('.cg-panel-editor .cm-editor')")
    assert editor.inner_text().startswith("import { useMemo, useState }"), "the editor holds the current code"
    editor.click()
    panel.page.keyboard.press("ControlOrMeta+a")
    panel.page.keyboard.insert_text(edited)
    panel.part("cg-panel-save-code").click()
    panel.version_row(3).wait_for()
    assert panel.version_row(3).get_attribute("data-author") == "user"
    assert "you" in panel.version_row(3).inner_text()
    wait_for_version(lab, widget, 3)
    preview_has(lab, widget, "Sales by region, by hand")
    assert kernel_value(lab, 2, "card.version, card.versions[-1].author") == "3 user"
    panel.screenshot("panel-versions")

    # 6. Versions made in the kernel (cell magic) do not pass through the server: the panel still shows them.
    queue_recording(provider_control, "sales_card")
    lab.run_ok(1, component_cell("sales_card", "Back to the original card.", "--data df --as card"))
    widget.wait_for_phase("done", timeout=60)
    panel.version_row(4).wait_for()
    assert "v4" in panel.component("sales_card").inner_text()
    queue_recording(provider_control, "counter_button")
    lab.run_ok(3, component_cell("counter_button", "A button that counts its clicks."))
    lab.widget(3).wait_for_phase("done", timeout=60)
    panel.component("counter_button").wait_for()


def has_total_row(widget: Widget) -> Callable[[], bool]:
    """Whether ``widget``'s frame shows the edited card's total row, as a check to wait on."""
    return lambda: widget.frame.get_by_test_id("total-row").count() == 1


def widget_code(lab: LabPage, index: int) -> str:
    """The component's current code, read in the kernel."""
    code: str = json.loads(lab.run_ok(index, "import json; print(json.dumps(card.code))").strip())
    return code


def test_two_pages_see_a_generation_live_and_a_reload_shows_it_still_running(
    session: Session, provider_control: ProviderControl
) -> None:
    first = session.open()
    queue_recording(provider_control, "sales_card")
    first.lab.run_ok(0, SETUP_CELL)
    generate(first.lab, 1, SALES_CELL)
    first.lab.save()
    second = session.open(first.lab.path)
    second_widget = second.lab.widget(1)
    wait_for_version(second.lab, second_widget, 1)
    first.show()
    second.show()
    first.pick("sales_card")
    second.pick("sales_card")

    queue_answer(provider_control, edited_sales_card(), seconds=12)
    first.send(EDIT)
    for panel in (first, second):
        panel.wait_for_live_phase("streaming", timeout=20)
    second_widget.wait_for_phase("streaming", timeout=20)
    first_widget = first.lab.widget(1)
    first_widget.wait_for_phase("streaming", timeout=20)
    assert EDIT in second.part("cg-panel-live").inner_text(), "the other page shows the request"

    # A reload in the middle: the page learns the generation still runs and resumes its stream.
    second.page.reload()
    second.lab.wait_for_app()
    second.lab.open_notebook(first.lab.path)
    # The layout restorer brings the panel back as it was before the reload.
    second.root.wait_for(state="visible")
    second.show()
    second.pick("sales_card")
    assert not provider_control.requests()[-1]["completed"], "the generation ended before the reload"
    second.wait_for_live_phase("streaming", "saving", timeout=20)
    assert "green" in second.part("cg-panel-explanation").inner_text(), "the replay brings the explanation"
    second.screenshot("panel-after-reload")

    for panel in (first, second):
        panel.wait_for_saved("sales_card", 2)
        widget = panel.lab.widget(1)
        wait_for_version(panel.lab, widget, 2)
        panel.lab.wait_until(has_total_row(widget), 20, "a page's cell shows no total row")
        assert "v2" in panel.component("sales_card").inner_text()


def test_a_second_request_queues_behind_the_per_user_limit_and_cancel_keeps_the_version(
    session: Session, provider_control: ProviderControl
) -> None:
    panel = session.open()
    lab = panel.lab
    lab.run_ok(0, SETUP_CELL)
    queue_recording(provider_control, "sales_card")
    generate(lab, 1, SALES_CELL)
    queue_recording(provider_control, "counter_button")
    counter = generate(
        lab, 2, component_cell("counter_button", "A button that counts its clicks.", "--as counter")
    )
    panel.show()

    queue_answer(provider_control, edited_sales_card(), seconds=20)
    panel.pick("sales_card")
    panel.send(EDIT)
    panel.wait_for_live_phase("streaming", timeout=20)

    provider_control.enqueue({"text": counter_by_twos(), "tokens_per_second": 2000})
    panel.pick("counter_button")
    panel.send("count by twos")
    panel.wait_for_live_phase("queued", timeout=20)
    # The phase can show a moment before the server's explanation arrives.
    lab.wait_until(
        lambda: "per-user limit" in panel.part("cg-panel-status").inner_text(),
        20,
        "the panel does not say why the request is queued",
    )
    assert "Queued" in panel.part("cg-panel-status").inner_text()
    counter.wait_for_phase("queued", timeout=20)
    assert "queued" in panel.component("counter_button").inner_text()
    panel.screenshot("panel-queued")

    # Escape in the chat box cancels the running edit of sales_card; its version 1 stays current.
    panel.pick("sales_card")
    panel.part("cg-panel-input").press("Escape")
    panel.wait_for_live_phase("cancelled", timeout=20)
    sales = lab.widget(1)
    sales.wait_for_phase("cancelled", timeout=20)
    assert (sales.version.text_content() or "") == "v1"
    preview_has(lab, sales, "Sales by region")

    # The queued request runs once the slot is free, and the counter's cell follows it.
    wait_for_requests(provider_control, 2 + 2)
    wait_for_version(lab, counter, 2)
    lab.wait_until(lambda: "Add two" in counter.preview_text(), 20, "the counter's cell did not follow")
    assert kernel_value(lab, 3, "card.version, counter.version") == "1 2"


HELLO_CELL = """\
%%component hello --code
export default function Hello() {
  return <p className="p-4">Hello from a --code cell</p>;
}"""
API_CELL = """\
from jupyter_componentgen import generate
api_counter = generate("A button that counts its clicks.", name="api_counter")"""


def test_the_list_follows_components_saved_by_the_kernel_and_says_which_have_no_version(
    session: Session, provider_control: ProviderControl
) -> None:
    panel = session.open()
    lab = panel.lab
    lab.run_ok(0, "%load_ext jupyter_componentgen")
    panel.show()
    assert "No components in this notebook yet" in panel.root.inner_text()

    # A --code cell and the Python API save versions in the kernel's process: the server announces them
    # and the list shows them, with no reload and no other generation.
    lab.run_ok(1, HELLO_CELL)
    hello = panel.component("hello")
    assert_visible(hello, "hello, made by a --code cell")
    assert "v1" in hello.inner_text()
    assert "written by hand" in hello.inner_text()
    queue_recording(provider_control, "counter_button")
    lab.run_ok(2, API_CELL)
    made = panel.component("api_counter")
    made.wait_for(timeout=60_000)
    assert_visible(made, "api_counter, made by the Python API")
    lab.wait_until(lambda: "v1" in made.inner_text(), 30, f"the list shows {made.inner_text()!r}")

    # A first generation that fails in a cell leaves no version: the list says so (and why) once the panel
    # is shown again, never "written by hand".
    provider_control.enqueue(
        {
            "text": recording("counter_button"),
            "tokens_per_second": 400,
            "fault": {"kind": "reset_after", "after_tokens": 30},
        }
    )
    lab.run_ok(3, component_cell("first_try", "A button that counts its clicks."))
    lab.widget(3).wait_for_phase("error", timeout=60)
    tab = panel.page.locator(f'.jp-SideBar [data-id="{PANEL[1:]}"]')
    tab.click()
    panel.root.wait_for(state="hidden")
    panel.show()
    failed = panel.component("first_try")
    assert_visible(failed, "first_try, whose first generation failed")
    assert failed.get_attribute("data-has-version") == "false"
    subtitle = failed.get_by_test_id("cg-panel-component-sub").inner_text()
    assert subtitle.startswith("no version yet — failed"), subtitle
    assert "written by hand" not in failed.inner_text()
    panel.screenshot("panel-no-version")

    # Picking it says there is no version yet; a request from the chat box generates its first.
    failed.click()
    assert_visible(panel.part("cg-panel-no-version"), "the no-version note")
    assert "generate" in (panel.part("cg-panel-input").get_attribute("placeholder") or "")
    queue_recording(provider_control, "counter_button")
    panel.send("A button that counts its clicks.")
    panel.wait_for_saved("first_try", 1)
    assert failed.get_attribute("data-has-version") == "true"
