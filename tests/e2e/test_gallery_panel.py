"""A gallery of the Components panel as a person sees it, in JupyterLab's light and dark themes and in
Notebook 7: the list, a conversation, a streaming edit, the versions, a comparison, a hand edit, the model
picker open, a component with no version yet and an edit that cannot run for lack of a key.

Each state is checked before it is shot: the parts that matter are on screen (a box, no hidden ancestor, not
clipped), nothing that matters overflows the panel at the sidebar's default width, and every text of the
panel has WCAG AA contrast with what is behind it. The pictures go to ``artifacts/gallery/`` (ignored by
git), with an ``index.html`` that shows them side by side.
"""

from __future__ import annotations

import json
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Locator, Page

from jupyter_componentgen.engine.routing import Route
from jupyter_componentgen.engine.usage import Usage
from jupyter_componentgen.store import Store
from tests.provider import recording

from .lab import ARTIFACTS_DIR, LabPage, assert_visible
from .panel_lab import PanelPage, enable_componentgen
from .servers import (
    LabServer,
    ProviderControl,
    ProviderProcess,
    isolated_jupyter_env,
    link_checkout_labextension,
    running_notebook7,
    started,
)
from .test_panel import edited_sales_card, queue_answer

pytestmark = pytest.mark.browser

GALLERY = ARTIFACTS_DIR / "gallery"
DEFAULT = "anthropic/claude-sonnet-5-5"
HAIKU = "anthropic/claude-haiku-4-5"
# A model whose key the test servers do not have: the picker marks it, an edit with it says what to set.
NO_KEY_MODEL = "openai/gpt-4.1-mini"
EDIT = "make the bars green and add a total row"
THEMES = {"light": "JupyterLab Light", "dark": "JupyterLab Dark"}
NOTEBOOK = {
    "cells": [],
    "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    "nbformat": 4,
    "nbformat_minor": 5,
}
CANCELLED = "Cancelled before the model finished; nothing was saved."


def code_of(stem: str) -> str:
    """The component code of a recorded answer (between its START and END markers)."""
    text = recording(stem)
    start = text.index("\n", text.index("/// START")) + 1
    return text[start : text.index("/// END")]


def seed(notebook: Path) -> None:
    """A notebook whose history holds: sales_card (two model versions and a hand edit), kpi_card (made with
    a model the server has no key for) and draft_chart (its only generation was cancelled: no version)."""
    notebook.write_text(json.dumps(NOTEBOOK), encoding="utf-8")
    sales = code_of("sales_card")
    with Store.for_notebook(notebook) as store:
        store.add_version(
            "sales_card", code=sales, prompt="A card with total revenue and a bar per region.", parent=None,
            model=DEFAULT, author="llm", usage=Usage(1850, 640), latency_ms=5200,
            explanation="Here is a sales card that totals revenue for the selected quarter and charts it by region.",
        )  # fmt: skip
        store.add_version(
            "sales_card", code=sales.replace("#10b981", "#0ea5e9"), prompt="use a blue for the bars",
            parent=1, model=HAIKU, author="llm", usage=Usage(2100, 120), latency_ms=1900,
            explanation="The bars are sky blue now.", route=Route(HAIKU, "edit", "small edit: edit model"),
        )  # fmt: skip
        store.add_version(
            "sales_card", code=sales.replace("Sales by region", "Revenue by region"), prompt="Edited by hand",
            parent=2, model=None, author="user", usage=Usage(), latency_ms=None,
        )  # fmt: skip
        store.add_version(
            "kpi_card", code=code_of("counter_button"), prompt="A KPI card for monthly revenue", parent=None,
            model=NO_KEY_MODEL, author="llm", usage=Usage(900, 300), latency_ms=2400,
        )  # fmt: skip
        store.add_draft(
            "draft_chart", code="", prompt="A line chart of revenue by month", parent=None, model=DEFAULT,
            error_code="cancelled", error_message=CANCELLED, usage=Usage(),
        )  # fmt: skip


# -- what a picture must show ------------------------------------------------------------------------------

# Every text of the panel against what is behind it (its own and its ancestors' backgrounds, blended), by
# WCAG's formula; returns the texts under AA (4.5:1, or 3:1 for large text). CodeMirror's editors (JupyterLab's
# editor theme) and disabled controls (exempt in WCAG) are left out.
_CONTRAST_JS = """
(root) => {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const context = canvas.getContext('2d', {willReadFrequently: true});
  const rgba = (css) => {
    context.clearRect(0, 0, 1, 1);
    context.fillStyle = '#000';
    context.fillStyle = css;
    context.fillRect(0, 0, 1, 1);
    const d = context.getImageData(0, 0, 1, 1).data;
    return [d[0], d[1], d[2], d[3] / 255];
  };
  const over = (top, bottom) => {
    const alpha = top[3] + bottom[3] * (1 - top[3]);
    const mix = (i) => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / alpha;
    return [mix(0), mix(1), mix(2), alpha];
  };
  const behind = (element) => {
    const layers = [];
    for (let node = element; node; node = node.parentElement) {
      const color = rgba(getComputedStyle(node).backgroundColor);
      if (color[3] > 0) layers.push(color);
      if (color[3] >= 1) break;
    }
    return layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255, 1]);
  };
  const luminance = ([r, g, b]) => {
    const f = (v) => (v /= 255) <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const failures = [];
  let checked = 0;
  for (const element of [root, ...root.querySelectorAll('*')]) {
    if (element.closest('.cm-editor, [disabled], [aria-disabled="true"]')) continue;
    const text = [...element.childNodes]
      .filter((node) => node.nodeType === 3 && node.textContent.trim())
      .map((node) => node.textContent.trim()).join(' ');
    if (!text) continue;
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    if (box.width < 1 || box.height < 1 || style.visibility !== 'visible') continue;
    const background = behind(element);
    const color = over(rgba(style.color), background);
    const [light, dark] = [luminance(color), luminance(background)].sort((a, b) => b - a);
    const ratio = (light + 0.05) / (dark + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (Number(style.fontWeight) >= 700 && size >= 18.66);
    checked += 1;
    if (ratio < (large ? 3 : 4.5)) {
      failures.push({
        text: text.slice(0, 60), ratio: Math.round(ratio * 100) / 100, color: style.color,
        background: 'rgb(' + background.slice(0, 3).map(Math.round).join(', ') + ')',
        element: element.tagName.toLowerCase() + '.' + String(element.className).split(' ').join('.'),
      });
    }
  }
  return {checked, failures};
}
"""

# Elements of the panel whose content is wider than their box (cut off), or that reach past the panel.
_OVERFLOW_JS = """
(root, selector) => {
  const edge = root.getBoundingClientRect();
  const found = [];
  for (const element of root.querySelectorAll(selector)) {
    const box = element.getBoundingClientRect();
    if (box.width < 1) continue;
    const cut = element.scrollWidth > element.clientWidth + 1;
    const past = box.right > edge.right + 1 || box.left < edge.left - 1;
    if (cut || past) {
      found.push({
        element: element.className || element.tagName, text: (element.textContent || '').slice(0, 50),
        scrollWidth: element.scrollWidth, clientWidth: element.clientWidth, right: box.right, edge: edge.right,
      });
    }
  }
  return found;
}
"""

# What must never be cut off at the sidebar's width.
MUST_FIT = ", ".join(
    [
        ".cg-panel-component-name",
        ".cg-panel-component-sub",
        ".cg-panel-model",
        ".cg-panel-model-name",
        ".cg-panel-model-option",
        ".cg-panel-model-problem",
        ".cg-panel-version",
        ".cg-panel-version-author",
        ".cg-panel-version-head",
        ".cg-panel-row-actions",
        ".cg-panel-chat-bar",
        ".cg-panel-error",
        ".cg-panel-bubble",
        ".cg-panel-status",
    ]
)


def check_contrast(root: Locator, where: str) -> None:
    result: dict[str, Any] = root.evaluate(_CONTRAST_JS)
    assert result["checked"] > 0, f"{where}: no text was checked"
    assert not result["failures"], f"{where}: text under WCAG AA contrast: {result['failures']}"


def check_fits(root: Locator, where: str) -> None:
    cut: list[dict[str, Any]] = root.evaluate(_OVERFLOW_JS, MUST_FIT)
    assert not cut, f"{where}: cut off at this width: {cut}"


class Gallery:
    """Shoots the states of one run (``where``: lab or notebook7; ``theme``: light or dark)."""

    def __init__(self, page: Page, where: str, theme: str) -> None:
        self.page = page
        self.prefix = f"{where}-{theme}"
        GALLERY.mkdir(parents=True, exist_ok=True)

    def shoot(self, state: str, root: Locator, *, full_page: bool = False) -> Path:
        """Check what ``root`` shows (contrast, nothing cut off), then save it (or the whole page)."""
        assert_visible(root, f"{state}: the panel")
        where = f"{self.prefix} {state}"
        check_contrast(root, where)
        check_fits(root, where)
        self.page.wait_for_timeout(150)  # let a transition or a caret blink settle
        path = GALLERY / f"{self.prefix}-{state}.png"
        if full_page:
            self.page.screenshot(path=str(path))
        else:
            root.screenshot(path=str(path))
        write_index()
        return path


def write_index() -> None:
    """An HTML page of every picture in the gallery, to look at them side by side."""
    figures = "\n".join(
        f'<figure><img src="{png.name}" alt="{png.stem}"><figcaption>{png.stem}</figcaption></figure>'
        for png in sorted(GALLERY.glob("*.png"))
    )
    (GALLERY / "index.html").write_text(
        "<!doctype html><meta charset=utf-8><title>Components panel gallery</title>"
        "<style>body{font-family:sans-serif;display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}"
        "figure{margin:0}img{max-height:720px;border:1px solid #999}</style>\n" + figures,
        encoding="utf-8",
    )


def set_theme(page: Page, theme: str) -> None:
    page.evaluate(
        "async (name) => { await window.jupyterapp.commands.execute('apputils:change-theme', {theme: name}); }",
        THEMES[theme],
    )
    light = "true" if theme == "light" else "false"
    page.wait_for_function(f"() => document.body.dataset.jpThemeLight === '{light}'", timeout=20_000)
    page.wait_for_timeout(300)  # the theme's stylesheet applies after the attribute changes


def left_width(page: Page) -> float:
    width: float = page.evaluate(
        "() => document.querySelector('#jp-left-stack').getBoundingClientRect().width"
    )
    return width


def set_left_width(page: Page, width: float) -> None:
    """Drag the handle between the left sidebar and the main area so the sidebar is ``width`` px wide."""
    handle = page.locator("#jp-main-split-panel > .lm-SplitPanel-handle").first
    box = handle.bounding_box()
    assert box is not None, "no handle beside the left sidebar"
    left = page.evaluate("() => document.querySelector('#jp-left-stack').getBoundingClientRect().left")
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] / 2, y)
    page.mouse.down()
    page.mouse.move(left + width, y, steps=8)
    page.mouse.up()
    page.wait_for_function(
        "(w) => Math.abs(document.querySelector('#jp-left-stack').getBoundingClientRect().width - w) < 12",
        arg=width,
        timeout=5_000,
    )


# -- JupyterLab --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gallery_server(e2e_workdir: Path, provider_process: ProviderProcess) -> Generator[LabServer, None, None]:
    server = LabServer(
        e2e_workdir / "gallery-lab",
        provider_process.url,
        extra_env={"COMPONENTGEN_FALLBACK_MODELS": HAIKU, "COMPONENTGEN_CACHE": "false"},
    )
    for variable in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_API_BASE"):
        server.env.pop(variable, None)
    enable_componentgen(server)
    with started(server, "JupyterLab"):
        yield server


@pytest.fixture
def lab_page(
    page: Page, gallery_server: LabServer, request: pytest.FixtureRequest
) -> Generator[LabPage, None, None]:
    page.set_default_timeout(30_000)
    lab = LabPage(page, gallery_server.lab_url())
    yield lab
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        lab.screenshot(f"FAILED-{request.node.name}")
        (ARTIFACTS_DIR / f"FAILED-{request.node.name}.log").write_text(
            "\n".join(lab.console) + "\n\n" + gallery_server.log_tail(200), encoding="utf-8"
        )
    gallery_server.shutdown_kernels()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_gallery_of_the_panel_in_jupyterlab(
    theme: str, lab_page: LabPage, gallery_server: LabServer, provider_control: ProviderControl
) -> None:
    notebook = f"gallery-{theme}.ipynb"
    seed(gallery_server.root_dir / notebook)
    lab = lab_page
    lab.open()
    lab.open_notebook(notebook)
    set_theme(lab.page, theme)
    panel = PanelPage(lab)
    panel.show()
    shots = Gallery(lab.page, "lab", theme)
    width = left_width(lab.page)
    assert 240 <= width <= 300, f"the left sidebar is {width} px wide, not JupyterLab's default"

    # The list: each component with its version and model; one with no version says so, and why.
    panel.component("draft_chart").wait_for()
    for name in ("sales_card", "kpi_card", "draft_chart"):
        assert_visible(panel.component(name), name)
    no_version = panel.component("draft_chart").get_by_test_id("cg-panel-component-sub")
    assert no_version.inner_text().startswith("no version yet — cancelled"), no_version.inner_text()
    assert "written by hand" not in panel.component("draft_chart").inner_text()
    assert "v3" in panel.component("sales_card").inner_text()
    assert panel.component("kpi_card").get_attribute("aria-selected") == "true", "opens on one with a version"
    picker = panel.part("cg-panel-model")
    assert picker.get_attribute("data-model") == NO_KEY_MODEL, "the picker names kpi_card's own model"
    shots.shoot("list", panel.root)

    # A conversation: the person's requests and the model's answers, one exchange per version.
    panel.pick("sales_card")
    exchanges = panel.root.get_by_test_id("cg-panel-exchange")
    lab.wait_until(lambda: exchanges.count() == 3, 20, "the conversation lacks versions")
    assert_visible(exchanges.nth(2), "the last exchange")
    assert_visible(panel.part("cg-panel-input"), "the chat box")
    # Its current version was written by hand: its own model is the one the server names for it.
    lab.wait_until(lambda: picker.get_attribute("data-model") == DEFAULT, 30, "the models never loaded")
    shots.shoot("conversation", panel.root)

    # The model picker: the component's own model pre-selected; a model without a key is marked.
    assert picker.get_attribute("data-model") == DEFAULT
    assert picker.get_attribute("data-picked") == "false"
    picker.click()
    options = panel.part("cg-panel-model-list")
    assert_visible(options, "the model list")
    offered = [
        o.get_attribute("data-model") for o in panel.root.get_by_test_id("cg-panel-model-option").all()
    ]
    assert offered[:3] == [DEFAULT, HAIKU, NO_KEY_MODEL], offered
    missing = panel.root.locator(f'[data-testid="cg-panel-model-option"][data-model="{NO_KEY_MODEL}"]')
    assert missing.get_attribute("data-ready") == "false"
    assert "needs OPENAI_API_KEY" in missing.inner_text()
    for option in panel.root.get_by_test_id("cg-panel-model-option").all():
        assert_visible(option, "a model option")
    assert_visible(panel.part("cg-panel-model-input"), "the field for another model")
    shots.shoot("model-picker", panel.root)
    lab.page.keyboard.press("Escape")
    options.wait_for(state="detached")

    # A streaming edit: the explanation and the code arrive in the panel while the model writes.
    queue_answer(provider_control, edited_sales_card(), seconds=12)
    panel.send(EDIT)
    panel.wait_for_live_phase("streaming", timeout=20)
    code = panel.part("cg-panel-code")
    lab.wait_until(
        lambda: code.count() == 1 and "export default function" in (code.text_content() or ""),
        30,
        "the panel did not stream the code",
    )
    assert_visible(code, "the streaming code")
    assert_visible(panel.part("cg-panel-status"), "the status line")
    assert_visible(panel.part("cg-panel-explanation"), "the explanation")
    shots.shoot("streaming-edit", panel.root)
    panel.wait_for_saved("sales_card", 4)
    request = provider_control.requests()[-1]
    assert request["body"]["model"].endswith("claude-sonnet-5-5"), "the component's own model answered"

    # The versions: who, which model, tokens; nothing of a card cut off at this width.
    panel.tab("versions")
    panel.version_row(4).wait_for()
    for number in (4, 3, 2):
        assert_visible(panel.version_row(number), f"version {number}")
    assert HAIKU in panel.version_row(2).inner_text()
    assert "you" in panel.version_row(3).inner_text()
    shots.shoot("versions", panel.root)

    # Compare at the default width: two columns do not fit the sidebar, so the comparison opens wide.
    panel.version_row(4).get_by_test_id("cg-panel-compare").click()
    wide = lab.page.locator(".jp-MainAreaWidget .cg-panel-diff-widget")
    assert_visible(wide.locator(".cm-mergeView"), "the comparison tab")
    editors = wide.locator(".cm-mergeView .cm-editor")
    assert editors.count() == 2
    for index in (0, 1):
        box = editors.nth(index).bounding_box()
        assert box is not None
        assert box["width"] >= 300, f"a column of the comparison is {box['width']} px wide"
    assert_visible(panel.part("cg-panel-diff-opened"), "the panel's note about the comparison")
    assert panel.part("cg-panel-diff").count() == 0, "no two-column diff squeezed into the sidebar"
    check_contrast(wide, "the comparison tab")
    shots.shoot("compare-wide", panel.root, full_page=True)
    lab.page.evaluate("() => window.jupyterapp.shell.currentWidget.close()")
    wide.wait_for(state="detached")

    # Compare in the panel when the sidebar is wide enough for two columns.
    set_left_width(lab.page, 660)
    panel.version_row(3).get_by_test_id("cg-panel-compare").click()
    diff = panel.part("cg-panel-diff")
    assert_visible(diff.locator(".cm-mergeView"), "the comparison in the panel")
    assert diff.locator(".cm-editor").count() == 2
    assert "Revenue by region" in diff.inner_text()
    shots.shoot("compare-in-panel", panel.root)
    set_left_width(lab.page, width)

    # A hand edit: the editor opens in view, focused, under the current version.
    panel.tab("chat")
    panel.tab("versions")
    panel.version_row(4).get_by_test_id("cg-panel-edit-code").click()
    editor = panel.part("cg-panel-editor")
    assert_visible(editor.locator(".cm-content"), "the code editor")
    assert_visible(editor.get_by_test_id("cg-panel-save-code"), "the save button")
    assert lab.page.evaluate("() => !!document.activeElement?.closest('.cg-panel-editor .cm-editor')")
    shots.shoot("hand-edit", panel.root)
    editor.get_by_role("button", name="Discard").click()

    # A component with no version yet says why, and offers to generate it.
    panel.tab("chat")
    panel.component("draft_chart").click()
    none = panel.part("cg-panel-no-version")
    assert_visible(none, "the no-version note")
    assert "cancelled" in none.inner_text()
    assert "generate" in (panel.part("cg-panel-input").get_attribute("placeholder") or "")
    shots.shoot("no-version", panel.root)

    # An edit with a model whose key is missing: the server's reason in the panel's words, once, and a way
    # to pick another model.
    panel.component("kpi_card").click()
    panel.root.get_by_test_id("cg-panel-exchange").first.wait_for()
    assert panel.part("cg-panel-model").get_attribute("data-model") == NO_KEY_MODEL
    assert "OPENAI_API_KEY" in panel.part("cg-panel-model-problem").inner_text()
    panel.send("show the change against last month")
    error = panel.part("cg-panel-error")
    assert_visible(error, "the failure")
    text = panel.part("cg-panel-live").inner_text()
    for words in ("OPENAI_API_KEY", "model list"):
        assert words in text, text
    for cell_words in ("--model", "%env"):
        assert cell_words not in text, text
    assert text.count("No API key") == 1, f"said more than once: {text}"
    assert_visible(panel.part("cg-panel-choose-model"), "Choose another model")
    shots.shoot("no-key", panel.root)
    panel.part("cg-panel-choose-model").click()
    assert_visible(panel.part("cg-panel-model-list"), "the model list, opened from the failure")
    panel.root.locator(f'[data-testid="cg-panel-model-option"][data-model="{HAIKU}"]').click()
    assert panel.part("cg-panel-model").get_attribute("data-picked") == "true"
    shots.shoot("page", panel.root, full_page=True)


# -- Notebook 7 --------------------------------------------------------------------------------------------

NB7_TOKEN = "gallery-notebook7"


@pytest.fixture(scope="module")
def notebook7_server(e2e_workdir: Path, provider_process: ProviderProcess) -> Iterator[tuple[str, Path]]:
    base = e2e_workdir / "gallery-notebook7"
    root = base / "root"
    root.mkdir(parents=True, exist_ok=True)
    env = isolated_jupyter_env(
        base / "env",
        {
            "ANTHROPIC_API_KEY": "test-key",
            "ANTHROPIC_BASE_URL": provider_process.url,
            "LITELLM_LOCAL_MODEL_COST_MAP": "True",
            "COMPONENTGEN_FALLBACK_MODELS": HAIKU,
        },
    )
    for variable in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_API_BASE"):
        env.pop(variable, None)
    config = {"ServerApp": {"jpserver_extensions": {"jupyter_componentgen": True}}}
    (Path(env["JUPYTER_CONFIG_DIR"]) / "jupyter_server_config.json").write_text(json.dumps(config))
    link_checkout_labextension(Path(env["JUPYTER_DATA_DIR"]))
    with running_notebook7(root, env, NB7_TOKEN, base / "notebook.log") as url:
        yield url, root


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_gallery_of_the_panel_in_notebook_7(
    theme: str, page: Page, notebook7_server: tuple[str, Path]
) -> None:
    url, root = notebook7_server
    notebook = f"gallery-{theme}.ipynb"
    seed(root / notebook)
    page.set_default_timeout(30_000)
    page.goto(f"{url}/notebooks/{notebook}?token={NB7_TOKEN}")
    page.wait_for_function(
        "() => window.jupyterapp && window.jupyterapp.commands.hasCommand('componentgen:open-panel')",
        timeout=60_000,
    )
    set_theme(page, theme)
    page.evaluate("() => window.jupyterapp.commands.execute('componentgen:open-panel')")
    panel = page.locator("#jupyter-componentgen-panel")
    assert_visible(panel, "the panel in Notebook 7's left area")
    shots = Gallery(page, "notebook7", theme)

    row = panel.locator('[data-testid="cg-panel-component"][data-name="sales_card"]')
    assert_visible(row, "sales_card in the list")
    draft = panel.locator('[data-testid="cg-panel-component"][data-name="draft_chart"]')
    assert "no version yet — cancelled" in draft.inner_text()
    row.click()
    exchanges = panel.get_by_test_id("cg-panel-exchange")
    exchanges.nth(2).wait_for()
    assert_visible(exchanges.nth(2), "the last exchange")
    assert_visible(panel.get_by_test_id("cg-panel-send"), "Send")
    page.wait_for_function(
        "(model) => document.querySelector('[data-testid=cg-panel-model]')?.dataset.model === model",
        arg=DEFAULT,
        timeout=30_000,
    )
    shots.shoot("conversation", panel)

    panel.get_by_test_id("cg-panel-model").click()
    assert_visible(panel.get_by_test_id("cg-panel-model-list"), "the model list")
    assert "needs OPENAI_API_KEY" in panel.get_by_test_id("cg-panel-model-list").inner_text()
    shots.shoot("model-picker", panel)
    page.keyboard.press("Escape")

    panel.get_by_test_id("cg-panel-tab-versions").click()
    for number in (3, 2, 1):
        assert_visible(
            panel.locator(f'[data-testid="cg-panel-version"][data-version="{number}"]'), f"v{number}"
        )
    shots.shoot("versions", panel)
    panel.locator('[data-testid="cg-panel-version"][data-version="3"]').get_by_test_id(
        "cg-panel-compare"
    ).click()
    wide = page.locator(".cg-panel-diff-widget .cm-mergeView")
    assert_visible(wide, "the comparison in the main area")
    # Notebook 7's main area holds only its notebook: the comparison opens over the page, as wide.
    editors = page.locator(".cg-panel-diff-dialog .cm-mergeView .cm-editor")
    assert editors.count() == 2
    for index in (0, 1):
        box = editors.nth(index).bounding_box()
        assert box is not None
        assert box["width"] >= 300, f"a column of the comparison is {box['width']} px wide"
    check_contrast(page.locator(".cg-panel-diff-widget"), "the comparison")
    shots.shoot("compare-wide", panel, full_page=True)
    page.keyboard.press("Escape")
    wide.wait_for(state="detached")

    panel.get_by_test_id("cg-panel-tab-chat").click()
    draft.click()
    assert_visible(panel.get_by_test_id("cg-panel-no-version"), "the no-version note")
    shots.shoot("no-version", panel)

    # The cell widget in Notebook 7: a cell that names the component shows its current version.
    page.evaluate(
        """async () => {
          const app = window.jupyterapp;
          const notebook = app.shell.currentWidget;
          await notebook.sessionContext.ready;
          const cells = notebook.content.model.sharedModel;
          cells.insertCell(0, {cell_type: 'code', source: '%load_ext jupyter_componentgen\\n%component sales_card'});
          notebook.content.activeCellIndex = 0;
          await app.commands.execute('notebook:run-cell');
        }"""
    )
    widget = page.locator(".jp-OutputArea-output .cg-root").first
    widget.wait_for(timeout=60_000)
    frame = widget.locator(".cg-preview iframe").content_frame.frame_locator("iframe")
    frame.locator("text=Revenue by region").wait_for(timeout=30_000)
    assert_visible(widget, "the cell widget in Notebook 7")
    check_contrast(widget.locator(".cg-status"), "the widget's status line")
    shots.shoot("widget", widget)
