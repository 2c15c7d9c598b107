"""Every provider fault through ``%%component`` in a real IPython shell (no front end, so the cell blocks)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output

from tests.provider import Script, ScriptedProvider
from tests.unit.kernel_helpers import kernel_side, magic_shell

from .cases import CASES, CODE, COUNTER, FAST, FIRST_TOKEN_TIMEOUT, IDLE_TIMEOUT, IDS, FaultCase

MODEL = "anthropic/claude-test-main"
FALLBACK = "anthropic/claude-test-fallback"


@pytest.fixture
def shell(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[InteractiveShell]:
    with kernel_side(tmp_path, monkeypatch):
        for option, value in {
            "MODEL": MODEL,
            "FIRST_TOKEN_TIMEOUT": str(FIRST_TOKEN_TIMEOUT),
            "IDLE_TIMEOUT": str(IDLE_TIMEOUT),
            "TOTAL_TIMEOUT": "20",
        }.items():
            monkeypatch.setenv(f"COMPONENTGEN_{option}", value)
        with magic_shell() as ip:
            yield ip


@pytest.mark.parametrize("fallback", [False, True], ids=["alone", "fallback"])
@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_fault_in_the_cell_magic(
    case: FaultCase,
    fallback: bool,
    shell: InteractiveShell,
    llm_env: ScriptedProvider,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COMPONENTGEN_FALLBACK_MODELS", FALLBACK if fallback else "")
    llm_env.enqueue(*case.scripts, Script(COUNTER, tokens_per_second=FAST))

    with capture_output() as captured:
        shell.run_cell_magic("component", "counter --as w", "A button that counts clicks")
    ended_at = time.time()

    widget = shell.user_ns["w"]
    assert ended_at - llm_env.requests[0].received_at <= case.expected_bound(fallback) + 0.5
    assert len(llm_env.requests) == case.expected_requests(fallback)
    if case.outcome(fallback) == "saved":
        assert widget.status["phase"] == "done"
        assert (widget.version, widget.code) == (1, CODE)
        assert widget.versions[0].model == (FALLBACK if fallback and case.before_first_token else MODEL)
    else:
        assert widget.status["phase"] == "error"
        assert widget.version == 0
        assert widget.versions == []
        assert widget.error is not None
        assert "counter:" in captured.stderr, "with no front end the failure is printed"
