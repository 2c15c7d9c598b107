"""Client -> server messages of the stream socket, checked field by field (schema/ws.schema.json).

Each refusal says which field is wrong and what is expected, so a client author can fix the request.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, NoReturn

COMPONENT_NAME = re.compile(r"[A-Za-z0-9_\-]{1,100}")
MAX_ID_CHARS = 100
MAX_NOTEBOOK_CHARS = 4096

_FIELDS: dict[str, tuple[set[str], set[str]]] = {  # type -> (required, optional)
    "generate": ({"id", "notebook", "component", "instruction"}, {"model", "regenerate"}),
    "edit": ({"id", "notebook", "component", "instruction"}, {"model"}),
    "cancel": ({"generation"}, set()),
    "subscribe": ({"notebook"}, {"component"}),
    "resume": ({"generation", "after_seq"}, set()),
}


class BadMessage(Exception):
    """A message the server cannot act on; ``code`` and ``message`` go back in a request_error."""

    def __init__(self, code: str, message: str, request_id: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.request_id = request_id


@dataclass(frozen=True)
class Generate:
    """``generate`` or ``edit`` (``edit`` requires an existing component)."""

    id: str
    notebook: str
    component: str
    instruction: str
    model: str | None
    regenerate: bool
    edit: bool


@dataclass(frozen=True)
class Cancel:
    generation: str


@dataclass(frozen=True)
class Subscribe:
    notebook: str
    component: str | None


@dataclass(frozen=True)
class Resume:
    generation: str
    after_seq: int


ClientMessage = Generate | Cancel | Subscribe | Resume


def parse_client_message(raw: str | bytes, *, max_bytes: int, max_instruction_chars: int) -> ClientMessage:
    size = len(raw) if isinstance(raw, bytes) else len(raw.encode("utf-8"))
    if size > max_bytes:
        raise BadMessage(
            "too_large",
            f"The message is {size:,} bytes; the limit is {max_bytes:,}. Shorten the instruction.",
        )
    try:
        data = json.loads(raw)
    except ValueError:
        raise BadMessage("bad_message", "The message is not valid JSON; send one JSON object.") from None
    if not isinstance(data, dict):
        raise BadMessage("bad_message", "The message must be a JSON object with a 'type' field.")
    request_id = data.get("id") if isinstance(data.get("id"), str) else None
    kind = data.get("type")
    if kind not in _FIELDS:
        raise BadMessage(
            "bad_message",
            f"Unknown message type {kind!r}; expected one of: {', '.join(_FIELDS)}.",
            request_id,
        )
    return _Fields(kind, data, request_id).parse(max_instruction_chars)


class _Fields:
    def __init__(self, kind: str, data: dict[str, Any], request_id: str | None) -> None:
        self.kind = kind
        self.data = data
        self.request_id = request_id
        required, optional = _FIELDS[kind]
        missing = sorted(required - data.keys())
        if missing:
            self.fail(f"A {kind} message needs {', '.join(repr(m) for m in missing)}.")
        unknown = sorted(data.keys() - required - optional - {"type"})
        if unknown:
            allowed = ", ".join(sorted(required | optional))
            self.fail(f"Unknown field(s) {', '.join(unknown)} in a {kind} message; allowed: {allowed}.")

    def fail(self, message: str) -> NoReturn:
        raise BadMessage("bad_message", message, self.request_id)

    def text(self, name: str, *, limit: int, optional: bool = False) -> str | None:
        value = self.data.get(name)
        if value is None and optional and name not in self.data:
            return None
        if not isinstance(value, str) or not value:
            self.fail(f"'{name}' must be a non-empty string.")
        if len(value) > limit:
            self.fail(f"'{name}' is longer than {limit:,} characters.")
        return value

    def required_text(self, name: str, *, limit: int) -> str:
        value = self.text(name, limit=limit)
        if value is None:
            self.fail(f"'{name}' must be a non-empty string.")
        return value

    def component(self, *, optional: bool = False) -> str | None:
        value = self.text("component", limit=100, optional=optional)
        if value is not None and not COMPONENT_NAME.fullmatch(value):
            self.fail(
                f"The component name {value!r} may use only letters, digits, '_' and '-' (at most 100)."
            )
        return value

    def parse(self, max_instruction_chars: int) -> ClientMessage:
        if self.kind in ("generate", "edit"):
            return self.generate(max_instruction_chars)
        if self.kind == "subscribe":
            return Subscribe(
                self.required_text("notebook", limit=MAX_NOTEBOOK_CHARS), self.component(optional=True)
            )
        generation = self.required_text("generation", limit=MAX_ID_CHARS)
        if self.kind == "cancel":
            return Cancel(generation)
        after_seq = self.data.get("after_seq")
        if isinstance(after_seq, bool) or not isinstance(after_seq, int) or after_seq < 0:
            self.fail("'after_seq' must be a whole number >= 0: the last seq you received (0 for all).")
        return Resume(generation, after_seq)

    def generate(self, max_instruction_chars: int) -> Generate:
        request_id = self.required_text("id", limit=MAX_ID_CHARS)
        notebook = self.required_text("notebook", limit=MAX_NOTEBOOK_CHARS)
        component = self.component()
        if component is None:
            self.fail("'component' must name the component.")
        instruction = self.data.get("instruction")
        if not isinstance(instruction, str) or not instruction.strip():
            self.fail("'instruction' must describe the component (or the change) in words.")
        if len(instruction) > max_instruction_chars:
            raise BadMessage(
                "too_large",
                f"The instruction is {len(instruction):,} characters; the limit is {max_instruction_chars:,}. "
                "Shorten it.",
                request_id,
            )
        model = self.text("model", limit=200, optional=True)
        regenerate = self.data.get("regenerate", False)
        if not isinstance(regenerate, bool):
            self.fail("'regenerate' must be true or false.")
        return Generate(
            request_id, notebook, component, instruction, model, bool(regenerate), edit=self.kind == "edit"
        )
