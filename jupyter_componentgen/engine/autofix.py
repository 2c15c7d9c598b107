"""Automatic fixes: when a freshly generated version fails in the browser, ask the model once to fix it.

Only compile, import and runtime errors of a version that a generation has just saved qualify, once per
version, and never for a version that is itself a fix: a fix of a fix needs the person's click, so a
model that cannot fix its code does not loop. Timeouts and blocked code never reach here (they end the
generation before any version exists). Blocked code can still be fixed by hand: the person's Fix sends
the blocked draft and every static finding (FrameFailure.from_findings).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

FIXABLE_PHASES = frozenset({"compile", "import", "runtime"})
# The phase of a fix asked for code the static checks blocked (never automatic).
BLOCKED_PHASE = "blocked"
_MAX_ERROR_CHARS = 2000
_MAX_FINDINGS = 20


@dataclass(frozen=True)
class FrameFailure:
    """What the sandboxed frame reported about one version."""

    phase: str
    message: str
    line: int | None = None
    stack: str = ""
    # The code that failed when it is not the current version (a blocked draft); None: the current version.
    code: str | None = None

    @classmethod
    def from_report(cls, report: dict[str, Any]) -> FrameFailure | None:
        """From a frame_error report ({phase, message, line?, stack?}); None when it is not fixable."""
        phase = report.get("phase")
        message = str(report.get("message") or "").strip()
        if phase not in FIXABLE_PHASES or not message:
            return None
        line = report.get("line")
        stack = report.get("stack")
        return cls(
            phase=str(phase),
            message=message[:_MAX_ERROR_CHARS],
            line=line if isinstance(line, int) and not isinstance(line, bool) and line > 0 else None,
            stack=stack[:_MAX_ERROR_CHARS] if isinstance(stack, str) else "",
        )

    @classmethod
    def from_findings(cls, findings: Sequence[dict[str, Any]], code: str) -> FrameFailure | None:
        """From the findings of code the static checks blocked (each {rule, message, line, column, snippet})."""
        lines = []
        for finding in findings[:_MAX_FINDINGS]:
            rule, message = finding.get("rule"), finding.get("message")
            if not isinstance(rule, str) or not isinstance(message, str):
                continue
            where = f"line {finding.get('line')}, column {finding.get('column')}"
            snippet = str(finding.get("snippet") or "").strip()
            lines.append(f"- [{rule}] {message} at {where}" + (f": {snippet}" if snippet else ""))
        if not lines or not code.strip():
            return None
        first_line = findings[0].get("line")
        return cls(
            phase=BLOCKED_PHASE,
            message="\n".join(lines)[:_MAX_ERROR_CHARS],
            line=first_line if isinstance(first_line, int) and first_line > 0 else None,
            code=code,
        )

    def error_text(self) -> str:
        if self.phase == BLOCKED_PHASE:
            return (
                "The static security checks blocked this code before it ran. The sandbox allows no "
                "network, storage, dynamic code or access outside the frame; rewrite the flagged parts "
                "without those APIs:\n" + self.message
            )
        text = f"{self.phase} error: {self.message}"
        return f"{text}\n{self.stack}" if self.stack else text

    def instruction(self) -> str:
        """The version's prompt, as the history shows it."""
        first_line = self.message.splitlines()[0] if self.message else ""
        if self.phase == BLOCKED_PHASE:
            return f"Fix the blocked code: {first_line.removeprefix('- ')}"
        return f"Fix the {self.phase} error: {first_line}"


class AutoFixGate:
    """Remembers which versions may still be fixed automatically (one component's widget keeps one)."""

    def __init__(self) -> None:
        self._armed: int | None = None

    def arm(self, version: int, *, is_fix: bool) -> None:
        """A generation just saved ``version``; a fix's own failure is left to the person."""
        self._armed = None if is_fix else version

    def disarm(self) -> None:
        self._armed = None

    def take(self, version: int, failure: FrameFailure | None) -> bool:
        """True once for an armed version that failed in a fixable way; the gate is then spent."""
        if failure is None or self._armed is None or self._armed != version:
            return False
        self._armed = None
        return True
