"""Auto-fix: a component that fails at render gets exactly one automatic fix request; a failing fix does not
trigger another; w.fix() asks by hand."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from jupyter_componentgen.api import generate
from jupyter_componentgen.engine.autofix import AutoFixGate, FrameFailure
from tests.provider import BROKEN_COMPONENT_ERROR_LINE, Script, ScriptedProvider, recording
from tests.unit.kernel_helpers import CommRecorder, from_view, kernel_side

COUNTER = recording("counter_button")
FAST = 5000.0


@pytest.fixture
def comms(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[CommRecorder]:
    with kernel_side(tmp_path, monkeypatch) as recorder:
        yield recorder


def test_frame_failure_and_gate() -> None:
    assert FrameFailure.from_report({"phase": "timeout", "message": "slow"}) is None
    assert FrameFailure.from_report({"phase": "runtime", "message": ""}) is None
    failure = FrameFailure.from_report({"phase": "runtime", "message": "x is undefined", "line": 4})
    assert failure is not None
    assert failure.line == 4
    gate = AutoFixGate()
    assert not gate.take(1, failure), "nothing armed: no automatic fix"
    gate.arm(1, is_fix=False)
    assert not gate.take(2, failure), "only the version just generated"
    assert gate.take(1, failure)
    assert not gate.take(1, failure), "once per version"
    gate.arm(2, is_fix=True)
    assert not gate.take(2, failure), "a fix's failure waits for the person"


def runtime_error(version: int) -> dict[str, object]:
    return {"type": "frame_error", "phase": "runtime", "message": "TypeError: rows is undefined", "line": 3,
            "version": version}  # fmt: skip


def test_render_error_gets_exactly_one_automatic_fix(comms: CommRecorder, llm_env: ScriptedProvider) -> None:
    fixed = COUNTER.replace("bg-indigo-600", "bg-indigo-700")
    still_broken = COUNTER.replace("bg-indigo-600", "bg-indigo-800")
    llm_env.enqueue(
        Script(COUNTER, tokens_per_second=FAST),
        Script(fixed, tokens_per_second=FAST),
        Script(still_broken, tokens_per_second=FAST),
    )
    widget = generate("A button that counts clicks", name="counter", wait=True)
    assert widget.version == 1

    from_view(widget, runtime_error(1))
    widget.wait(10)

    assert len(llm_env.requests) == 2, "one automatic fix request"
    fix_prompt = llm_env.requests[1].last_user_text()
    assert "TypeError: rows is undefined" in fix_prompt
    assert "line 3" in fix_prompt
    assert widget.version == 2
    assert widget.versions[-1].prompt.startswith("Fix the runtime error")

    # The fix fails too: no second automatic request (no chain); the same error again changes nothing.
    from_view(widget, runtime_error(2))
    from_view(widget, runtime_error(2))
    assert not widget.generating
    assert len(llm_env.requests) == 2

    # By hand it is allowed.
    widget.fix(wait=True)
    assert len(llm_env.requests) == 3
    assert widget.version == 3


def test_errors_of_other_versions_or_phases_and_the_setting_do_not_fix(
    comms: CommRecorder, llm_env: ScriptedProvider, monkeypatch: pytest.MonkeyPatch
) -> None:
    llm_env.enqueue(Script(COUNTER, tokens_per_second=FAST))
    widget = generate("A button that counts clicks", name="counter", wait=True)
    from_view(widget, runtime_error(7))  # about another version
    from_view(widget, {"type": "frame_error", "phase": "timeout", "message": "slow", "version": 1})
    assert not widget.generating
    assert len(llm_env.requests) == 1
    with pytest.raises(ValueError, match="no reported"):
        widget.fix()

    monkeypatch.setattr(widget._context.settings, "auto_fix", False)
    from_view(widget, runtime_error(1))
    assert not widget.generating
    assert len(llm_env.requests) == 1


def test_broken_recording_line_is_sent(comms: CommRecorder, llm_env: ScriptedProvider) -> None:
    broken = recording("broken_component")
    llm_env.enqueue(Script(broken, tokens_per_second=FAST), Script(COUNTER, tokens_per_second=FAST))
    widget = generate("broken_component please", name="broken", wait=True)
    from_view(
        widget,
        {"type": "frame_error", "phase": "compile", "message": "Unexpected token",
         "line": BROKEN_COMPONENT_ERROR_LINE, "version": widget.version},
    )  # fmt: skip
    widget.wait(10)
    assert len(llm_env.requests) == 2
    assert f"line {BROKEN_COMPONENT_ERROR_LINE}" in llm_env.requests[1].last_user_text()
