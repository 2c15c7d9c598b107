"""A notebook with %%component executed headless by nbclient, against the scripted provider."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

from jupyter_componentgen.store import Store
from tests.provider import Script, ScriptedProvider, recording

pytestmark = pytest.mark.notebook

REPO_ROOT = Path(__file__).resolve().parents[2]
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"

CELLS = [
    "%load_ext jupyter_componentgen",
    'import pandas as pd\ndf = pd.DataFrame({"quarter": ["Q1", "Q2"], "region": ["North", "South"], '
    '"revenue": [12000, 9500]})',
    "%%component sales_card --data df --as card\nA card with the total revenue and a bar per region.",
    'print(card.version, card.status["phase"])',
]


def _notebook(folder: Path) -> Path:
    path = folder / "report.ipynb"
    cells: list[dict[str, Any]] = [
        {
            "id": f"cell-{i}",
            "cell_type": "code",
            "metadata": {},
            "source": src,
            "outputs": [],
            "execution_count": None,
        }
        for i, src in enumerate(CELLS)
    ]
    notebook = {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    path.write_text(json.dumps(notebook), encoding="utf-8")
    return path


def _kernel_env(folder: Path) -> dict[str, str]:
    """This process's environment (which llm_env points at the provider), as a headless runner passes it."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("JPY_")}
    env["IPYTHONDIR"] = str(folder / ".ipython")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH", "")]))
    return env


def _execute(path: Path) -> Any:
    notebook = nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]
    client = NotebookClient(
        notebook, kernel_name="python3", timeout=120, resources={"metadata": {"path": str(path.parent)}}
    )
    client.execute(env=_kernel_env(path.parent))
    nbformat.write(notebook, path)  # type: ignore[no-untyped-call]
    return notebook


def _text(cell: Any) -> str:
    parts = []
    for output in cell.outputs:
        if output.output_type == "stream":
            parts.append(output.text)
        elif output.output_type == "error":
            parts.append(f"{output.ename}: {output.evalue}")
    return "".join(parts)


def _saved_widget_code(notebook: dict[str, Any]) -> list[str]:
    state = notebook["metadata"].get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    return [model["state"]["code"] for model in state.values() if "code" in model.get("state", {})]


def test_headless_run_saves_version_1_then_reruns_from_the_cache(
    tmp_path: Path, llm_env: ScriptedProvider
) -> None:
    llm_env.enqueue(Script(recording("sales_card"), tokens_per_second=5000))
    path = _notebook(tmp_path)

    notebook = _execute(path)
    component_cell, report_cell = notebook.cells[2], notebook.cells[3]
    assert not [o for o in component_cell.outputs if o.output_type == "error"], _text(component_cell)
    assert any(WIDGET_VIEW in o.get("data", {}) for o in component_cell.outputs), component_cell.outputs
    assert _text(report_cell).split() == ["1", "done"], _text(report_cell)
    assert len(llm_env.requests) == 1

    # nbclient names no notebook, but the kernel runs in its folder and it is the only notebook there:
    # the history is the notebook's own, the same one JupyterLab shows.
    database = tmp_path / ".componentgen" / "history.sqlite"
    assert database.is_file()
    store = Store.for_notebook(path)
    try:
        current = store.current("sales_card")
        assert current is not None
        assert current.number == 1
        assert current.author == "llm"
        assert "export default function SalesCard" in current.code
        assert "/// START" not in current.code
    finally:
        store.close()
    # The saved notebook carries the code, so it renders when reopened without a kernel.
    assert _saved_widget_code(json.loads(path.read_text(encoding="utf-8"))) == [current.code], (
        "the saved notebook's widget state lacks the component's code, so it cannot render when reopened"
    )

    notebook = _execute(path)
    assert _text(notebook.cells[3]).split() == ["1", "cached"], _text(notebook.cells[3])
    assert len(llm_env.requests) == 1, json.dumps([r.to_json() for r in llm_env.requests[1:]], default=str)
    store = Store.for_notebook(path)
    try:
        assert [version.number for version in store.versions("sales_card")] == [1]
    finally:
        store.close()
