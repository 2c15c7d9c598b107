"""The LLM gateway: one streaming interface over every provider, with timeouts, retries and cancel.

Claude models go through the anthropic SDK (prompt caching, exact usage); every other model through litellm.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import random
from collections.abc import AsyncGenerator, Iterable, Sequence
from dataclasses import dataclass

from jupyter_componentgen.engine.errors import ErrorCode, GenerationError

from . import errors
from .backend import Backend, is_anthropic_model
from .pricing import cost_of
from .types import LLMRequest, Retrying, StreamEnd, StreamItem, TextChunk, Timeouts

# Failures that already took their whole time limit: retrying them would multiply the person's wait.
NOT_RETRIED = frozenset({"connect_timeout", "first_token_timeout"})


@dataclass(frozen=True)
class FallingBack:
    """``failed`` gave up before its first token with ``error``; ``next`` is asked now."""

    failed: str
    next: str
    error: GenerationError


def _make_backend(model: str) -> Backend:
    if is_anthropic_model(model):
        from .anthropic_backend import AnthropicBackend

        return AnthropicBackend(model)
    from .litellm_backend import LiteLLMBackend

    return LiteLLMBackend(model)


def warm_up(models: Iterable[str]) -> None:
    """Import the client libraries ``models`` use (seconds each), so the first request or readiness check
    does not wait for them; for a thread at a server's start. No network."""
    for model in models:
        try:
            _make_backend(model)
        except Exception:  # an unknown model: its request says so when it is made
            continue


async def backend_for(model: str) -> Backend:
    """The client for ``model``; its library is imported off the event loop (anthropic's takes seconds)."""
    return await asyncio.to_thread(_make_backend, model)


@dataclass(frozen=True)
class KeyStatus:
    """Whether a request to a model could be sent from this process, as far as can be told offline."""

    ready: bool
    # The environment variables that hold (or would hold) the provider's key.
    variables: tuple[str, ...]
    # Why a request would fail before reaching the provider (no key, a model no client knows); None if ready.
    problem: str | None


async def key_status(model: str) -> KeyStatus:
    """Whether ``model``'s client library knows it and finds its key in the environment. No network."""
    try:
        backend = await backend_for(model)
        await backend.prepare()
    except GenerationError as error:
        variables = error.variables if isinstance(error, errors.MissingKey) else ()
        return KeyStatus(False, variables, error.message)
    key_var = backend.provider.key_var
    return KeyStatus(True, (key_var,) if key_var else (), None)


class _Clock:
    """Which limit applies to the next read of one attempt: first token, idle gap, or the total."""

    def __init__(self, timeouts: Timeouts, total_deadline: float, provider: errors.ProviderInfo) -> None:
        self._provider = provider
        self._loop = asyncio.get_running_loop()
        self._timeouts = timeouts
        self._total_deadline = total_deadline
        self._first_token_deadline = self._loop.time() + timeouts.first_token

    async def next_item(
        self, events: AsyncGenerator[TextChunk | StreamEnd, None], text_seen: bool
    ) -> TextChunk | StreamEnd:
        code: ErrorCode
        if text_seen:
            deadline, code, limit = (
                self._loop.time() + self._timeouts.idle,
                "idle_timeout",
                self._timeouts.idle,
            )
        else:
            deadline, code, limit = (
                self._first_token_deadline,
                "first_token_timeout",
                self._timeouts.first_token,
            )
        if self._total_deadline <= deadline:
            deadline, code, limit = self._total_deadline, "total_timeout", self._timeouts.total
        scope = asyncio.timeout_at(deadline)
        try:
            async with scope:
                return await anext(events)
        except TimeoutError:
            if scope.expired():
                raise errors.stream_timeout(code, limit) from None
            raise
        except StopAsyncIteration:
            raise errors.connection_failed(self._provider, "the stream ended early") from None


class Gateway:
    """Streams one model call: ``TextChunk``\\ s, then a ``StreamEnd``; a ``Retrying`` before each retry.

    Failures are raised as GenerationError. Retries happen only before any text was yielded, on retryable
    codes, at most ``max_retries`` times, after an exponential backoff with jitter. A timeout is never
    retried: the person has already waited the whole limit, so a stall ends within its own timeout.
    Cancelling the consuming task, or closing the iterator, closes the provider's HTTP response at once.
    """

    def __init__(
        self, *, timeouts: Timeouts, max_retries: int = 2, backoff_base: float = 0.5, backoff_max: float = 8.0
    ) -> None:
        self.timeouts = timeouts
        self.max_retries = max_retries
        self.backoff_base = backoff_base
        self.backoff_max = backoff_max

    def backoff(self, attempt: int, retry_after: float | None = None) -> float | None:
        """Seconds to wait before retry number ``attempt`` (1-based); None when the provider asks for longer
        than ``backoff_max`` (waiting that long inside one generation is pointless)."""
        if retry_after is not None and retry_after > self.backoff_max:
            return None
        ceiling = min(self.backoff_max, self.backoff_base * 2 ** (attempt - 1))
        delay = random.uniform(ceiling / 2, ceiling)
        return max(delay, retry_after or 0.0)

    async def stream(
        self, request: LLMRequest, *, retries: int | None = None
    ) -> AsyncGenerator[StreamItem, None]:
        """One model's answer; ``retries`` overrides ``max_retries`` (0: fail at the first failure)."""
        max_retries = self.max_retries if retries is None else retries
        backend = await backend_for(request.model)
        await backend.prepare()
        loop = asyncio.get_running_loop()
        total_deadline = loop.time() + self.timeouts.total
        attempt = 1
        while True:
            clock = _Clock(self.timeouts, total_deadline, backend.provider)
            events = backend.events(request, self.timeouts)
            text_seen = False
            try:
                while True:
                    item = await clock.next_item(events, text_seen)
                    if isinstance(item, StreamEnd):
                        usage = dataclasses.replace(item.usage, cost=cost_of(request.model, item.usage))
                        yield StreamEnd(item.stop_reason, usage)
                        return
                    text_seen = True
                    yield item
            except GenerationError as failure:
                retry_after = failure.retry_after if isinstance(failure, errors.ProviderError) else None
                delay = self.backoff(attempt, retry_after)
                if (
                    text_seen
                    or not failure.retryable
                    or failure.code in NOT_RETRIED
                    or attempt > max_retries
                    or delay is None
                    or loop.time() + delay >= total_deadline
                ):
                    if attempt == 1:
                        raise
                    raise _after_attempts(failure, attempt) from failure
                attempt += 1
                yield Retrying(attempt, failure.code, delay)
                await asyncio.sleep(delay)
            finally:
                await events.aclose()

    async def stream_models(
        self, request: LLMRequest, models: Sequence[str]
    ) -> AsyncGenerator[StreamItem | FallingBack, None]:
        """``stream`` on each model in turn (``request.model`` is replaced) until one gets past its first
        token; a ``FallingBack`` announces each switch. Only retryable failures before any text move on:
        an answer cut off mid-way is not restarted on another model. A model with a fallback after it is
        not retried: its failure moves to the fallback at once, and only the last model gets retries."""
        for index, model in enumerate(models):
            text_seen = False
            retries = None if index == len(models) - 1 else 0
            try:
                async with contextlib.aclosing(
                    self.stream(dataclasses.replace(request, model=model), retries=retries)
                ) as items:
                    async for item in items:
                        text_seen = text_seen or isinstance(item, TextChunk)
                        yield item
                return
            except GenerationError as failure:
                if text_seen or not failure.retryable or index == len(models) - 1:
                    raise
                yield FallingBack(model, models[index + 1], failure)


def _after_attempts(failure: GenerationError, attempts: int) -> GenerationError:
    return GenerationError(
        failure.code, f"{failure.message} (Gave up after {attempts} attempts.)", retryable=failure.retryable
    )
