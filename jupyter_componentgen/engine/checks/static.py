"""Static checks of generated component code, on the TSX syntax tree (tree-sitter).

The checker is the engine's ``CodeChecker``: it runs on every streamed prefix of a component, one complete
line at a time, and on the whole component at the end. It is a second wall behind the sandboxed iframe:
it refuses code that reaches for the network, storage, code-from-strings or the page around the frame,
so such code is neither rendered nor saved, and the model can be told exactly what to change.

A prefix never yields a finding the whole code would not: a name at the very end of an unfinished prefix
may still turn into an object key or a label (``{ fetch`` + ``: 1 }``), so it is judged once more follows.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import tree_sitter_typescript
from tree_sitter import Language, Node, Parser, Query, QueryCursor

from .findings import Finding
from .rules import (
    BANNED_JSX_ELEMENTS,
    DOCUMENT_OBJECTS,
    GLOBAL_OBJECTS,
    RAW_HTML_NAMES,
    RULE_BANNED_API,
    RULE_DYNAMIC_IMPORT,
    RULE_FUNCTION_CONSTRUCTOR,
    RULE_GLOBAL_OBJECT,
    RULE_HIDDEN_NAME,
    RULE_IMPORT,
    RULE_JAVASCRIPT_URL,
    RULE_JSX_ELEMENT,
    RULE_RAW_HTML,
    RULE_SIZE,
    RULE_STRING_CODE,
    SPELLED_NAMES,
    STRING_CODE_CALLS,
    WINDOW_ONLY_PROPERTIES,
    StaticRules,
    bundled_import,
)
from .scope import binding_owner, shadowed
from .values import constant_string, is_built, string_value


class CheckSettings(Protocol):
    """The settings the static checks read (EngineSettings has them, and so does the traitlets configurable)."""

    @property
    def static_checks(self) -> bool: ...

    @property
    def allowed_imports(self) -> Sequence[str]: ...

    @property
    def disabled_static_rules(self) -> Sequence[str]: ...

    @property
    def extra_banned_names(self) -> Sequence[str]: ...

    @property
    def max_code_bytes(self) -> int: ...

    @property
    def max_code_lines(self) -> int: ...


SNIPPET_CHARS = 120
# How an import finding names what is offered (the whole list is long; the README has it).
OFFERED_MODULES = (
    "react, react-dom, the shadcn/ui components (@/components/ui/*, @/lib/utils), lucide-react, recharts, "
    "framer-motion, lodash, d3, mathjs, papaparse, xlsx, date-fns, three, chart.js, react-chartjs-2, "
    "plotly.js, react-plotly.js and tone"
)
_LANGUAGE = Language(tree_sitter_typescript.language_tsx())
_CREATE_ELEMENT = frozenset({"createElement", "createElementNS", "jsx", "jsxs", "jsxDEV"})
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


def _query_source(rules: StaticRules) -> str:
    identifiers = (
        rules.banned_globals
        | rules.extra_banned
        | GLOBAL_OBJECTS
        | {"document"}
        | STRING_CODE_CALLS
        | _CREATE_ELEMENT
    )
    properties = (
        rules.banned_properties
        | rules.extra_banned
        | WINDOW_ONLY_PROPERTIES
        | RAW_HTML_NAMES
        | STRING_CODE_CALLS
        | _CREATE_ELEMENT
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
class _Scan:
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


class StaticChecker:
    """Callable ``CodeChecker``; thread-safe (one parser per thread), compiled once per rule set."""

    def __init__(
        self, rules: StaticRules | None = None, *, on_block: Callable[[Sequence[Finding]], None] | None = None
    ) -> None:
        self.rules = rules or StaticRules()
        self._query = Query(_LANGUAGE, _query_source(self.rules))
        self._local = threading.local()
        self._on_block = on_block

    def __call__(self, code: str) -> Sequence[Finding]:
        findings = self.check(code)
        if findings and self._on_block is not None:
            self._on_block(findings)
        return findings

    def check(self, code: str) -> list[Finding]:
        source = code.encode("utf-8")
        lines = source.split(b"\n")
        scan = _Scan(self.rules, source, lines, len(source) + 1)
        if self._size_findings(scan, code, lines):
            return list(scan.findings.values())
        tree = self._parser().parse(source)
        root = tree.root_node
        if root.has_error:
            scan.settled_end = len(source.rstrip())
        captures = QueryCursor(self._query).captures(root)
        self._collect_bindings(scan, captures)
        self._collect_constants(scan, captures.get("const_name", []), captures.get("const_value", []))
        for node in captures.get("identifier", []) + captures.get("shorthand", []):
            self._check_identifier(scan, node)
        for node in captures.get("property", []):
            self._check_property(scan, node)
        for node in captures.get("binding", []):
            self._check_destructured(scan, node, scan.text(node))
        for node in captures.get("index", []):
            self._check_index(scan, node)
        for node in captures.get("dynamic_import", []):
            scan.report(
                RULE_DYNAMIC_IMPORT,
                node,
                "dynamic import() loads code at run time; import only the allowed modules at the top",
            )
        for node in captures.get("import_source", []):
            self._check_import(scan, node)
        for node in captures.get("jsx_name", []):
            name = scan.text(node)
            if name in BANNED_JSX_ELEMENTS:
                scan.report(RULE_JSX_ELEMENT, node, f"<{name}> loads or runs content outside the component")
        for node in captures.get("string", []):
            self._check_url(scan, node)
        for node in captures.get("built", []) + captures.get("string", []):
            self._check_spelled(scan, node)
        return sorted(scan.findings.values(), key=lambda f: (f.line, f.column, f.rule))

    def _parser(self) -> Parser:
        parser: Parser | None = getattr(self._local, "parser", None)
        if parser is None:
            parser = Parser(_LANGUAGE)
            self._local.parser = parser
        return parser

    def _size_findings(self, scan: _Scan, code: str, lines: list[bytes]) -> bool:
        rules = scan.rules
        if not rules.enabled(RULE_SIZE):
            return False
        size = len(scan.source)
        line_count = code.count("\n") + (0 if code.endswith("\n") or not code else 1)
        if size <= rules.max_bytes and line_count <= rules.max_lines:
            return False
        if size > rules.max_bytes:
            message = f"the component is {size:,} bytes; the limit is {rules.max_bytes:,}"
            line = len(scan.source[: rules.max_bytes].split(b"\n"))
        else:
            message = f"the component has {line_count:,} lines; the limit is {rules.max_lines:,}"
            line = rules.max_lines + 1
        snippet = (
            lines[line - 1].decode("utf-8", "replace").strip()[:SNIPPET_CHARS] if line <= len(lines) else ""
        )
        scan.findings[(RULE_SIZE, line, 0)] = Finding(RULE_SIZE, message, line, 0, snippet)
        return True

    @staticmethod
    def _collect_bindings(scan: _Scan, captures: dict[str, list[Node]]) -> None:
        for node in captures.get("identifier", []) + captures.get("binding", []):
            if node.type == "shorthand_property_identifier_pattern" or binding_owner(node) is not None:
                scan.bindings.setdefault(scan.text(node), []).append(node)

    @staticmethod
    def _collect_constants(scan: _Scan, names: list[Node], _values: list[Node]) -> None:
        # In source order (a constant may be built from earlier ones), each name with its own declarator's
        # value: the capture lists are not in source order, nor in step with each other.
        for name in sorted(names, key=lambda node: node.start_byte):
            declarator = name.parent
            declaration = declarator.parent if declarator is not None else None
            keyword = declaration.child(0) if declaration is not None else None
            value = declarator.child_by_field_name("value") if declarator is not None else None
            if keyword is None or keyword.type != "const" or value is None:
                continue
            evaluated = constant_string(value, scan.source, scan.constants)
            if evaluated is not None:
                scan.constants[scan.text(name)] = evaluated

    # Identifiers: references to banned globals, the global object and the document.

    def _check_identifier(self, scan: _Scan, node: Node) -> None:
        name = scan.text(node)
        if node.type == "identifier" and binding_owner(node) is not None:
            return
        if not scan.is_global(node, name) or scan.may_become_binding(node):
            return
        rules = scan.rules
        if rules.is_banned_global(name):
            scan.report(RULE_BANNED_API, node, _banned_message(name))
        elif name in GLOBAL_OBJECTS:
            self._check_object_use(scan, node, name, window=True)
        elif name == "document":
            self._check_object_use(scan, node, name, window=False)
        elif name in STRING_CODE_CALLS:
            self._check_timer_call(scan, node)
        elif name in _CREATE_ELEMENT:
            self._check_create_element(scan, node)

    def _check_object_use(self, scan: _Scan, node: Node, name: str, *, window: bool) -> None:
        """``window``/``document`` may only be read as ``object.plainName``; other uses hide what is read."""
        parent = node.parent
        if parent is not None and parent.type == "member_expression" and _is_field(parent, "object", node):
            return  # the property itself is checked by _check_property
        if parent is not None and parent.type == "subscript_expression" and _is_field(parent, "object", node):
            return  # the key is checked by _check_index
        what = "the global object" if window else "the document"
        scan.report(
            RULE_GLOBAL_OBJECT,
            node,
            f"`{name}` is used as a value: {what} may only be read as `{name}.name` with a plain name",
        )

    def _check_timer_call(self, scan: _Scan, node: Node) -> None:
        first = _first_call_argument(node)
        if first is not None and first.type in ("string", "template_string", "binary_expression"):
            scan.report(
                RULE_STRING_CODE, first, f"{scan.text(node)} with a string runs it as code; pass a function"
            )

    def _check_create_element(self, scan: _Scan, node: Node) -> None:
        first = _first_call_argument(node)
        tag = constant_string(first, scan.source, scan.constants)
        if tag is not None and tag.strip().lower() in BANNED_JSX_ELEMENTS:
            scan.report(
                RULE_JSX_ELEMENT,
                first or node,
                f"a <{tag.strip().lower()}> element loads or runs content outside the component",
            )

    # Properties: banned on any object, or on the window and the document only.

    def _check_property(self, scan: _Scan, node: Node) -> None:
        name = scan.text(node)
        parent = node.parent
        if parent is None:
            return
        if parent.type == "member_expression" and _is_field(parent, "property", node):
            self._check_member(scan, node, parent.child_by_field_name("object"), name)
        elif parent.type == "pair_pattern" and _is_field(parent, "key", node):
            self._check_destructured(scan, node, name)
        elif parent.type == "jsx_attribute" and name in RAW_HTML_NAMES:
            scan.report(
                RULE_RAW_HTML,
                node,
                f"{name} inserts raw HTML, which these checks cannot see into; render JSX",
            )

    def _check_member(self, scan: _Scan, node: Node, target: Node | None, name: str) -> None:
        rules = scan.rules
        if name == "constructor":
            scan.report(
                RULE_FUNCTION_CONSTRUCTOR,
                node,
                "`.constructor` reaches the Function constructor (code from strings)",
            )
        elif rules.is_banned_property(name):
            scan.report(RULE_BANNED_API, node, _banned_message(name))
        elif name in RAW_HTML_NAMES and (name not in ("write", "writeln") or _is_document(scan, target)):
            scan.report(
                RULE_RAW_HTML,
                node,
                f"{name} inserts raw HTML, which these checks cannot see into; render JSX",
            )
        elif _is_window(scan, target) and (rules.is_banned_global(name) or name in WINDOW_ONLY_PROPERTIES):
            scan.report(RULE_BANNED_API, node, _banned_message(name))
        elif name in WINDOW_ONLY_PROPERTIES and _is_document(scan, target):
            scan.report(RULE_BANNED_API, node, _banned_message(f"document.{name}"))
        elif name in STRING_CODE_CALLS:
            self._check_timer_call(scan, node)
        elif name in _CREATE_ELEMENT:
            self._check_create_element(scan, node)

    def _check_destructured(self, scan: _Scan, node: Node, name: str) -> None:
        """``const { fetch } = anything``: taking a banned name out of an object hides where it came from."""
        if scan.rules.is_banned_property(name) or name == "constructor":
            rule = RULE_FUNCTION_CONSTRUCTOR if name == "constructor" else RULE_BANNED_API
            scan.report(rule, node, _banned_message(name))

    def _check_index(self, scan: _Scan, node: Node) -> None:
        subscript = node.parent
        if subscript is None:
            return
        target = subscript.child_by_field_name("object")
        key = constant_string(node, scan.source, scan.constants)
        if key is None:
            if _is_window(scan, target) or _is_document(scan, target):
                scan.report(
                    RULE_GLOBAL_OBJECT,
                    node,
                    "a computed name on the global object or the document hides what is read; use a plain name",
                )
            return
        self._check_member(scan, node, target, key)

    # Imports and URLs.

    def _check_import(self, scan: _Scan, node: Node) -> None:
        module = string_value(node, scan.source)
        if module is None or scan.rules.allowed_import(module):
            return
        scan.report(
            RULE_IMPORT,
            node,
            f'"{module}" is not a module components can import: they run offline with {OFFERED_MODULES} '
            "(see the README's list)",
        )

    def _check_spelled(self, scan: _Scan, node: Node) -> None:
        """A banned name computed from pieces: only code that hides what it reaches writes one."""
        if not is_built(node):
            return
        value = constant_string(node, scan.source, scan.constants)
        if value is not None and value.strip() in SPELLED_NAMES:
            name = value.strip()
            scan.report(
                RULE_HIDDEN_NAME,
                node,
                f"this builds the name `{name}` out of pieces, which hides it from these checks; "
                "components may not reach it at all",
            )

    def _check_url(self, scan: _Scan, node: Node) -> None:
        in_jsx = node.parent is not None and node.parent.type == "jsx_attribute"
        value = string_value(node, scan.source, jsx=in_jsx)
        if value is None and node.type == "template_string":
            value = scan.text(node)[1:]
        if value is None:
            return
        compact = "".join(ch for ch in value if ch > " " and ch != "\x7f").lower()
        if compact.startswith(("javascript:", "vbscript:")):
            scan.report(
                RULE_JAVASCRIPT_URL,
                node,
                "a javascript: URL runs code outside these checks; use an event handler",
            )


def _is_field(parent: Node, name: str, node: Node) -> bool:
    child = parent.child_by_field_name(name)
    return child is not None and child.id == node.id


def _unwrap(node: Node | None) -> Node | None:
    while node is not None and node.type in ("parenthesized_expression", "non_null_expression"):
        children = node.named_children
        node = children[-1] if children else None
    return node


def _is_window(scan: _Scan, target: Node | None) -> bool:
    target = _unwrap(target)
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
            and _is_window(scan, target.child_by_field_name("object"))
        )
    return False


def _is_document(scan: _Scan, target: Node | None) -> bool:
    target = _unwrap(target)
    if target is None:
        return False
    if target.type == "identifier":
        return scan.text(target) == "document" and scan.is_global(target, "document")
    if target.type == "member_expression":
        prop = target.child_by_field_name("property")
        return prop is not None and scan.text(prop) in DOCUMENT_OBJECTS
    return False


def _banned_message(name: str) -> str:
    reasons = {
        "fetch": "reaches the network",
        "XMLHttpRequest": "reaches the network",
        "WebSocket": "reaches the network",
        "WebTransport": "reaches the network",
        "EventSource": "reaches the network",
        "sendBeacon": "reaches the network",
        "RTCPeerConnection": "reaches the network",
        "webkitRTCPeerConnection": "reaches the network",
        "eval": "runs strings as code",
        "Function": "runs strings as code",
        "importScripts": "loads code",
        "require": "loads code; use an import of an allowed module",
        "indexedDB": "is browser storage",
        "caches": "is browser storage",
        "cookieStore": "reads cookies",
        "document.cookie": "reads cookies",
        "cookie": "reads cookies",
        "open": "opens windows",
        "document.open": "rewrites the whole document",
        "document.write": "writes raw HTML into the document",
        "execCommand": "copies to the clipboard or inserts markup",
        "location": "navigates the page",
        "document.location": "navigates the page",
    }
    reason = reasons.get(name, "leaves the component's sandbox")
    return f"`{name}` {reason}, which components may not do; pass data in through props"


def rules_from_settings(settings: CheckSettings) -> StaticRules:
    narrowed = frozenset(settings.allowed_imports)
    return StaticRules(
        allowed_import=(
            (lambda module: module in narrowed and bundled_import(module)) if narrowed else bundled_import
        ),
        disabled=frozenset(settings.disabled_static_rules),
        extra_banned=frozenset(settings.extra_banned_names),
        max_bytes=settings.max_code_bytes,
        max_lines=settings.max_code_lines,
    )


def checker_from_settings(settings: CheckSettings) -> StaticChecker | None:
    """The checker the engine should use, or None when static checks are switched off."""
    if not settings.static_checks:
        return None
    return StaticChecker(rules_from_settings(settings), on_block=_count_block)


def _count_block(findings: Sequence[Finding]) -> None:
    from .metrics import record_block

    record_block(findings)


def _first_call_argument(callee: Node) -> Node | None:
    """The first argument when ``callee`` (a name, or ``obj.name``) is called, else None."""
    call = callee.parent
    if call is not None and call.type == "member_expression":
        call = call.parent
    if call is None or call.type != "call_expression":
        return None
    arguments = call.child_by_field_name("arguments")
    return arguments.named_children[0] if arguments is not None and arguments.named_children else None
