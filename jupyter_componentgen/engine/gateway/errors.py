"""Turning provider failures into GenerationErrors whose messages say what happened and what to do."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from jupyter_componentgen.engine.errors import ErrorCode, GenerationError

from .redaction import redact

# The same as config.ENV_PREFIX, spelled out so engine/ does not import traitlets (a test keeps them equal).
ENV_PREFIX = "COMPONENTGEN_"


@dataclass(frozen=True)
class Advice:
    """How messages tell the person to pick another model, set a key or ask again, in the terms of the
    place they asked from: a notebook cell, the side panel or the command line."""

    choose_model: str
    # "{names}": the variables to set ("A and B"); "{first}": the first of them.
    set_key: str
    ask_again: str


KERNEL_ADVICE = Advice(
    choose_model=f"choose another model with --model (model= in Python) or {ENV_PREFIX}MODEL",
    set_key="set {names} in the kernel's environment (in a notebook: %env {first}=...)",
    ask_again="use --regenerate to ask again",
)
PANEL_ADVICE = Advice(
    choose_model="pick another model in the panel's model list",
    set_key="set {names} in the environment of the Jupyter server and restart it",
    ask_again="ask with other words to get a new answer",
)
COMMAND_LINE_ADVICE = Advice(
    choose_model=f"choose another model with --model or {ENV_PREFIX}MODEL",
    set_key="set {names} in the environment (export {first}=...)",
    ask_again="--regenerate asks the model again",
)
_advice: ContextVar[Advice] = ContextVar("componentgen_advice", default=KERNEL_ADVICE)


def advice() -> Advice:
    """The advice of the front end running this generation (a cell, unless it said otherwise)."""
    return _advice.get()


@contextmanager
def advising(value: Advice) -> Iterator[None]:
    """Word messages for ``value``'s front end inside this block (and the tasks it starts)."""
    token = _advice.set(value)
    try:
        yield
    finally:
        _advice.reset(token)


def model_hint() -> str:
    return advice().choose_model


# Anything that looks like a credential: provider key prefixes, bearer tokens, long opaque strings.
_SECRET = re.compile(
    r"(?:sk|pk|rk|key|sess|org)-[A-Za-z0-9_\-]{6,}|Bearer\s+\S+|[A-Za-z0-9_\-]{32,}", re.IGNORECASE
)
# Wrappers litellm puts in front of the provider's own words, e.g. "litellm.BadRequestError: OpenAIException - ".
_LITELLM_PREFIX = re.compile(r"^\s*(?:litellm\.\w+:\s*|\w+Error:\s*|\w+Exception\s*-\s*)")
_MAX_DETAIL = 200


@dataclass(frozen=True)
class ProviderInfo:
    """Who we talked to, and which environment variables configure it, for messages."""

    label: str  # "Anthropic", "openai", "ollama", ...
    key_var: str | None = None
    base_url_var: str | None = None


class ProviderError(GenerationError):
    """A GenerationError that may carry the provider's ``retry-after`` (seconds)."""

    def __init__(
        self,
        code: ErrorCode,
        message: str,
        *,
        retry_after: float | None = None,
        retryable: bool | None = None,
    ) -> None:
        super().__init__(code, message, retryable=retryable)
        self.retry_after = retry_after


def sanitise(text: str) -> str:
    """One short line of provider text, with anything key-like (or a configured key's value) removed."""
    text = redact(text)
    previous = None
    while previous != text:
        previous, text = text, _LITELLM_PREFIX.sub("", text, count=1)
    text = _SECRET.sub("[redacted]", " ".join(text.split()))
    return text if len(text) <= _MAX_DETAIL else text[: _MAX_DETAIL - 1] + "…"


def exception_chain(exc: BaseException) -> Iterator[BaseException]:
    """``exc``, then what caused it (``__cause__``, ``__context__``, litellm's ``original_exception``)."""
    seen: set[int] = set()
    pending: list[BaseException] = [exc]
    while pending:
        current = pending.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        for linked in (getattr(current, "original_exception", None), current.__cause__, current.__context__):
            if isinstance(linked, BaseException):
                pending.append(linked)


_TRANSPORT_CLASS_NAMES = frozenset(
    {
        "TransportError",  # httpx and httpx2: read/write/protocol failures of the connection
        "ClientConnectionError",  # aiohttp
        "ClientPayloadError",  # aiohttp: body cut short
        "BrokenResourceError",  # anyio
        "EndOfStream",  # anyio
    }
)


def transport_failure(exc: BaseException) -> str | None:
    """A few words on the broken or reset connection in ``exc``'s chain, or None if there is none."""
    found: str | None = None
    for link in exception_chain(exc):
        if isinstance(link, OSError) and link.strerror:
            return link.strerror.lower()  # the most precise words: "connection reset by peer"
        if found is None and (
            isinstance(link, ConnectionError)
            or any(cls.__name__ in _TRANSPORT_CLASS_NAMES for cls in type(link).__mro__)
        ):
            found = type(link).__name__
    return found


def decode_failure(exc: BaseException) -> bool:
    """Whether ``exc`` comes from an event that was not valid JSON or text."""
    return any(isinstance(link, json.JSONDecodeError | UnicodeDecodeError) for link in exception_chain(exc))


def parse_retry_after(value: str | None) -> float | None:
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None  # an HTTP date: too far off to wait for anyway


class MissingKey(GenerationError):
    """No key for the provider: ``variables`` are the environment variables that would hold it."""

    def __init__(self, message: str, variables: tuple[str, ...]) -> None:
        super().__init__("no_api_key", message)
        self.variables = variables


def no_api_key(provider: ProviderInfo, variables: list[str]) -> MissingKey:
    names = variables or ([provider.key_var] if provider.key_var else [])
    if not names:
        return MissingKey(f"No API key is configured for {provider.label}; {model_hint()}.", ())
    set_key = advice().set_key.format(names=" and ".join(names), first=names[0])
    return MissingKey(f"No API key for {provider.label}: {set_key}, or {model_hint()}.", tuple(names))


def from_status(
    provider: ProviderInfo,
    status: int | None,
    error_type: str | None = None,
    detail: str = "",
    retry_after: float | None = None,
) -> ProviderError:
    """An HTTP error (or an error event inside a stream) as a GenerationError.

    ``error_type`` is the provider's own error type when known ("overloaded_error", "rate_limit_exceeded").
    """
    said = f": {sanitise(detail).rstrip('.')}" if detail.strip() else ""
    http = f"HTTP {status}" if status and status >= 400 else "an error inside the stream"
    kind = (error_type or "").lower()
    who = provider.label
    if "overloaded" in kind or status == 529:
        return ProviderError(
            "overloaded", f"{who} is overloaded ({http}). Try again in a minute, or {model_hint()}."
        )
    if "rate_limit" in kind or status == 429:
        wait = f"Wait {retry_after:g} s" if retry_after is not None else "Wait a little"
        return ProviderError(
            "rate_limited",
            f"{who} refused the request because a rate limit was reached ({http}){said}. "
            f"{wait} and try again, or {model_hint()}.",
            retry_after=retry_after,
        )
    if kind in ("authentication_error", "permission_error", "invalid_api_key") or status in (401, 403):
        check = f"Check {provider.key_var}" if provider.key_var else "Check the API key"
        return ProviderError(
            "auth", f"{who} did not accept the API key ({http}){said}. {check}, or {model_hint()}."
        )
    if kind in ("invalid_request_error", "not_found_error", "request_too_large") or (
        status is not None and 400 <= status < 500
    ):
        return ProviderError(
            "bad_request",
            f"{who} refused the request ({http}){said}. Check the model name, or {model_hint()}.",
        )
    return ProviderError(
        "server_error",
        f"{who} had a server error ({http}){said}. Try again; if it keeps happening, {model_hint()}.",
        retry_after=retry_after,
    )


def connection_failed(provider: ProviderInfo, detail: str) -> ProviderError:
    where = f" and {provider.base_url_var} if you set it" if provider.base_url_var else ""
    said = f" ({sanitise(detail)})" if detail.strip() else ""
    return ProviderError(
        "connection",
        f"The connection to {provider.label} failed{said}. Check the network{where}, then try again.",
    )


def malformed(provider: ProviderInfo) -> ProviderError:
    return ProviderError(
        "malformed",
        f"{provider.label} sent a stream that could not be read. Try again; if it keeps happening, {model_hint()}.",
    )


def connect_timeout(provider: ProviderInfo, seconds: float) -> ProviderError:
    return ProviderError(
        "connect_timeout",
        f"Could not connect to {provider.label} within {seconds:g} s. Check the network, or raise "
        f"{ENV_PREFIX}CONNECT_TIMEOUT.",
    )


def unexpected(provider: ProviderInfo, exc: BaseException) -> GenerationError:
    return GenerationError(
        "internal",
        f"Unexpected failure while talking to {provider.label} ({type(exc).__name__}: {sanitise(str(exc))}).",
    )


_TIMEOUT_WORDS: dict[str, tuple[str, str]] = {
    "first_token_timeout": ("The model sent no output within {s} of the request", "FIRST_TOKEN_TIMEOUT"),
    "idle_timeout": ("The model's stream went silent for {s}", "IDLE_TIMEOUT"),
    "total_timeout": ("The generation took longer than {s} in all", "TOTAL_TIMEOUT"),
}


def stream_timeout(code: ErrorCode, seconds: float) -> ProviderError:
    """first_token_timeout | idle_timeout | total_timeout, naming the setting that changes the limit."""
    what, setting = _TIMEOUT_WORDS[code]
    return ProviderError(
        code, f"{what.format(s=f'{seconds:g} s')}. Try again, or raise {ENV_PREFIX}{setting}."
    )
