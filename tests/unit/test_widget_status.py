"""Every value of the widget's synced ``status`` trait follows $defs/widget_status of
schema/widget.schema.json: at rest, through a generation that saves, one that fails, and with a notice."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest

from jupyter_componentgen import Component
from jupyter_componentgen.resources import load_schema
from tests.provider import Script, ScriptedProvider, recording
from tests.unit.kernel_helpers import from_view, kernel_side

STATUS = jsonschema.Draft202012Validator(
    {"$defs": load_schema("widget")["$defs"], "$ref": "#/$defs/widget_status"}
)
FAST = 5000.0


def test_every_status_the_widget_takes_follows_the_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, llm_env: ScriptedProvider
) -> None:
    with kernel_side(tmp_path, monkeypatch) as comms:
        widget = Component("counter", create=True)
        seen: list[dict[str, Any]] = [widget.status]
        widget.observe(lambda change: seen.append(change["new"]), names="status")
        llm_env.enqueue(Script(recording("counter_button"), tokens_per_second=FAST))
        widget.edit("a counter")
        llm_env.enqueue(Script("I would rather not write code today.", tokens_per_second=FAST))
        widget.edit("make it red")
        from_view(widget, {"type": "fix"})  # nothing to fix: the status gets a notice

        synced = [state["status"] for state in comms.updates(widget) if "status" in state]

    phases = [status["phase"] for status in seen]
    assert {"idle", "queued", "done", "error"} <= set(phases), phases
    assert any("notice" in status for status in seen)
    for status in seen + synced:
        STATUS.validate(status)
