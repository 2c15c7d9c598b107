"""ComponentWidget against the real engine and the scripted provider, seen through a recording comm."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pandas as pd
import pytest

from jupyter_componentgen.kernel.api import Component, generate
from jupyter_componentgen.kernel.context import get_context
from jupyter_componentgen.kernel.widget_stream import MIN_DELTA_INTERVAL_S
from jupyter_componentgen.resources import load_schema
from tests.provider import Script, ScriptedProvider, recording, tokenize
from tests.unit.kernel_helpers import (
    CommRecorder,
    code_between_markers,
    decode_events,
    from_view,
    is_event,
    kernel_side,
    view_code,
)

SALES = recording("sales_card")
COUNTER = recording("counter_button")
FAST = 5000.0


@pytest.fixture
def comms(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, llm_env: ScriptedProvider
) -> Iterator[CommRecorder]:
    with kernel_side(tmp_path, monkeypatch) as recorder:
        yield recorder


def kinds(recorder: CommRecorder, widget: Component) -> list[str]:
    """The types of the generation events the widget sent, oldest first."""
    return [event["type"] for event in recorder.events(widget)]


def start_slow_edit(widget: Component, recorder: CommRecorder, llm_env: ScriptedProvider) -> None:
    """Start a long generation and return once the view has received some of its code."""
    llm_env.enqueue(Script(SALES, tokens_per_second=80))
    before = len(recorder.custom(widget))
    widget.edit("make it blue", wait=False)
    recorder.wait_for(lambda: "content_block_delta" in kinds(recorder, widget)[before:])


def test_stream_is_the_generations_events_with_batched_deltas_and_no_code_resent(
    comms: CommRecorder, llm_env: ScriptedProvider
) -> None:
    llm_env.enqueue(Script(SALES, tokens_per_second=FAST))

    widget = Component("sales", create=True)
    from_view(widget, {"type": "view_ready"})
    widget.edit("a sales card")

    code = code_between_markers(SALES)
    assert widget.version == 1
    assert widget.code == code
    messages = comms.custom(widget)
    types = kinds(comms, widget)
    assert types.count("content_block_start") == 1
    assert types[-2:] == ["message_stop", "status"], "the outcome comes last, with the version"
    events = comms.events(widget)
    assert events[-1]["phase"] == "done"
    assert events[-2]["version"] == 1, "the view learns the code's version with it"
    deltas = types.count("content_block_delta")
    assert 2 <= deltas <= len(tokenize(SALES)) // 10, "deltas are batched, not one per token"
    assert view_code(messages) == code
    # Everything the comm carried for it, status and explanation updates included (the events' envelopes
    # and JSON's escaping of quotes and newlines cost the rest).
    total = sum(m.size for m in comms.messages(widget) if m.msg_type == "comm_msg")
    assert total <= 1.8 * len(code.encode()), f"{total} bytes of messages for {len(code)} bytes of code"
    widget_messages = jsonschema.Draft202012Validator(load_schema("widget"))
    events_schema = jsonschema.Draft202012Validator(load_schema("events"))
    for message in messages:
        widget_messages.validate(message.data["content"])
    for event in comms.events(widget):
        events_schema.validate(event)
    # The view assembled the code from the deltas: no state update carries it again.
    assert all("code" not in state for state in comms.updates(widget))
    # Everything of the stream was sent from the engine's thread, not from the (blocked) caller.
    assert {m.thread for m in messages} == {"componentgen-engine"}


def test_status_moves_through_the_phases_and_lands_with_the_version(
    comms: CommRecorder, llm_env: ScriptedProvider
) -> None:
    llm_env.enqueue(Script(SALES, tokens_per_second=1200))
    seen: list[str] = []
    widget = Component("sales", create=True)
    widget.observe(lambda change: seen.append(change["new"]["phase"]), names="status")

    widget.edit("a sales card")

    # The views follow the phases from the stream's status events, in order.
    phases = [event["phase"] for event in comms.events(widget) if event["type"] == "status"]
    order = ["connecting", "streaming", "done"]
    assert [phase for phase in phases if phase in order] == order
    # Python's trait follows them too (a phase that lasts only moments may be replaced before it shows).
    distinct = [phase for i, phase in enumerate(seen) if i == 0 or seen[i - 1] != phase]
    assert distinct[0] == "queued"
    assert "streaming" in distinct
    assert distinct[-1] == "done"
    # The settled status travels once, with the version.
    final = comms.updates(widget)[-1]
    assert final["version"] == 1
    assert final["status"]["phase"] == "done"
    assert final["status"]["started_at"] is None
    assert final["status"]["output_tokens"] > 0
    running = [state["status"] for state in comms.updates(widget) if "status" in state][:-1]
    assert [status["phase"] for status in running] == ["queued"], "running phases are not sent twice"


def test_code_outside_the_basic_plane_arrives_intact(comms: CommRecorder, llm_env: ScriptedProvider) -> None:
    line = '  <p title="growth 📈">Revenue 𝒳 up — 🎉 {"€"}</p>\n'
    code = "export default function Emoji() {\n  return (<div>\n" + line * 60 + "  </div>);\n}\n"
    llm_env.enqueue(
        Script(f"Emoji galore.\n\n/// START Emoji\n{code}/// END Emoji\n", tokens_per_second=1500)
    )

    widget = generate("emoji", name="emoji")

    assert widget.code == code
    messages = comms.custom(widget)
    assert view_code(messages) == code
    assert sum(is_event(m, "content_block_delta") for m in messages) >= 2


def test_deltas_are_paced_and_the_first_goes_at_once(comms: CommRecorder, llm_env: ScriptedProvider) -> None:
    llm_env.enqueue(Script(COUNTER, tokens_per_second=300))

    widget = generate("a counter", name="counter")

    messages = comms.custom(widget)
    deltas = [m for m in messages if is_event(m, "content_block_delta")]
    assert len(deltas) >= 3
    # Code is released a checked line at a time: the first delta goes once the first line has streamed.
    first_line_tokens = len(tokenize(code_between_markers(COUNTER).split("\n", 1)[0] + "\n"))
    start = next(m for m in messages if is_event(m, "content_block_start"))
    assert deltas[0].at - start.at < 0.03 + first_line_tokens / 300, "the first delta is held back"
    assert len(deltas[0].data["content"]["text"]) < 40
    # The last delta closes the block and goes at once, so it is left out.
    gaps = [later.at - earlier.at for earlier, later in itertools.pairwise(deltas[:-1])]
    assert min(gaps) >= MIN_DELTA_INTERVAL_S - 0.005


def test_cancel_from_the_view_stops_the_stream_and_keeps_the_version(
    comms: CommRecorder, llm_env: ScriptedProvider
) -> None:
    llm_env.enqueue(Script(COUNTER, tokens_per_second=FAST))
    widget = generate("a counter", name="counter")
    first_code = widget.code
    start_slow_edit(widget, comms, llm_env)
    assert widget.generating

    cancelled_at = time.time()
    from_view(widget, {"type": "cancel"})
    outcome = widget.wait(timeout=10)

    assert outcome is not None
    assert outcome.status == "cancelled"
    assert not widget.generating
    assert widget.version == 1
    assert widget.code == first_code
    assert widget.status["phase"] == "cancelled"
    assert "Version 1 is still current" in widget.status["message"]
    assert widget.error is None
    last = comms.events(widget)[-1]
    assert (last["type"], last["phase"]) == ("status", "cancelled")
    assert last["message"] == "Version 1 is still current.", "said once: the status line shows Cancelled"
    assert llm_env.wait_for(lambda requests: requests[-1].client_closed_at is not None)
    closed_at = llm_env.requests[-1].client_closed_at
    assert closed_at is not None
    assert closed_at - cancelled_at < 1.0
    assert [v.number for v in widget.versions] == [1]
    assert get_context().store.drafts("counter")[-1].error_code == "cancelled"


def test_emit_reaches_python_callbacks_while_a_generation_runs(
    comms: CommRecorder, llm_env: ScriptedProvider, capsys: pytest.CaptureFixture[str]
) -> None:
    llm_env.enqueue(Script(COUNTER, tokens_per_second=FAST))
    widget = generate("a counter", name="counter")
    received: list[Any] = []
    widget.on_event("clicked", received.append)

    def broken(payload: Any) -> None:
        raise ValueError(f"cannot handle {payload}")

    widget.on_event("clicked", broken)
    start_slow_edit(widget, comms, llm_env)

    from_view(widget, {"type": "emit", "name": "clicked", "payload": {"n": 1}})
    from_view(widget, {"type": "emit", "name": "other", "payload": 2})

    assert received == [{"n": 1}]
    shown = capsys.readouterr()  # a traceback: on stderr, or through IPython's display when a shell exists
    assert "ValueError" in shown.out + shown.err
    assert "cannot handle {'n': 1}" in shown.out + shown.err
    assert "on_event('clicked') callback raised ValueError" in widget.status["notice"]
    assert widget.generating
    widget.on_event("clicked", broken, remove=True)
    from_view(widget, {"type": "emit", "name": "clicked", "payload": {"n": 2}})
    assert received == [{"n": 1}, {"n": 2}]
    widget.cancel()
    assert widget.wait(timeout=10) is not None


def test_resync_mid_stream_answers_with_the_status_and_the_code_so_far(
    comms: CommRecorder, llm_env: ScriptedProvider
) -> None:
    llm_env.enqueue(Script(COUNTER, tokens_per_second=FAST))
    widget = generate("a counter", name="counter")
    before = len(comms.custom(widget))
    llm_env.enqueue(Script(SALES, tokens_per_second=1000))
    widget.edit("a sales card", wait=False)
    comms.wait_for(
        lambda: (
            [e["type"] for e in decode_events(comms.custom(widget)[before:])].count("content_block_delta")
            >= 3
        )
    )

    asked = len(comms.custom(widget))
    from_view(widget, {"type": "resync"})
    comms.wait_for(lambda: "content_block_start" in [e["type"] for e in comms.events(widget)[asked - 1 :]])
    outcome = widget.wait(timeout=20)

    assert outcome is not None
    assert outcome.status == "saved"
    answer = [
        m.data["content"]["event"]
        for m in comms.custom(widget)[asked:]
        if m.data["content"]["type"] == "event"
    ]
    start = next(i for i, event in enumerate(answer) if event["type"] == "content_block_start")
    assert answer[start - 1]["type"] == "status", "the current status comes first"
    assert code_between_markers(SALES).startswith(answer[start + 1]["text"])
    assert answer[start + 1]["text"], "the code so far, whole"
    messages = comms.custom(widget)[before:]
    assert view_code(messages) == widget.code == code_between_markers(SALES)

    # Once the generation is over there is nothing to resend: the views have the saved code.
    sent = len(comms.custom(widget))
    from_view(widget, {"type": "resync"})
    time.sleep(0.2)
    assert len(comms.custom(widget)) == sent


def test_a_failed_generation_keeps_the_good_version_and_says_why(
    comms: CommRecorder, llm_env: ScriptedProvider
) -> None:
    llm_env.enqueue(Script(COUNTER, tokens_per_second=FAST))
    widget = generate("a counter", name="counter")
    llm_env.enqueue(Script("I would rather not write code today.", tokens_per_second=FAST))

    generate("make it red", name="counter")

    assert widget.version == 1
    assert widget.code == code_between_markers(COUNTER)
    assert widget.status["phase"] == "error"
    assert widget.error is not None
    assert widget.error["phase"] == "generation"
    assert "START" in widget.error["message"]
    assert "Version 1 is still current" in widget.status["message"]
    assert [v.number for v in widget.versions] == [1]


def test_assigning_data_converts_it_to_props_and_syncs_them(comms: CommRecorder) -> None:
    widget = Component("table", create=True)
    frame = pd.DataFrame({"region": ["north", "south"], "revenue": [120.5, float("nan")]})

    widget.data = frame

    assert widget.data["data"] == [
        {"region": "north", "revenue": 120.5},
        {"region": "south", "revenue": None},
    ]
    assert [column["name"] for column in widget.data["columns"]] == ["region", "revenue"]
    assert comms.updates(widget)[-1] == {"data": widget.data}

    widget.data = [1, 2, 3]
    assert widget.data == {"data": [1, 2, 3]}
    assert comms.updates(widget)[-1] == {"data": {"data": [1, 2, 3]}}
    with pytest.raises(TypeError, match="cannot be passed to a component"):
        widget.data = object()
    # Props coming back from a view are kept as they are, not wrapped again.
    widget.set_state({"data": {"data": [4]}})
    assert widget.data == {"data": [4]}


def test_frame_errors_set_the_error_and_a_clean_render_clears_it(comms: CommRecorder) -> None:
    widget = Component("broken", create=True)
    widget.set_code("export default function Broken() { return <div>; }")

    from_view(widget, {"type": "frame_error", "phase": "compile", "message": "Unexpected token", "line": 1,
                       "column": 44, "version": 1})  # fmt: skip
    assert widget.error == {"phase": "compile", "message": "Unexpected token", "line": 1, "column": 44}
    assert widget.last_frame_error == widget.error
    from_view(widget, {"type": "rendered", "version": 7})  # about another version: ignored
    assert widget.error is not None
    from_view(widget, {"type": "rendered", "version": 1})
    assert widget.error is None
    assert widget.last_frame_error is not None


def test_components_share_one_runtime_model(comms: CommRecorder) -> None:
    first = Component("first", create=True)
    second = Component("second", create=True)

    assert first.runtime is second.runtime
    opened = [m for m in comms.messages() if m.msg_type == "comm_open"]
    runtime_opens = [m for m in opened if "runtime_js" in m.data["state"]]
    assert len(runtime_opens) == 1
    widget_state = next(m.data["state"] for m in opened if m.comm_id == first.model_id)
    assert widget_state["runtime"] == f"IPY_MODEL_{first.runtime.model_id}"
    assert "runtime_js" not in widget_state


def test_without_a_view_the_final_code_goes_into_the_widget_state(
    comms: CommRecorder, llm_env: ScriptedProvider
) -> None:
    """A headless run (nbclient, papermill) saves widget state from the kernel's updates alone."""
    llm_env.enqueue(Script(COUNTER, tokens_per_second=FAST))

    widget = generate("a counter", name="counter")

    assert widget.version == 1
    assert any(state.get("code") == widget.code for state in comms.updates(widget))


def test_blocked_code_never_reaches_the_view_and_its_findings_come_with_the_state(
    comms: CommRecorder, llm_env: ScriptedProvider
) -> None:
    hostile = COUNTER.replace("  return (\n", '  fetch("https://example.invalid");\n  return (\n', 1)
    llm_env.enqueue(Script(COUNTER, tokens_per_second=FAST), Script(hostile, tokens_per_second=FAST))
    widget = generate("a counter", name="counter")
    from_view(widget, {"type": "view_ready"})
    before = len(comms.custom(widget))

    generate("count and report each click", name="counter", regenerate=True)

    messages = comms.custom(widget)[before:]
    streamed = view_code(messages)
    assert streamed, "the lines before the blocked one were previewed"
    assert "fetch" not in streamed
    closing = comms.events(widget)[-1]
    assert (closing["type"], closing["phase"]) == ("status", "error")
    assert (widget.version, widget.code) == (1, code_between_markers(COUNTER))
    assert widget.status["phase"] == "error"
    assert "Version 1 is still current" in widget.status["message"]
    error = comms.updates(widget)[-1]["error"]
    assert error == widget.error
    assert error["phase"] == "blocked"
    assert [(f["line"], f["snippet"]) for f in error["findings"]] == [
        (7, 'fetch("https://example.invalid");')
    ]
    trait_schema = {"$defs": load_schema("widget")["$defs"], "$ref": "#/$defs/widget_error"}
    jsonschema.Draft202012Validator(trait_schema).validate(error)

    # The next good version clears the findings: there is nothing blocked left to fix.
    llm_env.enqueue(Script(SALES, tokens_per_second=FAST))
    generate("a sales card instead", name="counter")
    assert widget.version == 2
    assert widget.error is None
    assert widget.blocked is None
