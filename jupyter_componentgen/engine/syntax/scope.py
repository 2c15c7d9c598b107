"""Just enough scope analysis for the static checks: is this identifier a binding, and is a reference to a
global name shadowed by a declaration of the component's own?

Only identifiers whose names the checks care about go through here, so a plain walk up the parents is
cheap. Declarations are treated as visible in their whole scope (``let``/``const`` hoist into the temporal
dead zone, so a reference before them never reaches the global either); ``var`` belongs to the function.
"""

from __future__ import annotations

from collections.abc import Iterable

from tree_sitter import Node

FUNCTION_SCOPES = frozenset(
    {
        "program",
        "function_declaration",
        "function_expression",
        "function",
        "generator_function_declaration",
        "generator_function",
        "arrow_function",
        "method_definition",
    }
)
BLOCK_SCOPES = FUNCTION_SCOPES | frozenset(
    {"statement_block", "for_statement", "for_in_statement", "catch_clause", "class_body", "switch_body"}
)
# Patterns whose identifiers bind a name (destructuring, defaults, rest).
_PATTERN_PARENTS = frozenset({"array_pattern", "rest_pattern", "object_pattern"})
_NAMED_DECLARATIONS = frozenset(
    {
        "function_declaration",
        "generator_function_declaration",
        "class_declaration",
        "function_expression",
        "function",
        "generator_function",
        "class",
    }
)
_PARAMETERS = frozenset({"required_parameter", "optional_parameter"})


def _field_is(parent: Node, name: str, node: Node) -> bool:
    child = parent.child_by_field_name(name)
    return child is not None and child.id == node.id


def binding_owner(node: Node) -> Node | None:
    """For an identifier that declares a name, the declaring node (declarator, parameter, ...); else None."""
    parent = node.parent
    while parent is not None:
        kind = parent.type
        if kind == "variable_declarator":
            return parent if _field_is(parent, "name", node) or _inside_field(parent, "name", node) else None
        if kind in _PARAMETERS:
            return parent if _inside_field(parent, "pattern", node) else None
        if kind == "arrow_function":
            return parent if _field_is(parent, "parameter", node) else None
        if kind in _NAMED_DECLARATIONS:
            return parent if _field_is(parent, "name", node) else None
        if kind in ("import_specifier", "import_clause", "namespace_import"):
            alias = parent.child_by_field_name("alias")
            return parent if alias is None or alias.id == node.id else None
        if kind == "catch_clause":
            return parent if _inside_field(parent, "parameter", node) else None
        if kind in ("for_in_statement",):
            return parent if _inside_field(parent, "left", node) else None
        if kind == "ERROR":
            # An unfinished prefix: a pattern cut off from its declaration still declares its names.
            return parent if node.type != "identifier" else None
        if kind in _PATTERN_PARENTS or kind in (
            "pair_pattern",
            "assignment_pattern",
            "object_assignment_pattern",
        ):
            if kind == "pair_pattern" and not _inside_field(parent, "value", node):
                return None
            if kind in ("assignment_pattern", "object_assignment_pattern") and not _inside_field(
                parent, "left", node
            ):
                return None
            node, parent = parent, parent.parent
            continue
        return None
    return None


def _inside_field(parent: Node, name: str, node: Node) -> bool:
    child = parent.child_by_field_name(name)
    return child is not None and child.start_byte <= node.start_byte and node.end_byte <= child.end_byte


def declaring_scope(owner: Node) -> Node | None:
    """The scope a declaration's name lives in."""
    kind = owner.type
    if kind in ("function_expression", "function", "generator_function", "class"):
        return owner  # a named function expression sees its own name only inside itself
    if kind in _PARAMETERS:
        return _enclosing(owner, FUNCTION_SCOPES)
    if kind in ("arrow_function", "catch_clause", "for_in_statement"):
        return owner
    if kind in ("import_specifier", "import_clause", "namespace_import", "ERROR"):
        return _root(owner)
    if kind == "variable_declarator":
        declaration = owner.parent
        is_var = declaration is not None and declaration.type == "variable_declaration"
        return _enclosing(owner, FUNCTION_SCOPES if is_var else BLOCK_SCOPES)
    return _enclosing(owner, BLOCK_SCOPES)


def _enclosing(node: Node, kinds: frozenset[str]) -> Node | None:
    parent = node.parent
    while parent is not None and parent.type not in kinds:
        parent = parent.parent
    return parent


def _root(node: Node) -> Node:
    while node.parent is not None:
        node = node.parent
    return node


def shadowed(reference: Node, bindings: Iterable[Node]) -> bool:
    """Whether a declaration among ``bindings`` (identifiers of the same name) is visible at ``reference``."""
    ancestors = set()
    parent = reference.parent
    while parent is not None:
        ancestors.add(parent.id)
        parent = parent.parent
    for binding in bindings:
        owner = binding_owner(binding)
        if owner is None:
            continue
        scope = declaring_scope(owner)
        if scope is not None and scope.id in ancestors:
            return True
    return False
