"""How long the static checks take per component: the recorded components and the 99 real ones of the corpus.

    python tests/benchmarks/bench_static_checks.py

The checks run on every released line of a stream (at most every 250 ms) and on every saved version, so they
must stay far below a frame's time. Printed: median and 95th percentile per check, by component size, and the
slowest components. Target: a typical 4 KB component under 3 ms.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from jupyter_componentgen.engine.checks.static import StaticChecker  # noqa: E402
from tests.provider import recording  # noqa: E402

ROUNDS = 30
RECORDED = ("counter_button", "data_table", "sales_card", "emit_button")
CORPUS = REPO_ROOT / "tests" / "corpus" / "components"


def _recorded(stem: str) -> str:
    found = re.search(r"/// START \w+\n(.*?)/// END", recording(stem), re.S)
    assert found is not None, stem
    return found.group(1)


def _time_ms(checker: StaticChecker, code: str) -> list[float]:
    checker(code)  # warm: compiled patterns, caches
    samples = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        checker(code)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    checker = StaticChecker()
    cases = {f"recorded/{stem}": _recorded(stem) for stem in RECORDED}
    cases.update({f"corpus/{path.stem}": path.read_text() for path in sorted(CORPUS.iterdir())})
    medians = {name: statistics.median(_time_ms(checker, code)) for name, code in cases.items()}
    sizes = {name: len(code.encode()) for name, code in cases.items()}

    print(
        f"Static checks, {len(cases)} components, median of {ROUNDS} checks each (one run; noisy machine).\n"
    )
    print(f"{'code size':<14}{'n':>4}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
    bands = [
        (0, 2_000, "< 2 KB"),
        (2_000, 4_000, "2-4 KB"),
        (4_000, 8_000, "4-8 KB"),
        (8_000, 10**9, ">= 8 KB"),
    ]
    for low, high, label in bands:
        band = [medians[name] for name in cases if low <= sizes[name] < high]
        if band:
            row = (
                f"{label:<14}{len(band):>4}{statistics.median(band):>9.2f}{_p95(band):>9.2f}{max(band):>9.2f}"
            )
            print(row)
    typical = medians["recorded/sales_card"]
    print(
        f"\nThe recorded sales card ({sizes['recorded/sales_card']} bytes): {typical:.2f} ms (target < 3 ms)"
    )
    print("\nSlowest five:")
    for name in sorted(medians, key=medians.__getitem__, reverse=True)[:5]:
        print(f"  {name:<48}{sizes[name]:>7} bytes {medians[name]:>7.2f} ms")


if __name__ == "__main__":
    main()
