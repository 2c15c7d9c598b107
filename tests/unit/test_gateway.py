"""The gateway against the scripted provider over real HTTP, with the real anthropic and litellm clients."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from jupyter_componentgen import config
from jupyter_componentgen.engine.errors import GenerationError
from jupyter_componentgen.engine.gateway import Gateway
from jupyter_componentgen.engine.gateway import errors as gateway_errors
from jupyter_componentgen.engine.gateway.pricing import cost_of
from jupyter_componentgen.engine.gateway.types import (
    LLMRequest,
    Message,
    PromptPart,
    Retrying,
    StreamEnd,
    StreamItem,
    TextChunk,
    Timeouts,
)
from jupyter_componentgen.engine.usage import Usage
from tests.provider import Fault, Script, ScriptedProvider, tokenize

ANTHROPIC = "anthropic/claude-sonnet-4-6"
OPENAI = "gpt-4.1"
BOTH = [pytest.param(ANTHROPIC, id="anthropic"), pytest.param(OPENAI, id="openai")]
ANSWER = (
    "Here is your card.\n/// START Card\nexport default function Card() { return <div/>; }\n/// END Card\n"
)
# Generous limits for tests that do not test limits: the first litellm call alone is slow on a busy machine.
FAST = Timeouts(connect=5.0, first_token=10.0, idle=10.0, total=30.0)

# litellm reads pydantic attributes that pydantic 2.11 deprecates: its noise, not ours.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:litellm.*")


def make_request(model: str, *, cached_system: bool = False) -> LLMRequest:
    system = (PromptPart("You write React components.", cache=cached_system), PromptPart(" Be brief."))
    return LLMRequest(
        model=model,
        system=system,
        messages=(Message("user", (PromptPart("Write a card."),)),),
        max_tokens=1000,
    )


def gateway(timeouts: Timeouts = FAST, max_retries: int = 2) -> Gateway:
    return Gateway(timeouts=timeouts, max_retries=max_retries, backoff_base=0.02, backoff_max=0.5)


async def collect(gw: Gateway, request: LLMRequest) -> tuple[list[StreamItem], GenerationError | None]:
    items: list[StreamItem] = []
    try:
        async for item in gw.stream(request):
            items.append(item)
    except GenerationError as error:
        return items, error
    return items, None


async def warm_up(provider: ScriptedProvider, model: str) -> None:
    """One call before a timing test, so the client library's first-call setup is not timed."""
    provider.enqueue(Script("warm", tokens_per_second=2000))
    _, error = await collect(gateway(), make_request(model))
    assert error is None
    provider.reset()


def text_of(items: list[StreamItem]) -> str:
    return "".join(item.text for item in items if isinstance(item, TextChunk))


async def closed_within(provider: ScriptedProvider, since: float, limit: float) -> bool:
    """Whether the provider saw the client hang up on the last request within ``limit`` s of ``since``."""
    await provider.wait_for_async(lambda seen: bool(seen) and seen[-1].client_closed_at is not None, 2.0)
    closed_at = provider.requests[-1].client_closed_at
    return closed_at is not None and closed_at - since < limit


@pytest.mark.parametrize("model", BOTH)
async def test_streams_the_scripted_text_with_usage_and_cost(llm_env: ScriptedProvider, model: str) -> None:
    llm_env.enqueue(Script(ANSWER, tokens_per_second=2000))

    items, error = await collect(gateway(), make_request(model))

    assert error is None
    assert text_of(items) == ANSWER
    assert len([item for item in items if isinstance(item, TextChunk)]) > 10, "text arrives in pieces"
    end = items[-1]
    assert isinstance(end, StreamEnd)
    assert end.stop_reason == "end_turn"
    expected = Usage(input_tokens=1200, output_tokens=len(tokenize(ANSWER)), cached_tokens=0)
    assert (end.usage.input_tokens, end.usage.output_tokens, end.usage.cached_tokens) == (
        expected.input_tokens,
        expected.output_tokens,
        0,
    )
    assert end.usage.cost == pytest.approx(cost_of(model, expected))
    assert end.usage.cost is not None
    assert end.usage.cost > 0
    (seen,) = llm_env.requests
    assert seen.completed


async def test_anthropic_marks_cached_parts_and_reports_cache_reads(llm_env: ScriptedProvider) -> None:
    llm_env.enqueue(Script(ANSWER, tokens_per_second=2000, input_tokens=150, cached_tokens=3000))

    items, error = await collect(gateway(), make_request(ANTHROPIC, cached_system=True))

    assert error is None
    end = items[-1]
    assert isinstance(end, StreamEnd)
    assert (end.usage.input_tokens, end.usage.cached_tokens) == (150, 3000)
    (seen,) = llm_env.requests
    assert seen.protocol == "anthropic"
    assert seen.body is not None
    assert seen.body["model"] == "claude-sonnet-4-6"
    assert seen.body["stream"] is True
    first, second = seen.body["system"]
    assert first["cache_control"] == {"type": "ephemeral"}
    assert "cache_control" not in second
    assert seen.body["messages"] == [{"role": "user", "content": [{"type": "text", "text": "Write a card."}]}]


async def test_openai_keeps_cached_prompt_tokens_apart(llm_env: ScriptedProvider) -> None:
    llm_env.enqueue(Script(ANSWER, tokens_per_second=2000, input_tokens=150, cached_tokens=3000))

    items, error = await collect(gateway(), make_request(OPENAI, cached_system=True))

    assert error is None
    end = items[-1]
    assert isinstance(end, StreamEnd)
    assert (end.usage.input_tokens, end.usage.cached_tokens) == (150, 3000)
    (seen,) = llm_env.requests
    assert seen.protocol == "openai"
    assert seen.body is not None
    assert seen.body["stream_options"] == {"include_usage": True}
    assert seen.body["messages"][0] == {"role": "system", "content": "You write React components. Be brief."}


@pytest.mark.parametrize(
    ("model", "path", "auth", "sent_model"),
    [
        ("claude-sonnet-4-6", "/v1/messages", "Bearer test-anthropic-key", "claude-sonnet-4-6"),
        ("openai/gpt-4.1", "/v1/chat/completions", "Bearer test-openai-key", "gpt-4.1"),
        ("gpt-4.1", "/v1/chat/completions", "Bearer test-openai-key", "gpt-4.1"),
    ],
)
async def test_models_are_routed_with_the_providers_environment(
    llm_env: ScriptedProvider, model: str, path: str, auth: str, sent_model: str
) -> None:
    llm_env.enqueue(Script("ok", tokens_per_second=2000))

    items, error = await collect(gateway(), make_request(model))

    assert error is None
    assert text_of(items) == "ok"
    (seen,) = llm_env.requests
    assert seen.path == path
    assert seen.headers.get("authorization", "") == auth or seen.headers.get("x-api-key") == auth.split()[1]
    assert seen.body is not None
    assert seen.body["model"] == sent_model


@pytest.mark.parametrize("model", BOTH)
async def test_max_tokens_stop_reason(llm_env: ScriptedProvider, model: str) -> None:
    llm_env.enqueue(Script(ANSWER, tokens_per_second=2000, stop_reason="max_tokens"))

    items, error = await collect(gateway(), make_request(model))

    assert error is None
    end = items[-1]
    assert isinstance(end, StreamEnd)
    assert end.stop_reason == "max_tokens"


@pytest.mark.parametrize("model", BOTH)
async def test_stall_before_the_first_token_times_out(llm_env: ScriptedProvider, model: str) -> None:
    await warm_up(llm_env, model)
    llm_env.enqueue(Script(ANSWER, fault=Fault("stall_before_first", seconds=30)))
    timeouts = Timeouts(connect=2.0, first_token=1.0, idle=5.0, total=10.0)

    started = time.time()
    items, error = await collect(gateway(timeouts, max_retries=0), make_request(model))
    ended = time.time()

    assert error is not None
    assert error.code == "first_token_timeout"
    assert "1 s" in error.message
    assert "COMPONENTGEN_FIRST_TOKEN_TIMEOUT" in error.message
    assert items == []
    assert 1.0 <= ended - started < 2.5
    assert await closed_within(llm_env, started, 2.5), "the stalled stream was not closed"


@pytest.mark.parametrize("model", BOTH)
async def test_silence_mid_stream_is_an_idle_timeout_and_not_retried(
    llm_env: ScriptedProvider, model: str
) -> None:
    await warm_up(llm_env, model)
    llm_env.enqueue(
        Script(ANSWER, tokens_per_second=2000, fault=Fault("stall_after", after_tokens=5, seconds=30))
    )
    timeouts = Timeouts(connect=2.0, first_token=2.0, idle=0.3, total=10.0)

    items, error = await collect(gateway(timeouts), make_request(model))

    assert error is not None
    assert error.code == "idle_timeout"
    assert "0.3 s" in error.message
    assert "COMPONENTGEN_IDLE_TIMEOUT" in error.message
    assert text_of(items) == "".join(tokenize(ANSWER)[:5])
    assert not any(isinstance(item, Retrying) for item in items)
    assert len(llm_env.requests) == 1


async def test_a_slow_stream_hits_the_total_timeout(llm_env: ScriptedProvider) -> None:
    await warm_up(llm_env, ANTHROPIC)
    llm_env.enqueue(Script(ANSWER * 5, tokens_per_second=40))
    timeouts = Timeouts(connect=2.0, first_token=2.0, idle=2.0, total=1.0)

    started = time.monotonic()
    items, error = await collect(gateway(timeouts), make_request(ANTHROPIC))

    assert error is not None
    assert error.code == "total_timeout"
    assert "1 s" in error.message
    assert "COMPONENTGEN_TOTAL_TIMEOUT" in error.message
    assert text_of(items)
    assert 1.0 <= time.monotonic() - started < 2.5


@pytest.mark.parametrize("model", BOTH)
async def test_rate_limit_then_success_is_retried(llm_env: ScriptedProvider, model: str) -> None:
    llm_env.enqueue(
        Script("", fault=Fault("http_error", status=429, retry_after=0.1)),
        Script(ANSWER, tokens_per_second=2000),
    )

    items, error = await collect(gateway(), make_request(model))

    assert error is None
    retry = items[0]
    assert isinstance(retry, Retrying)
    assert (retry.attempt, retry.reason) == (2, "rate_limited")
    assert 0.1 <= retry.delay <= 0.5, "a small retry-after is honoured"
    assert text_of(items) == ANSWER
    assert isinstance(items[-1], StreamEnd)
    assert [seen.status for seen in llm_env.requests] == [429, 200]


@pytest.mark.parametrize("model", BOTH)
async def test_overloaded_gives_up_after_the_retries(llm_env: ScriptedProvider, model: str) -> None:
    llm_env.enqueue(*[Script("", fault=Fault("http_error", status=529)) for _ in range(3)])

    items, error = await collect(gateway(max_retries=2), make_request(model))

    assert error is not None
    assert error.code == "overloaded"
    assert "overloaded" in error.message
    assert "3 attempts" in error.message
    assert "--model" in error.message
    assert [(item.attempt, item.reason) for item in items if isinstance(item, Retrying)] == [
        (2, "overloaded"),
        (3, "overloaded"),
    ]
    assert len(llm_env.requests) == 3


async def test_a_long_retry_after_is_not_waited_for(llm_env: ScriptedProvider) -> None:
    llm_env.enqueue(Script("", fault=Fault("http_error", status=429, retry_after=120)))

    items, error = await collect(gateway(), make_request(ANTHROPIC))

    assert error is not None
    assert error.code == "rate_limited"
    assert "Wait 120 s" in error.message
    assert items == []
    assert len(llm_env.requests) == 1


@pytest.mark.parametrize("model", BOTH)
async def test_server_error(llm_env: ScriptedProvider, model: str) -> None:
    llm_env.enqueue(Script("", fault=Fault("http_error", status=500, message="Internal failure, sorry.")))

    _, error = await collect(gateway(max_retries=0), make_request(model))

    assert error is not None
    assert error.code == "server_error"
    assert error.retryable
    assert "HTTP 500" in error.message
    assert "Internal failure, sorry" in error.message


@pytest.mark.parametrize("model", BOTH)
async def test_bad_request_shows_the_providers_message_without_secrets(
    llm_env: ScriptedProvider, model: str
) -> None:
    said = "model: unknown model 'claude-nope' for key sk-ant-abcdefghijklmnopqrstuvwxyz0123456789"
    llm_env.enqueue(Script("", fault=Fault("http_error", status=400, message=said)))

    _, error = await collect(gateway(), make_request(model))

    assert error is not None
    assert error.code == "bad_request"
    assert not error.retryable
    assert "unknown model 'claude-nope'" in error.message
    assert "abcdefghijklmnop" not in error.message
    assert "Traceback" not in error.message
    assert len(llm_env.requests) == 1


@pytest.mark.parametrize(
    ("model", "variable"), [(ANTHROPIC, "ANTHROPIC_API_KEY"), (OPENAI, "OPENAI_API_KEY")]
)
async def test_rejected_key_is_an_auth_error(llm_env: ScriptedProvider, model: str, variable: str) -> None:
    llm_env.enqueue(Script("", fault=Fault("http_error", status=401, message="invalid x-api-key")))

    _, error = await collect(gateway(), make_request(model))

    assert error is not None
    assert error.code == "auth"
    assert variable in error.message
    assert "test-anthropic-key" not in error.message
    assert "test-openai-key" not in error.message
    assert len(llm_env.requests) == 1


@pytest.mark.parametrize("model", BOTH)
async def test_reset_after_text_is_a_connection_error_and_not_retried(
    llm_env: ScriptedProvider, model: str
) -> None:
    llm_env.enqueue(Script(ANSWER, tokens_per_second=2000, fault=Fault("reset_after", after_tokens=4)))

    items, error = await collect(gateway(), make_request(model))

    assert error is not None
    assert error.code == "connection"
    assert text_of(items) == "".join(tokenize(ANSWER)[:4])
    assert not any(isinstance(item, Retrying) for item in items)
    assert len(llm_env.requests) == 1


@pytest.mark.parametrize("model", BOTH)
async def test_reset_before_any_text_is_retried(llm_env: ScriptedProvider, model: str) -> None:
    llm_env.enqueue(
        Script(ANSWER, fault=Fault("reset_after", after_tokens=0)), Script(ANSWER, tokens_per_second=2000)
    )

    items, error = await collect(gateway(), make_request(model))

    assert error is None
    assert isinstance(items[0], Retrying)
    assert items[0].reason == "connection"
    assert text_of(items) == ANSWER


@pytest.mark.parametrize("model", BOTH)
async def test_unparseable_stream_is_malformed(llm_env: ScriptedProvider, model: str) -> None:
    llm_env.enqueue(Script(ANSWER, tokens_per_second=2000, fault=Fault("malformed_after", after_tokens=3)))

    items, error = await collect(gateway(), make_request(model))

    assert error is not None
    assert error.code == "malformed"
    assert text_of(items) == "".join(tokenize(ANSWER)[:3])
    assert len(llm_env.requests) == 1


@pytest.mark.parametrize(("model", "code"), [(ANTHROPIC, "overloaded"), (OPENAI, "overloaded")])
async def test_error_event_inside_the_stream(llm_env: ScriptedProvider, model: str, code: str) -> None:
    llm_env.enqueue(
        Script(ANSWER, tokens_per_second=2000, fault=Fault("http_error", status=529, after_tokens=3))
    )

    items, error = await collect(gateway(), make_request(model))

    assert error is not None
    assert error.code == code
    assert text_of(items) == "".join(tokenize(ANSWER)[:3])
    assert len(llm_env.requests) == 1


@pytest.mark.parametrize(
    ("model", "variable"),
    [
        (ANTHROPIC, "ANTHROPIC_API_KEY"),
        ("claude-sonnet-4-6", "ANTHROPIC_API_KEY"),
        (OPENAI, "OPENAI_API_KEY"),
    ],
)
async def test_no_key_fails_before_any_request(
    llm_env: ScriptedProvider,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: object,
    model: str,
    variable: str,
) -> None:
    monkeypatch.delenv(variable)
    # Newer anthropic SDKs also look for credential profiles on disk: point them at an empty folder.
    monkeypatch.setenv("ANTHROPIC_CONFIG_DIR", str(tmp_path))
    llm_env.enqueue(Script(ANSWER))

    items, error = await collect(gateway(), make_request(model))

    assert error is not None
    assert error.code == "no_api_key"
    assert f"%env {variable}=" in error.message
    assert "COMPONENTGEN_MODEL" in error.message
    assert items == []
    assert llm_env.requests == []


async def test_a_model_litellm_cannot_place_is_a_bad_request(llm_env: ScriptedProvider) -> None:
    _, error = await collect(gateway(), make_request("no-such-model-anywhere"))

    assert error is not None
    assert error.code == "bad_request"
    assert "no-such-model-anywhere" in error.message
    assert llm_env.requests == []


@pytest.mark.parametrize("model", BOTH)
async def test_cancelling_the_consumer_closes_the_provider_connection(
    llm_env: ScriptedProvider, model: str
) -> None:
    llm_env.enqueue(Script(ANSWER * 20, tokens_per_second=50))
    received: list[str] = []
    three_chunks = asyncio.Event()

    async def consume() -> None:
        async for item in gateway().stream(make_request(model)):
            if isinstance(item, TextChunk):
                received.append(item.text)
                if len(received) == 3:
                    three_chunks.set()

    task = asyncio.create_task(consume())
    await asyncio.wait_for(three_chunks.wait(), 10)
    cancelled_at = time.time()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task

    assert await closed_within(llm_env, cancelled_at, 0.2), llm_env.requests[-1]
    assert not llm_env.requests[-1].completed


@pytest.mark.parametrize("model", BOTH)
async def test_closing_the_iterator_closes_the_provider_connection(
    llm_env: ScriptedProvider, model: str
) -> None:
    llm_env.enqueue(Script(ANSWER * 20, tokens_per_second=50))
    stream = gateway().stream(make_request(model))

    first = await anext(stream)
    while not isinstance(first, TextChunk):
        first = await anext(stream)
    closed_at = time.time()
    await stream.aclose()

    assert await closed_within(llm_env, closed_at, 0.2), llm_env.requests[-1]


@pytest.fixture
def black_hole() -> Iterator[str]:
    """A loopback URL whose connections are never accepted: the listen queue is full, so connects hang."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    occupant = socket.create_connection(("127.0.0.1", port))
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        occupant.close()
        listener.close()


# A model, the variable holding its base URL, and the path the client appends to the server's address.
ROUTES = [
    pytest.param((ANTHROPIC, "ANTHROPIC_BASE_URL", ""), id="anthropic"),
    pytest.param((OPENAI, "OPENAI_BASE_URL", "/v1"), id="openai"),
]


@pytest.mark.parametrize("route", ROUTES)
async def test_connect_timeout(
    llm_env: ScriptedProvider, monkeypatch: pytest.MonkeyPatch, black_hole: str, route: tuple[str, str, str]
) -> None:
    model, variable, suffix = route
    await warm_up(llm_env, model)
    monkeypatch.setenv(variable, black_hole + suffix)
    timeouts = Timeouts(connect=0.3, first_token=5.0, idle=5.0, total=10.0)

    started = time.monotonic()
    _, error = await collect(gateway(timeouts, max_retries=0), make_request(model))

    assert error is not None
    assert error.code == "connect_timeout"
    assert "0.3 s" in error.message
    assert "COMPONENTGEN_CONNECT_TIMEOUT" in error.message
    assert time.monotonic() - started < 2.0


@pytest.mark.parametrize("route", ROUTES)
async def test_refused_connection_is_retried_then_reported(
    llm_env: ScriptedProvider, monkeypatch: pytest.MonkeyPatch, route: tuple[str, str, str]
) -> None:
    model, variable, suffix = route
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    monkeypatch.setenv(variable, f"http://127.0.0.1:{port}{suffix}")

    items, error = await collect(gateway(max_retries=1), make_request(model))

    assert error is not None
    assert error.code == "connection"
    assert variable in error.message
    assert [item.reason for item in items if isinstance(item, Retrying)] == ["connection"]


def test_messages_name_the_real_settings() -> None:
    assert gateway_errors.ENV_PREFIX == config.ENV_PREFIX
    settings = config.ComponentGen.class_trait_names(config=True)
    for name in ("model", "connect_timeout", "first_token_timeout", "idle_timeout", "total_timeout"):
        assert name in settings


def test_backoff_grows_with_jitter_and_honours_a_small_retry_after() -> None:
    gw = Gateway(timeouts=FAST, backoff_base=0.5, backoff_max=8.0)
    for _ in range(50):
        assert 0.25 <= (gw.backoff(1) or 0) <= 0.5
        assert 1.0 <= (gw.backoff(3) or 0) <= 2.0
        assert 4.0 <= (gw.backoff(10) or 0) <= 8.0
        assert (gw.backoff(1, retry_after=3.0) or 0) >= 3.0
    assert len({gw.backoff(2) for _ in range(20)}) > 1, "jitter"
    assert gw.backoff(1, retry_after=30.0) is None


def test_importing_the_gateway_does_not_import_the_slow_client_libraries() -> None:
    code = (
        "import sys\n"
        "import jupyter_componentgen.engine.gateway, jupyter_componentgen.engine.gateway.pricing\n"
        "assert 'litellm' not in sys.modules, 'litellm was imported'\n"
        "assert 'anthropic' not in sys.modules, 'anthropic was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


@pytest.mark.parametrize("model", BOTH)
async def test_temperature_reaches_the_provider(llm_env: ScriptedProvider, model: str) -> None:
    llm_env.enqueue(Script(ANSWER, tokens_per_second=2000))
    request = make_request(model)
    request = LLMRequest(request.model, request.system, request.messages, request.max_tokens, temperature=0.2)

    _, error = await collect(gateway(), request)

    assert error is None
    body = llm_env.requests[-1].body or {}
    assert body.get("temperature") == pytest.approx(0.2)
