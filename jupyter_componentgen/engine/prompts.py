"""Prompts for new components, edits and fixes, rendered from the versioned templates in prompts/.

Templates use ``string.Template`` placeholders (``$name``) so JSX braces need no escaping. Each file's first
line is ``# <name> v<N>``. Every template's placeholders are checked when the builder loads, so a template
that names an unknown value, or forgets one it must show, fails at once instead of at a person's request.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from string import Template

from jupyter_componentgen.resources import resource_dir

from .data import DataDescription
from .gateway.types import Message, PromptPart

# Each template and the exact placeholders it must use.
TEMPLATE_PLACEHOLDERS: dict[str, frozenset[str]] = {
    "system": frozenset(),
    "new_component": frozenset({"component", "instruction", "data", "answer_format"}),
    "edit": frozenset({"component", "instruction", "code", "data", "answer_format"}),
    "fix": frozenset({"component", "code", "error", "failing_line", "data", "answer_format"}),
    "answer_whole": frozenset({"component"}),
    "answer_edit": frozenset({"component"}),
    "continue": frozenset({"component"}),
    "edit_retry": frozenset({"component", "problem"}),
    "data": frozenset({"kind", "rows", "schema", "sample"}),
    "no_data": frozenset(),
}

_HEADER = re.compile(r"#\s*(\w+)\s+v(\d+)\s*")
# Tags that delimit the person's material in the user message.
_BLOCK_TAGS = ("request", "data", "current_code", "error")


class PromptTemplateError(ValueError):
    """A template file is missing or malformed; the message names the file and the problem."""


@dataclass(frozen=True)
class PromptParts:
    """A rendered prompt: the static system part (cacheable) and the messages."""

    system: tuple[PromptPart, ...]
    messages: tuple[Message, ...]


def component_identifier(name: str) -> str:
    """A valid JavaScript identifier starting upper-case: "sales_card" -> "SalesCard", "my-chart 2" -> "MyChart2"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    words = [word for word in re.split(r"[^A-Za-z0-9]+", ascii_name) if word]
    identifier = "".join(word[0].upper() + word[1:] for word in words)
    if not identifier or not identifier[0].isalpha():
        identifier = "Component" + identifier
    return identifier


def _tag_pattern(tags: tuple[str, ...], flags: re.RegexFlag = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(r"<(\s*/?\s*)(" + "|".join(tags) + r")(?=[\s/>]|$)", flags)


_ANY_BLOCK_TAG = _tag_pattern(_BLOCK_TAGS)
# In code, only the exact lower-case tag of the enclosing block: JSX components such as <Error> are code.
_CODE_TAG = _tag_pattern(("current_code",), re.NOFLAG)
# A line of code quoted inside the <error> block.
_CODE_IN_ERROR_TAG = _tag_pattern(("current_code", "error"), re.NOFLAG)


def escape_block(text: str, pattern: re.Pattern[str] = _ANY_BLOCK_TAG) -> str:
    """Neutralise tags that could close (or fake) a delimited block, so the text stays inside its block."""
    return pattern.sub(lambda match: "&lt;" + match[1] + match[2], text)


def _load_template(directory: Path, name: str) -> tuple[str, Template]:
    path = directory / f"{name}.txt"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PromptTemplateError(
            f"The prompt template {path.name} is missing; reinstall the package."
        ) from None
    first_line, _, body = text.partition("\n")
    header = _HEADER.fullmatch(first_line)
    if header is None or header[1] != name:
        raise PromptTemplateError(f"{path.name} must start with the line '# {name} v<number>'.")
    template = Template(body.strip("\n"))
    if not template.is_valid():
        raise PromptTemplateError(
            f"{path.name} has a '$' that is not a placeholder; write '$$' for a dollar sign."
        )
    used = set(template.get_identifiers())
    expected = TEMPLATE_PLACEHOLDERS[name]
    if used != expected:
        problems = []
        if missing := sorted(expected - used):
            problems.append("missing " + ", ".join(f"${item}" for item in missing))
        if unknown := sorted(used - expected):
            problems.append("unknown " + ", ".join(f"${item}" for item in unknown))
        raise PromptTemplateError(f"{path.name} has wrong placeholders: {'; '.join(problems)}.")
    return text, template


class PromptBuilder:
    """Renders the prompts; ``version`` identifies the template set for response-cache keys."""

    def __init__(self, directory: Path | None = None) -> None:
        directory = resource_dir("prompts") if directory is None else directory
        digest = hashlib.sha256()
        self._templates: dict[str, Template] = {}
        for name in sorted(TEMPLATE_PLACEHOLDERS):
            text, self._templates[name] = _load_template(directory, name)
            digest.update(f"{name}\0{text}\0".encode())
        self.version: str = digest.hexdigest()[:12]

    def new_component(self, name: str, instruction: str, data: DataDescription | None) -> PromptParts:
        component = component_identifier(name)
        return self._parts(
            "new_component",
            component=component,
            instruction=escape_block(instruction.strip()),
            data=self._data_block(data),
            answer_format=self._render("answer_whole", component=component),
        )

    def edit(self, name: str, instruction: str, code: str, data: DataDescription | None) -> PromptParts:
        component = component_identifier(name)
        return self._parts(
            "edit",
            component=component,
            instruction=escape_block(instruction.strip()),
            code=escape_block(code.rstrip("\n"), _CODE_TAG),
            data=self._data_block(data),
            answer_format=self._render("answer_edit", component=component),
        )

    def fix(
        self, name: str, code: str, error: str, line: int | None, data: DataDescription | None
    ) -> PromptParts:
        component = component_identifier(name)
        return self._parts(
            "fix",
            component=component,
            code=escape_block(code.rstrip("\n"), _CODE_TAG),
            error=escape_block(error.strip()),
            failing_line=escape_block(_failing_line(code, line), _CODE_IN_ERROR_TAG),
            data=self._data_block(data),
            answer_format=self._render("answer_edit", component=component),
        )

    def continuation(self, name: str) -> str:
        """The follow-up message asking for the rest of an answer cut off at the output limit."""
        return self._render("continue", component=component_identifier(name))

    def edit_retry(self, name: str, problem: str) -> str:
        """The follow-up message asking for the whole file after an edit that did not apply."""
        return self._render("edit_retry", component=component_identifier(name), problem=problem)

    def system_texts(self) -> tuple[str, ...]:
        """The system prompt's text, e.g. for refusing answers that quote it."""
        return (self._render("system"),)

    def _render(self, name: str, **values: str) -> str:
        return self._templates[name].substitute(values)

    def _parts(self, name: str, **values: str) -> PromptParts:
        # The system prompt is identical for every request: the cacheable prefix.
        system = PromptPart(self._render("system"), cache=True)
        user = Message("user", (PromptPart(self._render(name, **values)),))
        return PromptParts(system=(system,), messages=(user,))

    def _data_block(self, data: DataDescription | None) -> str:
        if data is None:
            return self._render("no_data")
        return self._render(
            "data",
            kind=data.kind,
            rows="not applicable" if data.rows is None else str(data.rows),
            schema=escape_block(data.schema),
            sample=escape_block(data.sample),
        )


def _failing_line(code: str, line: int | None) -> str:
    if line is None:
        return "The error does not name a line."
    lines = code.splitlines()
    if 1 <= line <= len(lines):
        return f"The error points at line {line}:\n{lines[line - 1]}"
    return f"The error points at line {line}."
