"""The render corpus as a benchmark: how much of what models write renders, how fast, and at what size.

    python tests/benchmarks/bench_corpus.py [--repeat 1] [--only NAME_OR_LIBRARY ...]

Every case in tests/corpus/components is rendered with `jupyter componentgen render` (static checks on,
default settings) and loaded alone in a fresh page of headless Chromium, one at a time. Printed:

- render success over the corpus, overall and by library (a case counts in each library it imports), with
  the static checks on; a success is what tests/corpus/test_render_corpus.py calls a pass;
- cold first render by library: from the page's navigation start to the first animation frame in which every
  text the case expects is visible in the component's frame (present, opaque enough, not clipped): what a
  person sees, not what the runtime reports; the runtime's own paint report is printed beside it;
- the bytes each library module adds to a frame, to a saved standalone page and to a saved notebook, from
  static/modules/manifest.json (skipped while the front-end build has no manifest);
- the repairs `render` applied per component before the checks (the page's config lists them; `render`
  also prints them on stderr, read when a page has no list).

Times are medians of one run on a shared 2-core machine: they are noisy, so compare within a run.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from playwright.sync_api import BrowserContext, Page, sync_playwright  # noqa: E402
from playwright.sync_api import TimeoutError as PlaywrightTimeout  # noqa: E402

from tests.corpus.cases import Case, load_cases  # noqa: E402
from tests.corpus.harness import (  # noqa: E402
    ALL_VISIBLE_AT_JS,
    GROWTH_WINDOW_SECONDS,
    RENDER_TIMEOUT_MS,
    SETTLE_SECONDS,
    VIEWPORT,
    Rendered,
    Verdict,
    blocked_verdict,
    component_frame,
    default_settings,
    frame_height,
    host_state,
    judge,
    open_case,
    render_case,
    wait_settled_state,
)
from tests.e2e.servers import chromium_launch_args  # noqa: E402
from tests.security.listener import PageServer  # noqa: E402

MANIFEST = REPO_ROOT / "jupyter_componentgen" / "static" / "modules" / "manifest.json"
POLL_SLICE_MS = 400


@dataclass
class Result:
    verdict: Verdict
    seen_ms: list[float] = field(default_factory=list)  # navigation start -> expected texts visible
    painted_ms: list[float] = field(default_factory=list)  # navigation start -> runtime's paint report
    repairs: list[str] = field(default_factory=list)  # what `render` repaired before the checks

    @property
    def case(self) -> Case:
        return self.verdict.case


def _median(values: Sequence[float]) -> str:
    return f"{statistics.median(values):.0f}" if values else "-"


def _first_seen(page: Page, case: Case) -> float | None:
    """Milliseconds from navigation start to the first frame showing every expected text; None if never.

    Polls inside the component's frame on every animation frame, in slices, so a page that ends in an error
    is noticed without waiting for the whole timeout.
    """
    deadline = time.monotonic() + RENDER_TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        frame = component_frame(page)
        if frame is not None:
            try:
                handle = frame.wait_for_function(
                    ALL_VISIBLE_AT_JS, arg=list(case.expects), polling="raf", timeout=POLL_SLICE_MS
                )
                origin = float(page.evaluate("() => performance.timeOrigin"))
                return float(handle.json_value()) - origin
            except PlaywrightTimeout:
                pass
        else:
            time.sleep(0.005)
        if host_state(page)["state"] == "error":
            return None
    return None


def _measure(
    page_url: str, item: Rendered, context: BrowserContext, helper: Page
) -> tuple[Verdict, float | None]:
    page = open_case(context, page_url)
    try:
        seen = None if item.case.expects_error else _first_seen(page, item.case)
        if not wait_settled_state(page):
            return Verdict(item.case, False, "hang", "neither rendered nor an error in time"), None
        time.sleep(SETTLE_SECONDS)
        first_height = frame_height(page)
        time.sleep(GROWTH_WINDOW_SECONDS)
        return judge(page, item, first_height, helper, None), seen
    finally:
        page.close()


def run_corpus(cases: Sequence[Case], repeat: int) -> list[Result]:
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as tmp, default_settings(Path(tmp) / "config"):
        pages = Path(tmp) / "pages"
        pages.mkdir()
        rendered = [render_case(case, pages) for case in cases]
        server = PageServer(pages)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(**chromium_launch_args())
            try:
                for index, item in enumerate(rendered, 1):
                    print(f"[{index}/{len(rendered)}] {item.case.name}", file=sys.stderr, flush=True)
                    if item.page is None:
                        results.append(Result(blocked_verdict(item), repairs=rendered_repairs(item)))
                        continue
                    result: Result | None = None
                    for _ in range(repeat):
                        context = browser.new_context(viewport=VIEWPORT)
                        try:
                            helper = context.new_page()
                            verdict, seen = _measure(f"{server.url}/{item.page.name}", item, context, helper)
                        finally:
                            context.close()
                        result = result or Result(verdict, repairs=rendered_repairs(item))
                        if verdict.ok and seen is not None:
                            result.seen_ms.append(seen)
                        if verdict.ok and verdict.painted_ms is not None:
                            result.painted_ms.append(verdict.painted_ms)
                    assert result is not None
                    results.append(result)
            finally:
                browser.close()
                server.stop()
    return results


def _groups(results: Iterable[Result]) -> dict[str, list[Result]]:
    groups: dict[str, list[Result]] = {}
    for result in results:
        for group in result.case.groups:
            groups.setdefault(group, []).append(result)
    return dict(sorted(groups.items()))


def print_success(results: Sequence[Result]) -> None:
    passed = sum(r.verdict.ok for r in results)
    print(
        f"\nRender success with static checks on: {passed}/{len(results)} = {passed / len(results):.0%}"
        " (target >= 95 %)\n"
    )
    header = f"{'library':<16} {'cases':>5} {'pass':>5} {'rate':>6}  {'blocked':>7} {'error':>6} {'other':>6}"
    print(header)
    print("-" * len(header))
    for group, members in _groups(results).items():
        ok = sum(r.verdict.ok for r in members)
        blocked = sum(r.verdict.category.startswith("blocked") for r in members)
        errors = sum(r.verdict.category.endswith("error") for r in members if not r.verdict.ok)
        other = len(members) - ok - blocked - errors
        print(
            f"{group:<16} {len(members):>5} {ok:>5} {ok / len(members):>6.0%}  {blocked:>7} {errors:>6} {other:>6}"
        )
    causes: dict[str, int] = {}
    for r in results:
        if not r.verdict.ok:
            causes[r.verdict.category] = causes.get(r.verdict.category, 0) + 1
    if causes:
        print("\nWhy cases failed:")
        for cause, count in sorted(causes.items(), key=lambda item: -item[1]):
            print(f"{count:>5}  {cause}")


def print_cold_renders(results: Sequence[Result]) -> None:
    print("\nCold first render (ms from navigation start; passing cases only, medians over cases):\n")
    header = f"{'library':<16} {'n':>3} {'seen p50':>9} {'seen max':>9} {'runtime paint p50':>18}"
    print(header)
    print("-" * len(header))
    for group, members in _groups(results).items():
        seen = [statistics.median(r.seen_ms) for r in members if r.seen_ms]
        painted = [statistics.median(r.painted_ms) for r in members if r.painted_ms]
        top = f"{max(seen):.0f}" if seen else "-"
        print(f"{group:<16} {len(seen):>3} {_median(seen):>9} {top:>9} {_median(painted):>18}")


def _closure(modules: dict[str, Any], name: str) -> list[str]:
    order: list[str] = []

    def visit(module: str) -> None:
        if module in order or module not in modules:
            return
        for required in modules[module].get("requires", []):
            visit(required)
        order.append(module)

    visit(name)
    return order


def print_module_bytes() -> None:
    if not MANIFEST.is_file():
        print("\nModule sizes: skipped (the front-end build has no static/modules/manifest.json yet).")
        return
    from jupyter_componentgen.cli.html_export import standalone_html

    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    modules: dict[str, Any] = manifest.get("modules", {})
    by_module: dict[str, str] = {}
    for specifier, target in manifest.get("specifiers", {}).items():
        by_module.setdefault(target.get("module", ""), specifier)
    base = len(standalone_html("probe", "export default () => null;\n", {}).encode())
    print(
        "\nBytes a library adds (KB; frame = module and what it requires; page = growth of a saved standalone"
    )
    print("page importing it; notebook = the sources as JSON strings, stored once per notebook):\n")
    header = f"{'module':<22} {'file':>8} {'frame':>8} {'page':>8} {'notebook':>9}  import used"
    print(header)
    print("-" * len(header))
    for name in sorted(modules, key=lambda m: -int(modules[m].get("bytes", 0))):
        chain = _closure(modules, name)
        folder = MANIFEST.parent
        sources = [(folder / modules[m]["file"]).read_text(encoding="utf-8") for m in chain]
        frame = sum(len(s.encode()) for s in sources)
        notebook = sum(len(json.dumps(s).encode()) for s in sources)
        specifier = by_module.get(name)
        page = "-"
        if specifier:
            code = f'import * as probe from "{specifier}";\nexport default () => String(Object.keys(probe).length);\n'
            page = f"{(len(standalone_html('probe', code, {}).encode()) - base) / 1024:.0f}"
        file_kb = int(modules[name].get("bytes", 0)) / 1024
        print(
            f"{name:<22} {file_kb:>8.0f} {frame / 1024:>8.0f} {page:>8} {notebook / 1024:>9.0f}  {specifier or '-'}"
        )
    print(f"(a standalone page importing nothing: {base / 1024:.0f} KB)")


_CONFIG = re.compile(r'<script id="componentgen-config" type="application/json">(.*?)</script>', re.DOTALL)
_REPAIRED = "repaired: "


def rendered_repairs(item: Rendered) -> list[str]:
    """The repairs `render` made to a case: its page's config lists them, and its stderr names them."""
    if item.page is not None:
        found = _CONFIG.search(item.page.read_text(encoding="utf-8"))
        config = json.loads(found[1]) if found else {}
        if isinstance(config.get("repairs"), list):
            return [str(repair) for repair in config["repairs"]]
    line = next((line for line in item.stderr.splitlines() if line.startswith(_REPAIRED)), "")
    return line.removeprefix(_REPAIRED).split("; ") if line else []


def print_repairs(results: Sequence[Result]) -> None:
    counts = [len(r.repairs) for r in results]
    repaired = [r for r in results if r.repairs]
    print(
        f"\nRepairs before the checks, per component: median {statistics.median(counts):g}, "
        f"mean {statistics.mean(counts):.2f}; {len(repaired)} of {len(results)} components repaired, "
        f"{sum(r.verdict.ok for r in repaired)} of them render\n"
    )
    kinds: dict[str, int] = {}
    for r in repaired:
        for repair in r.repairs:
            kind = re.sub(r"`[^`]*`", "…", repair)
            kinds[kind] = kinds.get(kind, 0) + 1
    for kind, count in sorted(kinds.items(), key=lambda item: -item[1]):
        print(f"{count:>5}  {kind}")
    if repaired:
        print()
    for r in repaired:
        verdict = "renders" if r.verdict.ok else r.verdict.category
        print(f"{r.case.name:<36} {verdict:<10} {'; '.join(r.repairs)[:100]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=1, help="cold renders per passing case (default 1)")
    parser.add_argument("--only", nargs="*", default=[], help="case names or libraries to run")
    args = parser.parse_args()
    cases = [
        c for c in load_cases() if not args.only or c.name in args.only or set(args.only) & set(c.groups)
    ]
    if not cases:
        parser.error("no case matches --only")
    started = time.monotonic()
    results = run_corpus(cases, max(1, args.repeat))
    print(f"\n{len(cases)} corpus cases in {time.monotonic() - started:.0f} s, one page at a time.")
    print("Times are medians of one run on a shared 2-core machine: noisy, compare within a run.")
    print_success(results)
    print_cold_renders(results)
    print_module_bytes()
    print_repairs(results)


if __name__ == "__main__":
    main()
