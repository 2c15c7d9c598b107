"""One generation, end to end: cache check, budget, routing, prompt, model stream (with fallbacks and
continuations), parse, diff edits, validate, save, usage ledger.

Every front end (the cell magic, the Python API, the command line, the server's side panel) drives this
same object, so they share one history and one set of rules: a failed or cancelled generation never
replaces the current version; its partial output is kept as a draft the person can inspect.
"""

from __future__ import annotations

import asyncio
import contextlib
import getpass
import hashlib
import json
import time
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from .answer import Answer
from .answer.continuation import OverlapTrimmer, continuation_request
from .answer.edits import EditMismatch
from .autofix import FrameFailure
from .budget import check_budget
from .checks.findings import BlockedCode, CodeChecker
from .errors import GenerationError
from .events import Event, EventSink, EventStamper
from .gateway.types import LLMRequest, Retrying, StreamEnd, TextChunk, Timeouts
from .repairs import repair, repairing_checker, repairs_note
from .routing import Route, choose_route
from .usage import Usage

if TYPE_CHECKING:
    from jupyter_componentgen.config import ComponentGen

    from .data import DataDescription
    from .gateway import Gateway
    from .history import History, Ledger, VersionRecord
    from .prompts import PromptBuilder, PromptParts

# A cancelled generation's error message; its status message says only what is left (kept_after_cancel).
CANCELLED = "Cancelled before the model finished; nothing was saved."
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
    # Set for a fix after the browser reported this failure (or the static checks blocked fix.code).
    fix: FrameFailure | None = None
    # Who asks, for the usage ledger and the daily budget; empty means the operating-system user.
    user: str = ""


@dataclass(frozen=True)
class GenerationOutcome:
    generation: str
    status: Literal["saved", "cached", "failed", "cancelled"]
    version: VersionRecord | None
    code: str
    error: GenerationError | None
    usage: Usage
    # The model choice and why; None when no model was asked (cache, refusals).
    route: Route | None = None


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


def default_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def kept_after_cancel(current: int | None) -> str:
    """A cancelled status's message: the status line shows the phase ("Cancelled") before it."""
    return f"Version {current} is still current." if current is not None else "No version was saved."


def _format_summary(
    version: int, usage: Usage, seconds: float, route: Route | None = None, repairs: tuple[str, ...] = ()
) -> str:
    parts = [f"Saved version {version}"]
    if route is not None:
        parts.append(route.describe())
    parts.append(f"{usage.input_tokens:,} in / {usage.output_tokens:,} out tokens")
    if usage.cached_tokens:
        parts.append(f"{usage.cached_tokens:,} cached")
    if usage.cost is not None:
        parts.append(f"${usage.cost:.4f}")
    parts.append(f"{seconds:.1f} s")
    if repairs:
        parts.append(repairs_note(repairs))
    return " · ".join(parts)


class Engine:
    """Runs generations against one notebook's store."""

    def __init__(
        self,
        settings: ComponentGen,
        store: History,
        *,
        gateway: Gateway | None = None,
        prompts: PromptBuilder | None = None,
        checker: CodeChecker | None = None,
        ledger: Ledger | None = None,
    ) -> None:
        self.settings = settings
        # The history port (the store implements it); named ``store`` because that is what every front end
        # passes.
        self.store = store
        self.ledger = ledger if ledger is not None else store.ledger
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
        from .screens.output import OutputScreen

        # Refuses answers that are not code, that quote the system prompt, or contain a banned phrase.
        self.screen = OutputScreen.build(prompts.system_texts(), settings.banned_phrases)

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
        # The model named by the request, else the component's own, else the default (execute() looks up
        # the component's): part of the response-cache key, whatever the route.
        self.component_model: str | None = None
        self.requested_model = request.model or self.settings.model
        self.model = self.requested_model
        self.route: Route | None = None
        self.started = time.monotonic()
        self.usage = Usage()
        self.answer: Answer | None = None
        self.requests = 0
        self.continuations = 0
        self.stop_reason = "other"
        self.streamed_chars = 0
        self.last_status = 0.0
        # What the deterministic repairs changed in the model's final code (saved with the version).
        self.repairs: tuple[str, ...] = ()

    @property
    def elapsed_ms(self) -> int:
        return int((time.monotonic() - self.started) * 1000)

    @property
    def user(self) -> str:
        return self.request.user or default_user()

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
        if self.route is not None:
            event["route"] = self.route.to_dict()
        self.emit(event)

    def outcome(
        self,
        status: Literal["saved", "cached", "failed", "cancelled"],
        *,
        version: VersionRecord | None = None,
        code: str = "",
        error: GenerationError | None = None,
    ) -> GenerationOutcome:
        return GenerationOutcome(self.emit.generation, status, version, code, error, self.usage, self.route)

    async def execute(self) -> GenerationOutcome:
        request = self.request
        try:
            self._validate_request()
        except GenerationError as error:
            return self._fail(error, keep_draft=False)
        current = self.store.current(request.component)
        if current is not None:
            self.component_model = self.store.component_model(request.component)
            self.requested_model = request.model or self.component_model or self.settings.model
            self.model = self.requested_model
        instruction = request.instruction
        fixed = self._code_to_fix(current)
        if fixed is not None:
            # A fix answers for one piece of code: the same error in other code is a new request.
            instruction += "\n" + hashlib.sha256(fixed.encode("utf-8")).hexdigest()
        key = request_key(
            component=request.component,
            instruction=instruction,
            model=self.requested_model,
            data_shape=request.data.shape_key if request.data else "",
            templates=self.engine.prompts.version,
        )
        if self.settings.cache and not request.regenerate:
            hit = self.store.find_cached(request.component, key)
            if hit is not None:
                return self._answer_from_cache(hit, current)
        try:
            self._check_can_ask(current)
        except GenerationError as error:
            return self._fail(error, keep_draft=False)
        try:
            try:
                async with asyncio.timeout(self.settings.total_timeout):
                    code = await self._generate(current)
            except TimeoutError:
                from .gateway.errors import stream_timeout

                raise stream_timeout("total_timeout", self.settings.total_timeout) from None
            code = self._repair(code)
            self._check_size(code)
            self.engine.screen.screen(
                prose="".join(self.answer.prose) if self.answer is not None else "",
                code=code,
                has_code_block=True,
            )
        except GenerationError as error:
            return self._fail(error, keep_draft=True)
        except asyncio.CancelledError:
            task = asyncio.current_task()
            if task is not None:
                task.uncancel()
            return self._cancelled(current)
        return self._save(code, current, key)

    def _repair(self, code: str) -> str:
        """The model's final code with the deterministic repairs, judged once more by the checks if changed."""
        repaired = repair(code)
        checker = self.engine.checker
        if repaired.repairs and checker is not None:
            findings = checker(repaired.code)
            if findings:
                raise BlockedCode(findings)
        self.repairs = repaired.repairs
        return repaired.code

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
                "limit",
                f"The instruction is {len(text):,} characters; the limit is {limit:,} "
                "(COMPONENTGEN_MAX_PROMPT_CHARS). Shorten it, or pass large content as --data.",
            )

    def _check_can_ask(self, current: VersionRecord | None) -> None:
        """Route the request and check the budget, before any model is called."""
        request = self.request
        if request.fix is not None and self._code_to_fix(current) is None:
            raise GenerationError(
                "bad_request", f"{request.component!r} has no version yet, so there is nothing to fix."
            )
        self.route = choose_route(
            model=self.settings.model,
            edit_model=self.settings.edit_model,
            requested_model=request.model,
            current_code=current.code if current is not None else None,
            instruction=request.instruction,
            fix=request.fix is not None,
            component_model=self.component_model,
        )
        self.model = self.route.model
        check_budget(
            self.engine.ledger,
            self.user,
            budget_usd=self.settings.daily_budget_usd,
            budget_tokens=self.settings.daily_budget_tokens,
        )

    def _answer_from_cache(self, hit: VersionRecord, current: VersionRecord | None) -> GenerationOutcome:
        if current is None or current.number != hit.number:
            hit = self.store.set_current(hit.component, hit.number)
        from .gateway.errors import advice

        self.status("cached", f"Cached: version {hit.number}, no model call ({advice().ask_again}).")
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

    # Asking the model -------------------------------------------------------------------------------------

    def _code_to_fix(self, current: VersionRecord | None) -> str | None:
        """The code a fix request is about: a blocked draft it carries, else the current version's."""
        fix = self.request.fix
        if fix is None:
            return None
        if fix.code is not None:
            return fix.code
        return current.code if current is not None else None

    def _prompt(self, current: VersionRecord | None) -> PromptParts:
        request, prompts = self.request, self.engine.prompts
        fixed = self._code_to_fix(current)
        if request.fix is not None and fixed is not None:
            fix = request.fix
            return prompts.fix(request.component, fixed, fix.error_text(), fix.line, request.data)
        if current is None:
            return prompts.new_component(request.component, request.instruction, request.data)
        return prompts.edit(request.component, request.instruction, current.code, request.data)

    async def _generate(self, current: VersionRecord | None) -> str:
        assert self.route is not None
        parts = self._prompt(current)
        temperature = self.settings.temperature if self.settings.temperature >= 0 else None
        llm_request = LLMRequest(
            model=self.model,
            system=parts.system,
            messages=parts.messages,
            max_tokens=self.settings.max_tokens,
            temperature=temperature,
        )
        # Edits apply to the code the prompt showed: a blocked draft for its fix, else the current version.
        base = self._code_to_fix(current) if self.request.fix is not None else None
        if base is None and current is not None:
            base = current.code
        self.status("connecting", f"Asking {self.route.describe()}…")
        try:
            return await self._answer(llm_request, base, allow_edit=True)
        except EditMismatch as mismatch:
            # One whole-file rewrite from the main model, never a guess at where the edit belonged.
            model = self.requested_model
            self.route = Route(model, "rewrite", "edit did not apply: whole file from the main model")
            self.model = model
            self.status("retrying", f"{mismatch.message} Asking {model} for the whole file instead.")
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

    async def _answer(self, request: LLMRequest, base: str | None, *, allow_edit: bool) -> str:
        """One answer, continued while it stops on the output limit before its code is complete."""
        # Streamed code is checked as it will be saved: with its import aliases repaired (see _repair).
        checker = repairing_checker(self.engine.checker)
        answer = Answer(self.emit, base_code=base, checker=checker, allow_edit=allow_edit)
        self.answer = answer
        stop_reason = await self._stream(request, answer, None)
        while stop_reason == "max_tokens" and not answer.complete:
            if self.continuations >= self.settings.max_continuations:
                break
            self.continuations += 1
            self.status(
                "streaming",
                f"{self.model} hit its output limit; continuing the same component "
                f"({self.continuations} of at most {self.settings.max_continuations}).",
            )
            follow_up = continuation_request(
                dataclasses_replace_model(request, self.model),
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
                    self.streamed_chars += len(item.text)
                    self._maybe_status()
                elif isinstance(item, StreamEnd):
                    stop_reason = item.stop_reason
                    self.usage = self.usage + item.usage
                elif isinstance(item, Retrying):
                    self.requests += 1
                    self.status(
                        "retrying",
                        # The phase already says "retrying": say why, and when the next attempt starts.
                        f"{item.reason.replace('_', ' ')}; attempt {item.attempt} in {item.delay:.1f} s.",
                    )
                elif isinstance(item, FallingBack):
                    self.requests += 1
                    self.model = item.next
                    self.status(
                        "retrying",
                        f"{item.failed} failed ({item.error.code}); trying the fallback {item.next}.",
                    )
        if trimmer is not None:
            answer.feed(trimmer.finish())
        return stop_reason

    def _maybe_status(self) -> None:
        now = time.monotonic()
        if now - self.last_status < STATUS_INTERVAL_S:
            return
        self.last_status = now
        estimate = Usage(output_tokens=self.streamed_chars // CHARS_PER_TOKEN_ESTIMATE)
        self.status("streaming", f"Streaming from {self.model}…", estimate)

    def _check_size(self, code: str) -> None:
        size = len(code.encode("utf-8"))
        if size > self.settings.max_code_bytes:
            raise GenerationError(
                "limit",
                f"The component is {size:,} bytes; the limit is {self.settings.max_code_bytes:,} "
                "(COMPONENTGEN_MAX_CODE_BYTES).",
            )

    # Endings ----------------------------------------------------------------------------------------------

    def _save(self, code: str, current: VersionRecord | None, key: str) -> GenerationOutcome:
        self.status("saving", "Saving…")
        latency_ms = self.elapsed_ms
        answer = self.answer
        prompt = self.request.fix.instruction() if self.request.fix is not None else self.request.instruction
        version = self.store.add_version(
            self.request.component,
            code=code,
            prompt=prompt,
            parent=current.number if current else None,
            model=self.model,
            author="llm",
            usage=self.usage,
            latency_ms=latency_ms,
            explanation="".join(answer.prose).strip() if answer is not None else "",
            request_key=key,
            route=self.route,
            repairs=self.repairs,
        )
        # Requests that cannot see the kernel's variables (side-panel edits) describe the data from this.
        self.store.remember_data(self.request.component, self.request.data)
        self._record_usage("saved", version=version.number)
        self.emit(
            {
                "type": "message_stop",
                "version": version.number,
                "usage": self.usage.to_dict(),
                "stop_reason": self.stop_reason,
                "cached": False,
                "latency_ms": latency_ms,
            }
        )
        summary = _format_summary(version.number, self.usage, latency_ms / 1000, self.route, self.repairs)
        self.status("done", summary, self.usage)
        return self.outcome("saved", version=version, code=code)

    def _record_usage(
        self,
        status: Literal["saved", "failed", "cancelled"],
        *,
        version: int | None = None,
        draft: int | None = None,
    ) -> None:
        route = self.route
        if route is None or self.requests == 0:
            return
        self.engine.ledger.record(
            self.request.component,
            user=self.user,
            model=self.model,
            route=route.kind,
            reason=route.reason,
            status=status,
            requests=self.requests,
            usage=self.usage,
            version=version,
            draft=draft,
        )

    def _keep_draft(self, error: GenerationError, current: VersionRecord | None) -> int | None:
        answer = self.answer
        code = answer.draft_code if answer is not None else ""
        if answer is None or (not code and not answer.prose):
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
        self._record_usage("failed", draft=draft)
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
        code = self.answer.draft_code if self.answer is not None else ""
        return self.outcome("failed", code=code, error=error)

    def _cancelled(self, current: VersionRecord | None) -> GenerationOutcome:
        error = GenerationError("cancelled", CANCELLED, retryable=False)
        draft = self._keep_draft(error, current)
        self._record_usage("cancelled", draft=draft)
        self.emit(
            {
                "type": "error",
                "code": "cancelled",
                "message": CANCELLED,
                "retryable": False,
                "draft": draft,
            }
        )
        # The phase already says "cancelled": the message says only what that left behind.
        self.status("cancelled", kept_after_cancel(current.number if current else None), self.usage)
        code = self.answer.draft_code if self.answer is not None else ""
        return self.outcome("cancelled", code=code, error=error)


def dataclasses_replace_model(request: LLMRequest, model: str) -> LLMRequest:
    """``request`` addressed to ``model`` (a continuation goes to the model that wrote the first part)."""
    import dataclasses

    return dataclasses.replace(request, model=model)
