"""The panel follows versions that other processes save (a kernel's --code cell, the Python API, the command
line), and its list says when a component has no version yet."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

from jupyter_componentgen.engine.usage import Usage
from jupyter_componentgen.store import Store
from tests.provider import Script, ScriptedProvider, recording

from .conftest import Fetch, Message, StreamClient, StreamFactory, finished, generate_request, payload

REPO_ROOT = Path(__file__).resolve().parents[2]
HELLO = "export default function Hello() {\n  return <p>Hello</p>;\n}\n"


def in_another_process(notebook_path: Path, statement: str) -> None:
    """Run ``statement`` with ``store`` (the notebook's history) in a separate Python process, as a kernel."""
    script = textwrap.dedent(
        f"""
        from pathlib import Path
        from jupyter_componentgen.engine.usage import Usage
        from jupyter_componentgen.store import Store
        with Store.for_notebook(Path({str(notebook_path)!r})) as store:
            {statement}
        """
    )
    subprocess.run([sys.executable, "-c", script], check=True, cwd=REPO_ROOT, timeout=60)


def save(component: str, code: str, author: str, parent: str = "None", model: str = "None") -> str:
    return (
        f"store.add_version({component!r}, code={code!r}, prompt='p', parent={parent}, model={model}, "
        f"author={author!r}, usage=Usage(), latency_ms=None)"
    )


async def next_update(client: StreamClient, seconds: float = 5.0) -> list[Message]:
    return await client.until(lambda m: m["type"] == "component_updated", seconds)


async def test_the_panel_follows_versions_saved_by_another_process(
    server: Any, open_stream: StreamFactory, api: Fetch, jp_root_dir: Path, notebook: str
) -> None:
    client = await open_stream()
    await client.send({"type": "subscribe", "notebook": notebook})
    assert (await client.receive())["type"] == "subscribed"
    path = jp_root_dir / notebook

    # A %%component --code cell in the notebook's kernel makes a new component.
    in_another_process(path, save("hello", HELLO, "user"))
    messages = await next_update(client)
    saved = [m for m in messages if m["type"] == "version_saved"]
    assert [(m["component"], m["version"], m["generation"]) for m in saved] == [("hello", 1, None)]
    updated = messages[-1]
    assert (updated["component"], updated["version"], updated["code"], updated["reason"]) == (
        "hello",
        1,
        HELLO,
        "user_edit",
    )
    listed = payload(await api("components", params={"notebook": notebook}))["components"]
    assert [(c["name"], c["current"], c["has_version"]) for c in listed] == [("hello", 1, True)]

    # The Python API saves a model's version, then the kernel rolls back.
    in_another_process(path, save("hello", HELLO.replace("Hello", "Hi"), "llm", parent="1", model="'m'"))
    updated = (await next_update(client))[-1]
    assert (updated["version"], updated["reason"]) == (2, "generated")
    in_another_process(path, "store.set_current('hello', 1)")
    updated = (await next_update(client))[-1]
    assert (updated["version"], updated["code"], updated["reason"]) == (1, HELLO, "rollback")


async def test_the_servers_own_saves_are_announced_once(
    server: Any, llm_env: ScriptedProvider, open_stream: StreamFactory, notebook: str
) -> None:
    llm_env.enqueue(Script(recording("counter_button"), tokens_per_second=3000))
    client = await open_stream()
    await client.send({"type": "subscribe", "notebook": notebook})
    await client.until_type("subscribed")

    await client.send(generate_request(notebook, "counter", "a counter"))
    await client.until(finished)
    await client.until_type("component_updated")
    await asyncio.sleep(2.5)  # more than two looks of the watcher

    later: list[Message] = []
    while True:
        try:
            later.append(await client.receive(0.2))
        except TimeoutError:
            break
    assert [m for m in later if m["type"] in ("component_updated", "version_saved")] == []


async def test_a_component_with_no_version_says_so_in_the_list(
    api: Fetch, server: Any, jp_root_dir: Path, notebook: str
) -> None:
    with Store.for_notebook(jp_root_dir / notebook) as store:
        store.add_draft(
            "draft_only", code="export default", prompt="a chart", parent=None, model="m",
            error_code="cancelled", error_message="Cancelled.", usage=Usage(),
        )  # fmt: skip
        store.add_version(
            "kept", code=HELLO, prompt="p", parent=None, model=None, author="user", usage=Usage(),
            latency_ms=None,
        )  # fmt: skip

    listed = {
        c["name"]: c for c in payload(await api("components", params={"notebook": notebook}))["components"]
    }

    pending = listed["draft_only"]
    assert (pending["has_version"], pending["current"], pending["versions"]) == (False, None, 0)
    assert pending["last_failure"]["code"] == "cancelled"
    assert pending["last_failure"]["message"] == "Cancelled."
    assert (listed["kept"]["has_version"], listed["kept"]["last_failure"]) == (True, None)


async def test_a_component_another_process_left_without_a_version_reaches_the_panel(
    server: Any, open_stream: StreamFactory, jp_root_dir: Path, notebook: str
) -> None:
    client = await open_stream()
    await client.send({"type": "subscribe", "notebook": notebook})
    assert (await client.receive())["type"] == "subscribed"
    await asyncio.sleep(1.5)  # the watcher's first look remembers the history as it is

    # A kernel's first generation of "chart" is cancelled: a draft, and the component, but no version.
    in_another_process(
        jp_root_dir / notebook,
        "store.add_draft('chart', code='export default', prompt='a chart', parent=None, model='m', "
        "error_code='cancelled', error_message='Cancelled.', usage=Usage())",
    )
    changed = await client.until_type("components_changed", 5.0)
    assert changed["notebook"] == notebook
