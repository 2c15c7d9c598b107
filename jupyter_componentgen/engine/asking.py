"""Asking the model for one generation: the prompt, the stream (with retries and fallback models), an edit
that does not apply (one whole-file rewrite), and continuations of an answer cut off at the output limit.

The run (run.py) decides whether to ask at all and what to do with the code that comes back; this module
only talks to the model, and keeps count of what that cost.
"""

from __future__ import annotations

import contextlib
import dataclasses
import time
from typing import TYPE_CHECKING, Protocol

from .answer import Answer
from .answer.continuation import OverlapTrimmer, continuation_request
from .answer.edits import EditMismatch
from .errors import GenerationError
from .gateway.types import LLMRequest, Retrying, StreamEnd, TextChunk
from .repairs import repairing_checker
from .routing import Route
from .usage import Usage

if TYPE_CHECKING:
    from .checks.findings import CodeChecker
    from .events import EventSink
    from .gateway import Gateway
    from .history import VersionRecord
    from .prompts import PromptBuilder, PromptParts
    from .request import GenerationRequest
    from .settings import EngineSettings

# Status events while streaming are throttled: enough for a live token counter, not a flood.
STATUS_INTERVAL_S = 0.25
CHARS_PER_TOKEN_ESTIMATE = 4


class ModelParts(Protocol):
    """What the conversation uses of its engine (generation.py's ``Engine``)."""

    settings: EngineSettings
    gateway: Gateway
    prompts: PromptBuilder
    checker: CodeChecker | None


class RunState(Protocol):
    """What the conversation reads and moves on its run: the model asked, why, and the status line."""

    model: str
    requested_model: str
    route: Route | None

    def status(self, phase: str, message: str, usage: Usage | None = None) -> None: ...


class Conversation:
    """The model calls of one generation, and what they cost."""

    def __init__(
        self, engine: ModelParts, request: GenerationRequest, run: RunState, emit: EventSink
    ) -> None:
        self.engine = engine
        self.settings = engine.settings
        self.request = request
        self.run = run
        self.emit = emit
        self.usage = Usage()
        self.answer: Answer | None = None
        self.requests = 0
        self.continuations = 0
        self.stop_reason = "other"
        self._streamed_chars = 0
        self._last_status = 0.0

    def code_to_fix(self, current: VersionRecord | None) -> str | None:
        """The code a fix request is about: a blocked draft it carries, else the current version's."""
        fix = self.request.fix
        if fix is None:
            return None
        if fix.code is not None:
            return fix.code
        return current.code if current is not None else None

    async def generate(self, current: VersionRecord | None) -> str:
        """The model's code for the request: a new component, an edit of ``current``, or a fix."""
        run = self.run
        assert run.route is not None
        parts = self._prompt(current)
        temperature = self.settings.temperature if self.settings.temperature >= 0 else None
        llm_request = LLMRequest(
            model=run.model,
            system=parts.system,
            messages=parts.messages,
            max_tokens=self.settings.max_tokens,
            temperature=temperature,
        )
        # Edits apply to the code the prompt showed: a blocked draft for its fix, else the current version.
        base = self.code_to_fix(current) if self.request.fix is not None else None
        if base is None and current is not None:
            base = current.code
        run.status("connecting", f"Asking {run.route.describe()}…")
        try:
            return await self._answer(llm_request, base, allow_edit=True)
        except EditMismatch as mismatch:
            # One whole-file rewrite from the main model, never a guess at where the edit belonged.
            model = run.requested_model
            run.route = Route(model, "rewrite", "edit did not apply: whole file from the main model")
            run.model = model
            run.status("retrying", f"{mismatch.message} Asking {model} for the whole file instead.")
            answered = self.answer.raw_text if self.answer is not None else ""
            retry = continuation_request(
                llm_request,
                answered,
                self.engine.prompts.edit_retry(self.request.component, mismatch.message),
            )
            try:
                return await self._answer(retry, base, allow_edit=False)
            except EditMismatch as again:
                raise GenerationError(
                    "no_code",
                    f"The model's edit did not apply ({mismatch.message}) and it did not send the whole "
                    f"file when asked ({again.message}). Try again, or rephrase the request.",
                    retryable=True,
                ) from None

    def _prompt(self, current: VersionRecord | None) -> PromptParts:
        request, prompts = self.request, self.engine.prompts
        fixed = self.code_to_fix(current)
        if request.fix is not None and fixed is not None:
            fix = request.fix
            return prompts.fix(request.component, fixed, fix.error_text(), fix.line, request.data)
        if current is None:
            return prompts.new_component(request.component, request.instruction, request.data)
        return prompts.edit(request.component, request.instruction, current.code, request.data)

    async def _answer(self, request: LLMRequest, base: str | None, *, allow_edit: bool) -> str:
        """One answer, continued while it stops on the output limit before its code is complete."""
        # Streamed code is checked as it will be saved: with its import aliases repaired (see run.py).
        checker = repairing_checker(self.engine.checker)
        answer = Answer(self.emit, base_code=base, checker=checker, allow_edit=allow_edit)
        self.answer = answer
        stop_reason = await self._stream(request, answer, None)
        while stop_reason == "max_tokens" and not answer.complete:
            if self.continuations >= self.settings.max_continuations:
                break
            self.continuations += 1
            self.run.status(
                "streaming",
                f"{self.run.model} hit its output limit; continuing the same component "
                f"({self.continuations} of at most {self.settings.max_continuations}).",
            )
            follow_up = continuation_request(
                dataclasses.replace(request, model=self.run.model),
                answer.raw_text,
                self.engine.prompts.continuation(self.request.component),
            )
            stop_reason = await self._stream(follow_up, answer, OverlapTrimmer(answer.raw_text))
        answer.close()
        self.stop_reason = stop_reason
        return answer.finish(
            stop_reason=stop_reason, continuations=self.continuations, max_tokens=self.settings.max_tokens
        )

    async def _stream(self, request: LLMRequest, answer: Answer, trimmer: OverlapTrimmer | None) -> str:
        from .gateway import FallingBack

        models = [request.model, *(m for m in self.settings.fallback_models if m != request.model)]
        stop_reason = "other"
        self.requests += 1
        async with contextlib.aclosing(self.engine.gateway.stream_models(request, models)) as stream:
            async for item in stream:
                if isinstance(item, TextChunk):
                    answer.feed(trimmer.feed(item.text) if trimmer is not None else item.text)
                    self._streamed_chars += len(item.text)
                    self._maybe_status()
                elif isinstance(item, StreamEnd):
                    stop_reason = item.stop_reason
                    self.usage = self.usage + item.usage
                elif isinstance(item, Retrying):
                    self.requests += 1
                    self.run.status(
                        "retrying",
                        # The phase already says "retrying": say why, and when the next attempt starts.
                        f"{item.reason.replace('_', ' ')}; attempt {item.attempt} in {item.delay:.1f} s.",
                    )
                elif isinstance(item, FallingBack):
                    self.requests += 1
                    self.run.model = item.next
                    self.run.status(
                        "retrying",
                        f"{item.failed} failed ({item.error.code}); trying the fallback {item.next}.",
                    )
        if trimmer is not None:
            answer.feed(trimmer.finish())
        return stop_reason

    def _maybe_status(self) -> None:
        now = time.monotonic()
        if now - self._last_status < STATUS_INTERVAL_S:
            return
        self._last_status = now
        estimate = Usage(output_tokens=self._streamed_chars // CHARS_PER_TOKEN_ESTIMATE)
        self.run.status("streaming", f"Streaming from {self.run.model}…", estimate)
