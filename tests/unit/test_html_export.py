"""The standalone HTML page: its embedded JSON cannot break out of its tag, and it renders in Chromium."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from jupyter_componentgen.html_export import CONFIG_ELEMENT_ID, PAGE_CSP, standalone_html
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
        "props": {"data": {"name": "Ada"}},
        "runtime": static_asset("runtime.js"),
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
    # Only the two scripts the page means to have.
    assert len(re.findall(r"<script\b", page.split("<body>", 1)[1])) == 2


@pytest.mark.browser
def test_page_renders_the_component_in_chromium_under_its_csp(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    from tests.e2e.servers import chromium_launch_args

    page_file = tmp_path / "greeting.html"
    page_file.write_text(standalone_html("greeting", GREETING, {"data": {"name": "Ada"}}), encoding="utf-8")
    console: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**chromium_launch_args())
        try:
            page = browser.new_page()
            page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
            page.on("pageerror", lambda error: console.append(f"pageerror: {error}"))
            page.goto(page_file.as_uri())
            iframe = page.locator("iframe")
            iframe.wait_for(state="attached", timeout=15_000)
            assert iframe.get_attribute("sandbox") == "allow-scripts"
            frame = page.frame_locator("iframe")
            frame.locator("#greeting").wait_for(timeout=15_000)
            assert frame.locator("#greeting").inner_text() == "Hello Ada"
            frame.locator("#count").click()
            assert frame.locator("#count").inner_text() == "clicked 1"
        finally:
            browser.close()
    refused = [line for line in console if "Content Security Policy" in line or "pageerror" in line]
    assert refused == [], "\n".join(console)
