"""Fixes asked over the stream socket: what the model is told, and the rule for automatic fixes.

A fix of a blocked draft sends the model the draft's code and the findings of this server's own static
checks (a client's list of findings is never trusted). A fix of a frame error applies to the current
version only. An automatic fix (a view reports that a version just saved by a server generation fails)
is allowed once per version and never for a version that is itself a fix, whatever the number of views
or pages that report the failure; kernel generations keep their own gate in the kernel.
"""

from __future__ import annotations

import asyncio
import weakref
from dataclasses import dataclass, field

from jupyter_componentgen.engine.autofix import AutoFixGate, FrameFailure
from jupyter_componentgen.engine.checks.findings import Finding
from jupyter_componentgen.engine.checks.static import StaticChecker
from jupyter_componentgen.store import DraftRecord, Store, VersionRecord

from . import messages_out as out
from .generation_state import GenerationRefused
from .messages_in import Fix, FrameReport
from .notebooks import NotebookContext


@dataclass
class _ComponentFixes:
    gate: AutoFixGate = field(default_factory=AutoFixGate)
    # The latest frame error a view reported, and for which version.
    error: FrameReport | None = None
    error_version: int | None = None


class FixTracker:
    """Per notebook and component: the automatic-fix gate and the latest reported frame error."""

    def __init__(self) -> None:
        # Keyed by the notebook's context, so the state follows a renamed notebook and goes with it.
        self._state: weakref.WeakKeyDictionary[NotebookContext, dict[str, _ComponentFixes]] = (
            weakref.WeakKeyDictionary()
        )

    def _of(self, context: NotebookContext, component: str) -> _ComponentFixes:
        return self._state.setdefault(context, {}).setdefault(component, _ComponentFixes())

    def saved(self, context: NotebookContext, component: str, version: int, *, is_fix: bool) -> None:
        """A server generation saved ``version``: it may be fixed automatically once (unless a fix)."""
        self._of(context, component).gate.arm(version, is_fix=is_fix)

    def generation_asked(self, context: NotebookContext, component: str) -> None:
        """Someone asked for a new generation: the failure of the version before is theirs to judge."""
        self._of(context, component).gate.disarm()

    def take_auto(
        self, context: NotebookContext, component: str, version: int, failure: FrameFailure
    ) -> bool:
        return self._of(context, component).gate.take(version, failure)

    def rearm(self, context: NotebookContext, component: str, version: int) -> None:
        """Give back an automatic fix taken for a request the server then refused (e.g. queue full)."""
        self._of(context, component).gate.arm(version, is_fix=False)

    def report(
        self, context: NotebookContext, component: str, version: int, error: FrameReport | None
    ) -> bool:
        """Remember how ``version`` rendered; True when this changes what subscribers were told."""
        state = self._of(context, component)
        if error is None and state.error_version != version:
            return False
        if (state.error, state.error_version) == (error, version):
            return False
        state.error, state.error_version = error, version
        return True

    def errors(self, context: NotebookContext) -> list[tuple[str, int, FrameReport]]:
        """The frame errors known for a notebook's components: (component, version, error)."""
        return [
            (component, state.error_version, state.error)
            for component, state in self._state.get(context, {}).items()
            if state.error is not None and state.error_version is not None
        ]


def reported_error(error: FrameReport | None) -> out.ReportedError | None:
    """A frame error as the component_error message carries it."""
    if error is None:
        return None
    message: out.ReportedError = {"phase": error.phase, "message": error.message}
    if error.line is not None:
        message["line"] = error.line
    if error.column is not None:
        message["column"] = error.column
    if error.stack:
        message["stack"] = error.stack
    return message


async def failure_to_fix(context: NotebookContext, message: Fix) -> FrameFailure:
    """What the model is told to fix, after checking the request against the history."""
    component = message.component
    current = await context.call(lambda store: store.current(component))
    if message.error is not None:
        return _frame_failure(context, message, current)
    drafts = await context.call(lambda store: _drafts(store, component))
    draft = next((d for d in drafts if d.id == message.draft), None)
    if draft is None:
        raise GenerationRefused(
            "unknown_draft",
            f"{component!r} has no draft {message.draft} in {context.api_path}; "
            "ask for the change again instead.",
        )
    return await _blocked_failure(context, draft, current)


def _drafts(store: Store, component: str) -> list[DraftRecord]:
    return store.drafts(component)


def _frame_failure(context: NotebookContext, message: Fix, current: VersionRecord | None) -> FrameFailure:
    error = message.error
    assert error is not None
    component = message.component
    if current is None:
        raise GenerationRefused(
            "not_found", f"{component!r} has no version in {context.api_path} yet; there is nothing to fix."
        )
    if message.version != current.number:
        raise GenerationRefused(
            "not_current",
            f"Version {message.version} of {component!r} is not current (version {current.number} is); "
            "only the current version can be fixed. Show it, or restore it first.",
        )
    report = {"phase": error.phase, "message": error.message, "line": error.line, "stack": error.stack}
    failure = FrameFailure.from_report(report)
    if failure is None:
        raise GenerationRefused("bad_message", "Only compile, import and runtime errors can be fixed.")
    return failure


async def _blocked_failure(
    context: NotebookContext, draft: DraftRecord, current: VersionRecord | None
) -> FrameFailure:
    name = f"Draft {draft.id} of {draft.component!r}"
    if draft.error_code != "blocked":
        raise GenerationRefused(
            "not_blocked",
            f"{name} was not blocked by the static checks (it failed with {draft.error_code}: "
            f"{draft.error_message}); send the request again instead.",
        )
    base = current.number if current is not None else None
    if draft.parent != base:
        raise GenerationRefused(
            "stale_draft",
            f"{name} was written against version {draft.parent}, but version {base} is current now; "
            "ask for the change again on the current version.",
        )
    findings = await asyncio.to_thread(_check, context, draft.code)
    failure = FrameFailure.from_findings([finding.to_dict() for finding in findings], draft.code)
    if failure is None:
        raise GenerationRefused(
            "nothing_to_fix",
            f"This server's static checks find nothing to fix in {name} (it was blocked because: "
            f"{draft.error_message}). Ask for the change again instead.",
        )
    return failure


def _check(context: NotebookContext, code: str) -> list[Finding]:
    """The server's own findings for ``code`` (not counted again as a block in the metrics)."""
    checker = context.engine.checker
    if checker is None:
        return []
    if isinstance(checker, StaticChecker):
        return checker.check(code)
    return list(checker(code))
