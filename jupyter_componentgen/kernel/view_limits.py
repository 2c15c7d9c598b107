"""How often a widget's views may send each kind of message to the kernel.

The view already limits what the component's frame can make it send (js/src/host/frame-limits.ts); this is
the kernel's own guard, so no front end, however broken or hostile, can keep the kernel busy with one
widget's messages: a message over its kind's rate is dropped before any work is done for it.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from jupyter_componentgen.token_bucket import TokenBucket

# Messages per second, and the burst allowed above that, for each kind a view sends.
VIEW_MESSAGE_RATES: dict[str, tuple[float, float]] = {
    "emit": (30.0, 30.0),
    "frame_error": (2.0, 5.0),
    "rendered": (5.0, 10.0),
    "resync": (2.0, 5.0),
    "view_ready": (5.0, 10.0),
    "external_update": (5.0, 10.0),
    "fix": (1.0, 3.0),
    "cancel": (5.0, 10.0),
}
UNKNOWN_KIND_RATE = (5.0, 10.0)
# The longest message text the kernel keeps from a view (it came from the component's frame).
MAX_FRAME_ERROR_CHARS = 500


@dataclass
class ViewMessageLimits:
    """Token buckets per message kind; counts what passed and what was dropped."""

    clock: Callable[[], float] = time.monotonic
    accepted: Counter[str] = field(default_factory=Counter)
    dropped: Counter[str] = field(default_factory=Counter)
    _buckets: dict[str, TokenBucket] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def admit(self, kind: str) -> bool:
        """Whether a message of ``kind`` may be handled now."""
        known = kind if kind in VIEW_MESSAGE_RATES else "other"
        with self._lock:
            bucket = self._buckets.get(known)
            if bucket is None:
                per_second, burst = VIEW_MESSAGE_RATES.get(known, UNKNOWN_KIND_RATE)
                bucket = self._buckets[known] = TokenBucket(per_second, burst, self.clock)
            allowed = bucket.take()
            (self.accepted if allowed else self.dropped)[known] += 1
            return allowed


def cap_reported_text(text: str, limit: int = MAX_FRAME_ERROR_CHARS) -> str:
    """Text a component's frame reported, cut to ``limit`` characters."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
