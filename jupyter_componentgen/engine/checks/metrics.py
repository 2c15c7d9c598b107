"""Prometheus counters of components refused by the static checks (served by the server's /metrics).

prometheus_client is a plain library, so the engine stays free of Jupyter imports. Blocks happen in two
kinds of process: the server (side-panel generations) counts them in its own registry; a kernel (cell magic,
Python API) is another process whose registry nobody scrapes. So a kernel started by a server that has the
extension also writes its running totals to a small file in the folder named by METRICS_DIR_ENV (the server
sets it, kernels inherit it), and the server adds those files up when /metrics is read (server/kernel_metrics).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from prometheus_client import Counter

from .findings import Finding

STATIC_BLOCKS = Counter(
    "componentgen_static_blocks",
    "Generated components refused by the static checks, by the first rule they broke.",
    ["rule"],
)
STATIC_FINDINGS = Counter(
    "componentgen_static_findings",
    "Rule violations found in refused components, by rule.",
    ["rule"],
)

METRICS_DIR_ENV = "JUPYTER_COMPONENTGEN_METRICS_DIR"
PROCESS_FILE_PREFIX = "static-blocks-"

# This process's totals, {"blocks": {rule: n}, "findings": {rule: n}}, as written to its file.
_totals: dict[str, dict[str, int]] = {"blocks": {}, "findings": {}}


def record_block(findings: Sequence[Finding]) -> None:
    if not findings:
        return
    first = findings[0].rule
    STATIC_BLOCKS.labels(rule=first).inc()
    blocks = _totals["blocks"]
    blocks[first] = blocks.get(first, 0) + 1
    for finding in findings:
        STATIC_FINDINGS.labels(rule=finding.rule).inc()
        counted = _totals["findings"]
        counted[finding.rule] = counted.get(finding.rule, 0) + 1
    folder = os.environ.get(METRICS_DIR_ENV)
    if folder:
        _write_totals(Path(folder))


def process_file(folder: Path, pid: int) -> Path:
    return folder / f"{PROCESS_FILE_PREFIX}{pid}.json"


def _write_totals(folder: Path) -> None:
    """Replace this process's file atomically, so the server never reads half of it. Best effort: a
    metrics folder that has gone (the server stopped) must not fail a generation."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".json")
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            json.dump(_totals, file)
        Path(temporary).replace(process_file(folder, os.getpid()))
    except OSError:
        pass
