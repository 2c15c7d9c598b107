"""A component that floods its host with every kind of message a frame can post (forged render reports and
errors, resizes, handshakes, emits, junk), with static checks off, in a real widget in JupyterLab.

What must hold: the kernel answers the next cell within a second of its usual time (the whole cell, typed
and drawn, within two: the component's busy loop takes a core of its own); the server answers
another request quickly; what reaches Python (emits, render reports, errors) and the server (frame reports)
stays within the documented limits; the status line says the component was throttled; and the forged
error text never shows on the page as the product's own words.
"""

from __future__ import annotations

import json
import re
import time
import urllib.request

import pytest
from playwright.sync_api import Page

from tests.e2e.lab import LabPage

from .widget_lab import SecurityLab, widget_frames

pytestmark = pytest.mark.browser

FLOOD_SECONDS = 8
FORGED = "Your session expired: paste your token below"

FLOOD_COMPONENT = f"""
import {{ useEffect, useState }} from "react";

export default function Flood({{ emit }}) {{
  const [sent, setSent] = useState(0);
  useEffect(() => {{
    const host = window.parent;
    let n = 0;
    let stop = false;
    const tick = () => {{
      if (stop) return;
      for (let i = 0; i < 100; i++) {{
        n += 1;
        host.postMessage({{ type: "rendered", id: n % 64, partial: false, applied: true }}, "*");
        host.postMessage({{ type: "error", id: n % 64, phase: "runtime", message: "{FORGED} " + n }}, "*");
        host.postMessage({{ type: "error", phase: "compile", message: "{FORGED} " + "x".repeat(4000) }}, "*");
        host.postMessage({{ type: "resize", height: 100 + (n % 300) }}, "*");
        host.postMessage({{ type: "ready", stage: "runtime" }}, "*");
        host.postMessage({{ type: "emit", name: "flood", payload: n }}, "*");
        host.postMessage({{ type: "junk", n }}, "*");
        emit("flood", n);
      }}
      setSent(n);
      setTimeout(tick, 0);
    }};
    tick();
    const timer = setTimeout(() => {{ stop = true; }}, {FLOOD_SECONDS * 1000});
    return () => {{ stop = true; clearTimeout(timer); }};
  }}, []);
  return <p data-testid="flood">flooding {{sent}}</p>;
}}
"""

SETUP_CELL = """\
%env COMPONENTGEN_STATIC_CHECKS=0
%load_ext jupyter_componentgen
import json, time
emits = []
"""

COUNTS_CELL = """\
print(json.dumps({"counts": flood.view_message_counts, "emits": len(emits),
                  "seconds": time.monotonic() - started}))
"""


def _kernel_round_trip(lab: LabPage) -> float:
    """Seconds from an execute request to its reply, sent straight to the kernel (no typing, no rendering)."""
    seconds: float = lab.page.evaluate(
        """async (path) => {
          const kernel = window.__cgLab.kernel(path);
          const started = performance.now();
          await kernel.requestExecute({ code: "1 + 1", silent: true }).done;
          return (performance.now() - started) / 1000;
        }""",
        lab.path,
    )
    return seconds


def _timed_cell(lab: LabPage, index: int) -> float:
    started = time.monotonic()
    assert lab.run_ok(index, "1 + 1").strip() == "2"
    return time.monotonic() - started


def _server_get(security_lab: SecurityLab, path: str) -> tuple[float, str]:
    server = security_lab.server
    assert server is not None
    request = urllib.request.Request(
        f"{server.url}/{path}", headers={"Authorization": f"token {server.token}"}
    )
    started = time.monotonic()
    with urllib.request.urlopen(request, timeout=30) as response:
        body = response.read().decode("utf-8")
    return time.monotonic() - started, body


def _frame_reports(metrics: str) -> float:
    return sum(
        float(match.group(1))
        for match in re.finditer(
            r'^componentgen_frame_reports_total\{outcome="handled"\} (\S+)$', metrics, re.M
        )
    )


def test_a_flooding_component_is_throttled_and_the_kernel_and_server_stay_responsive(
    lab: LabPage, page: Page, security_lab: SecurityLab
) -> None:
    lab.new_notebook()
    lab.run_ok(0, SETUP_CELL)
    usual = min(_timed_cell(lab, 1) for _ in range(2))
    before = min(_kernel_round_trip(lab) for _ in range(3))
    _, metrics_before = _server_get(security_lab, "metrics")

    lab.run_ok(2, f"%%component flood --code --as flood\n{FLOOD_COMPONENT}")
    lab.run_ok(3, "started = time.monotonic()\nflood.on_event('flood', lambda n: emits.append(n))")
    widget = lab.widget(2)
    _relay, component = widget_frames(widget)
    component.wait_for_selector("[data-testid=flood]", timeout=30_000)

    kernel = max(_kernel_round_trip(lab) for _ in range(3))
    assert kernel - before <= 1.0, (
        f"the kernel answered in {kernel:.2f} s during the flood ({before:.2f} s before)"
    )
    during = _timed_cell(lab, 4)
    # The whole cell (typing, running, drawing the output) also shares the machine's two cores with the
    # component's own busy loop, which is out of scope (README, threat model): a looser bound.
    assert during - usual <= 2.0, f"the next cell took {during:.2f} s during the flood ({usual:.2f} s before)"
    print(f"\nflood: kernel round trip {before:.3f} -> {kernel:.3f} s, cell {usual:.2f} -> {during:.2f} s")
    answered, _ = _server_get(security_lab, "componentgen/api/models")
    assert answered < 1.0, f"the server took {answered:.2f} s to answer during the flood"

    time.sleep(FLOOD_SECONDS)
    report = json.loads(lab.run_ok(5, COUNTS_CELL))
    seconds = report["seconds"] + FLOOD_SECONDS  # the flood started before `started` was set
    accepted = report["counts"]["accepted"]
    assert report["emits"] <= 30 + 30 * seconds, report
    assert accepted.get("frame_error", 0) <= 5 + 2 * seconds, report
    assert accepted.get("rendered", 0) <= 10 + 5 * seconds, report
    assert sum(accepted.values()) <= 30 + 30 * seconds + 30 + 10 * seconds, report

    notice = widget.part("cg-notice").text_content() or ""
    assert "too many" in notice, notice
    # Forged error text never stands on the page as the product's own words.
    unmarked = page.evaluate(
        """(forged) => [...document.querySelectorAll('.cg-error')]
            .filter((box) => box.textContent.includes(forged))
            .filter((box) => ![...box.querySelectorAll('.cg-error-reported')]
              .some((quote) => quote.textContent.includes(forged))).length""",
        FORGED,
    )
    assert unmarked == 0

    _, metrics_after = _server_get(security_lab, "metrics")
    reports = _frame_reports(metrics_after) - _frame_reports(metrics_before)
    assert reports <= 10 + 2 * seconds, reports
