"""The string a JavaScript expression always evaluates to, when the checks can know it without running it.

Hostile code spells banned names indirectly: ``window["fe" + "tch"]``, ``x[`con${"structor"}`]``,
``"\\x66etch"``, or a ``const`` holding the name. Anything else (a variable that is not a constant string,
a call) is unknown, and the checks fall back to what they can see.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

from tree_sitter import Node

_ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[0-7]{1,3}|\r\n|.)", re.DOTALL)
_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
_MAX_DEPTH = 32


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
