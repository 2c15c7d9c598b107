"""One generation as the server tracks it: what was asked, its state, its replayable events."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from typing import Literal

from jupyter_componentgen.engine.autofix import FrameFailure
from jupyter_componentgen.engine.events import Event
from jupyter_componentgen.engine.request import GenerationOutcome

from . import messages_out as out
from . import metrics
from .event_log import EventLog
from .notebooks import NotebookContext

State = Literal["queued", "running", "finished"]
_TOKEN_EVENTS = frozenset({"text_delta", "content_block_start", "content_block_delta"})


class GenerationRefused(Exception):
    """A request the manager will not take or act on; ``code`` and ``message`` go to the client."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class GenerationSpec:
    component: str
    instruction: str
    # The model the person picked; None: the component's own model, or the configured one (the engine routes).
    model: str | None
    regenerate: bool
    user: str
    # Set for a fix: what failed (and, for a blocked draft, its code).
    fix: FrameFailure | None = None
    # The model the announcements name before the engine routes the request.
    planned_model: str = ""

    @property
    def shown_model(self) -> str:
        return self.model or self.planned_model


class Generation:
    """One request's life: queued, running, finished; with its replayable event log."""

    def __init__(
        self, generation_id: str, context: NotebookContext, spec: GenerationSpec, log_limit: int
    ) -> None:
        self.id = generation_id
        self.context = context
        self.spec = spec
        self.state: State = "queued"
        self.log = EventLog(log_limit)
        self.task: asyncio.Task[None] | None = None
        self.outcome: GenerationOutcome | None = None
        self.created_at = time.monotonic()
        self.started_at: float | None = None
        self.finished_at: float | None = None
        self._saw_token = False
        self._saw_preview = False

    @property
    def notebook(self) -> str:
        return self.context.api_path

    @property
    def component_key(self) -> tuple[int, str]:
        return id(self.context), self.spec.component

    def started_message(self) -> out.GenerationStarted:
        return {
            "type": "generation_started",
            "generation": self.id,
            "notebook": self.notebook,
            "component": self.spec.component,
            "model": self.spec.shown_model,
            "instruction": self.spec.instruction,
            "state": "queued" if self.state == "queued" else "running",
            "last_seq": self.log.last_seq,
        }

    def summary(self) -> out.ActiveGeneration:
        return {
            "generation": self.id,
            "component": self.spec.component,
            "model": self.spec.shown_model,
            "instruction": self.spec.instruction,
            "state": "queued" if self.state == "queued" else "running",
            "last_seq": self.log.last_seq,
        }

    def note_timing(self, event: Event) -> None:
        """Time to first token and to first preview, measured from the start of the engine's run."""
        if self.started_at is None or self._saw_preview:
            return
        kind = event["type"]
        elapsed = time.monotonic() - self.started_at
        if kind in _TOKEN_EVENTS and not self._saw_token:
            self._saw_token = True
            metrics.TIME_TO_FIRST_TOKEN.observe(elapsed)
        if kind == "content_block_delta":
            self._saw_preview = True
            metrics.TIME_TO_FIRST_PREVIEW.observe(elapsed)
