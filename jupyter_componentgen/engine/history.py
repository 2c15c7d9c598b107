"""The engine's history port: the records it reads and writes, and what it needs from whoever keeps them.

The engine never imports the store: ``History`` and ``Ledger`` say what a generation reads (the current
version, a cached answer, the component's own model) and writes (a version, a draft, a usage row), and the
store (``store/history.py``, ``store/ledger.py``) implements them. A new thing the engine must remember
starts as a method here, then gets its table in the store.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal, Protocol

from jupyter_componentgen.schema_types import StoredVersionAuthor

from .routing import Route
from .usage import Usage

if TYPE_CHECKING:
    from .data import DataDescription

Author = StoredVersionAuthor  # schema/version.schema.json
LedgerStatus = Literal["saved", "failed", "cancelled"]


class VersionNotFoundError(KeyError):
    """A component or version number that the store does not hold."""

    def __init__(self, component: str, number: int | None = None) -> None:
        if number is None:
            message = f"No component named {component!r} in this notebook's history."
        else:
            message = (
                f"Component {component!r} has no version {number}; "
                "list its versions with `jupyter componentgen history`."
            )
        super().__init__(message)
        self.component = component
        self.number = number
        self.message = message

    def __str__(self) -> str:
        # KeyError would print the message wrapped in quotes.
        return self.message


def _iso_utc(epoch_seconds: float) -> str:
    return datetime.fromtimestamp(epoch_seconds, tz=UTC).isoformat()


@dataclass(frozen=True)
class VersionRecord:
    """One saved version of a component. Never changes once written."""

    component: str
    number: int
    code: str
    prompt: str
    parent: int | None
    model: str | None
    author: Author
    usage: Usage
    latency_ms: int | None
    created_at: float
    explanation: str
    request_key: str | None
    # Which model the request was routed to, and why; None for hand edits and older versions.
    route: Route | None = None
    # What the deterministic repairs changed in the code before it was checked and saved, in plain words.
    repairs: tuple[str, ...] = ()

    def to_export(self, *, current: bool) -> dict[str, Any]:
        """This version as schema/version.schema.json describes it (request_key is internal, left out)."""
        return {
            "component": self.component,
            "number": self.number,
            "code": self.code,
            "prompt": self.prompt,
            "parent": self.parent,
            "model": self.model,
            "author": self.author,
            "status": "ok",
            "usage": {
                "input_tokens": self.usage.input_tokens,
                "output_tokens": self.usage.output_tokens,
                "cached_tokens": self.usage.cached_tokens,
                "cost": self.usage.cost,
            },
            "latency_ms": self.latency_ms,
            "created_at": _iso_utc(self.created_at),
            "explanation": self.explanation,
            "current": current,
            "route": self.route.to_dict() if self.route is not None else None,
            "repairs": list(self.repairs),
        }


@dataclass(frozen=True)
class DraftRecord:
    """A failed, cancelled or truncated generation's partial output. Never becomes current."""

    id: int
    component: str
    code: str
    prompt: str
    parent: int | None
    model: str | None
    error_code: str
    error_message: str
    usage: Usage
    created_at: float


class Ledger(Protocol):
    """Usage per generation: what the daily budget reads and every model call adds to."""

    def record(
        self,
        component: str,
        *,
        user: str,
        model: str,
        route: str,
        reason: str,
        status: LedgerStatus,
        requests: int,
        usage: Usage,
        version: int | None = None,
        draft: int | None = None,
    ) -> None: ...

    def spent_by_user(self, user: str, since: float) -> Usage:
        """What ``user`` spent since the epoch time ``since``."""
        ...


class History(Protocol):
    """One notebook's component history, as the engine and the history service use it."""

    @property
    def ledger(self) -> Ledger: ...

    def current(self, component: str) -> VersionRecord | None: ...

    def versions(self, component: str) -> list[VersionRecord]: ...

    def component_model(self, component: str) -> str | None:
        """The model a component keeps for requests that name none (None: no model made it yet)."""
        ...

    def find_cached(self, component: str, request_key: str) -> VersionRecord | None:
        """A stored answer to the same request in the current version's lineage."""
        ...

    def set_current(self, component: str, number: int) -> VersionRecord:
        """Make a version current; VersionNotFoundError when there is no such version."""
        ...

    def add_version(
        self,
        component: str,
        *,
        code: str,
        prompt: str,
        parent: int | None,
        model: str | None,
        author: Author,
        usage: Usage,
        latency_ms: int | None,
        explanation: str = "",
        request_key: str | None = None,
        make_current: bool = True,
        route: Route | None = None,
        repairs: Sequence[str] = (),
    ) -> VersionRecord: ...

    def add_draft(
        self,
        component: str,
        *,
        code: str,
        prompt: str,
        parent: int | None,
        model: str | None,
        error_code: str,
        error_message: str,
        usage: Usage,
    ) -> DraftRecord: ...

    def remember_data(self, component: str, data: DataDescription | None) -> None:
        """Keep what the model was last told about the component's data."""
        ...
