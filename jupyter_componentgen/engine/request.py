"""What a generation is asked (``GenerationRequest``) and how it ended (``GenerationOutcome``): the values every
front end hands the engine and gets back.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from .autofix import FrameFailure
from .errors import GenerationError
from .events import Event, Phase
from .routing import Route
from .usage import Usage

if TYPE_CHECKING:
    from .data import DataDescription
    from .history import VersionRecord

# Who asks in a kernel or the command line, where no server authenticated anyone.
LOCAL_USER = "local"
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
