"""`jupyter componentgen generate`: one generation from the command line, written to a file."""

from __future__ import annotations

import asyncio
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from jupyter_componentgen.store import Store, VersionRecord

from .files import (
    EXIT_CANCELLED,
    EXIT_FAILED,
    EXIT_OK,
    UsageError,
    check_writable_target,
    read_json_file,
    read_text_file,
    write_atomically,
)
from .progress import Progress, one_line

if TYPE_CHECKING:
    from jupyter_componentgen.config import ComponentGen
    from jupyter_componentgen.engine.request import GenerationOutcome


@dataclass(frozen=True)
class GenerateOptions:
    prompt: str
    out: Path
    name: str
    data: Path | None
    model: str | None
    regenerate: bool


def history_store(out: Path, settings: ComponentGen) -> Store:
    """The output file plays the notebook's part: its history sits beside it, keyed by its file name."""
    return Store.for_notebook(out, settings.store_dir)


def run_generate(options: GenerateOptions, settings: ComponentGen, stderr: TextIO = sys.stderr) -> int:
    if not options.prompt.strip():
        raise UsageError("the prompt is empty: describe the component to generate")
    check_writable_target(options.out)
    data = read_json_file(options.data, "--data file") if options.data else None

    from jupyter_componentgen.engine.data import describe_data
    from jupyter_componentgen.engine.gateway.errors import COMMAND_LINE_ADVICE, advising
    from jupyter_componentgen.engine.request import GenerationRequest
    from jupyter_componentgen.wiring import build_engine

    description = describe_data(data, sample_rows=settings.data_sample_rows) if options.data else None
    request = GenerationRequest(
        component=options.name,
        instruction=options.prompt,
        data=description,
        model=options.model,
        regenerate=options.regenerate,
    )
    progress = Progress(stderr)
    with history_store(options.out, settings) as store:
        keep_hand_edits(store, options.name, options.out, settings)
        engine = build_engine(settings, store)
        try:
            with advising(COMMAND_LINE_ADVICE):
                outcome = asyncio.run(engine.run(request, progress))
        except KeyboardInterrupt:
            # A second Ctrl-C while the first is being handled.
            progress.clear()
            stderr.write("error: cancelled\n")
            return EXIT_CANCELLED
        finally:
            progress.clear()
        return _report(outcome, options.out, stderr)


def keep_hand_edits(store: Store, name: str, out: Path, settings: ComponentGen) -> VersionRecord | None:
    """Save the output file as a version by 'user' when it holds code the history does not know.

    The next generation then edits what the person sees in the file, and nothing they wrote is lost.
    A file showing an older version (e.g. after a rollback in the side panel) is not an edit. The edit is
    saved with the deterministic repairs every saved version gets.
    """
    from jupyter_componentgen.engine.history_service import HistoryService
    from jupyter_componentgen.engine.repairs import repair

    if not out.is_file():
        return None
    text = read_text_file(out, "--out file")
    known = {version.code for version in store.versions(name)}
    if not text.strip() or text in known or repair(text).code in known:
        return None
    # The file is the person's own: it is kept as it is, without the static checks (the next generation,
    # which edits it, is checked).
    history = HistoryService(store, settings, checker=None)
    edit = history.save_hand_edit(
        name, text, explanation=f"Edited by hand in {out.name}.", static_checks=False
    )
    return edit.version


def _report(outcome: GenerationOutcome, out: Path, stderr: TextIO) -> int:
    if outcome.status in ("saved", "cached") and outcome.version is not None:
        write_atomically(out, outcome.version.code)
        stderr.write(_success_line(outcome, out) + "\n")
        return EXIT_OK
    if outcome.status == "cancelled":
        stderr.write("error: cancelled; the file was not changed\n")
        return EXIT_CANCELLED
    reason = outcome.error.message if outcome.error is not None else "the generation failed"
    stderr.write(f"error: {one_line(reason)}\n")
    return EXIT_FAILED


def _success_line(outcome: GenerationOutcome, out: Path) -> str:
    from jupyter_componentgen.engine.repairs import repairs_note

    version = outcome.version
    assert version is not None
    if outcome.status == "cached":
        return (
            f"Cached: wrote version {version.number} of {version.component} to {out} "
            "with no model call (--regenerate asks the model again)."
        )
    usage = outcome.usage
    parts = [
        f"Saved version {version.number} of {version.component} to {out}",
        f"{usage.input_tokens:,} in / {usage.output_tokens:,} out tokens",
    ]
    if usage.cost is not None:
        parts.append(f"${usage.cost:.4f}")
    if version.latency_ms is not None:
        parts.append(f"{version.latency_ms / 1000:.1f} s")
    if version.repairs:
        parts.append(repairs_note(version.repairs))
    return " · ".join(parts)
