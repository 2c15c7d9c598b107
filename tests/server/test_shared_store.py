"""With ``ComponentGen.store_dir`` set (one history file keyed by absolute path), renamed folders keep
their notebooks' history."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import nbformat
import pytest

from jupyter_componentgen.engine.usage import Usage
from jupyter_componentgen.store import Store

from .conftest import Fetch
from .test_history import eventually, rename, versions_of


@pytest.fixture
def shared_store(tmp_path: Path) -> Path:
    return tmp_path / "histories"


@pytest.fixture
def jp_server_config(jp_server_config: dict[str, Any], shared_store: Path) -> dict[str, Any]:
    jp_server_config["ComponentGen"]["store_dir"] = str(shared_store)
    return jp_server_config


async def test_history_follows_a_renamed_folder(
    server: Any, api: Fetch, jp_fetch: Any, jp_root_dir: Path, shared_store: Path
) -> None:
    notebook = jp_root_dir / "project" / "a.ipynb"
    notebook.parent.mkdir()
    notebook.write_text(nbformat.writes(nbformat.v4.new_notebook()), encoding="utf-8")
    with Store.for_notebook(notebook, shared_store) as store:
        store.add_version(
            "counter", code="// 1\n", prompt="p", parent=None, model=None, author="user", usage=Usage(),
            latency_ms=None,
        )  # fmt: skip
    before = await versions_of(api, "project/a.ipynb")
    assert before is not None
    assert not (notebook.parent / ".componentgen").exists(), "the history lives in the shared store"

    await rename(jp_fetch, "project", "renamed-project")

    async def moved() -> bool:
        return await versions_of(api, "renamed-project/a.ipynb") == before

    await eventually(moved)
