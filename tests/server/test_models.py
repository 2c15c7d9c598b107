"""The side panel and models: what GET models offers, which model a panel edit or fix uses when the person
picks none (the component's own), any litellm model string, and key errors worded for the panel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from jupyter_componentgen.engine.routing import Route
from jupyter_componentgen.engine.usage import Usage
from jupyter_componentgen.store import Store
from tests.provider import Script, ScriptedProvider, recording

from .conftest import (
    MODEL,
    Fetch,
    StreamFactory,
    code_between_markers,
    finished,
    generate_request,
    is_event,
    payload,
)

COUNTER = recording("counter_button")
CHOSEN = "openai/gpt-test-mini"


def seed(root: Path, notebook: str, component: str, model: str, kind: str = "chosen") -> None:
    """Version 1 of ``component``, made with ``model`` in a kernel (as %%component --model would)."""
    with Store.for_notebook(root / notebook) as store:
        store.add_version(
            component, code=code_between_markers(COUNTER), prompt="a counter", parent=None, model=model,
            author="llm", usage=Usage(100, 50), latency_ms=900, route=Route(model, kind, "picked"),  # type: ignore[arg-type]
        )  # fmt: skip


def edit(notebook: str, component: str, instruction: str, **fields: Any) -> dict[str, Any]:
    return {**generate_request(notebook, component, instruction), "type": "edit", **fields}


async def test_models_lists_the_configured_ones_and_those_the_notebooks_components_use(
    api: Fetch, server: Any, jp_root_dir: Path, notebook: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(jp_root_dir, notebook, "counter", CHOSEN)
    seed(jp_root_dir, notebook, "table", MODEL, kind="new")
    monkeypatch.delenv("ANTHROPIC_API_KEY")

    models = payload(await api("models", params={"notebook": notebook}))

    assert models["choices"] == [MODEL, "openai/gpt-test-fallback", CHOSEN]
    assert models["component_models"] == {"counter": CHOSEN, "table": MODEL}
    by_name = {entry["model"]: entry for entry in models["models"]}
    assert by_name[CHOSEN] == {
        "model": CHOSEN,
        "roles": [],
        "components": ["counter"],
        "ready": True,
        "variables": ["OPENAI_API_KEY"],
        "problem": None,
    }
    default = by_name[MODEL]
    assert (default["roles"], default["components"], default["ready"]) == (["model"], ["table"], False)
    assert default["variables"] == ["ANTHROPIC_API_KEY"]
    assert "model list" in default["problem"]
    assert "--model" not in default["problem"]
    assert models["any_model"] is True


async def test_a_panel_edit_keeps_the_model_the_component_was_made_with(
    server: Any, llm_env: ScriptedProvider, open_stream: StreamFactory, jp_root_dir: Path, notebook: str
) -> None:
    seed(jp_root_dir, notebook, "counter", CHOSEN)
    llm_env.enqueue(Script(COUNTER.replace("bg-indigo-600", "bg-rose-600"), tokens_per_second=3000))
    client = await open_stream()

    await client.send(edit(notebook, "counter", "make it red"))
    messages = await client.until(finished)

    started = next(m for m in messages if m["type"] == "generation_started")
    assert started["model"] == CHOSEN
    assert [(r.protocol, (r.body or {}).get("model")) for r in llm_env.requests] == [
        ("openai", "gpt-test-mini")
    ]
    statuses = [m["event"] for m in messages if is_event(m, "status")]
    assert {status["model"] for status in statuses} == {CHOSEN}
    assert statuses[-1]["phase"] == "done"
    with Store.for_notebook(jp_root_dir / notebook) as store:
        current = store.current("counter")
        assert current is not None
        assert current.model == CHOSEN


async def test_the_panel_may_ask_any_litellm_model_string_but_not_an_address(
    server: Any, llm_env: ScriptedProvider, open_stream: StreamFactory, jp_root_dir: Path, notebook: str
) -> None:
    seed(jp_root_dir, notebook, "counter", MODEL, kind="new")
    llm_env.enqueue(Script(COUNTER.replace("bg-indigo-600", "bg-rose-600"), tokens_per_second=3000))
    client = await open_stream()

    await client.send(edit(notebook, "counter", "make it red", model="openai/gpt-test-other"))
    await client.until(finished)
    assert (llm_env.requests[-1].body or {}).get("model") == "gpt-test-other"

    await client.send(edit(notebook, "counter", "again", id="2", model="openai/https://collector.invalid/v1"))
    refused = await client.until_type("request_error")
    assert (refused["id"], refused["code"]) == ("2", "bad_model")
    assert "not an address" in refused["message"]


@pytest.mark.parametrize("server_limits", [{"allow_any_model": False}])
async def test_an_administrator_can_limit_the_panel_to_the_models_in_use(
    server: Any, llm_env: ScriptedProvider, open_stream: StreamFactory, jp_root_dir: Path, notebook: str
) -> None:
    seed(jp_root_dir, notebook, "counter", CHOSEN)
    llm_env.enqueue(Script(COUNTER.replace("bg-indigo-600", "bg-rose-600"), tokens_per_second=3000))
    client = await open_stream()

    await client.send(edit(notebook, "counter", "make it red", model="openai/gpt-test-other"))
    refused = await client.until_type("request_error")
    assert refused["code"] == "unknown_model"
    assert CHOSEN in refused["message"], "the refusal names what may be picked"

    await client.send(edit(notebook, "counter", "make it red", id="2", model=CHOSEN))
    assert (await client.until(finished))[-1]["event"]["phase"] == "done"


async def test_a_panel_edit_without_a_key_says_what_to_set_or_pick_in_the_panels_terms(
    *,
    server: Any,
    llm_env: ScriptedProvider,
    open_stream: StreamFactory,
    jp_root_dir: Path,
    notebook: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seed(jp_root_dir, notebook, "counter", MODEL, kind="new")
    for variable in ("ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("ANTHROPIC_CONFIG_DIR", str(jp_root_dir / ".no-anthropic-profiles"))
    client = await open_stream()

    await client.send(edit(notebook, "counter", "make it red"))
    messages = await client.until(finished)

    [error] = [m["event"] for m in messages if is_event(m, "error")]
    assert error["code"] == "no_api_key"
    message = error["message"]
    assert "ANTHROPIC_API_KEY" in message
    assert "Jupyter server" in message
    assert "model list" in message
    for cell_words in ("--model", "%env", "model="):
        assert cell_words not in message, message
    assert llm_env.requests == []
