"""The REST routes' real bodies follow schema/rest.schema.json: every reply the side panel reads, the
request bodies it sends, and the error replies."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from referencing import Registry, Resource
from tornado.httpclient import HTTPClientError

from jupyter_componentgen.engine.usage import Usage
from jupyter_componentgen.resources import load_schema, resource_dir
from jupyter_componentgen.store import Store
from tests.provider import Script, ScriptedProvider, recording

from .conftest import Fetch, StreamFactory, generate_request, payload
from .test_rest import seed_history

REST_ID = load_schema("rest")["$id"]
# rest.schema.json refers to ws, events and version.schema.json by their $id.
REGISTRY: Registry[Any] = Registry().with_resources(
    (schema["$id"], Resource.from_contents(schema))
    for schema in (
        load_schema(path.name.removesuffix(".schema.json"))
        for path in resource_dir("schema").glob("*.schema.json")
    )
)


def check(definition: str, body: Any) -> None:
    """Fails, saying where, when ``body`` does not follow rest.schema.json's ``definition``."""
    schema = {"$ref": f"{REST_ID}#/$defs/{definition}"}
    jsonschema.Draft202012Validator(schema, registry=REGISTRY).validate(body)


async def refusal(api: Fetch, *parts: str, **kwargs: Any) -> tuple[int, Any]:
    with pytest.raises(HTTPClientError) as refused:
        await api(*parts, **kwargs)
    assert refused.value.response is not None
    return refused.value.code, json.loads(refused.value.response.body)


def test_the_rest_schema_is_a_valid_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(load_schema("rest"))


async def test_the_lists_and_versions_follow_the_schema(
    api: Fetch, server: Any, jp_root_dir: Path, notebook: str
) -> None:
    seed_history(jp_root_dir, notebook, count=2)
    with Store.for_notebook(jp_root_dir / notebook) as store:
        store.add_draft(
            "draft_only", code="export default", prompt="a chart", parent=None, model="m",
            error_code="cancelled", error_message="Cancelled.", usage=Usage(),
        )  # fmt: skip
    query = {"notebook": notebook}

    components = payload(await api("components", params=query))
    check("components_reply", components)
    assert {c["name"]: c["has_version"] for c in components["components"]} == {
        "counter": True,
        "draft_only": False,
    }
    check("versions_reply", payload(await api("components", "counter", "versions", params=query)))
    check("version_reply", payload(await api("components", "counter", "versions", "1", params=query)))
    check("models_reply", payload(await api("models")))
    check("models_reply", payload(await api("models", params=query)))


async def test_a_running_generation_is_listed_and_refuses_edits_as_the_schema_says(
    api: Fetch, server: Any, notebook: str, llm_env: ScriptedProvider, open_stream: StreamFactory
) -> None:
    llm_env.enqueue(Script(recording("counter_button"), tokens_per_second=40))
    client = await open_stream()
    await client.send(generate_request(notebook, "counter", "a counter"))
    await client.until(lambda m: m["type"] == "event")
    query = {"notebook": notebook}

    components = payload(await api("components", params=query))
    check("components_reply", components)
    assert [active["component"] for active in components["active"]] == ["counter"]
    status, body = await refusal(api, "components", "counter", "versions", params=query, body={"code": "x"})
    assert status == 409
    check("error_reply", body)


async def test_hand_edits_and_rollbacks_follow_the_schema_both_ways(
    api: Fetch, server: Any, jp_root_dir: Path, notebook: str
) -> None:
    seed_history(jp_root_dir, notebook, count=2)
    query = {"notebook": notebook}
    # What the panel's RestClient sends: the code and the version the edit started from (null: current).
    edit = {"code": "export default function Counter() {\n  return <p>mine</p>;\n}\n", "parent": None}
    rollback = {"version": 1}
    check("save_code_request", edit)
    check("rollback_request", rollback)

    saved = await api("components", "counter", "versions", params=query, body=edit)
    assert saved.code == 201
    check("version_reply", payload(saved))
    check(
        "version_reply", payload(await api("components", "counter", "rollback", params=query, body=rollback))
    )


async def test_refusals_follow_the_schema(api: Fetch, server: Any, jp_root_dir: Path, notebook: str) -> None:
    seed_history(jp_root_dir, notebook, count=1)
    query = {"notebook": notebook}
    leak = 'export default function Leak() {\n  fetch("https://example.invalid");\n  return <p>x</p>;\n}\n'

    status, body = await refusal(api, "components", "counter", "versions", params=query, body={"code": leak})
    assert status == 422
    check("blocked_reply", body)

    for parts, kwargs, expected in [
        (("components", "nothing", "versions"), {"params": query}, 404),
        (("components", "counter", "versions", "9"), {"params": query}, 404),
        (("components", "counter", "rollback"), {"params": query, "body": {"version": "2"}}, 400),
        (("components", "counter", "versions"), {"params": query, "body": {"code": ""}}, 400),
        (("components",), {"params": {"notebook": "../outside.ipynb"}}, None),
    ]:
        status, body = await refusal(api, *parts, **kwargs)
        assert expected is None or status == expected, (parts, status)
        check("error_reply", body)
