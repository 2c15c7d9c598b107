"""A Prometheus counter of components refused by the static checks (served by the server's /metrics).

prometheus_client is a plain library, so the engine stays free of Jupyter imports; in the kernel the
counter simply lives in the kernel's process.
"""

from __future__ import annotations

from collections.abc import Sequence

from prometheus_client import Counter

from .code_checks import Finding

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


def record_block(findings: Sequence[Finding]) -> None:
    if not findings:
        return
    STATIC_BLOCKS.labels(rule=findings[0].rule).inc()
    for finding in findings:
        STATIC_FINDINGS.labels(rule=finding.rule).inc()
