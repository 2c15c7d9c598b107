"""``Component``: one component of the notebook as the person holds it in Python.

It is the widget that shows the component (view state, widget.py), and it composes a generation session
(session.py: edit, fix, start, cancel, wait) and the history's hand edits and rollbacks (the engine's
history service), all from the kernel context it is handed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jupyter_componentgen.resources import check_component_name

from .context import get_context
from .session import GenerationSession
from .status import BlockedDraft, WidgetStatus, idle_status
from .widget import ComponentWidget

if TYPE_CHECKING:
    from jupyter_componentgen.engine.autofix import FrameFailure
    from jupyter_componentgen.engine.history import VersionRecord
    from jupyter_componentgen.engine.request import GenerationOutcome

    from .context import KernelContext


def check_name(name: str) -> str:
    """A component name as the person typed it, or ValueError saying what a name may contain."""
    return check_component_name(name)


class Component(ComponentWidget):
    """A component of this notebook: its widget, its history, and the generations that change it."""

    def __init__(
        self,
        name: str,
        *,
        data: Any = None,
        create: bool = False,
        context: KernelContext | None = None,
        **kwargs: Any,
    ) -> None:
        """Open component ``name`` from this notebook's history (``create=True``: start it if it is new).

        ``context`` is the kernel's (``get_context()`` when not given).
        """
        check_name(name)
        context = context if context is not None else get_context()
        record = context.store.current(name)
        if record is None and not create:
            known = ", ".join(sorted(summary.name for summary in context.store.components())) or "none yet"
            raise LookupError(
                f"No component named {name!r} in this notebook's history (known: {known}). "
                "Create it with generate(prompt, name=...) or %%component."
            )
        if record is not None:
            kwargs.update(code=record.code, version=record.number, explanation=record.explanation)
            kwargs.setdefault("status", idle_status(f"Version {record.number}.", model=record.model or ""))
        else:
            kwargs.setdefault("status", idle_status("No version yet."))
        super().__init__(name, **kwargs)
        # Set after construction: traitlets validates constructor values twice, and props would be wrapped
        # twice. No data gives a null `data` prop, and the model is told there is none.
        self.data = data
        self._context = context
        self._session = GenerationSession(self, context, self.reload)
        self.drive_with(self._session)

    # History

    @property
    def versions(self) -> list[VersionRecord]:
        """Every saved version of this component, oldest first."""
        return self._context.store.versions(self.name)

    def rollback(self, number: int) -> None:
        """Make version ``number`` current again (the next edit branches from it)."""
        self._ensure_idle("roll back")
        record = self._context.history.rollback(self.name, number)
        self.show_version(record, idle_status(f"Rolled back to version {number}.", model=record.model or ""))

    def reload(self) -> None:
        """Show the history's current version (it may have changed elsewhere, e.g. in the side panel)."""
        if self.generating:
            return
        record = self._context.store.current(self.name)
        if record is not None and (record.number != self.version or record.code != self.code):
            self.show_version(record, idle_status(f"Version {record.number}.", model=record.model or ""))

    def set_code(self, code: str, *, static_checks: bool = True) -> VersionRecord:
        """Save hand-written code as a new version (author "user") and show it; no model is called.

        The code first gets the deterministic repairs generated code gets (a missing default export, an
        import path the runtime does not serve…; the status line and the version list them), then passes
        the same size limit and static checks as generated code and `jupyter componentgen render` (unless
        ``static_checks=False``, or they are off in the settings): code that breaks a rule is not saved or
        rendered, the widget lists every finding, the current version stays, and BlockedCode is raised.
        When the code equals the current version's, nothing new is saved and that version is shown.
        """
        from jupyter_componentgen.engine.checks.findings import BlockedCode
        from jupyter_componentgen.engine.repairs import repairs_note

        self._ensure_idle("save code")
        history = self._context.history
        try:
            edit = history.save_hand_edit(self.name, code, static_checks=static_checks)
        except BlockedCode as blocked:
            current = self._context.store.current(self.name)
            kept = f"version {current.number} is still current" if current else "there is no version yet"
            status: WidgetStatus = {**idle_status(f"Your code was not saved; {kept}."), "phase": "error"}
            self.show_blocked(BlockedDraft.of(blocked, blocked.source), blocked.message, status)
            raise
        record = edit.version
        if not edit.new:
            message = f"The code is already version {record.number}; nothing new saved."
        else:
            saved = f"Saved your code as version {record.number}"
            message = f"{saved} · {repairs_note(edit.repairs)}" if edit.repairs else f"{saved}."
        self.show(record, {**idle_status(message), "phase": "done"})
        return record

    # Generations (the session runs them)

    def edit(
        self,
        instruction: str,
        *,
        model: str | None = None,
        regenerate: bool = False,
        wait: bool | None = None,
    ) -> None:
        """Ask the model to change this component (or to write it, if it has no version yet).

        A generation that is still running is cancelled first. Whether this call blocks follows
        ``wait`` (None: the ``wait`` setting; where no live view can show the stream, it blocks).
        """
        self._session.edit(instruction, model=model, regenerate=regenerate, wait=wait)

    def start(
        self,
        instruction: str,
        *,
        model: str | None = None,
        regenerate: bool = False,
        fix: FrameFailure | None = None,
    ) -> None:
        """Start a generation without waiting; the widget streams it. Cancels one already running."""
        self._session.start(instruction, model=model, regenerate=regenerate, fix=fix)

    def wait_and_report(self) -> GenerationOutcome | None:
        """Wait for the generation; where no front end shows the widget, print a failure to stderr."""
        return self._session.wait_and_report()

    def _ensure_idle(self, action: str) -> None:
        if self.generating:
            raise RuntimeError(
                f"Cannot {action} while {self.name!r} is generating; cancel() or wait() first."
            )
