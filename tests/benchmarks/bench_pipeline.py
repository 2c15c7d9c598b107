"""End-to-end pipeline benchmarks in real JupyterLab + Chromium, against the scripted provider.

    python tests/benchmarks/bench_pipeline.py [--generations 12] [--cold 8] [--edits 50] [--rate 60]

Recorded components stream at ``--rate`` tokens per second. Measured, and printed as one table with targets:

- pipeline overhead: from the provider's last byte to the final frame painted in the iframe (p50/p99);
- first visible preview, as a share of the stream's duration: the preview box on screen (a box, no hidden
  ancestor) and the component's frame showing content, while the model still writes;
- first render of a fresh kernel: from Shift+Enter on a ``--code`` cell in a new kernel to that component
  visibly on screen (``--fresh`` kernels), and the same for a later cell of the same kernel (``--cold``);
- comm traffic per generation divided by the final code's size (comm payloads and whole WebSocket frames);
- saved notebook bytes per component beyond its code (the shared runtime is reported once);
- JS heap and live documents after ``--edits`` successive edits of one component, against after the first.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from playwright.sync_api import CDPSession, Page, WebSocket, sync_playwright  # noqa: E402

from tests.benchmarks.comm_frames import CommTally  # noqa: E402
from tests.e2e.lab import LabPage, Widget  # noqa: E402
from tests.e2e.scenario import SETUP_CELL, component_cell  # noqa: E402
from tests.e2e.servers import (  # noqa: E402
    LabServer,
    ProviderControl,
    ProviderProcess,
    chromium_launch_args,
)
from tests.e2e.visibility import HIDDEN_JS, distinct_colours  # noqa: E402
from tests.provider import recording  # noqa: E402

STEMS = ("counter_button", "emit_button", "data_table", "sales_card")
DESCRIPTIONS = {
    "counter_button": "A button that counts its clicks.",
    "emit_button": "A button that tells Python it was pressed.",
    "data_table": "A table of the rows.",
    "sales_card": "A card with total revenue and a bar per region.",
}
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
# Saved notebooks must carry widget state to be measured, however the package was installed.
SAVE_WIDGET_STATE = {"@jupyter-widgets/jupyterlab-manager:plugin": {"saveState": True}}

COLD_CODE = """\
%%component cold_{index} --code --data df
import {{ TrendingUp }} from "lucide-react";
export default function Cold{index}({{ data }}) {{
  return <p className="flex gap-2 p-2 text-sm"><TrendingUp /> cold render {index}: {{data.length}} rows</p>;
}}"""
FRESH_SETUP = "%load_ext jupyter_componentgen\nimport pandas as pd\ndf = pd.DataFrame({'x': [1, 2, 3]})"

# Inside the component's frame: whether it shows `text` (any text or media when `text` is empty).
SHOWS_JS = """
(text) => {
  const body = document.body;
  if (!body) return false;
  const shown = body.innerText || '';
  if (text) return shown.includes(text);
  return shown.trim() !== '' || body.querySelector('svg,img,canvas,button,input') !== null;
}
"""


@dataclass
class Row:
    name: str
    value: str
    target: str
    ok: bool | None  # None: informational


@dataclass
class Results:
    overhead_ms: list[float] = field(default_factory=list)
    first_preview_share: list[float] = field(default_factory=list)
    cold_render_ms: list[float] = field(default_factory=list)
    fresh_kernel_ms: list[float] = field(default_factory=list)
    comm_payload_ratio: list[float] = field(default_factory=list)
    comm_frame_ratio: list[float] = field(default_factory=list)
    comm_messages: list[int] = field(default_factory=list)
    comm_by_kind: dict[str, int] = field(default_factory=dict)
    runtime_transfer_bytes: int = 0
    notes: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile (``share`` in 0..1)."""
    ordered = sorted(values)
    if not ordered:
        return math.nan
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


def _poll(timeout: float, what: str, probe: Callable[[], Any]) -> Any:
    """Call ``probe`` until it returns something other than None or False."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = probe()
        if found is not None and found is not False:
            return found
        time.sleep(0.05)
    raise TimeoutError(f"timed out waiting for {what}")


def page_clock(lab: LabPage) -> float:
    """The page's clock, in ms since the epoch (the clock paint reports and the provider's stamps use)."""
    now: float = lab.page.evaluate("performance.timeOrigin + performance.now()")
    return now


def _visible_now(widget: Widget, text: str) -> bool:
    """The preview is on screen (a box, no hidden ancestor) and its component's frame shows ``text``."""
    try:
        handle = widget.iframe.element_handle(timeout=200)
        if handle.evaluate(HIDDEN_JS) is not None:
            return False
        relay = handle.content_frame()
        component = relay.child_frames[0] if relay is not None and relay.child_frames else None
        return component is not None and bool(component.evaluate(SHOWS_JS, text))
    except Exception:  # the frames are being made or reloaded
        return False


def wait_visible(lab: LabPage, widget: Widget, text: str = "", timeout: float = 60.0) -> float:
    """Page-clock ms at which the preview was first seen showing ``text`` (any content when empty); then a
    screenshot must not be blank, or it does not count."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if _visible_now(widget, text):
            seen_at = page_clock(lab)
            colours = distinct_colours(lab.page, widget.iframe.screenshot())
            if colours < 4:
                raise AssertionError(
                    f"the preview was reported visible but its screenshot is blank ({colours})"
                )
            return seen_at
        time.sleep(0.01)
    raise TimeoutError(f"the preview never showed {text!r}")


# -- generations ---------------------------------------------------------------------------------------------


def _final_paint(lab: LabPage, widget: Widget, after_ms: float) -> dict[str, Any] | None:
    seq = widget.frame_seq()
    for message in lab.frame_messages("rendered", seq):
        if not message["partial"] and message["applied"] and message.get("painted_at", 0) >= after_ms:
            return message
    return None


def wait_for_final_paint(lab: LabPage, widget: Widget, after_ms: float, what: str) -> dict[str, Any]:
    """The first final (not partial) frame this view painted after ``after_ms``."""
    paint: dict[str, Any] = _poll(30, what, lambda: _final_paint(lab, widget, after_ms))
    return paint


def run_generations(
    lab: LabPage, control: ProviderControl, tally: CommTally, results: Results, *, count: int, rate: float
) -> int:
    """``count`` generations, each a new cell; returns the next free cell index."""
    cell = 1
    for index in range(count):
        stem = STEMS[index % len(STEMS)]
        control.enqueue({"text": recording(stem), "tokens_per_second": rate})
        source = component_cell(stem, f"Take {index + 1}: {DESCRIPTIONS[stem]}", "--data df")
        tally.start()
        lab.run_ok(cell, source)
        widget = lab.widget(cell)
        try:
            first_visible_ms: float | None = wait_visible(lab, widget, timeout=120)
        except TimeoutError:
            first_visible_ms = None
        widget.wait_for_phase("done", timeout=120)
        request = control.requests()[-1]
        first_byte_ms = request["first_byte_at"] * 1000
        last_byte_ms = request["last_byte_at"] * 1000
        final = wait_for_final_paint(lab, widget, last_byte_ms, f"the final paint of {stem}")
        time.sleep(0.5)  # late status updates belong to this generation's traffic
        payload_bytes, frame_bytes, messages = tally.stop()
        results.overhead_ms.append(final["painted_at"] - last_byte_ms)
        if first_visible_ms is not None:
            share = (first_visible_ms - first_byte_ms) / max(last_byte_ms - first_byte_ms, 1.0)
            results.first_preview_share.append(share)
        else:
            results.notes.append(f"take {index + 1} ({stem}): no preview was seen")
        code_bytes = len((widget.part("cg-code").text_content() or "").encode())
        results.comm_payload_ratio.append(payload_bytes / code_bytes)
        results.comm_frame_ratio.append(frame_bytes / code_bytes)
        results.comm_messages.append(messages)
        results.runtime_transfer_bytes += tally.runtime_bytes
        for kind, size in tally.by_kind.items():
            results.comm_by_kind[kind] = results.comm_by_kind.get(kind, 0) + size
        print(
            f"  take {index + 1:2d} {stem:15s} overhead {final['painted_at'] - last_byte_ms:7.1f} ms  "
            f"comm {payload_bytes:7d} B payload / {frame_bytes:7d} B frames for {code_bytes} B of code",
            flush=True,
        )
        cell += 1
    return cell


def _timed_code_cell(lab: LabPage, cell: int, index: int) -> float:
    """Ms from Shift+Enter on a ``--code`` cell to its component visibly on screen."""
    lab.set_source(cell, COLD_CODE.format(index=index))
    lab.cell(cell).locator(".jp-InputArea-editor").click()
    started = page_clock(lab)
    lab.page.keyboard.press("Shift+Enter")
    widget = lab.widget(cell, timeout=60)
    return wait_visible(lab, widget, f"cold render {index}") - started


def run_cold_renders(lab: LabPage, first_cell: int, count: int, results: Results) -> int:
    """Later cells of a kernel that has shown components before."""
    cell = first_cell
    for index in range(count):
        results.cold_render_ms.append(_timed_code_cell(lab, cell, index))
        cell += 1
    return cell


def run_fresh_kernels(lab: LabPage, server: LabServer, count: int, results: Results) -> None:
    """The first component of a new kernel, each in a new notebook."""
    for index in range(count):
        lab.new_notebook()
        lab.run_ok(0, FRESH_SETUP)
        results.fresh_kernel_ms.append(_timed_code_cell(lab, 1, 100 + index))
        server.shutdown_kernels()


# -- saved notebook --------------------------------------------------------------------------------------------


def measure_notebook(lab: LabPage, server: LabServer, results: Results) -> None:
    lab.save()
    path = server.root_dir / lab.path
    saved_bytes = path.stat().st_size
    notebook = json.loads(path.read_text(encoding="utf-8"))
    state = notebook["metadata"].get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    if not state:
        results.rows.append(
            Row("saved notebook per component beyond its code", "no widget state saved", "", False)
        )
        return
    runtime_bytes = 0
    components = 0
    code_bytes = 0
    field_bytes: dict[str, int] = {}
    for model in state.values():
        model_state = model.get("state", {})
        if "runtime_js" in model_state or "module_id" in model_state:
            runtime_bytes += len(json.dumps(model, separators=(",", ":")))
        elif "code" in model_state:
            components += 1
            code_bytes += len(json.dumps(model_state["code"]))
            for name, value in model_state.items():
                if name != "code":
                    field_bytes[name] = field_bytes.get(name, 0) + len(json.dumps(value, ensure_ascii=False))
    # The same notebook without outputs and widget state, written the way Jupyter writes notebooks.
    notebook["metadata"].pop("widgets", None)
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    stripped_bytes = len((json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode())
    growth = saved_bytes - stripped_bytes
    per_component = (growth - runtime_bytes - code_bytes) / max(components, 1)
    results.rows.append(
        Row(
            "saved notebook: bytes per component beyond its code",
            f"{per_component:,.0f} B ({components} components, {code_bytes:,} B of code)",
            "≤ 5 KB",
            per_component <= 5 * 1024,
        )
    )
    results.rows.append(
        Row(
            "saved notebook: largest component fields beside code, per component",
            ", ".join(
                f"{name} {size / max(components, 1):,.0f} B"
                for name, size in sorted(field_bytes.items(), key=lambda item: item[1], reverse=True)[:4]
            ),
            "",
            None,
        )
    )
    results.rows.append(
        Row(
            "saved notebook: shared runtime and the library modules its components import",
            f"{runtime_bytes / 1e6:.2f} MB",
            "",
            None,
        )
    )


# -- memory -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Memory:
    heap_bytes: float
    documents: int
    frames: int
    iframe_isolates: int  # V8 isolates of out-of-process iframes (sandboxed frames may share one)
    iframe_heap_bytes: float


def measure_memory(page: Page, cdp: CDPSession) -> Memory:
    """The page's JS heap after garbage collection, and that of the iframes' own processes, if any."""
    for _ in range(2):
        cdp.send("HeapProfiler.collectGarbage")
    heap = cdp.send("Runtime.getHeapUsage")["usedSize"]
    page_isolate = cdp.send("Runtime.getIsolateId")["id"]
    counters = cdp.send("Memory.getDOMCounters")
    isolates: dict[str, float] = {}
    for frame in page.frames[1:]:
        try:
            session = page.context.new_cdp_session(frame)
        except Exception:  # an in-process frame: its heap is part of the page's
            continue
        try:
            isolate = session.send("Runtime.getIsolateId")["id"]
            if isolate != page_isolate and isolate not in isolates:
                session.send("HeapProfiler.collectGarbage")
                isolates[isolate] = session.send("Runtime.getHeapUsage")["usedSize"]
        finally:
            session.detach()
    return Memory(heap, int(counters["documents"]), len(page.frames), len(isolates), sum(isolates.values()))


def _shows(widget: Widget, text: str) -> bool:
    return text in widget.preview_text()


def run_edits(
    lab: LabPage, control: ProviderControl, cdp: CDPSession, results: Results, *, cell: int, edits: int
) -> None:
    """Edit one component ``edits`` times by re-running its cell with a new instruction, as a person does."""
    text = recording("counter_button")
    first: Memory | None = None
    for index in range(edits):
        control.enqueue({"text": text.replace("Add one", f"Add one ({index})"), "tokens_per_second": 4000})
        lab.run_ok(cell, component_cell("counter_button", f"Edit {index}: label the button with {index}."))
        widget = lab.widget(cell)
        widget.wait_for_phase("done", timeout=60)
        label = f"Add one ({index})"
        _poll(30, f"edit {index} painted", partial(_shows, widget, label))
        if index == 0:
            first = measure_memory(lab.page, cdp)
    assert first is not None
    last = measure_memory(lab.page, cdp)
    growth = (last.heap_bytes - first.heap_bytes) / first.heap_bytes
    results.rows.append(
        Row(
            f"JS heap after {edits} edits vs after the first",
            f"{last.heap_bytes / 1e6:.1f} MB vs {first.heap_bytes / 1e6:.1f} MB ({growth:+.1%})",
            "growth ≤ 10 %",
            growth <= 0.10,
        )
    )
    results.rows.append(
        Row(
            "live documents / frames after the edits vs after the first",
            f"{last.documents} / {last.frames} vs {first.documents} / {first.frames}",
            "frames not growing",
            last.frames <= first.frames,
        )
    )
    if last.iframe_isolates or first.iframe_isolates:
        results.rows.append(
            Row(
                "iframe processes' JS heap after the edits vs after the first",
                f"{last.iframe_heap_bytes / 1e6:.1f} MB in {last.iframe_isolates} isolate(s) vs "
                f"{first.iframe_heap_bytes / 1e6:.1f} MB in {first.iframe_isolates}",
                "",
                None,
            )
        )


# -- report -----------------------------------------------------------------------------------------------------


def summarize(results: Results) -> list[Row]:
    def stat_row(
        name: str, values: list[float], unit: str, target: str, ok: Callable[[float, float], bool]
    ) -> Row:
        if not values:
            return Row(name, "no samples", target, False)
        p50, p99 = statistics.median(values), percentile(values, 0.99)
        return Row(name, f"p50 {p50:.2f}{unit}  p99 {p99:.2f}{unit}  (n={len(values)})", target, ok(p50, p99))

    return [
        stat_row(
            "pipeline overhead: provider's last byte -> final frame painted",
            results.overhead_ms,
            " ms",
            "p50 ≤ 30 ms, p99 ≤ 100 ms",
            lambda p50, p99: p50 <= 30 and p99 <= 100,
        ),
        stat_row(
            "first visible preview, share of the stream's duration",
            results.first_preview_share,
            "",
            "p50 ≤ 0.35",
            lambda p50, _: p50 <= 0.35,
        ),
        stat_row(
            "fresh kernel: Shift+Enter on a --code cell -> component on screen",
            results.fresh_kernel_ms,
            " ms",
            "p50 ≤ 1500 ms",
            lambda p50, _: p50 <= 1500,
        ),
        stat_row(
            "later cell: Shift+Enter on a --code cell -> component on screen",
            results.cold_render_ms,
            " ms",
            "p50 ≤ 500 ms",
            lambda p50, _: p50 <= 500,
        ),
        stat_row(
            "comm payload bytes per generation / final code bytes",
            results.comm_payload_ratio,
            "x",
            "p50 ≤ 1.5x",
            lambda p50, _: p50 <= 1.5,
        ),
        stat_row(
            "comm WebSocket frame bytes per generation / final code bytes",
            results.comm_frame_ratio,
            "x",
            "(no target: includes Jupyter's message headers)",
            lambda _p50, _p99: True,
        ),
        stat_row(
            "comm messages per generation",
            [float(count) for count in results.comm_messages],
            "",
            "",
            lambda _p50, _p99: True,
        ),
        Row("comm frame bytes by message kind, all generations", _shares(results.comm_by_kind), "", None),
        Row(
            "shared runtime sent over the comm (once per kernel)",
            f"{results.runtime_transfer_bytes / 1e6:.2f} MB",
            "",
            None,
        ),
        *results.rows,
    ]


def _shares(sizes: dict[str, int], top: int = 4) -> str:
    total = sum(sizes.values()) or 1
    largest = sorted(sizes.items(), key=lambda item: item[1], reverse=True)[:top]
    return ", ".join(f"{kind} {size / total:.0%}" for kind, size in largest)


def print_table(rows: list[Row]) -> None:
    width_name = max(len(row.name) for row in rows)
    width_value = max(len(row.value) for row in rows)
    width_target = max(len(row.target) for row in rows)
    header = f"{'measure':{width_name}}  {'result':{width_value}}  {'target':{width_target}}  verdict"
    print(header)
    print("-" * len(header))
    for row in rows:
        verdict = "" if row.ok is None else ("ok" if row.ok else "MISSED")
        print(f"{row.name:{width_name}}  {row.value:{width_value}}  {row.target:{width_target}}  {verdict}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--generations", type=int, default=12, help="streamed generations for latency stats")
    parser.add_argument("--cold", type=int, default=8, help="later --code cells of a kernel, timed")
    parser.add_argument("--fresh", type=int, default=5, help="fresh kernels, each timed on its first cell")
    parser.add_argument("--edits", type=int, default=50, help="successive edits of one component (memory)")
    parser.add_argument("--rate", type=float, default=60.0, help="tokens per second of the recorded streams")
    args = parser.parse_args(argv)

    results = Results()
    with tempfile.TemporaryDirectory(prefix="componentgen-bench-") as folder:
        base = Path(folder)
        provider = ProviderProcess(base)
        server: LabServer | None = None
        try:
            control = provider.start()
            # Dozens of generations a minute on purpose: lift the per-user rate limit for this run.
            server = LabServer(
                base / "lab",
                provider.url,
                extra_env={"COMPONENTGEN_GENERATIONS_PER_MINUTE": "0"},
                user_settings=SAVE_WIDGET_STATE,
            )
            server.start()
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(**chromium_launch_args())
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.set_default_timeout(60_000)
                tally = CommTally()

                def watch(socket: WebSocket) -> None:
                    socket.on("framereceived", tally.observe)
                    socket.on("framesent", tally.observe)

                page.on("websocket", watch)
                lab = LabPage(page, server.lab_url())
                lab.open()
                lab.new_notebook()
                cdp = page.context.new_cdp_session(page)
                lab.run_ok(0, SETUP_CELL)
                print(f"{args.generations} generations at {args.rate:g} tokens/s", flush=True)
                cell = run_generations(lab, control, tally, results, count=args.generations, rate=args.rate)
                print(f"{args.cold} later cells", flush=True)
                cell = run_cold_renders(lab, cell, args.cold, results)
                measure_notebook(lab, server, results)
                print(f"{args.edits} edits of one component", flush=True)
                run_edits(lab, control, cdp, results, cell=cell, edits=args.edits)
                print(f"{args.fresh} fresh kernels", flush=True)
                run_fresh_kernels(lab, server, args.fresh, results)
                browser.close()
        finally:
            if server is not None:
                server.stop()
            provider.stop()

    print()
    print_table(summarize(results))
    for note in results.notes:
        print(f"note: {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
