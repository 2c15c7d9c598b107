"""The kernel's runtime model holds the library modules its components import, each once, as models of
their own: a component shown from code adds what it imports before its views hear of it, and a view's
request for a module adds it (unknown ids are ignored)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from jupyter_componentgen.kernel.api import Component
from jupyter_componentgen.kernel.runtime_model import shared_runtime
from tests.unit.kernel_helpers import CommRecorder, kernel_side

CHART = """\
import { LineChart, Line } from "recharts";
import { Card } from "@/components/ui/card";
export default function Chart() {
  return <Card><LineChart width={100} height={50} data={[]}><Line dataKey="v" /></LineChart></Card>;
}
"""


@pytest.fixture
def comms(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[CommRecorder]:
    with kernel_side(tmp_path, monkeypatch) as recorder:
        yield recorder


def test_react_only_components_add_no_modules(comms: CommRecorder) -> None:
    widget = Component("plain", create=True)
    widget.set_code("export default function A() { return <p>a</p>; }\n")
    assert shared_runtime().modules == {}


def test_code_adds_the_modules_it_imports_once(comms: CommRecorder) -> None:
    first = Component("chart", create=True)
    first.set_code(CHART)
    modules = shared_runtime().modules
    assert {"recharts", "ui"} <= set(modules)
    assert modules["recharts"].module_id == "recharts"
    second = Component("chart_again", create=True)
    second.set_code(CHART)
    assert shared_runtime().modules["recharts"] is modules["recharts"]


def test_a_view_can_ask_for_a_module_and_unknown_ids_are_ignored(comms: CommRecorder) -> None:
    runtime = shared_runtime()
    runtime._on_view_message(runtime, {"type": "need_modules", "modules": ["d3", "no-such-module", 7]}, [])
    assert set(runtime.modules) == {"d3"}
