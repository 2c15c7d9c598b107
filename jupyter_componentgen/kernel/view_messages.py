"""What a widget's views send the kernel, dispatched: each kind within its rate (view_limits.py), the
component's ``emit`` to the person's callbacks, render reports to the widget's error, and the rest (Cancel,
Fix, resync, a change followed from the server) to whoever drives the widget (``ViewRequests``).

A new kind of view message is a branch of ``ViewMessages.handle``, a rate in view_limits.py and an entry in
schema/widget.schema.json.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from .runner import current_shell
from .status import FRAME_ERROR_PHASES
from .view_limits import ViewMessageLimits, cap_reported_text

if TYPE_CHECKING:
    from jupyter_componentgen.engine.request import GenerationOutcome

    from .status import BlockedDraft

EventHandler = Callable[[Any], object]
# A flood of dropped view messages says so in the status line at most this often.
THROTTLE_NOTICE_S = 2.0


class ViewRequests(Protocol):
    """What a widget hands on to whoever drives it: its generation and the history it shows."""

    @property
    def generating(self) -> bool: ...

    def cancel(self) -> bool: ...

    def wait(self, timeout: float | None = None) -> GenerationOutcome | None: ...

    def fix(self, *, model: str | None = None, wait: bool | None = None) -> None: ...

    def resync(self) -> None:
        """Resend the running generation's status and code to a view that missed part of it."""
        ...

    def frame_failed(self, report: dict[str, Any]) -> None:
        """A view reported a compile, import or runtime error (after the widget showed it)."""
        ...

    def followed(self, version: int) -> None:
        """A view followed a change made elsewhere (the side panel) to ``version``, not the one shown."""
        ...


class ViewState(Protocol):
    """The widget as its messages see it (widget.py's ``ComponentWidget``)."""

    name: str
    version: int
    error: dict[str, Any] | None
    views_alive: int
    last_frame_error: dict[str, Any] | None
    requests: ViewRequests

    @property
    def generating(self) -> bool: ...

    @property
    def blocked(self) -> BlockedDraft | None: ...

    def cancel(self) -> bool: ...

    def fix(self, *, model: str | None = None, wait: bool | None = None) -> None: ...

    def notify(self, message: str) -> None: ...

    def set_traits(self, **values: Any) -> None: ...


class Undriven:
    """The requests of a widget that no history or generation stands behind."""

    def __init__(self, widget: ViewState) -> None:
        self._widget = widget

    @property
    def generating(self) -> bool:
        return False

    def cancel(self) -> bool:
        return False

    def wait(self, timeout: float | None = None) -> GenerationOutcome | None:
        return None

    def fix(self, *, model: str | None = None, wait: bool | None = None) -> None:
        raise ValueError(
            f"{self._widget.name!r} is not tied to a component's history, so no model can fix it; "
            "open it with Component(name) and call fix() there."
        )

    def resync(self) -> None:
        pass

    def frame_failed(self, report: dict[str, Any]) -> None:
        pass

    def followed(self, version: int) -> None:
        pass


class ViewMessages:
    """The dispatcher of one widget's view messages (on the kernel's main thread)."""

    def __init__(self, widget: ViewState) -> None:
        self.widget = widget
        self.limits = ViewMessageLimits()
        self._handlers: dict[str, list[EventHandler]] = {}
        self._last_throttle_notice = -THROTTLE_NOTICE_S

    def on_event(self, name: str, fn: EventHandler, *, remove: bool = False) -> None:
        handlers = self._handlers.setdefault(name, [])
        if remove:
            if fn in handlers:
                handlers.remove(fn)
        elif fn not in handlers:
            handlers.append(fn)

    def handle(self, _widget: object, content: Any, _buffers: object) -> None:
        if not isinstance(content, dict):
            return
        kind = content.get("type")
        if not self.limits.admit(str(kind)):
            self._throttled(str(kind))
            return
        if kind == "cancel":
            self.widget.cancel()
        elif kind == "emit":
            name = content.get("name")
            if isinstance(name, str) and name:
                self._dispatch_event(name, content.get("payload"))
        elif kind == "frame_error":
            self._on_frame_error(content)
        elif kind == "rendered":
            self._on_rendered(content)
        elif kind == "resync":
            self.widget.requests.resync()
        elif kind == "view_ready":
            self.widget.views_alive += 1
        elif kind == "view_closed":
            self.widget.views_alive = max(0, self.widget.views_alive - 1)
        elif kind == "external_update":
            self._on_external_update(content)
        elif kind == "fix":
            self._on_fix_request()

    def _throttled(self, kind: str) -> None:
        now = time.monotonic()
        if now - self._last_throttle_notice < THROTTLE_NOTICE_S:
            return
        self._last_throttle_notice = now
        self.widget.notify(f"The component sent too many {kind!r} messages; the extra ones were ignored.")

    def _dispatch_event(self, name: str, payload: Any) -> None:
        for handler in list(self._handlers.get(name, ())):
            try:
                handler(payload)
            except Exception as exc:
                self._report_handler_error(name, exc)

    def _on_fix_request(self) -> None:
        """The view's Fix button: ask for a fix now, or say in the status line why not."""
        if self.widget.generating:
            self.widget.notify(
                "A generation is running: wait for it to end (or cancel it), then ask for a fix."
            )
            return
        try:
            self.widget.fix(wait=False)
        except (ValueError, RuntimeError) as exc:
            self.widget.notify(str(exc))

    def _report_handler_error(self, name: str, exc: Exception) -> None:
        shell = current_shell()
        if shell is not None:
            shell.showtraceback()
        else:
            traceback.print_exc()
        # A notice, not the message: the status line shows notices whatever the phase.
        self.widget.notify(f"Your on_event({name!r}) callback raised {type(exc).__name__}: {exc}")

    def _on_frame_error(self, content: dict[str, Any]) -> None:
        self._show_frame_error(content)
        self.widget.requests.frame_failed(content)

    def _show_frame_error(self, content: dict[str, Any]) -> None:
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
        self.widget.last_frame_error = error
        if self.widget.blocked is None:
            # Blocked findings stay on screen: they are about the newest attempt, which a Fix sends first.
            self.widget.set_traits(error=error)

    def _on_rendered(self, content: dict[str, Any]) -> None:
        if not self._about_current_version(content):
            return
        if self.widget.error is not None and self.widget.error.get("phase") in FRAME_ERROR_PHASES:
            self.widget.set_traits(error=None)

    def _on_external_update(self, content: dict[str, Any]) -> None:
        """A view followed a change made through the server; the history, the source of truth, says what to
        show (the view names the version it shows; the history may have moved on since). A view that echoes
        what this kernel already shows changes nothing."""
        version = content.get("version")
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            return
        if version == self.widget.version:
            return
        self.widget.requests.followed(version)

    def _about_current_version(self, content: dict[str, Any]) -> bool:
        version = content.get("version")
        return version is None or version == self.widget.version
