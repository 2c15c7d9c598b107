"""Import repairs: shadcn/ui and Radix imported by a path the runtime does not serve, and ``React.useState``
(or any ``React.*`` value) used without an import of React.

An import is only ever rewritten to a name the runtime bundles (its build manifest says), so a repair can
never open a module the static checks would refuse; an import the runtime already serves is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from tree_sitter import Node, Query, Tree

from jupyter_componentgen.engine.syntax.scope import binding_owner

from .text import LANGUAGE, Edit, Fix, captures, line_start, newline_of, text_of

_IMPORT_SOURCES = Query(
    LANGUAGE,
    """
(import_statement source: (string) @source)
(export_statement source: (string) @source)
""",
)
_REACT_NAMES = Query(LANGUAGE, '((identifier) @react (#eq? @react "React"))')
# The import specifiers of a piece of source, cheaply, to skip parsing when every one is already served.
_QUOTED_SOURCE = re.compile(r"""\b(?:from|import)\s*["']([^"'\n]+)["']""")
_EXTENSION = re.compile(r"(?:/index)?\.(?:tsx|ts|jsx|js|mjs|cjs)$|/index$")
_RADIX_SUBPATH = re.compile(r"(@radix-ui/react-[a-z0-9-]+)/.+")
_WORD_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|_")
# Folders of an app's source tree that lead to its components/ui, hooks or lib folder (v0, shadcn's registry,
# create-react-app, Vite and Next.js layouts). A path made only of these is the app's own, never a package.
_PROJECT_FOLDERS = frozenset(
    {".", "..", "", "@", "~", "#", "$lib", "src", "app", "components", "@components", "lib", "registry"}
    | {"default", "new-york", "new-york-v4"}
)

# Where ``React`` names a type namespace (``React.FC``, ``React.ChangeEvent<…>``), not a value.
_TYPE_PARENTS = frozenset({"nested_type_identifier", "nested_identifier"})

Bundled = Callable[[str], bool]


def _bundled(specifier: str) -> bool:
    from jupyter_componentgen.engine.runtime_modules import is_bundled_specifier

    try:
        return is_bundled_specifier(specifier)
    except FileNotFoundError:  # no front-end build: nothing is known to be served
        return False


def _kebab(name: str) -> str:
    return _WORD_BOUNDARY.sub("-", name).lower()


def _alias_candidates(specifier: str) -> Iterator[str]:
    """Names the runtime might serve for ``specifier``, most literal first."""
    base = _EXTENSION.sub("", specifier)
    yield base
    radix = _RADIX_SUBPATH.fullmatch(base)
    if radix is not None:
        yield radix[1]
    *folders, parent, name = ["", *base.split("/")]
    if not all(folder in _PROJECT_FOLDERS for folder in folders):
        return
    if parent == "ui":
        yield f"@/components/ui/{_kebab(name)}"
    elif parent == "hooks":
        yield f"@/hooks/{_kebab(name)}"
    elif parent == "lib" and name == "utils":
        yield "@/lib/utils"


def alias_target(specifier: str, bundled: Bundled = _bundled) -> str | None:
    """The bundled import name an unserved ``specifier`` stands for, e.g. ``./components/ui/Button.tsx`` ->
    ``@/components/ui/button``; None when it is served already or stands for nothing the runtime has."""
    if bundled(specifier):
        return None
    return next((c for c in _alias_candidates(specifier) if c != specifier and bundled(c)), None)


def needs_alias_repair(code: str, bundled: Bundled = _bundled) -> bool:
    """Whether any import in ``code`` (read without parsing) names a module the runtime does not serve."""
    return any(not bundled(match[1]) for match in _QUOTED_SOURCE.finditer(code))


def repair_aliases(tree: Tree, source: bytes, bundled: Bundled = _bundled) -> list[Fix]:
    """Rewrite each import of an alias to the bundled name it stands for; only the quoted name changes."""
    fixes: list[Fix] = []
    for node in captures(_IMPORT_SOURCES, tree.root_node).get("source", []):
        specifier = text_of(node, source)[1:-1]
        if "\\" in specifier:
            continue  # escapes: not a path anyone writes by habit
        target = alias_target(specifier, bundled)
        if target is not None:
            edit = Edit(node.start_byte + 1, node.end_byte - 1, target.encode("utf-8"))
            fixes.append(Fix((edit,), f"changed the import `{specifier}` to `{target}`"))
    return fixes


def repair_react_import(tree: Tree, source: bytes) -> list[Fix]:
    """``React.useState``, ``<React.Fragment>`` with nothing named React in scope: import it.

    Only uses as a value fail in the frame; a type such as ``React.FC`` is erased when the code compiles.
    """
    names = captures(_REACT_NAMES, tree.root_node).get("react", [])
    if any(binding_owner(node) is not None for node in names):
        return []
    if not any(node.parent is not None and node.parent.type not in _TYPE_PARENTS for node in names):
        return []
    extendable = _named_only_react_import(tree, source)
    if extendable is not None:
        edit = Edit(extendable.start_byte, extendable.start_byte, b"React, ")
        return [Fix((edit,), "added `React` to the import from `react`")]
    at = _first_import_line(tree, source)
    line = b'import React from "react";' + newline_of(source)
    return [Fix((Edit(at, at, line),), 'added `import React from "react"`')]


def _named_only_react_import(tree: Tree, source: bytes) -> Node | None:
    """The clause of an ``import { … } from "react"`` (no default, no namespace, not type-only), if any."""
    for statement in tree.root_node.named_children:
        if statement.type != "import_statement" or any(c.type == "type" for c in statement.children):
            continue
        origin = statement.child_by_field_name("source")
        if origin is None or text_of(origin, source)[1:-1] != "react":
            continue
        clause = next((c for c in statement.named_children if c.type == "import_clause"), None)
        if clause is not None and [c.type for c in clause.named_children] == ["named_imports"]:
            return clause
    return None


def _first_import_line(tree: Tree, source: bytes) -> int:
    """Where a new import goes: the line of the first import, else of the first statement that is code."""
    statements = tree.root_node.named_children
    first = next((s for s in statements if s.type == "import_statement"), None)
    if first is None:
        first = next((s for s in statements if s.type not in ("comment", "expression_statement")), None)
    return 0 if first is None else line_start(source, first.start_byte)
