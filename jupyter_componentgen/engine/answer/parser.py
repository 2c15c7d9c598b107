"""Incremental parser of the model's answer: code between `/// START Name` … `/// END Name`, prose outside.

The parser works line by line and keeps only the current unfinished line (plus a closing-fence candidate), so
the cost is linear in the stream's length. A partial line is emitted as soon as no continuation could turn it
into a marker or a fence line that must be dropped; only such candidates (and a trailing CR) wait.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jupyter_componentgen.engine.events import Event
from jupyter_componentgen.schema_types import EventContentBlockStartKind

BlockKind = EventContentBlockStartKind  # the content_block_start event's kind

_KEYWORDS: dict[str, BlockKind | None] = {"START": "file", "EDIT": "edit", "END": None}
_MARKER = re.compile(r"[ \t]*///[ \t]*(START|EDIT|END)(?:[ \t]+(\S+))?[ \t\r]*")
# Once past the keyword, a marker line holds at most one name token between blanks.
_MARKER_TAIL = re.compile(r"[ \t]+\S*[ \t\r]*")
_OPENING_FENCE = re.compile(r"[ \t]*```[\w.+#-]*[ \t\r]*")
_OPENING_FENCE_TAIL = re.compile(r"[\w.+#-]*[ \t\r]*")
# Longer partial lines can no longer be a marker or a fence: this bounds what is ever held.
_MAX_SPECIAL_LINE = 256


@dataclass
class ParsedBlock:
    """One code block of the answer. ``complete`` is True only when its END marker arrived."""

    component: str
    kind: BlockKind
    text: str
    complete: bool


class _OpenBlock:
    """The block being streamed, with the state needed to drop wrapping code fences."""

    def __init__(self, component: str, kind: BlockKind) -> None:
        self.component = component
        self.kind = kind
        self.parts: list[str] = []
        # No non-blank line yet: an opening fence here is wrapping, not code.
        self.at_start = True
        # A bare ``` line (and blank lines after it) that is dropped if END follows, kept otherwise.
        self.held: list[str] = []

    def finish(self, complete: bool) -> ParsedBlock:
        return ParsedBlock(self.component, self.kind, "".join(self.parts), complete)


class _EventBuffer:
    """Collects the events of one feed, merging consecutive deltas of the same target into one event."""

    def __init__(self) -> None:
        self.events: list[Event] = []
        self._target: str | None = None  # component name, or "" for prose
        self._parts: list[str] = []

    def text(self, target: str, text: str) -> None:
        if not text:
            return
        if target != self._target:
            self._flush()
            self._target = target
        self._parts.append(text)

    def event(self, event: Event) -> None:
        self._flush()
        self.events.append(event)

    def take(self) -> list[Event]:
        self._flush()
        events, self.events = self.events, []
        return events

    def _flush(self) -> None:
        if self._target is None:
            return
        text = "".join(self._parts)
        if self._target == "":
            self.events.append({"type": "text_delta", "text": text})
        else:
            self.events.append({"type": "content_block_delta", "component": self._target, "text": text})
        self._target = None
        self._parts = []


def _marker(line: str) -> tuple[BlockKind | None, str] | None:
    """(kind, name) when the line is a marker line, else None. END has kind None and maybe an empty name."""
    match = _MARKER.fullmatch(line)
    if match is None:
        return None
    kind, name = _KEYWORDS[match[1]], match[2] or ""
    if kind is not None and not name:
        return None
    return kind, name


def _could_become_marker(partial: str) -> bool:
    rest = partial.lstrip(" \t")
    if len(rest) < 3:
        return "///".startswith(rest)
    if not rest.startswith("///"):
        return False
    rest = rest[3:].lstrip(" \t")
    for keyword in _KEYWORDS:
        if keyword.startswith(rest):
            return True
        if rest.startswith(keyword):
            return _MARKER_TAIL.fullmatch(rest, len(keyword)) is not None or len(rest) == len(keyword)
    return False


def _could_become_opening_fence(partial: str) -> bool:
    rest = partial.lstrip(" \t")
    if len(rest) < 3:
        return "```".startswith(rest)
    return rest.startswith("```") and _OPENING_FENCE_TAIL.fullmatch(rest, 3) is not None


def _is_closing_fence(line: str) -> bool:
    return line.strip(" \t\r") == "```"


def _could_become_closing_fence(partial: str) -> bool:
    rest = partial.strip(" \t\r")
    return "```".startswith(rest)


class MarkerParser:
    """Turns streamed model text into block and prose events. Feed chunks in order, then call ``close()``."""

    def __init__(self) -> None:
        self._out = _EventBuffer()
        self._blocks: list[ParsedBlock] = []
        self._open: _OpenBlock | None = None
        self._prose: list[str] = []
        self._pending = ""  # the current line's text not yet emitted (it may still become special)
        self._committed = False  # part of the current line was emitted: the rest follows it directly
        self._held_cr = False
        self._closed = False
        self._truncated: str | None = None

    @property
    def blocks(self) -> list[ParsedBlock]:
        blocks = list(self._blocks)
        if self._open is not None:
            blocks.append(self._open.finish(complete=False))
        return blocks

    @property
    def prose(self) -> str:
        return "".join(self._prose)

    @property
    def truncated(self) -> str | None:
        """After ``close()``: the block still open when the stream ended, else the first block cut off by
        another START; None when every block got its END."""
        return self._truncated

    def feed(self, text: str) -> list[Event]:
        if self._closed:
            raise RuntimeError("MarkerParser.feed() was called after close()")
        if self._held_cr:
            text = "\r" + text
            self._held_cr = False
        if text.endswith("\r"):
            # It may be the first half of a CRLF split across chunks.
            self._held_cr = True
            text = text[:-1]
        text = text.replace("\r\n", "\n")
        start = 0
        newline = text.find("\n")
        while newline != -1:
            self._complete_line(text[start : newline + 1])
            start = newline + 1
            newline = text.find("\n", start)
        if start < len(text):
            self._partial_line(text[start:])
        return self._out.take()

    def close(self) -> list[Event]:
        """End of stream: emits what was held and settles which block, if any, was truncated."""
        if self._closed:
            return []
        tail = "\r" if self._held_cr else ""
        self._held_cr = False
        if self._committed:
            self._emit(tail)
        elif self._pending or tail:
            # The last line has no newline; it is still a whole line (often the END marker).
            line, self._pending = self._pending + tail, ""
            self._whole_line(line)
        self._committed = False
        if self._open is not None:
            self._release_held(self._open)
            self._truncated = self._open.component
            self._blocks.append(self._open.finish(complete=False))
            self._open = None
        else:
            self._truncated = next((b.component for b in self._blocks if not b.complete), None)
        self._closed = True
        return self._out.take()

    # Line handling -------------------------------------------------------------------------------------

    def _complete_line(self, segment: str) -> None:
        if self._committed:
            self._emit(segment)
            self._committed = False
            return
        line, self._pending = self._pending + segment, ""
        self._whole_line(line)

    def _partial_line(self, segment: str) -> None:
        if self._committed:
            self._emit(segment)
            return
        self._pending += segment
        if not self._could_become_special(self._pending):
            block = self._open
            if block is not None:
                self._release_held(block)
                block.at_start = False
            self._emit(self._pending)
            self._pending = ""
            self._committed = True

    def _could_become_special(self, partial: str) -> bool:
        if len(partial) > _MAX_SPECIAL_LINE:
            return False
        if _could_become_marker(partial):
            return True
        block = self._open
        if block is None:
            return False
        if block.at_start and _could_become_opening_fence(partial):
            return True
        return _could_become_closing_fence(partial)

    def _whole_line(self, line: str) -> None:
        body = line[:-1] if line.endswith("\n") else line
        if len(body) > _MAX_SPECIAL_LINE:
            self._plain_line(line, body)
            return
        marker = _marker(body)
        block = self._open
        if marker is not None:
            kind, name = marker
            if kind is None:
                if block is not None:
                    self._end_block(block)
                # A stray END outside any block is markup, not explanation: dropped.
            else:
                if block is not None:
                    self._interrupt_block(block)
                self._start_block(name, kind)
            return
        if block is None:
            self._emit(line)
            return
        stripped = body.strip(" \t\r")
        if block.at_start and stripped and _OPENING_FENCE.fullmatch(body) is not None:
            block.at_start = False
            return
        if _is_closing_fence(body):
            self._release_held(block)
            block.at_start = False
            block.held.append(line)
            return
        if not stripped and block.held:
            block.held.append(line)
            return
        self._plain_line(line, body)

    def _plain_line(self, line: str, body: str) -> None:
        block = self._open
        if block is not None:
            self._release_held(block)
            if body.strip(" \t\r"):
                block.at_start = False
        self._emit(line)

    # Block lifecycle -----------------------------------------------------------------------------------

    def _start_block(self, name: str, kind: BlockKind) -> None:
        position = len(self._blocks)
        self._open = _OpenBlock(name, kind)
        self._out.event(
            {"type": "content_block_start", "component": name, "kind": kind, "position": position}
        )

    def _end_block(self, block: _OpenBlock) -> None:
        # A fence right before END wrapped the code: drop it.
        block.held.clear()
        self._blocks.append(block.finish(complete=True))
        self._open = None
        self._out.event({"type": "content_block_stop", "component": block.component})

    def _interrupt_block(self, block: _OpenBlock) -> None:
        """A new START before this block's END: the block is kept as incomplete, without a stop event."""
        self._release_held(block)
        self._blocks.append(block.finish(complete=False))
        self._open = None

    def _release_held(self, block: _OpenBlock) -> None:
        if block.held:
            held, block.held = block.held, []
            self._emit("".join(held))

    def _emit(self, text: str) -> None:
        if not text:
            return
        block = self._open
        if block is None:
            self._prose.append(text)
            self._out.text("", text)
        else:
            block.parts.append(text)
            self._out.text(block.component, text)
