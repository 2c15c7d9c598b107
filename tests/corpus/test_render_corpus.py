"""The render corpus in Chromium: every case rendered by `jupyter componentgen render` (static checks on,
default settings) and judged as a person would see it.

Pages load in batches in one browser context. Each case gets a verdict (see harness.judge) and a screenshot
of its frame in the e2e artifacts folder under corpus/; the test fails at the end with one line per failing
case saying why, and the failures grouped by cause. CORPUS_CASES=name,name... runs only those cases.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.security.listener import PageServer

from .cases import load_cases
from .harness import (
    SCREENSHOTS_DIR,
    VIEWPORT,
    Verdict,
    blocked_verdict,
    category_counts,
    load_and_judge,
    render_case,
    verdict_table,
)

pytestmark = pytest.mark.browser

BATCH = 6


def _report(verdicts: list[Verdict]) -> str:
    passed = sum(v.ok for v in verdicts)
    lines = [f"{passed} of {len(verdicts)} corpus cases render as promised", ""]
    lines += [f"{count:>4}  {category}" for category, count in category_counts(verdicts)]
    return "\n".join([*lines, "", verdict_table(verdicts)])


@pytest.mark.timeout(1200)
def test_every_case_shows_what_it_promises(
    browser: Browser, corpus_pages: Path, corpus_server: PageServer
) -> None:
    only = {name for name in os.environ.get("CORPUS_CASES", "").split(",") if name}
    cases = [case for case in load_cases() if not only or case.name in only]
    rendered = [render_case(case, corpus_pages) for case in cases]
    verdicts = {r.case.name: blocked_verdict(r) for r in rendered if r.page is None}
    SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
    for old in SCREENSHOTS_DIR.glob("*.png"):
        old.unlink()
    context = browser.new_context(viewport=VIEWPORT)
    try:
        helper = context.new_page()
        loadable = [r for r in rendered if r.page is not None]
        for start in range(0, len(loadable), BATCH):
            batch = loadable[start : start + BATCH]
            for verdict in load_and_judge(context, corpus_server.url, batch, helper, SCREENSHOTS_DIR):
                verdicts[verdict.case.name] = verdict
    finally:
        context.close()
    ordered = [verdicts[case.name] for case in cases]
    report = _report(ordered)
    (SCREENSHOTS_DIR / "summary.txt").write_text(report + "\n", encoding="utf-8")
    assert all(v.ok for v in ordered), report
