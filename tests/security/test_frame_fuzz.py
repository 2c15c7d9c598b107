"""Fuzzing what reaches the notebook page from component frames (schema/frame.schema.json, hostile side).

Two ComponentWidgets render the same emit button in JupyterLab. Hypothesis-generated messages are posted from
inside the fuzzed widget's component frame (to its relay frame, the way to its host, and straight to the
page), from the other widget's frame, from a frame in the page and from the page itself (a frame the
component makes inside its own would be one more sender; the bench checks the runtime refuses to make it): random JSON, schema-shaped messages with mutated fields, wrong types, values
JSON cannot carry, huge payloads, floods and claims to be another widget's frame. After every batch the page
has had no uncaught error and no preview grew past its height cap; every few batches the component still
counts clicks, a props update from the kernel still arrives, and every message the kernel received is a
schema-valid view -> kernel message, with emits within the size and rate limits and only from that widget's
own frame.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Frame, Page

from tests.e2e.lab import LabPage, Widget

from .frame_fuzz import (
    COUNT_RUNTIME_LOADS_JS,
    COUNT_SOURCES_JS,
    EMIT_BURST,
    EMIT_LIMIT_BYTES,
    EMIT_PER_SECOND,
    MAKE_FRAME_JS,
    POST_JS,
    batches,
)
from .widget_lab import FUZZ_RECORDING, cell_widgets, widget_frames

pytestmark = pytest.mark.browser

EXAMPLES = 150
CHECK_EVERY = 30  # batches between the slower checks (a click, a props update, the kernel's log)
MAX_FRAME_HEIGHT = 10_000
ROLES = ("target", "neighbour")
KERNEL_CELL = 2

# Every message a widget's kernel side receives is logged; report() says what arrived since a mark.
SETUP_CELL = f"""\
%load_ext jupyter_componentgen
import json
from IPython.display import display
import jsonschema
from jupyter_componentgen import generate
from jupyter_componentgen.resources import load_schema

_schema = load_schema("widget")
_valid = jsonschema.Draft202012Validator(_schema).is_valid
_to_kernel = {{name for name, part in _schema["$defs"].items()
               if part.get("description", "").startswith("view -> kernel")}}
received = {{role: [] for role in {list(ROLES)!r}}}
widgets = {{}}


def _payload_bytes(payload):
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=True)
    return len(text.encode("utf-8", "surrogatepass"))


def report(marks):
    out = {{}}
    for role, messages in received.items():
        new = messages[marks.get(role, 0):]
        out[role] = {{
            "count": len(messages),
            "invalid": [repr(m)[:300] for m in new if not (_valid(m) and m.get("type") in _to_kernel)],
            "emits": [[m["name"][:80], _payload_bytes(m.get("payload"))]
                      for m in new if isinstance(m, dict) and m.get("type") == "emit"],
        }}
    print(json.dumps(out))
"""

WIDGETS_CELL = f"""\
for _role in {list(ROLES)!r}:
    widgets[_role] = generate("A button like {FUZZ_RECORDING}.", name="fuzz_" + _role, data=[{{"row": 0}}])
    widgets[_role].on_msg(lambda _widget, content, _buffers, role=_role: received[role].append(content))
    display(widgets[_role])
"""


@dataclass
class Bench:
    """The two widgets, the frames that post, and what the checks have seen so far."""

    lab: LabPage
    widgets: dict[str, Widget]
    senders: dict[str, Frame]
    page_errors: list[str]
    marks: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES, 0))
    clicks: int = 0
    rows: int = 1

    @property
    def page(self) -> Page:
        return self.lab.page

    def post(self, items: list[dict[str, Any]]) -> None:
        """Post a batch, each item from its sender's window."""
        for sender, frame in self.senders.items():
            mine = [item for item in items if item["sender"] == sender]
            if mine:
                frame.evaluate(POST_JS, mine)

    def kernel_report(self) -> dict[str, Any]:
        """What each widget's kernel side received since the last report (see SETUP_CELL)."""
        output = self.lab.run_ok(KERNEL_CELL, f"report({json.dumps(self.marks)})")
        report: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
        for role in ROLES:
            self.marks[role] = report[role]["count"]
        return report

    def heights(self) -> dict[str, float]:
        return {
            role: (widget.iframe.bounding_box() or {"height": 0.0})["height"]
            for role, widget in self.widgets.items()
        }


def _emit_count(widget: Widget) -> int:
    text = widget.frame.get_by_test_id("emit-count").inner_text(timeout=10_000)
    match = re.search(r"\d+", text)
    assert match, text
    return int(match.group())


def _named_frame(page: Page, name: str, timeout: float = 10.0) -> Frame:
    """The page's frame named ``name``, once Playwright has heard of it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        frame = page.frame(name=name)
        if frame is not None:
            return frame
        page.wait_for_timeout(50)
    raise AssertionError(f"no frame named {name!r} appeared")


def _open_bench(lab: LabPage, page: Page) -> Bench:
    page_errors: list[str] = []
    page.on("pageerror", lambda error: page_errors.append(str(error)))
    lab.new_notebook()
    lab.run_ok(0, SETUP_CELL)
    lab.run_ok(1, WIDGETS_CELL)
    views = dict(zip(ROLES, cell_widgets(lab, 1, len(ROLES)), strict=True))
    senders: dict[str, Frame] = {}
    for role, widget in views.items():
        widget.wait_for_phase("done", "cached", timeout=90)
        widget.frame.get_by_test_id("emit-button").wait_for(timeout=30_000)
        widget.iframe.evaluate("(iframe, role) => { iframe.dataset.cgRole = role; }", role)
        senders[role] = widget_frames(widget)[1]
    page.evaluate(COUNT_SOURCES_JS)
    with pytest.raises(PlaywrightError, match="Nested frames are not allowed"):
        senders["target"].evaluate(MAKE_FRAME_JS, "cg-stranger")
    page.evaluate(MAKE_FRAME_JS, "cg-page-stranger")
    page_stranger = _named_frame(page, "cg-page-stranger")
    senders.update(page_stranger=page_stranger, page=page.main_frame)
    bench = Bench(lab, views, senders, page_errors)
    bench.kernel_report()  # marks: later reports show only what the fuzzing caused
    return bench


@pytest.fixture
def bench(lab: LabPage, page: Page) -> Bench:
    return _open_bench(lab, page)


def _check_alive(bench: Bench, since: float) -> list[str]:
    """The fuzzed widget still renders and talks to its kernel; the kernel got nothing it should not have."""
    problems: list[str] = []
    target = bench.widgets["target"]
    # A props update from the kernel arrives in both widgets.
    bench.rows += 1
    bench.lab.run_ok(
        KERNEL_CELL,
        "\n".join(f'widgets["{role}"].data = [{{"row": i}} for i in range({bench.rows})]' for role in ROLES),
    )
    for role, widget in bench.widgets.items():
        count = widget.frame.get_by_test_id("record-count")
        try:
            count.filter(has_text=f"{bench.rows} records").wait_for(timeout=15_000)
        except Exception:
            problems.append(f"{role}: the props update did not arrive: {count.inner_text()!r}")
    # A click still counts, and its emit reaches the kernel.
    before = _emit_count(target)
    target.frame.get_by_test_id("emit-button").click()
    bench.lab.wait_until(lambda: _emit_count(target) == before + 1, 10, "the click was not counted")
    elapsed = time.monotonic() - since
    report = bench.kernel_report()
    deadline = time.monotonic() + 10
    emits = list(report["target"]["emits"])
    while not any(name == "clicked" for name, _ in emits) and time.monotonic() < deadline:
        time.sleep(0.2)
        more = bench.kernel_report()
        for role in ROLES:
            report[role]["invalid"] += more[role]["invalid"]
            report[role]["emits"] += more[role]["emits"]
        emits = list(report["target"]["emits"])
    if not any(name == "clicked" for name, _ in emits):
        problems.append("the kernel never received the click's emit")
    for role in ROLES:
        got = report[role]
        problems += [f"{role}: the kernel received an invalid message: {m}" for m in got["invalid"]]
        for name, size in got["emits"]:
            if size > EMIT_LIMIT_BYTES:
                problems.append(f"{role}: an emit over the size limit arrived: {name!r}, {size} bytes")
            if name != "clicked" and not name.startswith(f"{role}:"):
                problems.append(f"{role}: an emit from another window arrived: {name!r}")
        # Limits: a burst, then a steady rate, whatever the frame posts (+2 for the click and rounding).
        allowed = EMIT_BURST + EMIT_PER_SECOND * (time.monotonic() - since) + 2
        if len(got["emits"]) > allowed:
            problems.append(
                f"{role}: {len(got['emits'])} emits in {elapsed:.1f} s, more than the limits allow"
            )
    return problems


def _check_quick(bench: Bench) -> list[str]:
    problems = [f"uncaught error in the page: {error}" for error in bench.page_errors]
    bench.page_errors.clear()
    for role, height in bench.heights().items():
        if height > MAX_FRAME_HEIGHT:
            problems.append(f"{role}: the preview grew to {height} px")
    return problems


def test_fuzzed_frame_messages_leave_the_widget_working(bench: Bench) -> None:
    problems: list[str] = []
    round_started = [time.monotonic()]
    done = [0]

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        # The page keeps its state between examples: replaying them to shrink a failure would not reproduce it.
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(batch=batches)
    def fuzz(batch: list[dict[str, Any]]) -> None:
        bench.post(batch)
        found = _check_quick(bench)
        done[0] += 1
        if done[0] % CHECK_EVERY == 0:
            found += _check_alive(bench, round_started[0])
            round_started[0] = time.monotonic()
        assert not found, "\n".join(found) + f"\nafter posting {json.dumps(batch, default=str)[:2000]}"

    fuzz()
    problems += _check_alive(bench, round_started[0])
    assert not problems, "\n".join(problems)
    assert done[0] >= EXAMPLES


def test_limits_and_other_windows(bench: Bench) -> None:
    """Directed cases: a flood, payloads at and over the size limit, forged handshakes, strangers."""
    target, neighbour = bench.senders["target"], bench.senders["neighbour"]
    runtime_loads = target.evaluate(COUNT_RUNTIME_LOADS_JS)
    heights = bench.heights()
    started = time.monotonic()
    flood = {"type": "emit", "name": "target:flood", "payload": 1}
    target.evaluate(POST_JS, [{"to": "parent", "message": flood, "repeat": 500}])
    time.sleep(1.2)  # the host's bucket refills (30 a second)
    target.evaluate(
        POST_JS,
        [
            {
                "to": "parent",
                "message": {"type": "emit", "name": "target:near", "payload": "x" * 60_000},
                "repeat": 1,
            },
            {
                "to": "parent",
                "message": {
                    "type": "emit",
                    "name": "target:over",
                    "payload": {"$js": "string", "size": 70_000},
                },
                "repeat": 1,
            },
            {
                "to": "parent",
                "message": {"type": "emit", "name": "target:" + "n" * 200, "payload": 1},
                "repeat": 1,
            },
            {
                "to": "parent",
                "message": {"type": "emit", "name": "target:bigint", "payload": {"$js": "bigint"}},
                "repeat": 1,
            },
            {"to": "top", "message": {"type": "emit", "name": "target:direct", "payload": 1}, "repeat": 3},
            {"to": "parent", "message": {"type": "resize", "height": 99_999}, "repeat": 1},
            # A forged handshake: the page must not send the 2 MB runtime again, nor stop sending props.
            {"to": "parent", "message": {"type": "ready", "stage": "bootstrap"}, "repeat": 200},
            {"to": "parent", "message": {"type": "ready", "stage": "runtime"}, "repeat": 200},
        ],
    )
    neighbour.evaluate(
        POST_JS,
        [
            {"to": "parent", "message": {"type": "emit", "name": "neighbour:own", "payload": 1}, "repeat": 2},
            {"to": "top", "message": {"type": "emit", "name": "neighbour:direct", "payload": 1}, "repeat": 2},
        ],
    )
    bench.senders["page_stranger"].evaluate(
        POST_JS, [{"to": "parent", "message": {"type": "emit", "name": "page_stranger:x"}, "repeat": 5}]
    )
    bench.senders["page"].evaluate(
        POST_JS, [{"to": "self", "message": {"type": "emit", "name": "page:x"}, "repeat": 5}]
    )
    report = bench.kernel_report()
    elapsed = time.monotonic() - started
    names = {role: [name for name, _ in report[role]["emits"]] for role in ROLES}
    sources = bench.page.evaluate("() => window.__cgSources")

    flooded = names["target"].count("target:flood")
    # A burst, plus what the bucket refills while the page works through the 500 messages.
    assert 1 <= flooded <= EMIT_BURST + 10, f"{flooded} of 500 flooded emits arrived"
    assert names["target"].count("target:near") == 1, names["target"]
    for dropped in ("target:over", "target:bigint", "target:direct", "target:" + "n" * 200):
        assert dropped not in names["target"], f"{dropped[:30]} arrived"
    assert names["neighbour"] == ["neighbour:own", "neighbour:own"], names["neighbour"]
    assert not [n for n in names["target"] if not n.startswith("target:")], names["target"]
    # The stranger's and the page's messages did reach the page, and were ignored.
    assert sources.get("cg-page-stranger", 0) >= 5, sources
    assert sources.get("page", 0) >= 5, sources
    assert not report["target"]["invalid"], report
    assert not report["neighbour"]["invalid"], report
    new_heights = bench.heights()
    assert new_heights["target"] == MAX_FRAME_HEIGHT, new_heights
    assert new_heights["neighbour"] == heights["neighbour"], (heights, new_heights)
    assert target.evaluate(COUNT_RUNTIME_LOADS_JS) == runtime_loads == 0
    problems = _check_quick(bench) + _check_alive(bench, started - 2.0)
    assert not problems, "\n".join(problems) + f"\n({elapsed:.1f} s)"
