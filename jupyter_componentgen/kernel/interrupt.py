"""Make "Interrupt kernel" cancel generations that stream while the kernel is idle.

ipykernel ignores SIGINT while idle (its kernel app installs SIG_IGN) and, around every request, saves the
handler in ``kernel.saved_sigint_handler`` before installing ``default_int_handler``, then restores the saved
one (``pre_handler_hook`` / ``post_handler_hook``). Putting our handler in that slot makes it the idle handler
from the end of the current request on, while a busy cell keeps the usual KeyboardInterrupt.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from types import FrameType
from typing import Any

_MISSING = object()


class IdleInterruptHandler:
    """SIGINT handler for an idle kernel: cancels running generations, else defers to the previous handler."""

    def __init__(self, cancel_all: Callable[[], int], previous: Any) -> None:
        self.cancel_all = cancel_all
        self.previous = previous

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        if self.cancel_all():
            return
        # SIG_IGN and SIG_DFL are not callable; an idle kernel must not die of an interrupt.
        if callable(self.previous):
            self.previous(signum, frame)


def install_idle_interrupt_handler(cancel_all: Callable[[], int]) -> bool:
    """Install the handler in the running ipykernel; False (and no change) anywhere else."""
    if threading.current_thread() is not threading.main_thread():
        return False
    kernel = _current_kernel()
    if kernel is None:
        return False
    saved = getattr(kernel, "saved_sigint_handler", _MISSING)
    if isinstance(saved, IdleInterruptHandler):
        saved.cancel_all = cancel_all
        return True
    if saved is not _MISSING:
        # Inside a request: post_handler_hook will restore this slot when the request ends.
        kernel.saved_sigint_handler = IdleInterruptHandler(cancel_all, saved)
        return True
    current = signal.getsignal(signal.SIGINT)
    if isinstance(current, IdleInterruptHandler):
        current.cancel_all = cancel_all
        return True
    if current is signal.SIG_IGN:
        signal.signal(signal.SIGINT, IdleInterruptHandler(cancel_all, current))
        return True
    return False


def _current_kernel() -> Any:
    from .runner import current_shell

    shell = current_shell()
    kernel = getattr(shell, "kernel", None) if shell is not None else None
    if kernel is None or not hasattr(kernel, "pre_handler_hook"):
        return None
    return kernel
