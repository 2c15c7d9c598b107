"""A token bucket: short bursts pass, sustained floods are dropped. Used wherever a peer we do not control
(a component's frame, through its view; a browser tab on the server's socket) can send messages at will."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class TokenBucket:
    """``per_second`` tokens a second, at most ``burst`` saved up; thread-safe."""

    def __init__(self, per_second: float, burst: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_second = per_second
        self.burst = burst
        self._clock = clock
        self._tokens = burst
        self._last = clock()
        self._lock = threading.Lock()

    def take(self) -> bool:
        """Spend a token if one is left."""
        with self._lock:
            now = self._clock()
            self._tokens = min(self.burst, self._tokens + (now - self._last) * self.per_second)
            self._last = now
            if self._tokens < 1:
                return False
            self._tokens -= 1
            return True
