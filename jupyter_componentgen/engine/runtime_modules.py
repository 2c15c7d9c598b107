"""The library modules a component's frame loads on demand, read from their build manifest.

The front-end build makes one bundle per library (recharts, d3, three, the shadcn/ui-style components…) in
``static/modules/`` and a manifest of them: each module's file, size and dependencies, and which import names
map to which module. The frame asks its host for the modules a component imports; this reader lets Python
hosts (the standalone page, the kernel) know which modules a component needs and serve their sources.

lucide-react's icons come in chunk modules routed by name (the manifest's ``chunked`` entry): a component
gets the chunks holding the icons it imports by name, or all of them for a namespace or default import.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterable
from functools import cache
from typing import TypedDict

import tree_sitter_typescript
from tree_sitter import Language, Node, Parser, Query, QueryCursor

from jupyter_componentgen.resources import resource_dir

from .syntax.values import string_value

MANIFEST_FILE = "manifest.json"


class ModuleEntry(TypedDict):
    file: str
    bytes: int
    sha256: str
    requires: list[str]


class _TargetRequired(TypedDict):
    module: str


class ModuleTarget(_TargetRequired, total=False):
    export: str


class PrefixEntry(TypedDict):
    prefix: str
    module: str


class ChunkedExports(TypedDict):
    """A module whose named exports come in chunk modules (lucide-react's icons), routed by name."""

    prefix: str
    suffix: str
    base: list[str]
    whole: list[str]
    chunks: list[dict[str, str]]


class _ManifestRequired(TypedDict):
    version: int
    core: list[str]
    modules: dict[str, ModuleEntry]
    specifiers: dict[str, ModuleTarget]
    prefixes: list[PrefixEntry]


class Manifest(_ManifestRequired, total=False):
    chunked: dict[str, ChunkedExports]


@cache
def manifest() -> Manifest:
    """static/modules/manifest.json, as the last front-end build wrote it."""
    path = resource_dir("static") / "modules" / MANIFEST_FILE
    try:
        loaded: Manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FileNotFoundError(
            "The front-end build's library modules are missing. Reinstall jupyter-componentgen, or in a source "
            "checkout run `jlpm build` in js/."
        ) from None
    return loaded


_EXPORT_NAME = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")


def resolve_specifier(specifier: str) -> ModuleTarget | None:
    """The module (and export) an import name maps to; None for core imports and for unknown names."""
    found = manifest()["specifiers"].get(specifier)
    if found is not None:
        return found
    for entry in manifest()["prefixes"]:
        rest = specifier[len(entry["prefix"]) :]
        if specifier.startswith(entry["prefix"]) and _EXPORT_NAME.fullmatch(rest):
            return {"module": entry["module"], "export": rest}
    return None


def is_bundled_specifier(specifier: str) -> bool:
    """Whether a component may import ``specifier``: core (React) or a library module's import name."""
    return specifier in manifest()["core"] or resolve_specifier(specifier) is not None


def bundled_specifiers() -> list[str]:
    """Every exact import name the runtime serves (core first); see bundled_prefixes for the rest."""
    return [*manifest()["core"], *manifest()["specifiers"]]


def bundled_prefixes() -> list[str]:
    """Import name prefixes whose rest names one export, e.g. ``lodash/`` for ``lodash/debounce``."""
    return [entry["prefix"] for entry in manifest()["prefixes"]]


def module_closure(module_ids: Iterable[str]) -> list[str]:
    """``module_ids`` and what they require, each once, dependencies first; unknown ids are dropped."""
    modules = manifest()["modules"]
    ordered: list[str] = []
    visiting: set[str] = set()

    def visit(module_id: str) -> None:
        if module_id in ordered or module_id in visiting or module_id not in modules:
            return
        visiting.add(module_id)
        for dependency in modules[module_id]["requires"]:
            visit(dependency)
        visiting.discard(module_id)
        ordered.append(module_id)

    for module_id in module_ids:
        visit(module_id)
    return ordered


_LANGUAGE = Language(tree_sitter_typescript.language_tsx())
_IMPORTS = Query(
    _LANGUAGE,
    """
(import_statement source: (string) @source)
(export_statement source: (string) @source)
(call_expression function: (identifier) @require arguments: (arguments . (string) @source .))
(call_expression function: (import) arguments: (arguments . (string) @source))
""",
)
_local = threading.local()


def _parser() -> Parser:
    parser: Parser | None = getattr(_local, "parser", None)
    if parser is None:
        parser = Parser(_LANGUAGE)
        _local.parser = parser
    return parser


def import_specifiers(code: str) -> list[str]:
    """The module names ``code`` imports (import and export-from statements, ``require("x")``, ``import("x")``)."""
    source = code.encode("utf-8")
    tree = _parser().parse(source)
    names: list[str] = []
    for _, captures in QueryCursor(_IMPORTS).matches(tree.root_node):
        callee: list[Node] = captures.get("require", [])
        if callee and source[callee[0].start_byte : callee[0].end_byte] != b"require":
            continue
        for node in captures.get("source", []):
            name = string_value(node, source)
            if name is not None and name not in names:
                names.append(name)
    return names


def _text(node: Node, source: bytes) -> str:
    return source[node.start_byte : node.end_byte].decode("utf-8", "replace")


def _is_type_only(node: Node) -> bool:
    return any(child.type == "type" for child in node.children)


def _names_of(statement: Node, source: bytes) -> list[str] | None:
    """The export names an import or export-from statement reads; None when it may use the whole module."""
    if statement.type == "import_statement":
        clause = next((c for c in statement.children if c.type == "import_clause"), None)
        if clause is None:
            return None  # `import "x"`: for its effects
        names: list[str] = []
        for part in clause.children:
            if part.type in ("identifier", "namespace_import"):
                return None  # a default or namespace import
            if part.type == "named_imports":
                for specifier in part.children:
                    name = specifier.child_by_field_name("name")
                    if specifier.type == "import_specifier" and name and not _is_type_only(specifier):
                        names.append(_text(name, source))
        return names
    clause = next((c for c in statement.children if c.type == "export_clause"), None)
    if clause is None:
        return None  # `export * from "x"`
    return [
        _text(name, source)
        for specifier in clause.children
        if specifier.type == "export_specifier" and (name := specifier.child_by_field_name("name"))
    ]


def import_requests(code: str) -> dict[str, list[str] | None]:
    """Each module name ``code`` imports, with the export names it reads (None: maybe the whole module)."""
    source = code.encode("utf-8")
    tree = _parser().parse(source)
    requests: dict[str, list[str] | None] = {}
    for _, captures in QueryCursor(_IMPORTS).matches(tree.root_node):
        callee: list[Node] = captures.get("require", [])
        if callee and source[callee[0].start_byte : callee[0].end_byte] != b"require":
            continue
        for node in captures.get("source", []):
            name = string_value(node, source)
            statement = node.parent
            if name is None or statement is None:
                continue
            if statement.type in ("import_statement", "export_statement") and _is_type_only(statement):
                continue  # `import type {…}`: erased before the code runs
            names = _names_of(statement, source) if statement.type != "arguments" else None
            if name not in requests:
                requests[name] = names
            elif requests[name] is not None:
                requests[name] = None if names is None else [*(requests[name] or []), *names]
    return requests


def _routed_name(chunked: ChunkedExports, name: str) -> str:
    routed = name
    prefix, suffix = chunked["prefix"], chunked["suffix"]
    if prefix and routed.startswith(prefix) and re.match(r"[A-Z0-9]", routed[len(prefix) :]):
        routed = routed[len(prefix) :]
    if suffix and len(routed) > len(suffix) and routed.endswith(suffix):
        routed = routed[: -len(suffix)]
    return routed


def chunk_ids(module_id: str, names: Iterable[str] | None) -> list[str]:
    """The chunk modules module ``module_id`` needs for export ``names`` (every chunk for None); the
    frame's runtime routes names the same way (js/src/runtime/module-manifest.ts)."""
    chunked = manifest().get("chunked", {}).get(module_id)
    if chunked is None:
        return []
    chunks = chunked["chunks"]
    wanted = None if names is None else list(names)
    if wanted is None or any(name in chunked["whole"] for name in wanted):
        return [chunk["module"] for chunk in chunks]
    found: set[str] = set()
    for name in wanted:
        if name in chunked["base"]:
            continue
        routed = _routed_name(chunked, name)
        chosen = None
        for chunk in chunks:
            if chunk["from"] <= routed:
                chosen = chunk["module"]
            else:
                break
        if chosen is not None:
            found.add(chosen)
    return [chunk["module"] for chunk in chunks if chunk["module"] in found]


def module_ids_for_code(code: str) -> list[str]:
    """The library modules ``code``'s imports need, with their dependencies, dependencies first (for a
    module whose exports come in chunks, the chunks holding the names imported)."""
    needed: list[str] = []
    for specifier, names in import_requests(code).items():
        target = resolve_specifier(specifier)
        if target is not None:
            needed.append(target["module"])
            needed.extend(chunk_ids(target["module"], names if "export" not in target else None))
    return module_closure(needed)


def _entry(module_id: str) -> ModuleEntry:
    try:
        return manifest()["modules"][module_id]
    except KeyError:
        raise KeyError(f"no library module {module_id!r} in the manifest") from None


def module_source(module_id: str) -> str:
    """A library module's bundle (the source the frame evaluates)."""
    path = resource_dir("static") / "modules" / _entry(module_id)["file"]
    return path.read_text(encoding="utf-8")


def module_bytes(module_id: str) -> int:
    """A library module's bundle size in bytes."""
    return _entry(module_id)["bytes"]
