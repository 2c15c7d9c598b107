"""The Python API: ``generate()`` and ``Component``, one object per component that the person holds.

from jupyter_componentgen import generate, Component
card = generate("a card with total revenue and a sparkline", name="sales", data=df)
card.edit("make the sparkline green")
card.versions, card.rollback(1), card.on_event("select", print)
Component("sales")          # reopen it later from this notebook's history
"""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING, Any

from jupyter_componentgen.engine.autofix import BLOCKED_PHASE

from .context import KernelContext, get_context
from .widget import MAX_SHOWN_FINDINGS, BlockedDraft, ComponentWidget, WidgetStatus, idle_status

if TYPE_CHECKING:
    from jupyter_componentgen.engine.autofix import FrameFailure
    from jupyter_componentgen.engine.events import EventSink
    from jupyter_componentgen.engine.generation import GenerationOutcome
    from jupyter_componentgen.engine.history import VersionRecord

NAME_PATTERN = re.compile(r"[A-Za-z_][A-Za-z0-9_-]{0,99}")
USER_CODE_PROMPT = "(code written by hand)"


def check_name(name: str) -> str:
    """A component name as the person typed it, or ValueError saying what a name may contain."""
    if not isinstance(name, str) or not NAME_PATTERN.fullmatch(name):
        raise ValueError(
            f"{name!r} is not a usable component name: use letters, digits, '_' or '-', "
            "starting with a letter or '_' (at most 100 characters), e.g. sales_card."
        )
    return name


class Component(ComponentWidget):
    """A component of this notebook: its widget, its history, and the generations that change it."""

    def __init__(self, name: str, *, data: Any = None, create: bool = False, **kwargs: Any) -> None:
        """Open component ``name`` from this notebook's history (``create=True``: start it if it is new)."""
        check_name(name)
        context = get_context()
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
        from jupyter_componentgen.engine.autofix import AutoFixGate

        self._autofix = AutoFixGate()

    # History

    @property
    def versions(self) -> list[VersionRecord]:
        """Every saved version of this component, oldest first."""
        return self._context.store.versions(self.name)

    def rollback(self, number: int) -> None:
        """Make version ``number`` current again (the next edit branches from it)."""
        self._ensure_idle("roll back")
        record = self._context.store.set_current(self.name, number)
        self._show_version(record, idle_status(f"Rolled back to version {number}.", model=record.model or ""))

    def reload(self) -> None:
        """Show the history's current version (it may have changed elsewhere, e.g. in the side panel)."""
        if self.generating:
            return
        record = self._context.store.current(self.name)
        if record is not None and (record.number != self.version or record.code != self.code):
            self._show_version(record, idle_status(f"Version {record.number}.", model=record.model or ""))

    def set_code(self, code: str, *, static_checks: bool = True) -> VersionRecord:
        """Save hand-written code as a new version (author "user") and show it; no model is called.

        The code first gets the deterministic repairs generated code gets (a missing default export, an
        import path the runtime does not serve…; the status line and the version list them), then passes
        the same static checks as generated code and `jupyter componentgen render` (unless
        ``static_checks=False``, or they are off in the settings): code that breaks a rule is not saved or
        rendered, the widget lists every finding, the current version stays, and BlockedCode is raised.
        When the code equals the current version's, nothing new is saved and that version is shown.
        """
        from jupyter_componentgen.engine.repairs import repair, repairs_note

        self._ensure_idle("save code")
        if not code.strip():
            raise ValueError("The code is empty; write the component's code (JSX) to save it.")
        repaired = repair(code)
        code = repaired.code
        store = self._context.store
        current = store.current(self.name)
        if static_checks:
            self._refuse_if_blocked(code, current)
        if current is not None and current.code == code:
            record, message = current, f"The code is already version {current.number}; nothing new saved."
        else:
            from jupyter_componentgen.engine.usage import Usage

            record = store.add_version(
                self.name,
                code=code,
                prompt=USER_CODE_PROMPT,
                parent=current.number if current else None,
                model=None,
                author="user",
                usage=Usage(),
                latency_ms=None,
                repairs=repaired.repairs,
            )
            saved = f"Saved your code as version {record.number}"
            message = f"{saved} · {repairs_note(repaired.repairs)}" if repaired.repairs else f"{saved}."
        status: WidgetStatus = {**idle_status(message), "phase": "done"}
        self._show_version(record, status)
        return record

    def _refuse_if_blocked(self, code: str, current: VersionRecord | None) -> None:
        """List the static checks' findings in the widget and raise BlockedCode, if there are any."""
        from jupyter_componentgen.engine.checks.findings import BlockedCode
        from jupyter_componentgen.engine.checks.static import checker_from_settings

        checker = checker_from_settings(self._context.settings)
        findings = tuple(checker(code)) if checker is not None else ()
        if not findings:
            return
        blocked = BlockedCode(findings)
        kept = f"version {current.number} is still current" if current else "there is no version yet"
        found = tuple(finding.to_dict() for finding in findings)
        self._blocked = BlockedDraft(found, code)  # what a Fix would send the model
        error = {
            "phase": BLOCKED_PHASE,
            "message": blocked.message,
            "findings": list(found[:MAX_SHOWN_FINDINGS]),
        }
        status: WidgetStatus = {**idle_status(f"Your code was not saved; {kept}."), "phase": "error"}
        self._set_traits(error=error, status=status)
        raise blocked

    # Generations

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
        self.start(instruction, model=model, regenerate=regenerate)
        if self._context.should_block(wait):
            self.wait_and_report()

    def fix(self, *, model: str | None = None, wait: bool | None = None) -> None:
        """Ask the model to fix what went wrong, once; the fix is saved as a new version.

        What it fixes: the last generation the static checks blocked (its code and every finding go to
        the model), or else the compile, import or runtime error the browser reported for the current
        version. Raises ValueError when there is neither. A generation still running is cancelled first.
        """
        failure = self._failure_to_fix()
        if failure is None:
            raise ValueError(
                f"{self.name!r} has nothing to fix: no blocked generation, and no reported compile, import "
                "or runtime error for its current version. Describe the change with edit() instead."
            )
        self.start(failure.instruction(), model=model, fix=failure)
        if self._context.should_block(wait):
            self.wait_and_report()

    def _on_frame_error(self, content: dict[str, Any]) -> None:
        super()._on_frame_error(content)
        from jupyter_componentgen.engine.autofix import FrameFailure

        failure = FrameFailure.from_report(content) if self.last_frame_error is not None else None
        if (
            self._context.settings.auto_fix
            and not self.generating
            and self._autofix.take(self.version, failure)
            and failure is not None
        ):
            self.start(failure.instruction(), fix=failure)

    def start(
        self,
        instruction: str,
        *,
        model: str | None = None,
        regenerate: bool = False,
        fix: FrameFailure | None = None,
    ) -> None:
        """Start a generation without waiting; the widget streams it. Cancels one already running."""
        from jupyter_componentgen.engine.generation import Engine, GenerationRequest

        if self.generating:
            self.cancel()
            self.wait()
        self._autofix.disarm()
        context = self._context
        description = None
        if self._data_source is not None:
            from jupyter_componentgen.engine.data import describe_data

            description = describe_data(self._data_source, context.settings.data_sample_rows)
        request = GenerationRequest(
            component=self.name,
            instruction=instruction,
            data=description,
            model=model,
            regenerate=regenerate,
            fix=fix,
        )
        generation = Engine.new_generation_id()
        gate = self._autofix

        async def run(sink: EventSink) -> GenerationOutcome:
            outcome = await context.engine().run(request, sink, generation=generation)
            if outcome.status == "saved" and outcome.version is not None:
                # A version just written may be fixed automatically once if it fails to render; a fix not.
                gate.arm(outcome.version.number, is_fix=fix is not None)
            return outcome

        # What the status line names until the engine routes the request: the model asked for, else the
        # one this component keeps (the engine makes the same choice), never a default nobody chose.
        planned = model or context.store.component_model(self.name) or context.settings.model
        self._start_generation(context.runner, generation, planned, run)

    def wait_and_report(self) -> GenerationOutcome | None:
        """Wait for the generation; where no front end shows the widget, print a failure to stderr."""
        outcome = self.wait()
        failed = outcome is not None and outcome.status in ("failed", "cancelled")
        if failed and not self._context.frontend_attached():
            print(f"{self.name}: {self.status.get('message', '')}", file=sys.stderr)
        return outcome

    def _ensure_idle(self, action: str) -> None:
        if self.generating:
            raise RuntimeError(
                f"Cannot {action} while {self.name!r} is generating; cancel() or wait() first."
            )


def live_component(context: KernelContext, name: str) -> Component:
    """The widget already showing ``name`` in this kernel, or a new one (reused so re-runs update in place)."""
    component = context.components.get(name)
    if component is None or component.comm is None:
        component = Component(name, create=True)
        context.components[name] = component
    else:
        component.reload()  # the side panel or another kernel may have moved the current version
    return component


def generate(
    prompt: str,
    *,
    name: str | None = None,
    data: Any = None,
    model: str | None = None,
    regenerate: bool = False,
    wait: bool | None = None,
) -> Component:
    """Generate a component from ``prompt`` (or edit it, if ``name`` already has a version) and return it.

    Show it by making it a cell's last expression (or with ``display``); re-running with the same name
    updates the same widget.

    In a notebook with a live view the call returns at once and the widget streams; in a script, under
    nbclient or papermill, or with ``wait=True`` it returns when the generation has ended. A failed or
    cancelled generation keeps the previous version; ``component.status`` says what happened.
    """
    context = get_context()
    component = live_component(context, check_name(name) if name else _fresh_name(prompt, context))
    if data is not None:
        component.data = data
    component.edit(prompt, model=model, regenerate=regenerate, wait=wait)
    return component


def _fresh_name(prompt: str, context: KernelContext) -> str:
    """A new component name from the prompt's first words, e.g. "sales_card", "sales_card_2"."""
    words = re.findall(r"[a-z0-9]+", prompt.lower())[:3]
    base = "_".join(words) or "component"
    if not base[0].isalpha():
        base = f"component_{base}"
    base = base[:80]
    taken = {summary.name for summary in context.store.components()} | set(context.components)
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}_{number}", number + 1
    return candidate
