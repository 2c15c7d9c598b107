"""The stream socket under fuzzed client messages (hypothesis, bounded): no crash, the server keeps answering.

Messages are drawn from schema/ws.schema.json's client definitions (so new message types are fuzzed too),
then mutated: wrong types, huge or odd strings (lone surrogates, NUL, right-to-left marks), extreme numbers,
extra or missing fields, deep nesting; beside them arbitrary JSON, non-JSON text, binary frames and text
frames that are not UTF-8. After each batch the socket (or a new one, when the server had to drop it) must
answer a subscribe, the REST API must answer, every server message must follow the schema, and the
server's log must hold no unhandled exception.

One server serves every example: hypothesis runs in a worker thread and hands each batch to the server's
event loop.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections import Counter
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import nbformat
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from tornado.iostream import StreamClosedError
from tornado.websocket import WebSocketClosedError

from jupyter_componentgen.resources import load_schema
from jupyter_componentgen.server import messages_out as out
from tests.provider import Script, ScriptedProvider, recording

from .conftest import MODEL, NOTEBOOK, Fetch, Message, StreamClient, StreamFactory, generate_request

PROBE = "probe.ipynb"  # only the checks use it, so its "subscribed" marks the end of a batch's replies
SCHEMA = load_schema("ws")
DEFS: dict[str, Any] = SCHEMA["$defs"]
CLIENT_TYPES = sorted(
    name for name, d in DEFS.items() if d.get("description", "").startswith("client -> server")
)
KNOWN = "@known-generation"  # replaced, when sent, by a generation the server accepted
MAX_MESSAGE_BYTES = 256 * 1024

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
odd_text = st.one_of(
    st.text(max_size=40),
    st.text(st.characters(codec=None, categories=["Cs", "Cc", "Cf", "Co", "Zl", "Zp"]), max_size=10),
    st.sampled_from(["\ud800", "x\udfffy", "\x00", "\u202eevil", "🙂" * 50, " ", "", "\\", "%s%d%n"]),
    st.sampled_from([5_000, 70_000, MAX_MESSAGE_BYTES + 1]).map(lambda n: "x" * n),
)
odd_numbers = st.one_of(
    st.integers(),
    st.sampled_from([-1, 0, 2**31, -(2**63), 2**63, 2**53 + 1, 10**30, -(10**30)]),
    st.floats(allow_nan=True, allow_infinity=True),
)
DEEP = "__deep__"  # replaced in the frame's text by nesting json.dumps could not write
odd_values = st.one_of(json_values, odd_text, odd_numbers, st.just(DEEP))
notebooks = st.one_of(
    st.sampled_from(
        [NOTEBOOK, NOTEBOOK, "missing.ipynb", "../analysis.ipynb", "/etc/x.ipynb", "sub\\a.ipynb"]
    ),
    st.text(max_size=30).filter(lambda text: text != PROBE),
)


def from_schema(node: dict[str, Any], name: str = "") -> st.SearchStrategy[Any]:
    """Values that follow a (small subset of) JSON Schema, as the ws schema uses it."""
    if "$ref" in node:
        if node["$ref"] == "#/$defs/notebook":
            return notebooks
        target: Any = SCHEMA
        for step in node["$ref"].removeprefix("#/").split("/"):
            target = target[step]
        return from_schema(target, name)
    if "oneOf" in node and "type" not in node:
        return st.one_of([from_schema(choice, name) for choice in node["oneOf"]])
    if name == "generation":
        return st.just(KNOWN) | st.text(min_size=1, max_size=12)
    if name == "model":
        return st.sampled_from([MODEL, "openai/gpt-test-fallback"]) | st.text(min_size=1, max_size=30)
    if "const" in node:
        return st.just(node["const"])
    if "enum" in node:
        return st.sampled_from(node["enum"])
    kinds = node.get("type")
    if isinstance(kinds, list):
        return st.one_of([from_schema({**node, "type": kind}, name) for kind in kinds])
    if kinds == "string":
        if "pattern" in node:
            return st.from_regex(node["pattern"], fullmatch=True)
        low = node.get("minLength", 0)
        return st.text(min_size=low, max_size=max(low, min(node.get("maxLength", 60), 60)))
    if kinds == "integer":
        return st.integers(min_value=node.get("minimum"), max_value=node.get("maximum", 10**6))
    if kinds == "boolean":
        return st.booleans()
    if kinds == "null":
        return st.none()
    if kinds == "array":
        return st.lists(from_schema(node.get("items", {})), max_size=3)
    if kinds == "object" and "properties" in node:
        required = set(node.get("required", []))
        props = node["properties"]
        return st.fixed_dictionaries(
            {key: from_schema(value, key) for key, value in props.items() if key in required},
            optional={key: from_schema(value, key) for key, value in props.items() if key not in required},
        )
    return json_values


@st.composite
def shaped_messages(draw: st.DrawFn) -> dict[str, Any]:
    """A client message of the schema, then up to three mutations of its fields."""
    message = dict(draw(from_schema(DEFS[draw(st.sampled_from(CLIENT_TYPES))])))
    for _ in range(draw(st.sampled_from([0, 0, 1, 2, 3]))):
        how = draw(st.sampled_from(["replace", "replace", "drop", "extra"]))
        keys = sorted(message)
        if how == "replace" and keys:
            message[draw(st.sampled_from(keys))] = draw(odd_values)
        elif how == "drop" and keys:
            del message[draw(st.sampled_from(keys))]
        else:
            message[draw(st.text(max_size=10))] = draw(odd_values)
    return message


@dataclass(frozen=True)
class Frame:
    kind: Literal["text", "binary", "bad_utf8"]
    data: str | bytes


def as_text(message: Any) -> str:
    text = json.dumps(message)
    return text.replace(json.dumps(DEEP), "[" * 5000 + "]" * 5000)


def deep(depth: int) -> str:
    return ('{"type":' * depth) + '"subscribe"' + ("}" * depth)


def not_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


well_framed = st.one_of(
    shaped_messages().map(lambda m: Frame("text", as_text(m))),
    shaped_messages().map(lambda m: Frame("text", as_text(m))),
    shaped_messages().map(lambda m: Frame("binary", as_text(m).encode("utf-8", "surrogatepass"))),
    json_values.map(lambda value: Frame("text", json.dumps(value))),
    st.text(max_size=60).map(lambda text: Frame("text", text)),
    st.sampled_from([1, 100, 1_000, 20_000, 100_000]).map(lambda n: Frame("text", deep(n))),
    st.sampled_from([1_000, 100_000]).map(lambda n: Frame("text", "[" * n + "]" * n)),
    st.binary(max_size=60).map(lambda data: Frame("binary", data)),
)
not_utf8_frames = (
    st.binary(min_size=1, max_size=12).filter(not_utf8).map(lambda data: Frame("bad_utf8", data))
)
frames = st.one_of(*[well_framed] * 12, not_utf8_frames)  # one in 13: each costs the socket


class Fuzzer:
    """Sends batches on one socket, reconnecting only when the server had reason to close it."""

    def __init__(self, open_stream: StreamFactory, api: Fetch, caplog: pytest.LogCaptureFixture) -> None:
        self.open_stream = open_stream
        self.api = api
        self.caplog = caplog
        self.client: StreamClient | None = None
        self.known: list[str] = []
        self.batches = 0
        self.reconnects = 0
        self.kinds: Counter[str] = Counter()

    async def batch(self, batch: list[Frame]) -> None:
        try:
            await self._batch(batch)
        except BaseException:
            self.client = None  # the next example starts on a new socket, as a replay of this one would
            raise

    async def _batch(self, batch: list[Frame]) -> None:
        logged = len(self.caplog.records)
        client = self.client = self.client or await self.open_stream()
        dropped = False  # a text frame that is not UTF-8 breaks the protocol: the server drops the socket
        for frame in batch:
            try:
                await self._send(client, frame)
            except (WebSocketClosedError, StreamClosedError):
                assert dropped, f"the server closed the socket during {batch!r}"
                break
            dropped = dropped or frame.kind == "bad_utf8"
        if not await self._probe(client):
            assert dropped, f"the server closed the socket after {batch!r}"
            self.reconnects += 1
            client = self.client = await self.open_stream()
            assert await self._probe(client), "a new socket is not answered"
        response = await self.api("components", params={"notebook": PROBE})
        assert json.loads(response.body)["notebook"] == PROBE
        self.assert_log_clean(batch, self.caplog.records[logged:])
        self.batches += 1

    async def _probe(self, client: StreamClient) -> bool:
        try:
            await client.send({"type": "subscribe", "notebook": PROBE})
        except WebSocketClosedError:
            return False
        return await self._until_probe_answered(client)

    async def _send(self, client: StreamClient, frame: Frame) -> None:
        if frame.kind == "bad_utf8":  # the client API only writes valid text frames
            assert isinstance(frame.data, bytes)
            await client.connection.protocol._write_frame(True, 0x1, frame.data)
        elif frame.kind == "binary":
            await client.connection.write_message(frame.data, binary=True)
        else:
            text = frame.data if isinstance(frame.data, str) else frame.data.decode()
            if self.known:
                text = text.replace(KNOWN, self.known[-1])
            await client.connection.write_message(text)

    async def _until_probe_answered(self, client: StreamClient) -> bool:
        """Reads (and validates) every message up to the probe's "subscribed"; False if the socket closed."""
        while True:
            try:
                message: Message = await client.receive(seconds=30)
            except ConnectionError:
                return False
            text = json.dumps(message, ensure_ascii=False)
            assert "Traceback" not in text, message
            self.kinds[message["type"]] += 1
            if message["type"] == "accepted":
                self.known.append(message["generation"])
            if message["type"] == "subscribed" and message["notebook"] == PROBE:
                return True

    @staticmethod
    def assert_log_clean(batch: list[Frame], records: list[logging.LogRecord]) -> None:
        bad = [
            record
            for record in records
            if record.levelno >= logging.ERROR
            or record.exc_info
            or "Uncaught exception" in record.getMessage()
        ]
        assert not bad, f"{batch!r} logged: {[r.getMessage() for r in bad]}\n{bad[0].exc_text or ''}"


@pytest.fixture
def probe(jp_root_dir: Path, notebook: str) -> str:
    (jp_root_dir / PROBE).write_text(nbformat.writes(nbformat.v4.new_notebook()), encoding="utf-8")
    return PROBE


async def test_fuzzed_client_messages_never_stop_the_server_answering(
    *,
    server: Any,
    llm_env: ScriptedProvider,
    open_stream: StreamFactory,
    api: Fetch,
    probe: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING)
    llm_env.default = Script(recording("counter_button"), tokens_per_second=20_000)
    loop = asyncio.get_running_loop()
    fuzzer = Fuzzer(open_stream, api, caplog)
    # One real generation first: it loads the provider SDK (imports are not for a fuzzing thread to race)
    # and gives resume/cancel messages a generation to name.
    await fuzzer.batch([Frame("text", json.dumps(generate_request(NOTEBOOK, "counter", "a counter")))])
    assert fuzzer.known, "the warm-up generation was accepted"

    def on_server_loop(coroutine: Coroutine[Any, Any, None]) -> None:
        asyncio.run_coroutine_threadsafe(coroutine, loop).result(timeout=120)

    @settings(
        max_examples=150,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )
    @given(st.lists(frames, min_size=1, max_size=4))
    @example([Frame("text", json.dumps({**generate_request("\udc80.ipynb", "a", "b"), "id": "\ud800"}))])
    @example([Frame("text", json.dumps({"type": {"type": ["subscribe"]}}))])
    @example([Frame("text", json.dumps(generate_request(NOTEBOOK, "odd", "a \ud800 counter\x00", id="s")))])
    @example([Frame("text", deep(2_000)), Frame("bad_utf8", b"\xff"), Frame("text", "{")])
    def exchange(batch: list[Frame]) -> None:
        on_server_loop(fuzzer.batch(batch))

    run: Callable[[], None] = exchange
    await asyncio.to_thread(run)
    assert fuzzer.batches >= 151
    assert fuzzer.kinds["request_error"] > 0, "the fuzzed messages were answered, not only the probes"
    assert fuzzer.reconnects > 0, "text frames that are not UTF-8 were sent"
    if fuzzer.client is not None:
        fuzzer.client.close()


def test_a_reply_quoting_a_lone_surrogate_is_still_utf8() -> None:
    """Text from a client or a file name may hold one; the socket can only carry UTF-8."""
    text = out.encode(out.request_error("bad_notebook", "No notebook at '\udcff.ipynb'.", "\ud800"))
    text.encode("utf-8")
    assert json.loads(text)["id"] == "\ud800"
