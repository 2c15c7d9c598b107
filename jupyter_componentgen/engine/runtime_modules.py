"""The library modules a component's frame loads on demand, read from their build manifest.

The front-end build makes one bundle per library (recharts, d3, three, the shadcn/ui-style components…) in
``static/modules/`` and a manifest of them: each module's file, size and dependencies, and which import names
map to which module. The frame asks its host for the modules a component imports; this reader lets Python
hosts (the standalone page, the kernel) know which modules a component needs and serve their sources.
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

from .checks.values import string_value

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


class Manifest(TypedDict):
    version: int
    core: list[str]
    modules: dict[str, ModuleEntry]
    specifiers: dict[str, ModuleTarget]
    prefixes: list[PrefixEntry]


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


def module_ids_for_code(code: str) -> list[str]:
    """The library modules ``code``'s imports need, with their dependencies, dependencies first."""
    needed: list[str] = []
    for specifier in import_specifiers(code):
        target = resolve_specifier(specifier)
        if target is not None:
            needed.append(target["module"])
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
