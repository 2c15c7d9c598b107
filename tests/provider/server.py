"""ScriptedProvider: a real HTTP server on loopback, on its own event loop in a daemon thread."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from types import TracebackType

from aiohttp import web

from .control import ControlHandlers
from .handlers import ProviderHandlers, ProviderState, Responder
from .recorded import RecordedRequest
from .script import Script

# Handlers still streaming at shutdown are cancelled after this long.
_SHUTDOWN_GRACE = 0.2


class ScriptedProvider:
    """Speaks the Anthropic Messages and OpenAI Chat Completions streaming APIs from scripts.

    Scripts queued with :meth:`enqueue` answer requests in order; when none is queued, ``default``
    answers (a Script, or a function of the request's JSON body returning one).
    """

    def __init__(
        self, host: str = "127.0.0.1", port: int = 0, default: Script | Responder | None = None
    ) -> None:
        self.host = host
        self.port = port
        self.url = ""
        self._state = ProviderState(default)
        self._handlers = ProviderHandlers(self._state)
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._startup_error: BaseException | None = None

    @property
    def default(self) -> Script | Responder | None:
        return self._state.default

    @default.setter
    def default(self, value: Script | Responder | None) -> None:
        self._state.default = value

    @property
    def requests(self) -> list[RecordedRequest]:
        """A snapshot of the requests received so far, oldest first."""
        return self._state.requests()

    def enqueue(self, *scripts: Script) -> None:
        self._state.enqueue(*scripts)

    def reset(self) -> None:
        """Forget queued scripts and recorded requests (the default stays)."""
        self._state.reset()

    def wait_for(self, condition: Callable[[list[RecordedRequest]], bool], timeout: float = 5.0) -> bool:
        """Poll the recorded requests until ``condition`` holds; False if it did not within ``timeout``.

        This blocks the calling thread: from a coroutine, use :meth:`wait_for_async`.
        """
        deadline = time.monotonic() + timeout
        while not condition(self.requests):
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.005)
        return True

    async def wait_for_async(
        self, condition: Callable[[list[RecordedRequest]], bool], timeout: float = 5.0
    ) -> bool:
        """:meth:`wait_for` for code on an event loop, which must keep running (e.g. to close sockets)."""
        deadline = time.monotonic() + timeout
        while not condition(self.requests):
            if time.monotonic() >= deadline:
                return False
            await asyncio.sleep(0.005)
        return True

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("the scripted provider is already running")
        ready = threading.Event()
        self._thread = threading.Thread(
            target=self._run, args=(ready,), name="scripted-provider", daemon=True
        )
        self._thread.start()
        ready.wait()
        if self._startup_error is not None:
            self._thread.join()
            self._thread = None
            raise RuntimeError(f"the scripted provider could not start: {self._startup_error}")

    def stop(self) -> None:
        thread, loop, stop = self._thread, self._loop, self._stop
        if thread is None or loop is None or stop is None:
            return
        loop.call_soon_threadsafe(stop.set)
        thread.join()
        self._thread = None

    def __enter__(self) -> ScriptedProvider:
        self.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def _run(self, ready: threading.Event) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._serve(ready))
        except BaseException as exc:
            self._startup_error = exc
        finally:
            ready.set()
            loop.close()

    async def _serve(self, ready: threading.Event) -> None:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        self._handlers.add_routes(app)
        ControlHandlers(self._state).add_routes(app)
        # handler_cancellation: a client that hangs up cancels its handler, which records the moment.
        runner = web.AppRunner(
            app, handler_cancellation=True, access_log=None, shutdown_timeout=_SHUTDOWN_GRACE
        )
        await runner.setup()
        try:
            site = web.TCPSite(runner, self.host, self.port)
            await site.start()
            self.port = runner.addresses[0][1]
            self.url = f"http://{self.host}:{self.port}"
            self._stop = asyncio.Event()
            ready.set()
            await self._stop.wait()
        finally:
            self._handlers.stopping = True
            await runner.cleanup()
