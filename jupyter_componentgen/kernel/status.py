"""The widget's ``status`` and ``error`` traits: their shapes, and what they say when a generation ends.

A field of the status line is added here (``WidgetStatus``), where the stream fills it while a generation
runs (widget_stream.py), and where the view shows it (js/src/widget).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NotRequired, TypedDict

from jupyter_componentgen.engine.autofix import BLOCKED_PHASE, FrameFailure
from jupyter_componentgen.engine.request import OUTCOME_PHASE, kept_after_cancel

if TYPE_CHECKING:
    from jupyter_componentgen.engine.checks.findings import BlockedCode
    from jupyter_componentgen.engine.request import GenerationOutcome

FRAME_ERROR_PHASES = frozenset({"compile", "runtime", "import"})
# Errors a Fix can act on; a cancelled generation leaves them in place, since it changed nothing.
FIXABLE_ERROR_PHASES = FRAME_ERROR_PHASES | {BLOCKED_PHASE}
# The error trait lists at most this many findings (the message counts them all), so a pathological
# answer cannot bloat the widget state saved in the notebook.
MAX_SHOWN_FINDINGS = 50


class WidgetStatus(TypedDict):
    phase: str
    message: str
    model: str
    input_tokens: int
    output_tokens: int
    cost: float | None
    started_at: int | None  # epoch milliseconds while a generation runs, else None
    elapsed_ms: int
    # Why a request from the view was turned down (e.g. Fix with nothing to fix); the next status drops it.
    notice: NotRequired[str]


def idle_status(message: str = "", *, model: str = "") -> WidgetStatus:
    """The status of a widget with no generation running."""
    return {
        "phase": "idle",
        "message": message,
        "model": model,
        "input_tokens": 0,
        "output_tokens": 0,
        "cost": None,
        "started_at": None,
        "elapsed_ms": 0,
    }


def final_status(
    outcome: GenerationOutcome,
    streamed: WidgetStatus | None,
    *,
    model: str,
    current_version: int,
    elapsed_ms: int,
) -> WidgetStatus:
    """The status a generation ends on: the engine's closing status when the stream got one, else one made
    from the outcome (a generation cancelled before it ran, or stopped on an internal error)."""
    phase = OUTCOME_PHASE[outcome.status]
    if streamed is not None and streamed["phase"] == phase:
        return {**streamed, "started_at": None, "elapsed_ms": elapsed_ms}
    if outcome.status == "cancelled":
        # The status line shows "Cancelled" itself: say only what is on screen now.
        message = kept_after_cancel(current_version or None)
    elif outcome.error is not None:
        message = outcome.error.message
    elif outcome.version is not None:
        message = f"Version {outcome.version.number}."
    else:
        message = ""
    if outcome.status == "failed" and current_version:
        message += f" Version {current_version} is still current."
    usage = outcome.usage
    return {
        "phase": phase,
        "message": message.strip(),
        "model": model,
        "input_tokens": usage.input_tokens,
        "output_tokens": usage.output_tokens,
        "cost": usage.cost,
        "started_at": None,
        "elapsed_ms": elapsed_ms,
    }


@dataclass(frozen=True)
class BlockedDraft:
    """The code of the last generation the static checks blocked, and every finding: what a Fix sends.

    The code stays in the kernel (and in the history's drafts), never in the widget state: a blocked
    component must not travel in the saved notebook.
    """

    findings: tuple[dict[str, Any], ...]
    code: str

    @classmethod
    def of(cls, blocked: BlockedCode, code: str) -> BlockedDraft:
        return cls(tuple(finding.to_dict() for finding in blocked.findings), code)

    def error(self, message: str) -> dict[str, Any]:
        """The error trait that lists the findings."""
        return {
            "phase": BLOCKED_PHASE,
            "message": message,
            "findings": list(self.findings[:MAX_SHOWN_FINDINGS]),
        }


def failure_to_fix(
    blocked: BlockedDraft | None, frame_error: dict[str, Any] | None, error: dict[str, Any] | None
) -> FrameFailure | None:
    """What a Fix would send: the blocked draft with its findings, else the current version's render error
    (while the widget still shows it)."""
    if blocked is not None:
        return FrameFailure.from_findings(blocked.findings, blocked.code)
    failure = FrameFailure.from_report(frame_error or {})
    return failure if failure is not None and (error or {}).get("phase") == failure.phase else None
