"""Typed shapes of the stream events (source of truth: schema/events.schema.json)."""

from __future__ import annotations

from typing import Any, Protocol

from jupyter_componentgen.schema_types import EventRoute, EventRouteKind, EventStatusPhase, EventUsage

# The shapes are schema/events.schema.json's, generated (schema_types.py), by the names the engine uses.
UsageDict = EventUsage
RouteKind = EventRouteKind
RouteDict = EventRoute
Phase = EventStatusPhase

# The phases a generation ends on; every other phase means it still runs.
TERMINAL_PHASES: frozenset[str] = frozenset({"done", "cached", "cancelled", "error"})

# Every event is a JSON object with "type", "generation" and "seq"; the engine stamps the last two.
Event = dict[str, Any]


class EventSink(Protocol):
    """Receives each event of a generation, in order. Must not block: it runs on the engine's loop."""

    def __call__(self, event: Event) -> None: ...


class EventStamper:
    """Adds the generation id and a 1-based sequence number to each event, then forwards it."""

    def __init__(self, generation: str, sink: EventSink) -> None:
        self.generation = generation
        self._sink = sink
        self._seq = 0

    @property
    def last_seq(self) -> int:
        return self._seq

    def __call__(self, event: Event) -> None:
        self._seq += 1
        self._sink({**event, "generation": self.generation, "seq": self._seq})
