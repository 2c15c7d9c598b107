"""The bounded, replayable log of one generation's events."""

from __future__ import annotations

from collections import deque
from itertools import islice

from jupyter_componentgen.engine.events import Event


class ResumeGap(Exception):
    """The events a client asked for were already dropped from the bounded log."""

    def __init__(self, first_kept: int) -> None:
        super().__init__(f"events before seq {first_kept} are no longer kept")
        self.first_kept = first_kept


class EventLog:
    """Numbers events 1, 2, 3 ... and keeps the last ``limit`` of them for clients that resume.

    The server numbers events itself (rather than keeping the engine's numbers) because it adds its own
    events, such as "queued", before the engine starts.
    """

    def __init__(self, limit: int) -> None:
        self._events: deque[Event] = deque(maxlen=max(1, limit))
        self.last_seq = 0

    def append(self, event: Event) -> Event:
        self.last_seq += 1
        event["seq"] = self.last_seq
        self._events.append(event)
        return event

    @property
    def first_kept(self) -> int:
        return self.last_seq - len(self._events) + 1

    def since(self, after_seq: int) -> list[Event]:
        """Events with seq > after_seq, oldest first; ResumeGap when some of them were dropped."""
        if after_seq >= self.last_seq:
            return []
        first = self.first_kept
        if after_seq + 1 < first:
            raise ResumeGap(first)
        return list(islice(self._events, after_seq + 1 - first, None))
