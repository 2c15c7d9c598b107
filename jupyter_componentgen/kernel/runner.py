"""Generations run on one background event loop per kernel process, so a cell can return while they stream.

A kernel that is busy running a cell does not read its comm messages: a Cancel click or an ``emit`` from a
component would wait until the cell ends. Running the engine on its own thread lets ``%%component`` return at
once where a live front end shows the stream, and block only where nothing could show it (nbclient,
papermill, plain IPython, scripts).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import sys
import threading
import time
from collections.abc import Callable, Coroutine, Mapping
from typing import Any, Literal, TypeVar

T = TypeVar("T")

WaitPolicy = Literal["auto", "always", "never"]

# After a cancel, how long a blocking wait gives the generation to close its stream and save its draft.
CANCEL_GRACE_S = 10.0
# Blocking waits wake up this often so a KeyboardInterrupt is seen promptly on every platform.
_POLL_S = 0.1


class EngineRunner:
    """A daemon thread running an asyncio loop; coroutines submitted to it run as tasks keyed by an id."""

    def __init__(self, name: str = "componentgen-engine") -> None:
        self._loop = asyncio.new_event_loop()
        self._tasks: dict[str, asyncio.Task[Any]] = {}  # touched only on the loop's thread
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()
        self._ready.wait()

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        return self._loop

    def in_runner_thread(self) -> bool:
        return threading.current_thread() is self._thread

    def is_alive(self) -> bool:
        return self._thread.is_alive() and not self._loop.is_closed()

    def submit(self, key: str, coro: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        """Run ``coro`` as a task on the loop; ``cancel(key)`` cancels that task."""
        if not self.is_alive():
            coro.close()
            raise RuntimeError("The generation runner has stopped; restart the kernel to generate again.")
        future: concurrent.futures.Future[T] = concurrent.futures.Future()
        self._loop.call_soon_threadsafe(self._start, key, coro, future)
        return future

    def call_soon(self, callback: Callable[..., object], *args: Any) -> None:
        """Run a plain callback on the loop's thread (thread-safe)."""
        if self.is_alive():
            self._loop.call_soon_threadsafe(callback, *args)

    def cancel(self, key: str) -> None:
        """Ask the task submitted under ``key`` to stop; a no-op when it already ended."""
        self.call_soon(self._cancel_now, key)

    def cancel_all(self) -> int:
        """Cancel every running task; returns how many were running. Safe to call from a signal handler."""
        running = len(self._tasks)
        if running:
            self.call_soon(self._cancel_everything)
        return running

    def running(self) -> int:
        return len(self._tasks)

    def stop(self, timeout: float = 5.0) -> None:
        """Cancel what runs, stop the loop and join the thread."""
        if not self.is_alive():
            return
        self._loop.call_soon_threadsafe(self._shutdown)
        self._thread.join(timeout)

    # The loop's thread

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._loop.call_soon(self._ready.set)
        try:
            self._loop.run_forever()
        finally:
            self._loop.close()

    def _start(self, key: str, coro: Coroutine[Any, Any, T], future: concurrent.futures.Future[T]) -> None:
        if future.cancelled():
            coro.close()
            return
        task = self._loop.create_task(coro)
        self._tasks[key] = task

        def settle(done: asyncio.Task[T]) -> None:
            if self._tasks.get(key) is done:
                del self._tasks[key]
            if future.cancelled():
                return
            if done.cancelled():
                future.cancel()
            elif (error := done.exception()) is not None:
                future.set_exception(error)
            else:
                future.set_result(done.result())

        task.add_done_callback(settle)

    def _cancel_now(self, key: str) -> None:
        task = self._tasks.get(key)
        if task is not None:
            task.cancel()

    def _cancel_everything(self) -> None:
        for task in list(self._tasks.values()):
            task.cancel()

    def _shutdown(self) -> None:
        pending = list(self._tasks.values())
        for task in pending:
            task.cancel()
        if not pending:
            self._loop.stop()
            return
        gathered = asyncio.gather(*pending, return_exceptions=True)
        gathered.add_done_callback(lambda _: self._loop.stop())


def frontend_attached(user_ns: Mapping[str, Any], environ: Mapping[str, str] | None = None) -> bool:
    """Whether a live front end can show a widget's stream while the cell that started it has returned.

    True inside a kernel that jupyter-server started (it sets JPY_SESSION_NAME), in VS Code, or in Colab.
    nbclient, papermill, plain IPython and scripts have no live view, so they get the finished result.
    """
    if not in_kernel():
        return False
    environ = os.environ if environ is None else environ
    return (
        bool(environ.get("JPY_SESSION_NAME"))
        or "__vsc_ipynb_file__" in user_ns
        or "google.colab" in sys.modules
    )


def current_shell() -> Any:
    """The running IPython shell, or None in a plain Python process."""
    if "IPython" not in sys.modules:
        return None  # IPython was never imported, so no shell can be running
    from IPython.core.getipython import get_ipython

    return get_ipython()  # type: ignore[no-untyped-call,unused-ignore]  # typed from IPython 9 on


def in_kernel() -> bool:
    """Whether this code runs inside a Jupyter kernel (as opposed to a script or a terminal IPython)."""
    shell = current_shell()
    return shell is not None and getattr(shell, "kernel", None) is not None


def should_block(policy: WaitPolicy, wait: bool | None, user_ns: Mapping[str, Any]) -> bool:
    """Decide whether the caller waits for the generation: an explicit ``wait`` wins, then the policy."""
    if wait is not None:
        return wait
    if policy == "always":
        return True
    if policy == "never":
        # Without a kernel nobody would ever see the result, so "never" still waits in a script.
        return not in_kernel()
    return not frontend_attached(user_ns)


def wait_interruptibly(
    future: concurrent.futures.Future[T], on_interrupt: Callable[[], object], timeout: float | None = None
) -> T:
    """Block until ``future`` is done; a KeyboardInterrupt calls ``on_interrupt()`` and then keeps waiting
    (up to CANCEL_GRACE_S) for the cancelled work to end cleanly, so the caller gets its real result.

    Raises TimeoutError when ``timeout`` passes first, and concurrent.futures.CancelledError when the work
    was cancelled before it produced a result.
    """
    deadline = None if timeout is None else time.monotonic() + timeout
    interrupted_at: float | None = None
    while True:
        limit = _POLL_S
        if deadline is not None:
            limit = min(limit, max(0.0, deadline - time.monotonic()))
        if interrupted_at is not None:
            limit = min(limit, max(0.0, interrupted_at + CANCEL_GRACE_S - time.monotonic()))
        try:
            return future.result(timeout=limit)
        except concurrent.futures.TimeoutError:
            now = time.monotonic()
            if interrupted_at is not None and now >= interrupted_at + CANCEL_GRACE_S:
                raise TimeoutError("The cancelled generation did not stop in time.") from None
            if deadline is not None and now >= deadline:
                raise TimeoutError("The generation is still running.") from None
        except KeyboardInterrupt:
            if interrupted_at is None:
                interrupted_at = time.monotonic()
                on_interrupt()
