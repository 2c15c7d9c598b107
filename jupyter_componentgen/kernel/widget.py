"""The widget in a cell's output: what its views show (a component's code, version, status, props and error)
and what they ask for.

``ComponentWidget`` is view state only. Whoever drives its generations and history (a ``Component``, through
its ``GenerationSession``) is handed to it as ``ViewRequests``: the view's Cancel, Fix and resync, a render
failure, a change followed from the server. A widget that nobody drives refuses a Fix and ignores the rest.

Generations run on the engine runner's thread (see runner.py), which therefore changes traits and sends
messages while the main thread may be handling messages from the view. ipykernel's IOPub socket is safe to
use from any thread; ipywidgets' sync bookkeeping (property lock, held syncs) is not, so every trait change
and state update takes the widget's ``sync_lock``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import anywidget
import traitlets
from ipywidgets import widget_serialization

from jupyter_componentgen.engine.autofix import BLOCKED_PHASE

from .props import PropsDict
from .runtime_model import RuntimeModel, StaticAsset, shared_runtime
from .status import BlockedDraft, WidgetStatus, idle_status
from .view_messages import EventHandler, Undriven, ViewMessages, ViewRequests

if TYPE_CHECKING:
    from jupyter_componentgen.engine.history import VersionRecord
    from jupyter_componentgen.engine.request import GenerationOutcome

__all__ = ["ComponentWidget", "ViewRequests"]


class ComponentWidget(anywidget.AnyWidget):
    """A generated React component rendered in a sandboxed iframe, with its stream and status."""

    _esm = StaticAsset("bootstrap.js")

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
        self.sync_lock = threading.RLock()
        self._props_from_view = False
        self._data_source: Any = None
        # Views on screen (each says so when it opens and closes): they assemble streamed code themselves.
        self.views_alive = 0
        # The last compile, import or runtime error a view reported for the current version.
        self.last_frame_error: dict[str, Any] | None = None
        self._blocked: BlockedDraft | None = None
        # Who drives this widget's generations and history (a Component's session), else nobody.
        self.requests: ViewRequests = Undriven(self)
        self._messages = ViewMessages(self)
        kwargs.setdefault("runtime", shared_runtime())
        kwargs.setdefault("status", idle_status())
        super().__init__(name=name, **kwargs)
        self.on_msg(self._messages.handle)

    def drive_with(self, requests: ViewRequests) -> None:
        """Hand the view's requests to ``requests`` (a Component's generation session)."""
        self.requests = requests

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
        return self.requests.generating

    @property
    def view_message_counts(self) -> dict[str, dict[str, int]]:
        """Messages from this widget's views handled and dropped (over their rate), by kind."""
        limits = self._messages.limits
        return {"accepted": dict(limits.accepted), "dropped": dict(limits.dropped)}

    @property
    def blocked(self) -> BlockedDraft | None:
        """The last generation the static checks blocked, while the widget still shows its findings."""
        return self._blocked if (self.error or {}).get("phase") == BLOCKED_PHASE else None

    @property
    def data_source(self) -> Any:
        """The value last assigned to ``data`` (e.g. the DataFrame), before it became props."""
        return self._data_source

    def fix(self, *, model: str | None = None, wait: bool | None = None) -> None:
        """Ask the model to fix what went wrong, once; the fix is saved as a new version.

        What it fixes: the last generation the static checks blocked (its code and every finding go to the
        model), or else the compile, import or runtime error the browser reported for the current version.
        Raises ValueError when there is neither, and for a widget no history stands behind (open it with
        ``Component(name)``). A generation still running is cancelled first; ``wait`` as for ``edit``.
        """
        self.requests.fix(model=model, wait=wait)

    def on_event(self, name: str, fn: EventHandler, *, remove: bool = False) -> None:
        """Call ``fn(payload)`` whenever the component calls ``emit(name, payload)``.

        Exceptions raised by ``fn`` are shown (traceback in the kernel's log, message in the status line).
        """
        self._messages.on_event(name, fn, remove=remove)

    def cancel(self) -> bool:
        """Stop the running generation; the current version stays. False when nothing was running."""
        requests = getattr(self, "requests", None)  # None while a failed constructor's object is collected
        return requests.cancel() if requests is not None else False

    def wait(self, timeout: float | None = None) -> GenerationOutcome | None:
        """Block until the running generation ends and return its outcome (the last one if none runs).

        Interrupting the wait (Ctrl-C, "Interrupt kernel") cancels the generation and returns its
        cancelled outcome. Raises TimeoutError if ``timeout`` seconds pass first.
        """
        return self.requests.wait(timeout)

    def close(self) -> None:
        self.cancel()
        super().close()

    # What the views show (any thread)

    def show(self, record: VersionRecord, status: WidgetStatus, *, views_have_code: bool = False) -> None:
        """Display a stored version and a status in one state update; ``views_have_code``: the views
        assembled this code from the stream, so it is not sent to them again."""
        values = {
            "code": record.code,
            "version": record.number,
            "explanation": record.explanation,
            "error": None,
            "status": status,
        }
        with self.sync_lock:
            if views_have_code:
                with self._lock_property(code=record.code):
                    self.set_traits(**values)
            else:
                self.set_traits(**values)

    def show_version(self, record: VersionRecord | None, status: WidgetStatus) -> None:
        if record is None:
            self.set_traits(status=status)
        else:
            self.show(record, status)

    def show_blocked(self, draft: BlockedDraft, message: str, status: WidgetStatus | None = None) -> None:
        """List the findings of blocked code (kept in the kernel for a Fix) instead of any other error."""
        self._blocked = draft
        values: dict[str, Any] = {"error": draft.error(message)}
        if status is not None:
            values["status"] = status
        self.set_traits(**values)

    def notify(self, message: str) -> None:
        """Say in the status line why a request was turned down (a notice, shown whatever the phase)."""
        status = dict(self.status or idle_status())
        status["notice"] = message
        self.set_traits(status=status)

    def set_traits(self, **values: Any) -> None:
        with self.sync_lock, self.hold_sync():
            for key, value in values.items():
                setattr(self, key, value)

    # StreamPort: called by WidgetStream on the runner's thread

    def stream_send(self, content: dict[str, Any]) -> None:
        with self.sync_lock:
            self.send(content)

    def stream_status(self, status: WidgetStatus) -> None:
        # The views follow the phases from the stream's events (a view that opens mid-stream asks for them):
        # the trait changes here for Python, without a message; the settled status is sent.
        with self.sync_lock, self._lock_property(status=status):
            self.status = dict(status)

    # Thread-safe state sync

    def notify_change(self, change: Any) -> None:
        with self.sync_lock:
            super().notify_change(change)

    def set_state(self, sync_data: dict[str, Any]) -> None:
        with self.sync_lock, self._view_props():
            super().set_state(sync_data)

    @contextmanager
    def _view_props(self) -> Iterator[None]:
        # Props coming back from a view are already props; they must not be wrapped again.
        self._props_from_view = True
        try:
            yield
        finally:
            self._props_from_view = False
