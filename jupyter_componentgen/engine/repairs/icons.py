"""Lucide icons imported by a name lucide-react does not export: renamed to the icon meant, when that is clear.

Clear means one existing name that differs only in letter case, in the order of its words
(``MailOpen`` for ``OpenMail``), or by one typing slip (``Calender``). Anything less certain stays as
written: the runtime shows a placeholder for an unknown icon and the component still renders.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from tree_sitter import Node, Query, Tree

from .text import LANGUAGE, Edit, Fix, captures, text_of

_LUCIDE = "lucide-react"
_IMPORTS = Query(LANGUAGE, "(import_statement) @import")
# An icon's name in a built bundle: a key of esbuild's export table (`,Name:()=>x`) or of the table a chunk
# registers its icons with (`{Name:x,`).
_BUNDLE_EXPORT = re.compile(r"[,{]([A-Z][A-Za-z0-9]*):(?:\(\)=>)?[A-Za-z_$]")
_WORD = re.compile(r"[A-Z][a-z]*|[a-z]+|[0-9]+")
# Type-only exports of lucide-react: never icons, never renamed.
_TYPE_EXPORTS = frozenset({"LucideIcon", "LucideProps", "IconNode", "IconProps", "SVGAttributes"})
_MIN_TYPO_LENGTH = 5


def icon_names() -> frozenset[str]:
    """Every icon name the bundled lucide-react exports (empty while the front-end build is missing)."""
    from jupyter_componentgen.engine.runtime_modules import manifest

    try:
        built: Mapping[str, Any] = manifest()
        modules = built["modules"]
        # The icons may come in chunk modules of their own, routed by name (the manifest's `chunked` entry).
        chunks = built.get("chunked", {}).get(_LUCIDE, {}).get("chunks", [])
        files = (modules[_LUCIDE]["file"], *(modules[chunk["module"]]["file"] for chunk in chunks))
        return _names_in_bundles(files)
    except (FileNotFoundError, KeyError, TypeError):
        return frozenset()


@cache
def _names_in_bundles(files: tuple[str, ...]) -> frozenset[str]:
    from jupyter_componentgen.resources import resource_dir

    folder = resource_dir("static") / "modules"
    names: set[str] = set()
    for file in files:
        names.update(_BUNDLE_EXPORT.findall((folder / file).read_text(encoding="utf-8")))
    return frozenset(names)


def _word_key(name: str) -> tuple[str, ...]:
    return tuple(sorted(word.lower() for word in _WORD.findall(name)))


def _one_slip_apart(a: str, b: str) -> bool:
    """One character inserted, removed or replaced, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    prefix = 0
    while prefix < min(len(a), len(b)) and a[prefix] == b[prefix]:
        prefix += 1
    ra, rb = a[prefix:], b[prefix:]
    if len(ra) == len(rb):
        return ra[1:] == rb[1:] or (len(ra) >= 2 and ra[0] == rb[1] and ra[1] == rb[0] and ra[2:] == rb[2:])
    return ra[1:] == rb if len(ra) > len(rb) else rb[1:] == ra


@dataclass(frozen=True)
class _IconIndex:
    by_case: dict[str, list[str]]
    by_words: dict[tuple[str, ...], list[str]]
    by_length: dict[int, list[tuple[str, str]]]  # (lower-cased, name)


@cache
def _index(names: frozenset[str]) -> _IconIndex:
    index = _IconIndex({}, {}, {})
    for name in sorted(names):
        lowered = name.lower()
        index.by_case.setdefault(lowered, []).append(name)
        index.by_words.setdefault(_word_key(name), []).append(name)
        index.by_length.setdefault(len(lowered), []).append((lowered, name))
    return index


def closest_icon(name: str, names: frozenset[str]) -> str | None:
    """The one existing icon ``name`` clearly means, or None (none fits, or two fit equally well)."""
    index = _index(names)
    lowered = name.lower()
    lookups: tuple[Callable[[], list[str]], ...] = (
        lambda: index.by_case.get(lowered, []),
        lambda: index.by_words.get(_word_key(name), []),
        lambda: _slips(lowered, index) if len(name) >= _MIN_TYPO_LENGTH else [],
    )
    for lookup in lookups:  # the surest kind of match first; a later kind is only tried when none fits
        found = lookup()
        if found:
            return found[0] if len(found) == 1 else None
    return None


def _slips(lowered: str, index: _IconIndex) -> list[str]:
    size, first, last = len(lowered), lowered[0], lowered[-1]
    return [
        name
        for length in (size - 1, size, size + 1)
        for candidate, name in index.by_length.get(length, ())
        # One slip leaves the first or the last letter of a name this long as it was.
        if (candidate[0] == first or candidate[-1] == last) and _one_slip_apart(candidate, lowered)
    ]


def repair_icon_names(tree: Tree, source: bytes, names: frozenset[str] | None = None) -> list[Fix]:
    """Rename unknown icons in ``import { … } from "lucide-react"``; the local name stays as it was used."""
    known = icon_names() if names is None else names
    if not known:
        return []
    fixes: list[Fix] = []
    for statement in captures(_IMPORTS, tree.root_node).get("import", []):
        origin = statement.child_by_field_name("source")
        if origin is None or text_of(origin, source)[1:-1] != _LUCIDE:
            continue
        if any(child.type == "type" for child in statement.children):
            continue
        for specifier in _named_specifiers(statement):
            fix = _rename(specifier, source, known)
            if fix is not None:
                fixes.append(fix)
    return fixes


def _named_specifiers(statement: Node) -> list[Node]:
    found: list[Node] = []
    for clause in statement.named_children:
        for group in clause.named_children if clause.type == "import_clause" else ():
            if group.type == "named_imports":
                found.extend(s for s in group.named_children if s.type == "import_specifier")
    return found


def _rename(specifier: Node, source: bytes, known: frozenset[str]) -> Fix | None:
    if any(child.type == "type" for child in specifier.children):
        return None
    imported = specifier.child_by_field_name("name")
    if imported is None or imported.type != "identifier":
        return None
    name = text_of(imported, source)
    if name in known or name in _TYPE_EXPORTS or not name[:1].isupper():
        return None
    target = closest_icon(name, known)
    if target is None:
        return None
    local = specifier.child_by_field_name("alias")
    replacement = target if local is not None else f"{target} as {name}"
    edit = Edit(imported.start_byte, imported.end_byte, replacement.encode("utf-8"))
    return Fix((edit,), f"changed the lucide icon `{name}` to `{target}`")
