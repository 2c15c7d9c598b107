"""The versioned component store: numbering, the current pointer, branches, the cache rule, concurrency."""

from __future__ import annotations

import dataclasses
import multiprocessing
import sqlite3
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from jupyter_componentgen.engine.usage import Usage
from jupyter_componentgen.resources import load_schema
from jupyter_componentgen.store import Store, StoreVersionError, VersionNotFoundError, VersionRecord


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.for_notebook(tmp_path / "analysis.ipynb") as opened:
        yield opened


def add(
    store: Store,
    component: str = "sales",
    *,
    parent: int | None = None,
    key: str | None = None,
    code: str | None = None,
    make_current: bool = True,
) -> VersionRecord:
    return store.add_version(
        component,
        code=code if code is not None else f"export default () => 'v of {component}';",
        prompt=f"prompt for {key}",
        parent=parent,
        model="anthropic/claude-sonnet-4-5",
        author="llm",
        usage=Usage(input_tokens=120, output_tokens=340, cached_tokens=100, cost=0.0042),
        latency_ms=1500,
        explanation="Made it.",
        request_key=key,
        make_current=make_current,
    )


def test_versions_are_numbered_per_component_and_read_back_unchanged(store: Store) -> None:
    first = add(store, code="one")
    second = add(store, parent=1, code="two")
    other = add(store, "other")

    assert [first.number, second.number, other.number] == [1, 2, 1]
    assert store.version("sales", 1) == first
    assert store.version("sales", 2) == second
    assert store.versions("sales") == [first, second]
    assert store.version("sales", 3) is None
    assert store.version("missing", 1) is None
    assert second.usage == Usage(120, 340, 100, 0.0042)
    assert second.parent == 1
    assert second.model == "anthropic/claude-sonnet-4-5"
    assert second.latency_ms == 1500
    assert second.explanation == "Made it."


def test_stored_versions_cannot_be_rewritten(store: Store) -> None:
    record = add(store, code="original")
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.code = "changed"  # type: ignore[misc]

    raw = sqlite3.connect(store.db_path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="immutable"):
            raw.execute("UPDATE versions SET code = 'changed'")
    finally:
        raw.close()
    assert store.version("sales", 1) == record


def test_current_pointer_follows_adds_unless_asked_not_to(store: Store) -> None:
    assert store.current("sales") is None
    add(store)
    second = add(store, parent=1)
    assert store.current("sales") == second

    third = add(store, parent=2, make_current=False)
    assert store.current("sales") == second
    assert store.version("sales", 3) == third

    [summary] = store.components()
    assert (summary.name, summary.current, summary.versions) == ("sales", 2, 3)
    assert summary.model == "anthropic/claude-sonnet-4-5"


def test_rollback_then_add_branches_from_the_rolled_back_version(store: Store) -> None:
    add(store)
    add(store, parent=1)
    add(store, parent=2)

    restored = store.set_current("sales", 1)
    assert restored.number == 1
    assert store.current("sales") == restored

    branch = add(store, parent=store.current("sales").number)  # type: ignore[union-attr]
    assert (branch.number, branch.parent) == (4, 1)
    assert store.current("sales") == branch
    assert [v.number for v in store.versions("sales")] == [1, 2, 3, 4]


def test_set_current_to_a_missing_version_says_so(store: Store) -> None:
    add(store)
    with pytest.raises(VersionNotFoundError) as caught:
        store.set_current("sales", 7)
    assert isinstance(caught.value, KeyError)
    assert str(caught.value).startswith("Component 'sales' has no version 7")
    assert store.current("sales").number == 1  # type: ignore[union-attr]

    with pytest.raises(VersionNotFoundError):
        add(store, parent=9)
    assert len(store.versions("sales")) == 1


def test_find_cached_only_matches_the_current_lineage(store: Store) -> None:
    v1 = add(store, key="A")
    v2 = add(store, parent=1, key="B")
    v3 = add(store, parent=2, key="C")

    assert store.find_cached("sales", "C") == v3  # the current version itself
    assert store.find_cached("sales", "A") == v1  # an ancestor: an earlier cell re-run
    assert store.find_cached("sales", "Z") is None  # a different request

    store.set_current("sales", 1)
    v4 = add(store, parent=1, key="D")
    assert store.find_cached("sales", "B") is None  # v2 lives on a sibling branch now
    assert store.find_cached("sales", "C") is None
    assert store.find_cached("sales", "D") == v4
    assert store.find_cached("sales", "A") == v1

    store.set_current("sales", 1)
    assert store.find_cached("sales", "B") == v2  # built on the current version: the same edit asked again
    assert store.find_cached("sales", "C") is None  # a grandchild is not a direct answer
    assert store.find_cached("other", "A") is None


def test_find_cached_prefers_the_newest_match(store: Store) -> None:
    add(store, key="K")
    add(store, parent=1, key="E")
    add(store, parent=1, key="E", make_current=False)
    store.set_current("sales", 1)
    assert store.find_cached("sales", "E").number == 3  # type: ignore[union-attr]


def test_drafts_are_kept_apart_and_never_become_current(store: Store) -> None:
    good = add(store)
    draft = store.add_draft(
        "sales",
        code="export default function Sal",
        prompt="make it blue",
        parent=1,
        model="gpt-4.1",
        error_code="truncated",
        error_message="The model stopped before the end of the component.",
        usage=Usage(10, 20),
    )
    assert draft.id >= 1
    assert store.drafts("sales") == [draft]
    assert store.current("sales") == good
    assert store.versions("sales") == [good]

    store.add_draft(
        "fresh", code="", prompt="x", parent=None, model=None, error_code="cancelled", error_message="-",
        usage=Usage(),
    )  # fmt: skip
    assert store.current("fresh") is None
    summaries = {s.name: s for s in store.components()}
    assert (summaries["fresh"].versions, summaries["fresh"].current) == (0, None)


def test_history_survives_closing_and_reopening(tmp_path: Path) -> None:
    notebook = tmp_path / "nb.ipynb"
    first = Store.for_notebook(notebook)
    add(first, key="A")
    add(first, parent=1, key="B")
    first.set_current("sales", 1)
    first.close()

    again = Store.for_notebook(notebook)
    try:
        assert [v.number for v in again.versions("sales")] == [1, 2]
        assert again.current("sales").number == 1  # type: ignore[union-attr]
        assert again.find_cached("sales", "B").number == 2  # type: ignore[union-attr]
    finally:
        again.close()
    # A closed store reopens on the next call.
    assert first.current("sales").number == 1  # type: ignore[union-attr]
    first.close()


def test_reading_a_notebook_without_history_creates_nothing(tmp_path: Path) -> None:
    store = Store.for_notebook(tmp_path / "nb.ipynb")
    assert store.components() == []
    assert store.current("x") is None
    assert store.versions("x") == []
    assert store.drafts("x") == []
    assert store.find_cached("x", "k") is None
    assert list(tmp_path.iterdir()) == []

    add(store)
    assert (tmp_path / ".componentgen" / "history.sqlite").is_file()
    store.close()


def test_notebook_keys_with_and_without_a_store_dir(tmp_path: Path) -> None:
    notebook = tmp_path / "work" / "nb.ipynb"
    beside = Store.for_notebook(notebook)
    assert beside.db_path == tmp_path / "work" / ".componentgen" / "history.sqlite"
    assert beside.notebook == "nb.ipynb"

    central = Store.for_notebook(notebook, tmp_path / "histories")
    assert central.db_path == tmp_path / "histories" / "history.sqlite"
    assert central.notebook == str(notebook.resolve())

    add(central, code="kept centrally")
    other_notebook = Store.for_notebook(tmp_path / "other" / "nb.ipynb", str(tmp_path / "histories"))
    assert other_notebook.components() == []
    # The kernel and the server each open their own Store for the same notebook: one history.
    server_side = Store.for_notebook(tmp_path / "work" / ".." / "work" / "nb.ipynb", tmp_path / "histories")
    assert server_side.current("sales").code == "kept centrally"  # type: ignore[union-attr]
    for opened in (central, other_notebook, server_side):
        opened.close()


def test_export_validates_against_the_version_schema(store: Store) -> None:
    validator = jsonschema.Draft202012Validator(
        load_schema("version"), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    add(store)
    user_edit = store.add_version(
        "sales", code="x", prompt="", parent=1, model=None, author="user", usage=Usage(), latency_ms=None
    )
    exported = [v.to_export(current=v.number == 2) for v in store.versions("sales")]
    for item in exported:
        validator.validate(item)
    assert exported[1]["current"] is True
    assert exported[1]["usage"]["cost"] is None
    assert exported[0]["created_at"].endswith("+00:00")
    assert user_edit.to_export(current=True) == exported[1]


def test_a_file_from_a_newer_release_is_refused_clearly(tmp_path: Path) -> None:
    store = Store.for_notebook(tmp_path / "nb.ipynb")
    add(store)
    store.close()
    raw = sqlite3.connect(store.db_path)
    raw.execute("PRAGMA user_version = 99")
    raw.close()
    with pytest.raises(StoreVersionError, match="newer jupyter-componentgen"):
        store.components()


def test_threads_share_one_store_safely(store: Store) -> None:
    with ThreadPoolExecutor(max_workers=4) as pool:
        numbers = list(pool.map(lambda _: add(store).number, range(40)))
    assert sorted(numbers) == list(range(1, 41))


def _write_versions(db_path: str, start: Any, count: int) -> list[int]:
    store = Store(Path(db_path), "nb.ipynb")
    start.wait()
    numbers = [add(store, parent=None).number for _ in range(count)]
    store.close()
    return numbers


def test_two_processes_writing_at_once_get_distinct_consecutive_numbers(tmp_path: Path) -> None:
    db_path = str(tmp_path / ".componentgen" / "history.sqlite")
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager:
        start = manager.Barrier(2)
        with context.Pool(2) as pool:
            results = [pool.apply_async(_write_versions, (db_path, start, 50)) for _ in range(2)]
            per_process = [result.get(timeout=120) for result in results]

    for numbers in per_process:
        assert numbers == sorted(numbers)
    assert sorted(per_process[0] + per_process[1]) == list(range(1, 101))
    with Store(Path(db_path), "nb.ipynb") as store:
        assert [v.number for v in store.versions("sales")] == list(range(1, 101))
        assert store.current("sales") is not None


def test_the_last_data_description_is_kept_per_component(store: Store, tmp_path: Path) -> None:
    from jupyter_componentgen.engine.data import describe_data

    assert store.data_description("sales") is None, "no history yet"
    add(store, "sales")
    assert store.data_description("sales") is None
    data = describe_data([{"region": "North", "revenue": 120}, {"region": "South", "revenue": 95}])
    store.remember_data("sales", data)
    assert store.data_description("sales") == data
    assert store.data_description("other") is None
    store.close()

    reopened = Store.for_notebook(tmp_path / "analysis.ipynb")
    assert reopened.data_description("sales") == data, "kept on disk, for the server's process too"
    reopened.remember_data("sales", None)
    assert reopened.data_description("sales") is None, "a component that lost its data"
    reopened.close()


def test_an_unreadable_data_description_is_no_description(store: Store) -> None:
    add(store, "sales")
    for stored in ("not json", "[1, 2]", '{"kind": "table", "schema": "", "sample": "", "rows": 1}'):
        with store._writing() as db:
            db.execute("UPDATE components SET data_description = ?", (stored,))
        assert store.data_description("sales") is None, stored


def test_a_history_from_before_data_descriptions_were_kept_is_upgraded(tmp_path: Path) -> None:
    from jupyter_componentgen.engine.data import describe_data
    from jupyter_componentgen.store.schema import MIGRATIONS

    db_path = tmp_path / ".componentgen" / "history.sqlite"
    db_path.parent.mkdir()
    old = sqlite3.connect(db_path)
    for script in MIGRATIONS[:2]:  # the tables as schema 2 made them
        old.executescript(script)
    old.execute(
        "INSERT INTO components (notebook, name, current, updated_at) VALUES ('analysis.ipynb', 'sales', NULL, 0)"
    )
    old.execute("PRAGMA user_version = 2")
    old.commit()
    old.close()

    upgraded = Store.for_notebook(tmp_path / "analysis.ipynb")
    assert upgraded.data_description("sales") is None
    data = describe_data({"total": 3})
    upgraded.remember_data("sales", data)
    assert upgraded.data_description("sales") == data
    upgraded.close()


REPAIRS = ('removed the `"use client"` directive', "added `export default Weather`")


def test_repairs_are_kept_with_the_version_and_exported(store: Store, tmp_path: Path) -> None:
    plain = add(store)
    repaired = store.add_version(
        "sales", code="export default Weather;", prompt="", parent=1, model=None, author="user",
        usage=Usage(), latency_ms=None, repairs=REPAIRS,
    )  # fmt: skip
    assert repaired.repairs == REPAIRS
    assert plain.repairs == ()
    store.close()

    with Store.for_notebook(tmp_path / "analysis.ipynb") as reopened:
        versions = reopened.versions("sales")
        assert [v.repairs for v in versions] == [(), REPAIRS]
        assert versions[1] == repaired
        exported = [v.to_export(current=v.number == 2) for v in versions]
    validator = jsonschema.Draft202012Validator(load_schema("version"))
    for item in exported:
        validator.validate(item)
    assert [item["repairs"] for item in exported] == [[], list(REPAIRS)]
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({**exported[1], "repairs": "added an export"})


def test_unreadable_stored_repairs_read_as_none(store: Store) -> None:
    add(store)
    with sqlite3.connect(store.db_path) as db:
        db.execute("DROP TRIGGER versions_are_immutable")
        for stored in ("not json", '{"a": 1}', '["kept", 3]'):
            db.execute("UPDATE versions SET repairs = ?", (stored,))
            db.commit()
            expected = ("kept",) if stored.startswith("[") else ()
            assert store.versions("sales")[0].repairs == expected, stored


def test_a_history_from_before_repairs_were_kept_is_upgraded(tmp_path: Path) -> None:
    from jupyter_componentgen.store.schema import MIGRATIONS, SCHEMA_VERSION

    db_path = tmp_path / ".componentgen" / "history.sqlite"
    db_path.parent.mkdir()
    old = sqlite3.connect(db_path)
    for script in MIGRATIONS[:3]:  # the tables as schema 3 made them
        old.executescript(script)
    old.execute(
        "INSERT INTO components (notebook, name, current, updated_at) VALUES ('analysis.ipynb', 'sales', 1, 0)"
    )
    old.execute(
        "INSERT INTO versions (component_id, number, code, prompt, author, created_at) "
        "VALUES (1, 1, 'export default () => null;', 'p', 'llm', 0)"
    )
    old.execute("PRAGMA user_version = 3")
    old.commit()
    old.close()

    with Store.for_notebook(tmp_path / "analysis.ipynb") as upgraded:
        before = upgraded.current("sales")
        assert before is not None
        assert before.repairs == ()
        assert before.to_export(current=True)["repairs"] == []
        after = upgraded.add_version(
            "sales", code="x", prompt="", parent=1, model=None, author="user", usage=Usage(), latency_ms=None,
            repairs=REPAIRS,
        )  # fmt: skip
        assert upgraded.current("sales") == after
    check = sqlite3.connect(db_path)
    assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
    check.close()
