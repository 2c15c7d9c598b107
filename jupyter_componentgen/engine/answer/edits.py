"""Diff edits: SEARCH/REPLACE blocks inside `/// EDIT Name` … `/// END Name`, read as they stream and
applied to the current code with whitespace-tolerant matching.

A block looks like this (each marker alone on its line)::

    <<<<<<< SEARCH
    exact lines of the current code
    =======
    the lines that replace them
    >>>>>>> REPLACE

A SEARCH text matches whole lines only, so a short SEARCH (often a single line) can never land inside a
longer line. It is found first verbatim; failing that, line by line ignoring indentation and runs of blanks,
and the replacement is re-indented by the difference. A SEARCH that matches nothing, or more than one place,
is an ``EditMismatch``: the engine then asks once for the whole file instead of guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

_SEARCH = re.compile(r"[ \t]*<{5,9}[ \t]*SEARCH[ \t]*")
_DIVIDER = re.compile(r"[ \t]*={5,9}[ \t]*")
_REPLACE = re.compile(r"[ \t]*>{5,9}[ \t]*REPLACE[ \t]*")
_BLANKS = re.compile(r"[ \t]+")

MismatchKind = Literal["missing", "ambiguous", "empty", "no_blocks", "unfinished"]


@dataclass(frozen=True)
class SearchReplace:
    """One block; ``index`` is 1-based in the answer's order. Texts keep their line endings."""

    index: int
    search: str
    replace: str


class EditMismatch(Exception):
    """An edit that cannot be applied safely; ``message`` says which block and why, for the status line."""

    def __init__(self, kind: MismatchKind, message: str, index: int = 0) -> None:
        super().__init__(message)
        self.kind: MismatchKind = kind
        self.message = message
        self.index = index


class EditBlockReader:
    """Reads SEARCH/REPLACE blocks from streamed edit text; each block is returned once it is complete."""

    def __init__(self) -> None:
        self._line = ""
        self._state: Literal["outside", "search", "replace"] = "outside"
        self._search: list[str] = []
        self._replace: list[str] = []
        self._count = 0

    @property
    def blocks_read(self) -> int:
        return self._count

    @property
    def inside_block(self) -> bool:
        return self._state != "outside"

    def feed(self, text: str) -> list[SearchReplace]:
        done: list[SearchReplace] = []
        self._line += text
        start = 0
        newline = self._line.find("\n")
        while newline != -1:
            block = self._take_line(self._line[start : newline + 1])
            if block is not None:
                done.append(block)
            start = newline + 1
            newline = self._line.find("\n", start)
        self._line = self._line[start:]
        return done

    def close(self) -> list[SearchReplace]:
        """End of the edit block: a last line without a newline may still close a block."""
        done: list[SearchReplace] = []
        if self._line:
            line, self._line = self._line, ""
            block = self._take_line(line)
            if block is not None:
                done.append(block)
        return done

    def _take_line(self, line: str) -> SearchReplace | None:
        body = line.rstrip("\r\n")
        if self._state == "outside":
            if _SEARCH.fullmatch(body):
                self._state, self._search, self._replace = "search", [], []
            return None  # text between blocks is commentary: ignored
        if self._state == "search":
            if _DIVIDER.fullmatch(body):
                self._state = "replace"
            else:
                self._search.append(line)
            return None
        if _REPLACE.fullmatch(body):
            self._state = "outside"
            self._count += 1
            return SearchReplace(self._count, "".join(self._search), "".join(self._replace))
        self._replace.append(line)
        return None


def apply_block(code: str, block: SearchReplace) -> str:
    """``code`` with ``block`` applied; EditMismatch when its SEARCH text is empty, missing or ambiguous."""
    search = block.search
    if not search.strip():
        if not code.strip():
            return block.replace
        raise EditMismatch("empty", f"Edit block {block.index} has an empty SEARCH part.", block.index)
    starts = _verbatim_starts(code, search)
    if len(starts) == 1:
        start = starts[0]
        replace = block.replace
        if replace and search.endswith("\n") != replace.endswith("\n"):
            # The replacement ends its last line the way the matched lines did.
            replace = replace + "\n" if search.endswith("\n") else replace[:-1]
        return code[:start] + replace + code[start + len(search) :]
    if len(starts) > 1:
        raise _ambiguous(block, len(starts))
    return _apply_tolerant(code, block)


def apply_blocks(code: str, blocks: list[SearchReplace]) -> str:
    for block in blocks:
        code = apply_block(code, block)
    return code


def _verbatim_starts(code: str, search: str) -> list[int]:
    """Where ``search`` occurs in ``code`` as whole lines: beginning a line and ending one (overlaps count)."""
    starts: list[int] = []
    at = code.find(search)
    while at != -1:
        end = at + len(search)
        begins_line = at == 0 or code[at - 1] == "\n"
        ends_line = search.endswith("\n") or end == len(code) or code[end] in "\r\n"
        if begins_line and ends_line:
            starts.append(at)
        at = code.find(search, at + 1)
    return starts


def _normalise(line: str) -> str:
    return _BLANKS.sub(" ", line.strip())


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]


def _apply_tolerant(code: str, block: SearchReplace) -> str:
    code_lines = code.splitlines(keepends=True)
    search_lines = _trim_blank_edges(block.search.splitlines(keepends=True))
    wanted = [_normalise(line) for line in search_lines]
    have = [_normalise(line) for line in code_lines]
    size = len(wanted)
    starts = [i for i in range(len(have) - size + 1) if have[i : i + size] == wanted]
    if not starts:
        raise EditMismatch(
            "missing",
            f"Edit block {block.index} searches for text that is not in the current code "
            f"(it begins {_preview(search_lines)}).",
            block.index,
        )
    if len(starts) > 1:
        raise _ambiguous(block, len(starts))
    start = starts[0]
    matched = code_lines[start : start + size]
    replacement = _reindent(block.replace.splitlines(keepends=True), search_lines, matched)
    if replacement and not replacement[-1].endswith("\n") and start + size < len(code_lines):
        replacement[-1] += "\n"
    return "".join(code_lines[:start] + replacement + code_lines[start + size :])


def _trim_blank_edges(lines: list[str]) -> list[str]:
    first = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    last = max((i for i, line in enumerate(lines) if line.strip()), default=-1)
    return lines[first : last + 1]


def _reindent(replace: list[str], search: list[str], matched: list[str]) -> list[str]:
    """Shift the replacement by the indentation the code has where the model's SEARCH had another."""
    pairs = ((s, m) for s, m in zip(search, matched, strict=True) if s.strip())
    theirs, ours = next(((_indent(s), _indent(m)) for s, m in pairs), ("", ""))
    if theirs == ours:
        return replace
    return [
        ours + line[len(theirs) :] if line.strip() and line.startswith(theirs) else line for line in replace
    ]


def _ambiguous(block: SearchReplace, places: int) -> EditMismatch:
    return EditMismatch(
        "ambiguous",
        f"Edit block {block.index} matches {places} places in the current code; it must match exactly one.",
        block.index,
    )


def _preview(lines: list[str]) -> str:
    text = lines[0].strip() if lines else ""
    return repr(text if len(text) <= 60 else text[:59] + "…")
