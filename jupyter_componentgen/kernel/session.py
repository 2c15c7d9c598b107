"""A component's generations in the kernel: start (a new request, an edit, a fix), cancel, wait, and settle
the widget when one ends.

A generation runs on the kernel's engine runner (runner.py) while the cell returns; its events reach the
views through a ``WidgetStream`` and its outcome settles the widget's traits. The session also answers the
widget's ``ViewRequests`` (Cancel, Fix, resync, a render failure, a change followed from the server).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from jupyter_componentgen.engine.autofix import AutoFixGate, FrameFailure
from jupyter_componentgen.engine.checks.findings import BlockedCode
from jupyter_componentgen.engine.generation import Engine
from jupyter_componentgen.engine.request import GenerationOutcome, GenerationRequest

from .runner import EngineRunner, wait_interruptibly
from .status import (
    FIXABLE_ERROR_PHASES,
    BlockedDraft,
    WidgetStatus,
    failure_to_fix,
    final_status,
    idle_status,
)
from .widget_stream import WidgetStream

if TYPE_CHECKING:
    from jupyter_componentgen.engine.events import EventSink

    from .context import KernelContext
    from .widget import ComponentWidget

log = logging.getLogger(__name__)

RunGeneration = Callable[["EventSink"], Awaitable[GenerationOutcome]]


@dataclass
class _Job:
    """One generation running for the widget."""

    generation: str
    runner: EngineRunner
    started_at_ms: int
    model: str
    future: concurrent.futures.Future[GenerationOutcome] | None = None
    stream: WidgetStream | None = None
    outcome: GenerationOutcome | None = None


class GenerationSession:
    """The generations of one widget, against the history and engine of ``context``."""

    def __init__(self, view: ComponentWidget, context: KernelContext, reload: Callable[[], None]) -> None:
        self.view = view
        self.context = context
        # Shows the history's current version (a Component's reload): for changes followed from elsewhere.
        self._reload = reload
        self._job: _Job | None = None
        self._last_outcome: GenerationOutcome | None = None
        self.autofix = AutoFixGate()

    @property
    def generating(self) -> bool:
        job = self._job
        return job is not None and job.future is not None and not job.future.done()

    # Starting

    def edit(
        self, instruction: str, *, model: str | None, regenerate: bool, wait: bool | None
    ) -> GenerationOutcome | None:
        self.start(instruction, model=model, regenerate=regenerate)
        return self.wait_and_report() if self.context.should_block(wait) else None

    def fix(self, *, model: str | None = None, wait: bool | None = None) -> None:
        """Ask the model once to fix the blocked draft, else the current version's reported render error."""
        view = self.view
        failure = failure_to_fix(view.blocked, view.last_frame_error, view.error)
        if failure is None:
            raise ValueError(
                f"{view.name!r} has nothing to fix: no blocked generation, and no reported compile, import "
                "or runtime error for its current version. Describe the change with edit() instead."
            )
        self.start(failure.instruction(), model=model, fix=failure)
        if self.context.should_block(wait):
            self.wait_and_report()

    def start(
        self,
        instruction: str,
        *,
        model: str | None = None,
        regenerate: bool = False,
        fix: FrameFailure | None = None,
    ) -> None:
        """Start a generation without waiting; the widget streams it. Cancels one already running."""
        if self.generating:
            self.cancel()
            self.wait()
        self.autofix.disarm()
        view, context = self.view, self.context
        description = None
        if view.data_source is not None:
            from jupyter_componentgen.engine.data import describe_data

            description = describe_data(view.data_source, context.settings.data_sample_rows)
        request = GenerationRequest(
            component=view.name,
            instruction=instruction,
            data=description,
            model=model,
            regenerate=regenerate,
            fix=fix,
        )
        generation = Engine.new_generation_id()
        gate = self.autofix

        async def run(sink: EventSink) -> GenerationOutcome:
            outcome = await context.engine().run(request, sink, generation=generation)
            if outcome.status == "saved" and outcome.version is not None:
                # A version just written may be fixed automatically once if it fails to render; a fix not.
                gate.arm(outcome.version.number, is_fix=fix is not None)
            return outcome

        # What the status line names until the engine routes the request: the model asked for, else the
        # one this component keeps (the engine makes the same choice), never a default nobody chose.
        planned = model or context.store.component_model(view.name) or context.settings.model
        self._launch(context.runner, generation, planned, run)

    def _launch(self, runner: EngineRunner, generation: str, model: str, run: RunGeneration) -> None:
        """Run ``run(sink)`` on the runner; events update the widget, the outcome settles it."""
        if self.generating:
            raise RuntimeError(f"{self.view.name!r} is already generating; cancel() or wait() first.")
        started_at_ms = int(time.time() * 1000)
        job = _Job(generation=generation, runner=runner, started_at_ms=started_at_ms, model=model)
        status: WidgetStatus = {
            **idle_status(f"Starting {model}…", model=model),
            "phase": "queued",
            "started_at": started_at_ms,
        }
        self.view.set_traits(status=status)
        self._job = job
        job.future = runner.submit(generation, self._drive(job, run))
        job.future.add_done_callback(
            lambda future: self._settle_cancelled(job) if future.cancelled() else None
        )

    async def _drive(self, job: _Job, run: RunGeneration) -> GenerationOutcome:
        stream = WidgetStream(
            self.view,
            job.generation,
            asyncio.get_running_loop(),
            started_at_ms=job.started_at_ms,
            model=job.model,
        )
        job.stream = stream
        try:
            outcome = await run(stream)
        except asyncio.CancelledError:
            task = asyncio.current_task()
            if task is not None:
                task.uncancel()
            outcome = GenerationOutcome.never_ran(job.generation, "cancelled", "Cancelled.")
        except Exception as exc:
            log.exception("generation %s failed inside jupyter-componentgen", job.generation)
            outcome = GenerationOutcome.never_ran(
                job.generation,
                "internal",
                f"The generation stopped on an internal error ({type(exc).__name__}: {exc}). "
                "Try again; if it keeps happening, report it with the kernel's log.",
            )
        finally:
            stream.close()
        self._settle(job, outcome)
        return outcome

    # Ending

    def cancel(self) -> bool:
        """Stop the running generation; the current version stays. False when nothing was running."""
        job = self._job
        if job is None or job.future is None or job.future.done():
            return False
        job.runner.cancel(job.generation)
        return True

    def wait(self, timeout: float | None = None) -> GenerationOutcome | None:
        """Block until the running generation ends and return its outcome (the last one if none runs)."""
        job = self._job
        if job is None or job.future is None:
            return self._last_outcome
        if job.runner.in_runner_thread():
            # Waiting there would deadlock: the generation needs that thread to finish.
            raise RuntimeError(
                "wait() was called from the generation thread (e.g. inside a trait observer); "
                "call it from the notebook instead."
            )
        try:
            return wait_interruptibly(job.future, self.cancel, timeout)
        except concurrent.futures.CancelledError:
            return self._settle_cancelled(job)

    def wait_and_report(self) -> GenerationOutcome | None:
        """Wait for the generation; where no front end shows the widget, print a failure to stderr."""
        outcome = self.wait()
        failed = outcome is not None and outcome.status in ("failed", "cancelled")
        if failed and not self.context.frontend_attached():
            print(f"{self.view.name}: {self.view.status.get('message', '')}", file=sys.stderr)
        return outcome

    def _settle(self, job: _Job, outcome: GenerationOutcome) -> None:
        """Show the outcome: a new or cached version replaces the code; anything else leaves it as it was."""
        view, stream, record = self.view, job.stream, outcome.version
        elapsed_ms = max(0, int(time.time() * 1000) - job.started_at_ms)
        status = final_status(
            outcome,
            stream.final if stream is not None else None,
            model=job.model,
            current_version=view.version,
            elapsed_ms=elapsed_ms,
        )
        with view.sync_lock:
            if outcome.status in ("saved", "cached") and record is not None:
                if stream is not None:
                    stream.finish(record.code, status)
                # With live views the saved code came with the stream; without (nbclient, papermill) the
                # saved widget state must carry it.
                view.show(record, status, views_have_code=stream is not None and view.views_alive > 0)
            else:
                if stream is not None:
                    stream.finish(None, status)
                self._show_failure(outcome, status)
            job.outcome = outcome
            self._last_outcome = outcome

    def _show_failure(self, outcome: GenerationOutcome, status: WidgetStatus) -> None:
        """The error trait after a generation that made no version."""
        view = self.view
        if outcome.status == "cancelled":
            # Nothing changed: a render error of the current version, or blocked code, can still be fixed.
            error = view.error
            kept = error if error is not None and error.get("phase") in FIXABLE_ERROR_PHASES else None
            view.set_traits(status=status, error=kept)
            return
        failure = outcome.error
        message = failure.message if failure is not None else status["message"]
        if isinstance(failure, BlockedCode):
            view.show_blocked(BlockedDraft.of(failure, outcome.code), message, status)
            return
        view.set_traits(status=status, error={"phase": "generation", "message": message})

    def _settle_cancelled(self, job: _Job) -> GenerationOutcome:
        """Settle a generation cancelled before it started (its coroutine never ran)."""
        with self.view.sync_lock:
            if job.outcome is None:
                self._settle(job, GenerationOutcome.never_ran(job.generation, "cancelled", "Cancelled."))
            assert job.outcome is not None
            return job.outcome

    # ViewRequests: what the widget's views ask for (main thread)

    def resync(self) -> None:
        job = self._job
        if job is not None:
            job.runner.call_soon(self._resync, job)

    def _resync(self, job: _Job) -> None:
        """Resend the stream's status and code to a view that missed part of it (on the runner, in order)."""
        stream = job.stream
        if stream is None or job is not self._job or job.outcome is not None:
            return
        with self.view.sync_lock:
            stream.resend()

    def frame_failed(self, report: dict[str, Any]) -> None:
        """A version a generation just saved failed to render: fix it once, automatically (auto_fix)."""
        view = self.view
        failure = FrameFailure.from_report(report) if view.last_frame_error is not None else None
        if (
            self.context.settings.auto_fix
            and not self.generating
            and self.autofix.take(view.version, failure)
            and failure is not None
        ):
            self.start(failure.instruction(), fix=failure)

    def followed(self, version: int) -> None:
        """A view followed a change made elsewhere: show the history's current version, unless this kernel
        is generating (its own generation settles the widget)."""
        if not self.generating:
            self._reload()
