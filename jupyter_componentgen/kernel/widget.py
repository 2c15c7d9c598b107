"""The widget in a cell's output: a component's code, version, status and props, and its live stream.

The heavy front-end runtime (React, the compiler, styles, allowed libraries) lives once per kernel in a
``RuntimeModel`` that every ``ComponentWidget`` references, so a saved notebook stores it once and each
component adds about the size of its own code.

Generations run on the engine runner's thread (see runner.py), which therefore changes traits and sends
messages while the main thread may be handling messages from the view. ipykernel's IOPub socket is safe to
use from any thread; ipywidgets' sync bookkeeping (property lock, held syncs) is not, so every trait change
and state update takes the widget's ``_sync_lock``.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import threading
import time
import traceback
from collections.abc import Awaitable, Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

import anywidget
import traitlets
from ipywidgets import widget_serialization

from jupyter_componentgen.engine.autofix import BLOCKED_PHASE, FrameFailure
from jupyter_componentgen.engine.checks.findings import BlockedCode
from jupyter_componentgen.engine.events import EventSink
from jupyter_componentgen.engine.generation import kept_after_cancel
from jupyter_componentgen.resources import static_asset

from .runner import EngineRunner, current_shell, wait_interruptibly
from .view_limits import ViewMessageLimits, cap_reported_text
from .widget_stream import WidgetStatus, WidgetStream

if TYPE_CHECKING:
    from jupyter_componentgen.engine.generation import GenerationOutcome
    from jupyter_componentgen.engine.history import VersionRecord

__all__ = [
    "BlockedDraft",
    "ComponentWidget",
    "RuntimeModel",
    "RuntimeModule",
    "WidgetStatus",
    "idle_status",
    "shared_runtime",
]

log = logging.getLogger(__name__)

EventHandler = Callable[[Any], object]
RunGeneration = Callable[[EventSink], Awaitable["GenerationOutcome"]]

FRAME_ERROR_PHASES = frozenset({"compile", "runtime", "import"})
# Errors a Fix can act on; a cancelled generation leaves them in place, since it changed nothing.
FIXABLE_ERROR_PHASES = FRAME_ERROR_PHASES | {BLOCKED_PHASE}
# The error trait lists at most this many findings (the message counts them all), so a pathological
# answer cannot bloat the widget state saved in the notebook.
MAX_SHOWN_FINDINGS = 50
_TERMINAL_PHASE = {"saved": "done", "cached": "cached", "failed": "error", "cancelled": "cancelled"}
# A flood of dropped view messages says so in the status line at most this often.
_THROTTLE_NOTICE_S = 2.0


@cache
def _asset(name: str) -> str:
    return static_asset(name)


class _StaticAsset:
    """A class attribute read from the built front end on first use, so importing never needs the build."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, obj: object, owner: type | None = None) -> Any:
        return self if obj is None else _asset(self.name)


class RuntimeModule(anywidget.AnyWidget):
    """One library module of the iframe runtime (recharts, d3, the shadcn/ui set…): its own model, so a
    notebook sends and stores each library once, and only the ones its components import."""

    _esm = "export default {};"
    module_id = traitlets.Unicode("").tag(sync=True)
    source = traitlets.Unicode("").tag(sync=True)


class RuntimeModel(anywidget.AnyWidget):
    """The shared iframe runtime and view code; one per kernel process, referenced by every component.

    ``modules`` holds the library modules this kernel's components import, added on demand (the kernel adds
    what a component's code needs before showing it; a view asks for what a streamed preview needs).
    """

    # Never displayed: the component views read the runtime from this model's state.
    _esm = "export default {};"
    runtime_js = traitlets.Unicode("").tag(sync=True)
    view_js = traitlets.Unicode("").tag(sync=True)
    modules = traitlets.Dict(value_trait=traitlets.Instance(RuntimeModule), default_value={}).tag(
        sync=True, **widget_serialization
    )

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._modules_lock = threading.Lock()
        self.on_msg(self._on_view_message)

    def ensure_modules(self, module_ids: Iterable[str]) -> None:
        """Make ``module_ids`` (and what they require) available to every view; unknown ids are ignored."""
        from jupyter_componentgen.engine.runtime_modules import module_closure, module_source

        with self._modules_lock:
            missing = [m for m in module_closure(module_ids) if m not in self.modules]
            if not missing:
                return
            added = {m: RuntimeModule(module_id=m, source=module_source(m)) for m in missing}
            self.modules = {**self.modules, **added}

    def ensure_modules_for(self, code: str) -> None:
        """Add the modules ``code`` imports (a component about to be shown)."""
        from jupyter_componentgen.engine.runtime_modules import module_ids_for_code

        if code.strip():
            self.ensure_modules(module_ids_for_code(code))

    def _on_view_message(self, _widget: object, content: Any, _buffers: object) -> None:
        # A preview of streamed code (or of a version the server made) needs a module the kernel has not
        # added yet. The ids are checked against the manifest by module_closure.
        if not isinstance(content, dict) or content.get("type") != "need_modules":
            return
        requested = content.get("modules")
        if isinstance(requested, list):
            self.ensure_modules(m for m in requested[:64] if isinstance(m, str))


_runtime_lock = threading.Lock()
_runtime: RuntimeModel | None = None


def shared_runtime() -> RuntimeModel:
    """The kernel's runtime model, created on first use (and again if it was closed)."""
    global _runtime  # noqa: PLW0603
    with _runtime_lock:
        if _runtime is None or _runtime.comm is None:
            _runtime = RuntimeModel(runtime_js=_asset("runtime.js"), view_js=_asset("widget.js"))
        return _runtime


class PropsDict(traitlets.TraitType[dict[str, Any], Any]):
    """The component's props; assigning a DataFrame, dict, list or value converts it with ``to_props``."""

    info_text = "the component's data (a DataFrame, dict, list or JSON-like value)"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(default_value=traitlets.Undefined, **kwargs)

    def make_dynamic_default(self) -> dict[str, Any]:
        # No data: the component's `data` prop is null (and the model is told there is none).
        return self.validate(None, None)

    def validate(self, obj: Any, value: Any) -> dict[str, Any]:
        already = obj is not None and value is obj._trait_values.get(self.name)
        if obj is not None and (getattr(obj, "_props_from_view", False) or already):
            # Props coming back from a view, or traitlets setting again what it has just validated (it does
            # for constructor arguments): converted already.
            if not isinstance(value, dict):
                self.error(obj, value)
            return value
        from jupyter_componentgen.engine.data import to_props

        props = to_props(value)
        if obj is not None:
            obj._data_source = value
        return props


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


@dataclass(frozen=True)
class BlockedDraft:
    """The code of the last generation the static checks blocked, and every finding: what a Fix sends.

    The code stays in the kernel (and in the history's drafts), never in the widget state: a blocked
    component must not travel in the saved notebook.
    """

    findings: tuple[dict[str, Any], ...]
    code: str


@dataclass
class _Job:
    """One generation running for a widget."""

    generation: str
    runner: EngineRunner
    started_at_ms: int
    model: str
    future: concurrent.futures.Future[GenerationOutcome] | None = None
    stream: WidgetStream | None = None
    outcome: GenerationOutcome | None = None


class ComponentWidget(anywidget.AnyWidget):
    """A generated React component rendered in a sandboxed iframe, with its stream and status."""

    _esm = _StaticAsset("bootstrap.js")

    name = traitlets.Unicode("").tag(sync=True)
    code = traitlets.Unicode("").tag(sync=True)
    version = traitlets.Int(0).tag(sync=True)  # 0: no version yet
    status = traitlets.Dict().tag(sync=True)
    data = PropsDict().tag(sync=True)
    error = traitlets.Dict(default_value=None, allow_none=True).tag(sync=True)
    explanation = traitlets.Unicode("").tag(sync=True)
    runtime = traitlets.Instance(RuntimeModel).tag(sync=True, **widget_serialization)

    def __init__(self, name: str = "", **kwargs: Any) -> None:
        # Set before traitlets' constructor, which already fires change notifications.
        self._sync_lock = threading.RLock()
        self._props_from_view = False
        self._data_source: Any = None
        self._handlers: dict[str, list[EventHandler]] = {}
        # Views on screen (each says so when it opens and closes): they assemble streamed code themselves.
        self._views_alive = 0
        self._job: _Job | None = None
        self._last_outcome: GenerationOutcome | None = None
        self.last_frame_error: dict[str, Any] | None = None
        self._blocked: BlockedDraft | None = None
        self._view_limits = ViewMessageLimits()
        self._last_throttle_notice = -_THROTTLE_NOTICE_S
        kwargs.setdefault("runtime", shared_runtime())
        kwargs.setdefault("status", idle_status())
        super().__init__(name=name, **kwargs)
        self.on_msg(self._on_custom_message)

    @traitlets.observe("code")
    def _code_changed(self, change: Any) -> None:
        # Before the views hear of the new code, the runtime holds the libraries it imports.
        self.runtime.ensure_modules_for(str(change["new"]))

    def __repr__(self) -> str:
        status = self.status or {}
        detail = status.get("message") or status.get("phase") or ""
        return f"{type(self).__name__}({self.name!r}, version={self.version}, status={detail!r})"

    # Public API

    @property
    def generating(self) -> bool:
        """True while a generation runs for this widget."""
        job = self._job
        return job is not None and job.future is not None and not job.future.done()

    @property
    def view_message_counts(self) -> dict[str, dict[str, int]]:
        """Messages from this widget's views handled and dropped (over their rate), by kind."""
        limits = self._view_limits
        return {"accepted": dict(limits.accepted), "dropped": dict(limits.dropped)}

    @property
    def blocked(self) -> BlockedDraft | None:
        """The last generation the static checks blocked, while the widget still shows its findings."""
        error = self.error or {}
        return self._blocked if error.get("phase") == BLOCKED_PHASE else None

    def fix(self, *, model: str | None = None, wait: bool | None = None) -> None:
        """Ask the model to fix what went wrong; a widget without a history (see ``Component``) cannot."""
        raise ValueError(
            f"{self.name!r} is not tied to a component's history, so no model can fix it; "
            "open it with Component(name) and call fix() there."
        )

    def on_event(self, name: str, fn: EventHandler, *, remove: bool = False) -> None:
        """Call ``fn(payload)`` whenever the component calls ``emit(name, payload)``.

        Exceptions raised by ``fn`` are shown (traceback in the kernel's log, message in the status line).
        """
        handlers = self._handlers.setdefault(name, [])
        if remove:
            if fn in handlers:
                handlers.remove(fn)
        elif fn not in handlers:
            handlers.append(fn)

    def cancel(self) -> bool:
        """Stop the running generation; the current version stays. False when nothing was running."""
        job = getattr(self, "_job", None)  # None also while a failed constructor's object is collected
        if job is None or job.future is None or job.future.done():
            return False
        job.runner.cancel(job.generation)
        return True

    def wait(self, timeout: float | None = None) -> GenerationOutcome | None:
        """Block until the running generation ends and return its outcome (the last one if none runs).

        Interrupting the wait (Ctrl-C, "Interrupt kernel") cancels the generation and returns its
        cancelled outcome. Raises TimeoutError if ``timeout`` seconds pass first.
        """
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

    def close(self) -> None:
        self.cancel()
        super().close()

    # Driving a generation (used by Component and the magic)

    def _start_generation(
        self, runner: EngineRunner, generation: str, model: str, run: RunGeneration
    ) -> None:
        """Run ``run(sink)`` on the runner; events update this widget, the outcome settles it."""
        if self.generating:
            raise RuntimeError(f"{self.name!r} is already generating; cancel() or wait() first.")
        started_at_ms = int(time.time() * 1000)
        job = _Job(generation=generation, runner=runner, started_at_ms=started_at_ms, model=model)
        status: WidgetStatus = {
            **idle_status(f"Starting {model}…", model=model),
            "phase": "queued",
            "started_at": started_at_ms,
        }
        self._set_traits(status=status)
        self._job = job
        job.future = runner.submit(generation, self._drive(job, run))
        job.future.add_done_callback(
            lambda future: self._settle_cancelled(job) if future.cancelled() else None
        )

    async def _drive(self, job: _Job, run: RunGeneration) -> GenerationOutcome:
        stream = WidgetStream(
            self, job.generation, asyncio.get_running_loop(), started_at_ms=job.started_at_ms, model=job.model
        )
        job.stream = stream
        try:
            outcome = await run(stream)
        except asyncio.CancelledError:
            task = asyncio.current_task()
            if task is not None:
                task.uncancel()
            outcome = _synthetic_outcome(job.generation, "cancelled", "Cancelled.")
        except Exception as exc:
            log.exception("generation %s failed inside jupyter-componentgen", job.generation)
            outcome = _synthetic_outcome(
                job.generation,
                "failed",
                f"The generation stopped on an internal error ({type(exc).__name__}: {exc}). "
                "Try again; if it keeps happening, report it with the kernel's log.",
            )
        finally:
            stream.close()
        self._settle(job, outcome)
        return outcome

    def _settle(self, job: _Job, outcome: GenerationOutcome) -> None:
        """Show the outcome: a new or cached version replaces the code; anything else leaves it as it was."""
        stream = job.stream
        record = outcome.version
        elapsed_ms = max(0, int(time.time() * 1000) - job.started_at_ms)
        status = self._final_status(job, outcome, elapsed_ms)
        with self._sync_lock:
            if outcome.status in ("saved", "cached") and record is not None:
                if stream is not None:
                    stream.finish(record.code, status)
                if stream is not None and self._views_alive > 0:
                    # The views adopted the saved code from the stream: do not send it again.
                    with self._lock_property(code=record.code):
                        self._show(record, status)
                else:
                    # No view (nbclient, papermill): the saved widget state must carry the code.
                    self._show(record, status)
            else:
                if stream is not None:
                    stream.finish(None, status)
                self._set_traits(status=status, error=self._error_after(outcome, status))
            job.outcome = outcome
            self._last_outcome = outcome

    def _error_after(self, outcome: GenerationOutcome, status: WidgetStatus) -> dict[str, Any] | None:
        """The error trait after a generation that made no version."""
        if outcome.status == "cancelled":
            # Nothing changed: a render error of the current version, or blocked code, can still be fixed.
            error = self.error
            return error if error is not None and error.get("phase") in FIXABLE_ERROR_PHASES else None
        failure = outcome.error
        message = failure.message if failure is not None else status["message"]
        if isinstance(failure, BlockedCode):
            findings = tuple(finding.to_dict() for finding in failure.findings)
            self._blocked = BlockedDraft(findings, outcome.code)
            return {
                "phase": BLOCKED_PHASE,
                "message": message,
                "findings": list(findings[:MAX_SHOWN_FINDINGS]),
            }
        return {"phase": "generation", "message": message}

    def _failure_to_fix(self) -> FrameFailure | None:
        """What a Fix would send: the blocked draft with its findings, else the current version's render error."""
        blocked = self.blocked
        if blocked is not None:
            return FrameFailure.from_findings(blocked.findings, blocked.code)
        failure = FrameFailure.from_report(self.last_frame_error or {})
        error = self.error or {}
        return failure if failure is not None and error.get("phase") == failure.phase else None

    def _settle_cancelled(self, job: _Job) -> GenerationOutcome:
        """Settle a generation cancelled before it started (its coroutine never ran)."""
        with self._sync_lock:
            if job.outcome is None:
                self._settle(job, _synthetic_outcome(job.generation, "cancelled", "Cancelled."))
            assert job.outcome is not None
            return job.outcome

    def _final_status(self, job: _Job, outcome: GenerationOutcome, elapsed_ms: int) -> WidgetStatus:
        phase = _TERMINAL_PHASE[outcome.status]
        stream = job.stream
        final = stream.final if stream is not None else None
        if final is not None and final["phase"] == phase:
            return {**final, "started_at": None, "elapsed_ms": elapsed_ms}
        if outcome.status == "cancelled":
            # The status line shows "Cancelled" itself: say only what is on screen now.
            message = kept_after_cancel(self.version or None)
        elif outcome.error is not None:
            message = outcome.error.message
        elif outcome.version is not None:
            message = f"Version {outcome.version.number}."
        else:
            message = ""
        if outcome.status == "failed" and self.version:
            message += f" Version {self.version} is still current."
        usage = outcome.usage
        return {
            "phase": phase,
            "message": message.strip(),
            "model": job.model,
            "input_tokens": usage.input_tokens,
            "output_tokens": usage.output_tokens,
            "cost": usage.cost,
            "started_at": None,
            "elapsed_ms": elapsed_ms,
        }

    def _show(self, record: VersionRecord, status: WidgetStatus) -> None:
        """Display a stored version and a status in one state update."""
        self._set_traits(
            code=record.code, version=record.number, explanation=record.explanation, error=None, status=status
        )

    def _show_version(self, record: VersionRecord | None, status: WidgetStatus) -> None:
        if record is None:
            self._set_traits(status=status)
        else:
            self._show(record, status)

    # StreamPort: called by WidgetStream on the runner's thread

    def stream_send(self, content: dict[str, Any]) -> None:
        with self._sync_lock:
            self.send(content)

    def stream_status(self, status: WidgetStatus) -> None:
        # The views follow the phases from the stream's events (a view that opens mid-stream asks for them):
        # the trait changes here for Python, without a message; the settled status is sent.
        with self._sync_lock, self._lock_property(status=status):
            self.status = dict(status)

    # Thread-safe state sync

    def _set_traits(self, **values: Any) -> None:
        with self._sync_lock, self.hold_sync():
            for key, value in values.items():
                setattr(self, key, value)

    def notify_change(self, change: Any) -> None:
        with self._sync_lock:
            super().notify_change(change)

    def set_state(self, sync_data: dict[str, Any]) -> None:
        with self._sync_lock, self._view_props():
            super().set_state(sync_data)

    @contextmanager
    def _view_props(self) -> Iterator[None]:
        # Props coming back from a view are already props; they must not be wrapped again.
        self._props_from_view = True
        try:
            yield
        finally:
            self._props_from_view = False

    # Messages from the view (main thread)

    def _on_custom_message(self, _widget: object, content: Any, _buffers: object) -> None:
        if not isinstance(content, dict):
            return
        kind = content.get("type")
        if not self._view_limits.admit(str(kind)):
            self._throttled(str(kind))
            return
        if kind == "cancel":
            self.cancel()
        elif kind == "emit":
            name = content.get("name")
            if isinstance(name, str) and name:
                self._dispatch_event(name, content.get("payload"))
        elif kind == "frame_error":
            self._on_frame_error(content)
        elif kind == "rendered":
            self._on_rendered(content)
        elif kind == "resync":
            job = self._job
            if job is not None:
                job.runner.call_soon(self._resync, job)
        elif kind == "view_ready":
            self._views_alive += 1
        elif kind == "view_closed":
            self._views_alive = max(0, self._views_alive - 1)
        elif kind == "external_update":
            self._on_external_update(content)
        elif kind == "fix":
            self._on_fix_request()

    def _throttled(self, kind: str) -> None:
        now = time.monotonic()
        if now - self._last_throttle_notice < _THROTTLE_NOTICE_S:
            return
        self._last_throttle_notice = now
        self._notify(f"The component sent too many {kind!r} messages; the extra ones were ignored.")

    def _resync(self, job: _Job) -> None:
        """Resend the stream's status and code to a view that missed part of it (on the runner, in order)."""
        stream = job.stream
        if stream is None or job is not self._job or job.outcome is not None:
            return
        with self._sync_lock:
            stream.resend()

    def _dispatch_event(self, name: str, payload: Any) -> None:
        for handler in list(self._handlers.get(name, ())):
            try:
                handler(payload)
            except Exception as exc:
                self._report_handler_error(name, exc)

    def _on_fix_request(self) -> None:
        """The view's Fix button: ask for a fix now, or say in the status line why not."""
        if self.generating:
            self._notify("A generation is running: wait for it to end (or cancel it), then ask for a fix.")
            return
        try:
            self.fix(wait=False)
        except (ValueError, RuntimeError) as exc:
            self._notify(str(exc))

    def _notify(self, message: str) -> None:
        status = dict(self.status or idle_status())
        status["notice"] = message
        self._set_traits(status=status)

    def _report_handler_error(self, name: str, exc: Exception) -> None:
        shell = current_shell()
        if shell is not None:
            shell.showtraceback()
        else:
            traceback.print_exc()
        # A notice, not the message: the status line shows notices whatever the phase.
        self._notify(f"Your on_event({name!r}) callback raised {type(exc).__name__}: {exc}")

    def _on_frame_error(self, content: dict[str, Any]) -> None:
        phase = content.get("phase")
        if phase not in FRAME_ERROR_PHASES or not self._about_current_version(content):
            return
        error: dict[str, Any] = {
            "phase": phase,
            "message": cap_reported_text(str(content.get("message", ""))),
        }
        for key in ("line", "column"):
            if isinstance(content.get(key), int):
                error[key] = content[key]
        self.last_frame_error = error
        if self.blocked is None:
            # Blocked findings stay on screen: they are about the newest attempt, which a Fix sends first.
            self._set_traits(error=error)

    def _on_rendered(self, content: dict[str, Any]) -> None:
        if not self._about_current_version(content):
            return
        if self.error is not None and self.error.get("phase") in FRAME_ERROR_PHASES:
            self._set_traits(error=None)

    def _on_external_update(self, content: dict[str, Any]) -> None:
        """A view followed a change made through the server: load it from the history, the source of truth.

        The view names the version it shows; the history may have moved on since, so ``reload`` takes its
        current version. A view that echoes what this kernel already shows changes nothing.
        """
        version = content.get("version")
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            return
        if version == self.version or self.generating:
            return
        self.reload()

    def reload(self) -> None:
        """Show the history's current version; a widget without a history (see ``Component``) has none."""

    def _about_current_version(self, content: dict[str, Any]) -> bool:
        version = content.get("version")
        return version is None or version == self.version


def _synthetic_outcome(
    generation: str, status: Literal["failed", "cancelled"], message: str
) -> GenerationOutcome:
    """An outcome for a generation the engine never got to report on."""
    from jupyter_componentgen.engine.errors import ErrorCode, GenerationError
    from jupyter_componentgen.engine.generation import GenerationOutcome
    from jupyter_componentgen.engine.usage import Usage

    code: ErrorCode = "cancelled" if status == "cancelled" else "internal"
    error = GenerationError(code, message, retryable=False)
    return GenerationOutcome(generation, status, None, "", error, Usage())
