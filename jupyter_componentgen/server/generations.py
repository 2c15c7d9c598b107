"""Generations as tasks owned by the server, not by a socket.

Each generation runs ``Engine.run`` for one (notebook, component). A socket that closes only stops
receiving; the generation goes on, and its bounded event log lets any socket resume it, also for a while
after it ended. Requests over a limit wait in one FIFO queue: at most ``max_concurrent_per_user`` per user,
``max_concurrent_total`` in all, and one at a time per component (an edit builds on the previous result).
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from collections import Counter, deque
from collections.abc import Callable
from typing import Literal

from jupyter_componentgen.engine.data import DataDescription
from jupyter_componentgen.engine.events import Event
from jupyter_componentgen.engine.gateway.errors import PANEL_ADVICE, advising
from jupyter_componentgen.engine.generation import Engine
from jupyter_componentgen.engine.request import GenerationOutcome, GenerationRequest

from . import messages_out as out
from . import metrics
from .event_log import ResumeGap
from .fixes import FixTracker
from .generation_state import Generation, GenerationRefused, GenerationSpec
from .hub import Hub, Listener
from .limits import ServerLimits
from .notebooks import HistoryUnavailable, NotebookContext, history_failure_reason

log = logging.getLogger(__name__)


class GenerationManager:
    def __init__(self, hub: Hub, limits: ServerLimits) -> None:
        self.hub = hub
        self.limits = limits
        self._generations: dict[str, Generation] = {}
        self._queue: deque[Generation] = deque()
        self._finished: deque[Generation] = deque()
        self._running_by_user: Counter[str] = Counter()
        self._running = 0
        self._busy_components: set[tuple[int, str]] = set()
        self.fixes = FixTracker()
        # Called with (context, component, version) whenever a generation's result is announced.
        self.on_announced: list[Callable[[NotebookContext, str, int], None]] = []

    # Requests

    def submit(self, context: NotebookContext, spec: GenerationSpec) -> Generation:
        """Register a generation (not started yet: call ``launch``); refused when the user's queue is full."""
        queued = sum(1 for g in self._queue if g.spec.user == spec.user)
        if queued >= self.limits.max_queued_per_user:
            raise GenerationRefused(
                "queue_full",
                f"{queued} of your generations are already waiting (the limit is "
                f"{self.limits.max_queued_per_user}). Wait for one to finish, or cancel one.",
            )
        generation = Generation(
            Engine.new_generation_id(), context, spec, self.limits.max_events_per_generation
        )
        self._generations[generation.id] = generation
        self.fixes.generation_asked(context, spec.component)
        return generation

    def launch(self, generation: Generation, requester: Listener | None = None) -> None:
        """Announce the generation and start it, or queue it behind the limits."""
        audience = self.hub.audience(generation.notebook, generation.spec.component)
        followers = [*audience, requester] if requester is not None else audience
        self.hub.begin(generation.id, followers)
        waiting_for = self._why_wait(generation)
        if waiting_for is None:
            self._start(generation, announce=False)
        else:
            self._queue.append(generation)
            metrics.QUEUED.inc()
        self.hub.send_to(self.hub.followers(generation.id), out.encode(generation.started_message()))
        if waiting_for is not None:
            self._record(generation, {"type": "status", "phase": "queued", "message": waiting_for})

    def cancel(self, generation_id: str) -> Generation:
        generation = self.get(generation_id)
        if generation.state == "finished":
            raise GenerationRefused(
                "already_finished", "That generation has already finished; there is nothing to cancel."
            )
        if generation.state == "queued":
            self._queue.remove(generation)
            metrics.QUEUED.dec()
            self._end_unstarted(generation, "cancelled", "It was still queued; nothing changed.")
        elif generation.task is not None:
            generation.task.cancel()
        return generation

    def resume(self, generation_id: str, listener: Listener, after_seq: int) -> list[Event]:
        """Events after ``after_seq`` to replay to ``listener``, which then follows the live stream."""
        generation = self.get(generation_id)
        events_log = generation.log
        if after_seq > events_log.last_seq:
            raise GenerationRefused(
                "bad_seq",
                f"after_seq {after_seq} is beyond the generation's last event ({events_log.last_seq}).",
            )
        try:
            events = events_log.since(after_seq)
        except ResumeGap as gap:
            raise GenerationRefused(
                "resume_gap",
                f"Events before seq {gap.first_kept} of this generation are no longer kept. "
                "Load the component's current version instead (GET .../versions).",
            ) from None
        if generation.state != "finished":
            self.hub.follow(generation.id, listener, events_log.last_seq)
        return events

    def get(self, generation_id: str) -> Generation:
        self._forget_old()
        generation = self._generations.get(generation_id)
        if generation is None:
            raise GenerationRefused(
                "unknown_generation",
                f"No generation {generation_id!r} on this server (it may have ended too long ago). "
                "Load the component's current version instead.",
            )
        return generation

    def active(self, notebook: str, component: str | None = None) -> list[Generation]:
        return [
            g
            for g in self._generations.values()
            if g.state != "finished"
            and g.notebook == notebook
            and (component is None or g.spec.component == component)
        ]

    def envelope(self, generation: Generation, event: Event) -> str:
        return out.encode(out.event_envelope(generation.notebook, generation.spec.component, event))

    async def shutdown(self) -> None:
        queued, self._queue = list(self._queue), deque()
        for generation in queued:
            metrics.QUEUED.dec()
            self._end_unstarted(generation, "cancelled", "The server is shutting down; nothing changed.")
        tasks = [g.task for g in self._generations.values() if g.task is not None and not g.task.done()]
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.wait(tasks, timeout=5)

    # Scheduling

    def _why_wait(self, generation: Generation) -> str | None:
        limits = self.limits
        if generation.component_key in self._busy_components:
            return f"Waiting for the running generation of {generation.spec.component} to finish."
        if self._running_by_user[generation.spec.user] >= limits.max_concurrent_per_user:
            return (
                f"Queued: {limits.max_concurrent_per_user} of your generations are running "
                "(the per-user limit); this one starts when one of them ends."
            )
        if self._running >= limits.max_concurrent_total:
            return (
                f"Queued: the server is running {limits.max_concurrent_total} generations (its limit); "
                "this one starts when a slot frees up."
            )
        return None

    def _pump(self) -> None:
        for generation in list(self._queue):
            if self._running >= self.limits.max_concurrent_total:
                return
            if (
                generation.component_key in self._busy_components
                or self._running_by_user[generation.spec.user] >= self.limits.max_concurrent_per_user
            ):
                continue
            self._queue.remove(generation)
            metrics.QUEUED.dec()
            metrics.QUEUE_WAIT.observe(time.monotonic() - generation.created_at)
            self._start(generation, announce=True)

    def _start(self, generation: Generation, *, announce: bool) -> None:
        generation.state = "running"
        generation.started_at = time.monotonic()
        self._running += 1
        self._running_by_user[generation.spec.user] += 1
        self._busy_components.add(generation.component_key)
        metrics.ACTIVE.inc()
        if announce:
            text = out.encode(generation.started_message())
            self.hub.send_to_notebook(
                generation.notebook, generation.spec.component, text, self.hub.followers(generation.id)
            )
        generation.task = asyncio.create_task(self._run(generation), name=f"componentgen-{generation.id}")

    async def _run(self, generation: Generation) -> None:
        spec = generation.spec
        # A request that names no model is routed by the engine like a cell's (the component's own model,
        # else model or edit_model), so cell and panel requests share cache keys and routes.
        request = GenerationRequest(
            spec.component,
            spec.instruction,
            data=self._data_description(generation),
            model=spec.model,
            regenerate=spec.regenerate,
            fix=spec.fix,
            user=spec.user,
        )
        try:
            async with generation.context.use() as context:
                with advising(PANEL_ADVICE):  # messages speak of the panel's model list, not of --model
                    outcome = await context.engine.run(
                        request, lambda event: self._record(generation, event), generation=generation.id
                    )
        except asyncio.CancelledError:
            # Cancelled before the engine started (e.g. while the notebook was being moved).
            task = asyncio.current_task()
            if task is not None:
                task.uncancel()
            outcome = self._synthesise_end(generation, "cancelled", "It had not started; nothing changed.")
        except HistoryUnavailable as error:
            outcome = self._synthesise_end(generation, "internal", error.message)
        except (sqlite3.Error, OSError) as error:
            # The history failed under the engine: say which file and what to do, never a server path.
            log.warning("jupyter-componentgen: history of %s failed: %s", generation.notebook, error)
            context = generation.context
            unavailable = HistoryUnavailable(
                context.api_path, shared=context.shared_store, reason=history_failure_reason(error)
            )
            outcome = self._synthesise_end(generation, "internal", unavailable.message)
        except Exception:
            log.exception("jupyter-componentgen: generation %s failed unexpectedly", generation.id)
            outcome = self._synthesise_end(
                generation, "internal", "The server failed while generating; see the server log. Try again."
            )
        self._finish(generation, outcome)

    @staticmethod
    def _data_description(generation: Generation) -> DataDescription | None:
        """The panel cannot see the kernel's variables: tell the model what the cell last told it about the
        data. Optional: a history that fails here fails the generation itself a moment later, clearly."""
        try:
            return generation.context.store.data_description(generation.spec.component)
        except (sqlite3.Error, OSError):
            return None

    def _record(self, generation: Generation, event: Event) -> None:
        """The engine's event sink: number, keep, measure and fan out one event."""
        event["generation"] = generation.id  # the engine's events have it; the server's own need it too
        event = generation.log.append(event)
        generation.note_timing(event)
        self.hub.send_event(generation.id, event["seq"], self.envelope(generation, event))

    def _synthesise_end(
        self, generation: Generation, code: Literal["cancelled", "internal"], message: str
    ) -> GenerationOutcome:
        """The error and status events the engine would have sent, for a generation it never ran."""
        outcome = GenerationOutcome.never_ran(generation.id, code, message)
        for event in outcome.closing_events():
            self._record(generation, event)
        return outcome

    def _end_unstarted(self, generation: Generation, code: Literal["cancelled"], message: str) -> None:
        self._finish(generation, self._synthesise_end(generation, code, message))

    def _finish(self, generation: Generation, outcome: GenerationOutcome) -> None:
        was_running = generation.state == "running"
        generation.state = "finished"
        generation.outcome = outcome
        generation.finished_at = time.monotonic()
        if was_running:
            self._running -= 1
            self._running_by_user[generation.spec.user] -= 1
            if self._running_by_user[generation.spec.user] <= 0:
                del self._running_by_user[generation.spec.user]
            self._busy_components.discard(generation.component_key)
            metrics.ACTIVE.dec()
        used = outcome.route.model if outcome.route is not None else generation.spec.shown_model
        metrics.record_outcome(outcome.status, used, outcome.usage)
        if outcome.status == "saved" and outcome.version is not None:
            fixes, spec = self.fixes, generation.spec
            fixes.saved(
                generation.context, spec.component, outcome.version.number, is_fix=spec.fix is not None
            )
        followers = self.hub.end(generation.id)
        self._announce_result(generation, outcome, followers)
        self._finished.append(generation)
        self._forget_old()
        self._pump()

    def _announce_result(
        self, generation: Generation, outcome: GenerationOutcome, followers: list[Listener]
    ) -> None:
        version = outcome.version
        if version is None or outcome.status not in ("saved", "cached"):
            return
        notebook, component = generation.notebook, generation.spec.component
        for callback in self.on_announced:
            callback(generation.context, component, version.number)
        if outcome.status == "saved":
            saved = out.version_saved(notebook, component, version.number, generation.id)
            self.hub.send_to_notebook(notebook, component, out.encode(saved), followers)
        reason: out.UpdateReason = "generated" if outcome.status == "saved" else "cached"
        updated = out.component_updated(notebook, component, version.number, version.code, reason)
        self.hub.send_to_notebook(notebook, component, out.encode(updated), followers)

    def _forget_old(self) -> None:
        """Drop finished generations beyond the last ``finished_kept`` or older than the time to live."""
        deadline = time.monotonic() - self.limits.finished_ttl_seconds
        finished = self._finished
        while finished and (
            len(finished) > self.limits.finished_kept or (finished[0].finished_at or 0.0) < deadline
        ):
            self._generations.pop(finished.popleft().id, None)
