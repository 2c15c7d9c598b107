"""GenerationManager scheduling with a fake engine: limits, per-component order, retention, shutdown."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from jupyter_componentgen.engine.events import EventSink, EventStamper
from jupyter_componentgen.engine.generation import GenerationOutcome, GenerationRequest
from jupyter_componentgen.engine.usage import Usage
from jupyter_componentgen.server.generation_state import GenerationRefused, GenerationSpec
from jupyter_componentgen.server.generations import GenerationManager
from jupyter_componentgen.server.hub import Hub
from jupyter_componentgen.server.limits import ServerLimits
from jupyter_componentgen.server.notebooks import NotebookContext
from jupyter_componentgen.server.paths import NotebookFile
from jupyter_componentgen.store import Store


class FakeEngine:
    """Runs until released; records the order in which generations started."""

    def __init__(self) -> None:
        self.started: list[str] = []
        self.release: dict[str, asyncio.Event] = {}

    async def run(self, request: GenerationRequest, sink: EventSink, *, generation: str | None = None) -> Any:
        assert generation is not None
        self.started.append(request.component)
        emit = EventStamper(generation, sink)
        emit({"type": "status", "phase": "connecting", "message": "…"})
        try:
            await self.release.setdefault(request.component, asyncio.Event()).wait()
        except asyncio.CancelledError:
            asyncio.current_task().uncancel()  # type: ignore[union-attr]
            emit({"type": "status", "phase": "cancelled", "message": "Cancelled."})
            return GenerationOutcome(generation, "cancelled", None, "", None, Usage())
        emit({"type": "status", "phase": "error", "message": "no model here"})
        return GenerationOutcome(generation, "failed", None, "", None, Usage())


class Recorder:
    def __init__(self) -> None:
        self.texts: list[str] = []

    def send(self, text: str) -> None:
        self.texts.append(text)


@pytest.fixture
def engine() -> FakeEngine:
    return FakeEngine()


@pytest.fixture
def context(tmp_path: Path, engine: FakeEngine) -> NotebookContext:
    store = Store.for_notebook(tmp_path / "n.ipynb")
    return NotebookContext(NotebookFile("n.ipynb", tmp_path / "n.ipynb"), store, engine)  # type: ignore[arg-type]


def spec(component: str, user: str = "ada") -> GenerationSpec:
    return GenerationSpec(component, "make it", "m", False, user)


async def settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


async def test_total_limit_queues_and_starts_in_order(context: NotebookContext, engine: FakeEngine) -> None:
    manager = GenerationManager(Hub(), ServerLimits(max_concurrent_total=2, max_concurrent_per_user=10))
    generations = []
    for index, user in enumerate(["ada", "bob", "cy", "dan"]):
        generation = manager.submit(context, spec(f"c{index}", user))
        manager.launch(generation)
        generations.append(generation)
    await settle()
    assert engine.started == ["c0", "c1"]
    assert [g.state for g in generations] == ["running", "running", "queued", "queued"]
    assert "the server is running 2 generations" in generations[2].log.since(0)[0]["message"]

    engine.release.setdefault("c1", asyncio.Event()).set()
    await settle()
    assert engine.started == ["c0", "c1", "c2"]
    await manager.shutdown()
    assert {g.outcome.status for g in generations if g.outcome} == {"failed", "cancelled"}
    assert all(g.state == "finished" for g in generations)


async def test_one_generation_at_a_time_per_component(context: NotebookContext, engine: FakeEngine) -> None:
    manager = GenerationManager(Hub(), ServerLimits())
    first, second = manager.submit(context, spec("chart")), manager.submit(context, spec("chart"))
    manager.launch(first)
    manager.launch(second)
    await settle()
    assert engine.started == ["chart"]
    assert "Waiting for the running generation of chart" in second.log.since(0)[0]["message"]
    engine.release["chart"].set()
    await settle()
    assert engine.started == ["chart", "chart"]
    assert second.state == "finished"


async def test_finished_generations_are_kept_for_resume_within_the_limits(
    context: NotebookContext, engine: FakeEngine
) -> None:
    manager = GenerationManager(Hub(), ServerLimits(finished_kept=2))
    ids = []
    for index in range(3):
        engine.release.setdefault(f"c{index}", asyncio.Event()).set()
        generation = manager.submit(context, spec(f"c{index}"))
        manager.launch(generation)
        ids.append(generation.id)
        await settle()
    with pytest.raises(GenerationRefused) as forgotten:
        manager.resume(ids[0], Recorder(), 0)
    assert forgotten.value.code == "unknown_generation"
    replay = manager.resume(ids[2], Recorder(), 0)
    assert [e["seq"] for e in replay] == [1, 2]


async def test_followers_get_the_start_then_every_event(context: NotebookContext, engine: FakeEngine) -> None:
    hub = Hub()
    watcher, requester = Recorder(), Recorder()
    hub.subscribe(watcher, "n.ipynb", "chart")
    manager = GenerationManager(hub, ServerLimits())
    generation = manager.submit(context, spec("chart"))
    manager.launch(generation, requester=requester)
    await settle()
    assert watcher.texts == requester.texts
    assert '"generation_started"' in watcher.texts[0]
    assert '"connecting"' in watcher.texts[1]
    manager.cancel(generation.id)
    await settle()
    assert '"cancelled"' in watcher.texts[-1]
    with pytest.raises(GenerationRefused):
        manager.cancel(generation.id)
