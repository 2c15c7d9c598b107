"""A diff edit answered with SEARCH/REPLACE blocks streams code to every socket that follows the component:
after each block applies, the whole updated code, so the panel and the cell preview follow the edit. Its
status events and the saved version (over REST) say which model answered and why."""

from __future__ import annotations

from typing import Any

from tests.provider import Script, ScriptedProvider, recording

from .conftest import MODEL, Fetch, StreamFactory, code_between_markers, finished, payload

COUNTER = recording("counter_button")
FAST = 3000.0
# The test server sets no edit_model, so edits go to the main model.
ROUTE = {"kind": "edit", "model": MODEL, "reason": "edit: main model (no edit_model set)"}


def edit_answer(name: str, *pairs: tuple[str, str]) -> str:
    blocks = "".join(
        f"<<<<<<< SEARCH\n{search}=======\n{replace}>>>>>>> REPLACE\n" for search, replace in pairs
    )
    return f"/// EDIT {name}\n{blocks}/// END {name}\nMade it green with a longer label.\n"


def message(notebook: str, kind: str, instruction: str, id: str) -> dict[str, Any]:
    return {
        "type": kind,
        "id": id,
        "notebook": notebook,
        "component": "counter",
        "instruction": instruction,
    }


async def test_subscribers_receive_the_code_after_each_applied_block(
    server: Any, llm_env: ScriptedProvider, open_stream: StreamFactory, api: Fetch, notebook: str
) -> None:
    original = code_between_markers(COUNTER)
    colour = next(line for line in original.splitlines(keepends=True) if "bg-indigo-600" in line)
    label = "        Add one\n"
    assert label in original
    first = original.replace(colour, colour.replace("bg-indigo-600", "bg-emerald-600"))
    second = first.replace(label, "        Add one more\n")
    answer = edit_answer(
        "CounterButton",
        (colour, colour.replace("bg-indigo-600", "bg-emerald-600")),
        (label, "        Add one more\n"),
    )
    llm_env.enqueue(Script(COUNTER, tokens_per_second=FAST), Script(answer, tokens_per_second=FAST))
    watcher = await open_stream()
    await watcher.send({"type": "subscribe", "notebook": notebook})
    await watcher.until_type("subscribed")
    requester = await open_stream()
    await requester.send(message(notebook, "generate", "A button that counts clicks", "req-1"))
    await requester.until(lambda m: m["type"] == "component_updated")
    await watcher.until(lambda m: m["type"] == "component_updated")

    await requester.send(message(notebook, "edit", "green and a longer label", "req-2"))

    for client in (requester, watcher):
        seen = await client.until(lambda m: m["type"] == "component_updated")
        events = [m["event"] for m in seen if m["type"] == "event"]
        assert not any(e["type"] == "content_block_start" and e["kind"] == "edit" for e in events)
        previews: list[str] = []
        for event in events:
            if event["type"] == "content_block_start":
                previews.append("")
            elif event["type"] == "content_block_delta":
                previews[-1] += event["text"]
        assert previews == [first, second], "one whole-file preview per applied block, in order"
        kinds = [e["type"] for e in events]
        assert kinds.count("content_block_stop") == 1
        assert kinds.index("content_block_stop") > max(
            i for i, kind in enumerate(kinds) if kind == "content_block_delta"
        ), "each preview arrives while the block is open, so a following cell renders it"
        assert finished(seen[-3]), "the generation ends with status done before version_saved"
        assert seen[-1]["code"] == second
        assert seen[-1]["version"] == 2
        routes = [e.get("route") for e in events if e["type"] == "status"]
        assert routes[-1] == ROUTE, "the status says which model answered and why"

    versions = payload(await api("components", "counter", "versions", params={"notebook": notebook}))
    assert [v["route"]["kind"] for v in versions["versions"]] == ["new", "edit"]
    assert versions["versions"][1]["route"] == ROUTE
