"""Re-running an unchanged notebook: provider calls and wall time of five ``%%component`` cells (nbclient).

    python tests/benchmarks/bench_rerun.py

The notebook is executed once (five generations from the scripted provider), then again unchanged in a new
kernel. Printed: provider calls and the five cells' execution time for each run (target for the re-run:
0 calls, under 1 s).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

import nbformat  # noqa: E402
from nbclient import NotebookClient  # noqa: E402

from tests.provider import RecordingResponder, ScriptedProvider  # noqa: E402

COMPONENTS = ("counter_button", "sales_card", "data_table", "emit_button", "broken_component")
SETUP = "%load_ext jupyter_componentgen"


def _notebook(path: Path) -> None:
    sources = [SETUP] + [f"%%component {stem}\nA {stem.replace('_', ' ')} ({stem})." for stem in COMPONENTS]
    cells = [
        {
            "id": f"c{i}",
            "cell_type": "code",
            "metadata": {},
            "source": s,
            "outputs": [],
            "execution_count": None,
        }
        for i, s in enumerate(sources)
    ]
    notebook = {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    path.write_text(json.dumps(notebook), encoding="utf-8")


def _execute(path: Path, env: dict[str, str]) -> float:
    """Seconds spent in the five %%component cells (the kernel's start-up is left out)."""
    notebook: Any = nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]
    timings: list[float] = []

    class TimedClient(NotebookClient):
        async def async_execute_cell(self, cell: Any, cell_index: int, *args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            result = await super().async_execute_cell(cell, cell_index, *args, **kwargs)
            if cell_index > 0:
                timings.append(time.perf_counter() - started)
            return result

    client = TimedClient(
        notebook, kernel_name="python3", timeout=120, resources={"metadata": {"path": str(path.parent)}}
    )
    client.execute(env=env)
    nbformat.write(notebook, path)  # type: ignore[no-untyped-call]
    return sum(timings)


def main() -> None:
    with (
        ScriptedProvider(default=RecordingResponder(tokens_per_second=2000)) as provider,
        tempfile.TemporaryDirectory() as tmp,
    ):
        folder = Path(tmp)
        env = {key: value for key, value in os.environ.items() if not key.startswith("JPY_")}
        env.update(
            ANTHROPIC_API_KEY="bench-key",
            ANTHROPIC_BASE_URL=provider.url,
            LITELLM_LOCAL_MODEL_COST_MAP="True",
            IPYTHONDIR=str(folder / ".ipython"),
            PYTHONPATH=os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH", "")])),
        )
        path = folder / "five.ipynb"
        _notebook(path)
        rows = []
        for label in ("first run", "unchanged re-run (target 0 calls, < 1 s)"):
            before = len(provider.requests)
            seconds = _execute(path, env)
            rows.append((label, len(provider.requests) - before, seconds))
    print(f"{'run':<42} {'provider calls':>14} {'5 cells (s)':>12}")
    for label, calls, seconds in rows:
        print(f"{label:<42} {calls:>14} {seconds:>12.2f}")


if __name__ == "__main__":
    main()
