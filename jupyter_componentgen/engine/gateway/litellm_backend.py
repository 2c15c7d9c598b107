"""Every non-Claude model through litellm (OpenAI, Ollama, Gemini, a LiteLLM proxy, ...)."""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import os
from collections.abc import AsyncGenerator
from typing import Any

import httpx

from jupyter_componentgen.engine.defaults import DEFAULT_MODEL
from jupyter_componentgen.engine.errors import GenerationError
from jupyter_componentgen.engine.usage import Usage

from . import errors
from .backend import message_text, normalise_stop_reason
from .types import LLMRequest, StreamEnd, TextChunk, Timeouts

# Names and variables of the providers people use most, for messages; litellm names missing keys itself.
_KNOWN_PROVIDERS = {
    "openai": errors.ProviderInfo("OpenAI", "OPENAI_API_KEY", "OPENAI_BASE_URL"),
    "anthropic": errors.ProviderInfo("Anthropic", "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL"),
    "gemini": errors.ProviderInfo("Gemini", "GEMINI_API_KEY"),
    "mistral": errors.ProviderInfo("Mistral", "MISTRAL_API_KEY"),
    "groq": errors.ProviderInfo("Groq", "GROQ_API_KEY"),
    "openrouter": errors.ProviderInfo("OpenRouter", "OPENROUTER_API_KEY"),
    "ollama": errors.ProviderInfo("Ollama", None, "OLLAMA_API_BASE"),
}


def _import_litellm() -> Any:
    # Without this, importing litellm fetches its price map over the network and can stall for seconds.
    os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
    litellm: Any = importlib.import_module("litellm")
    litellm.suppress_debug_info = True
    return litellm


async def load_litellm() -> Any:
    """litellm, imported off the event loop the first time (the import takes seconds)."""
    return await asyncio.to_thread(_import_litellm)


def request_messages(request: LLMRequest) -> list[dict[str, str]]:
    messages = [{"role": m.role, "content": message_text(m)} for m in request.messages]
    if request.system:
        messages.insert(0, {"role": "system", "content": "".join(part.text for part in request.system)})
    return messages


class LiteLLMBackend:
    def __init__(self, model: str) -> None:
        self.model = model
        self.provider = errors.ProviderInfo(model.partition("/")[0] if "/" in model else model)
        self._litellm: Any = None

    async def prepare(self) -> None:
        litellm = self._litellm = await load_litellm()
        try:
            _, provider_name, _, _ = litellm.get_llm_provider(model=self.model)
        except Exception as exc:
            raise GenerationError(
                "bad_request",
                f"litellm does not know which provider serves {self.model!r}. Use a litellm model string "
                f"such as {DEFAULT_MODEL!r}, 'gpt-4.1' or 'ollama/qwen2.5-coder'; {errors.model_hint()}.",
            ) from exc
        self.provider = _KNOWN_PROVIDERS.get(provider_name) or errors.ProviderInfo(provider_name)
        missing = litellm.validate_environment(model=self.model).get("missing_keys") or []
        if missing:
            raise errors.no_api_key(self.provider, [str(name) for name in missing])

    async def events(
        self, request: LLMRequest, timeouts: Timeouts
    ) -> AsyncGenerator[TextChunk | StreamEnd, None]:
        litellm = self._litellm or await load_litellm()
        options: dict[str, Any] = {
            "model": request.model,
            "messages": request_messages(request),
            "max_tokens": request.max_tokens,
            "stream": True,
            "stream_options": {"include_usage": True},
            # The read limit is the total: the gateway enforces first-token and idle limits itself.
            "timeout": httpx.Timeout(timeouts.total, connect=timeouts.connect),
            # Retries are the gateway's (only before the first token).
            "max_retries": 0,
            "num_retries": 0,
        }
        if request.temperature is not None:
            options["temperature"] = request.temperature
        try:
            response = await litellm.acompletion(**options)
        except Exception as exc:
            raise self._as_generation_error(exc, timeouts, litellm) from exc
        try:
            async with contextlib.aclosing(self._read(response)) as items:
                async for item in items:
                    yield item
        except GenerationError:
            raise
        except Exception as exc:
            raise self._as_generation_error(exc, timeouts, litellm) from exc
        finally:
            await response.aclose()

    async def _read(self, response: Any) -> AsyncGenerator[TextChunk | StreamEnd, None]:
        finish_reason: str | None = None
        usage: Any = None
        async for chunk in response:
            if chunk.choices:
                choice = chunk.choices[0]
                if choice.delta is not None and choice.delta.content:
                    yield TextChunk(choice.delta.content)
                finish_reason = choice.finish_reason or finish_reason
            usage = getattr(chunk, "usage", None) or usage
        if finish_reason is None:
            raise errors.connection_failed(self.provider, "the stream ended before the answer was complete")
        yield StreamEnd(normalise_stop_reason(finish_reason), _usage(usage))

    def _as_generation_error(self, exc: Exception, timeouts: Timeouts, litellm: Any) -> GenerationError:
        provider = self.provider
        # A failure inside a stream arrives wrapped: judge by what litellm caught.
        cause = getattr(exc, "original_exception", None) or exc
        if errors.decode_failure(cause):
            return errors.malformed(provider)
        in_stream = _error_event_body(cause)
        if in_stream is not None:
            message = str(in_stream.get("message") or "")
            kind = _error_type(message) or in_stream.get("code") or in_stream.get("type")
            return errors.from_status(provider, None, str(kind or ""), message)
        if any(
            isinstance(link, litellm.Timeout | httpx.TimeoutException) for link in errors.exception_chain(exc)
        ):
            return errors.connect_timeout(provider, timeouts.connect)
        broken = errors.transport_failure(cause)
        if broken is not None or isinstance(cause, litellm.APIConnectionError):
            return errors.connection_failed(provider, broken or "")
        status = getattr(cause, "status_code", None)
        if isinstance(status, int) and status >= 400:
            headers = getattr(cause, "litellm_response_headers", None)
            retry_after = (
                errors.parse_retry_after(headers.get("retry-after")) if headers is not None else None
            )
            message = str(getattr(cause, "message", "") or cause)
            return errors.from_status(provider, status, _error_type(message), message, retry_after)
        return errors.unexpected(provider, cause)


def _error_event_body(exc: BaseException) -> dict[str, Any] | None:
    """The error object of an OpenAI-style error event sent inside a 200 stream, if that is what failed."""
    for link in errors.exception_chain(exc):
        body = getattr(link, "body", None)
        if isinstance(body, dict) and getattr(link, "status_code", None) is None and "message" in body:
            return body
    return None


def _error_type(message: str) -> str | None:
    return "overloaded_error" if "overloaded" in message.lower() else None


def _usage(usage: Any) -> Usage:
    """OpenAI counts cached prompt tokens inside prompt_tokens; Usage keeps them apart."""
    if usage is None:
        return Usage()
    details = getattr(usage, "prompt_tokens_details", None)
    cached = int(getattr(details, "cached_tokens", None) or 0)
    prompt = int(getattr(usage, "prompt_tokens", 0) or 0)
    return Usage(max(prompt - cached, 0), int(getattr(usage, "completion_tokens", 0) or 0), cached)
