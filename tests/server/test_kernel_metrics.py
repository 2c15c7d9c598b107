"""Static-check blocks in kernels reach the server's /metrics: kernels inherit the server's metrics folder and
write their totals there; the server sums them when scraped."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from jupyter_componentgen.engine.checks.metrics import METRICS_DIR_ENV

# What a kernel does when a generated component breaks the rules: the engine's own checker, in its own process.
KERNEL_BLOCKS = """
from jupyter_componentgen.config import load_settings
from jupyter_componentgen.engine.checks.static import checker_from_settings

check = checker_from_settings(load_settings())
for code in ('fetch("/x");\\n', 'indexedDB.open("a");\\neval("1");\\n'):
    assert check(code), code
"""


def run_kernel_like_process(env: dict[str, str]) -> None:
    subprocess.run([sys.executable, "-c", KERNEL_BLOCKS], env=env, check=True, timeout=120)


def write_broken_file(folder: Path) -> None:
    (folder / "static-blocks-999999999.json").write_text("{not json", encoding="utf-8")


def metric(text: str, line_start: str) -> float:
    values = [float(line.rsplit(" ", 1)[1]) for line in text.splitlines() if line.startswith(line_start)]
    return sum(values)


async def test_blocks_in_kernels_are_counted_in_the_server_metrics(jp_fetch: Any, server: Any) -> None:
    folder = os.environ.get(METRICS_DIR_ENV)
    assert folder, "the server shares a metrics folder with the kernels it starts"
    before = (await jp_fetch("metrics")).body.decode()
    assert "componentgen_kernel_static_blocks" in before

    # Two kernels (processes), each inheriting the server's environment as jupyter-server's kernels do.
    await asyncio.to_thread(run_kernel_like_process, dict(os.environ))
    await asyncio.to_thread(run_kernel_like_process, dict(os.environ))
    # A stray or half-written file in the folder does not break the scrape.
    await asyncio.to_thread(write_broken_file, Path(folder))

    after = (await jp_fetch("metrics")).body.decode()
    blocks = 'componentgen_kernel_static_blocks_total{rule="banned-api"}'
    assert metric(after, blocks) - metric(before, blocks) == 4, after
    findings = 'componentgen_kernel_static_findings_total{rule="banned-api"}'
    assert metric(after, findings) - metric(before, findings) == 6, after


def test_a_kernel_without_the_folder_still_checks(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key != METRICS_DIR_ENV}
    run_kernel_like_process(env)
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("", encoding="utf-8")
    env[METRICS_DIR_ENV] = str(not_a_folder / "metrics")
    run_kernel_like_process(env)  # a folder that cannot be made is skipped; the code is still refused
