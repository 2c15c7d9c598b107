"""What the static checks forbid, as data: the rule ids, the banned names and the import allowlist.

Names fall in three groups. Banned globals may not be referenced unless the file declares the name itself
(``const [open, setOpen] = useState()`` is fine). Banned properties may not be read on any object, because
the window is reachable through many objects (``event.view``, ``node.ownerDocument.defaultView``).
Window properties are harmless as other objects' properties (``rect.top``, ``node.parent``) and are only
banned on the global object itself (``window``, ``self``, ``globalThis``, ``frames``) or on ``document``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

# Whether a component may import a module, by its import name.
ImportAllowed = Callable[[str], bool]

# Rule ids: stable strings shown in findings and accepted by ``disabled_static_rules``.
RULE_BANNED_API = "banned-api"
RULE_GLOBAL_OBJECT = "global-object"
RULE_FUNCTION_CONSTRUCTOR = "function-constructor"
RULE_DYNAMIC_IMPORT = "dynamic-import"
RULE_IMPORT = "import-not-allowed"
RULE_JSX_ELEMENT = "jsx-element"
RULE_JAVASCRIPT_URL = "javascript-url"
RULE_RAW_HTML = "raw-html"
RULE_STRING_CODE = "string-code"
RULE_SIZE = "size"
RULE_HIDDEN_NAME = "hidden-name"

ALL_RULES: frozenset[str] = frozenset(
    {
        RULE_BANNED_API,
        RULE_GLOBAL_OBJECT,
        RULE_FUNCTION_CONSTRUCTOR,
        RULE_DYNAMIC_IMPORT,
        RULE_IMPORT,
        RULE_JSX_ELEMENT,
        RULE_JAVASCRIPT_URL,
        RULE_RAW_HTML,
        RULE_STRING_CODE,
        RULE_SIZE,
        RULE_HIDDEN_NAME,
    }
)


def bundled_import(module: str) -> bool:
    """Whether the sandbox's runtime bundles ``module`` (its build manifest says; aliases included)."""
    from jupyter_componentgen.engine.runtime_modules import is_bundled_specifier

    return is_bundled_specifier(module)


# Network, storage, code-from-strings and escapes from the frame.
BANNED_GLOBALS: frozenset[str] = frozenset(
    {
        "fetch",
        "XMLHttpRequest",
        "WebSocket",
        "WebTransport",
        "EventSource",
        "RTCPeerConnection",
        "webkitRTCPeerConnection",
        "RTCDataChannel",
        "Worker",
        "SharedWorker",
        "eval",
        "Function",
        "importScripts",
        "indexedDB",
        "caches",
        "cookieStore",
        "top",
        "parent",
        "opener",
        "frameElement",
        "open",
        "location",
        "require",
    }
)

# Properties that lead out of the component whatever object they are read from.
BANNED_PROPERTIES: frozenset[str] = frozenset(
    {
        "fetch",
        "XMLHttpRequest",
        "WebSocket",
        "WebTransport",
        "EventSource",
        "RTCPeerConnection",
        "webkitRTCPeerConnection",
        "Worker",
        "SharedWorker",
        "serviceWorker",
        "eval",
        "importScripts",
        "indexedDB",
        "cookieStore",
        "sendBeacon",
        "opener",
        "frameElement",
        "defaultView",
        "contentWindow",
        "contentDocument",
        "execCommand",
    }
)

# Banned only when read from the global object or from the document.
WINDOW_ONLY_PROPERTIES: frozenset[str] = frozenset(
    {
        "top",
        "parent",
        "open",
        "location",
        "cookie",
        "domain",
        "Function",
        "caches",
        "frames",
        "self",
        "window",
    }
)

GLOBAL_OBJECTS: frozenset[str] = frozenset({"window", "self", "globalThis", "frames"})
DOCUMENT_OBJECTS: frozenset[str] = frozenset({"document", "ownerDocument"})

# Harmless uses of the global object as ``window.<name>``: everything not banned is allowed statically.
# Any other use (as a value, computed key, destructuring) is refused, since it would hide what is read.

# Elements that load or run something, or navigate, when React renders them.
BANNED_JSX_ELEMENTS: frozenset[str] = frozenset(
    {"script", "iframe", "frame", "frameset", "object", "embed", "base", "meta", "portal", "fencedframe"}
)

# Setting these from component code hides HTML (and with it code, or a nested frame) from these checks.
RAW_HTML_NAMES: frozenset[str] = frozenset(
    {
        "dangerouslySetInnerHTML",
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "write",
        "writeln",
        "srcdoc",
        "createContextualFragment",
        "parseFromString",
        "setHTMLUnsafe",
        "parseHTMLUnsafe",
        "setHTML",
    }
)

# Names that, when a component builds them out of pieces (``["RTC", "Peer"].join("")``), are being hidden.
SPELLED_NAMES: frozenset[str] = (
    BANNED_GLOBALS | BANNED_PROPERTIES | WINDOW_ONLY_PROPERTIES | BANNED_JSX_ELEMENTS | RAW_HTML_NAMES
) | {"constructor", "createElement", "createElementNS"}

# Timers run a string argument as code.
STRING_CODE_CALLS: frozenset[str] = frozenset({"setTimeout", "setInterval"})


@dataclass(frozen=True)
class StaticRules:
    """The configurable part of the checks."""

    # Every module the sandbox's runtime can load, unless the settings narrow it (see rules_from_settings).
    allowed_import: ImportAllowed = field(default=bundled_import)
    disabled: frozenset[str] = frozenset()
    extra_banned: frozenset[str] = frozenset()
    max_bytes: int = 200_000
    max_lines: int = 2_000
    banned_globals: frozenset[str] = field(default=BANNED_GLOBALS)
    banned_properties: frozenset[str] = field(default=BANNED_PROPERTIES)

    def enabled(self, rule: str) -> bool:
        return rule not in self.disabled

    def is_banned_global(self, name: str) -> bool:
        return name in self.banned_globals or name in self.extra_banned

    def is_banned_property(self, name: str) -> bool:
        return name in self.banned_properties or name in self.extra_banned


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
