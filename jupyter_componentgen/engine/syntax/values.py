"""The string a JavaScript expression always evaluates to, when the checks can know it without running it.

Hostile code spells banned names indirectly: ``window["fe" + "tch"]``, ``x[`con${"structor"}`]``,
``"\\x66etch"``, ``["RTC", "Peer"].join("")``, ``String.fromCharCode(105, 102)``, ``atob("...")``, or a
``const`` holding the name. Anything else (a variable that is not a constant string, a call of anything but
the few string builders below) is unknown, and the checks fall back to what they can see.
"""

from __future__ import annotations

import base64
import binascii
import html
import re
from collections.abc import Callable, Mapping

from tree_sitter import Node

_ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[0-7]{1,3}|\r\n|.)", re.DOTALL)
_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
_MAX_DEPTH = 32
# Longest string the checks build while folding (a pathological repeat must not cost memory).
_MAX_FOLDED = 10_000


def _unescape_match(match: re.Match[str]) -> str:
    body = match.group(1)
    if body.startswith("u{"):
        return _codepoint(int(body[2:-1], 16))
    if body[0] in "ux" and len(body) > 1:
        return _codepoint(int(body[1:], 16))
    if body in _SIMPLE:
        return _SIMPLE[body]
    if body.isdigit():
        return _codepoint(int(body, 8))
    if body in ("\n", "\r\n", "\u2028", "\u2029"):
        return ""  # a line continuation
    return body


def _codepoint(value: int) -> str:
    return chr(value) if value <= 0x10FFFF else "\ufffd"


def unescape_js(raw: str) -> str:
    """The value of the characters between a JavaScript string's quotes."""
    return _ESCAPE.sub(_unescape_match, raw) if "\\" in raw else raw


def string_value(node: Node, source: bytes, *, jsx: bool = False) -> str | None:
    """The value of a string or substitution-free template literal node, else None."""
    if node.type == "string":
        raw = source[node.start_byte + 1 : node.end_byte - 1].decode("utf-8", "replace")
        if jsx:  # JSX attribute strings take HTML entities and no backslash escapes
            return html.unescape(raw)
        return unescape_js(raw)
    if node.type == "template_string":
        if any(child.type == "template_substitution" for child in node.named_children):
            return None
        return unescape_js(source[node.start_byte + 1 : node.end_byte - 1].decode("utf-8", "replace"))
    return None


def constant_string(
    node: Node | None, source: bytes, constants: Mapping[str, str], depth: int = 0
) -> str | None:
    """The string ``node`` always evaluates to, or None when it cannot be known statically."""
    if node is None or depth > _MAX_DEPTH:
        return None
    kind = node.type
    if kind in ("string", "template_string"):
        if kind == "template_string":
            return _template_value(node, source, constants, depth)
        return string_value(node, source)
    if kind == "parenthesized_expression":
        inner = node.named_children
        return constant_string(inner[-1], source, constants, depth + 1) if inner else None
    if kind == "identifier":
        return constants.get(node.text.decode("utf-8", "replace") if node.text else "")
    if kind == "binary_expression":
        operator = node.child_by_field_name("operator")
        if operator is None or operator.type != "+":
            return None
        left = constant_string(node.child_by_field_name("left"), source, constants, depth + 1)
        right = constant_string(node.child_by_field_name("right"), source, constants, depth + 1)
        return left + right if left is not None and right is not None else None
    if kind == "number":
        return node.text.decode("ascii", "replace") if node.text else None
    if kind == "call_expression":
        return _call_value(node, source, constants, depth)
    return None


def is_built(node: Node) -> bool:
    """Whether ``node`` computes a string (as opposed to spelling it in one literal)."""
    if node.type == "template_string":
        return any(child.type == "template_substitution" for child in node.named_children)
    return node.type in ("binary_expression", "call_expression")


def _number(node: Node | None) -> int | None:
    if node is None or node.type != "number" or not node.text:
        return None
    try:
        return int(node.text.decode("ascii"), 0)
    except ValueError:
        return None


def _array_value(
    node: Node | None, source: bytes, constants: Mapping[str, str], depth: int
) -> list[str] | None:
    """The strings of an array literal, ``"a,b".split(",")`` or either ``.reverse()``d, else None."""
    if node is None or depth > _MAX_DEPTH:
        return None
    if node.type == "array":
        values = [constant_string(item, source, constants, depth + 1) for item in node.named_children]
        strings = [value for value in values if value is not None]
        return strings if len(strings) == len(values) else None
    if node.type == "call_expression":
        method, target, arguments = _method_call(node)
        if method == "reverse" and not arguments:
            items = _array_value(target, source, constants, depth + 1)
            return items[::-1] if items is not None else None
        if method == "split" and len(arguments) == 1:
            text = constant_string(target, source, constants, depth + 1)
            separator = constant_string(arguments[0], source, constants, depth + 1)
            if text is None or separator is None:
                return None
            return list(text) if separator == "" else text.split(separator)
    return None


def _method_call(node: Node) -> tuple[str | None, Node | None, list[Node]]:
    """For ``target.method(arguments)``: the method's name, the target and the arguments."""
    callee = node.child_by_field_name("function")
    arguments_node = node.child_by_field_name("arguments")
    arguments = list(arguments_node.named_children) if arguments_node is not None else []
    if callee is None or callee.type != "member_expression":
        return None, None, arguments
    prop = callee.child_by_field_name("property")
    name = prop.text.decode("utf-8", "replace") if prop is not None and prop.text else None
    return name, callee.child_by_field_name("object"), arguments


def _call_value(node: Node, source: bytes, constants: Mapping[str, str], depth: int) -> str | None:
    method, target, arguments = _method_call(node)
    callee = node.child_by_field_name("function")
    if method is None:
        # atob("...") decodes a constant to a string.
        if (
            callee is not None
            and callee.type == "identifier"
            and callee.text == b"atob"
            and len(arguments) == 1
        ):
            encoded = constant_string(arguments[0], source, constants, depth + 1)
            return _atob(encoded) if encoded is not None else None
        return None
    if method in ("fromCharCode", "fromCodePoint") and target is not None and target.text == b"String":
        codes = [_number(argument) for argument in arguments]
        if any(code is None or not 0 <= code <= 0x10FFFF for code in codes):
            return None
        return "".join(chr(code) for code in codes if code is not None)
    if method == "join" and len(arguments) <= 1:
        items = _array_value(target, source, constants, depth + 1)
        separator = constant_string(arguments[0], source, constants, depth + 1) if arguments else ","
        return _limited(separator.join(items)) if items is not None and separator is not None else None
    text = constant_string(target, source, constants, depth + 1)
    if text is None:
        return None
    unary: dict[str, Callable[[str], str]] = {
        "toLowerCase": str.lower,
        "toUpperCase": str.upper,
        "trim": str.strip,
        "toString": str,
        "valueOf": str,
    }
    if method in unary and not arguments:
        return unary[method](text)
    if method == "concat":
        parts = [constant_string(argument, source, constants, depth + 1) for argument in arguments]
        if any(part is None for part in parts):
            return None
        return _limited(text + "".join(part for part in parts if part is not None))
    return None


def _limited(text: str) -> str | None:
    return text if len(text) <= _MAX_FOLDED else None


def _atob(encoded: str) -> str | None:
    try:
        return base64.b64decode(encoded, validate=True).decode("latin-1")
    except (binascii.Error, ValueError):
        return None


def _template_value(node: Node, source: bytes, constants: Mapping[str, str], depth: int) -> str | None:
    parts: list[str] = []
    cursor = node.start_byte + 1
    for child in node.named_children:
        if child.type != "template_substitution":
            continue
        parts.append(unescape_js(source[cursor : child.start_byte].decode("utf-8", "replace")))
        inner = child.named_children
        value = constant_string(inner[0], source, constants, depth + 1) if inner else None
        if value is None:
            return None
        parts.append(value)
        cursor = child.end_byte
    parts.append(unescape_js(source[cursor : node.end_byte - 1].decode("utf-8", "replace")))
    return "".join(parts)
