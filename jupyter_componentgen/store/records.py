"""Rows as records: the store's own (component summaries) and the conversion of the engine's records
(``engine/history.py``: versions and drafts) to and from table columns."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from jupyter_componentgen.engine.history import DraftRecord, VersionRecord
from jupyter_componentgen.engine.routing import Route
from jupyter_componentgen.engine.usage import Usage


class StoreVersionError(RuntimeError):
    """The history file was written by a newer jupyter-componentgen than this one."""


@dataclass(frozen=True)
class ComponentSummary:
    name: str
    current: int | None
    versions: int
    updated_at: float
    model: str | None  # the current version's model


# Column lists for SELECTs joining versions v / drafts d with components c, in the order the converters read.
VERSION_COLUMNS = (
    "c.name, v.number, v.code, v.prompt, v.parent, v.model, v.author, v.input_tokens, v.output_tokens, "
    "v.cached_tokens, v.cost, v.latency_ms, v.created_at, v.explanation, v.request_key, v.route_kind, "
    "v.route_model, v.route_reason, v.repairs"
)
DRAFT_COLUMNS = (
    "d.id, c.name, d.code, d.prompt, d.parent, d.model, d.error_code, d.error_message, d.input_tokens, "
    "d.output_tokens, d.cached_tokens, d.cost, d.created_at"
)


def route_columns(route: Route | None) -> tuple[str | None, str | None, str | None]:
    """A version's route as its (route_kind, route_model, route_reason) columns."""
    return (None, None, None) if route is None else (route.kind, route.model, route.reason)


def repairs_column(repairs: Sequence[str]) -> str | None:
    """A version's repairs as stored: a JSON list, or NULL when nothing was repaired."""
    return json.dumps(list(repairs), ensure_ascii=False) if repairs else None


def repairs_from_column(value: str | None) -> tuple[str, ...]:
    """The stored repairs; a value this version cannot read counts as none (they are a note, not the code)."""
    if not value:
        return ()
    try:
        loaded = json.loads(value)
    except ValueError:
        return ()
    if not isinstance(loaded, list):
        return ()
    return tuple(item for item in loaded if isinstance(item, str))


def version_from_row(row: Sequence[Any]) -> VersionRecord:
    return VersionRecord(
        component=row[0], number=row[1], code=row[2], prompt=row[3], parent=row[4], model=row[5],
        author=row[6], usage=Usage(row[7], row[8], row[9], row[10]), latency_ms=row[11], created_at=row[12],
        explanation=row[13], request_key=row[14],
        route=None if row[15] is None else Route(model=row[16] or "", kind=row[15], reason=row[17] or ""),
        repairs=repairs_from_column(row[18]),
    )  # fmt: skip


def draft_from_row(row: Sequence[Any]) -> DraftRecord:
    return DraftRecord(
        id=row[0], component=row[1], code=row[2], prompt=row[3], parent=row[4], model=row[5],
        error_code=row[6], error_message=row[7], usage=Usage(row[8], row[9], row[10], row[11]),
        created_at=row[12],
    )  # fmt: skip
