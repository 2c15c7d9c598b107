"""History on disk: it survives a server restart and follows notebooks renamed or moved in JupyterLab."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from jupyter_server.serverapp import ServerApp
from jupyter_server.utils import url_path_join
from tornado.httpclient import AsyncHTTPClient
from tornado.httpserver import HTTPServer
from tornado.testing import bind_unused_port

from jupyter_componentgen.store import Store
from tests.provider import Script, ScriptedProvider, recording

from .conftest import (
    Fetch,
    StreamFactory,
    code_between_markers,
    componentgen_service,
    generate_request,
    payload,
    status_of,
)
from .test_rest import seed_history

COUNTER = recording("counter_button")


async def eventually(check: Callable[[], Awaitable[bool]], seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not await check():
        assert time.monotonic() < deadline, "the condition did not become true in time"
        await asyncio.sleep(0.05)


async def versions_of(api: Fetch, notebook: str, component: str = "counter") -> list[dict[str, Any]] | None:
    response = api("components", component, "versions", params={"notebook": notebook})
    if await status_of(response) != 200:
        return None
    return list(
        payload(await api("components", component, "versions", params={"notebook": notebook}))["versions"]
    )


async def rename(jp_fetch: Any, old: str, new: str) -> None:
    await jp_fetch("api", "contents", old, method="PATCH", body=json.dumps({"path": new}))


async def test_history_survives_a_server_restart(
    *,
    server: Any,
    llm_env: ScriptedProvider,
    open_stream: StreamFactory,
    notebook: str,
    jp_configurable_serverapp: Any,
    jp_server_config: dict[str, Any],
    jp_base_url: str,
) -> None:
    llm_env.enqueue(Script(COUNTER, tokens_per_second=3000))
    client = await open_stream()
    await client.send(generate_request(notebook, "counter", "a counter", id="1"))
    await client.until_type("component_updated")
    client.close()
    await componentgen_service(server).manager.shutdown()
    await server._cleanup()
    ServerApp.clear_instance()

    restarted = jp_configurable_serverapp(config=jp_server_config)
    sock, port = bind_unused_port()
    http_server = HTTPServer(restarted.web_app)
    http_server.add_socket(sock)
    try:
        path = url_path_join(jp_base_url, "componentgen/api/components/counter/versions")
        response = await AsyncHTTPClient().fetch(
            f"http://127.0.0.1:{port}{path}?notebook={notebook}",
            headers={"Authorization": f"token {restarted.identity_provider.token}"},
        )
        versions = json.loads(response.body)
        assert versions["current"] == 1
        assert versions["versions"][0]["code"] == code_between_markers(COUNTER)
    finally:
        http_server.stop()


async def test_history_follows_a_rename_in_the_same_folder(
    *, server: Any, api: Fetch, jp_fetch: Any, open_stream: StreamFactory, jp_root_dir: Path, notebook: str
) -> None:
    seed_history(jp_root_dir, notebook, count=3)
    before = await versions_of(api, notebook)
    watcher = await open_stream()
    await watcher.send({"type": "subscribe", "notebook": notebook})
    await watcher.until_type("subscribed")

    await rename(jp_fetch, notebook, "renamed.ipynb")

    async def moved() -> bool:
        return await versions_of(api, "renamed.ipynb") == before

    await eventually(moved)
    assert await status_of(api("components", params={"notebook": notebook})) == 404
    # The subscription followed the notebook too.
    await api(
        "components", "counter", "versions", params={"notebook": "renamed.ipynb"}, body={"code": "// 4\n"}
    )
    await watcher.until_type("version_saved")
    updated = await watcher.until_type("component_updated")
    assert (updated["notebook"], updated["version"]) == ("renamed.ipynb", 4)


async def test_history_follows_a_move_to_another_folder(
    server: Any, api: Fetch, jp_fetch: Any, jp_root_dir: Path, notebook: str
) -> None:
    seed_history(jp_root_dir, notebook, count=2)
    before = await versions_of(api, notebook)
    (jp_root_dir / "sub").mkdir()

    await rename(jp_fetch, notebook, "sub/moved.ipynb")

    async def moved() -> bool:
        return await versions_of(api, "sub/moved.ipynb") == before

    await eventually(moved)
    assert (jp_root_dir / "sub" / ".componentgen" / "history.sqlite").exists()
    with Store(jp_root_dir / ".componentgen" / "history.sqlite", notebook) as old_home:
        assert old_home.components() == [], "the history moved rather than being copied"


async def test_a_rename_during_a_generation_waits_for_it_and_keeps_its_version(
    *,
    server: Any,
    api: Fetch,
    jp_fetch: Any,
    llm_env: ScriptedProvider,
    open_stream: StreamFactory,
    notebook: str,
) -> None:
    llm_env.enqueue(Script(COUNTER, tokens_per_second=200))
    client = await open_stream()
    await client.send(generate_request(notebook, "counter", "a counter", id="1"))
    await client.until(lambda m: m["type"] == "event" and m["event"]["type"] == "content_block_delta")

    await rename(jp_fetch, notebook, "renamed.ipynb")
    saved = await client.until_type("version_saved", seconds=30)
    assert saved["version"] == 1

    async def moved() -> bool:
        versions = await versions_of(api, "renamed.ipynb")
        return versions is not None and versions[-1]["code"] == code_between_markers(COUNTER)

    await eventually(moved)
