"""The standalone HTML page: its embedded JSON cannot break out of its tag, and it renders in Chromium."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, FrameLocator, Page

from jupyter_componentgen.cli.html_export import CONFIG_ELEMENT_ID, PAGE_CSP, standalone_html
from jupyter_componentgen.engine.runtime_modules import module_source
from jupyter_componentgen.resources import static_asset

GREETING = """\
import { useState } from "react";

export default function Greeting({ data }) {
  const [clicks, setClicks] = useState(0);
  return (
    <div className="p-4">
      <h1 id="greeting">Hello {data.name}</h1>
      <button id="count" onClick={() => setClicks(clicks + 1)}>clicked {clicks}</button>
    </div>
  );
}
"""

# Code whose text would end the <script> element or start an HTML comment if embedded naively.
HOSTILE = (
    'export default () => <pre>{"</script><script>alert(1)</script>"}{"<!-- <script>"}'
    '{"line\u2028para\u2029end"}</pre>;\n'
)


class _ScriptCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[dict[str, str | None], str]] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.found.append((dict(attrs), ""))
            self._inside = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            attrs, text = self.found[-1]
            self.found[-1] = (attrs, text + data)


def _config_json(page: str) -> str:
    match = re.search(
        rf'<script id="{CONFIG_ELEMENT_ID}" type="application/json">(.*?)</script>', page, flags=re.DOTALL
    )
    assert match is not None, "the page has no config element"
    return match.group(1)


def test_page_embeds_config_runtime_and_host_script() -> None:
    page = standalone_html("greeting", GREETING, {"data": {"name": "Ada"}})
    config = json.loads(_config_json(page))
    assert config == {
        "name": "greeting",
        "code": GREETING,
        "repairs": [],
        "props": {"data": {"name": "Ada"}},
        "runtime": static_asset("runtime.js"),
        "modules": {},
    }
    assert page.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in page
    assert "<title>greeting</title>" in page
    assert f'<meta http-equiv="Content-Security-Policy" content="{PAGE_CSP}">' in page
    assert "default-src 'none'" in PAGE_CSP
    assert "connect-src 'none'" in PAGE_CSP
    # The host script comes after the config it reads.
    host_marker = static_asset("standalone.js").strip()[:40]
    assert page.index(f'id="{CONFIG_ELEMENT_ID}"') < page.index(host_marker)


LIBRARIES = """\
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import chunk from "lodash/chunk";

export default function Pairs() {
  const [pairs] = useState(() => chunk([1, 2, 3, 4], 2));
  return (
    <Card>
      <CardContent>
        <p id="pairs">{pairs.length} pairs</p>
        <Button id="go" className="bg-primary">Go</Button>
      </CardContent>
    </Card>
  );
}
"""


def test_page_embeds_exactly_the_modules_the_component_imports() -> None:
    config = json.loads(_config_json(standalone_html("pairs", LIBRARIES, {})))
    assert sorted(config["modules"]) == ["lodash", "ui"]
    assert config["modules"]["lodash"] == module_source("lodash")
    assert json.loads(_config_json(standalone_html("g", GREETING, {})))["modules"] == {}


def test_embedded_code_cannot_close_the_script_element() -> None:
    page = standalone_html("x</title><script>", HOSTILE, {"note": "</script>"})
    raw = _config_json(page)
    assert "</" not in raw
    assert "<!--" not in raw
    assert "\u2028" not in raw
    assert "\u2029" not in raw
    config = json.loads(raw)
    assert config["code"] == HOSTILE
    assert config["props"] == {"note": "</script>"}
    assert "<title>x&lt;/title&gt;&lt;script&gt;</title>" in page
    # An HTML parser sees exactly the two scripts the page means to have, the first holding all the JSON.
    scripts = _ScriptCollector()
    scripts.feed(page)
    assert [attrs.get("id") for attrs, _ in scripts.found] == [CONFIG_ELEMENT_ID, None]
    assert scripts.found[0][1] == raw


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    """Debian's Chromium, launched once for this module's browser tests."""
    from playwright.sync_api import sync_playwright

    from tests.e2e.servers import chromium_launch_args

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**chromium_launch_args())
        try:
            yield browser
        finally:
            browser.close()


def _open(chromium: Browser, page_file: Path, check: Callable[[Page, FrameLocator], None]) -> list[str]:
    """Open the page from disk (no server, no network) and run ``check``; returns the console lines."""
    console: list[str] = []
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
        page.on("pageerror", lambda error: console.append(f"pageerror: {error}"))
        page.on("dialog", lambda dialog: console.append(f"dialog: {dialog.message}"))
        page.goto(page_file.as_uri())
        iframe = page.locator("iframe")
        iframe.wait_for(state="attached", timeout=15_000)
        # Opaque origin: the component never gets this page's origin.
        assert iframe.get_attribute("sandbox") == "allow-scripts"
        # The preview's relay frame, then the component's own frame inside it.
        check(page, page.frame_locator("iframe").frame_locator("iframe"))
    finally:
        context.close()
    return console


def _problems(console: list[str]) -> list[str]:
    return [
        line
        for line in console
        if "Content Security Policy" in line or line.startswith(("pageerror", "dialog"))
    ]


@pytest.mark.browser
def test_page_renders_the_component_in_chromium_under_its_csp(chromium: Browser, tmp_path: Path) -> None:
    page_file = tmp_path / "greeting.html"
    page_file.write_text(standalone_html("greeting", GREETING, {"data": {"name": "Ada"}}), encoding="utf-8")

    def check(page: Page, frame: FrameLocator) -> None:
        frame.locator("#greeting").wait_for(timeout=15_000)
        assert frame.locator("#greeting").inner_text() == "Hello Ada"
        frame.locator("#count").click()
        assert frame.locator("#count").inner_text() == "clicked 1"
        assert page.title() == "greeting"

    console = _open(chromium, page_file, check)
    assert _problems(console) == [], "\n".join(console)


@pytest.mark.browser
def test_hostile_text_in_the_code_stays_text_in_chromium(chromium: Browser, tmp_path: Path) -> None:
    page_file = tmp_path / "hostile.html"
    page_file.write_text(standalone_html("hostile", HOSTILE, {}), encoding="utf-8")

    def check(page: Page, frame: FrameLocator) -> None:
        frame.locator("pre").wait_for(timeout=15_000)
        text = frame.locator("pre").text_content()
        assert text == "</script><script>alert(1)</script><!-- <script>line\u2028para\u2029end"
        assert page.locator("script").count() == 2

    console = _open(chromium, page_file, check)
    assert _problems(console) == [], "\n".join(console)


SANDBOX_PROBE = """\
import { useEffect, useState } from "react";

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="12" height="7"><rect width="12" height="7"/></svg>';

export default function Probe() {
  const [image] = useState(() => URL.createObjectURL(new Blob([SVG], { type: "image/svg+xml" })));
  const [width, setWidth] = useState("loading");
  const [network, setNetwork] = useState("pending");
  useEffect(() => {
    globalThis["fe" + "tch"]("http://127.0.0.1:9/").then(() => setNetwork("reached"), () => setNetwork("blocked"));
  }, []);
  return (
    <div>
      <img src={image} onLoad={(e) => setWidth(String(e.currentTarget.naturalWidth))} onError={() => setWidth("error")} />
      <p id="image">{width}</p>
      <p id="network">{network}</p>
    </div>
  );
}
"""


@pytest.mark.browser
def test_page_allows_blob_images_and_blocks_the_network(chromium: Browser, tmp_path: Path) -> None:
    page_file = tmp_path / "probe.html"
    page_file.write_text(standalone_html("probe", SANDBOX_PROBE, {}), encoding="utf-8")

    def check(page: Page, frame: FrameLocator) -> None:
        frame.locator("#network").filter(has_text="blocked").wait_for(timeout=15_000)
        frame.locator("#image").filter(has_text="12").wait_for(timeout=15_000)

    console = _open(chromium, page_file, check)
    blocked = [line for line in console if "Content Security Policy" in line]
    assert blocked, "the request should have been refused by the CSP"
    # Only the request was refused: the blob: image was allowed.
    assert all("127.0.0.1:9" in line for line in blocked), "\n".join(console)


@pytest.mark.browser
def test_page_serves_library_modules_to_the_frame(chromium: Browser, tmp_path: Path) -> None:
    page_file = tmp_path / "pairs.html"
    page_file.write_text(standalone_html("pairs", LIBRARIES, {}), encoding="utf-8")

    def check(page: Page, frame: FrameLocator) -> None:
        frame.locator("#pairs").wait_for(timeout=15_000)
        assert frame.locator("#pairs").inner_text() == "2 pairs"
        # The shadcn-style button, styled by the frame's Tailwind.
        assert frame.locator("#go").get_attribute("data-slot") == "button"
        assert frame.locator("#go").evaluate("e => getComputedStyle(e).display") == "inline-flex"

    console = _open(chromium, page_file, check)
    assert _problems(console) == [], "\n".join(console)


@pytest.mark.browser
def test_a_module_missing_from_the_page_is_an_import_error(chromium: Browser, tmp_path: Path) -> None:
    page = standalone_html("pairs", LIBRARIES, {})
    raw = _config_json(page)
    config = json.loads(raw)
    del config["modules"]["lodash"]
    page_file = tmp_path / "missing.html"
    page_file.write_text(page.replace(raw, json.dumps(config).replace("</", "<\\/")), encoding="utf-8")

    def check(page: Page, frame: FrameLocator) -> None:
        page.locator("body[data-componentgen-state=error]").wait_for(state="attached", timeout=15_000)
        message = page.locator("[data-testid=cg-error]").inner_text()
        assert 'Cannot import "lodash/chunk" (line 4)' in message
        assert "not in this page" in message

    _open(chromium, page_file, check)
