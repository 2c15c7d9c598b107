"""The server's pieces without a server: message parsing, event log, fan-out, history moves."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from jupyter_componentgen.engine.usage import Usage
from jupyter_componentgen.resources import load_schema
from jupyter_componentgen.server.event_log import EventLog, ResumeGap
from jupyter_componentgen.server.hub import Hub
from jupyter_componentgen.server.messages_in import (
    BadMessage,
    Cancel,
    Generate,
    Resume,
    Subscribe,
    parse_client_message,
)
from jupyter_componentgen.server.paths import NotebookPathError, normalise_api_path
from jupyter_componentgen.store import Store
from jupyter_componentgen.store.moves import move_between, rekey, rekey_prefix

WS = jsonschema.Draft202012Validator(load_schema("ws"))


def parse(message: Any) -> Any:
    return parse_client_message(json.dumps(message), max_bytes=10_000, max_instruction_chars=1_000)


VALID = [
    (
        {
            "type": "generate",
            "id": "1",
            "notebook": "a.ipynb",
            "component": "c",
            "instruction": "x",
            "regenerate": True,
        },
        Generate("1", "a.ipynb", "c", "x", None, True, edit=False),
    ),
    (
        {
            "type": "edit",
            "id": "1",
            "notebook": "a.ipynb",
            "component": "c-2",
            "instruction": "x",
            "model": "m",
        },
        Generate("1", "a.ipynb", "c-2", "x", "m", False, edit=True),
    ),
    ({"type": "cancel", "generation": "g"}, Cancel("g")),
    ({"type": "subscribe", "notebook": "a.ipynb"}, Subscribe("a.ipynb", None)),
    ({"type": "subscribe", "notebook": "a.ipynb", "component": "c"}, Subscribe("a.ipynb", "c")),
    ({"type": "resume", "generation": "g", "after_seq": 0}, Resume("g", 0)),
]


@pytest.mark.parametrize(("message", "parsed"), VALID)
def test_valid_client_messages_follow_the_schema_and_parse(message: dict[str, Any], parsed: Any) -> None:
    WS.validate(message)
    assert parse(message) == parsed


INVALID = [
    {"type": "generate", "id": "", "notebook": "a.ipynb", "component": "c", "instruction": "x"},
    {"type": "generate", "id": "1", "notebook": "", "component": "c", "instruction": "x"},
    {"type": "generate", "id": "1", "notebook": "a.ipynb", "component": "c/d", "instruction": "x"},
    {"type": "generate", "id": "1", "notebook": "a.ipynb", "component": "c" * 101, "instruction": "x"},
    {"type": "generate", "id": "1", "notebook": "a.ipynb", "component": "c", "instruction": ""},
    {
        "type": "generate",
        "id": "1",
        "notebook": "a.ipynb",
        "component": "c",
        "instruction": "x",
        "regenerate": 1,
    },
    {"type": "generate", "id": "1", "notebook": "a.ipynb", "component": "c", "instruction": "x", "model": ""},
    {
        "type": "edit",
        "id": "1",
        "notebook": "a.ipynb",
        "component": "c",
        "instruction": "x",
        "regenerate": True,
    },
    {"type": "cancel"},
    {"type": "subscribe", "notebook": "a.ipynb", "component": "no spaces"},
    {"type": "resume", "generation": "g", "after_seq": 1.5},
    {"type": "resume", "generation": "g"},
    {"type": "unknown"},
]


@pytest.mark.parametrize("message", INVALID)
def test_messages_the_schema_refuses_are_refused_with_a_reason(message: dict[str, Any]) -> None:
    assert not WS.is_valid(message)
    with pytest.raises(BadMessage) as refused:
        parse(message)
    assert refused.value.code == "bad_message"
    assert refused.value.message.endswith(".")


def test_oversized_frames_and_instructions_are_too_large() -> None:
    with pytest.raises(BadMessage) as frame:
        parse_client_message("x" * 20, max_bytes=10, max_instruction_chars=5)
    assert frame.value.code == "too_large"
    message = {"type": "generate", "id": "7", "notebook": "a.ipynb", "component": "c", "instruction": "y" * 6}
    with pytest.raises(BadMessage) as instruction:
        parse_client_message(json.dumps(message), max_bytes=1000, max_instruction_chars=5)
    assert (instruction.value.code, instruction.value.request_id) == ("too_large", "7")


@pytest.mark.parametrize(
    ("path", "expected"),
    [("a.ipynb", "a.ipynb"), ("dir/a.ipynb", "dir/a.ipynb"), ("dir//a.ipynb", "dir/a.ipynb")],
)
def test_notebook_paths_are_normalised(path: str, expected: str) -> None:
    assert normalise_api_path(path) == expected


@pytest.mark.parametrize(
    "path", ["", "a.txt", "../a.ipynb", "a/./b.ipynb", "/a.ipynb", "c:/a.ipynb", "a\\b.ipynb", 3]
)
def test_unusable_notebook_paths_are_refused(path: Any) -> None:
    with pytest.raises(NotebookPathError) as refused:
        normalise_api_path(path)
    assert refused.value.status == 400


def test_event_log_numbers_keeps_the_last_events_and_reports_gaps() -> None:
    log = EventLog(limit=3)
    for index in range(5):
        log.append({"type": "text_delta", "text": str(index)})
    assert log.last_seq == 5
    assert [e["seq"] for e in log.since(2)] == [3, 4, 5]
    assert log.since(5) == []
    with pytest.raises(ResumeGap) as gap:
        log.since(1)
    assert gap.value.first_kept == 3


class Recorder:
    def __init__(self) -> None:
        self.texts: list[str] = []

    def send(self, text: str) -> None:
        self.texts.append(text)


def test_hub_sends_each_event_once_to_followers_and_component_subscribers() -> None:
    hub = Hub()
    everything, only_b, other_notebook, resumer = Recorder(), Recorder(), Recorder(), Recorder()
    hub.subscribe(everything, "n.ipynb", None)
    hub.subscribe(everything, "n.ipynb", "a")
    hub.subscribe(only_b, "n.ipynb", "b")
    hub.subscribe(other_notebook, "m.ipynb", None)
    assert hub.audience("n.ipynb", "a") == [everything]

    hub.begin("g", hub.audience("n.ipynb", "a"))
    hub.send_event("g", 1, "e1")
    hub.follow("g", resumer, 1)  # resumed after replaying event 1
    hub.send_event("g", 2, "e2")
    hub.send_event("g", 2, "e2 again")
    assert everything.texts == ["e1", "e2"]
    assert resumer.texts == ["e2"]
    assert only_b.texts == other_notebook.texts == []

    followers = hub.end("g")
    hub.send_to_notebook("n.ipynb", "a", "saved", followers)
    assert everything.texts[-1] == "saved"
    assert resumer.texts[-1] == "saved"
    assert everything.texts.count("saved") == 1

    hub.rename_notebook("n.ipynb", "renamed.ipynb")
    assert hub.audience("renamed.ipynb", "b") == [everything, only_b]
    hub.drop(everything)
    assert hub.audience("renamed.ipynb", "b") == [only_b]


def add(store: Store, component: str, count: int) -> None:
    parent = None
    for number in range(1, count + 1):
        parent = store.add_version(
            component, code=f"// {number}", prompt="p", parent=parent, model="m", author="llm",
            usage=Usage(1, 2, 3, 0.5), latency_ms=10,
        ).number  # fmt: skip
    store.add_draft(
        component, code="partial", prompt="p", parent=parent, model="m", error_code="cancelled",
        error_message="Cancelled.", usage=Usage(),
    )  # fmt: skip


def history(store: Store) -> list[tuple[Any, ...]]:
    return [
        (v.component, v.number, v.parent, v.code, v.created_at, v.usage)
        for summary in store.components()
        for v in store.versions(summary.name)
    ]


def test_move_between_files_keeps_every_version_and_draft_and_sets_stale_rows_aside(tmp_path: Path) -> None:
    with Store(tmp_path / "a" / "history.sqlite", "old.ipynb") as source:
        add(source, "chart", 3)
        add(source, "table", 1)
        expected = history(source)
        drafts = [(d.code, d.error_code) for d in source.drafts("chart")]
    with Store(tmp_path / "b" / "history.sqlite", "new.ipynb") as stale:
        add(stale, "chart", 1)  # left by an earlier notebook of the same name

    assert (
        move_between(
            tmp_path / "a" / "history.sqlite", "old.ipynb", tmp_path / "b" / "history.sqlite", "new.ipynb"
        )
        == 2
    )

    with Store(tmp_path / "b" / "history.sqlite", "new.ipynb") as target:
        assert history(target) == expected
        assert target.current("chart").number == 3  # type: ignore[union-attr]
        assert [(d.code, d.error_code) for d in target.drafts("chart")] == drafts
    with Store(tmp_path / "a" / "history.sqlite", "old.ipynb") as emptied:
        assert emptied.components() == []
    with closing(sqlite3.connect(tmp_path / "b" / "history.sqlite")) as raw:
        keys = {row[0] for row in raw.execute("SELECT notebook FROM components")}
    assert len([k for k in keys if k.startswith("new.ipynb#replaced-")]) == 1


def test_rekey_in_one_file_and_by_folder_prefix(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite"
    with Store(db, "/root/project/a.ipynb") as first, Store(db, "/root/project/sub/b.ipynb") as second:
        add(first, "x", 2)
        add(second, "y", 1)
    assert rekey(db, "/root/project/a.ipynb", "/root/project/c.ipynb") == 1
    assert rekey_prefix(db, "/root/project/", "/root/moved/") == 2
    with Store(db, "/root/moved/c.ipynb") as moved, Store(db, "/root/moved/sub/b.ipynb") as nested:
        assert [v.number for v in moved.versions("x")] == [1, 2]
        assert [v.number for v in nested.versions("y")] == [1]
    assert rekey(tmp_path / "missing.sqlite", "a", "b") == 0
