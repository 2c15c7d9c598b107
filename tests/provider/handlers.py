"""The aiohttp request handlers: answer each provider request from the next script, recording everything."""

from __future__ import annotations

import asyncio
import json
import socket
import struct
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from aiohttp import web

from .anthropic_wire import AnthropicWire
from .openai_wire import OpenAIWire
from .recorded import RecordedRequest
from .script import Fault, Script
from .wire import Wire

Responder = Callable[[dict[str, Any]], Script]


class ProviderState:
    """Scripts waiting to be served, the fallback answer, and the requests seen. Shared across threads."""

    def __init__(self, default: Script | Responder | None) -> None:
        self._lock = threading.Lock()
        self._queue: deque[Script] = deque()
        self._requests: list[RecordedRequest] = []
        self.default = default

    def enqueue(self, *scripts: Script) -> None:
        with self._lock:
            self._queue.extend(scripts)

    def next_script(self, body: dict[str, Any]) -> Script | None:
        with self._lock:
            if self._queue:
                return self._queue.popleft()
            default = self.default
        if default is None or isinstance(default, Script):
            return default
        return default(body)

    def record(self, request: RecordedRequest) -> None:
        with self._lock:
            self._requests.append(request)

    def requests(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._requests)

    def reset(self) -> None:
        with self._lock:
            self._queue.clear()
            self._requests.clear()


class ProviderHandlers:
    def __init__(self, state: ProviderState) -> None:
        self.state = state
        self.stopping = False  # handlers cancelled by shutdown are not client disconnects

    def add_routes(self, app: web.Application) -> None:
        app.router.add_post("/v1/messages", self.anthropic)
        app.router.add_post("/v1/chat/completions", self.openai)

    async def anthropic(self, request: web.Request) -> web.StreamResponse:
        return await self._answer(request, AnthropicWire())

    async def openai(self, request: web.Request) -> web.StreamResponse:
        return await self._answer(request, OpenAIWire())

    async def _answer(self, request: web.Request, wire: Wire) -> web.StreamResponse:
        record = RecordedRequest(
            path=request.path,
            protocol=wire.protocol,
            headers={name.lower(): value for name, value in request.headers.items()},
            body=None,
            received_at=time.time(),
        )
        self.state.record(record)
        try:
            return await self._serve(request, wire, record)
        except asyncio.CancelledError:
            if not self.stopping:
                record.client_closed_at = time.time()
            raise

    async def _serve(self, request: web.Request, wire: Wire, record: RecordedRequest) -> web.StreamResponse:
        try:
            body = json.loads(await request.read() or b"{}")
        except ValueError:
            body = None
        if not isinstance(body, dict):
            return _error(wire, record, 400, "The request body is not a JSON object.")
        record.body = body
        if not wire.credentials_present(record.headers):
            return _error(wire, record, 401, "No API key was provided in x-api-key or Authorization.")
        problem = wire.request_problem(body)
        if problem:
            return _error(wire, record, 400, problem)
        script = self.state.next_script(body)
        if script is None:
            return _error(wire, record, 500, "The scripted provider has no script queued and no default.")
        fault = script.fault
        if fault is not None and fault.kind == "http_error" and fault.after_tokens == 0:
            return _error(wire, record, fault.status, _fault_message(fault), fault.retry_after)
        if body.get("stream"):
            return await _stream(request, wire, record, script, body)
        return await _whole(request, wire, record, script, body)


def _fault_message(fault: Fault) -> str:
    if fault.message is not None:
        return fault.message
    if fault.status == 529:
        return "Overloaded"
    if fault.status == 429:
        return "Rate limit reached for requests. Please try again later."
    return f"Scripted failure with status {fault.status}."


def _error(
    wire: Wire, record: RecordedRequest, status: int, message: str, retry_after: float | None = None
) -> web.Response:
    record.status = status
    headers = {"retry-after": f"{retry_after:g}"} if retry_after is not None else None
    response = web.json_response(wire.error_body(status, message), status=status, headers=headers)
    record.first_byte_at = record.last_byte_at = time.time()
    return response


def _reset_connection(request: web.Request) -> None:
    """Abort with a TCP RST (linger 0), as a proxy or a crashed upstream would."""
    transport = request.transport
    if transport is None:
        return
    sock = transport.get_extra_info("socket")
    if sock is not None:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    transport.abort()


async def _write(response: web.StreamResponse, record: RecordedRequest, frame: bytes) -> None:
    await response.write(frame)
    record.last_byte_at = time.time()


async def _stream(
    request: web.Request, wire: Wire, record: RecordedRequest, script: Script, body: dict[str, Any]
) -> web.StreamResponse:
    response = web.StreamResponse(headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache"})
    record.status = response.status
    await response.prepare(request)
    record.first_byte_at = time.time()
    try:
        for frame in wire.opening(script, body):
            await _write(response, record, frame)
        fault = script.fault
        if fault is not None and fault.kind == "stall_before_first":
            await asyncio.sleep(fault.seconds)
            fault = None
        tokens = script.tokens()
        interval = 1.0 / script.tokens_per_second if script.tokens_per_second > 0 else 0.0
        for index in range(len(tokens) + 1):
            if fault is not None and fault.after_tokens == index:
                if fault.kind == "stall_after":
                    await asyncio.sleep(fault.seconds)
                elif fault.kind == "reset_after":
                    _reset_connection(request)
                    return response
                elif fault.kind == "http_error":
                    await _write(response, record, wire.stream_error(fault.status, _fault_message(fault)))
                    await response.write_eof()
                    return response
                elif fault.kind == "malformed_after":
                    await _write(response, record, wire.malformed())
                    await response.write_eof()
                    return response
            if index == len(tokens):
                break
            await _write(response, record, wire.text(tokens[index], body))
            await asyncio.sleep(interval)
        for frame in wire.closing(script, len(tokens), body):
            await _write(response, record, frame)
        await response.write_eof()
        record.completed = True
    except ConnectionResetError:
        record.client_closed_at = time.time()
    return response


async def _whole(
    request: web.Request, wire: Wire, record: RecordedRequest, script: Script, body: dict[str, Any]
) -> web.StreamResponse:
    """A non-streaming answer; faults other than stalls and resets become an unparseable body."""
    fault = script.fault
    if fault is not None and fault.kind in ("stall_before_first", "stall_after"):
        await asyncio.sleep(fault.seconds)
    if fault is not None and fault.kind == "reset_after":
        _reset_connection(request)
        return web.StreamResponse()
    record.status = 200
    record.first_byte_at = record.last_byte_at = time.time()
    if fault is not None and fault.kind == "malformed_after":
        return web.Response(body=b'{"id": "msg_', content_type="application/json")
    record.completed = True
    return web.json_response(wire.whole_answer(script, len(script.tokens()), body))
