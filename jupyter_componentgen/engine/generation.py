"""One generation, end to end: cache check, prompt, model stream, parse, validate, save.

Every front end (the cell magic, the Python API, the command line, the server's side panel) drives this
same object, so they share one history and one set of rules: a failed or cancelled generation never
replaces the current version; its partial output is kept as a draft the person can inspect.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import time
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from .code_checks import BlockedCode, CheckedRelease, CodeChecker
from .errors import GenerationError
from .events import Event, EventSink, EventStamper
from .llm_types import LLMRequest, Retrying, StreamEnd, TextChunk, Timeouts
from .usage import Usage

if TYPE_CHECKING:
    from jupyter_componentgen.config import ComponentGen
    from jupyter_componentgen.store import Store, VersionRecord

    from .data import DataDescription
    from .gateway import Gateway
    from .parser import MarkerParser
    from .prompts import PromptBuilder

# Status events while streaming are throttled: enough for a live token counter, not a flood.
STATUS_INTERVAL_S = 0.25
CHARS_PER_TOKEN_ESTIMATE = 4


@dataclass(frozen=True)
class GenerationRequest:
    component: str
    instruction: str
    data: DataDescription | None = None
    model: str | None = None
    regenerate: bool = False


@dataclass(frozen=True)
class GenerationOutcome:
    generation: str
    status: Literal["saved", "cached", "failed", "cancelled"]
    version: VersionRecord | None
    code: str
    error: GenerationError | None
    usage: Usage


def request_key(*, component: str, instruction: str, model: str, data_shape: str, templates: str) -> str:
    """Identity of a request for the response cache.

    It deliberately leaves out whether the component already existed: re-running the first cell of a
    notebook chain must find the version it made, whatever is current now (Store.find_cached applies the
    lineage rule).
    """
    payload = json.dumps(
        [component, " ".join(instruction.split()), model, data_shape, templates], ensure_ascii=False
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


def _format_summary(version: int, usage: Usage, seconds: float) -> str:
    parts = [f"Saved version {version}", f"{usage.input_tokens:,} in / {usage.output_tokens:,} out tokens"]
    if usage.cached_tokens:
        parts.append(f"{usage.cached_tokens:,} cached")
    if usage.cost is not None:
        parts.append(f"${usage.cost:.4f}")
    parts.append(f"{seconds:.1f} s")
    return " · ".join(parts)


class _PrimaryBlockFilter:
    """Forwards the events of the response's first code block; later blocks are not part of this component."""

    def __init__(self) -> None:
        self.position: int | None = None
        self._inside = False
        self.code_parts: list[str] = []

    def accept(self, event: Event) -> bool:
        kind = event["type"]
        if kind == "text_delta":
            return True
        if kind == "content_block_start":
            if self.position is None:
                self.position = int(event["position"])
                self._inside = True
                return True
            return False
        if kind == "content_block_delta":
            if self._inside:
                self.code_parts.append(event["text"])
            return self._inside
        if kind == "content_block_stop":
            was_inside = self._inside
            self._inside = False
            return was_inside
        return True

    @property
    def code(self) -> str:
        return "".join(self.code_parts)


class Engine:
    """Runs generations against one notebook's store."""

    def __init__(
        self,
        settings: ComponentGen,
        store: Store,
        *,
        gateway: Gateway | None = None,
        prompts: PromptBuilder | None = None,
        checker: CodeChecker | None = None,
    ) -> None:
        self.settings = settings
        self.store = store
        # Static checks on the generated code; None releases code unchecked (e.g. trusted --code input).
        self.checker = checker
        if gateway is None:
            from .gateway import Gateway

            gateway = Gateway(
                timeouts=Timeouts(
                    connect=settings.connect_timeout,
                    first_token=settings.first_token_timeout,
                    idle=settings.idle_timeout,
                    total=settings.total_timeout,
                ),
                max_retries=settings.max_retries,
            )
        if prompts is None:
            from .prompts import PromptBuilder

            prompts = PromptBuilder()
        self.gateway = gateway
        self.prompts = prompts

    @staticmethod
    def new_generation_id() -> str:
        return uuid.uuid4().hex[:16]

    async def run(
        self, request: GenerationRequest, sink: EventSink, *, generation: str | None = None
    ) -> GenerationOutcome:
        """Generate (or fetch from the cache) the next version of ``request.component``.

        Never raises for provider failures or cancellation: the outcome and the events say what happened.
        """
        run = _Run(self, request, EventStamper(generation or self.new_generation_id(), sink))
        return await run.execute()


class _Run:
    """State of one generation; lives only for the duration of Engine.run."""

    def __init__(self, engine: Engine, request: GenerationRequest, emit: EventStamper) -> None:
        self.engine = engine
        self.settings = engine.settings
        self.store = engine.store
        self.request = request
        self.emit = emit
        self.model = request.model or self.settings.model
        self.started = time.monotonic()
        self.usage = Usage()
        self.blocks = _PrimaryBlockFilter()
        self.prose: list[str] = []
        self.streamed_chars = 0
        self.last_status = 0.0
        self.parser: MarkerParser | None = None
        self.release = CheckedRelease(engine.checker) if engine.checker is not None else None

    @property
    def elapsed_ms(self) -> int:
        return int((time.monotonic() - self.started) * 1000)

    def status(self, phase: str, message: str, usage: Usage | None = None) -> None:
        event: Event = {
            "type": "status",
            "phase": phase,
            "message": message,
            "model": self.model,
            "elapsed_ms": self.elapsed_ms,
        }
        if usage is not None:
            event["usage"] = usage.to_dict()
        self.emit(event)

    def outcome(
        self,
        status: Literal["saved", "cached", "failed", "cancelled"],
        *,
        version: VersionRecord | None = None,
        code: str = "",
        error: GenerationError | None = None,
    ) -> GenerationOutcome:
        return GenerationOutcome(self.emit.generation, status, version, code, error, self.usage)

    async def execute(self) -> GenerationOutcome:
        request = self.request
        try:
            self._validate_request()
        except GenerationError as error:
            return self._fail(error, keep_draft=False)
        current = self.store.current(request.component)
        key = request_key(
            component=request.component,
            instruction=request.instruction,
            model=self.model,
            data_shape=request.data.shape_key if request.data else "",
            templates=self.engine.prompts.version,
        )
        if self.settings.cache and not request.regenerate:
            hit = self.store.find_cached(request.component, key)
            if hit is not None:
                return self._answer_from_cache(hit, current)
        try:
            code, stop_reason = await self._stream(current)
            self._check_code(code, stop_reason)
        except GenerationError as error:
            return self._fail(error, keep_draft=True)
        except asyncio.CancelledError:
            task = asyncio.current_task()
            if task is not None:
                task.uncancel()
            return self._cancelled(current)
        return self._save(code, stop_reason, current, key)

    def _validate_request(self) -> None:
        text = self.request.instruction.strip()
        if not text:
            raise GenerationError(
                "bad_request",
                "The instruction is empty: describe the component (or the change) under the %%component line.",
            )
        limit = self.settings.max_prompt_chars
        if len(text) > limit:
            raise GenerationError(
                "bad_request",
                f"The instruction is {len(text):,} characters; the limit is {limit:,} "
                "(COMPONENTGEN_MAX_PROMPT_CHARS). Shorten it, or pass large content as --data.",
            )

    def _answer_from_cache(self, hit: VersionRecord, current: VersionRecord | None) -> GenerationOutcome:
        if current is None or current.number != hit.number:
            hit = self.store.set_current(hit.component, hit.number)
        self.status("cached", f"Cached: version {hit.number}, no model call (use --regenerate to ask again).")
        self.emit(
            {
                "type": "message_stop",
                "version": hit.number,
                "usage": Usage().to_dict(),
                "stop_reason": "cached",
                "cached": True,
                "latency_ms": self.elapsed_ms,
            }
        )
        return self.outcome("cached", version=hit, code=hit.code)

    async def _stream(self, current: VersionRecord | None) -> tuple[str, str]:
        from .parser import MarkerParser as Parser

        request = self.request
        prompts = self.engine.prompts
        if current is None:
            parts = prompts.new_component(request.component, request.instruction, request.data)
        else:
            parts = prompts.edit(request.component, request.instruction, current.code, request.data)
        temperature = self.settings.temperature if self.settings.temperature >= 0 else None
        llm_request = LLMRequest(
            model=self.model,
            system=parts.system,
            messages=parts.messages,
            max_tokens=self.settings.max_tokens,
            temperature=temperature,
        )
        self.status("connecting", f"Asking {self.model}…")
        parser = Parser()
        self.parser = parser
        stop_reason = "other"
        async with contextlib.aclosing(self.engine.gateway.stream(llm_request)) as stream:
            async for item in stream:
                if isinstance(item, TextChunk):
                    self._forward(parser.feed(item.text))
                    self.streamed_chars += len(item.text)
                    self._maybe_status()
                elif isinstance(item, Retrying):
                    self.status(
                        "retrying",
                        f"{item.reason}; retrying in {item.delay:.1f} s (attempt {item.attempt}).",
                    )
                elif isinstance(item, StreamEnd):
                    stop_reason = item.stop_reason
                    self.usage = self.usage + item.usage
        self._forward(parser.close())
        return self.blocks.code, stop_reason

    def _forward(self, events: list[Event]) -> None:
        for event in events:
            kind = event["type"]
            if kind == "text_delta":
                self.prose.append(event["text"])
            if not self.blocks.accept(event):
                continue
            if self.release is not None and kind in ("content_block_delta", "content_block_stop"):
                text = (
                    self.release.add(event["text"])
                    if kind == "content_block_delta"
                    else self.release.finish()
                )
                if text:
                    self.emit({"type": "content_block_delta", "component": event["component"], "text": text})
                if kind == "content_block_delta":
                    continue
            self.emit(event)

    def _maybe_status(self) -> None:
        now = time.monotonic()
        if now - self.last_status < STATUS_INTERVAL_S:
            return
        self.last_status = now
        estimate = Usage(output_tokens=self.streamed_chars // CHARS_PER_TOKEN_ESTIMATE)
        self.status("streaming", f"Streaming from {self.model}…", estimate)

    def _check_code(self, code: str, stop_reason: str) -> None:
        parser = self.parser
        primary = self.blocks.position
        if parser is None or primary is None:
            raise GenerationError(
                "no_code",
                "The model answered without a component between /// START and /// END markers. "
                "Try again, or rephrase the request.",
                retryable=True,
            )
        block = parser.blocks[primary]
        if not block.complete:
            if stop_reason == "max_tokens":
                message = (
                    f"The model hit its output limit ({self.settings.max_tokens:,} tokens) before finishing "
                    "the component. Raise COMPONENTGEN_MAX_TOKENS or ask for a smaller component."
                )
            else:
                message = "The response ended before the component was complete (no /// END marker)."
            raise GenerationError("truncated", message, retryable=True)
        if self.release is not None and self.release.findings:
            raise BlockedCode(self.release.findings)
        size = len(code.encode("utf-8"))
        if size > self.settings.max_code_bytes:
            raise GenerationError(
                "bad_request",
                f"The component is {size:,} bytes; the limit is {self.settings.max_code_bytes:,} "
                "(COMPONENTGEN_MAX_CODE_BYTES).",
            )

    def _save(
        self, code: str, stop_reason: str, current: VersionRecord | None, key: str
    ) -> GenerationOutcome:
        self.status("saving", "Saving…")
        latency_ms = self.elapsed_ms
        version = self.store.add_version(
            self.request.component,
            code=code,
            prompt=self.request.instruction,
            parent=current.number if current else None,
            model=self.model,
            author="llm",
            usage=self.usage,
            latency_ms=latency_ms,
            explanation="".join(self.prose).strip(),
            request_key=key,
        )
        self.emit(
            {
                "type": "message_stop",
                "version": version.number,
                "usage": self.usage.to_dict(),
                "stop_reason": stop_reason,
                "cached": False,
                "latency_ms": latency_ms,
            }
        )
        self.status("done", _format_summary(version.number, self.usage, latency_ms / 1000), self.usage)
        return self.outcome("saved", version=version, code=code)

    def _keep_draft(self, error: GenerationError, current: VersionRecord | None) -> int | None:
        code = self.blocks.code
        if not code and not self.prose:
            return None
        draft = self.store.add_draft(
            self.request.component,
            code=code,
            prompt=self.request.instruction,
            parent=current.number if current else None,
            model=self.model,
            error_code=error.code,
            error_message=error.message,
            usage=self.usage,
        )
        return draft.id

    def _fail(self, error: GenerationError, *, keep_draft: bool) -> GenerationOutcome:
        current = self.store.current(self.request.component)
        draft = self._keep_draft(error, current) if keep_draft else None
        event: Event = {
            "type": "error",
            "code": error.code,
            "message": error.message,
            "retryable": error.retryable,
            "draft": draft,
        }
        if isinstance(error, BlockedCode):
            event["findings"] = [finding.to_dict() for finding in error.findings]
        self.emit(event)
        kept = f" Version {current.number} is still current." if current else ""
        self.status("error", error.message + kept, self.usage)
        return self.outcome("failed", code=self.blocks.code, error=error)

    def _cancelled(self, current: VersionRecord | None) -> GenerationOutcome:
        error = GenerationError("cancelled", "Cancelled.", retryable=False)
        draft = self._keep_draft(error, current)
        self.emit(
            {
                "type": "error",
                "code": "cancelled",
                "message": "Cancelled.",
                "retryable": False,
                "draft": draft,
            }
        )
        kept = f" Version {current.number} is still current." if current else ""
        self.status("cancelled", "Cancelled." + kept, self.usage)
        return self.outcome("cancelled", code=self.blocks.code, error=error)
