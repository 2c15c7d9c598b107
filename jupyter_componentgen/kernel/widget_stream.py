"""A generation's engine events, sent to the widget's views as they are: the same events
(schema/events.schema.json) the server sends the side panel, so one follower (js/src/stream/follower.ts)
reads both. Two things make it cheap on the comm:

- code deltas are coalesced: consecutive ``content_block_delta`` events become one, sent at most every
  MIN_DELTA_INTERVAL_S (a small batch waits at most MAX_DELTA_LATENCY_S), in a compact envelope:
  ``{"type": "delta", "text"}`` stands for the next delta event of the generation and block the previous
  events named (schema/widget.schema.json); the model's prose is not streamed to the cell, which shows it
  (the explanation trait) when the generation ends;
- an event names its generation only when it changes, and carries no sequence number (the views number
  the events of the comm themselves);
- status events that repeat the phase and message are dropped (the view counts streamed code itself), and
  a status does not repeat the model or route the previous one named, nor, while running, carry the
  engine's token estimate.

The closing events (the terminal status and ``message_stop``) are held until the widget settles, so a
view learns the outcome together with the final code: when the code saved differs from what streamed
(a repair, a reworked edit), the saved code is sent first, as one more file block. The widget's ``status``
trait follows phase changes for Python; the views get the phases from the events. Everything here
runs on the engine runner's event loop.
"""

from __future__ import annotations

import asyncio
import json
import math
from collections.abc import Callable
from typing import Any, Protocol

from jupyter_componentgen.engine.events import TERMINAL_PHASES, Event

from .status import WidgetStatus

# No two code batches closer than this (a block's start and end go at once).
MIN_DELTA_INTERVAL_S = 0.04
# A small batch waits at most this long: a preview renders per line anyway, and every message costs its
# envelope.
MAX_DELTA_LATENCY_S = 0.25
# How long a new running phase waits for a successor before the status trait shows it.
PHASE_SETTLE_S = 0.06
_COALESCED = frozenset({"content_block_delta"})


class StreamPort(Protocol):
    """What a generation stream needs from its widget."""

    def stream_send(self, content: dict[str, Any]) -> None: ...

    def stream_status(self, status: WidgetStatus) -> None: ...


class EventBatcher:
    """Sends events to the views, merging runs of deltas into one event per batch."""

    def __init__(self, send: Callable[[dict[str, Any]], None], loop: asyncio.AbstractEventLoop) -> None:
        self._send = send
        self._loop = loop
        self._pending: Event | None = None
        self._generation: Any = None
        self._last_run: Event | None = None
        self._pending_chars = 0
        self._last_flush = -math.inf
        self._timer: asyncio.TimerHandle | None = None
        # A batch goes before the latency cap once its envelope is at most a quarter of it.
        envelope = {"method": "custom", "content": {"type": "delta", "text": ""}}
        self._worthwhile_chars = 4 * len(json.dumps(envelope, separators=(",", ":")))

    def send(self, event: Event) -> None:
        """Forward ``event``; deltas may wait a little to travel with the next ones."""
        pending = self._pending
        if event["type"] in _COALESCED:
            if pending is not None and not self._same_run(pending, event):
                self.flush()
                pending = None
            if pending is None:
                if self._last_run is None or not self._same_run(self._last_run, event):
                    self._last_flush = -math.inf  # the first delta of a run goes at once
                self._pending = dict(event)
            else:
                pending["text"] += event["text"]
                pending["seq"] = event["seq"]
            self._pending_chars += len(event["text"])
            self._schedule_flush()
            return
        self.flush()
        self._last_run = None
        self._emit(event)

    def flush(self) -> None:
        """Send the pending batch now."""
        self._cancel_timer()
        pending, self._pending = self._pending, None
        self._pending_chars = 0
        if pending is not None:
            self._emit(pending)
            self._last_flush = self._loop.time()
            self._last_run = pending

    def close(self) -> None:
        self._cancel_timer()

    def _emit(self, event: Event) -> None:
        if event["type"] == "content_block_delta":
            self._send({"type": "delta", "text": event["text"]})
            return
        # The views number events themselves and remember the generation the last one named.
        compact = {key: value for key, value in event.items() if key != "seq"}
        if compact.get("generation") == self._generation:
            del compact["generation"]
        else:
            self._generation = compact.get("generation")
        self._send({"type": "event", "event": compact})

    @staticmethod
    def _same_run(pending: Event, event: Event) -> bool:
        return pending["type"] == event["type"] and pending.get("component") == event.get("component")

    def _schedule_flush(self) -> None:
        since = self._loop.time() - self._last_flush
        worthwhile = self._pending_chars >= self._worthwhile_chars
        if since >= MAX_DELTA_LATENCY_S or (worthwhile and since >= MIN_DELTA_INTERVAL_S):
            self.flush()
            return
        when = self._last_flush + (MIN_DELTA_INTERVAL_S if worthwhile else MAX_DELTA_LATENCY_S)
        if self._timer is not None:
            if self._timer.when() <= when:
                return
            self._timer.cancel()
        self._timer = self._loop.call_at(when, self.flush)

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None


class WidgetStream:
    """The engine's event sink for one generation shown in one widget."""

    def __init__(
        self,
        port: StreamPort,
        generation: str,
        loop: asyncio.AbstractEventLoop,
        *,
        started_at_ms: int,
        model: str,
    ) -> None:
        self.generation = generation
        self.started_at_ms = started_at_ms
        self.model = model
        self._port = port
        self._loop = loop
        self._batcher = EventBatcher(port.stream_send, loop)
        self._last_seq = 0
        self._component = ""
        self._file_open = False
        self._code_parts: list[str] = []
        self._last_status: Event | None = None
        self._last_shown: tuple[str, str] | None = None
        self._sent: dict[str, Any] = {}
        self._usage: dict[str, Any] = {}
        self._held: list[Event] = []
        self._status_timer: asyncio.TimerHandle | None = None
        # The engine's closing status: the widget applies it with the new code and version.
        self.final: WidgetStatus | None = None

    @property
    def code(self) -> str:
        """The code the views have assembled from this stream (the last file block's text)."""
        return "".join(self._code_parts)

    @property
    def code_started(self) -> bool:
        return bool(self._code_parts) or self._file_open

    def __call__(self, event: Event) -> None:
        self._last_seq = max(self._last_seq, int(event.get("seq", 0)))
        kind = event.get("type")
        if kind == "status":
            self._on_status(event)
            return
        if kind == "message_stop":
            self._held.append(event)
            return
        if kind == "content_block_start":
            self._component = str(event.get("component", self._component))
            self._file_open = event.get("kind") == "file"
            if self._file_open:
                self._code_parts.clear()
        elif kind == "content_block_delta" and self._file_open:
            self._code_parts.append(str(event.get("text", "")))
        elif kind == "content_block_stop":
            self._file_open = False
        elif kind == "text_delta":
            # The cell shows the model's prose when the generation ends (the explanation trait); streaming it
            # too would send it twice.
            return
        self._batcher.send(event)

    # Settling, from the widget ------------------------------------------------------------------------

    def finish(self, final_code: str | None, closing: WidgetStatus) -> None:
        """Release the closing events; first the saved code, when it is not what the views assembled.

        ``closing`` is the status the widget settles on: it is sent as the terminal status when the engine
        never reported one (a generation cancelled before it ran, or one that stopped on an internal error).
        """
        self._batcher.flush()
        if final_code is not None and final_code != self.code:
            self._send_code(final_code)
        if not any(event.get("type") == "status" for event in self._held):
            self._held.append(
                {
                    "type": "status",
                    "generation": self.generation,
                    "seq": self._last_seq + 1,
                    "phase": closing["phase"],
                    "message": closing["message"],
                    "model": closing["model"] or self.model,
                    "elapsed_ms": closing["elapsed_ms"],
                }
            )
        for event in self._held:
            self._batcher.send(event)
        self._held.clear()
        self._batcher.flush()

    def resend(self) -> None:
        """Send a view that missed part of the stream what it needs to show it: the status and the code."""
        self._batcher.flush()
        if self._last_status is not None:
            self._port.stream_send({"type": "event", "event": self._last_status})
        if self.code_started:
            self._send_code(self.code, still_open=self._file_open)

    def close(self) -> None:
        self._batcher.close()
        if self._status_timer is not None:
            self._status_timer.cancel()
            self._status_timer = None

    def _send_code(self, code: str, *, still_open: bool = False) -> None:
        stamp = {"generation": self.generation, "seq": max(self._last_seq, 1), "component": self._component}
        self._code_parts[:] = [code]
        self._port.stream_send(
            {
                "type": "event",
                "event": {**stamp, "type": "content_block_start", "kind": "file", "position": 0},
            }
        )
        self._port.stream_send(
            {"type": "event", "event": {**stamp, "type": "content_block_delta", "text": code}}
        )
        if not still_open:
            self._port.stream_send({"type": "event", "event": {**stamp, "type": "content_block_stop"}})

    # Status ---------------------------------------------------------------------------------------------

    def _on_status(self, event: Event) -> None:
        phase = str(event.get("phase", ""))
        if isinstance(event.get("model"), str) and event["model"]:
            self.model = event["model"]
        running = phase not in TERMINAL_PHASES
        if not running:
            if isinstance(event.get("usage"), dict):
                self._usage = event["usage"]
            self.final = self._status(event, running=False)
            self._held.append(self._lean(event, running=False))
            self._last_status = event
            return
        key = (phase, str(event.get("message", "")))
        self._last_status = event
        if key == self._last_shown:
            return  # only the engine's token estimate changed: the view counts streamed code itself
        self._last_shown = key
        self._show_phase(self._status(event, running=True))
        if phase != "saving":  # a moment before the closing events, which say more
            self._batcher.send(self._lean(event))

    def _lean(self, event: Event, *, running: bool = True) -> Event:
        """A status without what the views already have: the model and route the last one named, and while
        running the engine's token estimate (the views count streamed code themselves)."""
        lean = {key: value for key, value in event.items() if not (running and key == "usage")}
        for key in ("route", "model"):
            if key not in lean:
                continue
            if lean[key] == self._sent.get(key):
                del lean[key]
            else:
                self._sent[key] = lean[key]
        return lean

    def _status(self, event: Event, *, running: bool) -> WidgetStatus:
        usage = self._usage
        return {
            "phase": str(event.get("phase", "")),
            "message": str(event.get("message", "")),
            "model": self.model,
            "input_tokens": int(usage.get("input_tokens", 0)),
            "output_tokens": int(usage.get("output_tokens", 0)),
            "cost": usage.get("cost"),
            "started_at": self.started_at_ms if running else None,
            "elapsed_ms": int(event.get("elapsed_ms", 0)),
        }

    def _show_phase(self, status: WidgetStatus) -> None:
        # The trait follows phases for views that open later; a phase another replaces within moments
        # (queued -> connecting) is never seen by anyone, so it waits a little.
        if self._status_timer is not None:
            self._status_timer.cancel()
        self._status_timer = self._loop.call_later(PHASE_SETTLE_S, self._port.stream_status, status)
