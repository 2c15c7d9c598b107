"""Client -> server messages of the stream socket, checked field by field (schema/ws.schema.json).

Each refusal says which field is wrong and what is expected, so a client author can fix the request.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, NoReturn, cast, get_args

from jupyter_componentgen.engine.admission import prompt_size_problem
from jupyter_componentgen.resources import check_component_name
from jupyter_componentgen.schema_types import WsFrameFailurePhase

MAX_ID_CHARS = 100
MAX_NOTEBOOK_CHARS = 4096

_FIELDS: dict[str, tuple[set[str], set[str]]] = {  # type -> (required, optional)
    "generate": ({"id", "notebook", "component", "instruction"}, {"model", "regenerate"}),
    "edit": ({"id", "notebook", "component", "instruction"}, {"model"}),
    "cancel": ({"generation"}, set()),
    "subscribe": ({"notebook"}, {"component"}),
    "resume": ({"generation", "after_seq"}, set()),
    "fix": ({"id", "notebook", "component", "auto"}, {"draft", "error", "model"}),
    "frame_status": ({"notebook", "component", "version", "error"}, set()),
}
FRAME_PHASES: tuple[WsFrameFailurePhase, ...] = get_args(WsFrameFailurePhase)
MAX_FRAME_TEXT_CHARS = 20_000
_FRAME_FIELDS = {"phase", "message", "line", "column", "stack"}


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


@dataclass(frozen=True)
class FrameReport:
    """A compile, import or runtime error a view's sandboxed frame reported (line 1-based, column 0-based)."""

    phase: WsFrameFailurePhase
    message: str
    line: int | None = None
    column: int | None = None
    stack: str = ""


@dataclass(frozen=True)
class Fix:
    """``fix``: of a blocked ``draft`` (by id) or of ``error``, a frame error of version ``version``."""

    id: str
    notebook: str
    component: str
    draft: int | None
    error: FrameReport | None
    version: int | None
    model: str | None
    auto: bool


@dataclass(frozen=True)
class FrameStatus:
    """``frame_status``: how ``version`` rendered in a view (``error`` None: cleanly)."""

    notebook: str
    component: str
    version: int
    error: FrameReport | None


ClientMessage = Generate | Cancel | Subscribe | Resume | Fix | FrameStatus


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
    except RecursionError:  # "[[[[...", well within the size limit, is too deep for the parser
        raise BadMessage("bad_message", "The message nests too deeply; send one flat JSON object.") from None
    if not isinstance(data, dict):
        raise BadMessage("bad_message", "The message must be a JSON object with a 'type' field.")
    try:  # "\ud800" is valid JSON but not text: no model, hash or database would take it further on
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except (UnicodeEncodeError, RecursionError):
        raise BadMessage(
            "bad_message", "The message holds a lone surrogate (such as \\ud800) or nests too deeply."
        ) from None
    request_id = data.get("id") if isinstance(data.get("id"), str) else None
    kind = data.get("type")
    if not isinstance(kind, str) or kind not in _FIELDS:  # a list or object is not even hashable
        shown = repr(kind[:100]) if isinstance(kind, str) else "(not a string)"
        raise BadMessage(
            "bad_message",
            f"Unknown message type {shown}; expected one of: {', '.join(_FIELDS)}.",
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
        if value is not None:
            try:
                check_component_name(value)
            except ValueError as error:
                self.fail(str(error))
        return value

    def parse(self, max_instruction_chars: int) -> ClientMessage:
        if self.kind in ("generate", "edit"):
            return self.generate(max_instruction_chars)
        if self.kind == "fix":
            return self.fix()
        if self.kind == "frame_status":
            return self.frame_status()
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
        # Refused before it is queued, with the engine's own message (it checks again when it runs).
        too_long = prompt_size_problem(instruction, max_instruction_chars)
        if too_long is not None:
            raise BadMessage("too_large", too_long, request_id)
        model = self.text("model", limit=200, optional=True)
        regenerate = self.data.get("regenerate", False)
        if not isinstance(regenerate, bool):
            self.fail("'regenerate' must be true or false.")
        return Generate(
            request_id, notebook, component, instruction, model, bool(regenerate), edit=self.kind == "edit"
        )

    def whole_number(self, value: object, name: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            self.fail(f"'{name}' must be a whole number >= 1.")
        return value

    def frame_report(self, value: object, name: str, extra: frozenset[str] = frozenset()) -> FrameReport:
        if not isinstance(value, dict):
            self.fail(f"'{name}' must be an object with 'phase' and 'message'.")
        unknown = sorted(value.keys() - _FRAME_FIELDS - extra)
        if unknown:
            self.fail(f"Unknown field(s) {', '.join(unknown)} in '{name}'.")
        phase, message = value.get("phase"), value.get("message")
        if phase not in FRAME_PHASES:
            self.fail(f"'{name}.phase' must be one of {', '.join(FRAME_PHASES)}.")
        if not isinstance(message, str) or not message.strip():
            self.fail(f"'{name}.message' must say what went wrong.")
        stack = value.get("stack", "")
        if not isinstance(stack, str):
            self.fail(f"'{name}.stack' must be a string.")
        if len(message) > MAX_FRAME_TEXT_CHARS or len(stack) > MAX_FRAME_TEXT_CHARS:
            self.fail(
                f"'{name}.message' and '{name}.stack' may hold at most {MAX_FRAME_TEXT_CHARS:,} characters."
            )
        line, column = value.get("line"), value.get("column")
        if line is not None:
            line = self.whole_number(line, f"{name}.line")
        if column is not None and (isinstance(column, bool) or not isinstance(column, int) or column < 0):
            self.fail(f"'{name}.column' must be a whole number >= 0.")
        return FrameReport(cast(WsFrameFailurePhase, phase), message, line, column, stack)

    def fix(self) -> Fix:
        request_id = self.required_text("id", limit=MAX_ID_CHARS)
        notebook = self.required_text("notebook", limit=MAX_NOTEBOOK_CHARS)
        component = self.component()
        if component is None:
            self.fail("'component' must name the component.")
        auto = self.data.get("auto")
        if not isinstance(auto, bool):
            self.fail("'auto' must be true (an automatic fix) or false (the person asked).")
        draft, error, version = self.data.get("draft"), None, None
        if ("draft" in self.data) == ("error" in self.data):
            self.fail("A fix message needs either 'draft' (a blocked draft's id) or 'error' (a frame error).")
        if "draft" in self.data:
            draft = self.whole_number(draft, "draft")
        if "error" in self.data:
            raw = self.data["error"]
            error = self.frame_report(raw, "error", frozenset({"version"}))
            version = self.whole_number(raw.get("version"), "error.version")
        model = self.text("model", limit=200, optional=True)
        return Fix(request_id, notebook, component, draft, error, version, model, auto)

    def frame_status(self) -> FrameStatus:
        notebook = self.required_text("notebook", limit=MAX_NOTEBOOK_CHARS)
        component = self.component()
        if component is None:
            self.fail("'component' must name the component.")
        version = self.whole_number(self.data.get("version"), "version")
        raw = self.data.get("error")
        error = None if raw is None else self.frame_report(raw, "error")
        return FrameStatus(notebook, component, version, error)
