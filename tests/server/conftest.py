"""A jupyter-server with the componentgen extension (pytest-jupyter), pointed at the scripted provider,
and a WebSocket client that checks every server message against schema/ws.schema.json."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import jsonschema
import nbformat
import pytest
from jupyter_server.utils import url_path_join
from tornado.httpclient import HTTPClientError, HTTPRequest, HTTPResponse
from tornado.websocket import WebSocketClientConnection, websocket_connect

from jupyter_componentgen.resources import load_schema
from jupyter_componentgen.server.service import ComponentGenService
from tests.provider import ScriptedProvider

from .jupyter_fixtures import *  # noqa: F403  (pytest-jupyter's fixtures, without its hooks)

MODEL = "anthropic/claude-test-model"
NOTEBOOK = "analysis.ipynb"
Message = dict[str, Any]


@pytest.fixture
async def jp_asyncio_loop() -> asyncio.AbstractEventLoop:
    """pytest-jupyter's server runs on the loop pytest-asyncio gives each test."""
    return asyncio.get_running_loop()


@pytest.fixture
def server_limits() -> dict[str, Any]:
    """``c.ComponentGenExtension`` options; override in a test module to change the server's limits."""
    return {}


@pytest.fixture
def jp_server_config(server_limits: dict[str, Any]) -> dict[str, Any]:
    return {
        "ServerApp": {"jpserver_extensions": {"jupyter_componentgen": True}},
        "ComponentGen": {
            "model": MODEL,
            "edit_model": "",
            "fallback_models": ["openai/gpt-test-fallback"],
            "first_token_timeout": 5.0,
            "idle_timeout": 5.0,
            "total_timeout": 60.0,
            "max_retries": 0,
        },
        "ComponentGenExtension": server_limits,
    }


@pytest.fixture
def notebook(jp_root_dir: Path) -> str:
    """An empty notebook at the root; its API path."""
    (jp_root_dir / NOTEBOOK).write_text(nbformat.writes(nbformat.v4.new_notebook()), encoding="utf-8")
    return NOTEBOOK


def componentgen_service(serverapp: Any) -> ComponentGenService:
    """The extension's shared objects, found through its routes (the handlers receive them explicitly)."""
    routers = [serverapp.web_app.default_router]
    while routers:
        for rule in routers.pop().rules:
            service = rule.target_kwargs.get("service")
            if isinstance(service, ComponentGenService):
                return service
            if hasattr(rule.target, "rules"):
                routers.append(rule.target)
    raise LookupError("the componentgen server extension is not loaded")


@pytest.fixture
async def server(jp_serverapp: Any, llm_env: ScriptedProvider) -> AsyncIterator[Any]:
    """The running server app, with provider keys and URLs pointing at the scripted provider.

    Generations still running when a test ends are cancelled before the server and its loop go away.
    """
    yield jp_serverapp
    await componentgen_service(jp_serverapp).manager.shutdown()


class StreamClient:
    """The client side of componentgen/api/stream, validating every message the server sends."""

    WS = jsonschema.Draft202012Validator(load_schema("ws"))
    EVENTS = jsonschema.Draft202012Validator(load_schema("events"))

    def __init__(self, connection: WebSocketClientConnection) -> None:
        self.connection = connection
        self.received: list[Message] = []

    async def send(self, message: Any) -> None:
        """A JSON value, or a str sent as is (to test malformed frames)."""
        await self.connection.write_message(message if isinstance(message, str) else json.dumps(message))

    async def receive(self, seconds: float = 10.0) -> Message:
        text = await asyncio.wait_for(self.connection.read_message(), seconds)
        if text is None:
            raise ConnectionError("the server closed the stream socket")
        message: Message = json.loads(text)
        self.WS.validate(message)
        if message["type"] == "event":
            self.EVENTS.validate(message["event"])
        self.received.append(message)
        return message

    async def until(self, predicate: Callable[[Message], bool], seconds: float = 15.0) -> list[Message]:
        """Messages received up to and including the first one matching ``predicate``."""
        deadline = time.monotonic() + seconds
        seen: list[Message] = []
        while True:
            message = await self.receive(max(0.01, deadline - time.monotonic()))
            seen.append(message)
            if predicate(message):
                return seen

    async def until_type(self, kind: str, seconds: float = 15.0) -> Message:
        return (await self.until(lambda m: m["type"] == kind, seconds))[-1]

    def close(self) -> None:
        self.connection.close()


def is_event(message: Message, kind: str, **fields: Any) -> bool:
    if message["type"] != "event" or message["event"]["type"] != kind:
        return False
    return all(message["event"].get(name) == value for name, value in fields.items())


def finished(message: Message) -> bool:
    """The last event of a generation: status done, cached, error or cancelled."""
    return is_event(message, "status") and message["event"]["phase"] in (
        "done",
        "cached",
        "error",
        "cancelled",
    )


def streamed_code(messages: list[Message]) -> str:
    return "".join(m["event"]["text"] for m in messages if is_event(m, "content_block_delta"))


def code_between_markers(text: str) -> str:
    body = text.split("/// START", 1)[1].split("\n", 1)[1]
    return body.split("/// END", 1)[0]


StreamFactory = Callable[..., Awaitable[StreamClient]]


@pytest.fixture
def open_stream(
    jp_serverapp: Any, http_server: Any, jp_http_port: int, jp_base_url: str, jp_auth_header: dict[str, str]
) -> StreamFactory:
    """Opens componentgen/api/stream on 127.0.0.1 (the host the REST client uses, so cookies carry over)."""

    async def connect(headers: dict[str, str] | None = None) -> StreamClient:
        url = f"ws://127.0.0.1:{jp_http_port}{url_path_join(jp_base_url, 'componentgen/api/stream')}"
        request = HTTPRequest(url, headers={**jp_auth_header, **(headers or {})}, connect_timeout=30)
        return StreamClient(await websocket_connect(request))

    return connect


Fetch = Callable[..., Awaitable[HTTPResponse]]


@pytest.fixture
def api(jp_fetch: Any) -> Fetch:
    """``api("components", params=...)``: a request to componentgen/api/..., JSON bodies encoded."""

    async def fetch(*parts: str, body: Any = None, **kwargs: Any) -> HTTPResponse:
        if body is not None:
            kwargs.setdefault("method", "POST")
            kwargs["body"] = json.dumps(body)
        response: HTTPResponse = await jp_fetch("componentgen", "api", *parts, **kwargs)
        return response

    return fetch


async def status_of(request: Awaitable[HTTPResponse]) -> int:
    """The HTTP status of a request that may fail."""
    try:
        return (await request).code
    except HTTPClientError as error:
        return error.code


def payload(response: HTTPResponse) -> Any:
    return json.loads(response.body)


def generate_request(notebook: str, component: str, instruction: str, *, id: str = "1") -> Message:
    """A ``generate`` message for the stream socket (schema/ws.schema.json)."""
    return {
        "type": "generate",
        "id": id,
        "notebook": notebook,
        "component": component,
        "instruction": instruction,
    }
