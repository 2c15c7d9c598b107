"""The server's limits on generations and messages (set from the extension's traitlets)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ServerLimits:
    max_concurrent_per_user: int = 4
    max_concurrent_total: int = 32
    max_queued_per_user: int = 16
    max_message_bytes: int = 256 * 1024
    max_events_per_generation: int = 20_000
    finished_kept: int = 50
    finished_ttl_seconds: float = 600.0
