"""What a person notices in a cell: no data means a null `data` prop, `--code` is checked like `render`, and
an empty body shows the current version, through a real IPython shell."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from IPython.core.error import UsageError
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output

from jupyter_componentgen.cli import main as cli_main
from jupyter_componentgen.engine.autofix import BLOCKED_PHASE
from jupyter_componentgen.kernel.api import generate
from tests.provider import Script, ScriptedProvider, recording
from tests.unit.kernel_helpers import CommRecorder, kernel_side, magic_shell

COUNTER = recording("counter_button")
FAST = 5000.0
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
HELLO = 'export default function Hello() {\n  return <p className="p-2">Hello</p>;\n}\n'
TRACKING = (
    "export default function Hello() {\n"
    '  fetch("https://collector.invalid/seen");\n'
    '  return <p className="p-2">Hello</p>;\n'
    "}\n"
)


@pytest.fixture
def comms(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[CommRecorder]:
    with kernel_side(tmp_path, monkeypatch) as recorder:
        yield recorder


@pytest.fixture
def shell(comms: CommRecorder) -> Iterator[InteractiveShell]:
    with magic_shell() as ip:
        yield ip


def run_cell(shell: InteractiveShell, source: str) -> tuple[Any, Any]:
    """Run a whole cell as a person would (IPython's input transformers included)."""
    with capture_output() as captured:
        result = shell.run_cell(source)
    return result, captured


def shown(captured: Any) -> list[str]:
    return [output.data[WIDGET_MIME]["model_id"] for output in captured.outputs if WIDGET_MIME in output.data]


# No --data ---------------------------------------------------------------------------------------------


def test_without_data_the_data_prop_is_null_and_the_model_is_told_so(
    shell: InteractiveShell, llm_env: ScriptedProvider, comms: CommRecorder
) -> None:
    llm_env.enqueue(Script(COUNTER, tokens_per_second=FAST), Script(COUNTER, tokens_per_second=FAST))

    result, _ = run_cell(shell, "%%component counter --as w\nA button that counts clicks")

    assert result.error_in_exec is None
    widget = shell.user_ns["w"]
    assert widget.data == {"data": None}, "the component's data prop is null"
    assert all(update["data"] == {"data": None} for update in comms.updates(widget) if "data" in update)
    prompt = llm_env.requests[-1].last_user_text()
    assert "`data` prop is null" in prompt
    assert "<data>" not in prompt
    assert "mapping" not in prompt

    api_widget = generate("A button that counts clicks", name="other", wait=True)
    assert api_widget.data == {"data": None}
    assert "`data` prop is null" in llm_env.requests[-1].last_user_text()


# --code and the static checks ----------------------------------------------------------------------------


def test_code_is_checked_like_render_and_a_blocked_body_keeps_the_current_version(
    shell: InteractiveShell, provider: ScriptedProvider, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run_cell(shell, f"%%component hello --code --as w\n{HELLO}")
    widget = shell.user_ns["w"]
    assert widget.version == 1

    result, captured = run_cell(shell, f"%%component hello --code\n{TRACKING}")

    assert result.error_in_exec is None, "findings are shown, not raised as a traceback"
    assert shown(captured) == [widget.model_id]
    assert (widget.version, widget.code) == (1, HELLO), "nothing new is rendered: version 1 stays"
    assert [v.number for v in widget.versions] == [1], "nothing is saved"
    assert widget.error["phase"] == BLOCKED_PHASE
    rules = {finding["rule"] for finding in widget.error["findings"]}
    assert widget.error["findings"][0]["line"] == 2
    assert "fetch" in widget.error["findings"][0]["snippet"]
    assert widget.status["phase"] == "error"
    assert "version 1 is still current" in widget.status["message"]
    assert widget.blocked is not None, "a Fix can send the blocked code and its findings"
    assert "--skip-static-checks" in captured.stderr, "without a view, the findings go to stderr"

    # `jupyter componentgen render` refuses the same file for the same rules.
    source = tmp_path / "tracking.jsx"
    source.write_text(TRACKING, encoding="utf-8")
    capsys.readouterr()
    assert cli_main(["render", str(source), "--out", str(tmp_path / "tracking.html")]) != 0
    refused = capsys.readouterr().err
    assert all(f"[{rule}]" in refused for rule in rules)

    # The same explicit way to skip them.
    result, _ = run_cell(shell, f"%%component hello --code --skip-static-checks\n{TRACKING}")
    assert result.error_in_exec is None
    assert (widget.version, widget.code, widget.error) == (2, TRACKING, None)
    assert provider.requests == []


# --code and the repairs ---------------------------------------------------------------------------------

WEATHER = (
    '"use client"\n'
    'import { Sun } from "lucide-react";\n\n'
    "export function Weather() {\n"
    '  const [unit, setUnit] = React.useState("C");\n'
    "  return <p><Sun /> 23°{unit}</p>;\n"
    "}\n"
)


def test_code_is_repaired_before_it_is_checked_and_the_status_names_each_repair(
    shell: InteractiveShell, comms: CommRecorder
) -> None:
    result, captured = run_cell(shell, f"%%component weather --code --as w\n{WEATHER}")

    assert result.error_in_exec is None, captured.stderr
    widget = shell.user_ns["w"]
    assert widget.version == 1
    assert widget.error is None
    assert widget.status["phase"] == "done"
    assert widget.status["message"] == (
        'Saved your code as version 1 · repaired: removed the `"use client"` directive; '
        'added `import React from "react"`; added `export default Weather`'
    )
    assert widget.code == (
        'import React from "react";\nimport { Sun } from "lucide-react";\n\n'
        + WEATHER.split("\n\n", 1)[1]
        + "\nexport default Weather;\n"
    )
    shown_status = [u["status"]["message"] for u in comms.updates(widget) if "status" in u]
    assert shown_status[-1] == widget.status["message"], "the view is told, not only the kernel"
    [version] = widget.versions
    assert version.code == widget.code
    assert version.repairs == (
        'removed the `"use client"` directive',
        'added `import React from "react"`',
        "added `export default Weather`",
    )

    # The same code again is the same version: repairs make it equal, so nothing new is saved.
    run_cell(shell, f"%%component weather --code\n{WEATHER}")
    assert [v.number for v in widget.versions] == [1]


def test_a_repaired_body_that_breaks_a_rule_is_still_refused(shell: InteractiveShell) -> None:
    tracking = TRACKING.replace("export default function", "export function")
    result, _ = run_cell(shell, f"%%component hello --code --as w\n{tracking}")

    assert result.error_in_exec is None
    widget = shell.user_ns["w"]
    assert widget.versions == []
    assert widget.error["phase"] == BLOCKED_PHASE
    assert [f["rule"] for f in widget.error["findings"]] == ["banned-api"]
    assert widget.blocked is not None
    assert widget.blocked.code.endswith("export default Hello;\n"), (
        "a Fix sees the code the findings point into"
    )


def test_skip_static_checks_is_only_for_code(shell: InteractiveShell) -> None:
    with pytest.raises(UsageError, match="applies only to --code"):
        shell.run_cell_magic("component", "hello --skip-static-checks", "a card")


# An empty body -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("cell", ["%%component hello", "%%component hello\n", "%%component hello --as v"])
def test_an_empty_body_shows_the_current_version(shell: InteractiveShell, cell: str) -> None:
    run_cell(shell, f"%%component hello --code --as w\n{HELLO}")
    widget = shell.user_ns["w"]

    result, captured = run_cell(shell, cell)

    assert result.error_in_exec is None, captured.stderr
    assert "cell body is empty" not in captured.stderr + captured.stdout
    assert shown(captured) == [widget.model_id]
    assert widget.version == 1


def test_an_empty_body_of_a_new_component_says_to_describe_it(shell: InteractiveShell) -> None:
    result, captured = run_cell(shell, "%%component nothing_yet")

    assert isinstance(result.error_in_exec, UsageError)
    assert "describe it in the cell body" in captured.stderr
    assert "cell body is empty" not in captured.stderr


def test_reopening_a_component_with_data_binds_it_once(shell: InteractiveShell) -> None:
    from jupyter_componentgen.kernel.api import Component

    run_cell(shell, f"%%component hello --code\n{HELLO}")

    reopened = Component("hello", data=[{"x": 1}])

    assert reopened.data == {"data": [{"x": 1}]}


def test_a_cancelled_generation_says_cancelled_once(
    shell: InteractiveShell, llm_env: ScriptedProvider
) -> None:
    """The status line shows the phase ("Cancelled") before the message: the message must not repeat it."""
    llm_env.enqueue(Script(recording("sales_card"), tokens_per_second=60))
    run_cell(shell, f"%%component hello --code --as w\n{HELLO}")
    widget = shell.user_ns["w"]

    run_cell(shell, "%%component hello --no-wait\nA sales card")
    assert llm_env.wait_for(lambda requests: len(requests) == 1)
    widget.cancel()
    widget.wait(timeout=10)

    assert widget.status["phase"] == "cancelled"
    assert widget.status["message"] == "Version 1 is still current."
    assert (widget.version, widget.code) == (1, HELLO)
