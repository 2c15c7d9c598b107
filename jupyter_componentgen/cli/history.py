"""`jupyter componentgen history`: a notebook's components and versions, as a table or JSON."""

from __future__ import annotations

import json
import time
from typing import Any

from jupyter_componentgen.store import Store, VersionRecord

PROMPT_WIDTH = 60


def history_json(store: Store) -> str:
    """Every component's versions, oldest first, in the exported form of schema/version.schema.json."""
    exported: dict[str, list[dict[str, Any]]] = {}
    for summary in store.components():
        exported[summary.name] = [
            version.to_export(current=version.number == summary.current)
            for version in store.versions(summary.name)
        ]
    return json.dumps(exported, indent=2, ensure_ascii=False)


def history_table(store: Store) -> str:
    summaries = store.components()
    if not summaries:
        return "No components yet.\n"
    sections: list[str] = []
    for summary in summaries:
        versions = store.versions(summary.name)
        drafts = len(store.drafts(summary.name))
        heading = f"{summary.name}: {len(versions)} version{'s' if len(versions) != 1 else ''}"
        if summary.current is not None:
            heading += f", current v{summary.current}"
        if drafts:
            heading += f", {drafts} failed draft{'s' if drafts != 1 else ''}"
        rows = [_row(version, version.number == summary.current) for version in versions]
        sections.append(heading + "\n" + _format_rows(rows) if rows else heading + "\n")
    return "\n".join(sections)


_HEADER = ("", "version", "author", "model", "tokens in/out", "cost", "created", "prompt")


def _row(version: VersionRecord, current: bool) -> tuple[str, ...]:
    usage = version.usage
    tokens = (
        f"{usage.input_tokens:,}/{usage.output_tokens:,}"
        if usage.input_tokens or usage.output_tokens
        else "-"
    )
    cost = f"${usage.cost:.4f}" if usage.cost is not None else "-"
    created = time.strftime("%Y-%m-%d %H:%M", time.localtime(version.created_at))
    return (
        "*" if current else "",
        f"v{version.number}",
        version.author,
        version.model or "-",
        tokens,
        cost,
        created,
        _first_line(version.prompt),
    )


def _first_line(prompt: str) -> str:
    lines = [line.strip() for line in prompt.splitlines() if line.strip()]
    first = lines[0] if lines else ""
    if len(first) > PROMPT_WIDTH or len(lines) > 1:
        first = first[: PROMPT_WIDTH - 1].rstrip() + "…"
    return first


def _format_rows(rows: list[tuple[str, ...]]) -> str:
    table = [_HEADER, *rows]
    widths = [max(len(row[column]) for row in table) for column in range(len(_HEADER))]
    lines = []
    for row in table:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=True)]
        lines.append("  " + "  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"
