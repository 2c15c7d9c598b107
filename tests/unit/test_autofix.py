"""Auto-fix: a component that fails at render gets exactly one automatic fix request; a failing fix does not
trigger another; w.fix() and the view's Fix button ask by hand, for render errors and for blocked code."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest

from jupyter_componentgen.engine.autofix import AutoFixGate, FrameFailure
from jupyter_componentgen.kernel.api import generate
from jupyter_componentgen.kernel.context import get_context
from jupyter_componentgen.resources import load_schema
from tests.provider import BROKEN_COMPONENT_ERROR_LINE, Script, ScriptedProvider, recording
from tests.unit.kernel_helpers import CommRecorder, code_between_markers, from_view, kernel_side

COUNTER = recording("counter_button")
FAST = 5000.0
# The counter with a network call on its 8th code line: the static checks block it.
FETCH_LINE = '  fetch("https://example.invalid/track");\n'
HOSTILE = COUNTER.replace("\n  return (\n", "\n" + FETCH_LINE + "  return (\n", 1)
WIDGET_SCHEMA = load_schema("widget")
ERROR_TRAIT = jsonschema.Draft202012Validator(
    {"$defs": WIDGET_SCHEMA["$defs"], "$ref": "#/$defs/widget_error"}
)


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


def edit_answer(search: str, replace: str) -> str:
    return (
        "/// EDIT CounterButton\n<<<<<<< SEARCH\n"
        f"{search}=======\n{replace}>>>>>>> REPLACE\n/// END CounterButton\nDone.\n"
    )


def test_blocked_code_shows_its_findings_and_fix_from_the_view_sends_them_with_the_code(
    comms: CommRecorder, llm_env: ScriptedProvider
) -> None:
    assert FETCH_LINE in HOSTILE
    llm_env.enqueue(Script(HOSTILE, tokens_per_second=FAST), Script(COUNTER, tokens_per_second=FAST))
    widget = generate("A button that counts clicks", name="counter", wait=True)

    assert widget.version == 0, "blocked code never becomes a version"
    error = widget.error
    assert error is not None
    ERROR_TRAIT.validate(error)
    assert error["phase"] == "blocked"
    finding = error["findings"][0]
    assert finding["line"] == code_between_markers(HOSTILE).splitlines().index(FETCH_LINE.rstrip("\n")) + 1
    assert finding["column"] == 2
    assert "fetch" in finding["snippet"]
    # The view re-created later reads the findings from the synced state; the blocked code is not in it.
    assert any(state.get("error") == error for state in comms.updates(widget))
    assert not any("counter-button" in str(state) for state in comms.updates(widget))
    assert widget.blocked is not None
    assert widget.blocked.code == code_between_markers(HOSTILE)
    assert len(llm_env.requests) == 1, "blocked code never triggers an automatic fix"

    from_view(widget, {"type": "fix"})
    outcome = widget.wait(10)

    assert outcome is not None
    assert outcome.status == "saved"
    assert len(llm_env.requests) == 2
    prompt = llm_env.requests[1].last_user_text()
    assert FETCH_LINE.strip() in prompt, "the blocked code is what the model fixes"
    assert f"[{finding['rule']}]" in prompt
    assert f"line {finding['line']}, column {finding['column']}" in prompt
    assert widget.version == 1
    assert widget.versions[-1].prompt.startswith("Fix the blocked code")
    assert widget.error is None
    assert widget.blocked is None


def test_a_blocked_edit_is_fixed_from_the_edited_code(comms: CommRecorder, llm_env: ScriptedProvider) -> None:
    hostile_edit = edit_answer("  return (\n", FETCH_LINE + "  return (\n")
    llm_env.enqueue(
        Script(COUNTER, tokens_per_second=FAST),
        Script(hostile_edit, tokens_per_second=FAST),
        Script(edit_answer(FETCH_LINE, ""), tokens_per_second=FAST),
    )
    widget = generate("A button that counts clicks", name="counter", wait=True)
    widget.edit("track each click", wait=True)

    assert widget.version == 1
    blocked = widget.blocked
    assert blocked is not None
    # The findings point into the edited component, so that is what a fix must show the model.
    assert blocked.code.startswith('import { useState } from "react";')
    assert FETCH_LINE in blocked.code
    assert get_context().store.drafts("counter")[-1].code == blocked.code

    widget.fix(wait=True)

    shown = llm_env.requests[2].last_user_text().split("<current_code>")[1].split("</current_code>")[0]
    assert shown.strip() == blocked.code.strip(), "the model sees the edited component, not the edit"
    assert widget.version == 2
    assert widget.code == code_between_markers(COUNTER)


def test_fix_from_the_view_says_why_when_busy_or_when_there_is_nothing_to_fix(
    comms: CommRecorder, llm_env: ScriptedProvider
) -> None:
    llm_env.enqueue(Script(COUNTER, tokens_per_second=FAST))
    widget = generate("A button that counts clicks", name="counter", wait=True)

    from_view(widget, {"type": "fix"})
    assert not widget.generating
    assert "nothing to fix" in widget.status["notice"]
    assert comms.updates(widget)[-1]["status"]["notice"] == widget.status["notice"]
    with pytest.raises(ValueError, match="nothing to fix"):
        widget.fix()

    llm_env.enqueue(Script(COUNTER.replace("600", "700"), tokens_per_second=40))
    from_view(widget, runtime_error(1))  # armed: the automatic fix starts, slowly
    assert widget.generating
    from_view(widget, {"type": "fix"})
    assert "generation is running" in widget.status["notice"]
    widget.wait(30)
    assert len(llm_env.requests) == 2, "a Fix while generating asks for nothing more"
    assert "notice" not in widget.status, "the next status drops the notice"


def test_a_cancelled_fix_leaves_the_findings_to_fix_again(
    comms: CommRecorder, llm_env: ScriptedProvider
) -> None:
    llm_env.enqueue(Script(HOSTILE, tokens_per_second=FAST), Script(COUNTER, tokens_per_second=20))
    widget = generate("A button that counts clicks", name="counter", wait=True)
    findings = widget.error["findings"] if widget.error else None

    from_view(widget, {"type": "fix"})
    assert widget.generating
    assert llm_env.wait_for(lambda requests: len(requests) == 2)
    from_view(widget, {"type": "cancel"})
    widget.wait(10)

    assert widget.error is not None
    assert widget.error["findings"] == findings
    # A render report for the (empty) current version does not hide the findings either.
    from_view(widget, {"type": "frame_error", "phase": "runtime", "message": "boom", "version": None})
    assert widget.error["phase"] == "blocked"
    llm_env.enqueue(Script(COUNTER, tokens_per_second=FAST))
    from_view(widget, {"type": "fix"})
    widget.wait(10)
    assert widget.version == 1
    assert FETCH_LINE.strip() in llm_env.requests[-1].last_user_text()


def test_a_widget_without_a_history_refuses_to_fix(comms: CommRecorder) -> None:
    from jupyter_componentgen.kernel.widget import ComponentWidget

    loose = ComponentWidget("loose", code="export default () => null;", version=1)
    from_view(loose, {"type": "fix"})
    assert "Component(name)" in loose.status["notice"]


def test_the_fix_message_follows_the_widget_schema() -> None:
    validator = jsonschema.Draft202012Validator(WIDGET_SCHEMA)
    validator.validate({"type": "fix"})
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({"type": "fix", "draft": 3})
