"""Routing: the cheaper edit_model serves small edits, the main model new components, rewrites and fixes;
the choice and its reason show in the status and are kept with the version."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from jupyter_componentgen.config import engine_settings, load_settings
from jupyter_componentgen.engine.events import Event
from jupyter_componentgen.engine.generation import Engine, GenerationRequest
from jupyter_componentgen.engine.routing import Route, choose_route, small_edit_problem
from jupyter_componentgen.engine.usage import Usage
from jupyter_componentgen.resources import load_schema
from jupyter_componentgen.store import Store
from tests.provider import Script, ScriptedProvider, recording

COUNTER = recording("counter_button")
FAST = 5000.0
MAIN = "anthropic/claude-sonnet-5-5"
CHEAP = "anthropic/claude-haiku-5-5"


def route(**kwargs: Any) -> Any:
    values: dict[str, Any] = {
        "model": MAIN,
        "edit_model": CHEAP,
        "requested_model": None,
        "current_code": "export default function A() { return null; }\n",
        "instruction": "make the title bold",
    }
    return choose_route(**{**values, **kwargs})


def test_choose_route() -> None:
    assert (route().model, route().kind) == (CHEAP, "edit")
    assert (route(current_code=None).model, route(current_code=None).kind) == (MAIN, "new")
    assert route(fix=True).model == MAIN
    assert route(fix=True).kind == "fix"
    assert route(requested_model="gpt-4.1").model == "gpt-4.1"
    assert route(edit_model="").model == MAIN
    rewrite = route(instruction="Rewrite it from scratch as a table")
    assert (rewrite.model, rewrite.kind) == (MAIN, "rewrite")
    assert "rewrite" in rewrite.reason
    assert route(instruction="x" * 401).model == MAIN
    assert route(current_code="x" * 20_000).model == MAIN
    assert small_edit_problem("make it green", "code") is None


def make_engine(tmp_path: Path, **overrides: Any) -> Engine:
    settings = load_settings(
        model=MAIN,
        edit_model=CHEAP,
        first_token_timeout=2.0,
        idle_timeout=2.0,
        max_retries=0,
        **overrides,
    )
    return Engine(engine_settings(settings), Store.for_notebook(tmp_path / "analysis.ipynb"))


def run(engine: Engine, instruction: str, **kwargs: Any) -> tuple[Any, list[Event]]:
    events: list[Event] = []
    outcome = asyncio.run(engine.run(GenerationRequest("counter", instruction, **kwargs), events.append))
    return outcome, events


def test_small_edit_goes_to_edit_model_and_the_route_is_shown_and_stored(
    tmp_path: Path, llm_env: ScriptedProvider
) -> None:
    edited = COUNTER.replace("bg-indigo-600", "bg-emerald-600")
    llm_env.enqueue(Script(COUNTER, tokens_per_second=FAST), Script(edited, tokens_per_second=FAST))
    engine = make_engine(tmp_path)

    first, first_events = run(engine, "A button that counts clicks")
    second, second_events = run(engine, "make it green")

    assert [r.body["model"] for r in llm_env.requests if r.body] == ["claude-sonnet-5-5", "claude-haiku-5-5"]
    assert first.version is not None
    assert second.version is not None
    assert (first.version.model, second.version.model) == (MAIN, CHEAP)
    connecting = next(e for e in second_events if e["type"] == "status" and e["phase"] == "connecting")
    assert "small edit" in connecting["message"]
    assert connecting["model"] == CHEAP
    assert "small edit" in second_events[-1]["message"]
    ledger = engine.ledger
    assert ledger.route("counter", 1) is not None
    assert ledger.route("counter", 1).route == "new"  # type: ignore[union-attr]
    stored = ledger.route("counter", 2)
    assert stored is not None
    assert (stored.model, stored.route) == (CHEAP, "edit")
    assert "small edit" in stored.reason
    assert "new component" in next(e["message"] for e in first_events if e.get("phase") == "connecting")


def test_routing_does_not_change_cache_keys(tmp_path: Path, llm_env: ScriptedProvider) -> None:
    llm_env.enqueue(Script(COUNTER, tokens_per_second=FAST), Script(COUNTER, tokens_per_second=FAST))
    engine = make_engine(tmp_path)
    run(engine, "A button that counts clicks")
    run(engine, "make it green")
    calls = len(llm_env.requests)

    again_first, _ = run(engine, "A button that counts clicks")
    again_second, _ = run(engine, "make it green")

    assert (again_first.status, again_second.status) == ("cached", "cached")
    assert len(llm_env.requests) == calls


def test_an_explicit_model_wins(tmp_path: Path, llm_env: ScriptedProvider) -> None:
    llm_env.enqueue(Script(COUNTER, tokens_per_second=FAST), Script(COUNTER, tokens_per_second=FAST))
    engine = make_engine(tmp_path)
    run(engine, "A button that counts clicks")
    outcome, _ = run(engine, "make it green", model=MAIN)
    assert outcome.route is not None
    assert (outcome.route.model, outcome.route.kind) == (MAIN, "chosen")
    assert llm_env.requests[-1].body is not None
    assert llm_env.requests[-1].body["model"] == "claude-sonnet-5-5"


def test_prompt_cache_marks_the_system_prompt_and_cached_tokens_are_recorded_and_shown(
    tmp_path: Path, llm_env: ScriptedProvider
) -> None:
    llm_env.enqueue(Script(COUNTER, tokens_per_second=FAST, input_tokens=300, cached_tokens=900))
    engine = make_engine(tmp_path)
    outcome, events = run(engine, "A button that counts clicks")

    body = llm_env.requests[0].body
    assert body is not None
    assert body["system"][0]["cache_control"] == {"type": "ephemeral"}
    assert outcome.version is not None
    assert outcome.version.usage.cached_tokens == 900
    assert outcome.version.usage.cost is not None
    assert "900 cached" in events[-1]["message"]
    assert engine.ledger.for_version("counter", 1).cached_tokens == 900


# The route on status events and on the saved version ------------------------------------------------------


def statuses(events: list[Event]) -> list[Event]:
    return [e for e in events if e["type"] == "status"]


def test_status_events_carry_the_route_once_routed_and_the_version_keeps_it(
    tmp_path: Path, llm_env: ScriptedProvider
) -> None:
    edited = COUNTER.replace("bg-indigo-600", "bg-emerald-600")
    llm_env.enqueue(Script(COUNTER, tokens_per_second=FAST), Script(edited, tokens_per_second=FAST))
    engine = make_engine(tmp_path)
    validator = jsonschema.Draft202012Validator(load_schema("events"))

    _, first_events = run(engine, "A button that counts clicks")
    second, second_events = run(engine, "make it green")

    for event in first_events + second_events:
        validator.validate(event)
    new_route = {"kind": "new", "model": MAIN, "reason": "new component: main model"}
    assert all(e["route"] == new_route for e in statuses(first_events))
    small_edit = {"kind": "edit", "model": CHEAP, "reason": "small edit: edit_model"}
    assert all(e["route"] == small_edit for e in statuses(second_events))
    assert statuses(second_events)[0]["phase"] == "connecting", "routed before the first status"
    assert second.version is not None
    assert second.version.route == second.route
    stored = engine.store.version("counter", 2)
    assert stored is not None
    assert stored.route is not None
    assert stored.route.to_dict() == small_edit
    exported = stored.to_export(current=True)
    assert exported["route"] == small_edit
    jsonschema.Draft202012Validator(load_schema("version")).validate(exported)


def test_a_cached_answer_has_no_route_and_a_rewrite_after_a_failed_edit_shows_its_own(
    tmp_path: Path, llm_env: ScriptedProvider
) -> None:
    missing = "/// EDIT CounterButton\n<<<<<<< SEARCH\nnot in the code\n=======\nx\n>>>>>>> REPLACE\n/// END CounterButton\n"
    llm_env.enqueue(
        Script(COUNTER, tokens_per_second=FAST),
        Script(missing, tokens_per_second=FAST),
        Script(COUNTER.replace("bg-indigo-600", "bg-amber-600"), tokens_per_second=FAST),
    )
    engine = make_engine(tmp_path)
    run(engine, "A button that counts clicks")

    cached, cached_events = run(engine, "A button that counts clicks")
    edited, edit_events = run(engine, "make it amber")

    assert cached.status == "cached"
    assert all("route" not in e for e in statuses(cached_events)), "no model was asked, so no route"
    kinds = [e["route"]["kind"] for e in statuses(edit_events)]
    assert kinds[0] == "edit"
    retry = next(e for e in statuses(edit_events) if e["phase"] == "retrying")
    assert retry["route"] == {
        "kind": "rewrite",
        "model": MAIN,
        "reason": "edit did not apply: whole file from the main model",
    }
    assert edited.version is not None
    assert edited.version.route is not None
    assert edited.version.route.kind == "rewrite"


def test_a_history_from_before_routes_were_kept_is_upgraded_in_place(tmp_path: Path) -> None:
    from jupyter_componentgen.store.schema import MIGRATIONS

    db_path = tmp_path / ".componentgen" / "history.sqlite"
    db_path.parent.mkdir()
    old = sqlite3.connect(db_path)
    old.executescript(MIGRATIONS[0])  # the tables as the first release made them
    old.execute(
        "INSERT INTO components (notebook, name, current, updated_at) VALUES ('analysis.ipynb', 'counter', 1, 0)"
    )
    old.execute(
        "INSERT INTO versions (component_id, number, code, prompt, model, author, created_at) "
        "VALUES (1, 1, 'export default function A() { return null; }', 'first', 'm', 'llm', 0)"
    )
    old.execute("PRAGMA user_version = 1")
    old.commit()
    old.close()

    store = Store.for_notebook(tmp_path / "analysis.ipynb")
    before = store.current("counter")
    assert before is not None
    assert (before.code, before.route) == ("export default function A() { return null; }", None)
    assert before.to_export(current=True)["route"] is None
    route = Route(CHEAP, "edit", "small edit: edit_model")
    saved = store.add_version(
        "counter", code="x", prompt="p", parent=1, model=CHEAP, author="llm", usage=Usage(), latency_ms=1,
        route=route,
    )  # fmt: skip
    store.close()

    reopened = Store.for_notebook(tmp_path / "analysis.ipynb")
    assert [v.route for v in reopened.versions("counter")] == [None, route]
    assert saved.route == route
    reopened.close()
    check = sqlite3.connect(db_path)
    assert check.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    with pytest.raises(sqlite3.DatabaseError, match="immutable"):
        check.execute("UPDATE versions SET route_kind = 'new'")
    check.close()
