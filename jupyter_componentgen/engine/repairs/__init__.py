"""Deterministic repairs of a component's code before its static checks and its render: no model is asked.

Models (and people pasting from v0, Claude Artifacts or a Next.js app) make the same few slips: a Markdown
fence left around the code, a ``"use client"`` directive, shadcn/ui imported by a project path the runtime
does not serve, no default export, ``React.*`` without an import of React, a lucide icon by a name that does
not exist. Each repair is a small edit on the TSX syntax tree, listed in plain words with the version.

No repair weakens a security rule: repairs run before the static checks, which judge the repaired code; an
import is only rewritten to a name the runtime bundles; and nothing is removed but fence and directive lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from jupyter_componentgen.engine.checks.findings import CodeChecker, Finding

from .exports import repair_default_export
from .icons import repair_icon_names
from .imports import needs_alias_repair, repair_aliases, repair_react_import
from .text import apply_fixes, parse, remove_directives, strip_fences


@dataclass(frozen=True)
class Repaired:
    """Code after the repairs, and what each repair did (empty: the code was left as it was)."""

    code: str
    repairs: tuple[str, ...] = ()


def repair(code: str) -> Repaired:
    """Every repair that applies to ``code``, in one pass over one syntax tree."""
    unfenced, words = strip_fences(code)
    source = unfenced.encode("utf-8")
    tree = parse(source)
    fixes = [
        *remove_directives(tree, source),
        *repair_aliases(tree, source),
        *repair_icon_names(tree, source),
        *repair_react_import(tree, source),
        *repair_default_export(tree, source),
    ]
    repaired, applied = apply_fixes(source, fixes)
    return Repaired(repaired.decode("utf-8"), (*words, *applied))


def repair_imports(code: str) -> str:
    """``code`` with only its import aliases repaired: every line stays where it was (for streamed code)."""
    if not needs_alias_repair(code):
        return code
    source = code.encode("utf-8")
    repaired, _ = apply_fixes(source, repair_aliases(parse(source), source))
    return repaired.decode("utf-8")


def repairing_checker(checker: CodeChecker | None) -> CodeChecker | None:
    """A checker that judges code as it will be saved: with its import aliases repaired.

    Streamed code is checked while it arrives, before the whole file can be repaired; an alias the final
    repair will rewrite must not block it on the way.
    """
    if checker is None:
        return None

    def check(code: str) -> Sequence[Finding]:
        return checker(repair_imports(code))

    return check


def repairs_note(repairs: Sequence[str]) -> str:
    """The repairs as a status line shows them ("repaired: added `export default Weather`"), or ""."""
    return f"repaired: {'; '.join(repairs)}" if repairs else ""
