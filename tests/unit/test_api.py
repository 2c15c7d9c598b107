"""The Python API (generate, Component), the wait policy and kernel interrupts, against the scripted provider."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from ipykernel.kernelbase import Kernel
from IPython.core.interactiveshell import InteractiveShell
from traitlets.config import Config

import jupyter_componentgen
from jupyter_componentgen.kernel import runner as kernel_runner
from jupyter_componentgen.kernel.api import Component, generate
from jupyter_componentgen.kernel.context import get_context
from jupyter_componentgen.kernel.interrupt import IdleInterruptHandler
from jupyter_componentgen.kernel.runner import should_block
from jupyter_componentgen.store import Store
from tests.provider import Script, ScriptedProvider, recording
from tests.unit.kernel_helpers import CommRecorder, code_between_markers, kernel_side

COUNTER = recording("counter_button")
GREEN = COUNTER.replace("bg-indigo-600", "bg-green-600")
FAST = 5000.0
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def comms(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[CommRecorder]:
    with kernel_side(tmp_path, monkeypatch) as recorder:
        yield recorder


def test_generate_in_a_plain_script_blocks_and_returns_the_finished_component(
    tmp_path: Path, llm_env: ScriptedProvider
) -> None:
    llm_env.enqueue(Script(COUNTER, tokens_per_second=FAST))
    script = textwrap.dedent(
        """
        import sys
        import jupyter_componentgen
        from jupyter_componentgen import Component, generate

        heavy = {"litellm", "anthropic", "jupyter_server"} & set(sys.modules)
        print("heavy after import:", sorted(heavy))
        # The kernel only passes the built front end through; this checkout may not have built it.
        import jupyter_componentgen.kernel.runtime_model as widget_module
        widget_module._asset = lambda name: "export default {};"

        card = generate("A button that counts clicks", name="counter")
        print("result:", card.version, card.status["phase"], repr(card.code[:6]))
        """
    )
    env = {**os.environ, "PYTHONPATH": str(REPO), "COMPONENTGEN_MAX_RETRIES": "0"}
    env.pop("JPY_SESSION_NAME", None)
    done = subprocess.run(
        [sys.executable, "-c", script],
        check=False,
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert done.returncode == 0, done.stderr
    assert "heavy after import: []" in done.stdout
    assert "result: 1 done 'import'" in done.stdout
    store = Store.for_notebook(tmp_path / "untitled.ipynb")
    current = store.current("counter")
    assert current is not None
    assert current.code == code_between_markers(COUNTER)


def test_generate_edit_versions_rollback_and_reopen(comms: CommRecorder, llm_env: ScriptedProvider) -> None:
    llm_env.enqueue(Script(COUNTER, tokens_per_second=FAST), Script(GREEN, tokens_per_second=FAST))

    card = generate("A button that counts clicks", name="counter")
    assert (card.version, card.code) == (1, code_between_markers(COUNTER))

    assert card.edit("Make it green") is None
    assert (card.version, card.code) == (2, code_between_markers(GREEN))
    assert [(v.number, v.parent, v.author) for v in card.versions] == [(1, None, "llm"), (2, 1, "llm")]

    card.rollback(1)
    assert (card.version, card.code) == (1, code_between_markers(COUNTER))
    assert get_context().store.current("counter") == card.versions[0]
    assert comms.updates(card)[-1]["code"] == card.code, "a rollback sends the code: the view lacks it"

    llm_env.enqueue(Script(GREEN.replace("gap-4", "gap-8"), tokens_per_second=FAST))
    card.edit("More space")
    assert [(v.number, v.parent) for v in card.versions] == [(1, None), (2, 1), (3, 1)], "an edit branches"

    reopened = Component("counter")
    assert reopened is not card
    assert (reopened.version, reopened.code) == (3, card.code)
    with pytest.raises(LookupError, match=r"No component named 'nope'.*counter"):
        Component("nope")
    with pytest.raises(ValueError, match="not a usable component name"):
        generate("x", name="has space")


def test_generate_without_a_name_picks_a_new_one(comms: CommRecorder, llm_env: ScriptedProvider) -> None:
    llm_env.enqueue(Script(COUNTER, tokens_per_second=FAST), Script(COUNTER, tokens_per_second=FAST))

    first = generate("Counter button, blue!")
    second = generate("Counter button, blue!")

    assert (first.name, second.name) == ("counter_button_blue", "counter_button_blue_2")
    assert first.version == second.version == 1


def test_wait_false_returns_at_once_and_cancel_keeps_the_version(
    comms: CommRecorder, llm_env: ScriptedProvider
) -> None:
    llm_env.enqueue(
        Script(COUNTER, tokens_per_second=FAST), Script(recording("sales_card"), tokens_per_second=60)
    )
    card = generate("A counter", name="counter")

    started = time.monotonic()
    same = generate("A sales card", name="counter", wait=False)

    assert same is card
    assert time.monotonic() - started < 0.5
    assert card.generating
    assert llm_env.wait_for(lambda requests: len(requests) == 2)
    assert card.cancel() is True
    outcome = card.wait(timeout=10)
    assert outcome is not None
    assert outcome.status == "cancelled"
    assert card.wait() is outcome, "wait() with nothing running returns the last outcome"
    assert card.cancel() is False
    assert (card.version, card.code) == (1, code_between_markers(COUNTER))


def test_a_failed_generation_in_a_script_says_what_to_do(
    comms: CommRecorder, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for variable in ("ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "ANTHROPIC_BASE_URL"):
        monkeypatch.delenv(variable, raising=False)

    card = generate("A counter", name="counter")

    assert card.version == 0
    assert card.status["phase"] == "error"
    assert card.error is not None
    assert "ANTHROPIC_API_KEY" in card.error["message"]
    assert "counter: " in capsys.readouterr().err


class _FakeKernel:
    """Just the part of ipykernel's Kernel that saves and restores SIGINT around each request."""

    pre_handler_hook = Kernel.pre_handler_hook
    post_handler_hook = Kernel.post_handler_hook


@pytest.fixture
def kernel_shell(comms: CommRecorder, monkeypatch: pytest.MonkeyPatch) -> Iterator[_FakeKernel]:
    config = Config()
    config.HistoryManager.enabled = False
    shell = InteractiveShell.instance(config=config)
    kernel = _FakeKernel()
    monkeypatch.setattr(shell, "kernel", kernel, raising=False)
    original = signal.getsignal(signal.SIGINT)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # what ipykernel's kernel app installs for idle times
    try:
        yield kernel
    finally:
        signal.signal(signal.SIGINT, original)


def _interrupt() -> None:
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(0.05)  # the handler runs on the main thread at its next bytecode


def test_kernel_interrupt_while_idle_cancels_generations_and_busy_cells_still_stop(
    kernel_shell: _FakeKernel, llm_env: ScriptedProvider
) -> None:
    llm_env.enqueue(Script(recording("sales_card"), tokens_per_second=60))
    kernel_shell.pre_handler_hook()  # the execute request of the cell that starts the generation
    card = generate("A sales card", name="sales", wait=False)
    kernel_shell.post_handler_hook()  # the cell ended: the kernel is idle with our handler
    assert isinstance(signal.getsignal(signal.SIGINT), IdleInterruptHandler)
    assert llm_env.wait_for(lambda requests: len(requests) == 1)

    _interrupt()

    outcome = card.wait(timeout=10)
    assert outcome is not None
    assert outcome.status == "cancelled"
    assert card.status["phase"] == "cancelled"
    _interrupt()  # idle with nothing running: nothing happens (no KeyboardInterrupt)
    kernel_shell.pre_handler_hook()  # a busy cell keeps the usual KeyboardInterrupt
    with pytest.raises(KeyboardInterrupt):
        _interrupt()
    kernel_shell.post_handler_hook()
    assert isinstance(signal.getsignal(signal.SIGINT), IdleInterruptHandler)


def test_interrupting_a_blocking_generate_cancels_it(
    kernel_shell: _FakeKernel, llm_env: ScriptedProvider, comms: CommRecorder
) -> None:
    llm_env.enqueue(Script(recording("sales_card"), tokens_per_second=60))
    kernel_shell.pre_handler_hook()
    signal.setitimer(signal.ITIMER_REAL, 0.6)
    previous = signal.signal(signal.SIGALRM, lambda *_: os.kill(os.getpid(), signal.SIGINT))
    try:
        card = generate("A sales card", name="sales", wait=True)
    finally:
        signal.signal(signal.SIGALRM, previous)
        kernel_shell.post_handler_hook()

    assert card.status["phase"] == "cancelled"
    assert card.version == 0


# Where the code runs: (inside a kernel?, JPY_SESSION_NAME set?, VS Code?, Colab?)
PLACES = {
    "script": (False, False, False, False),  # or a terminal IPython: nothing could show the stream
    "script started from a notebook": (False, True, False, False),
    "nbclient": (True, False, False, False),  # also papermill
    "jupyter-server": (True, True, False, False),
    "vscode": (True, False, True, False),
    "colab": (True, False, False, True),
}


@pytest.mark.parametrize(
    ("policy", "wait", "place", "expected"),
    [
        ("auto", None, "script", True),
        ("auto", None, "script started from a notebook", True),
        ("auto", None, "nbclient", True),
        ("auto", None, "jupyter-server", False),
        ("auto", None, "vscode", False),
        ("auto", None, "colab", False),
        ("never", None, "nbclient", False),
        ("never", None, "script", True),  # a script would never see the result
        ("always", None, "jupyter-server", True),
        ("auto", True, "jupyter-server", True),
        ("always", False, "script", False),
    ],
)
def test_wait_policy(
    policy: Any, wait: bool | None, place: str, expected: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    kernel, session, vscode, colab = PLACES[place]
    monkeypatch.setattr(kernel_runner, "in_kernel", lambda: kernel)
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    if session:
        monkeypatch.setenv("JPY_SESSION_NAME", "analysis.ipynb")
    if colab:
        monkeypatch.setitem(sys.modules, "google.colab", ModuleType("google.colab"))
    else:
        monkeypatch.delitem(sys.modules, "google.colab", raising=False)
    user_ns = {"__vsc_ipynb_file__": "/nb/analysis.ipynb"} if vscode else {}

    assert should_block(policy, wait, user_ns) is expected


def test_package_entry_points() -> None:
    assert jupyter_componentgen._jupyter_labextension_paths() == [
        {"src": "labextension", "dest": "jupyter-componentgen"}
    ]
    from jupyter_componentgen.server import ComponentGenExtension

    assert jupyter_componentgen._jupyter_server_extension_points() == [
        {"module": "jupyter_componentgen.server", "app": ComponentGenExtension}
    ]
    assert jupyter_componentgen.Component is Component
    assert issubclass(Component, jupyter_componentgen.ComponentWidget)
    assert jupyter_componentgen.__version__
