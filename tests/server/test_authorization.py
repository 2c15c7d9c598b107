"""Authorization on the "componentgen" resource: a read-only user can watch but not generate or change."""

from __future__ import annotations

from typing import Any

import pytest
from jupyter_server.auth import Authorizer

from .conftest import Fetch, StreamFactory, status_of
from .test_rest import seed_history


class ReadOnlyComponentgen(Authorizer):
    """Allows everything except writing (generating, cancelling, rolling back, saving) component history."""

    def is_authorized(self, handler: Any, user: Any, action: str, resource: str) -> bool:
        return not (resource == "componentgen" and action != "read")


@pytest.fixture
def jp_server_config(jp_server_config: dict[str, Any]) -> dict[str, Any]:
    jp_server_config["ServerApp"]["authorizer_class"] = ReadOnlyComponentgen
    return jp_server_config


async def test_a_read_only_user_can_watch_but_not_generate_or_change_history(
    server: Any, api: Fetch, open_stream: StreamFactory, jp_root_dir: Any, notebook: str
) -> None:
    seed_history(jp_root_dir, notebook)
    query = {"notebook": notebook}
    assert (await api("components", params=query)).code == 200
    assert await status_of(api("components", "counter", "rollback", params=query, body={"version": 1})) == 403
    assert await status_of(api("components", "counter", "versions", params=query, body={"code": "x"})) == 403

    client = await open_stream()
    await client.send({"type": "subscribe", "notebook": notebook})
    assert (await client.receive())["type"] == "subscribed"
    await client.send(
        {"type": "generate", "id": "g", "notebook": notebook, "component": "counter", "instruction": "more"}
    )
    refused = await client.receive()
    assert (refused["type"], refused["id"], refused["code"]) == ("request_error", "g", "forbidden")
    await client.send({"type": "cancel", "generation": "whatever"})
    assert (await client.receive())["code"] == "forbidden"
