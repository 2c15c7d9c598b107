"""The scripted provider speaks each API's wire format, records what it saw, and fails on cue."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.provider import (
    BROKEN_COMPONENT_ERROR_LINE,
    Fault,
    RecordingResponder,
    Script,
    ScriptedProvider,
    recording,
    tokenize,
)
from tests.provider.recordings import RECORDINGS_DIR

ANTHROPIC_BODY: dict[str, Any] = {
    "model": "claude-sonnet-4-6",
    "max_tokens": 100,
    "stream": True,
    "messages": [{"role": "user", "content": "hi"}],
}
OPENAI_BODY: dict[str, Any] = {
    "model": "gpt-4.1",
    "stream": True,
    "stream_options": {"include_usage": True},
    "messages": [{"role": "user", "content": "hi"}],
}
KEY = {"x-api-key": "test-key"}
BEARER = {"authorization": "Bearer test-key"}


def sse_events(text: str) -> list[tuple[str | None, str]]:
    """(event name, data) of each server-sent event."""
    events = []
    for block in text.split("\n\n"):
        if not block.strip():
            continue
        fields = dict(line.split(": ", 1) for line in block.splitlines())
        events.append((fields.get("event"), fields["data"]))
    return events


def post(
    provider: ScriptedProvider, path: str, body: dict[str, Any], headers: dict[str, str]
) -> httpx.Response:
    return httpx.post(provider.url + path, json=body, headers=headers, timeout=10)


def anthropic_text(response: httpx.Response) -> str:
    return "".join(
        json.loads(data)["delta"]["text"]
        for name, data in sse_events(response.text)
        if name == "content_block_delta"
    )


def test_tokens_are_short_pieces_that_rebuild_the_text() -> None:
    text = recording("sales_card")
    pieces = tokenize(text)
    assert "".join(pieces) == text
    assert 2.5 <= len(text) / len(pieces) <= 5.0, "about four characters a token"
    assert tokenize("") == []


def test_anthropic_stream_has_every_event_in_order(provider: ScriptedProvider) -> None:
    provider.enqueue(
        Script("Hello, world. Bye!", tokens_per_second=1000, cached_tokens=300, input_tokens=900)
    )

    response = post(provider, "/v1/messages", ANTHROPIC_BODY, KEY)

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    events = sse_events(response.text)
    names = [name for name, _ in events]
    deltas = len(tokenize("Hello, world. Bye!"))
    assert names == [
        "message_start",
        "content_block_start",
        "ping",
        *["content_block_delta"] * deltas,
        "content_block_stop",
        "message_delta",
        "message_stop",
    ]
    payloads = [json.loads(data) for _, data in events]
    assert all(payload["type"] == name for payload, name in zip(payloads, names, strict=True))
    start = payloads[0]["message"]
    assert start["content"] == []
    assert start["usage"]["input_tokens"] == 900
    assert start["usage"]["cache_read_input_tokens"] == 300
    text = "".join(p["delta"]["text"] for p in payloads if p["type"] == "content_block_delta")
    assert text == "Hello, world. Bye!"
    message_delta = payloads[-2]
    assert message_delta["delta"]["stop_reason"] == "end_turn"
    assert message_delta["usage"]["output_tokens"] == deltas


def test_openai_stream_has_chunks_usage_and_done(provider: ScriptedProvider) -> None:
    provider.enqueue(
        Script("Hello, world.", tokens_per_second=1000, stop_reason="max_tokens", cached_tokens=50)
    )

    response = post(provider, "/v1/chat/completions", OPENAI_BODY, BEARER)

    assert response.status_code == 200
    datas = [data for _, data in sse_events(response.text)]
    assert datas[-1] == "[DONE]"
    chunks = [json.loads(data) for data in datas[:-1]]
    text = "".join(c["choices"][0]["delta"].get("content") or "" for c in chunks if c["choices"])
    assert text == "Hello, world."
    finish = [c["choices"][0]["finish_reason"] for c in chunks if c["choices"]]
    assert finish[-1] == "length"
    assert set(finish[:-1]) == {None}
    usage = chunks[-1]["usage"]
    assert chunks[-1]["choices"] == []
    assert usage["prompt_tokens"] == 1200 + 50
    assert usage["prompt_tokens_details"]["cached_tokens"] == 50
    assert usage["completion_tokens"] == len(tokenize("Hello, world."))


def test_openai_usage_chunk_only_when_asked(provider: ScriptedProvider) -> None:
    provider.enqueue(Script("Hi.", tokens_per_second=1000))

    body = {key: value for key, value in OPENAI_BODY.items() if key != "stream_options"}
    datas = [data for _, data in sse_events(post(provider, "/v1/chat/completions", body, BEARER).text)]

    assert not any("usage" in json.loads(data) for data in datas[:-1])


@pytest.mark.parametrize(
    ("path", "body"), [("/v1/messages", ANTHROPIC_BODY), ("/v1/chat/completions", OPENAI_BODY)]
)
def test_a_request_without_a_key_is_refused_in_the_providers_format(
    provider: ScriptedProvider, path: str, body: dict[str, Any]
) -> None:
    provider.default = Script("never sent")

    assert post(provider, path, body, {}).status_code == 401
    assert post(provider, path, body, {"authorization": "Basic dXNlcjpwYXNz"}).status_code == 401
    refused = post(provider, path, body, {}).json()
    if path == "/v1/messages":
        assert refused["type"] == "error"
        assert refused["error"]["type"] == "authentication_error"
    else:
        assert refused["error"]["code"] == "invalid_api_key"
    assert post(provider, path, body, KEY).status_code == 200
    assert post(provider, path, body, BEARER).status_code == 200


@pytest.mark.parametrize(
    ("status", "kind"), [(429, "rate_limit_error"), (500, "api_error"), (529, "overloaded_error")]
)
def test_http_errors_in_anthropic_format(provider: ScriptedProvider, status: int, kind: str) -> None:
    provider.enqueue(Script("x", fault=Fault("http_error", status=status, retry_after=2)))

    response = post(provider, "/v1/messages", ANTHROPIC_BODY, KEY)

    assert response.status_code == status
    assert response.headers["retry-after"] == "2"
    body = response.json()
    assert body["type"] == "error"
    assert body["error"]["type"] == kind
    assert body["error"]["message"]
    assert provider.requests[-1].status == status


@pytest.mark.parametrize(("status", "kind"), [(429, "requests"), (500, "server_error")])
def test_http_errors_in_openai_format(provider: ScriptedProvider, status: int, kind: str) -> None:
    provider.enqueue(Script("x", fault=Fault("http_error", status=status, message="Try later.")))

    response = post(provider, "/v1/chat/completions", OPENAI_BODY, BEARER)

    assert response.status_code == status
    assert response.json()["error"]["type"] == kind
    assert response.json()["error"]["message"] == "Try later."


def test_a_body_missing_required_fields_is_a_400(provider: ScriptedProvider) -> None:
    provider.default = Script("never sent")
    body = {key: value for key, value in ANTHROPIC_BODY.items() if key != "max_tokens"}

    response = post(provider, "/v1/messages", body, KEY)

    assert response.status_code == 400
    assert response.json()["error"]["type"] == "invalid_request_error"
    assert "max_tokens" in response.json()["error"]["message"]


def test_no_script_and_no_default_is_a_clear_server_error(provider: ScriptedProvider) -> None:
    response = post(provider, "/v1/messages", ANTHROPIC_BODY, KEY)

    assert response.status_code == 500
    assert "no script" in response.json()["error"]["message"]


def test_scripts_answer_in_order_then_the_default(provider: ScriptedProvider) -> None:
    provider.enqueue(Script("one", tokens_per_second=1000), Script("two", tokens_per_second=1000))
    provider.default = lambda body: Script(f"default for {body['model']}", tokens_per_second=1000)

    answers = [anthropic_text(post(provider, "/v1/messages", ANTHROPIC_BODY, KEY)) for _ in range(3)]

    assert answers == ["one", "two", "default for claude-sonnet-4-6"]


def test_the_pace_follows_tokens_per_second(provider: ScriptedProvider) -> None:
    text = "word " * 20
    provider.enqueue(Script(text, tokens_per_second=40))

    started = time.monotonic()
    post(provider, "/v1/messages", ANTHROPIC_BODY, KEY)
    elapsed = time.monotonic() - started

    assert len(tokenize(text)) / 40 * 0.9 <= elapsed < 2.0
    seen = provider.requests[-1]
    assert seen.completed
    assert seen.first_byte_at is not None
    assert seen.last_byte_at is not None
    assert seen.received_at <= seen.first_byte_at <= seen.last_byte_at


def test_the_whole_answer_without_streaming(provider: ScriptedProvider) -> None:
    provider.enqueue(Script("Complete.", stop_reason="max_tokens"), Script("Also complete."))

    anthropic_answer = post(provider, "/v1/messages", {**ANTHROPIC_BODY, "stream": False}, KEY).json()
    openai_answer = post(provider, "/v1/chat/completions", {**OPENAI_BODY, "stream": False}, BEARER).json()

    assert anthropic_answer["content"] == [{"type": "text", "text": "Complete."}]
    assert anthropic_answer["stop_reason"] == "max_tokens"
    assert openai_answer["choices"][0]["message"]["content"] == "Also complete."
    assert openai_answer["choices"][0]["finish_reason"] == "stop"


def test_a_client_hanging_up_is_recorded_at_once(provider: ScriptedProvider) -> None:
    provider.enqueue(Script("word " * 200, tokens_per_second=50))

    with (
        httpx.Client(timeout=10) as client,
        client.stream("POST", provider.url + "/v1/messages", json=ANTHROPIC_BODY, headers=KEY) as response,
    ):
        lines = response.iter_lines()
        while "content_block_delta" not in next(lines):
            pass
        hung_up_at = time.time()

    assert provider.wait_for(lambda seen: seen[-1].client_closed_at is not None, timeout=2)
    seen = provider.requests[-1]
    assert seen.client_closed_at is not None
    assert seen.client_closed_at - hung_up_at < 0.2
    assert not seen.completed


def test_a_stall_before_the_first_token_still_opens_the_stream(provider: ScriptedProvider) -> None:
    provider.enqueue(Script("late", fault=Fault("stall_before_first", seconds=0.5)))

    with (
        httpx.Client(timeout=10) as client,
        client.stream("POST", provider.url + "/v1/messages", json=ANTHROPIC_BODY, headers=KEY) as response,
    ):
        started = time.monotonic()
        names = []
        for line in response.iter_lines():
            if line.startswith("event: "):
                names.append((line.removeprefix("event: "), time.monotonic() - started))

    assert [name for name, _ in names[:3]] == ["message_start", "content_block_start", "ping"]
    first_delta = next(at for name, at in names if name == "content_block_delta")
    assert first_delta >= 0.45
    assert names[2][1] < 0.3


def test_stall_after_some_tokens(provider: ScriptedProvider) -> None:
    provider.enqueue(
        Script("a b c d e f", tokens_per_second=1000, fault=Fault("stall_after", 3, seconds=0.4))
    )

    started = time.monotonic()
    response = post(provider, "/v1/messages", ANTHROPIC_BODY, KEY)

    assert time.monotonic() - started >= 0.4
    assert response.text.count("content_block_delta") == 2 * len(tokenize("a b c d e f"))


def test_a_reset_breaks_the_connection(provider: ScriptedProvider) -> None:
    provider.enqueue(
        Script("a b c d e f", tokens_per_second=1000, fault=Fault("reset_after", after_tokens=2))
    )

    with pytest.raises(httpx.TransportError):
        post(provider, "/v1/chat/completions", OPENAI_BODY, BEARER)
    assert not provider.requests[-1].completed


@pytest.mark.parametrize(
    ("path", "body", "headers"),
    [("/v1/messages", ANTHROPIC_BODY, KEY), ("/v1/chat/completions", OPENAI_BODY, BEARER)],
)
def test_malformed_event_then_the_end(
    provider: ScriptedProvider, path: str, body: dict[str, Any], headers: dict[str, str]
) -> None:
    provider.enqueue(
        Script("a b c d", tokens_per_second=1000, fault=Fault("malformed_after", after_tokens=2))
    )

    events = sse_events(post(provider, path, body, headers).text)

    *good, (_, last) = events
    for _, data in good:
        json.loads(data)
    with pytest.raises(json.JSONDecodeError):
        json.loads(last)


def test_an_error_event_inside_the_stream(provider: ScriptedProvider) -> None:
    provider.enqueue(
        Script("a b c d", tokens_per_second=1000, fault=Fault("http_error", 529, after_tokens=2))
    )

    events = sse_events(post(provider, "/v1/messages", ANTHROPIC_BODY, KEY).text)

    name, data = events[-1]
    assert name == "error"
    assert json.loads(data)["error"]["type"] == "overloaded_error"


def test_script_json_round_trip_and_validation() -> None:
    script = Script("x", 10, Fault("stall_after", after_tokens=3, seconds=1.5), "max_tokens", 5, 2)
    assert Script.from_json(json.loads(json.dumps(script.to_json()))) == script
    with pytest.raises(ValueError, match="fault kind"):
        Script.from_json({"text": "x", "fault": {"kind": "explode"}})
    with pytest.raises(ValueError, match="text"):
        Script.from_json({"tokens_per_second": 5})
    with pytest.raises(TypeError):
        Script.from_json({"text": "x", "speed": 5})


def test_the_control_api(provider: ScriptedProvider) -> None:
    control = provider.url + "/_control"
    assert httpx.post(control + "/enqueue", json=[{"text": "one"}, {"text": "two"}]).json() == {"queued": 2}
    assert httpx.post(control + "/default", json={"text": "fallback", "tokens_per_second": 1000}).is_success
    assert httpx.post(control + "/enqueue", json={"text": 5}).status_code == 400

    texts = [anthropic_text(post(provider, "/v1/messages", ANTHROPIC_BODY, KEY)) for _ in range(3)]
    assert texts == ["one", "two", "fallback"]

    seen = httpx.get(control + "/requests").json()
    assert [entry["path"] for entry in seen] == ["/v1/messages"] * 3
    assert seen[0]["body"]["model"] == "claude-sonnet-4-6"
    assert seen[0]["completed"] is True
    assert httpx.post(control + "/reset").is_success
    assert httpx.get(control + "/requests").json() == []


def test_recordings_are_chosen_by_name_in_the_last_user_message() -> None:
    responder = RecordingResponder(tokens_per_second=500)

    def prompt(text: str) -> dict[str, Any]:
        return {
            "messages": [
                {"role": "user", "content": "earlier counter_button"},
                {"role": "user", "content": text},
            ]
        }

    assert responder(prompt("Make a counter_button please")).text == recording("counter_button")
    assert responder(prompt("Write a new component named DataTable.")).text == recording("data_table")
    assert responder(prompt("something else")).text == recording(sorted(responder.recordings)[0])
    blocks = {"role": "user", "content": [{"type": "text", "text": "an emit_button"}]}
    assert responder({"messages": [blocks]}).text == recording("emit_button")
    assert responder(prompt("x")).tokens_per_second == 500


@pytest.mark.parametrize("stem", sorted(path.stem for path in RECORDINGS_DIR.glob("*.txt")))
def test_recordings_are_complete_component_answers(stem: str) -> None:
    text = recording(stem)
    name = "".join(word.capitalize() for word in stem.split("_"))
    match = re.search(rf"^/// START {name}\n(.*?)^/// END {name}$", text, re.MULTILINE | re.DOTALL)
    assert match, f"{stem}.txt has no /// START {name} … /// END {name} block"
    code = match[1]
    assert f"export default function {name}(" in code
    assert set(re.findall(r'from "([^"]+)"', code)) <= {"react", "recharts", "lucide-react"}
    assert text[: match.start()].strip(), "a realistic answer has a sentence before the code"


def test_recordings_cover_what_the_tests_need() -> None:
    sales = recording("sales_card")
    assert 80 <= len(sales.splitlines()) <= 130
    for needle in ("BarChart", "<select", "revenue", "quarter", "region", "className="):
        assert needle in sales
    counter = recording("counter_button")
    assert "useState" in counter
    assert counter.count("data-testid=") >= 2
    emit = recording("emit_button")
    assert 'emit("clicked", { n: next })' in emit
    assert "data.length" in emit
    table = recording("data_table")
    assert "columns" in table
    assert "<table" in table
    broken_code = recording("broken_component").split("/// START BrokenComponent\n")[1]
    assert broken_code.splitlines()[BROKEN_COMPONENT_ERROR_LINE - 1].strip() == ";"


@pytest.fixture
def provider_process() -> Iterator[tuple[subprocess.Popen[str], str]]:
    root = Path(__file__).resolve().parents[2]
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")])),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.provider", "--port", "0", "--recordings", str(RECORDINGS_DIR)],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("READY http://127.0.0.1:"), line
        yield process, line.split()[1]
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=10)


def test_runs_as_its_own_process_with_recordings(provider_process: tuple[subprocess.Popen[str], str]) -> None:
    process, url = provider_process
    body = {**ANTHROPIC_BODY, "messages": [{"role": "user", "content": "a counter_button"}]}
    httpx.post(url + "/_control/default", json={"text": "unused"})  # a default Script replaces recordings

    assert anthropic_text(httpx.post(url + "/v1/messages", json=body, headers=KEY, timeout=10)) == "unused"

    httpx.post(url + "/_control/enqueue", json={"text": "queued", "tokens_per_second": 1000})
    assert anthropic_text(httpx.post(url + "/v1/messages", json=body, headers=KEY, timeout=10)) == "queued"
    assert len(httpx.get(url + "/_control/requests").json()) == 2

    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=10) == 0


def test_the_process_answers_from_recordings(provider_process: tuple[subprocess.Popen[str], str]) -> None:
    _, url = provider_process
    body = {**OPENAI_BODY, "stream": False, "messages": [{"role": "user", "content": "a counter_button"}]}

    answer = httpx.post(url + "/v1/chat/completions", json=body, headers=BEARER, timeout=10).json()

    assert answer["choices"][0]["message"]["content"] == recording("counter_button")
