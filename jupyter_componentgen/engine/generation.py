"""The engine: what a generation is asked (``GenerationRequest``), how it ended (``GenerationOutcome``) and
the ``Engine`` that runs it (its steps are in run.py, the model calls in asking.py).

Every front end (the cell magic, the Python API, the command line, the server's side panel) drives this
same object, so they share one history and one set of rules: a failed or cancelled generation never
replaces the current version; its partial output is kept as a draft the person can inspect.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from .admission import LOCAL_USER, Admission, GenerationLimiter
from .autofix import FrameFailure
from .checks.findings import CodeChecker
from .errors import GenerationError
from .events import Event, EventSink, EventStamper, Phase
from .gateway.types import Timeouts
from .routing import Route
from .usage import Usage

if TYPE_CHECKING:
    from .data import DataDescription
    from .gateway import Gateway
    from .history import History, Ledger, VersionRecord
    from .prompts import PromptBuilder
    from .settings import EngineSettings

# A cancelled generation's error message; its status message says only what is left (kept_after_cancel).
CANCELLED = "Cancelled before the model finished; nothing was saved."


@dataclass(frozen=True)
class GenerationRequest:
    component: str
    instruction: str
    data: DataDescription | None = None
    model: str | None = None
    regenerate: bool = False
    # Set for a fix after the browser reported this failure (or the static checks blocked fix.code).
    fix: FrameFailure | None = None
    # Who asks, for the rate, the daily budget and the usage ledger: the server's authenticated identity,
    # else LOCAL_USER (a kernel, the command line).
    user: str = LOCAL_USER


OutcomeStatus = Literal["saved", "cached", "failed", "cancelled"]
# The terminal phase (events.py) each outcome's closing status event has.
OUTCOME_PHASE: dict[OutcomeStatus, Phase] = {
    "saved": "done",
    "cached": "cached",
    "failed": "error",
    "cancelled": "cancelled",
}


@dataclass(frozen=True)
class GenerationOutcome:
    generation: str
    status: OutcomeStatus
    version: VersionRecord | None
    code: str
    error: GenerationError | None
    usage: Usage
    # The model choice and why; None when no model was asked (cache, refusals).
    route: Route | None = None

    @classmethod
    def never_ran(
        cls, generation: str, code: Literal["cancelled", "internal"], message: str
    ) -> GenerationOutcome:
        """The outcome of a generation the engine never ran to its end: cancelled before it started, or
        stopped by a failure around the engine (the front end's own, a history that cannot be opened)."""
        error = GenerationError(code, message, retryable=code != "cancelled")
        return cls(generation, "cancelled" if code == "cancelled" else "failed", None, "", error, Usage())

    def closing_events(self) -> list[Event]:
        """The error and status events the engine would have ended with, for an outcome it did not make."""
        error = self.error
        assert error is not None, "only for an outcome without a version"
        return [
            {
                "type": "error",
                "code": error.code,
                "message": error.message,
                "retryable": error.retryable,
                "draft": None,
            },
            {"type": "status", "phase": OUTCOME_PHASE[self.status], "message": error.message},
        ]


def request_key(*, component: str, instruction: str, model: str, data_shape: str, templates: str) -> str:
    """Identity of a request for the response cache.

    It deliberately leaves out whether the component already existed: re-running the first cell of a
    notebook chain must find the version it made, whatever is current now (Store.find_cached applies the
    lineage rule).
    """
    payload = json.dumps(
        [component, " ".join(instruction.split()), model, data_shape, templates], ensure_ascii=False
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


def kept_after_cancel(current: int | None) -> str:
    """A cancelled status's message: the status line shows the phase ("Cancelled") before it."""
    return f"Version {current} is still current." if current is not None else "No version was saved."


class Engine:
    """Runs generations against one notebook's history.

    Front ends build it with ``wiring.build_engine`` (static checks and a rate limiter from the settings);
    without a ``checker`` code is released unchecked, without a ``limiter`` there is no rate limit.
    """

    def __init__(
        self,
        settings: EngineSettings,
        store: History,
        *,
        gateway: Gateway | None = None,
        prompts: PromptBuilder | None = None,
        checker: CodeChecker | None = None,
        ledger: Ledger | None = None,
        limiter: GenerationLimiter | None = None,
    ) -> None:
        self.settings = settings
        # The history port (the store implements it); named ``store`` because that is what every front end
        # passes.
        self.store = store
        self.ledger = ledger if ledger is not None else store.ledger
        # Static checks on the generated code; None releases code unchecked (e.g. trusted --code input).
        self.checker = checker
        if gateway is None:
            from .gateway import Gateway

            gateway = Gateway(
                timeouts=Timeouts(
                    connect=settings.connect_timeout,
                    first_token=settings.first_token_timeout,
                    idle=settings.idle_timeout,
                    total=settings.total_timeout,
                ),
                max_retries=settings.max_retries,
            )
        if prompts is None:
            from .prompts import PromptBuilder

            prompts = PromptBuilder()
        self.gateway = gateway
        self.prompts = prompts
        from .screens.output import OutputScreen

        # Refuses answers that are not code, that quote the system prompt, or contain a banned phrase.
        self.screen = OutputScreen.build(prompts.system_texts(), settings.banned_phrases)
        classifier = None
        if settings.safety_model:
            from .screens.classifier import SafetyClassifier

            classifier = SafetyClassifier(gateway, settings.safety_model)
        self.admission = Admission(settings, self.ledger, limiter=limiter, classifier=classifier)

    @staticmethod
    def new_generation_id() -> str:
        return uuid.uuid4().hex[:16]

    async def run(
        self, request: GenerationRequest, sink: EventSink, *, generation: str | None = None
    ) -> GenerationOutcome:
        """Generate (or fetch from the cache) the next version of ``request.component``.

        Never raises for provider failures or cancellation: the outcome and the events say what happened.
        """
        from .run import GenerationRun

        run = GenerationRun(self, request, EventStamper(generation or self.new_generation_id(), sink))
        return await run.execute()
