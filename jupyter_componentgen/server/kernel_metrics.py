"""Static-check blocks that happened in kernels, added to the server's /metrics.

Kernels started by this server inherit METRICS_DIR_ENV and write their running totals there
(engine/checks/metrics.py); at each scrape the collector sums every process's file except the server's own
(its blocks are already in componentgen_static_blocks).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

from prometheus_client import REGISTRY
from prometheus_client.core import CounterMetricFamily
from prometheus_client.registry import Collector

from jupyter_componentgen.engine.checks.metrics import METRICS_DIR_ENV, PROCESS_FILE_PREFIX, process_file


class KernelBlocksCollector(Collector):
    """Sums the kernels' files in ``folder`` (None: nothing to report yet)."""

    def __init__(self) -> None:
        self.folder: Path | None = None

    def collect(self) -> Iterator[CounterMetricFamily]:
        blocks = CounterMetricFamily(
            "componentgen_kernel_static_blocks",
            "Components the static checks refused in kernels (cell magic, Python API), by first rule.",
            labels=["rule"],
        )
        findings = CounterMetricFamily(
            "componentgen_kernel_static_findings",
            "Rule violations found in components refused in kernels, by rule.",
            labels=["rule"],
        )
        totals = self._totals()
        for rule, count in sorted(totals["blocks"].items()):
            blocks.add_metric([rule], count)
        for rule, count in sorted(totals["findings"].items()):
            findings.add_metric([rule], count)
        yield blocks
        yield findings

    def _totals(self) -> dict[str, dict[str, int]]:
        totals: dict[str, dict[str, int]] = {"blocks": {}, "findings": {}}
        folder = self.folder
        if folder is None:
            return totals
        own = process_file(folder, os.getpid())
        for path in folder.glob(f"{PROCESS_FILE_PREFIX}*.json"):
            if path == own:
                continue
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue  # a kernel's file being replaced, or not ours: skip it this scrape
            for kind, sums in totals.items():
                counts = data.get(kind) if isinstance(data, dict) else None
                if not isinstance(counts, dict):
                    continue
                for rule, count in counts.items():
                    if isinstance(rule, str) and isinstance(count, int) and count > 0:
                        sums[rule] = sums.get(rule, 0) + count
        return totals


_COLLECTOR = KernelBlocksCollector()
REGISTRY.register(_COLLECTOR)


def share_with_kernels(runtime_dir: str) -> Path:
    """Make kernels started from now on report their blocks into a folder of this server's; returns it."""
    folder = Path(runtime_dir) / f"componentgen-metrics-{os.getpid()}"
    folder.mkdir(parents=True, exist_ok=True)
    os.environ[METRICS_DIR_ENV] = str(folder)
    _COLLECTOR.folder = folder
    return folder


def stop_sharing(folder: Path) -> None:
    if _COLLECTOR.folder == folder:
        _COLLECTOR.folder = None
        if os.environ.get(METRICS_DIR_ENV) == str(folder):
            del os.environ[METRICS_DIR_ENV]
    shutil.rmtree(folder, ignore_errors=True)
