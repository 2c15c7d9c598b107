"""The one error type a generation can end with, and its stable codes."""

from __future__ import annotations

from jupyter_componentgen.schema_types import EventErrorCode

# The stable codes are schema/events.schema.json's, generated into schema_types.py.
ErrorCode = EventErrorCode

# Codes worth retrying with backoff (before the first token) or a fallback model.
RETRYABLE_CODES: frozenset[str] = frozenset(
    {"rate_limited", "overloaded", "server_error", "connect_timeout", "first_token_timeout", "connection"}
)


class GenerationError(Exception):
    """A generation failed in a way the person should be told about.

    ``message`` is written for the person: it says what happened and what to do.
    It never contains a traceback or an API key.
    """

    def __init__(self, code: ErrorCode, message: str, *, retryable: bool | None = None) -> None:
        super().__init__(message)
        self.code: ErrorCode = code
        self.message = message
        self.retryable = code in RETRYABLE_CODES if retryable is None else retryable

    def __repr__(self) -> str:
        return f"GenerationError({self.code!r}, {self.message!r})"
