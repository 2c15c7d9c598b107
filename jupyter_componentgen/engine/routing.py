"""Which model answers a request, and why: the cheaper ``edit_model`` for small edits, ``model`` otherwise.

A component keeps its model: a request that names none goes to the model the component was made with (or
the one the person last picked for it), not to whatever the settings say today. The reason is a short
phrase shown in the status line and kept with the version, so a person can see why a model wrote it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .events import RouteDict, RouteKind

# An instruction longer than this, or code longer than this, is not a "small edit".
SMALL_EDIT_MAX_INSTRUCTION_CHARS = 400
SMALL_EDIT_MAX_CODE_CHARS = 16_000
# Words that ask for a large change, which the main model should write as a whole file.
_LARGE_CHANGE = re.compile(
    r"\b(rewrite|redesign|rebuild|restructure|refactor|from scratch|start over|completely|entirely|"
    r"whole new|brand new|replace (?:it|everything|the whole)|new layout|convert (?:it )?to)\b",
    re.IGNORECASE,
)


# Routes whose model is the component's own model; an "edit" may have gone to the cheaper edit_model.
OWN_MODEL_KINDS: frozenset[str] = frozenset({"new", "chosen", "fix", "rewrite"})


@dataclass(frozen=True)
class Route:
    model: str
    kind: RouteKind
    reason: str

    def describe(self) -> str:
        return f"{self.model} ({self.reason})"

    def to_dict(self) -> RouteDict:
        """As status events and exported versions carry it (schema/events.schema.json ``route``)."""
        return {"kind": self.kind, "model": self.model, "reason": self.reason}


def small_edit_problem(instruction: str, code: str) -> str | None:
    """Why an edit is not small (a phrase), or None when it is."""
    text = instruction.strip()
    if len(text) > SMALL_EDIT_MAX_INSTRUCTION_CHARS:
        return f"a long request ({len(text):,} characters)"
    if len(code) > SMALL_EDIT_MAX_CODE_CHARS:
        return f"a large component ({len(code):,} characters)"
    match = _LARGE_CHANGE.search(text)
    if match is not None:
        return f"a large change ('{match[0].lower()}')"
    return None


def choose_route(
    *,
    model: str,
    edit_model: str,
    requested_model: str | None,
    current_code: str | None,
    instruction: str,
    fix: bool = False,
    component_model: str | None = None,
) -> Route:
    """The model for one request. ``requested_model`` (a person's explicit choice) always wins; then the
    model the component was made with (``component_model``), when it is not the configured ``model``."""
    if requested_model:
        return Route(requested_model, "chosen", "model chosen for this request")
    if current_code is None:
        return Route(model, "new", "new component: main model")
    if component_model and component_model != model:
        kind: RouteKind = "fix" if fix else "edit"
        return Route(component_model, kind, f"{kind}: the model this component was made with")
    if fix:
        return Route(model, "fix", "fix of a failing component: main model")
    if not edit_model or edit_model == model:
        return Route(model, "edit", "edit: main model (no edit_model set)")
    problem = small_edit_problem(instruction, current_code)
    if problem is not None:
        return Route(model, "rewrite", f"{problem}: main model")
    return Route(edit_model, "edit", "small edit: edit_model")
