"""The escape corpus: hostile components, each trying a different way out of the sandbox.

Every case is rendered with `jupyter componentgen render`: with static checks on it must be refused with
findings, or rendered; with `--skip-static-checks` it is always rendered, and Chromium must contain it:
no connection reaches the loopback listener, the parent page keeps its DOM, cookie, storage and URL, and
no window opens. The pages of a batch load at once in one browser context, to keep the suite quick.
"""

from __future__ import annotations

import io
import time
from contextlib import redirect_stderr
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from jupyter_componentgen.cli import main as cli_main

from .listener import NO_DATA, Listener, PageServer

pytestmark = pytest.mark.browser

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("*.jsx"))
BATCH = 11
SETTLE_SECONDS = 2.5
SETUP_PAGE = "<!DOCTYPE html><title>setup</title><p>setup</p>"


@dataclass
class Rendered:
    name: str
    checked_exit: int
    checked_stderr: str
    page: str  # file name of the page rendered without checks


def _render(args: list[str]) -> tuple[int, str]:
    stderr = io.StringIO()
    with redirect_stderr(stderr):
        status = cli_main(args)
    return status, stderr.getvalue()


def _render_corpus(listener: Listener, pages_dir: Path) -> list[Rendered]:
    results = []
    for case in CASES:
        source = pages_dir / case.name
        text = case.read_text(encoding="utf-8")
        text = text.replace("__LISTENER__", listener.url).replace(
            "__HOSTPORT__", f"127.0.0.1:{listener.port}"
        )
        source.write_text(text, encoding="utf-8")
        checked = pages_dir / f"{case.stem}.checked.html"
        unchecked = pages_dir / f"{case.stem}.html"
        status, stderr = _render(["render", str(source), "--out", str(checked)])
        skip_status, skip_stderr = _render(
            ["render", str(source), "--out", str(unchecked), "--skip-static-checks"]
        )
        assert skip_status == 0, f"{case.name}: {skip_stderr}"
        results.append(Rendered(case.stem, status, stderr, unchecked.name))
    return results


@pytest.fixture(scope="module")
def rendered_corpus(listener: Listener, pages_dir: Path) -> list[Rendered]:
    """Every case rendered once for the module: with static checks, and without."""
    return _render_corpus(listener, pages_dir)


def test_the_corpus_has_at_least_40_distinct_cases() -> None:
    assert len(CASES) >= 40
    bodies = {case.read_text(encoding="utf-8") for case in CASES}
    assert len(bodies) == len(CASES)


def test_static_checks_refuse_with_findings_or_render_the_same_page(
    rendered_corpus: list[Rendered], pages_dir: Path
) -> None:
    rendered = rendered_corpus
    blocked = 0
    for case in rendered:
        checked = pages_dir / f"{case.name}.checked.html"
        if case.checked_exit == 1:
            blocked += 1
            assert "was not rendered" in case.checked_stderr, case.name
            assert f"[{case.name}" not in case.checked_stderr  # findings name rules, not the case
            assert ": [" in case.checked_stderr, case.name
            assert not checked.exists(), case.name
        else:
            assert case.checked_exit == 0, f"{case.name}: {case.checked_stderr}"
            assert checked.read_bytes() == (pages_dir / case.page).read_bytes(), case.name
    # Most techniques are caught before rendering; the rest (plain URLs in markup) are the runtime's.
    assert blocked >= 35, blocked


def _wait_rendered(page: Page, name: str) -> None:
    # A flooding case (forged_parent_messages) keeps its own frames busy for seconds on a loaded machine.
    try:
        page.wait_for_function(
            "() => ['rendered', 'error'].includes(document.body.dataset.componentgenState)", timeout=90_000
        )
    except Exception as exc:
        raise AssertionError(f"{name}: the page never reported its component rendered or failed") from exc


def _parent_state(page: Page) -> dict[str, object]:
    state: dict[str, object] = page.evaluate(
        """() => ({
            cookie: document.cookie,
            secret: localStorage.getItem('secret'),
            pwned: localStorage.getItem('pwned'),
            session: sessionStorage.getItem('pwned'),
            title: document.title,
            heading: document.querySelector('main.cg-page h1')?.textContent ?? null,
            text: document.body.innerText,
            frames: document.querySelectorAll('iframe').length,
            sandbox: document.querySelector('iframe')?.getAttribute('sandbox') ?? null,
            frameHeight: document.querySelector('iframe')?.getBoundingClientRect().height ?? 0,
        })"""
    )
    return state


def test_every_case_is_contained_in_chromium_without_static_checks(
    browser: Browser,
    listener: Listener,
    page_server: PageServer,
    pages_dir: Path,
    rendered_corpus: list[Rendered],
) -> None:
    rendered = rendered_corpus
    listener.connections.clear()
    (pages_dir / "setup.html").write_text(SETUP_PAGE, encoding="utf-8")
    context = browser.new_context()
    opened: list[Page] = []
    popups: list[str] = []
    try:
        setup = context.new_page()
        opened.append(setup)
        setup.goto(f"{page_server.url}/setup.html")
        setup.evaluate(
            "() => { document.cookie = 'secret=parent; path=/'; localStorage.setItem('secret', 'parent'); }"
        )
        problems: list[str] = []
        for start in range(0, len(rendered), BATCH):
            batch = rendered[start : start + BATCH]
            pages = []
            for case in batch:
                page = context.new_page()
                opened.append(page)
                page.on("popup", lambda popup: popups.append(popup.url))
                page.goto(f"{page_server.url}/{case.page}")
                pages.append((case, page))
            for case, page in pages:
                _wait_rendered(page, case.name)
            time.sleep(SETTLE_SECONDS)
            for case, page in pages:
                url = f"{page_server.url}/{case.page}"
                if page.url != url:
                    problems.append(f"{case.name}: the page navigated to {page.url}")
                    continue
                state = _parent_state(page)
                expected = {"cookie": "secret=parent", "secret": "parent", "pwned": None, "session": None}
                for key, value in expected.items():
                    if state[key] != value:
                        problems.append(f"{case.name}: parent {key} is {state[key]!r}, expected {value!r}")
                if state["heading"] != case.page.removesuffix(".html") or "PWNED" in str(state["text"]):
                    problems.append(f"{case.name}: the parent's DOM changed: {str(state['text'])[:200]!r}")
                if state["frames"] != 1 or state["sandbox"] != "allow-scripts":
                    problems.append(f"{case.name}: the parent's frames changed: {state}")
                if state["title"] != case.page.removesuffix(".html"):
                    problems.append(f"{case.name}: the parent's title changed to {state['title']!r}")
                page.close()
        time.sleep(0.5)
        # Chromium sometimes preconnects (a TCP handshake, no bytes) to a URL in markup before CSP refuses
        # the load; no request and no data leave, so only connections that carried data fail the test.
        problems += [
            f"a request reached the listener: {c.first_line}"
            for c in listener.connections
            if c.first_line != NO_DATA
        ]
        problems += [f"a window opened: {url}" for url in popups]
        assert not problems, "\n".join(problems)
    finally:
        context.close()


# Channels CSP does not govern: WebRTC (from the component's realm or any realm it tries to make) and a
# clicked link (Chromium connects before the relay's frame-src refuses the navigation).
OUTSIDE_CSP = sorted(
    case.stem
    for case in CASES
    if case.stem.startswith(("webrtc_", "nested_")) or case.stem == "link_click_navigation"
)


def test_channels_outside_csp_are_closed_by_the_runtime(
    browser: Browser, listener: Listener, page_server: PageServer, rendered_corpus: list[Rendered]
) -> None:
    """The runtime removes WebRTC, refuses every way to make a nested realm (whose WebRTC would be intact)
    and cancels link clicks: with static checks off, not even a connection without data is opened (the
    listener records TCP connections and UDP datagrams: STUN and TURN on both)."""
    cases = {case.name: case for case in rendered_corpus}
    assert len(OUTSIDE_CSP) >= 20, OUTSIDE_CSP
    listener.connections.clear()
    context = browser.new_context()
    problems: list[str] = []
    try:
        for start in range(0, len(OUTSIDE_CSP), BATCH):
            names = OUTSIDE_CSP[start : start + BATCH]
            pages = []
            for name in names:
                page = context.new_page()
                page.goto(f"{page_server.url}/{cases[name].page}")
                pages.append((name, page))
            for name, page in pages:
                _wait_rendered(page, name)
            time.sleep(SETTLE_SECONDS)
            for name, page in pages:
                frames = page.frames[-1].evaluate("() => window.length")
                if frames:
                    problems.append(f"{name}: its frame holds {frames} nested frame(s)")
                page.close()
            problems += [f"{', '.join(names)}: the listener got {c.first_line}" for c in listener.take()]
    finally:
        context.close()
    assert not problems, "\n".join(problems)
