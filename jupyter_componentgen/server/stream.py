"""The componentgen/api/stream WebSocket: generate, edit, cancel, subscribe, resume.

Opening the socket needs an authenticated user allowed to read "componentgen", from an allowed origin
(the same checks as jupyter-server's kernel sockets); generate, edit and cancel also need "write".
A bad message gets a request_error and the socket keeps working.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from jupyter_core.utils import ensure_async
from jupyter_server.auth.decorator import authorized, ws_authenticated
from jupyter_server.base.handlers import JupyterHandler
from jupyter_server.base.websocket import WebSocketMixin
from tornado.websocket import WebSocketClosedError, WebSocketHandler

from jupyter_componentgen.token_bucket import TokenBucket

from . import messages_out as out
from . import metrics
from .fixes import failure_to_fix, reported_error
from .generation_state import GenerationRefused, GenerationSpec
from .messages_in import (
    BadMessage,
    Cancel,
    ClientMessage,
    Fix,
    FrameReport,
    FrameStatus,
    Generate,
    Resume,
    Subscribe,
    parse_client_message,
)
from .notebooks import HistoryUnavailable, NotebookContext
from .paths import NotebookPathError
from .service import AUTH_RESOURCE, ComponentGenService

log = logging.getLogger(__name__)

# Frames queued to a client that does not read them; beyond this the socket is closed (it can resume).
MAX_PENDING_FRAMES = 20_000
CLOSE_TOO_SLOW = 1013  # "try again later"
# Messages per second (and burst) one socket may send; a flood is dropped before it is parsed.
SOCKET_RATE = (50.0, 200.0)
# Render reports per second (and burst) one socket may send: each one reads the history.
FRAME_REPORT_RATE = (2.0, 10.0)


class StreamSession:
    """One socket's requests and the broadcasts it receives. Knows nothing of tornado."""

    def __init__(
        self,
        service: ComponentGenService,
        user: str,
        send: Callable[[str], None],
        may_write: Callable[[], Awaitable[bool]],
    ) -> None:
        self.service = service
        self.user = user
        self._send = send
        self._budget = TokenBucket(*SOCKET_RATE)
        self._frame_reports = TokenBucket(*FRAME_REPORT_RATE)
        self._last_rate_refusal = float("-inf")
        self._may_write = may_write

    def send(self, text: str) -> None:
        self._send(text)

    def refuse(self, code: str, message: str, request_id: str | None = None) -> None:
        metrics.REQUEST_ERRORS.labels(code=code).inc()
        self._send(out.encode(out.request_error(code, message, request_id)))

    async def handle(self, raw: str | bytes) -> None:
        if not self._budget.take():
            self._drop_flood()
            return
        request_id: str | None = None
        try:
            message = parse_client_message(
                raw,
                max_bytes=self.service.limits.max_message_bytes,
                max_instruction_chars=self.service.settings.max_prompt_chars,
            )
            request_id = message.id if isinstance(message, Generate | Fix) else None
            await self._dispatch(message)
        except BadMessage as error:
            self.refuse(error.code, error.message, error.request_id)
        except NotebookPathError as error:
            self.refuse("bad_notebook", error.message, request_id)
        except GenerationRefused as error:
            self.refuse(error.code, error.message, request_id)
        except HistoryUnavailable as error:
            self.refuse("history_unavailable", error.message, request_id)
        except Exception:
            log.exception("jupyter-componentgen: could not handle a stream message")
            self.refuse("internal", "The server could not handle this request; see its log.", request_id)

    def _drop_flood(self) -> None:
        metrics.SOCKET_MESSAGES_DROPPED.inc()
        now = time.monotonic()
        if now - self._last_rate_refusal >= 1.0:
            self._last_rate_refusal = now
            self.refuse(
                "rate_limited",
                f"This page sent more than {SOCKET_RATE[0]:g} messages a second; the extra ones were dropped.",
            )

    async def _dispatch(self, message: ClientMessage) -> None:
        if isinstance(message, Generate):
            await self._generate(message)
        elif isinstance(message, Cancel):
            await self._require_write("cancel generations")
            self.service.manager.cancel(message.generation)
        elif isinstance(message, Subscribe):
            await self._subscribe(message)
        elif isinstance(message, Fix):
            await self._fix(message)
        elif isinstance(message, FrameStatus):
            await self._frame_status(message)
        else:
            self._resume(message)

    async def _require_write(self, what: str) -> None:
        if not await self._may_write():
            raise GenerationRefused(
                "forbidden",
                f"You may watch generations but not {what}: ask the server's administrator for write "
                f"access to '{AUTH_RESOURCE}'.",
            )

    async def _generate(self, message: Generate) -> None:
        await self._require_write("start them")
        service = self.service
        context = await service.registry.open(message.notebook)
        model = await service.check_model(message.model, context)
        if message.edit:
            current = await context.call(lambda store: store.current(message.component))
            if current is None:
                raise GenerationRefused(
                    "not_found",
                    f"{message.component!r} has no version in {context.api_path} yet; "
                    "send 'generate' to create it.",
                )
        planned = await context.call(lambda store: service.planned_model(model, store, message.component))
        spec = GenerationSpec(
            message.component,
            message.instruction,
            model,
            message.regenerate,
            self.user,
            planned_model=planned,
        )
        generation = service.manager.submit(context, spec)
        self._send(out.encode(out.accepted(message.id, generation.id)))
        service.manager.launch(generation, requester=self)

    async def _subscribe(self, message: Subscribe) -> None:
        context = await self.service.registry.open(message.notebook)
        self.service.hub.subscribe(self, context.api_path, message.component)
        active = [g.summary() for g in self.service.manager.active(context.api_path, message.component)]
        self._send(out.encode(out.subscribed(context.api_path, active)))
        for component, version, error in self.service.manager.fixes.errors(context):
            if message.component in (None, component):
                notice = out.component_error(context.api_path, component, version, reported_error(error))
                self._send(out.encode(notice))
        await self._watch_history(context)

    async def _watch_history(self, context: NotebookContext) -> None:
        """Follow what kernels and the command line save to this history from now on (best effort: a
        history that cannot be read is reported by the requests that need it)."""
        watcher = self.service.watcher
        if watcher is None:
            return
        try:
            await watcher.look(context)
        except Exception as error:
            log.debug("jupyter-componentgen: not watching %s: %r", context.api_path, error)
        watcher.start()

    async def _fix(self, message: Fix) -> None:
        """Ask the model to fix a blocked draft or a frame error of the current version (see fixes.py)."""
        await self._require_write("ask for fixes")
        service, manager = self.service, self.service.manager
        context = await service.registry.open(message.notebook)
        model = await service.check_model(message.model, context)
        failure = await failure_to_fix(context, message)
        component, version = message.component, message.version
        if message.error is not None and version is not None:
            await self._report(context, component, version, message.error)
        if message.auto:
            if not service.settings.auto_fix:
                raise GenerationRefused("auto_fix_off", "Automatic fixes are switched off (auto_fix).")
            if (
                message.error is None
                or version is None
                or manager.active(context.api_path, component)
                or not manager.fixes.take_auto(context, component, version, failure)
            ):
                raise GenerationRefused(
                    "auto_fix_skipped",
                    f"No automatic fix for {component!r}: only a version a generation just saved is fixed "
                    "automatically, once, and never a fix. Ask for a fix yourself.",
                )
        planned = await context.call(lambda store: service.planned_model(model, store, component))
        spec = GenerationSpec(
            component, failure.instruction(), model, False, self.user, fix=failure, planned_model=planned
        )
        try:
            generation = manager.submit(context, spec)
        except GenerationRefused:
            if message.auto and version is not None:
                manager.fixes.rearm(context, component, version)
            raise
        self._send(out.encode(out.accepted(message.id, generation.id)))
        manager.launch(generation, requester=self)

    async def _frame_status(self, message: FrameStatus) -> None:
        """A view says how a version rendered; only people who may generate are listened to."""
        if not self._frame_reports.take():
            metrics.FRAME_REPORTS.labels(outcome="dropped").inc()
            return
        metrics.FRAME_REPORTS.labels(outcome="handled").inc()
        if not await self._may_write():
            return
        context = await self.service.registry.open(message.notebook)
        await self._report(context, message.component, message.version, message.error)

    async def _report(
        self, context: NotebookContext, component: str, version: int, error: FrameReport | None
    ) -> None:
        """Remember a frame report of the current version and tell the notebook's subscribers."""
        current = await context.call(lambda store: store.current(component))
        if current is None or current.number != version:
            return  # about a version that is no longer shown: nobody can fix it from here
        if self.service.manager.fixes.report(context, component, version, error):
            notice = out.component_error(context.api_path, component, version, reported_error(error))
            self.service.hub.send_to_notebook(context.api_path, component, out.encode(notice))

    def _resume(self, message: Resume) -> None:
        manager = self.service.manager
        generation = manager.get(message.generation)
        for event in manager.resume(message.generation, self, message.after_seq):
            self._send(manager.envelope(generation, event))


class StreamHandler(WebSocketMixin, WebSocketHandler, JupyterHandler):
    auth_resource = AUTH_RESOURCE

    def initialize(self, service: ComponentGenService) -> None:
        self.service = service
        self.session: StreamSession | None = None
        self._pending = 0

    def set_default_headers(self) -> None:
        """JupyterHandler's HTML/CSP headers do not apply to a socket upgrade."""

    def get_compression_options(self) -> dict[str, Any] | None:
        options: dict[str, Any] | None = self.settings.get("websocket_compression_options", None)
        return options

    @ws_authenticated
    @authorized  # a GET: the "read" action; generating also needs "write" (checked per message)
    async def get(self, *args: Any, **kwargs: Any) -> None:
        await super().get(*args, **kwargs)

    def open(self, *args: Any, **kwargs: Any) -> None:
        super().open(*args, **kwargs)
        user = self.current_user
        self.session = StreamSession(self.service, user.username, self._send, self._may_write)

    async def on_message(self, message: str | bytes) -> None:
        if self.session is not None:
            await self.session.handle(message)

    def on_close(self) -> None:
        if self.session is not None:
            self.service.hub.drop(self.session)
            self.session = None

    async def _may_write(self) -> bool:
        allowed = await ensure_async(
            self.authorizer.is_authorized(self, self.current_user, "write", AUTH_RESOURCE)
        )
        return bool(allowed)

    def _send(self, text: str) -> None:
        if self.ws_connection is None or self.ws_connection.is_closing():
            return
        if self._pending >= MAX_PENDING_FRAMES:
            log.warning("jupyter-componentgen: closing a stream socket that stopped reading")
            self.close(CLOSE_TOO_SLOW, "Too many unread messages; reconnect and resume.")
            return
        try:
            written = self.write_message(text)
        except WebSocketClosedError:
            return
        self._pending += 1
        written.add_done_callback(self._written)

    def _written(self, future: Any) -> None:
        self._pending -= 1
        if not future.cancelled():
            future.exception()  # retrieved, so a socket closed mid-write is not reported as an error
