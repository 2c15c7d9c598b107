"""Turns a generation's engine events into the widget's custom messages and status, cheaply.

Code travels as deltas with offsets (schema/widget.schema.json), batched so that a stream of one-token
chunks does not become one message per token; the status trait is throttled, since the view ticks the
elapsed time itself from ``started_at``. Everything here runs on the engine runner's event loop.
"""

from __future__ import annotations

import asyncio
import json
import math
from collections.abc import Callable
from typing import Any, NotRequired, Protocol, TypedDict

from .engine.events import Event

# No two deltas closer than this (the first of a block and the end of a block go at once).
MIN_DELTA_INTERVAL_S = 0.04
# A small batch waits at most this long. At a typical 60 tokens/s this sends a few hundred bytes about
# twice a second: the preview repairs and renders per line anyway, and every message costs its envelope.
MAX_DELTA_LATENCY_S = 0.5
# Status trait updates within one phase are at most this frequent; a phase change goes at once.
STATUS_INTERVAL_S = 0.25
# How long a new running phase waits for a successor before it is shown.
PHASE_SETTLE_S = 0.06
TERMINAL_PHASES = frozenset({"done", "cached", "cancelled", "error"})


class WidgetStatus(TypedDict):
    phase: str
    message: str
    model: str
    input_tokens: int
    output_tokens: int
    cost: float | None
    started_at: int | None  # epoch milliseconds while a generation runs, else None
    elapsed_ms: int
    # Why a request from the view was turned down (e.g. Fix with nothing to fix); the next status drops it.
    notice: NotRequired[str]


class StreamPort(Protocol):
    """What a generation stream needs from its widget."""

    def stream_send(self, content: dict[str, Any]) -> None: ...

    def stream_status(self, status: WidgetStatus) -> None: ...


def utf16_length(text: str) -> int:
    """Length as JavaScript counts it (UTF-16 code units), which is what delta offsets are measured in."""
    return len(text.encode("utf-16-le")) // 2


class CodeStream:
    """The code streamed by one generation, sent to the view as batched, offset-stamped deltas."""

    def __init__(
        self, generation: str, send: Callable[[dict[str, Any]], None], loop: asyncio.AbstractEventLoop
    ) -> None:
        self.generation = generation
        self.started = False
        self._send = send
        self._loop = loop
        self._parts: list[str] = []
        self._pending: list[str] = []
        self._pending_chars = 0
        self._sent_units = 0
        self._last_flush = -math.inf
        self._timer: asyncio.TimerHandle | None = None
        # A batch goes before the latency cap once the message envelope is at most a quarter of it, which
        # keeps the bytes sent per generation under about 1.4x the code (JSON escaping included).
        envelope = {"method": "custom", "content": self._delta(0, "")}
        self._worthwhile_chars = 4 * len(json.dumps(envelope, separators=(",", ":")))

    @property
    def text(self) -> str:
        return "".join(self._parts)

    def start_block(self) -> None:
        """A new code block begins: the streamed code restarts empty."""
        self._cancel_timer()
        self._parts.clear()
        self._pending.clear()
        self._pending_chars = 0
        self._sent_units = 0
        self._last_flush = -math.inf
        self.started = True
        self._send({"type": "stream_start", "generation": self.generation})

    def append(self, text: str) -> None:
        if not text:
            return
        if not self.started:
            self.start_block()
        self._parts.append(text)
        self._pending.append(text)
        self._pending_chars += len(text)
        since = self._loop.time() - self._last_flush
        worthwhile = self._pending_chars >= self._worthwhile_chars
        if since >= MAX_DELTA_LATENCY_S or (worthwhile and since >= MIN_DELTA_INTERVAL_S):
            self.flush()
            return
        wait = MIN_DELTA_INTERVAL_S if worthwhile else MAX_DELTA_LATENCY_S
        self._schedule(self._last_flush + wait)

    def flush(self) -> None:
        """Send what is pending now (used at the end of a block, and by the batching timer)."""
        self._cancel_timer()
        if not self._pending:
            return
        text = "".join(self._pending)
        self._pending.clear()
        self._pending_chars = 0
        self._send(self._delta(self._sent_units, text))
        self._sent_units += utf16_length(text)
        self._last_flush = self._loop.time()

    def sync(self, *, done: bool, code: str | None = None) -> None:
        """Send the whole streamed code (a view's resync, or a final code that differs from the stream)."""
        self._cancel_timer()
        if code is not None:
            self._parts[:] = [code]
        full = self.text
        self._pending.clear()
        self._pending_chars = 0
        self._sent_units = utf16_length(full)
        self._last_flush = self._loop.time()
        self._send({"type": "code_sync", "generation": self.generation, "code": full, "done": done})

    def end(self, *, ok: bool, version: int | None = None) -> None:
        """Close the stream: ok means the streamed code is now the widget's code (of ``version``)."""
        self.flush()
        message = {
            "type": "stream_end",
            "generation": self.generation,
            "ok": ok,
            "length": utf16_length(self.text),
        }
        if version is not None:
            message["version"] = version
        self._send(message)

    def close(self) -> None:
        self._cancel_timer()

    def _delta(self, offset: int, text: str) -> dict[str, Any]:
        # No generation id here: it travels once in stream_start, which keeps each batch's envelope small.
        return {"type": "delta", "offset": offset, "text": text}

    def _schedule(self, when: float) -> None:
        if self._timer is not None:
            if self._timer.when() <= when:
                return
            self._timer.cancel()
        self._timer = self._loop.call_at(when, self.flush)

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None


class StatusThrottle:
    """Applies status changes at most every STATUS_INTERVAL_S within a phase; the latest always lands.

    Updates that repeat the phase and message are dropped (see ``update``).
    """

    def __init__(self, apply: Callable[[WidgetStatus], None], loop: asyncio.AbstractEventLoop) -> None:
        self._apply = apply
        self._loop = loop
        self._last_phase: str | None = None
        self._last_key: tuple[str, str] | None = None
        self._last_applied = -math.inf
        self._pending: WidgetStatus | None = None
        self._timer: asyncio.TimerHandle | None = None

    def update(self, status: WidgetStatus) -> None:
        if (status["phase"], status["message"]) == self._last_key:
            # Only the token estimate changed: the view counts streamed code itself, so this would be
            # bytes on the comm for nothing.
            return
        now = self._loop.time()
        if status["phase"] != self._last_phase:
            # A phase that another replaces within moments (queued -> connecting, saving -> done) is never
            # seen by anyone; waiting a little lets the newer one replace it instead of both being sent.
            self._pending = status
            self.close()
            self._timer = self._loop.call_at(now + PHASE_SETTLE_S, self.flush)
            return
        self._pending = status
        if self._timer is None:
            when = max(now, self._last_applied + STATUS_INTERVAL_S)
            self._timer = self._loop.call_at(when, self.flush)

    def flush(self) -> None:
        self.close()
        status, self._pending = self._pending, None
        if status is None:
            return
        self._last_phase = status["phase"]
        self._last_key = (status["phase"], status["message"])
        self._last_applied = self._loop.time()
        self._apply(status)

    def close(self) -> None:
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
        self.code = CodeStream(generation, port.stream_send, loop)
        self.status = StatusThrottle(port.stream_status, loop)
        self.started_at_ms = started_at_ms
        self.model = model
        # The engine's closing status (done, cached, error, cancelled): the widget applies it together
        # with the new code and version, so the view never shows "done" before the version changed.
        self.final: WidgetStatus | None = None
        self._streaming_code = False
        self._last_usage: dict[str, Any] = {}

    def __call__(self, event: Event) -> None:
        kind = event.get("type")
        if kind == "status":
            self._on_status(event)
        elif kind == "content_block_start":
            # Edit blocks hold search/replace text, not the code itself; their result arrives at the end.
            self._streaming_code = event.get("kind") == "file"
            if self._streaming_code:
                self.code.start_block()
        elif kind == "content_block_delta":
            if self._streaming_code:
                self.code.append(str(event.get("text", "")))
        elif kind == "content_block_stop":
            if self._streaming_code:
                self.code.flush()
            self._streaming_code = False

    def _make_status(self, phase: str, message: str, *, elapsed_ms: int, running: bool) -> WidgetStatus:
        usage = self._last_usage
        return {
            "phase": phase,
            "message": message,
            "model": self.model,
            "input_tokens": int(usage.get("input_tokens", 0)),
            "output_tokens": int(usage.get("output_tokens", 0)),
            "cost": usage.get("cost"),
            "started_at": self.started_at_ms if running else None,
            "elapsed_ms": elapsed_ms,
        }

    def close(self) -> None:
        self.code.close()
        self.status.close()

    def _on_status(self, event: Event) -> None:
        phase = str(event.get("phase", ""))
        running = phase not in TERMINAL_PHASES
        # While running, usage is only the engine's estimate; the view estimates from the streamed code.
        if not running and isinstance(event.get("usage"), dict):
            self._last_usage = event["usage"]
        if isinstance(event.get("model"), str) and event["model"]:
            self.model = event["model"]
        status = self._make_status(
            phase, str(event.get("message", "")), elapsed_ms=int(event.get("elapsed_ms", 0)), running=running
        )
        if running:
            self.status.update(status)
        else:
            self.status.close()
            self.final = status
