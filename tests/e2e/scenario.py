"""Cell sources and provider pacing shared by the browser tests."""

from __future__ import annotations

import time
from typing import Any

from tests.provider import recording, tokenize

from .lab import LabPage, Widget
from .servers import ProviderControl

SETUP_CELL = """\
%load_ext jupyter_componentgen
import pandas as pd
df = pd.DataFrame({
    "quarter": ["Q1", "Q1", "Q2", "Q2"],
    "region": ["North", "South", "North", "South"],
    "revenue": [12000, 9500, 14300, 7800],
})"""

FAST = 2000.0  # tokens per second: the whole answer arrives in a blink


def queue_recording(control: ProviderControl, stem: str, *, seconds: float | None = None) -> int:
    """Queue recording ``stem`` as the next answer, paced to last about ``seconds`` (fast when None).

    Returns the number of tokens it streams.
    """
    text = recording(stem)
    tokens = len(tokenize(text))
    rate = FAST if seconds is None else max(tokens / seconds, 1.0)
    control.enqueue({"text": text, "tokens_per_second": rate})
    return tokens


def component_cell(name: str, description: str, options: str = "") -> str:
    head = f"%%component {name} {options}".rstrip()
    return f"{head}\n{description}"


def generate(lab: LabPage, index: int, source: str, *, timeout: float = 60.0) -> Widget:
    """Run a %%component cell and wait until its widget says the version is done."""
    lab.run_ok(index, source)
    widget = lab.widget(index)
    widget.wait_for_phase("done", "cached", timeout=timeout)
    return widget


def wait_for_requests(control: ProviderControl, count: int, timeout: float = 30.0) -> list[dict[str, Any]]:
    deadline = time.monotonic() + timeout
    seen: list[dict[str, Any]] = []
    while time.monotonic() < deadline:
        seen = control.requests()
        if len(seen) >= count:
            return seen
        time.sleep(0.05)
    raise AssertionError(f"the provider saw {len(seen)} requests, expected {count}")
