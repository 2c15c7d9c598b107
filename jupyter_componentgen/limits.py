"""Limits on what one person may ask for: sizes, generations per minute, generations at once.

Each refusal is a ``GenerationError`` with code ``limit`` whose message names the limit, its value and the
setting that changes it. Every front end builds its engine with ``build_engine``; in
the server, where one engine serves every user of a notebook, the socket should also call
``GenerationLimiter.check_rate(user)`` per request (the server's queue already bounds concurrency per user).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from .engine.errors import GenerationError
from .engine.events import EventSink, EventStamper
from .engine.generation import Engine, GenerationOutcome, GenerationRequest
from .engine.usage import Usage

if TYPE_CHECKING:
    from .config import ComponentGen
    from .engine.checks.findings import CodeChecker
    from .engine.data import DataDescription
    from .engine.gateway import Gateway
    from .engine.screens.classifier import SafetyClassifier
    from .store import Store

WINDOW_SECONDS = 60.0
LOCAL_USER = "local"


def _limit(message: str) -> GenerationError:
    return GenerationError("limit", message, retryable=False)


def check_prompt_size(instruction: str, settings: ComponentGen) -> None:
    limit = settings.max_prompt_chars
    size = len(instruction.strip())
    if limit > 0 and size > limit:
        raise _limit(
            f"The prompt is {size:,} characters; the limit is max_prompt_chars = {limit:,}. "
            "Shorten it, or pass large content as data."
        )


def check_data_sample(data: DataDescription | None, settings: ComponentGen) -> None:
    if data is None:
        return
    limit = settings.max_data_sample_bytes
    size = len(data.schema.encode("utf-8")) + len(data.sample.encode("utf-8"))
    if limit > 0 and size > limit:
        raise _limit(
            f"The data's description (schema and sample) is {size:,} bytes; the limit is "
            f"max_data_sample_bytes = {limit:,}. Pass fewer columns, or lower data_sample_rows."
        )


def check_code_size(code: str, settings: ComponentGen) -> None:
    limit = settings.max_code_bytes
    size = len(code.encode("utf-8"))
    if limit > 0 and size > limit:
        raise _limit(f"The component is {size:,} bytes; the limit is max_code_bytes = {limit:,}.")


class GenerationLimiter:
    """Generations per minute and at once, per user. Thread-safe: kernels run generations on a thread."""

    def __init__(
        self, per_minute: int, concurrent: int, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.per_minute = per_minute
        self.concurrent = concurrent
        self._clock = clock
        self._lock = threading.Lock()
        self._starts: defaultdict[str, deque[float]] = defaultdict(deque)
        self._running: defaultdict[str, int] = defaultdict(int)

    @classmethod
    def from_settings(cls, settings: ComponentGen) -> GenerationLimiter:
        return cls(settings.generations_per_minute, settings.max_concurrent_generations)

    def check_rate(self, user: str) -> None:
        """Count a generation start for ``user``, or refuse it when the per-minute limit is reached."""
        with self._lock:
            self._admit_rate(user)

    @contextmanager
    def admit(self, user: str) -> Iterator[None]:
        """Hold one of ``user``'s concurrent slots for the duration of a generation."""
        with self._lock:
            if self.concurrent > 0 and self._running[user] >= self.concurrent:
                raise _limit(
                    f"{self._running[user]} of your generations are running; the limit is "
                    f"max_concurrent_generations = {self.concurrent}. Wait for one to finish, or cancel one."
                )
            self._admit_rate(user)
            self._running[user] += 1
        try:
            yield
        finally:
            with self._lock:
                self._running[user] -= 1
                if self._running[user] <= 0:
                    del self._running[user]

    def _admit_rate(self, user: str) -> None:
        if self.per_minute <= 0:
            return
        now = self._clock()
        starts = self._starts[user]
        while starts and starts[0] <= now - WINDOW_SECONDS:
            starts.popleft()
        if len(starts) >= self.per_minute:
            wait = max(1, int(starts[0] + WINDOW_SECONDS - now + 0.999))
            raise _limit(
                f"You started {len(starts)} generations in the last minute; the limit is "
                f"generations_per_minute = {self.per_minute}. Try again in {wait} s."
            )
        starts.append(now)


def build_engine(
    settings: ComponentGen, store: Store, limiter: GenerationLimiter, *, user: str = LOCAL_USER
) -> LimitedEngine:
    """The engine every front end should use: limits, the optional safety screen and the static checks."""
    from .engine.checks.static import checker_from_settings

    return LimitedEngine(settings, store, limiter=limiter, user=user, checker=checker_from_settings(settings))


class LimitedEngine(Engine):
    """An Engine that refuses requests over the size, rate and concurrency limits before any model call,
    and, when ``safety_model`` is set, requests the safety classifier blocks.

    Re-runs answered from the history count too: the refusal comes before the cache lookup, so a loop of
    cell runs is held to the same rate.
    """

    def __init__(
        self,
        settings: ComponentGen,
        store: Store,
        *,
        limiter: GenerationLimiter,
        user: str = LOCAL_USER,
        checker: CodeChecker | None = None,
        gateway: Gateway | None = None,
    ) -> None:
        super().__init__(settings, store, checker=checker, gateway=gateway)
        self.limiter = limiter
        self.user = user
        self.classifier: SafetyClassifier | None = None
        if settings.safety_model:
            from .engine.screens.classifier import SafetyClassifier

            self.classifier = SafetyClassifier(self.gateway, settings.safety_model)

    async def run(
        self, request: GenerationRequest, sink: EventSink, *, generation: str | None = None
    ) -> GenerationOutcome:
        generation = generation or self.new_generation_id()
        with contextlib.ExitStack() as slot:
            try:
                check_prompt_size(request.instruction, self.settings)
                check_data_sample(request.data, self.settings)
                slot.enter_context(self.limiter.admit(self.user))
                if self.classifier is not None:
                    await self.classifier.screen(request.instruction)
            except GenerationError as error:
                return _refuse(generation, sink, error)
            return await super().run(request, sink, generation=generation)


def _refuse(generation: str, sink: EventSink, error: GenerationError) -> GenerationOutcome:
    """End a generation that never started with the same events the engine sends for a failure."""
    emit = EventStamper(generation, sink)
    emit({"type": "error", "code": error.code, "message": error.message, "retryable": False, "draft": None})
    emit({"type": "status", "phase": "error", "message": error.message})
    return GenerationOutcome(generation, "failed", None, "", error, Usage())
