"""Admission: every limit a generation must pass, each checked here once, with one message that names its
value and the setting that changes it.

Three moments, one object (``Admission``), used by run.py:

- before the cache: the instruction (empty, too long), the data's description, the rate and the generations
  at once per user (``GenerationLimiter``), and the optional safety screen. A re-run answered from the
  history counts too, so a loop of cell runs is held to the same rate;
- after the cache, before any model call: the daily budget (cached re-runs cost nothing and always pass);
- once the answer is complete: the code's size.

"User" is whoever asks: the server's authenticated identity, and ``LOCAL_USER`` in a kernel or the command
line (request.py). A new limit is a function here, called from the moment it belongs to.
"""

from __future__ import annotations

import contextlib
import datetime
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Protocol

from .errors import GenerationError

if TYPE_CHECKING:
    from .data import DataDescription
    from .history import Ledger
    from .request import GenerationRequest
    from .screens.classifier import SafetyClassifier
    from .settings import EngineSettings

WINDOW_SECONDS = 60.0
ENV_PREFIX = "COMPONENTGEN_"


class SizeLimits(Protocol):
    """The size settings (EngineSettings has them, and so does the traitlets configurable)."""

    @property
    def max_prompt_chars(self) -> int: ...

    @property
    def max_data_sample_bytes(self) -> int: ...

    @property
    def max_code_bytes(self) -> int: ...


class RateLimits(Protocol):
    @property
    def generations_per_minute(self) -> int: ...

    @property
    def max_concurrent_generations(self) -> int: ...


def limit_error(message: str) -> GenerationError:
    return GenerationError("limit", message, retryable=False)


def _over(what: str, size: int, unit: str, setting: str, limit: int) -> str:
    return (
        f"{what} is {size:,} {unit}; the limit is {limit:,} "
        f"({setting} = {limit:,} in the settings, or {ENV_PREFIX}{setting.upper()})."
    )


# Sizes ------------------------------------------------------------------------------------------------------


def prompt_size_problem(instruction: str, limit: int) -> str | None:
    """Why ``instruction`` is too long for ``limit`` characters (0: no limit), or None."""
    size = len(instruction.strip())
    if limit <= 0 or size <= limit:
        return None
    return _over("The instruction", size, "characters", "max_prompt_chars", limit) + (
        " Shorten it, or pass large content as data."
    )


def check_prompt_size(instruction: str, limits: SizeLimits) -> None:
    problem = prompt_size_problem(instruction, limits.max_prompt_chars)
    if problem is not None:
        raise limit_error(problem)


def check_instruction(instruction: str, limits: SizeLimits) -> None:
    """An instruction the model can be asked: not empty, not over max_prompt_chars."""
    if not instruction.strip():
        raise GenerationError(
            "bad_request",
            "The instruction is empty: describe the component (or the change) under the %%component line.",
        )
    check_prompt_size(instruction, limits)


def check_data_sample(data: DataDescription | None, limits: SizeLimits) -> None:
    if data is None:
        return
    limit = limits.max_data_sample_bytes
    size = len(data.schema.encode("utf-8")) + len(data.sample.encode("utf-8"))
    if limit > 0 and size > limit:
        raise limit_error(
            _over("The data's description (schema and sample)", size, "bytes", "max_data_sample_bytes", limit)
            + " Pass fewer columns, or lower data_sample_rows."
        )


def check_code_size(code: str, limits: SizeLimits) -> None:
    """A component's source, generated or written by hand, within max_code_bytes."""
    limit = limits.max_code_bytes
    size = len(code.encode("utf-8"))
    if limit > 0 and size > limit:
        raise limit_error(_over("The component", size, "bytes", "max_code_bytes", limit))


# Rate and generations at once -------------------------------------------------------------------------------


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
    def from_settings(cls, settings: RateLimits) -> GenerationLimiter:
        return cls(settings.generations_per_minute, settings.max_concurrent_generations)

    @contextmanager
    def admit(self, user: str) -> Iterator[None]:
        """Count a start for ``user`` and hold one of their concurrent slots for the generation."""
        with self._lock:
            if self.concurrent > 0 and self._running[user] >= self.concurrent:
                raise limit_error(
                    f"{self._running[user]} of your generations are running; the limit is "
                    f"max_concurrent_generations = {self.concurrent}. Wait for one to finish, or cancel one."
                )
            self._count_start(user)
            self._running[user] += 1
        try:
            yield
        finally:
            with self._lock:
                self._running[user] -= 1
                if self._running[user] <= 0:
                    del self._running[user]

    def _count_start(self, user: str) -> None:
        if self.per_minute <= 0:
            return
        now = self._clock()
        starts = self._starts[user]
        while starts and starts[0] <= now - WINDOW_SECONDS:
            starts.popleft()
        if len(starts) >= self.per_minute:
            wait = max(1, int(starts[0] + WINDOW_SECONDS - now + 0.999))
            raise limit_error(
                f"You started {len(starts)} generations in the last minute; the limit is "
                f"generations_per_minute = {self.per_minute}. Try again in {wait} s."
            )
        starts.append(now)


# The daily budget -------------------------------------------------------------------------------------------


def start_of_today(now: datetime.datetime | None = None) -> float:
    """Epoch seconds of the last local midnight."""
    now = datetime.datetime.now().astimezone() if now is None else now
    return now.replace(hour=0, minute=0, second=0, microsecond=0).timestamp()


def check_budget(
    ledger: Ledger, user: str, *, budget_usd: float, budget_tokens: int, since: float | None = None
) -> None:
    """Refuse when ``user`` has spent today's budget in USD or in tokens (read from the usage ledger: every
    call, failed ones included). The day starts at local midnight; a limit of 0 is off."""
    if budget_usd <= 0 and budget_tokens <= 0:
        return
    spent = ledger.spent_by_user(user, start_of_today() if since is None else since)
    if budget_usd > 0 and (spent.cost or 0.0) >= budget_usd:
        raise limit_error(
            f"Today's budget is spent: ${spent.cost or 0.0:.2f} of ${budget_usd:.2f} "
            f"({ENV_PREFIX}DAILY_BUDGET_USD). Cached re-runs still work; new generations resume at "
            "midnight, or raise the budget."
        )
    tokens = spent.input_tokens + spent.output_tokens + spent.cached_tokens
    if budget_tokens > 0 and tokens >= budget_tokens:
        raise limit_error(
            f"Today's token budget is spent: {tokens:,} of {budget_tokens:,} tokens "
            f"({ENV_PREFIX}DAILY_BUDGET_TOKENS). Cached re-runs still work; new generations resume at "
            "midnight, or raise the budget."
        )


# The three moments ------------------------------------------------------------------------------------------


class Admission:
    """The limits of one engine: its settings, its rate limiter (shared by a process's engines) and its
    optional safety classifier."""

    def __init__(
        self,
        settings: EngineSettings,
        ledger: Ledger,
        *,
        limiter: GenerationLimiter | None = None,
        classifier: SafetyClassifier | None = None,
    ) -> None:
        self.settings = settings
        self.ledger = ledger
        self.limiter = limiter
        self.classifier = classifier

    async def admit(self, request: GenerationRequest) -> contextlib.ExitStack:
        """Check ``request`` before the cache; the returned stack holds its slot until closed."""
        check_instruction(request.instruction, self.settings)
        check_data_sample(request.data, self.settings)
        slot = contextlib.ExitStack()
        if self.limiter is not None:
            slot.enter_context(self.limiter.admit(request.user))
        try:
            if self.classifier is not None:
                await self.classifier.screen(request.instruction)
        except BaseException:
            slot.close()
            raise
        return slot

    def check_budget(self, user: str) -> None:
        """Before any model call (a cached answer never gets here)."""
        settings = self.settings
        check_budget(
            self.ledger,
            user,
            budget_usd=settings.daily_budget_usd,
            budget_tokens=settings.daily_budget_tokens,
        )

    def check_code(self, code: str) -> None:
        """The complete answer's code."""
        check_code_size(code, self.settings)
