"""``%%component`` in a real IPython shell (no kernel, so it blocks), against the scripted provider."""

from __future__ import annotations

import _thread
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pandas as pd
import pytest
from IPython.core.error import UsageError
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output

from jupyter_componentgen.kernel.api import Component
from jupyter_componentgen.kernel.context import get_context
from tests.provider import Script, ScriptedProvider, recording
from tests.unit.kernel_helpers import CommRecorder, code_between_markers, kernel_side, magic_shell

COUNTER = recording("counter_button")
FAST = 5000.0
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
HELLO = 'export default function Hello() {\n  return <p className="p-2">Hello</p>;\n}\n'


@pytest.fixture
def comms(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[CommRecorder]:
    with kernel_side(tmp_path, monkeypatch) as recorder:
        yield recorder


@pytest.fixture
def shell(comms: CommRecorder) -> Iterator[InteractiveShell]:
    with magic_shell() as ip:
        yield ip


def run(shell: InteractiveShell, line: str, body: str = "") -> list[dict[str, Any]]:
    """Run the cell magic; returns the display outputs' data."""
    with capture_output() as captured:
        result = shell.run_cell_magic("component", line, body)
    assert result is None, "the magic displays the widget and returns None"
    return [output.data for output in captured.outputs]


def test_first_run_creates_v1_rerun_is_cached_and_a_new_instruction_edits(
    shell: InteractiveShell, llm_env: ScriptedProvider
) -> None:
    llm_env.enqueue(Script(COUNTER, tokens_per_second=FAST))

    outputs = run(shell, "counter --as w", "A button that counts clicks")

    widget = shell.user_ns["w"]
    assert isinstance(widget, Component)
    assert widget.version == 1
    assert widget.code == code_between_markers(COUNTER)
    assert [output[WIDGET_MIME]["model_id"] for output in outputs] == [widget.model_id]
    calls = len(llm_env.requests)

    run(shell, "counter", "A button that counts clicks\n")

    assert len(llm_env.requests) == calls, "an unchanged re-run calls no model"
    assert widget.status["phase"] == "cached"
    assert widget.version == 1

    edited = COUNTER.replace("bg-indigo-600", "bg-green-600")
    assert edited != COUNTER
    llm_env.enqueue(Script(edited, tokens_per_second=FAST))
    run(shell, "counter --as w2", "Make the button green")

    assert shell.user_ns["w2"] is widget, "re-runs update the same widget"
    assert widget.version == 2
    assert widget.code == code_between_markers(edited)
    assert [(v.number, v.parent) for v in widget.versions] == [(1, None), (2, 1)]
    assert "Make the button green" in llm_env.requests[-1].last_user_text()
    assert "export default function" in llm_env.requests[-1].last_user_text(), "the edit sends the code"


def test_regenerate_asks_the_model_again(shell: InteractiveShell, llm_env: ScriptedProvider) -> None:
    llm_env.enqueue(Script(COUNTER, tokens_per_second=FAST), Script(COUNTER, tokens_per_second=FAST))
    run(shell, "counter --as w", "A counter")

    run(shell, "counter --regenerate", "A counter")

    assert len(llm_env.requests) == 2
    assert shell.user_ns["w"].status["phase"] == "done"


def test_code_flag_renders_without_a_model_or_a_key(
    shell: InteractiveShell, provider: ScriptedProvider, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ANTHROPIC_API_KEY", raising=False)
    monkeypatch.delenv("ANTHROPIC_AUTH_TOKEN", raising=False)

    outputs = run(shell, "hello --code --as w", HELLO)

    widget = shell.user_ns["w"]
    assert widget.code == HELLO
    assert widget.version == 1
    assert widget.versions[0].author == "user"
    assert widget.status["phase"] == "done"
    assert len(outputs) == 1

    run(shell, "hello --code", HELLO + "\n\n")  # same code: no new version
    assert len(widget.versions) == 1
    run(shell, "hello --code", HELLO.replace("Hello", "Hi"))
    assert [v.author for v in widget.versions] == ["user", "user"]
    assert widget.version == 2

    outputs = run(shell, "hello", "\n")  # an empty body shows the current version
    with capture_output() as captured:
        shell.run_line_magic("component", "hello")  # and so does the line magic
    outputs += [output.data for output in captured.outputs]
    assert [output[WIDGET_MIME]["model_id"] for output in outputs] == [widget.model_id] * 2
    assert widget.version == 2
    assert provider.requests == []


def test_without_a_key_the_generation_fails_clearly_and_keeps_the_version(
    shell: InteractiveShell, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for variable in ("ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "ANTHROPIC_BASE_URL"):
        monkeypatch.delenv(variable, raising=False)
    run(shell, "hello --code --as w", HELLO)

    run(shell, "hello", "Make it bigger")

    widget = shell.user_ns["w"]
    assert widget.version == 1
    assert widget.code == HELLO
    assert widget.status["phase"] == "error"
    assert "ANTHROPIC_API_KEY" in widget.status["message"]
    assert "Version 1 is still current" in widget.status["message"]


def test_data_flag_passes_a_variable_or_attribute_as_props(
    shell: InteractiveShell, llm_env: ScriptedProvider
) -> None:
    table = recording("data_table")
    llm_env.enqueue(Script(table, tokens_per_second=FAST), Script(table, tokens_per_second=FAST))
    shell.user_ns["sales"] = pd.DataFrame({"region": ["north", "south"], "revenue": [120, 80]})
    shell.user_ns["results"] = SimpleNamespace(frame=pd.DataFrame({"quarter_label": ["Q1"]}))

    run(shell, "table --data sales --as w", "A table of the data")

    widget = shell.user_ns["w"]
    assert widget.data["data"] == [{"region": "north", "revenue": 120}, {"region": "south", "revenue": 80}]
    assert "revenue" in llm_env.requests[-1].last_user_text(), "the model is told the data's columns"

    run(shell, "table --data results.frame", "A table of the quarters")
    assert widget.data["data"] == [{"quarter_label": "Q1"}]
    assert "quarter_label" in llm_env.requests[-1].last_user_text()


@pytest.mark.parametrize(
    ("line", "body", "message"),
    [
        ("", "a card", "needs a name"),
        ("counter --bogus", "a card", "unrecognized arguments: --bogus"),
        ("counter extra", "a card", "unrecognized arguments: extra"),
        ("counter --wait --no-wait", "a card", "not both"),
        ("1counter", "a card", "not a usable component name"),
        ("counter --as 1x", "a card", "Python variable name"),
        ("counter --model ''", "a card", "needs a model name"),
        ("counter --data missing", "a card", "there is no variable 'missing'"),
        ("counter --data present.nope", "a card", "present (int) has no attribute 'nope'"),
        ("counter --data 'a + b'", "a card", "give a variable name"),
        ("counter --data bad", "a card", "cannot be passed to a component"),
        ("counter 'unclosed", "a card", "No closing quotation"),
        ("counter --code", "  \n", "--code needs the component's code"),
        ("counter", "\n", "there is no component named 'counter' yet"),
    ],
)
def test_usage_mistakes_are_short_usage_errors(
    shell: InteractiveShell, line: str, body: str, message: str
) -> None:
    shell.user_ns["present"] = 3
    shell.user_ns["bad"] = object()

    with pytest.raises(UsageError, match=re.escape(message)):
        shell.run_cell_magic("component", line, body)


def test_a_usage_error_in_a_cell_shows_a_message_not_a_traceback(shell: InteractiveShell) -> None:
    with capture_output() as captured:
        result = shell.run_cell("%%component counter --bogus\na card")

    assert isinstance(result.error_in_exec, UsageError)
    assert "unrecognized arguments: --bogus" in captured.stderr
    assert "Traceback" not in captured.stderr + captured.stdout


def test_no_wait_returns_while_the_widget_streams(shell: InteractiveShell, llm_env: ScriptedProvider) -> None:
    llm_env.enqueue(Script(COUNTER, tokens_per_second=400))

    outputs = run(shell, "counter --no-wait --as w", "A counter")

    widget = shell.user_ns["w"]
    assert widget.generating
    assert len(outputs) == 1, "displayed at once, before the code arrives"
    outcome = widget.wait(timeout=20)
    assert outcome is not None
    assert outcome.status == "saved"
    assert widget.version == 1


def test_with_a_live_front_end_the_cell_returns_while_the_widget_streams(
    shell: InteractiveShell, llm_env: ScriptedProvider, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shell, "kernel", SimpleNamespace(), raising=False)  # inside a kernel...
    monkeypatch.setenv("JPY_SESSION_NAME", "analysis.ipynb")  # ...that jupyter-server started
    llm_env.enqueue(Script(COUNTER, tokens_per_second=400), Script(COUNTER, tokens_per_second=400))

    outputs = run(shell, "counter --as w", "A counter")

    widget = shell.user_ns["w"]
    assert widget.generating
    assert len(outputs) == 1
    widget.wait(timeout=20)
    assert widget.version == 1

    run(shell, "counter --wait", "A counter, in red")  # --wait blocks even there
    assert not widget.generating
    assert widget.version == 2


def test_interrupting_a_blocking_run_cancels_it_without_a_traceback(
    shell: InteractiveShell, llm_env: ScriptedProvider, comms: CommRecorder
) -> None:
    llm_env.enqueue(Script(recording("sales_card"), tokens_per_second=80))

    def interrupt_once_streaming() -> None:
        comms.wait_for(lambda: any(m.data.get("content", {}).get("type") == "delta" for m in comms.messages()
                                   if m.msg_type == "comm_msg"))  # fmt: skip
        _thread.interrupt_main()

    interrupter = threading.Thread(target=interrupt_once_streaming)
    interrupter.start()
    outputs = run(shell, "sales --as w", "A sales card")
    interrupter.join()

    widget = shell.user_ns["w"]
    assert widget.status["phase"] == "cancelled"
    assert widget.version == 0
    assert len(outputs) == 1
    assert get_context().store.drafts("sales")[-1].error_code == "cancelled"
    assert llm_env.wait_for(lambda requests: requests[-1].client_closed_at is not None)
