"""The seam between generation and static code checks: what a checker returns and how the engine gates code.

The engine releases streamed code to its consumers (the cell widget, the side panel) only after the checker
has passed it, a complete line at a time, so code that breaks a rule never reaches an iframe, even as a
partial preview.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any, Protocol

from jupyter_componentgen.engine.errors import GenerationError


@dataclass(frozen=True)
class Finding:
    """One rule broken by the code. Lines are 1-based, columns 0-based."""

    rule: str
    message: str
    line: int
    column: int
    snippet: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class CodeChecker(Protocol):
    """Checks (possibly incomplete) component source; an empty result means it may run."""

    def __call__(self, code: str) -> Sequence[Finding]: ...


class BlockedCode(GenerationError):
    """The code broke a static rule; it was not rendered or saved as a version.

    ``source`` is the code that was judged, when the raiser holds it (a hand edit; a generation keeps it as
    a draft instead).
    """

    def __init__(self, findings: Sequence[Finding], source: str = "") -> None:
        self.findings = tuple(findings)
        self.source = source
        first = self.findings[0]
        more = f" (and {len(self.findings) - 1} more)" if len(self.findings) > 1 else ""
        super().__init__(
            "blocked",
            f"Blocked before rendering: {first.message} at line {first.line}, column {first.column + 1} "
            f"[{first.rule}]{more}.",
            retryable=False,
        )


# A whole-file check costs milliseconds on a typical component; checking at every streamed line would make
# a generation's checks quadratic in its length. Between checks, complete lines wait at most this long.
CHECK_INTERVAL_S = 0.25


class CheckedRelease:
    """Holds streamed code back until the checker has passed it, in whole lines.

    The first complete line is checked at once (the first preview should not wait); later ones are
    checked together at most every ``interval`` seconds, and the rest when the block ends.
    """

    def __init__(self, checker: CodeChecker, *, interval: float = CHECK_INTERVAL_S) -> None:
        self._checker = checker
        self._interval = interval
        self._parts: list[str] = []
        self._released = 0
        self._last_check = -math.inf
        self.findings: tuple[Finding, ...] = ()

    def add(self, text: str) -> str:
        """Append streamed text; return the newly released part (possibly empty)."""
        self._parts.append(text)
        if self.findings or "\n" not in text:
            return ""
        if time.monotonic() - self._last_check < self._interval and self._released:
            return ""
        code = "".join(self._parts)
        self._parts = [code]
        return self._release(code, code.rfind("\n") + 1)

    def finish(self) -> str:
        """The block ended: check all of it and release the rest if it passes."""
        code = "".join(self._parts)
        if self.findings:
            return ""
        return self._release(code, len(code))

    def _release(self, code: str, cut: int) -> str:
        if cut <= self._released:
            return ""
        self._last_check = time.monotonic()
        found = tuple(self._checker(code[:cut]))
        if found:
            self.findings = found
            return ""
        released, self._released = code[self._released : cut], cut
        return released
