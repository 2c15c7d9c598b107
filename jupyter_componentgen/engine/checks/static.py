"""Static checks of generated component code, on the TSX syntax tree (tree-sitter).

The checker is the engine's ``CodeChecker``: it runs on every streamed prefix of a component, one complete
line at a time, and on the whole component at the end. It is a second wall behind the sandboxed iframe:
it refuses code that reaches for the network, storage, code-from-strings or the page around the frame,
so such code is neither rendered nor saved, and the model can be told exactly what to change.

``StaticChecker`` judges what the query in scan.py finds; a new kind of check is a method here (and a rule
id in rules.py).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from tree_sitter import Node, Parser, Query, QueryCursor

from jupyter_componentgen.engine.syntax.scope import binding_owner
from jupyter_componentgen.engine.syntax.values import constant_string, is_built, string_value

from .findings import Finding
from .rules import (
    BANNED_JSX_ELEMENTS,
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
    CheckSettings,
    StaticRules,
    rules_from_settings,
)
from .scan import (
    CREATE_ELEMENT,
    LANGUAGE,
    SNIPPET_CHARS,
    Scan,
    first_call_argument,
    is_document,
    is_field,
    is_window,
    query_source,
)

# How an import finding names what is offered (the whole list is long; the README has it).
OFFERED_MODULES = (
    "react, react-dom, the shadcn/ui components (@/components/ui/*, @/lib/utils), lucide-react, recharts, "
    "framer-motion, lodash, d3, mathjs, papaparse, xlsx, date-fns, three, chart.js, react-chartjs-2, "
    "plotly.js, react-plotly.js and tone"
)


class StaticChecker:
    """Callable ``CodeChecker``; thread-safe (one parser per thread), compiled once per rule set."""

    def __init__(
        self, rules: StaticRules | None = None, *, on_block: Callable[[Sequence[Finding]], None] | None = None
    ) -> None:
        self.rules = rules or StaticRules()
        self._query = Query(LANGUAGE, query_source(self.rules))
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
        scan = Scan(self.rules, source, lines, len(source) + 1)
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
            parser = Parser(LANGUAGE)
            self._local.parser = parser
        return parser

    def _size_findings(self, scan: Scan, code: str, lines: list[bytes]) -> bool:
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
    def _collect_bindings(scan: Scan, captures: dict[str, list[Node]]) -> None:
        for node in captures.get("identifier", []) + captures.get("binding", []):
            if node.type == "shorthand_property_identifier_pattern" or binding_owner(node) is not None:
                scan.bindings.setdefault(scan.text(node), []).append(node)

    @staticmethod
    def _collect_constants(scan: Scan, names: list[Node], _values: list[Node]) -> None:
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

    def _check_identifier(self, scan: Scan, node: Node) -> None:
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
        elif name in CREATE_ELEMENT:
            self._check_create_element(scan, node)

    def _check_object_use(self, scan: Scan, node: Node, name: str, *, window: bool) -> None:
        """``window``/``document`` may only be read as ``object.plainName``; other uses hide what is read."""
        parent = node.parent
        if parent is not None and parent.type == "member_expression" and is_field(parent, "object", node):
            return  # the property itself is checked by _check_property
        if parent is not None and parent.type == "subscript_expression" and is_field(parent, "object", node):
            return  # the key is checked by _check_index
        what = "the global object" if window else "the document"
        scan.report(
            RULE_GLOBAL_OBJECT,
            node,
            f"`{name}` is used as a value: {what} may only be read as `{name}.name` with a plain name",
        )

    def _check_timer_call(self, scan: Scan, node: Node) -> None:
        first = first_call_argument(node)
        if first is not None and first.type in ("string", "template_string", "binary_expression"):
            scan.report(
                RULE_STRING_CODE, first, f"{scan.text(node)} with a string runs it as code; pass a function"
            )

    def _check_create_element(self, scan: Scan, node: Node) -> None:
        first = first_call_argument(node)
        tag = constant_string(first, scan.source, scan.constants)
        if tag is not None and tag.strip().lower() in BANNED_JSX_ELEMENTS:
            scan.report(
                RULE_JSX_ELEMENT,
                first or node,
                f"a <{tag.strip().lower()}> element loads or runs content outside the component",
            )

    # Properties: banned on any object, or on the window and the document only.

    def _check_property(self, scan: Scan, node: Node) -> None:
        name = scan.text(node)
        parent = node.parent
        if parent is None:
            return
        if parent.type == "member_expression" and is_field(parent, "property", node):
            self._check_member(scan, node, parent.child_by_field_name("object"), name)
        elif parent.type == "pair_pattern" and is_field(parent, "key", node):
            self._check_destructured(scan, node, name)
        elif parent.type == "jsx_attribute" and name in RAW_HTML_NAMES:
            scan.report(
                RULE_RAW_HTML,
                node,
                f"{name} inserts raw HTML, which these checks cannot see into; render JSX",
            )

    def _check_member(self, scan: Scan, node: Node, target: Node | None, name: str) -> None:
        rules = scan.rules
        if name == "constructor":
            scan.report(
                RULE_FUNCTION_CONSTRUCTOR,
                node,
                "`.constructor` reaches the Function constructor (code from strings)",
            )
        elif rules.is_banned_property(name):
            scan.report(RULE_BANNED_API, node, _banned_message(name))
        elif name in RAW_HTML_NAMES and (name not in ("write", "writeln") or is_document(scan, target)):
            scan.report(
                RULE_RAW_HTML,
                node,
                f"{name} inserts raw HTML, which these checks cannot see into; render JSX",
            )
        elif is_window(scan, target) and (rules.is_banned_global(name) or name in WINDOW_ONLY_PROPERTIES):
            scan.report(RULE_BANNED_API, node, _banned_message(name))
        elif name in WINDOW_ONLY_PROPERTIES and is_document(scan, target):
            scan.report(RULE_BANNED_API, node, _banned_message(f"document.{name}"))
        elif name in STRING_CODE_CALLS:
            self._check_timer_call(scan, node)
        elif name in CREATE_ELEMENT:
            self._check_create_element(scan, node)

    def _check_destructured(self, scan: Scan, node: Node, name: str) -> None:
        """``const { fetch } = anything``: taking a banned name out of an object hides where it came from."""
        if scan.rules.is_banned_property(name) or name == "constructor":
            rule = RULE_FUNCTION_CONSTRUCTOR if name == "constructor" else RULE_BANNED_API
            scan.report(rule, node, _banned_message(name))

    def _check_index(self, scan: Scan, node: Node) -> None:
        subscript = node.parent
        if subscript is None:
            return
        target = subscript.child_by_field_name("object")
        key = constant_string(node, scan.source, scan.constants)
        if key is None:
            if is_window(scan, target) or is_document(scan, target):
                scan.report(
                    RULE_GLOBAL_OBJECT,
                    node,
                    "a computed name on the global object or the document hides what is read; use a plain name",
                )
            return
        self._check_member(scan, node, target, key)

    # Imports and URLs.

    def _check_import(self, scan: Scan, node: Node) -> None:
        module = string_value(node, scan.source)
        if module is None or scan.rules.allowed_import(module):
            return
        scan.report(
            RULE_IMPORT,
            node,
            f'"{module}" is not a module components can import: they run offline with {OFFERED_MODULES} '
            "(see the README's list)",
        )

    def _check_spelled(self, scan: Scan, node: Node) -> None:
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

    def _check_url(self, scan: Scan, node: Node) -> None:
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


def checker_from_settings(settings: CheckSettings) -> StaticChecker | None:
    """The checker the engine should use, or None when static checks are switched off."""
    if not settings.static_checks:
        return None
    return StaticChecker(rules_from_settings(settings), on_block=_count_block)


def _count_block(findings: Sequence[Finding]) -> None:
    from .metrics import record_block

    record_block(findings)
