"""Diff edits against whole rewrites, and how fault runs end, through the engine and the scripted provider.

    python tests/benchmarks/bench_edits.py

Edit tasks change recorded components: small (under 2 KB of code), medium (2-4 KB) and large (4-8 KB, the
size most generated components have). A task is one or more text changes, from a single line to several
blocks and multi-line insertions. Every task runs on a fresh history three times: answered with a
whole-file rewrite, with the SEARCH/REPLACE blocks the edit prompt asks for (each SEARCH the fewest whole
lines that occur once in the code; consecutive changed lines form one block), and with a line of
context above and below each change, as the previous prompt led to. All three must save the same code,
each in one model call. Printed: output tokens of each answer, the diff/rewrite ratio per task, per size
class and overall (target <= 15 %). Then the fault suite's cases run through the engine (with and without
a fallback model) and the share that ended within their bound is printed (target 100 %).
"""

from __future__ import annotations

import asyncio
import difflib
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from jupyter_componentgen.config import engine_settings, load_settings  # noqa: E402
from jupyter_componentgen.engine.generation import Engine, GenerationOutcome, GenerationRequest  # noqa: E402
from jupyter_componentgen.store import Store  # noqa: E402
from tests.faults.cases import CASES, FIRST_TOKEN_TIMEOUT, IDLE_TIMEOUT  # noqa: E402
from tests.provider import Script, ScriptedProvider, recording  # noqa: E402

FAST = 20000.0
MODEL = "anthropic/claude-bench-model"
# Context lines above and below each change in the previous benchmark, which followed edit prompt v1's
# "two to six lines" (the comparison column).
OLD_PROMPT_CONTEXT = 1


@dataclass(frozen=True)
class EditTask:
    recording: str
    instruction: str
    # (old, new) text replacements, applied in order, each to the first place ``old`` occurs.
    changes: tuple[tuple[str, str], ...]
    # The model's closing sentence, the same in both answer forms.
    note: str


TASKS = (
    # Small components.
    EditTask(
        "counter_button",
        "make the button green",
        (("bg-indigo-600 px-4", "bg-emerald-600 px-4"),),
        "The button is green now.",
    ),
    EditTask(
        "counter_button", "start counting at ten", (("useState(0)", "useState(10)"),), "It starts at ten."
    ),
    EditTask(
        "emit_button",
        "round the corners more",
        (("rounded-md bg-sky-600", "rounded-xl bg-sky-600"),),
        "The corners are rounder.",
    ),
    # Medium components.
    EditTask(
        "data_table",
        "use smaller text in the table",
        (('divide-slate-200 text-sm"', 'divide-slate-200 text-xs"'),),
        "The table text is smaller.",
    ),
    EditTask(
        "sales_card",
        "use a larger title",
        (("text-lg font-semibold", "text-2xl font-semibold"),),
        "The title is larger.",
    ),
    # Large components: a dashboard with a chart and a table.
    EditTask(
        "orders_dashboard",
        "make the chart taller",
        (("height={220}", "height={300}"),),
        "The chart is 300 pixels tall now.",
    ),
    EditTask(
        "orders_dashboard",
        "show revenue by day as bars",
        (
            ("import { Area, AreaChart,", "import { Bar, BarChart,"),
            ("<AreaChart data", "<BarChart data"),
            (
                '<Area type="monotone" dataKey="total" stroke="#6366f1" strokeWidth={2} fill="#e0e7ff" />',
                '<Bar dataKey="total" fill="#6366f1" radius={[4, 4, 0, 0]} />',
            ),
            ("</AreaChart>", "</BarChart>"),
        ),
        "Revenue by day is a bar chart now.",
    ),
    EditTask(
        "orders_dashboard",
        "show each status capitalised, with a coloured dot",
        (
            (
                "className={`rounded-full px-2",
                "className={`inline-flex items-center gap-1.5 rounded-full px-2",
            ),
            (
                '{order.status ?? "unknown"}\n',
                '<span className="h-1.5 w-1.5 rounded-full bg-current" aria-hidden="true" />\n'
                "                    {order.status ? order.status[0].toUpperCase() + order.status.slice(1) "
                ': "Unknown"}\n',
            ),
        ),
        "Statuses are capitalised and marked with a dot.",
    ),
    # Large components: a form with validation.
    EditTask(
        "signup_form",
        "make the submit button green",
        (
            (
                "bg-indigo-600 py-2 text-sm font-semibold text-white hover:bg-indigo-500",
                "bg-emerald-600 py-2 text-sm font-semibold text-white hover:bg-emerald-500",
            ),
        ),
        "The submit button is green.",
    ),
    EditTask(
        "signup_form",
        "require passwords of at least 10 characters",
        (
            (
                'length < 8) errors.password = "Use at least 8 characters."',
                'length < 10) errors.password = "Use at least 10 characters."',
            ),
            ("if (password.length < 8) return 0;", "if (password.length < 10) return 0;"),
        ),
        "Passwords now need 10 characters.",
    ),
    EditTask(
        "signup_form",
        "add an optional company field",
        (
            (
                '    email: defaults.email ?? "",\n',
                '    email: defaults.email ?? "",\n    company: defaults.company ?? "",\n',
            ),
            (
                '      <Field label="Password"',
                '      <Field label="Company (optional)" icon={Building2}>\n'
                "        <input\n"
                "          value={values.company}\n"
                '          onChange={update("company")}\n'
                '          autoComplete="organization"\n'
                '          className="w-full bg-transparent text-sm outline-none"\n'
                "        />\n"
                "      </Field>\n"
                "\n"
                '      <Field label="Password"',
            ),
            ("AlertCircle, CheckCircle2,", "AlertCircle, Building2, CheckCircle2,"),
            (
                "const account = { name: values.name.trim(), email: values.email.trim(), plan: values.plan };",
                "const account = {\n"
                "      name: values.name.trim(),\n"
                "      email: values.email.trim(),\n"
                "      company: values.company.trim() || null,\n"
                "      plan: values.plan,\n"
                "    };",
            ),
        ),
        "Added an optional company field that is sent with the account.",
    ),
    # Large components: a metrics explorer with a line chart.
    EditTask(
        "metrics_explorer",
        "use a 14-day average",
        (("series, 7);", "series, 14);"), ('name="7-day average"', 'name="14-day average"')),
        "The average line now spans 14 days.",
    ),
    EditTask(
        "metrics_explorer",
        "add a 7-day range",
        (('  { id: "30",', '  { id: "7", label: "7 days", days: 7 },\n  { id: "30",'),),
        "Added a 7-day range.",
    ),
    EditTask(
        "metrics_explorer",
        "remove the legend and make the chart taller",
        (("  Legend,\n", ""), ("height={260}", "height={320}"), ("          <Legend />\n", "")),
        "The legend is gone and the chart is taller.",
    ),
)

SIZE_CLASSES: tuple[tuple[str, int, int], ...] = (
    ("small (< 2 KB)", 0, 2048),
    ("medium (2-4 KB)", 2048, 4096),
    ("large (4-8 KB)", 4096, 8192),
)


def _code(answer: str) -> str:
    return answer.split("/// START", 1)[1].split("\n", 1)[1].split("/// END", 1)[0]


def _name(answer: str) -> str:
    return answer.split("/// START", 1)[1].split("\n", 1)[0].strip()


def _edited(code: str, task: EditTask) -> str:
    for old, new in task.changes:
        if old not in code:
            raise SystemExit(f"{task.instruction}: {old!r} is not in {task.recording}")
        code = code.replace(old, new, 1)
    return code


# Building the diff answers ----------------------------------------------------------------------------------

Lines = list[str]


def _occurrences(lines: Lines, part: Lines) -> int:
    """How often ``part`` occurs in ``lines`` as whole lines, as the engine's verbatim match counts."""
    size = len(part)
    return sum(1 for i in range(len(lines) - size + 1) if lines[i : i + size] == part)


def _unique_context(old: Lines, hunk: list[int], low: int, high: int) -> tuple[int, int] | None:
    """The fewest context lines (above, below), within old[low:high], that make the SEARCH part a non-blank
    run of whole lines occurring once; an insertion needs at least one line. Above is tried first."""
    start, end = hunk[0], hunk[1]
    for extra in range(high - low + 1):
        for above in range(extra, -1, -1):
            below = extra - above
            first, last = start - above, end + below
            if first < low or last > high or first == last:
                continue
            part = old[first:last]
            if any(line.strip() for line in part) and _occurrences(old, part) == 1:
                return above, below
    return None


def _blocks(old: Lines, new: Lines, fixed_context: int | None) -> list[tuple[Lines, Lines]]:
    """SEARCH/REPLACE pairs turning ``old`` into ``new``: minimal unique context, or ``fixed_context`` lines."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    hunks = [[i1, i2, j1, j2] for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]
    chosen: list[list[int]] = []  # [old start, old end, new start, new end], context included
    index = 0
    while index < len(hunks):
        hunk = hunks[index]
        following = hunks[index + 1] if index + 1 < len(hunks) else None
        low = chosen[-1][1] if chosen else 0
        high = following[0] if following is not None else len(old)
        context: tuple[int, int] | None
        if fixed_context is None:
            context = _unique_context(old, hunk, low, high)
        elif following is not None and hunk[1] + 2 * fixed_context >= following[0]:
            context = None  # the two contexts would meet
        else:
            context = (min(fixed_context, hunk[0] - low), min(fixed_context, high - hunk[1]))
        if context is None:
            if following is None:
                raise SystemExit("no unique SEARCH part: this change needs a whole-file answer")
            # No room for a context of its own before the next change: both form one block.
            hunks[index : index + 2] = [[hunk[0], following[1], hunk[2], following[3]]]
            continue
        above, below = context
        chosen.append([hunk[0] - above, hunk[1] + below, hunk[2] - above, hunk[3] + below])
        index += 1
    return [(old[a:b], new[c:d]) for a, b, c, d in chosen]


def _diff_answer(name: str, before: str, after: str, note: str, fixed_context: int | None = None) -> str:
    pairs = _blocks(before.splitlines(keepends=True), after.splitlines(keepends=True), fixed_context)
    blocks = "".join(
        f"<<<<<<< SEARCH\n{''.join(search)}=======\n{''.join(replace)}>>>>>>> REPLACE\n"
        for search, replace in pairs
    )
    return f"/// EDIT {name}\n{blocks}/// END {name}\n{note}\n"


def _answers(task: EditTask) -> tuple[str, str, list[str]]:
    """The original answer, the code after the edit, and the answers: rewrite, diff, diff with +-1 line."""
    original = recording(task.recording)
    code, name = _code(original), _name(original)
    after = _edited(code, task)
    rewrite = f"/// START {name}\n{after}/// END {name}\n{task.note}\n"
    diff = _diff_answer(name, code, after, task.note)
    old_style = _diff_answer(name, code, after, task.note, OLD_PROMPT_CONTEXT)
    return original, after, [rewrite, diff, old_style]


def _engine(folder: Path, **overrides: object) -> Engine:
    options: dict[str, object] = {"model": MODEL, "max_retries": 0, "cache": False, **overrides}
    return Engine(engine_settings(load_settings(**options)), Store.for_notebook(folder / "bench.ipynb"))


def _run(engine: Engine, instruction: str) -> GenerationOutcome:
    return asyncio.run(engine.run(GenerationRequest("c", instruction), lambda event: None))


@dataclass(frozen=True)
class Row:
    label: str
    code_bytes: int
    rewrite: int
    diff: int
    old_style: int
    blocks: int


def bench_edits(provider: ScriptedProvider) -> list[Row]:
    rows = []
    for task in TASKS:
        original, expected, answers = _answers(task)
        tokens = []
        for answer in answers:
            with tempfile.TemporaryDirectory() as folder:
                engine = _engine(Path(folder))
                provider.enqueue(
                    Script(original, tokens_per_second=FAST), Script(answer, tokens_per_second=FAST)
                )
                _run(engine, "first version")
                asked = len(provider.requests)
                outcome = _run(engine, task.instruction)
            if outcome.status != "saved" or len(provider.requests) != asked + 1:
                raise SystemExit(f"{task.instruction}: the answer did not apply ({outcome.error})")
            if outcome.code != expected:
                raise SystemExit(f"{task.instruction}: an answer saved different code than intended")
            tokens.append(outcome.usage.output_tokens)
        rewrite, diff, old_style = tokens
        label = f"{task.recording}: {task.instruction}"
        blocks = answers[1].count("<<<<<<< SEARCH")
        rows.append(Row(label, len(_code(original).encode()), rewrite, diff, old_style, blocks))
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


def _ratio_line(label: str, rows: list[Row], width: int) -> str:
    rewrite = sum(r.rewrite for r in rows)
    diff = sum(r.diff for r in rows)
    old_style = sum(r.old_style for r in rows)
    return (
        f"{label:<{width}}  {'':>5}  {'':>6}  {rewrite:>7}  {diff:>5}  {diff / rewrite:>6.1%}  "
        f"{old_style / rewrite:>13.1%}"
    )


def main() -> None:
    with ScriptedProvider() as provider:
        os.environ.update(
            ANTHROPIC_API_KEY="bench-key",
            ANTHROPIC_BASE_URL=provider.url,
            LITELLM_LOCAL_MODEL_COST_MAP="True",
        )
        rows = bench_edits(provider)
        within, total = bench_faults(provider)
    width = max(len(row.label) for row in rows)
    print(
        f"{'edit task':<{width}}  {'code':>5}  {'blocks':>6}  rewrite  {'diff':>5}  {'diff/':>6}  {'+-1 line ctx':>13}"
    )
    print(f"{'':<{width}}  {'bytes':>5}  {'':>6}  {'out':>7}  {'out':>5}  {'rewr.':>6}  {'/ rewrite':>13}")
    for r in rows:
        print(
            f"{r.label:<{width}}  {r.code_bytes:>5}  {r.blocks:>6}  {r.rewrite:>7}  {r.diff:>5}  "
            f"{r.diff / r.rewrite:>6.1%}  {r.old_style / r.rewrite:>13.1%}"
        )
    print()
    for label, low, high in SIZE_CLASSES:
        members = [r for r in rows if low <= r.code_bytes < high]
        if members:
            print(_ratio_line(f"{label}, {len(members)} tasks", members, width))
    print(_ratio_line("all tasks (target <= 15 %)", rows, width))
    print(f"\nfault runs ending within their bound (target 100 %): {within}/{total} = {within / total:.0%}")


if __name__ == "__main__":
    main()
