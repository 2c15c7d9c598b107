"""A component file with no default export: export its one top-level component as the default.

The runtime renders a file's default export. Code written for an app often has only a named export
(``export function WeatherWidget``, ``export { Component }``, ``export const App = () => …``) or none at all.
The component to export is the one no other part of the file uses (helpers and icons are used by it):
the single such exported component, else the single such component. When that is not one name, nothing is
guessed.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from tree_sitter import Node, Query, Tree

from .text import LANGUAGE, Edit, Fix, captures, newline_of, text_of

_JSX = Query(LANGUAGE, "[(jsx_element) (jsx_self_closing_element)] @jsx")
_IDENTIFIERS = Query(LANGUAGE, "(identifier) @name")
_WRAPPERS = frozenset({"memo", "forwardRef", "React.memo", "React.forwardRef"})
_FUNCTION_VALUES = frozenset({"arrow_function", "function_expression", "function"})
_COMMONJS_EXPORT = re.compile(rb"\bmodule\.exports\b|\bexports\.default\b")


@dataclass(frozen=True)
class _Unit:
    """A top-level declaration (or other statement) whose uses of names count as uses."""

    node: Node
    name: str | None  # the component it declares, if it declares one
    exported: bool


def repair_default_export(tree: Tree, source: bytes) -> list[Fix]:
    root = tree.root_node
    if root.has_error or _has_default_export(root, source):
        return []
    jsx_starts = sorted(node.start_byte for node in captures(_JSX, root).get("jsx", []))
    units = _units(root, source, jsx_starts)
    chosen = _top_component(units, source, root)
    if chosen is None:
        return []
    newline = newline_of(source)
    ending = b"" if source.endswith(b"\n") or not source else newline
    edit = Edit(len(source), len(source), ending + newline + f"export default {chosen};".encode() + newline)
    return [Fix((edit,), f"added `export default {chosen}`")]


def _has_default_export(root: Node, source: bytes) -> bool:
    if _COMMONJS_EXPORT.search(source):
        return True  # exported the CommonJS way: not a file to second-guess
    for statement in root.named_children:
        if statement.type != "export_statement":
            continue
        if any(child.type == "default" for child in statement.children):
            return True
        for clause in statement.named_children:
            if clause.type == "export_clause" and any(
                text_of(part, source) == "default"
                for spec in clause.named_children
                for part in spec.named_children
            ):
                return True
    return False


def _units(root: Node, source: bytes, jsx_starts: list[int]) -> list[_Unit]:
    units: list[_Unit] = []
    exported_names: set[str] = set()
    for statement in root.named_children:
        exported = statement.type == "export_statement"
        declaration = statement.child_by_field_name("declaration") if exported else statement
        if exported and declaration is None:
            exported_names.update(_clause_names(statement, source))
            continue
        if declaration is None or declaration.type in ("import_statement", "expression_statement", "comment"):
            continue  # imports declare no component; side effects (App.displayName = …) are not uses
        if declaration.type in ("lexical_declaration", "variable_declaration"):
            for declarator in declaration.named_children:
                if declarator.type == "variable_declarator":
                    name = _component_declarator(declarator, source, jsx_starts)
                    units.append(_Unit(declarator, name, exported))
            continue
        units.append(_Unit(declaration, _component_declaration(declaration, source, jsx_starts), exported))
    return [
        _Unit(unit.node, unit.name, unit.exported or unit.name in exported_names) if unit.name else unit
        for unit in units
    ]


def _clause_names(statement: Node, source: bytes) -> list[str]:
    """The local names ``export { A, B as C }`` exports (none for a re-export from another module)."""
    if statement.child_by_field_name("source") is not None:
        return []
    names: list[str] = []
    for clause in statement.named_children:
        if clause.type == "export_clause":
            for spec in clause.named_children:
                local = spec.child_by_field_name("name")
                if local is not None:
                    names.append(text_of(local, source))
    return names


def _has_jsx(node: Node, jsx_starts: list[int]) -> bool:
    index = bisect.bisect_left(jsx_starts, node.start_byte)
    return index < len(jsx_starts) and jsx_starts[index] < node.end_byte


def _is_component_name(name: str) -> bool:
    return name[:1].isupper()


def _component_declaration(node: Node, source: bytes, jsx_starts: list[int]) -> str | None:
    name_node = node.child_by_field_name("name")
    if name_node is None or not _is_component_name(text_of(name_node, source)):
        return None
    if node.type in ("function_declaration", "generator_function_declaration"):
        return text_of(name_node, source) if _has_jsx(node, jsx_starts) else None
    if node.type == "class_declaration":
        heritage = any(child.type == "class_heritage" for child in node.named_children)
        return text_of(name_node, source) if heritage and _has_jsx(node, jsx_starts) else None
    return None


def _component_declarator(declarator: Node, source: bytes, jsx_starts: list[int]) -> str | None:
    name_node, value = declarator.child_by_field_name("name"), declarator.child_by_field_name("value")
    if name_node is None or value is None or name_node.type != "identifier":
        return None
    name = text_of(name_node, source)
    if not _is_component_name(name):
        return None
    if value.type in _FUNCTION_VALUES and _has_jsx(value, jsx_starts):
        return name
    callee = value.child_by_field_name("function") if value.type == "call_expression" else None
    return name if callee is not None and text_of(callee, source) in _WRAPPERS else None


def _top_component(units: list[_Unit], source: bytes, root: Node) -> str | None:
    """The one component nothing else in the file uses: among the exported ones first."""
    components = {unit.name: unit for unit in units if unit.name is not None}
    if not components:
        return None
    used: set[str] = set()
    for node in captures(_IDENTIFIERS, root).get("name", []):
        name = text_of(node, source)
        if name in components and name not in used and _used_outside(node, name, units):
            used.add(name)
    roots = [name for name in components if name not in used]
    exported = [name for name in roots if components[name].exported]
    if len(exported) == 1:
        return exported[0]
    return roots[0] if len(roots) == 1 else None


def _used_outside(node: Node, name: str, units: list[_Unit]) -> bool:
    """Whether this occurrence of ``name`` lies in a unit other than the one declaring it."""
    for unit in units:
        if unit.node.start_byte <= node.start_byte and node.end_byte <= unit.node.end_byte:
            return unit.name != name
    return False
