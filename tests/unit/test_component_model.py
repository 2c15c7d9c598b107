"""A component keeps its model: auto-fix, Fix and edits that name no model use the model the component was
made with (or the one the person last picked for it), never silently the default, and the status line
names no other model."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output

from jupyter_componentgen.config import engine_settings, load_settings
from jupyter_componentgen.engine.generation import Engine, GenerationRequest
from jupyter_componentgen.engine.routing import Route, choose_route
from jupyter_componentgen.engine.usage import Usage
from jupyter_componentgen.store import Store
from tests.provider import Script, ScriptedProvider, recording
from tests.unit.kernel_helpers import CommRecorder, from_view, kernel_side, magic_shell

COUNTER = recording("counter_button")
FAST = 5000.0
CHOSEN = "openai/gpt-test-mini"
DEFAULT = "anthropic/claude-test-default"
CHEAP = "anthropic/claude-test-cheap"


@pytest.fixture
def comms(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[CommRecorder]:
    monkeypatch.setenv("COMPONENTGEN_MODEL", DEFAULT)
    with kernel_side(tmp_path, monkeypatch) as recorder:
        yield recorder


@pytest.fixture
def openai_only(llm_env: ScriptedProvider, monkeypatch: pytest.MonkeyPatch) -> ScriptedProvider:
    """Only the OpenAI key is set: any request to the default (Anthropic) model would fail."""
    for variable in ("ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "ANTHROPIC_BASE_URL"):
        monkeypatch.delenv(variable, raising=False)
    return llm_env


def cell(shell: InteractiveShell, line: str, body: str) -> None:
    with capture_output():
        shell.run_cell_magic("component", line, body)


def asked_models(provider: ScriptedProvider) -> list[str]:
    return [f"{request.protocol}:{(request.body or {}).get('model')}" for request in provider.requests]


def named_models(comms: CommRecorder, widget: Any) -> set[str]:
    """Every model the widget's status line named."""
    return {
        update["status"]["model"] for update in comms.updates(widget) if update.get("status", {}).get("model")
    }


def test_auto_fix_fix_and_cell_edits_keep_the_model_the_cell_chose(
    comms: CommRecorder, openai_only: ScriptedProvider
) -> None:
    variants = [COUNTER.replace("bg-indigo-600", f"bg-indigo-{shade}") for shade in (700, 800, 900)]
    openai_only.enqueue(*(Script(text, tokens_per_second=FAST) for text in [COUNTER, *variants]))
    with magic_shell() as shell:
        cell(shell, f"counter --model {CHOSEN} --as w", "A button that counts clicks")
        widget = shell.user_ns["w"]
        assert widget.version == 1

        # Version 1 fails at render: the automatic fix goes to the same model.
        from_view(
            widget, {"type": "frame_error", "phase": "runtime", "message": "x is undefined", "version": 1}
        )
        widget.wait(10)
        assert widget.version == 2, widget.status

        # Its fix fails too: the Fix button asks by hand, still the same model.
        from_view(
            widget, {"type": "frame_error", "phase": "runtime", "message": "y is undefined", "version": 2}
        )
        from_view(widget, {"type": "fix"})
        widget.wait(10)
        assert widget.version == 3, widget.status

        # An edit from the cell without --model.
        cell(shell, "counter", "Make the button larger")
        assert widget.version == 4, widget.status

    assert asked_models(openai_only) == ["openai:gpt-test-mini"] * 4
    assert [v.model for v in widget.versions] == [CHOSEN] * 4
    assert named_models(comms, widget) == {CHOSEN}, "the status line named a model nobody chose"


def test_a_model_picked_for_an_edit_sticks_to_the_component(
    comms: CommRecorder, llm_env: ScriptedProvider
) -> None:
    edits = [COUNTER.replace("bg-indigo-600", f"bg-indigo-{shade}") for shade in (700, 800)]
    llm_env.enqueue(*(Script(text, tokens_per_second=FAST) for text in [COUNTER, *edits]))
    with magic_shell() as shell:
        cell(shell, "counter --as w", "A button that counts clicks")
        cell(shell, f"counter --model {CHOSEN}", "Make it darker")
        cell(shell, "counter", "Make it darker still")

    assert asked_models(llm_env) == [
        "anthropic:claude-test-default",
        "openai:gpt-test-mini",
        "openai:gpt-test-mini",
    ]


def test_the_cache_finds_a_kept_model_edit_again(comms: CommRecorder, llm_env: ScriptedProvider) -> None:
    """Run All: the second cell (no --model) finds the version it made with the first cell's model."""
    llm_env.enqueue(
        Script(COUNTER, tokens_per_second=FAST), Script(COUNTER.replace("600", "700"), tokens_per_second=FAST)
    )
    with magic_shell() as shell:
        for _ in range(2):
            cell(shell, f"counter --model {CHOSEN} --as w", "A button that counts clicks")
            cell(shell, "counter", "Make it darker")
        widget = shell.user_ns["w"]

    assert len(llm_env.requests) == 2
    assert widget.status["phase"] == "cached"
    assert widget.version == 2


def test_choose_route_keeps_the_components_model() -> None:
    def route(**kwargs: Any) -> Route:
        values: dict[str, Any] = {
            "model": DEFAULT,
            "edit_model": CHEAP,
            "requested_model": None,
            "current_code": "export default function A() { return null; }\n",
            "instruction": "make the title bold",
        }
        return choose_route(**{**values, **kwargs})

    kept = route(component_model=CHOSEN)
    assert (kept.model, kept.kind) == (CHOSEN, "edit")
    assert "made with" in kept.reason
    assert (route(component_model=CHOSEN, fix=True).model, route(component_model=CHOSEN, fix=True).kind) == (
        CHOSEN,
        "fix",
    )
    assert route(component_model=CHOSEN, requested_model="gpt-4.1").model == "gpt-4.1", "a pick wins"
    assert route(component_model=DEFAULT).model == CHEAP, "the default model's components use edit_model"
    assert route(component_model=CHOSEN, current_code=None).model == DEFAULT, "nothing to keep yet"


def test_the_components_model_follows_its_lineage(tmp_path: Path) -> None:
    store = Store.for_notebook(tmp_path / "analysis.ipynb")

    def add(author: Any, route: Route | None, parent: int | None, model: str | None = None) -> int:
        record = store.add_version(
            "card", code="x", prompt="p", parent=parent, model=model or (route.model if route else None),
            author=author, usage=Usage(), latency_ms=None, route=route,
        )  # fmt: skip
        return record.number

    assert store.component_model("card") is None
    add("user", None, None)
    assert store.component_model("card") is None, "written by hand: no model to keep"
    add("llm", Route(CHOSEN, "chosen", "model chosen for this request"), 1)
    add("llm", Route(CHEAP, "edit", "small edit: edit_model"), 2)
    add("user", None, 3)
    assert store.component_model("card") == CHOSEN, "small edits and hand edits defer to their parent"
    add("llm", Route(DEFAULT, "new", "new component: main model"), None)
    assert store.component_model("card") == DEFAULT
    store.set_current("card", 4)
    assert store.component_model("card") == CHOSEN, "a rollback brings the lineage's model back"
    add("llm", None, 4, model="gpt-legacy")
    assert store.component_model("card") == "gpt-legacy", "versions saved before routes were kept"


def test_the_engine_edits_with_the_components_model(tmp_path: Path, llm_env: ScriptedProvider) -> None:
    """As the side panel drives it: a request that names no model."""
    llm_env.enqueue(
        Script(COUNTER, tokens_per_second=FAST), Script(COUNTER.replace("600", "700"), tokens_per_second=FAST)
    )
    settings = load_settings(model=DEFAULT, edit_model=CHEAP, first_token_timeout=2.0, max_retries=0)
    engine = Engine(engine_settings(settings), Store.for_notebook(tmp_path / "analysis.ipynb"))
    asyncio.run(engine.run(GenerationRequest("counter", "A counter", model=CHOSEN), lambda _: None))

    events: list[dict[str, Any]] = []
    outcome = asyncio.run(engine.run(GenerationRequest("counter", "Make it darker"), events.append))

    assert outcome.status == "saved", outcome.error
    assert outcome.version is not None
    assert outcome.version.model == CHOSEN
    assert {event["model"] for event in events if event["type"] == "status"} == {CHOSEN}
