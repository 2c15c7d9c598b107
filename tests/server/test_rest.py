"""REST routes: history, rollback, hand edits, models; metrics. (Their security: test_endpoint_security.py.)"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tornado.httpclient import HTTPClientError

from jupyter_componentgen.engine.usage import Usage
from jupyter_componentgen.store import Store
from tests.provider import Script, ScriptedProvider, recording

from .conftest import MODEL, Fetch, StreamFactory, code_between_markers, generate_request, payload, status_of

COUNTER = recording("counter_button")


def seed_history(root: Path, notebook: str, component: str = "counter", count: int = 2) -> None:
    """Versions written directly to the notebook's store, as the kernel would."""
    with Store.for_notebook(root / notebook) as store:
        parent = None
        for number in range(1, count + 1):
            version = store.add_version(
                component, code=f"// v{number}\n", prompt=f"ask {number}", parent=parent, model=MODEL,
                author="llm", usage=Usage(100, 50), latency_ms=900,
            )  # fmt: skip
            parent = version.number


async def test_components_versions_and_one_version(
    api: Fetch, server: Any, jp_root_dir: Path, notebook: str
) -> None:
    seed_history(jp_root_dir, notebook)

    components = payload(await api("components", params={"notebook": notebook}))
    assert components["notebook"] == notebook
    assert components["active"] == []
    [summary] = components["components"]
    assert (summary["name"], summary["current"], summary["versions"], summary["model"]) == (
        "counter",
        2,
        2,
        MODEL,
    )

    versions = payload(await api("components", "counter", "versions", params={"notebook": notebook}))
    assert versions["current"] == 2
    assert [(v["number"], v["current"]) for v in versions["versions"]] == [(1, False), (2, True)]

    first = payload(await api("components", "counter", "versions", "1", params={"notebook": notebook}))
    assert (first["code"], first["prompt"], first["current"]) == ("// v1\n", "ask 1", False)

    assert await status_of(api("components", "nothing", "versions", params={"notebook": notebook})) == 404
    assert (
        await status_of(api("components", "counter", "versions", "9", params={"notebook": notebook})) == 404
    )


async def test_rollback_then_hand_edit_branches_from_the_rolled_back_version(
    api: Fetch, server: Any, jp_root_dir: Path, notebook: str
) -> None:
    seed_history(jp_root_dir, notebook, count=3)
    query = {"notebook": notebook}

    rolled = payload(await api("components", "counter", "rollback", params=query, body={"version": 1}))
    assert (rolled["number"], rolled["current"]) == (1, True)
    edited = await api("components", "counter", "versions", params=query, body={"code": "// mine\n"})
    assert edited.code == 201
    assert (payload(edited)["number"], payload(edited)["parent"], payload(edited)["author"]) == (4, 1, "user")

    explicit = payload(
        await api("components", "counter", "versions", params=query, body={"code": "// on 2\n", "parent": 2})
    )
    assert (explicit["number"], explicit["parent"]) == (5, 2)
    assert payload(await api("components", "counter", "versions", params=query))["current"] == 5

    for body, expected in [
        ({"version": 99}, 404),
        ({"version": "2"}, 400),
        ({}, 400),
    ]:
        assert await status_of(api("components", "counter", "rollback", params=query, body=body)) == expected
    for body, expected in [
        ({"code": ""}, 400),
        ({"code": 3}, 400),
        ({"code": "x", "parent": 99}, 404),
        ({"code": "x" * 300_000}, 413),
    ]:
        assert await status_of(api("components", "counter", "versions", params=query, body=body)) == expected
    assert (
        await status_of(api("components", "counter", "rollback", params=query, method="POST", body="{"))
        == 400
    )


async def test_a_hand_edit_is_saved_repaired_and_lists_its_repairs(
    api: Fetch, server: Any, jp_root_dir: Path, notebook: str
) -> None:
    seed_history(jp_root_dir, notebook, count=1)
    query = {"notebook": notebook}
    edit = '"use client"\nexport function Counter() {\n  return <p>{React.version}</p>;\n}\n'

    saved = await api("components", "counter", "versions", params=query, body={"code": edit})

    assert saved.code == 201
    version = payload(saved)
    assert version["code"] == (
        'import React from "react";\nexport function Counter() {\n  return <p>{React.version}</p>;\n}\n'
        "\nexport default Counter;\n"
    )
    assert version["repairs"] == [
        'removed the `"use client"` directive',
        'added `import React from "react"`',
        "added `export default Counter`",
    ]
    listed = payload(await api("components", "counter", "versions", params=query))["versions"]
    assert [v["repairs"] for v in listed] == [[], version["repairs"]]
    plain = payload(await api("components", "counter", "versions", params=query, body={"code": "// mine\n"}))
    assert (plain["code"], plain["repairs"]) == ("// mine\n", [])


async def test_a_hand_edit_that_breaks_a_static_rule_is_refused_with_its_findings(
    api: Fetch, server: Any, jp_root_dir: Path, notebook: str
) -> None:
    seed_history(jp_root_dir, notebook, count=1)
    query = {"notebook": notebook}
    edit = 'export default function Leak() {\n  fetch("https://example.invalid");\n  return <p>x</p>;\n}\n'

    with pytest.raises(HTTPClientError) as refused:
        await api("components", "counter", "versions", params=query, body={"code": edit})

    assert refused.value.code == 422
    assert refused.value.response is not None
    body = json.loads(refused.value.response.body)
    assert body["reason"] == "blocked"
    assert [(f["rule"], f["line"]) for f in body["findings"]] == [("banned-api", 2)]
    assert "fetch" in body["message"]
    listed = payload(await api("components", "counter", "versions", params=query))["versions"]
    assert len(listed) == 1, "nothing was saved"


async def test_hand_edit_waits_for_a_running_generation(
    api: Fetch, server: Any, llm_env: ScriptedProvider, open_stream: StreamFactory, notebook: str
) -> None:
    llm_env.enqueue(Script(COUNTER, tokens_per_second=40))
    client = await open_stream()
    await client.send(generate_request(notebook, "counter", "a counter", id="1"))
    await client.until(lambda m: m["type"] == "event")
    query = {"notebook": notebook}
    assert await status_of(api("components", "counter", "versions", params=query, body={"code": "x"})) == 409
    assert await status_of(api("components", "counter", "rollback", params=query, body={"version": 1})) == 409


async def test_models_lists_the_configured_choices(api: Fetch, server: Any) -> None:
    models = payload(await api("models"))
    assert {key: models[key] for key in ("model", "edit_model", "fallback_models", "choices")} == {
        "model": MODEL,
        "edit_model": None,
        "fallback_models": ["openai/gpt-test-fallback"],
        "choices": [MODEL, "openai/gpt-test-fallback"],
    }
    assert [(m["model"], m["roles"]) for m in models["models"]] == [
        (MODEL, ["model"]),
        ("openai/gpt-test-fallback", ["fallback"]),
    ]
    assert models["component_models"] == {}


async def test_metrics_are_served_on_the_server_metrics_route(
    jp_fetch: Any, server: Any, llm_env: ScriptedProvider, open_stream: StreamFactory, notebook: str
) -> None:
    llm_env.enqueue(Script(COUNTER, tokens_per_second=3000, input_tokens=1234))
    client = await open_stream()
    await client.send(generate_request(notebook, "counter", "a counter", id="1"))
    updated = await client.until_type("component_updated")
    assert updated["code"] == code_between_markers(COUNTER)

    text = (await jp_fetch("metrics")).body.decode()
    for name in (
        'componentgen_generations_total{outcome="saved"}',
        "componentgen_time_to_first_token_seconds_count",
        "componentgen_time_to_first_preview_seconds_count",
        f'componentgen_tokens_total{{kind="input",model="{MODEL}"}}',
        "componentgen_active_generations",
        "componentgen_queued_generations",
    ):
        assert name in text, name
