"""The engine: the ``Engine`` every front end drives, one per history. What it is asked and what it returns
are in request.py; one generation's steps in run.py; the model calls in asking.py.

Every front end (the cell magic, the Python API, the command line, the server's side panel) drives this
same object, so they share one history and one set of rules: a failed or cancelled generation never
replaces the current version; its partial output is kept as a draft the person can inspect.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from .admission import Admission, GenerationLimiter
from .checks.findings import CodeChecker
from .events import EventSink, EventStamper
from .gateway.types import Timeouts
from .request import GenerationOutcome, GenerationRequest
from .run import GenerationRun

if TYPE_CHECKING:
    from .gateway import Gateway
    from .history import History, Ledger
    from .prompts import PromptBuilder
    from .settings import EngineSettings

__all__ = ["Engine", "GenerationOutcome", "GenerationRequest"]


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
        run = GenerationRun(self, request, EventStamper(generation or self.new_generation_id(), sink))
        return await run.execute()
