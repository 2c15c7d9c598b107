"""What a person does to a history without a model: save code written by hand, and roll back.

The Python API (``Component.set_code``, ``rollback``), the side panel's REST routes and the command line all
come here, so a hand edit gets the same rules everywhere: the size limit, the deterministic repairs a
generated version gets, then the same static checks; code equal to the current version adds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .admission import check_code_size
from .checks.findings import BlockedCode
from .repairs import repair
from .usage import Usage

if TYPE_CHECKING:
    from .admission import SizeLimits
    from .checks.findings import CodeChecker
    from .history import History, VersionRecord

# The prompt a hand-written version shows in the history (the REST body may name its own).
HAND_EDIT_PROMPT = "Edited by hand"


@dataclass(frozen=True)
class HandEdit:
    """A saved hand edit: its version, whether it is new (else the code was already current), its repairs."""

    version: VersionRecord
    new: bool

    @property
    def repairs(self) -> tuple[str, ...]:
        return self.version.repairs if self.new else ()


class HistoryService:
    """Hand edits and rollbacks of one history, with the engine's rules for code."""

    def __init__(self, history: History, limits: SizeLimits, checker: CodeChecker | None) -> None:
        self.history = history
        self.limits = limits
        # The static checks; None when they are off in the settings.
        self.checker = checker

    def save_hand_edit(
        self,
        component: str,
        code: str,
        *,
        parent: int | None = None,
        prompt: str = HAND_EDIT_PROMPT,
        explanation: str = "",
        static_checks: bool = True,
    ) -> HandEdit:
        """Save ``code`` as a version by "user" on ``parent`` (None: the current version) and make it current.

        Raises ValueError for empty code, GenerationError("limit") over max_code_bytes, BlockedCode when the
        (repaired) code breaks a static rule (unless ``static_checks`` is False), VersionNotFoundError for a
        parent the history does not hold. Nothing is saved in any of these cases.
        """
        if not code.strip():
            raise ValueError("The code is empty; write the component's code (JSX) to save it.")
        check_code_size(code, self.limits)
        repaired = repair(code)
        if static_checks and self.checker is not None:
            findings = self.checker(repaired.code)
            if findings:
                raise BlockedCode(findings, repaired.code)
        current = self.history.current(component)
        if parent is None and current is not None:
            parent = current.number
        if current is not None and current.number == parent and current.code == repaired.code:
            return HandEdit(current, new=False)
        version = self.history.add_version(
            component,
            code=repaired.code,
            prompt=prompt,
            parent=parent,
            model=None,
            author="user",
            usage=Usage(),
            latency_ms=None,
            explanation=explanation,
            repairs=repaired.repairs,
        )
        return HandEdit(version, new=True)

    def rollback(self, component: str, number: int) -> VersionRecord:
        """Make version ``number`` current again (the next edit branches from it)."""
        return self.history.set_current(component, number)
