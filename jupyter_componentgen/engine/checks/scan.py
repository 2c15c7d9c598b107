"""The syntax tree the static checks read: the TSX query that finds what they judge, one scan's state (its
findings, constants and bindings), and questions about nodes (is this the global object? the document?).

A prefix never yields a finding the whole code would not: a name at the very end of an unfinished prefix
may still turn into an object key or a label (``{ fetch`` + ``: 1 }``), so ``Scan`` leaves it unjudged.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import tree_sitter_typescript
from tree_sitter import Language, Node

from jupyter_componentgen.engine.syntax.scope import binding_owner, shadowed

from .findings import Finding
from .rules import (
    DOCUMENT_OBJECTS,
    GLOBAL_OBJECTS,
    RAW_HTML_NAMES,
    STRING_CODE_CALLS,
    WINDOW_ONLY_PROPERTIES,
    StaticRules,
)

SNIPPET_CHARS = 120
LANGUAGE = Language(tree_sitter_typescript.language_tsx())
CREATE_ELEMENT = frozenset({"createElement", "createElementNS", "jsx", "jsxs", "jsxDEV"})
# Expressions that can still turn into a destructuring pattern or parameter list once more code arrives.
_PATTERN_LIKE = frozenset(
    {
        "array",
        "object",
        "pair",
        "spread_element",
        "assignment_expression",
        "parenthesized_expression",
        "sequence_expression",
        "arguments",
        "array_pattern",
        "object_pattern",
        "pair_pattern",
        "assignment_pattern",
        "object_assignment_pattern",
        "rest_pattern",
        "ERROR",
    }
)


def _quoted(names: frozenset[str]) -> str:
    return " ".join(f'"{name}"' for name in sorted(names))


def query_source(rules: StaticRules) -> str:
    identifiers = (
        rules.banned_globals
        | rules.extra_banned
        | GLOBAL_OBJECTS
        | {"document"}
        | STRING_CODE_CALLS
        | CREATE_ELEMENT
    )
    properties = (
        rules.banned_properties
        | rules.extra_banned
        | WINDOW_ONLY_PROPERTIES
        | RAW_HTML_NAMES
        | STRING_CODE_CALLS
        | CREATE_ELEMENT
        | {"constructor"}
    )
    return f"""
((identifier) @identifier (#any-of? @identifier {_quoted(identifiers)}))
((shorthand_property_identifier) @shorthand (#any-of? @shorthand {_quoted(identifiers)}))
((shorthand_property_identifier_pattern) @binding (#any-of? @binding {_quoted(identifiers)}))
((property_identifier) @property (#any-of? @property {_quoted(properties)}))
(subscript_expression index: (_) @index)
(call_expression function: (import) @dynamic_import)
(import_statement source: (string) @import_source)
(export_statement source: (string) @import_source)
(jsx_opening_element name: (identifier) @jsx_name)
(jsx_self_closing_element name: (identifier) @jsx_name)
(string) @string
(template_string) @string
(call_expression) @built
(binary_expression) @built
(lexical_declaration (variable_declarator name: (identifier) @const_name value: (_) @const_value))
"""


@dataclass
class Scan:
    """One run of the checks over one piece of source."""

    rules: StaticRules
    source: bytes
    lines: list[bytes]
    # Nodes ending at or after this byte are not judged yet: the tree is unfinished (see the module docstring).
    settled_end: int
    findings: dict[tuple[str, int, int], Finding] = field(default_factory=dict)
    constants: dict[str, str] = field(default_factory=dict)
    bindings: dict[str, list[Node]] = field(default_factory=dict)

    def text(self, node: Node) -> str:
        return self.source[node.start_byte : node.end_byte].decode("utf-8", "replace")

    def report(self, rule: str, node: Node, message: str) -> None:
        if not self.rules.enabled(rule) or node.end_byte >= self.settled_end:
            return
        line, column_bytes = node.start_point
        raw_line = self.lines[line] if line < len(self.lines) else b""
        column = len(raw_line[:column_bytes].decode("utf-8", "replace"))
        key = (rule, line + 1, column)
        if key not in self.findings:
            snippet = raw_line.decode("utf-8", "replace").strip()
            if len(snippet) > SNIPPET_CHARS:
                snippet = snippet[: SNIPPET_CHARS - 1] + "…"
            self.findings[key] = Finding(rule, message, line + 1, column, snippet)

    def may_become_binding(self, node: Node) -> bool:
        """In an unfinished tree, whether this reference may yet turn out to declare a name.

        ``const [open,`` or ``function C({ data, open,`` read as an array or object until the ``]`` / ``)``
        and what follows arrive; a call, a member access or an operator around the name settles it.
        """
        if self.settled_end > len(self.source):
            return False
        parent = node.parent
        while parent is not None and parent.type in _PATTERN_LIKE:
            if parent.has_error or parent.type == "ERROR":
                return True
            parent = parent.parent
        return parent is not None and (parent.has_error or parent.type == "ERROR")

    def is_global(self, node: Node, name: str) -> bool:
        """A reference (not a declaration) to the global ``name``, not shadowed by the component's own."""
        if binding_owner(node) is not None:
            return False
        bindings = self.bindings.get(name, ())
        if bindings and self.settled_end <= len(self.source):
            return False  # an unfinished tree nests scopes unreliably: any declaration of the name counts
        return not shadowed(node, bindings)


def is_field(parent: Node, name: str, node: Node) -> bool:
    child = parent.child_by_field_name(name)
    return child is not None and child.id == node.id


def unwrap(node: Node | None) -> Node | None:
    while node is not None and node.type in ("parenthesized_expression", "non_null_expression"):
        children = node.named_children
        node = children[-1] if children else None
    return node


def is_window(scan: Scan, target: Node | None) -> bool:
    target = unwrap(target)
    if target is None:
        return False
    if target.type == "identifier":
        name = scan.text(target)
        return name in GLOBAL_OBJECTS and scan.is_global(target, name)
    if target.type == "member_expression":  # window.window, self.globalThis, ...
        prop = target.child_by_field_name("property")
        return (
            prop is not None
            and scan.text(prop) in GLOBAL_OBJECTS
            and is_window(scan, target.child_by_field_name("object"))
        )
    return False


def is_document(scan: Scan, target: Node | None) -> bool:
    target = unwrap(target)
    if target is None:
        return False
    if target.type == "identifier":
        return scan.text(target) == "document" and scan.is_global(target, "document")
    if target.type == "member_expression":
        prop = target.child_by_field_name("property")
        return prop is not None and scan.text(prop) in DOCUMENT_OBJECTS
    return False


def first_call_argument(callee: Node) -> Node | None:
    """The first argument when ``callee`` (a name, or ``obj.name``) is called, else None."""
    call = callee.parent
    if call is not None and call.type == "member_expression":
        call = call.parent
    if call is None or call.type != "call_expression":
        return None
    arguments = call.child_by_field_name("arguments")
    return arguments.named_children[0] if arguments is not None and arguments.named_children else None
