"""Driving JupyterLab in a Playwright page: open it, make a notebook, run cells, find a component's widget."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from playwright.sync_api import FrameLocator, Locator, Page

from .visibility import Sighting, look

ARTIFACTS_DIR = Path(__file__).resolve().parent / "artifacts"

# Installed on window after each load: finds a notebook panel by its path among the main area's widgets.
_HELPERS_JS = """
() => {
  const app = window.jupyterapp;
  window.__cgLab = {
    panel(path) {
      for (const widget of app.shell.widgets('main')) {
        if (widget.context && widget.context.path === path && widget.content && widget.content.widgets) {
          return widget;
        }
      }
      throw new Error('no open notebook at ' + path);
    },
    cell(path, index) {
      const cell = this.panel(path).content.widgets[index];
      if (!cell) throw new Error('notebook ' + path + ' has no cell ' + index);
      return cell;
    },
    kernel(path) {
      const session = this.panel(path).sessionContext.session;
      return session ? session.kernel : null;
    },
  };
  return true;
}
"""


# Runs in every document before its scripts; acts in the top page only. It records the messages the
# components' sandboxed iframes post to their parent (schema/frame.schema.json) with their arrival time and
# the sending iframe's number (stamped on the iframe as data-cg-seq), and stamps each widget view's root
# with the moment it entered the page (data-cg-added-at), so tests and benchmarks can time paints.
_FRAME_RECORDER_JS = """
(() => {
  if (window !== window.top) return;
  const now = () => performance.timeOrigin + performance.now();
  const frames = [];
  let nextSeq = 1;
  Object.defineProperty(window, '__cgFrames', {value: frames});
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || typeof data !== 'object' || typeof data.type !== 'string') return;
    const iframe = Array.from(document.querySelectorAll('.cg-preview iframe'))
      .find((candidate) => candidate.contentWindow === event.source);
    if (!iframe) return;
    if (!iframe.dataset.cgSeq) iframe.dataset.cgSeq = String(nextSeq++);
    frames.push({...data, frame: Number(iframe.dataset.cgSeq), received_at: now()});
  }, true);
  const stamp = (node) => {
    if (!(node instanceof Element)) return;
    const roots = node.matches('.cg-root') ? [node] : node.querySelectorAll('.cg-root');
    for (const root of roots) if (!root.dataset.cgAddedAt) root.dataset.cgAddedAt = String(now());
  };
  new MutationObserver((records) => {
    for (const record of records) record.addedNodes.forEach(stamp);
  }).observe(document, {childList: true, subtree: true});
})();
"""


def hook(name: str) -> str:
    """CSS selector of a widget test hook: the data-testid or the class name of the same name."""
    return f'[data-testid="{name}"], .{name}'


class Widget:
    """One ComponentWidget view in a cell's output."""

    def __init__(self, root: Locator) -> None:
        self.root = root

    def part(self, name: str) -> Locator:
        return self.root.locator(hook(name)).first

    @property
    def status(self) -> Locator:
        return self.part("cg-status")

    @property
    def phase(self) -> Locator:
        return self.part("cg-phase")

    @property
    def cancel(self) -> Locator:
        return self.part("cg-cancel")

    @property
    def error(self) -> Locator:
        return self.part("cg-error")

    @property
    def version(self) -> Locator:
        return self.part("cg-version")

    @property
    def iframe(self) -> Locator:
        return self.root.locator(".cg-preview iframe, [data-testid='cg-preview'] iframe").first

    @property
    def frame(self) -> FrameLocator:
        """The component's sandboxed document (inside the preview's relay frame), for reading and clicking."""
        return self.iframe.content_frame.frame_locator("iframe")

    def preview_text(self, timeout: float = 2.0) -> str:
        """Visible text inside the component's iframe; empty while there is no iframe or nothing painted."""
        try:
            return self.frame.locator("body").inner_text(timeout=timeout * 1000).strip()
        except Exception:  # no iframe yet, or it is being attached
            return ""

    def look(self, screenshot: Path | None = None, *, text_required: bool = True) -> Sighting:
        """How the preview looks to a person now (see visibility.py)."""
        body = self.frame.locator("body")
        return look(self.root.page, self.iframe, body, screenshot=screenshot, text_required=text_required)

    def frame_seq(self) -> int | None:
        """The number the page's recorder gave this view's iframe (None before it posted anything)."""
        seq = self.iframe.get_attribute("data-cg-seq")
        return int(seq) if seq else None

    def added_at(self) -> float:
        """When this view entered the page, in ms since the epoch (the recorder's stamp)."""
        return float(self.root.locator(".cg-root").get_attribute("data-cg-added-at") or "nan")

    @property
    def tokens(self) -> Locator:
        """The status line's token counts ("1,200 in · 35 out")."""
        return self.status.locator(".cg-tokens")

    def phase_value(self) -> str:
        """The raw phase (queued, connecting, streaming, saving, done, cached, cancelled, error, idle)."""
        try:
            return self.phase.get_attribute("data-phase", timeout=1000) or ""
        except Exception:  # the view may not be attached yet
            return ""

    def wait_for_phase(self, *phases: str, timeout: float = 60.0) -> str:
        """Wait until the view shows one of ``phases``; fail early on an unexpected end of generation."""
        deadline = time.monotonic() + timeout
        seen = ""
        while time.monotonic() < deadline:
            seen = self.phase_value()
            if seen in phases:
                return seen
            if seen in {"error", "cancelled"}:
                break
            time.sleep(0.05)
        detail = (self.status.text_content() or "") + " " + (self.error.text_content() or "")
        raise AssertionError(f"expected phase {phases}, the widget shows {seen!r}: {detail.strip()}")


class LabPage:
    """A JupyterLab tab: notebooks created by command, cells typed through the model and run with Shift+Enter."""

    def __init__(self, page: Page, lab_url: str) -> None:
        self.page = page
        self.lab_url = lab_url
        self.path = ""
        self.console: list[str] = []
        page.on("console", lambda message: self.console.append(f"{message.type}: {message.text}"))
        page.on("pageerror", lambda error: self.console.append(f"pageerror: {error}"))
        page.add_init_script(_FRAME_RECORDER_JS)

    # -- the application ---------------------------------------------------------------------------

    def open(self, timeout: float = 60.0) -> None:
        self.page.goto(self.lab_url, wait_until="domcontentloaded")
        self.wait_for_app(timeout)

    def wait_for_app(self, timeout: float = 60.0) -> None:
        self.page.wait_for_function(
            "() => window.jupyterapp !== undefined && window.jupyterapp.shell !== undefined",
            timeout=timeout * 1000,
        )
        self.page.evaluate("() => window.jupyterapp.restored")
        self.page.evaluate(_HELPERS_JS)

    # -- notebooks ---------------------------------------------------------------------------------

    def new_notebook(self, timeout: float = 60.0) -> str:
        """Create a notebook with a python3 kernel, wait until the kernel is connected and idle."""
        self.path = self.page.evaluate(
            """async () => {
              const panel = await window.jupyterapp.commands.execute(
                'notebook:create-new', {kernelName: 'python3'});
              await panel.context.ready;
              await panel.sessionContext.ready;
              return panel.context.path;
            }"""
        )
        self.wait_for_kernel(timeout)
        return self.path

    def open_notebook(self, path: str, timeout: float = 60.0) -> None:
        self.path = path
        self.page.evaluate(
            """async (path) => {
              const panel = await window.jupyterapp.commands.execute('docmanager:open', {path});
              await panel.context.ready;
              await panel.sessionContext.ready;
            }""",
            path,
        )
        self.wait_for_kernel(timeout)

    def wait_for_kernel(self, timeout: float = 60.0) -> None:
        # The toolbar says idle before the kernel's socket is up; runs sent earlier are lost.
        self.page.wait_for_function(
            """(path) => {
              const kernel = window.__cgLab.kernel(path);
              return kernel !== null && kernel.connectionStatus === 'connected' && kernel.status === 'idle';
            }""",
            arg=self.path,
            timeout=timeout * 1000,
        )

    def save(self) -> None:
        self.page.evaluate("async (path) => { await window.__cgLab.panel(path).context.save(); }", self.path)

    @property
    def panel_selector(self) -> str:
        panel_id = self.page.evaluate("(path) => window.__cgLab.panel(path).id", self.path)
        return f"#{panel_id}"

    def cell(self, index: int) -> Locator:
        return self.page.locator(f"{self.panel_selector} .jp-Notebook .jp-Cell").nth(index)

    def set_source(self, index: int, source: str) -> None:
        """Put ``source`` into cell ``index`` through the notebook model, adding code cells as needed."""
        self.page.evaluate(
            """([path, index, source]) => {
              const notebook = window.__cgLab.panel(path).content;
              const shared = notebook.model.sharedModel;
              while (shared.cells.length <= index) {
                shared.insertCell(shared.cells.length, {cell_type: 'code', source: ''});
              }
              shared.cells[index].setSource(source);
            }""",
            [self.path, index, source],
        )

    def run(self, index: int, source: str, timeout: float = 60.0) -> list[dict[str, Any]]:
        """Type ``source`` into cell ``index``, press Shift+Enter, wait for the reply; return the outputs."""
        self.set_source(index, source)
        self.page.evaluate(
            "([path, index]) => { window.__cgLab.cell(path, index).model.executionCount = null; }",
            [self.path, index],
        )
        editor = self.cell(index).locator(".jp-InputArea-editor")
        editor.click()
        self.page.keyboard.press("Shift+Enter")
        self.page.wait_for_function(
            """([path, index]) => {
              const kernel = window.__cgLab.kernel(path);
              const cell = window.__cgLab.cell(path, index);
              return cell.model.executionCount !== null && kernel !== null && kernel.status === 'idle';
            }""",
            arg=[self.path, index],
            timeout=timeout * 1000,
        )
        return self.outputs(index)

    def outputs(self, index: int) -> list[dict[str, Any]]:
        outputs: list[dict[str, Any]] = self.page.evaluate(
            "([path, index]) => window.__cgLab.cell(path, index).model.outputs.toJSON()",
            [self.path, index],
        )
        return outputs

    def output_text(self, index: int) -> str:
        """Stream text, text/plain results and error names/values of a cell, joined."""
        parts: list[str] = []
        for output in self.outputs(index):
            kind = output.get("output_type")
            if kind == "stream":
                text = output.get("text", "")
                parts.append("".join(text) if isinstance(text, list) else text)
            elif kind in {"execute_result", "display_data"}:
                plain = output.get("data", {}).get("text/plain", "")
                parts.append("".join(plain) if isinstance(plain, list) else plain)
            elif kind == "error":
                parts.append(f"{output.get('ename')}: {output.get('evalue')}")
        return "\n".join(parts)

    def run_ok(self, index: int, source: str, timeout: float = 60.0) -> str:
        """Run a cell that must not raise; return its output text."""
        outputs = self.run(index, source, timeout)
        errors = [output for output in outputs if output.get("output_type") == "error"]
        assert not errors, f"cell {index} raised: {self.output_text(index)}\n{source}"
        return self.output_text(index)

    def widget(self, index: int, timeout: float = 30.0) -> Widget:
        """The ComponentWidget view in cell ``index``'s output, once it is attached."""
        root = (
            self.cell(index).locator(".jp-OutputArea-output").filter(has=self.page.locator(hook("cg-status")))
        )
        root.first.wait_for(state="attached", timeout=timeout * 1000)
        return Widget(root.first)

    def frame_messages(self, kind: str | None = None, frame: int | None = None) -> list[dict[str, Any]]:
        """Messages the previews posted to this page since it loaded, oldest first (see _FRAME_RECORDER_JS);
        ``frame`` keeps those of one iframe (``Widget.frame_seq()``)."""
        messages: list[dict[str, Any]] = self.page.evaluate("() => window.__cgFrames.slice()")
        return [
            message
            for message in messages
            if (kind is None or message.get("type") == kind)
            and (frame is None or message.get("frame") == frame)
        ]

    # -- evidence ----------------------------------------------------------------------------------

    def screenshot(self, name: str, locator: Locator | None = None) -> Path:
        ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS_DIR / f"{name}.png"
        if locator is None:
            self.page.screenshot(path=str(path))
        else:
            locator.screenshot(path=str(path))
        return path

    def set_theme(self, theme: str) -> None:
        """Switch JupyterLab's theme ("JupyterLab Light" or "JupyterLab Dark") and wait until it applies."""
        self.page.evaluate(
            "(theme) => window.jupyterapp.commands.execute('apputils:change-theme', {theme})", theme
        )
        light = "true" if theme == "JupyterLab Light" else "false"
        self.page.wait_for_function(
            f"() => document.body.dataset.jpThemeLight === '{light}' && document.body.dataset.jpThemeName === '{theme}'",
            timeout=30_000,
        )

    def wait_until(self, predicate: Callable[[], bool], timeout: float, message: str) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate():
                return
            time.sleep(0.05)
        raise AssertionError(message)


# Why an element is not visibly on screen ("" when it is): no box, a hidden or transparent ancestor, outside
# the viewport, or clipped away by a scrolling or overflow-hidden ancestor.
_VISIBLE_PROBLEM_JS = """
(element) => {
  const box = element.getBoundingClientRect();
  if (box.width < 1 || box.height < 1) return `no box (${box.width}x${box.height})`;
  for (let node = element; node && node.nodeType === 1; node = node.parentElement) {
    const style = getComputedStyle(node);
    const name = node.tagName.toLowerCase() + (node.id ? '#' + node.id : '');
    if (node.hidden || style.display === 'none') return `hidden by ${name}`;
    if (style.visibility === 'hidden' || style.visibility === 'collapse') return `invisible by ${name}`;
    if (Number(style.opacity) === 0) return `transparent by ${name}`;
    // The page's root elements do not clip (JupyterLab's layout is positioned); the viewport test below does.
    const root = node === document.body || node === document.documentElement;
    if (node !== element && !root && style.overflow !== 'visible') {
      const clip = node.getBoundingClientRect();
      if (box.bottom <= clip.top || box.top >= clip.bottom || box.right <= clip.left || box.left >= clip.right) {
        return `scrolled or clipped out of ${name}`;
      }
    }
  }
  if (box.bottom <= 0 || box.right <= 0 || box.top >= innerHeight || box.left >= innerWidth) {
    return 'outside the viewport';
  }
  return '';
}
"""


def assert_visible(locator: Locator, what: str = "", timeout: float = 10.0) -> None:
    """``locator`` (its first match) is on screen: a box, no hidden ancestor, not clipped away."""
    target = locator.first
    target.wait_for(state="visible", timeout=timeout * 1000)
    problem: str = target.evaluate(_VISIBLE_PROBLEM_JS)
    assert not problem, f"{what or target} is not visible: {problem}"
