"""One generation's steps: admission (admission.py), the cache, routing, the budget, the model (asking.py),
repairs, checks and the code's size, then a saved version, or a draft and the reason nothing was saved.

A failed or cancelled generation never replaces the current version; its partial output is kept as a draft.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from typing import TYPE_CHECKING, Literal, Protocol

from .asking import Conversation, ModelParts
from .checks.findings import BlockedCode
from .errors import GenerationError
from .events import Event, EventStamper
from .repairs import repair, repairs_note
from .request import CANCELLED, GenerationOutcome, GenerationRequest, kept_after_cancel, request_key
from .routing import Route, choose_route
from .usage import Usage

if TYPE_CHECKING:
    from .admission import Admission
    from .answer import Answer
    from .history import History, Ledger, VersionRecord
    from .screens.output import OutputScreen


class EngineParts(ModelParts, Protocol):
    """What a run uses of its engine (generation.py's ``Engine``)."""

    store: History
    ledger: Ledger
    admission: Admission
    screen: OutputScreen


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


class GenerationRun:
    """One generation's steps; lives only for the duration of Engine.run."""

    def __init__(self, engine: EngineParts, request: GenerationRequest, emit: EventStamper) -> None:
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
        self.talk = Conversation(engine, request, self, emit)
        # What the deterministic repairs changed in the model's final code (saved with the version).
        self.repairs: tuple[str, ...] = ()

    @property
    def elapsed_ms(self) -> int:
        return int((time.monotonic() - self.started) * 1000)

    @property
    def usage(self) -> Usage:
        return self.talk.usage

    @property
    def answer(self) -> Answer | None:
        return self.talk.answer

    @property
    def user(self) -> str:
        return self.request.user

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
        try:
            slot = await self.engine.admission.admit(self.request)
        except GenerationError as error:
            return self._fail(error, keep_draft=False)
        with slot:
            return await self._admitted()

    async def _admitted(self) -> GenerationOutcome:
        request = self.request
        current = self.store.current(request.component)
        if current is not None:
            self.component_model = self.store.component_model(request.component)
            self.requested_model = request.model or self.component_model or self.settings.model
            self.model = self.requested_model
        instruction = request.instruction
        fixed = self.talk.code_to_fix(current)
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
                    code = await self.talk.generate(current)
            except TimeoutError:
                from .gateway.errors import stream_timeout

                raise stream_timeout("total_timeout", self.settings.total_timeout) from None
            code = self._repair(code)
            self.engine.admission.check_code(code)
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

    def _check_can_ask(self, current: VersionRecord | None) -> None:
        """Route the request and check the budget, before any model is called."""
        request = self.request
        if request.fix is not None and self.talk.code_to_fix(current) is None:
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
        self.engine.admission.check_budget(self.user)

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
                "stop_reason": self.talk.stop_reason,
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
        if route is None or self.talk.requests == 0:
            return
        self.engine.ledger.record(
            self.request.component,
            user=self.user,
            model=self.model,
            route=route.kind,
            reason=route.reason,
            status=status,
            requests=self.talk.requests,
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
