"""The pieces every repair shares: the TSX parser, byte-range edits and how they apply, and the two repairs
that only remove lines (a Markdown code fence, a ``"use client"`` directive)."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass

import tree_sitter_typescript
from tree_sitter import Language, Node, Parser, Query, QueryCursor, Tree

# The grammar the static checks parse with, so a repair and the checks see the same tree.
LANGUAGE = Language(tree_sitter_typescript.language_tsx())
_local = threading.local()

_OPENING_FENCE = re.compile(r"[ \t]*```[\w.+#-]*[ \t]*\r?")
_CLOSING_FENCE = re.compile(r"[ \t]*```[ \t]*\r?")
_DIRECTIVES = frozenset({"use client"})


@dataclass(frozen=True)
class Edit:
    """Replace bytes ``start:end`` of the source with ``text`` (an insertion when start == end)."""

    start: int
    end: int
    text: bytes = b""


@dataclass(frozen=True)
class Fix:
    """One repair: its edits, and what it did in plain words."""

    edits: tuple[Edit, ...]
    words: str


def parse(source: bytes) -> Tree:
    parser: Parser | None = getattr(_local, "parser", None)
    if parser is None:
        parser = Parser(LANGUAGE)
        _local.parser = parser
    return parser.parse(source)


def captures(query: Query, node: Node) -> dict[str, list[Node]]:
    """Each capture name's nodes, in the order they appear in the source."""
    found = QueryCursor(query).captures(node)
    return {name: sorted(nodes, key=lambda n: n.start_byte) for name, nodes in found.items()}


def text_of(node: Node, source: bytes) -> str:
    return source[node.start_byte : node.end_byte].decode("utf-8", "replace")


def apply_fixes(source: bytes, fixes: Iterable[Fix]) -> tuple[bytes, list[str]]:
    """Apply every fix whose edits touch no other fix's bytes; return the new source and the fixes' words.

    A zero-width insertion may sit where another fix's removal starts (it lands before the removal).
    """
    accepted: list[Edit] = []
    words: list[str] = []
    for fix in fixes:
        if any(_overlap(edit, other) for edit in fix.edits for other in accepted):
            continue
        accepted.extend(fix.edits)
        if fix.words not in words:
            words.append(fix.words)
    # Back to front, so earlier offsets stay valid; at one offset the removal goes first, then the insertion.
    for edit in sorted(accepted, key=lambda e: (e.start, e.end), reverse=True):
        source = source[: edit.start] + edit.text + source[edit.end :]
    return source, words


def _overlap(a: Edit, b: Edit) -> bool:
    if a.start == a.end or b.start == b.end:
        return a.start < b.start < a.end or b.start < a.start < b.end
    return a.start < b.end and b.start < a.end


def newline_of(source: bytes) -> bytes:
    """The line ending the code uses, for lines a repair adds."""
    return b"\r\n" if b"\r\n" in source else b"\n"


def line_start(source: bytes, offset: int) -> int:
    return source.rfind(b"\n", 0, offset) + 1


def line_end(source: bytes, offset: int) -> int:
    """The offset just past the line's newline (or the end of the source)."""
    end = source.find(b"\n", offset)
    return len(source) if end < 0 else end + 1


def strip_fences(code: str) -> tuple[str, list[str]]:
    """Remove a Markdown code fence opening the code and one closing it, with the blank lines they leave."""
    lines = code.split("\n")
    filled = [index for index, line in enumerate(lines) if line.strip()]
    if not filled:
        return code, []
    first, last = filled[0], filled[-1]
    opens = _OPENING_FENCE.fullmatch(lines[first]) is not None
    closes = last != first and _CLOSING_FENCE.fullmatch(lines[last]) is not None
    if not (opens or closes):
        return code, []
    kept = lines[first + 1 if opens else 0 : last if closes else len(lines)]
    if opens:
        while kept and not kept[0].strip():
            kept.pop(0)
    if closes:
        while kept and not kept[-1].strip():
            kept.pop()
        kept.append("")  # the code still ends with a newline
    return "\n".join(kept), [
        "removed the Markdown code fences" if opens and closes else "removed a Markdown code fence"
    ]


def remove_directives(tree: Tree, source: bytes) -> list[Fix]:
    """A Next.js ``"use client"`` directive means nothing in a frame: its line goes."""
    fixes: list[Fix] = []
    for statement in tree.root_node.named_children:
        if statement.type != "expression_statement" or not _is_directive(statement, source):
            continue
        start, end = line_start(source, statement.start_byte), line_end(source, statement.end_byte)
        alone = (
            not source[start : statement.start_byte].strip() and not source[statement.end_byte : end].strip()
        )
        if not alone:  # other code shares the line: only the directive (and the space after it) goes
            start, end = statement.start_byte, statement.end_byte
            while end < len(source) and source[end : end + 1] in (b" ", b"\t"):
                end += 1
        elif start == 0 and source[end : line_end(source, end)].strip() == b"":
            end = line_end(source, end)  # the blank line after a directive that opened the file
        directive = text_of(statement, source).rstrip(";").strip()
        fixes.append(Fix((Edit(start, end),), f"removed the `{directive}` directive"))
    return fixes


def _is_directive(statement: Node, source: bytes) -> bool:
    expression = statement.named_children[0] if statement.named_children else None
    if expression is None or expression.type != "string":
        return False
    return (
        source[expression.start_byte + 1 : expression.end_byte - 1].decode("utf-8", "replace") in _DIRECTIVES
    )
