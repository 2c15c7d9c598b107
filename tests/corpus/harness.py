"""Render corpus cases with `jupyter componentgen render` and judge them in Chromium the way a person would.

Shared by the browser test (tests/corpus/test_render_corpus.py) and the benchmark
(tests/benchmarks/bench_corpus.py). A case passes when the page's frame is visible, every expected text is
visible in the component's frame (present, not transparent, not clipped away), no error is shown, the frame's
height is sane and settled, and its screenshot is not blank; an `adversarial: error` case passes when it
ends in a clear error instead.
"""

from __future__ import annotations

import io
import os
import re
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, redirect_stderr
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, FloatRect, Frame, Page, ViewportSize
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from jupyter_componentgen.cli import main as cli_main
from tests.e2e.lab import ARTIFACTS_DIR
from tests.e2e.visibility import colours

from .cases import Case

SCREENSHOTS_DIR = ARTIFACTS_DIR / "corpus"
# Tall enough to screenshot any sane frame without scrolling or resizing the page: a full-page screenshot
# resizes the viewport, and charts that follow their container's size would be caught mid-relayout.
VIEWPORT: ViewportSize = {"width": 1280, "height": 2600}
RENDER_TIMEOUT_MS = 30_000
# Long enough for chart entry animations (recharts draws for 1.5 s) and for a runaway layout to show itself.
SETTLE_SECONDS = 1.5
# The frame's height is read after the settle and again this much later: it must not have grown.
GROWTH_WINDOW_SECONDS = 1.0
# A layout loop is caught and held after a few rounds of growth, later on a busy machine: a frame that still
# grew in a window is watched for more windows, this long at most, so only growth without end fails.
GROWTH_PATIENCE_SECONDS = 6.0
MIN_HEIGHT, MAX_HEIGHT = 40, 2000
# A full-page layout (h-screen, min-h-screen, fixed inset-0) is shown at a fixed viewport height.
FULL_PAGE_HEIGHT = (480, 900)
MIN_COLOURS = 12
MIN_OPACITY = 0.2
# Below this WCAG contrast ratio a text is as good as invisible (light grey on white is about 1.5).
MIN_CONTRAST = 1.6
SCREENSHOT_MAX_HEIGHT = 2400  # fits VIEWPORT below the page's header
_FINDING = re.compile(r"^\S+:\d+:\d+: \[([\w-]+)\] (.*)$")

# Runs in the standalone page (top window only) before its scripts: keeps every message the component's
# frame posts to the page, stamped with its arrival time, for error details, paint times and repairs.
RECORDER_JS = """
(() => {
  if (window !== window.top) return;
  const messages = [];
  Object.defineProperty(window, '__cgCorpusMessages', {value: messages});
  window.addEventListener('message', (event) => {
    const frame = document.querySelector('.cg-preview iframe');
    const data = event.data;
    if (!frame || event.source !== frame.contentWindow || !data || typeof data !== 'object') return;
    if (data.type === 'load_runtime') return;
    messages.push({...data, received_at: performance.timeOrigin + performance.now()});
  }, true);
})();
"""

# The standalone page as a person sees it: the frame's box, anything hiding it, the error box.
HOST_STATE_JS = """
() => {
  const frame = document.querySelector('.cg-preview iframe');
  const box = document.querySelector('[data-testid="cg-error"]');
  const hiddenBy = [];
  for (let el = frame; el; el = el.parentElement) {
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden' || parseFloat(style.opacity) < 0.2) {
      hiddenBy.push(el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''));
    }
  }
  const rect = frame ? frame.getBoundingClientRect() : null;
  return {
    state: document.body.dataset.componentgenState || '',
    hasFrame: Boolean(frame),
    width: rect ? rect.width : 0,
    height: rect ? rect.height : 0,
    hiddenBy,
    error: box && !box.hidden && box.getClientRects().length ? box.innerText.trim() : null,
    messages: window.__cgCorpusMessages || [],
    origin: performance.timeOrigin,
  };
}
"""

# The relay frame: the component's own frame must fill it.
RELAY_STATE_JS = """
() => {
  const frame = document.querySelector('iframe');
  if (!frame) return null;
  const rect = frame.getBoundingClientRect();
  const style = getComputedStyle(frame);
  return {width: rect.width, height: rect.height, display: style.display, visibility: style.visibility};
}
"""

# Colour helpers shared by the in-frame checks: colours are read back through a 1x1 canvas, which
# understands every CSS colour syntax (Tailwind 4 computes to oklch()); contrast is WCAG's ratio of the text
# colour (blended by its opacity) against the first opaque background behind it (none when that background is
# an image or a gradient, which cannot be judged this way).
_COLOUR_HELPERS_JS = """
  const probe = document.createElement('canvas');
  probe.width = probe.height = 1;
  const ink = probe.getContext('2d', {willReadFrequently: true});
  const rgba = (css) => {
    ink.clearRect(0, 0, 1, 1);
    ink.fillStyle = '#000';
    ink.fillStyle = css;
    ink.fillRect(0, 0, 1, 1);
    const d = ink.getImageData(0, 0, 1, 1).data;
    return [d[0], d[1], d[2], d[3] / 255];
  };
  const luminance = ([r, g, b]) => {
    const lin = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const background = (el) => {
    for (let a = el; a; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.backgroundImage !== 'none') return null;
      const c = rgba(s.backgroundColor);
      if (c[3] >= 0.5) return c;
    }
    return [255, 255, 255, 1];
  };
  const contrast = (el, opacity) => {
    const bg = background(el);
    if (!bg) return null;
    const fg = rgba(getComputedStyle(el).color);
    const alpha = fg[3] * opacity;
    const seen = [0, 1, 2].map((i) => fg[i] * alpha + bg[i] * (1 - alpha));
    const [hi, lo] = [luminance(seen), luminance(bg)].sort((x, y) => y - x);
    return {ratio: (hi + 0.05) / (lo + 0.05), fg: seen.map(Math.round), bg: bg.slice(0, 3)};
  };
"""

# In the component's frame: for each expected text, whether a person can see it. Descends from <body> to
# the deepest rendered element holding the text, then checks its size, its opacity (with its ancestors'),
# its visibility, its contrast with the background behind it, and that clipping ancestors and the frame's
# viewport leave some of it on screen.
VISIBLE_TEXTS_JS = """
(expects) => {
  __COLOUR_HELPERS__
  const norm = (s) => (s || '').replace(/\\s+/g, ' ').trim().toLowerCase();
  const textOf = (el) => norm(el instanceof HTMLElement ? el.innerText : el.textContent);
  const rendered = (el) => el.getClientRects().length > 0 &&
    (typeof el.checkVisibility !== 'function' || el.checkVisibility());
  const body = document.body;
  const whole = body ? textOf(body) : '';
  return expects.map((expected) => {
    const want = norm(expected);
    if (!body || !whole.includes(want)) return {text: expected, problem: 'missing'};
    let el = body;
    for (;;) {
      const next = Array.from(el.children).find((c) => rendered(c) && textOf(c).includes(want));
      if (!next) break;
      el = next;
    }
    if (el === body) return {text: expected, problem: 'not inside any rendered element'};
    const rect = el.getBoundingClientRect();
    if (rect.width < 1 || rect.height < 1) return {text: expected, problem: 'has a zero-size box'};
    const style = getComputedStyle(el);
    if (style.visibility !== 'visible') return {text: expected, problem: 'is visibility:' + style.visibility};
    let opacity = 1;
    let box = {left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom};
    for (let a = el; a && a !== document.documentElement; a = a.parentElement) {
      const s = getComputedStyle(a);
      opacity *= parseFloat(s.opacity);
      if (a !== el && (s.overflowX !== 'visible' || s.overflowY !== 'visible')) {
        const r = a.getBoundingClientRect();
        box = {left: Math.max(box.left, r.left), top: Math.max(box.top, r.top),
               right: Math.min(box.right, r.right), bottom: Math.min(box.bottom, r.bottom)};
      }
    }
    if (opacity < __MIN_OPACITY__) return {text: expected, problem: 'is transparent (opacity ' + opacity.toFixed(2) + ')'};
    const seen = el instanceof HTMLElement ? contrast(el, opacity) : null;
    if (seen && seen.ratio < __MIN_CONTRAST__) {
      return {text: expected, problem: 'is barely visible: contrast ' + seen.ratio.toFixed(2) + ':1, rgb(' +
        seen.fg.join(',') + ') on rgb(' + seen.bg.join(',') + ')'};
    }
    box = {left: Math.max(box.left, 0), top: Math.max(box.top, 0),
           right: Math.min(box.right, innerWidth), bottom: Math.min(box.bottom, innerHeight)};
    if (box.right - box.left < 1 || box.bottom - box.top < 1) {
      return {text: expected, problem: 'is clipped out of the ' + innerWidth + 'x' + innerHeight +
        ' frame (its box is at ' + Math.round(rect.left) + ',' + Math.round(rect.top) + ')'};
    }
    return {text: expected, problem: null};
  });
}
"""

# In the component's frame: texts painted on screen, opaque, and yet barely distinguishable from their
# background (a theme colour that was never defined: white on white, a badge without its fill).
FAINT_TEXTS_JS = """
() => {
  __COLOUR_HELPERS__
  const found = [];
  const seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node && found.length < 20; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.nodeValue.trim() || !(el instanceof HTMLElement) || seen.has(el)) continue;
    seen.add(el);
    if (['SCRIPT', 'STYLE', 'TEXTAREA', 'OPTION', 'SELECT', 'NOSCRIPT'].includes(el.tagName)) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2 || r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth) continue;
    if (typeof el.checkVisibility === 'function' && !el.checkVisibility({visibilityProperty: true})) continue;
    let opacity = 1;
    for (let a = el; a && a !== document.documentElement; a = a.parentElement) opacity *= parseFloat(getComputedStyle(a).opacity);
    if (opacity < __MIN_OPACITY__) continue;
    const c = contrast(el, opacity);
    if (c && c.ratio < __MIN_CONTRAST__) {
      found.push(JSON.stringify(node.nodeValue.trim().slice(0, 30)) + ' ' + c.ratio.toFixed(2) + ':1');
    }
  }
  return found;
}
"""


def _fill(script: str) -> str:
    return (
        script.replace("__COLOUR_HELPERS__", _COLOUR_HELPERS_JS.strip())
        .replace("__MIN_OPACITY__", str(MIN_OPACITY))
        .replace("__MIN_CONTRAST__", str(MIN_CONTRAST))
    )


VISIBLE_TEXTS_JS = _fill(VISIBLE_TEXTS_JS)
FAINT_TEXTS_JS = _fill(FAINT_TEXTS_JS)

# With raf polling, resolves at the first animation frame where every expected text is visible: the
# moment a person would see the component, as the frame's clock says (ms since the epoch).
ALL_VISIBLE_AT_JS = (
    "(expects) => { const r = ("
    + VISIBLE_TEXTS_JS.strip()
    + ")(expects); return r.every((x) => x.problem === null) ? performance.timeOrigin + performance.now() : 0; }"
)

# Tailwind v3 and shadcn/ui (the habits models write in) draw a bare `border` / `divide-y` in a light grey;
# Tailwind v4's preflight draws it in currentColor, so tables and cards get black rules. Finds elements
# whose bare border (or divider) has no colour class of its own and is drawn in the text colour.
TEXT_COLOURED_BORDERS_JS = """
() => {
  const BARE = /^(border|border-[trblxy]|border-[trblxy]?-?[0-9]+|divide-[xy](-[0-9]+)?)$/;
  const NOT_COLOUR = /^(border|divide)-([trblxyse]|[0-9]+|solid|dashed|dotted|double|none|hidden|collapse|separate|spacing)(-|$)/;
  const found = [];
  for (const el of Array.from(document.querySelectorAll('[class]')).slice(0, 5000)) {
    const tokens = Array.from(el.classList).filter((t) => !t.includes(':'));
    const bare = tokens.find((t) => BARE.test(t));
    if (!bare) continue;
    const kind = bare.startsWith('divide') ? 'divide' : 'border';
    if (tokens.some((t) => t.startsWith(kind + '-') && !BARE.test(t) && !NOT_COLOUR.test(t))) continue;
    const target = kind === 'divide' ? el.children[1] : el;
    if (!target || !target.getClientRects().length) continue;
    const s = getComputedStyle(target);
    const sides = ['Top', 'Right', 'Bottom', 'Left'].filter((side) => parseFloat(s['border' + side + 'Width']) > 0);
    if (sides.length && sides.every((side) => s['border' + side + 'Color'] === s.color)) {
      found.push(el.tagName.toLowerCase() + '.' + bare + ' in ' + s.color);
    }
  }
  return found;
}
"""


# Colours written as theme variables (`fill="var(--color-desktop)"`, `style={{color: "hsl(var(--primary))"}}`)
# that do not make a colour once the variables are filled in: an undefined token, or a token of the wrong form
# (shadcn/ui's older themes hold bare HSL channels for `hsl(var(--x))`, its newer ones whole colours for
# `var(--x)`). The browser then draws the property's default: black chart bars, uncoloured text.
UNRESOLVED_COLOURS_JS = """
() => {
  const PROPS = ['fill', 'stroke', 'color', 'background-color', 'border-color', 'stop-color'];
  const found = [];
  const resolve = (el, value, depth) => {
    if (depth > 8) return null;
    const match = /var\\(\\s*(--[\\w-]+)\\s*(?:,([^()]*))?\\)/.exec(value);
    if (!match) return value;
    let filled = getComputedStyle(el).getPropertyValue(match[1]).trim();
    if (!filled) filled = (match[2] || '').trim();
    if (!filled) return null;
    return resolve(el, value.slice(0, match.index) + filled + value.slice(match.index + match[0].length), depth + 1);
  };
  for (const el of Array.from(document.querySelectorAll('[fill*="var("], [stroke*="var("], [stop-color*="var("], [style*="var("]')).slice(0, 2000)) {
    if (!el.getClientRects().length) continue;
    for (const prop of PROPS) {
      const declared = (el.style && el.style.getPropertyValue(prop)) || el.getAttribute(prop) || '';
      if (!declared.includes('var(')) continue;
      const value = resolve(el, declared, 0);
      if (value === null || !CSS.supports(prop, value)) {
        found.push(el.tagName.toLowerCase() + ' ' + prop + '="' + declared + '" -> ' + (value === null ? 'undefined' : value));
      }
    }
    if (found.length >= 10) break;
  }
  return found;
}
"""


# Images on screen that failed to load: a broken-image icon and stray alt text. The frame makes no requests,
# so a network image must fall back to something drawn (the runtime's placeholder, or the component's own).
BROKEN_IMAGES_JS = """
() => Array.from(document.images)
  .filter((img) => img.getClientRects().length && img.complete && img.naturalWidth === 0)
  .slice(0, 5)
  .map((img) => (img.getAttribute('src') || '').slice(0, 80))
"""


@dataclass
class Rendered:
    """A case after `jupyter componentgen render`: a page, or the static checks' findings."""

    case: Case
    page: Path | None
    findings: list[tuple[str, str]]  # (rule, message)
    stderr: str


@dataclass
class Verdict:
    case: Case
    ok: bool
    category: str = ""  # why it failed, in a few words, for grouping
    reason: str = ""  # the detail
    height: float | None = None
    colours: int | None = None
    screenshot: Path | None = None
    messages: list[dict[str, Any]] = field(default_factory=list)
    page_origin: float | None = None

    @property
    def repairs(self) -> list[Any] | None:
        """Repairs the runtime reports with its final render, when it reports any (None: not reported)."""
        for message in self.messages:
            if message.get("type") == "rendered" and not message.get("partial") and "repairs" in message:
                value = message["repairs"]
                return value if isinstance(value, list) else [value]
        return None

    @property
    def painted_ms(self) -> float | None:
        """Page load to the runtime's first paint of the final render, by the runtime's own report."""
        for message in self.messages:
            if message.get("type") == "rendered" and not message.get("partial"):
                painted = message.get("painted_at")
                if isinstance(painted, int | float) and self.page_origin is not None:
                    return float(painted) - self.page_origin
        return None


@contextmanager
def default_settings(config_dir: Path) -> Iterator[None]:
    """The CLI with its default settings: no COMPONENTGEN_* variables, an empty Jupyter config folder."""
    saved = {
        k: v for k, v in os.environ.items() if k.startswith("COMPONENTGEN_") or k == "JUPYTER_CONFIG_DIR"
    }
    for key in saved:
        del os.environ[key]
    os.environ["JUPYTER_CONFIG_DIR"] = str(config_dir)
    try:
        yield
    finally:
        os.environ.pop("JUPYTER_CONFIG_DIR", None)
        os.environ.update(saved)


def render_case(case: Case, out_dir: Path) -> Rendered:
    """`jupyter componentgen render CASE --out PAGE`, in-process, static checks on."""
    page = out_dir / f"{case.name}.html"
    page.unlink(missing_ok=True)
    stderr = io.StringIO()
    with redirect_stderr(stderr):
        status = cli_main(["render", str(case.path), "--out", str(page)])
    text = stderr.getvalue()
    findings = [(m.group(1), m.group(2)) for m in map(_FINDING.match, text.splitlines()) if m]
    if status == 0 and page.is_file():
        return Rendered(case, page, [], text)
    return Rendered(case, None, findings, text)


def blocked_verdict(rendered: Rendered) -> Verdict:
    by_rule: dict[str, list[str]] = {}
    for rule, message in rendered.findings:
        quoted = re.search(r'"([^"]+)"|`([^`]+)`', message)
        by_rule.setdefault(rule, []).append(next(g for g in quoted.groups() if g) if quoted else message)
    if not by_rule:
        last = rendered.stderr.strip().splitlines()[-1:] or ["(no output)"]
        return Verdict(rendered.case, False, "render command failed", last[0])
    detail = "; ".join(f"{rule}: {', '.join(dict.fromkeys(what))}" for rule, what in sorted(by_rule.items()))
    return Verdict(rendered.case, False, f"blocked by static checks ({', '.join(sorted(by_rule))})", detail)


def open_case(context: BrowserContext, url: str) -> Page:
    page = context.new_page()
    page.set_viewport_size(VIEWPORT)
    page.add_init_script(RECORDER_JS)
    page.goto(url, wait_until="commit")
    return page


def wait_settled_state(page: Page, timeout_ms: float = RENDER_TIMEOUT_MS) -> bool:
    """Wait until the page says rendered or error; False when it said neither in time (a hang)."""
    try:
        page.wait_for_function(
            "() => ['rendered', 'error'].includes(document.body.dataset.componentgenState)",
            timeout=timeout_ms,
        )
    except PlaywrightTimeout:
        return False
    return True


def component_frame(page: Page) -> Frame | None:
    """The component's own frame: inside the page's relay frame."""
    for relay in page.main_frame.child_frames:
        if relay.child_frames:
            return relay.child_frames[0]
    return None


def host_state(page: Page) -> dict[str, Any]:
    state: dict[str, Any] = page.evaluate(HOST_STATE_JS)
    return state


def frame_height(page: Page) -> float:
    return float(host_state(page)["height"])


def _error_detail(state: dict[str, Any]) -> str:
    if state["error"]:
        return str(state["error"]).removeprefix("The component failed. ")
    errors = [m for m in state["messages"] if m.get("type") == "error"]
    return str(errors[-1].get("message", "")) if errors else ""


def _error_category(detail: str) -> str:
    phase = detail.split(" error", 1)[0] if " error" in detail[:20] else "runtime"
    return f"{phase} error"


def screenshot_frame(page: Page, path: Path) -> bytes:
    """A screenshot of the page's component frame, cut at SCREENSHOT_MAX_HEIGHT (a runaway frame is huge)."""
    box = page.locator(".cg-preview iframe").bounding_box()
    if box is None:
        raise PlaywrightError("the component frame has no box to screenshot")
    height = min(box["height"], SCREENSHOT_MAX_HEIGHT)
    clip: FloatRect = {"x": box["x"], "y": box["y"], "width": box["width"], "height": height}
    return page.screenshot(path=path, clip=clip)


def judge(
    page: Page, rendered: Rendered, first_height: float, helper: Page, screenshots: Path | None
) -> Verdict:
    """The verdict on one loaded page, GROWTH_WINDOW_SECONDS after its frame was first_height high."""
    case = rendered.case
    state = host_state(page)
    verdict = Verdict(
        case, False, height=state["height"], messages=state["messages"], page_origin=state["origin"]
    )
    dominant = 1.0
    if screenshots is not None and state["hasFrame"] and state["height"] > 0:
        verdict.screenshot = screenshots / f"{case.name}.png"
        verdict.colours, dominant = colours(helper, screenshot_frame(page, verdict.screenshot))
    problems = _frame_problems(page, state)
    if problems:
        return _fail(verdict, "frame not visible", "; ".join(problems))
    if case.expects_error:
        return _judge_error_case(verdict, state)
    if state["state"] != "rendered" or state["error"]:
        detail = _error_detail(state) or f"the page's state is {state['state']!r}"
        return _fail(verdict, _error_category(detail), detail)
    frame = component_frame(page)
    if frame is None:
        return _fail(verdict, "frame not visible", "the component's frame is missing")
    failed = _judge_texts(verdict, frame) or _judge_height(verdict, first_height)
    if failed:
        return failed
    if verdict.colours is not None and (verdict.colours < MIN_COLOURS or dominant > 0.998):
        return _fail(
            verdict, "blank screenshot", f"{verdict.colours} distinct colours, {dominant:.1%} one colour"
        )
    faint: list[str] = frame.evaluate(FAINT_TEXTS_JS)
    if faint:
        reason = f"{len(faint)} texts nearly invisible on their background: {', '.join(faint[:4])}"
        return _fail(verdict, "text without contrast (theme colours missing?)", reason)
    broken: list[str] = frame.evaluate(BROKEN_IMAGES_JS)
    if broken:
        return _fail(
            verdict, "broken images", f"{len(broken)} images show as broken, e.g. {', '.join(broken[:3])}"
        )
    unresolved: list[str] = frame.evaluate(UNRESOLVED_COLOURS_JS)
    if unresolved:
        reason = f"{len(unresolved)} colours name theme variables that make no colour, e.g. {'; '.join(unresolved[:2])}"
        return _fail(verdict, "theme colour that does not resolve", reason)
    dark_rules: list[str] = frame.evaluate(TEXT_COLOURED_BORDERS_JS)
    if dark_rules:
        reason = f"{len(dark_rules)} bare borders drawn in the text colour, e.g. {', '.join(dark_rules[:3])}"
        return _fail(verdict, "borders in the text colour (Tailwind v3 draws them light grey)", reason)
    verdict.ok = True
    return verdict


def _fail(verdict: Verdict, category: str, reason: str) -> Verdict:
    verdict.category, verdict.reason = category, reason
    return verdict


def _judge_texts(verdict: Verdict, frame: Frame) -> Verdict | None:
    unseen = [r for r in frame.evaluate(VISIBLE_TEXTS_JS, list(verdict.case.expects)) if r["problem"]]
    if not unseen:
        return None
    missing = all(r["problem"] == "missing" for r in unseen)
    reason = "; ".join(f"{r['text']!r} {r['problem']}" for r in unseen)
    if missing:
        body = frame.evaluate("() => (document.body.innerText || '').replace(/\\s+/g, ' ').trim()")
        reason += f" (frame shows {body[:120]!r})"
    return _fail(verdict, "expected text missing" if missing else "expected text not visible", reason)


def _judge_height(verdict: Verdict, first_height: float) -> Verdict | None:
    height = float(verdict.height or 0)
    full_page = verdict.case.full_page
    low, high = FULL_PAGE_HEIGHT if full_page else (MIN_HEIGHT, MAX_HEIGHT)
    if height > first_height + 2:
        return _fail(
            verdict,
            "height still growing",
            f"{first_height:.0f} px -> {height:.0f} px in {GROWTH_WINDOW_SECONDS} s, still growing "
            f"{SETTLE_SECONDS + GROWTH_PATIENCE_SECONDS:.1f} s after rendering",
        )
    if not low <= height <= high:
        category = "full-page height" if full_page else "height out of range"
        return _fail(verdict, category, f"frame is {height:.0f} px high (expected {low}-{high} px)")
    return None


def _frame_problems(page: Page, state: dict[str, Any]) -> list[str]:
    if not state["hasFrame"]:
        return ["the page has no component frame"]
    problems = []
    if state["width"] < 1 or state["height"] < 1:
        problems.append(f"the frame's box is {state['width']:.0f}x{state['height']:.0f}")
    if state["hiddenBy"]:
        problems.append(f"hidden by {', '.join(state['hiddenBy'])}")
    relays = page.main_frame.child_frames
    relay = relays[0].evaluate(RELAY_STATE_JS) if relays else None
    if relay is None:
        problems.append("the relay frame holds no component frame")
    elif (
        relay["width"] < 1
        or relay["height"] < 1
        or relay["display"] == "none"
        or relay["visibility"] != "visible"
    ):
        problems.append(f"the component frame inside the relay is hidden: {relay}")
    return problems


def _judge_error_case(verdict: Verdict, state: dict[str, Any]) -> Verdict:
    case = verdict.case
    if state["state"] != "error" or not state["error"]:
        verdict.category = "adversarial case rendered without an error"
        verdict.reason = f"state {state['state']!r}, no error shown"
        return verdict
    shown = str(state["error"])
    absent = [text for text in case.expects if text.lower() not in shown.lower()]
    if absent or "Minified React error" in shown:
        verdict.category = "error shown is not clear"
        verdict.reason = f"missing {absent}: {shown[:160]!r}" if absent else f"minified: {shown[:160]!r}"
        return verdict
    verdict.ok = True
    return verdict


def load_and_judge(
    context: BrowserContext,
    base_url: str,
    batch: Sequence[Rendered],
    helper: Page,
    screenshots: Path | None,
) -> list[Verdict]:
    """Load a batch of rendered pages at once, let them settle, and judge each; pages are closed after."""
    pages = [(item, open_case(context, f"{base_url}/{item.page.name}")) for item in batch if item.page]
    hung = {item.case.name for item, page in pages if not wait_settled_state(page)}
    time.sleep(SETTLE_SECONDS)
    first_heights = {item.case.name: frame_height(page) for item, page in pages}
    deadline = time.monotonic() + GROWTH_PATIENCE_SECONDS
    while True:
        time.sleep(GROWTH_WINDOW_SECONDS)
        grown = {
            item.case.name: height
            for item, page in pages
            if item.case.name not in hung
            and (height := frame_height(page)) > first_heights[item.case.name] + 2
        }
        if not grown or time.monotonic() >= deadline:
            break  # judged against the heights at the start of this window
        first_heights.update(grown)
    verdicts = []
    for item, page in pages:
        try:
            if item.case.name in hung:
                verdict = Verdict(
                    item.case,
                    False,
                    "hang",
                    f"neither rendered nor an error within {RENDER_TIMEOUT_MS / 1000:.0f} s",
                )
            else:
                verdict = judge(page, item, first_heights[item.case.name], helper, screenshots)
        except PlaywrightError as exc:
            verdict = Verdict(item.case, False, "harness error", str(exc).splitlines()[0])
        verdicts.append(verdict)
        page.close()
    return verdicts


def first_visible_ms(context: BrowserContext, url: str, case: Case) -> tuple[float | None, Verdict | None]:
    """A cold first render: a fresh page, from navigation start to the first animation frame in which
    every expected text is visible in the component's frame (None when that never happens)."""
    page = open_case(context, url)
    try:
        deadline = time.monotonic() + RENDER_TIMEOUT_MS / 1000
        frame = None
        while frame is None and time.monotonic() < deadline:
            frame = component_frame(page)
            if frame is None:
                time.sleep(0.005)
        if frame is None:
            return None, None
        remaining = max(1.0, (deadline - time.monotonic()) * 1000)
        try:
            handle = frame.wait_for_function(
                ALL_VISIBLE_AT_JS, arg=list(case.expects), polling="raf", timeout=remaining
            )
        except PlaywrightTimeout:
            return None, None
        seen_at = float(handle.json_value())
        origin = float(page.evaluate("() => performance.timeOrigin"))
        return seen_at - origin, None
    finally:
        page.close()


def verdict_table(verdicts: Sequence[Verdict]) -> str:
    """One line per case: name, libraries, PASS/FAIL, why."""
    width = max((len(v.case.name) for v in verdicts), default=4)
    lines = []
    for v in verdicts:
        libs = ",".join(v.case.libs) or "-"
        result = "pass" if v.ok else "FAIL"
        why = "" if v.ok else f"{v.category}: {v.reason}"
        lines.append(f"{v.case.name:<{width}}  {libs:<28.28}  {result}  {why[:220]}")
    return "\n".join(lines)


def category_counts(verdicts: Sequence[Verdict]) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for v in verdicts:
        if not v.ok:
            counts[v.category] = counts.get(v.category, 0) + 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))
