"""Claude models through the official anthropic SDK: prompt caching and exact token usage."""

from __future__ import annotations

import asyncio
import contextlib
import os
import weakref
from collections.abc import AsyncGenerator
from typing import Any

import anthropic
from anthropic.types import RawContentBlockDeltaEvent, RawMessageDeltaEvent, RawMessageStartEvent, TextDelta

from jupyter_componentgen.engine.errors import GenerationError
from jupyter_componentgen.engine.usage import Usage

from . import errors
from .backend import normalise_stop_reason
from .types import LLMRequest, PromptPart, StreamEnd, TextChunk, Timeouts

PROVIDER = errors.ProviderInfo("Anthropic", "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL")
_PREFIX = "anthropic/"


def _blocks(parts: tuple[PromptPart, ...]) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = []
    for part in parts:
        block: dict[str, Any] = {"type": "text", "text": part.text}
        if part.cache:
            block["cache_control"] = {"type": "ephemeral"}
        blocks.append(block)
    return blocks


def request_params(request: LLMRequest) -> dict[str, Any]:
    """The Messages API body for ``request`` (without ``stream``)."""
    params: dict[str, Any] = {
        "model": request.model.removeprefix(_PREFIX),
        "max_tokens": request.max_tokens,
        "messages": [{"role": m.role, "content": _blocks(m.parts)} for m in request.messages],
    }
    if request.system:
        params["system"] = _blocks(request.system)
    if request.temperature is not None:
        # Newer SDKs no longer take sampling parameters as arguments; the API still accepts them.
        params["extra_body"] = {"temperature": request.temperature}
    return params


def _as_generation_error(exc: Exception, timeouts: Timeouts) -> GenerationError:
    if isinstance(exc, anthropic.APIStatusError):
        body = exc.body if isinstance(exc.body, dict) else {}
        inner: dict[str, Any] = body["error"] if isinstance(body.get("error"), dict) else body
        return errors.from_status(
            PROVIDER,
            exc.status_code,
            inner.get("type"),
            str(inner.get("message") or ""),
            errors.parse_retry_after(exc.response.headers.get("retry-after")),
        )
    # The SDK's read timeout is the total limit, which the gateway enforces first: a timeout is the connect.
    if isinstance(exc, anthropic.APITimeoutError):
        return errors.connect_timeout(PROVIDER, timeouts.connect)
    if isinstance(exc, anthropic.APIConnectionError):
        return errors.connection_failed(PROVIDER, errors.transport_failure(exc) or "")
    if errors.decode_failure(exc):
        return errors.malformed(PROVIDER)
    broken = errors.transport_failure(exc)
    if broken is not None:
        return errors.connection_failed(PROVIDER, broken)
    return errors.unexpected(PROVIDER, exc)


# One SDK client per event loop and credentials: creating one loads an SSL context (tens of ms of blocking
# work), which at many concurrent generations dominated the server's CPU. Keyed by the environment so that
# setting a key in a running notebook (%env ANTHROPIC_API_KEY=...) takes effect on the next request.
_CLIENTS: weakref.WeakKeyDictionary[
    asyncio.AbstractEventLoop, dict[tuple[str | None, ...], anthropic.AsyncAnthropic]
]
_CLIENTS = weakref.WeakKeyDictionary()
_CREDENTIAL_VARIABLES = ("ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "ANTHROPIC_BASE_URL")


def _shared_client() -> anthropic.AsyncAnthropic:
    """This loop's SDK client for the current credentials, or GenerationError("no_api_key"). No network."""
    per_loop = _CLIENTS.setdefault(asyncio.get_running_loop(), {})
    key = tuple(os.environ.get(name) for name in _CREDENTIAL_VARIABLES)
    client = per_loop.get(key)
    if client is not None:
        return client
    try:
        # Retries are the gateway's (only before the first token); the SDK's would hide failures.
        client = anthropic.AsyncAnthropic(max_retries=0)
    except anthropic.AnthropicError as exc:  # e.g. a credentials profile that is named but missing
        raise errors.no_api_key(PROVIDER, ["ANTHROPIC_API_KEY"]) from exc
    # Besides the two variables, newer SDKs find credential profiles and federation settings themselves.
    if not (client.api_key or client.auth_token or getattr(client, "credentials", None)):
        raise errors.no_api_key(PROVIDER, ["ANTHROPIC_API_KEY"])
    per_loop[key] = client
    return client


def _client(timeouts: Timeouts) -> anthropic.AsyncAnthropic:
    """The shared client with this request's timeouts (a cheap copy over the same connection pool)."""
    timeout = anthropic.Timeout(timeouts.total, connect=timeouts.connect)
    return _shared_client().with_options(timeout=timeout)


class AnthropicBackend:
    provider = PROVIDER

    def __init__(self, model: str) -> None:
        self.model = model

    async def prepare(self) -> None:
        _shared_client()

    async def events(
        self, request: LLMRequest, timeouts: Timeouts
    ) -> AsyncGenerator[TextChunk | StreamEnd, None]:
        client = _client(timeouts)
        try:
            stream = await client.messages.create(**request_params(request), stream=True)
        except Warning:
            raise  # e.g. the SDK's model deprecation warning, where warnings are errors: not a provider failure
        except Exception as exc:
            raise _as_generation_error(exc, timeouts) from exc
        try:
            async with contextlib.aclosing(_read(stream)) as items:
                async for item in items:
                    yield item
        except GenerationError:
            raise
        except Exception as exc:
            raise _as_generation_error(exc, timeouts) from exc
        finally:
            await stream.close()


async def _read(
    stream: anthropic.AsyncStream[anthropic.types.RawMessageStreamEvent],
) -> AsyncGenerator[TextChunk | StreamEnd, None]:
    input_tokens = output_tokens = cached_tokens = 0
    stop_reason: str | None = None
    async for event in stream:
        if isinstance(event, RawContentBlockDeltaEvent):
            if isinstance(event.delta, TextDelta) and event.delta.text:
                yield TextChunk(event.delta.text)
        elif isinstance(event, RawMessageStartEvent):
            usage = event.message.usage
            # Cache writes are billed as input; cache reads are the cached tokens.
            input_tokens = usage.input_tokens + (usage.cache_creation_input_tokens or 0)
            cached_tokens = usage.cache_read_input_tokens or 0
            output_tokens = usage.output_tokens
        elif isinstance(event, RawMessageDeltaEvent):
            stop_reason = event.delta.stop_reason
            # Counts here are cumulative and, when present, final.
            delta_usage = event.usage
            output_tokens = delta_usage.output_tokens
            if delta_usage.input_tokens is not None:
                input_tokens = delta_usage.input_tokens + (delta_usage.cache_creation_input_tokens or 0)
            if delta_usage.cache_read_input_tokens is not None:
                cached_tokens = delta_usage.cache_read_input_tokens
        elif event.type == "message_stop":
            yield StreamEnd(
                normalise_stop_reason(stop_reason), Usage(input_tokens, output_tokens, cached_tokens)
            )
            return
    raise errors.connection_failed(PROVIDER, "the stream ended before the message was complete")
