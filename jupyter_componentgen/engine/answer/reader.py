"""One model answer as it streams: its first code block, checked before release, and diff edits applied
block by block, each result shown as a fresh whole-file preview.

Consumers (the cell widget, the side panel) only ever see ``kind: "file"`` code: a streamed file block
passes through line by line once the checker allows it; an edit block's SEARCH/REPLACE text is not sent,
instead every applied block emits ``content_block_start(file)`` + the whole resulting code, so a preview
restarts from the new code as each change lands. One ``content_block_stop`` closes the edit when its END
marker arrives: a follower that stops previewing a stopped block (the cell following the server renders
on the next animation frame) still renders every intermediate result, since each arrives in an open block.
"""

from __future__ import annotations

from collections.abc import Callable

from jupyter_componentgen.engine.checks.findings import BlockedCode, CheckedRelease, CodeChecker
from jupyter_componentgen.engine.errors import GenerationError
from jupyter_componentgen.engine.events import Event

from .edits import EditBlockReader, EditMismatch, SearchReplace, apply_block
from .parser import MarkerParser


class _PrimaryBlockFilter:
    """Forwards the events of the response's first code block; later blocks are not part of this component."""

    def __init__(self) -> None:
        self.position: int | None = None
        self.kind: str | None = None
        self._inside = False
        self.code_parts: list[str] = []

    def accept(self, event: Event) -> bool:
        kind = event["type"]
        if kind == "text_delta":
            return True
        if kind == "content_block_start":
            if self.position is None:
                self.position = int(event["position"])
                self.kind = str(event["kind"])
                self._inside = True
                return True
            return False
        if kind == "content_block_delta":
            if self._inside:
                self.code_parts.append(event["text"])
            return self._inside
        if kind == "content_block_stop":
            was_inside = self._inside
            self._inside = False
            return was_inside
        return True

    @property
    def text(self) -> str:
        return "".join(self.code_parts)


class Answer:
    """Parses one answer (with its continuations) and forwards what consumers may see to ``emit``."""

    def __init__(
        self,
        emit: Callable[[Event], None],
        *,
        base_code: str | None,
        checker: CodeChecker | None,
        allow_edit: bool = True,
    ) -> None:
        self._emit = emit
        self._checker = checker
        self._base = base_code
        self._allow_edit = allow_edit
        self.parser = MarkerParser()
        self.blocks = _PrimaryBlockFilter()
        self.release = CheckedRelease(checker) if checker is not None else None
        self.prose: list[str] = []
        self.raw: list[str] = []
        self.edited: str | None = None
        self.blocks_applied = 0
        # The edited code the static checks refused: a fix must see the code their findings point into.
        self.blocked_edit: str | None = None
        self._reader: EditBlockReader | None = None
        # A whole-file preview of the edit is open (started, not yet stopped) for consumers.
        self._preview_open = False

    @property
    def raw_text(self) -> str:
        """The answer so far, as the model wrote it (continuations joined)."""
        return "".join(self.raw)

    @property
    def complete(self) -> bool:
        """The first code block got its END marker."""
        position = self.blocks.position
        return position is not None and self.parser.blocks[position].complete

    @property
    def draft_code(self) -> str:
        """What a failed generation keeps: the streamed file, the edited code the checks blocked, or the
        edit's own text."""
        return self.blocked_edit if self.blocked_edit is not None else self.blocks.text

    def feed(self, text: str) -> None:
        if text:
            self.raw.append(text)
            self._forward(self.parser.feed(text))

    def close(self) -> None:
        self._forward(self.parser.close())

    def finish(self, *, stop_reason: str, continuations: int, max_tokens: int) -> str:
        """The complete code of this answer, or the GenerationError/EditMismatch saying why there is none."""
        if self.blocks.position is None:
            raise GenerationError(
                "no_code",
                "The model answered without a component between /// START and /// END markers. "
                "Try again, or rephrase the request.",
                retryable=True,
            )
        if not self.complete:
            if stop_reason == "max_tokens":
                tried = f" and {continuations} continuation(s)" if continuations else ""
                message = (
                    f"The model hit its output limit ({max_tokens:,} tokens){tried} before finishing "
                    "the component. Raise COMPONENTGEN_MAX_TOKENS or COMPONENTGEN_MAX_CONTINUATIONS, or ask "
                    "for a smaller component."
                )
            else:
                message = "The response ended before the component was complete (no /// END marker)."
            raise GenerationError("truncated", message, retryable=True)
        if self.blocks.kind == "edit":
            assert self.edited is not None
            return self.edited
        if self.release is not None and self.release.findings:
            raise BlockedCode(self.release.findings)
        return self.blocks.text

    # Event routing ---------------------------------------------------------------------------------------

    def _forward(self, events: list[Event]) -> None:
        for event in events:
            kind = event["type"]
            if kind == "text_delta":
                self.prose.append(event["text"])
            if not self.blocks.accept(event):
                continue
            if kind.startswith("content_block") and self.blocks.kind == "edit":
                self._edit_event(event)
                continue
            if self.release is not None and kind in ("content_block_delta", "content_block_stop"):
                text = (
                    self.release.add(event["text"])
                    if kind == "content_block_delta"
                    else self.release.finish()
                )
                if text:
                    self._emit({"type": "content_block_delta", "component": event["component"], "text": text})
                if kind == "content_block_delta":
                    continue
            self._emit(event)

    def _edit_event(self, event: Event) -> None:
        kind = event["type"]
        if kind == "content_block_start":
            if not self._allow_edit or self._base is None:
                raise EditMismatch(
                    "no_blocks",
                    "The model sent an edit where the whole file was needed.",
                )
            self._reader = EditBlockReader()
            self.edited = self._base
            return
        reader = self._reader
        assert reader is not None
        if kind == "content_block_delta":
            self._apply(event, reader.feed(event["text"]))
            return
        self._apply(event, reader.close())
        if self._preview_open:
            self._preview_open = False
            self._emit({"type": "content_block_stop", "component": event["component"]})
        if reader.inside_block:
            raise EditMismatch("unfinished", "The edit ended inside a SEARCH/REPLACE block.")
        if reader.blocks_read == 0:
            raise EditMismatch("no_blocks", "The edit held no SEARCH/REPLACE block.")

    def _apply(self, event: Event, blocks: list[SearchReplace]) -> None:
        for block in blocks:
            assert self.edited is not None
            self.edited = apply_block(self.edited, block)
            self.blocks_applied += 1
            if self._checker is not None:
                findings = tuple(self._checker(self.edited))
                if findings:
                    self.blocked_edit = self.edited
                    raise BlockedCode(findings)
            component = event["component"]
            position = self.blocks.position or 0
            self._emit(
                {"type": "content_block_start", "component": component, "kind": "file", "position": position}
            )
            self._emit({"type": "content_block_delta", "component": component, "text": self.edited})
            self._preview_open = True
