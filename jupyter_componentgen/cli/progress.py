"""Progress of a generation on stderr: one updating line on a terminal, plain lines in logs."""

from __future__ import annotations

import time
from typing import Any, TextIO

from jupyter_componentgen.engine.events import TERMINAL_PHASES

# In a log, a streaming generation prints a line at most this often (a terminal line updates on every event).
PLAIN_INTERVAL_S = 2.0
_CLEAR_LINE = "\r\x1b[K"


def one_line(text: str) -> str:
    return " ".join(text.split())


class Progress:
    """An EventSink that shows phase, tokens and elapsed time of a generation."""

    def __init__(self, stream: TextIO, *, interactive: bool | None = None) -> None:
        self.stream = stream
        self.interactive = stream.isatty() if interactive is None else interactive
        self._phase = ""
        self._last_plain = 0.0
        self._line_open = False

    def __call__(self, event: dict[str, Any]) -> None:
        if event["type"] != "status":
            return
        phase = str(event.get("phase", ""))
        if phase in TERMINAL_PHASES:
            # The command prints the outcome itself once the file is written (or not).
            self._phase = phase
            self.clear()
            return
        line = self._describe(phase, event)
        if self.interactive:
            self.stream.write(_CLEAR_LINE + line)
            self._line_open = True
        else:
            now = time.monotonic()
            if phase == self._phase and now - self._last_plain < PLAIN_INTERVAL_S:
                return
            self._last_plain = now
            self.stream.write(line + "\n")
        self._phase = phase
        self.stream.flush()

    def clear(self) -> None:
        """Remove the updating line so the next message starts on a clean line."""
        if self._line_open:
            self.stream.write(_CLEAR_LINE)
            self.stream.flush()
            self._line_open = False

    def _describe(self, phase: str, event: dict[str, Any]) -> str:
        details = [one_line(str(event.get("message", "")))]
        usage = event.get("usage") or {}
        output_tokens = usage.get("output_tokens")
        if output_tokens:
            approximate = "~" if phase == "streaming" else ""
            details.append(f"{approximate}{output_tokens:,} tokens")
        elapsed_ms = event.get("elapsed_ms")
        if isinstance(elapsed_ms, int | float):
            details.append(f"{elapsed_ms / 1000:.1f} s")
        return f"{phase}: " + " · ".join(detail for detail in details if detail)
