"""Diff edits against whole rewrites, and how fault runs end, through the engine and the scripted provider.

    python tests/benchmarks/bench_edits.py

Edit tasks are built from the recorded components: each changes one or two lines. Every task runs twice on
a fresh history, once answered with a whole-file rewrite and once with SEARCH/REPLACE blocks; both must save
the same code. Printed: output tokens of each answer and their ratio (target <= 15 %). Then the fault suite's
cases run through the engine (with and without a fallback model) and the share that ended within their bound
is printed (target 100 %).
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from jupyter_componentgen.config import load_settings  # noqa: E402
from jupyter_componentgen.engine.generation import Engine, GenerationOutcome, GenerationRequest  # noqa: E402
from jupyter_componentgen.store import Store  # noqa: E402
from tests.faults.cases import CASES, FIRST_TOKEN_TIMEOUT, IDLE_TIMEOUT  # noqa: E402
from tests.provider import Script, ScriptedProvider, recording  # noqa: E402

FAST = 20000.0
MODEL = "anthropic/claude-bench-model"


@dataclass(frozen=True)
class EditTask:
    recording: str
    instruction: str
    change: Callable[[str], str]  # the edited line(s), from the original line


def _replace(old: str, new: str) -> Callable[[str], str]:
    return lambda line: line.replace(old, new)


TASKS = (
    EditTask("counter_button", "make the button green", _replace("bg-indigo-600", "bg-emerald-600")),
    EditTask("counter_button", "start counting at ten", _replace("useState(0)", "useState(10)")),
    EditTask("sales_card", "use a larger title", _replace("text-lg", "text-2xl")),
    EditTask("data_table", "use smaller text in the table", _replace("text-sm", "text-xs")),
    EditTask("emit_button", "round the corners more", _replace("rounded", "rounded-xl")),
)


def _code(answer: str) -> str:
    return answer.split("/// START", 1)[1].split("\n", 1)[1].split("/// END", 1)[0]


def _name(answer: str) -> str:
    return answer.split("/// START", 1)[1].split("\n", 1)[0].strip()


def _edit_answers(task: EditTask) -> tuple[str, str, str]:
    """(original answer, rewrite answer, diff answer) for one task."""
    original = recording(task.recording)
    code, name = _code(original), _name(original)
    lines = code.splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if task.change(line) != line)
    edited = [*lines[:index], task.change(lines[index]), *lines[index + 1 :]]
    rewrite = f"/// START {name}\n{''.join(edited)}/// END {name}\nDone.\n"
    # Two lines of context, as the prompt asks for, so the SEARCH part matches one place.
    context = lines[max(0, index - 1) : index + 2]
    replaced = edited[max(0, index - 1) : index + 2]
    diff = (
        f"/// EDIT {name}\n<<<<<<< SEARCH\n{''.join(context)}=======\n{''.join(replaced)}>>>>>>> REPLACE\n"
        f"/// END {name}\nDone.\n"
    )
    return original, rewrite, diff


def _engine(folder: Path, **overrides: object) -> Engine:
    options: dict[str, object] = {"model": MODEL, "max_retries": 0, "cache": False, **overrides}
    return Engine(load_settings(**options), Store.for_notebook(folder / "bench.ipynb"))


def _run(engine: Engine, instruction: str) -> GenerationOutcome:
    return asyncio.run(engine.run(GenerationRequest("c", instruction), lambda event: None))


def bench_edits(provider: ScriptedProvider) -> list[tuple[str, int, int]]:
    rows = []
    for task in TASKS:
        original, rewrite, diff = _edit_answers(task)
        outputs = []
        for answer in (rewrite, diff):
            with tempfile.TemporaryDirectory() as folder:
                engine = _engine(Path(folder))
                provider.enqueue(
                    Script(original, tokens_per_second=FAST), Script(answer, tokens_per_second=FAST)
                )
                _run(engine, "first version")
                outcome = _run(engine, task.instruction)
                if outcome.status != "saved":
                    raise SystemExit(f"{task.instruction}: {outcome.error}")
                outputs.append((outcome.usage.output_tokens, outcome.code))
        (rewrite_tokens, rewrite_code), (diff_tokens, diff_code) = outputs
        if rewrite_code != diff_code:
            raise SystemExit(f"{task.instruction}: the diff edit saved different code than the rewrite")
        rows.append((f"{task.recording}: {task.instruction}", rewrite_tokens, diff_tokens))
    return rows


def bench_faults(provider: ScriptedProvider) -> tuple[int, int]:
    within = total = 0
    for case in CASES:
        for fallback in (False, True):
            provider.reset()
            provider.enqueue(*case.scripts, Script(recording("counter_button"), tokens_per_second=FAST))
            with tempfile.TemporaryDirectory() as folder:
                engine = _engine(
                    Path(folder),
                    fallback_models=["anthropic/claude-bench-fallback"] if fallback else [],
                    first_token_timeout=FIRST_TOKEN_TIMEOUT,
                    idle_timeout=IDLE_TIMEOUT,
                )
                outcome = _run(engine, "A button that counts clicks")
                ended = time.time()
                seconds = ended - provider.requests[0].received_at
            total += 1
            within += outcome.status == case.outcome(fallback) and seconds <= case.expected_bound(fallback)
    return within, total


def main() -> None:
    with ScriptedProvider() as provider:
        os.environ.update(
            ANTHROPIC_API_KEY="bench-key",
            ANTHROPIC_BASE_URL=provider.url,
            LITELLM_LOCAL_MODEL_COST_MAP="True",
        )
        rows = bench_edits(provider)
        within, total = bench_faults(provider)
    width = max(len(row[0]) for row in rows)
    print(f"{'edit task':<{width}}  rewrite out  diff out  diff/rewrite")
    for label, rewrite, diff in rows:
        print(f"{label:<{width}}  {rewrite:>11}  {diff:>8}  {diff / rewrite:>11.1%}")
    ratio = sum(r[2] for r in rows) / sum(r[1] for r in rows)
    print(
        f"{'all tasks (target <= 15 %)':<{width}}  {sum(r[1] for r in rows):>11}  {sum(r[2] for r in rows):>8}  {ratio:>11.1%}"
    )
    print(f"\nfault runs ending within their bound (target 100 %): {within}/{total} = {within / total:.0%}")


if __name__ == "__main__":
    main()
