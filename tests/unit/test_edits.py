"""Diff edits: reading SEARCH/REPLACE blocks, whitespace-tolerant application, and the engine's use of them
(previews per applied block, one whole-file rewrite when a block does not apply)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from jupyter_componentgen.config import engine_settings, load_settings
from jupyter_componentgen.engine.answer import Answer
from jupyter_componentgen.engine.answer.edits import (
    EditBlockReader,
    EditMismatch,
    SearchReplace,
    apply_block,
    apply_blocks,
)
from jupyter_componentgen.engine.events import Event
from jupyter_componentgen.engine.generation import Engine, GenerationRequest
from jupyter_componentgen.resources import load_schema
from jupyter_componentgen.store import Store
from tests.provider import Script, ScriptedProvider, recording

COUNTER = recording("counter_button")
FAST = 5000.0
CODE = """import { useState } from "react";

export default function Counter() {
  const [count, setCount] = useState(0);
  return (
    <button className="bg-indigo-600" onClick={() => setCount(count + 1)}>
      Clicked {count} times
    </button>
  );
}
"""


def block(search: str, replace: str, index: int = 1) -> SearchReplace:
    return SearchReplace(index, search, replace)


def edit_answer(*pairs: tuple[str, str], name: str = "Counter") -> str:
    blocks = "".join(
        f"<<<<<<< SEARCH\n{search}=======\n{replace}>>>>>>> REPLACE\n" for search, replace in pairs
    )
    return f"/// EDIT {name}\n{blocks}/// END {name}\nMade the change.\n"


def test_reader_returns_each_block_when_complete_across_chunk_boundaries() -> None:
    text = edit_answer(("a\n", "b\n"), ("c\n", "")).split("\n", 1)[1].rsplit("/// END", 1)[0]
    reader = EditBlockReader()
    seen: list[SearchReplace] = []
    for char in text:
        seen.extend(reader.feed(char))
    seen.extend(reader.close())
    assert seen == [SearchReplace(1, "a\n", "b\n"), SearchReplace(2, "c\n", "")]
    assert not reader.inside_block


BUTTON_LINE = '    <button className="bg-indigo-600" onClick={() => setCount(count + 1)}>\n'


def test_exact_match_replaces_once() -> None:
    result = apply_block(CODE, block(BUTTON_LINE, BUTTON_LINE.replace("indigo", "emerald")))
    assert "bg-emerald-600" in result
    assert result.replace("bg-emerald-600", "bg-indigo-600") == CODE
    # A SEARCH without its final newline still ends the line; a replacement with one adds no blank line.
    unterminated = apply_block(CODE, block(BUTTON_LINE[:-1], BUTTON_LINE.replace("indigo", "emerald")))
    assert unterminated == result


# One-line SEARCH parts: the prompt asks for the fewest whole lines that occur once, usually one line.
TABLE = """export default function Table({ rows }) {
  const x = 1;
  const max = 1;
  return (
    <table>
      <tr>
        <td>{rows.length}</td>
      </tr>
      <tr>
          <td>{rows.length}</td>
      </tr>
    </table>
  );
}
"""


def test_a_one_line_search_never_matches_inside_a_longer_line() -> None:
    tail = "onClick={() => setCount(count + 1)}>\n"
    assert CODE.count(tail) == 1, "the tail of the button line occurs once, as a fragment"
    with pytest.raises(EditMismatch) as fragment:
        apply_block(CODE, block(tail, "onClick={() => setCount(0)}>\n"))
    assert fragment.value.kind == "missing"
    # A line that is also the end of a longer line is found as the whole line only: not ambiguous.
    result = apply_block(TABLE, block("  const x = 1;\n", "  const x = 2;\n"))
    assert "  const x = 2;\n  const max = 1;\n" in result


def test_a_one_line_search_that_occurs_twice_is_ambiguous_verbatim_or_tolerant() -> None:
    with pytest.raises(EditMismatch) as repeated:
        apply_block(TABLE, block("      </tr>\n", "      </tr>\n      <tr />\n"))
    assert (repeated.value.kind, "2 places" in repeated.value.message) == ("ambiguous", True)
    # Without its indentation the cell line matches both rows (once per indentation): ambiguous too.
    with pytest.raises(EditMismatch) as drifted:
        apply_block(TABLE, block("<td>{rows.length}</td>\n", "<td>{rows.length + 1}</td>\n"))
    assert drifted.value.kind == "ambiguous"


def test_a_verbatim_one_line_search_picks_the_line_with_its_exact_indentation() -> None:
    result = apply_block(
        TABLE, block("        <td>{rows.length}</td>\n", "        <td>{rows.length}!</td>\n")
    )
    assert "        <td>{rows.length}!</td>\n" in result
    assert "          <td>{rows.length}</td>\n" in result, "the deeper-indented copy is untouched"


def test_a_one_line_search_without_indentation_reindents_a_multi_line_replacement() -> None:
    result = apply_block(
        CODE,
        block(
            "const [count, setCount] = useState(0);\n",
            "const [count, setCount] = useState(0);\nconst doubled = count * 2;\n",
        ),
    )
    assert "  const [count, setCount] = useState(0);\n  const doubled = count * 2;\n  return (\n" in result


def test_a_blank_one_line_search_is_refused_as_empty() -> None:
    with pytest.raises(EditMismatch) as blank:
        apply_block(CODE, block("\n", "const x = 1;\n"))
    assert blank.value.kind == "empty"


def test_whitespace_drift_matches_and_keeps_the_codes_indentation() -> None:
    drifted = block(
        'return (\n<button   className="bg-indigo-600" onClick={() => setCount(count + 1)}>\n',
        'return (\n<button className="bg-rose-600" onClick={() => setCount(count + 2)}>\n',
    )
    result = apply_block(CODE, drifted)
    # The SEARCH's first line had no indentation where the code has two spaces: the replacement moves too.
    assert '  return (\n  <button className="bg-rose-600" onClick={() => setCount(count + 2)}>\n' in result
    assert "bg-indigo-600" not in result
    # Everything outside the matched lines is untouched.
    assert result.splitlines()[:3] == CODE.splitlines()[:3]
    assert result.splitlines()[-4:] == CODE.splitlines()[-4:]


def test_reindent_shifts_the_replacement_by_the_codes_indentation() -> None:
    result = apply_block(
        CODE, block("const [count, setCount] = useState(0);\n", "const [count, setCount] = useState(10);\n")
    )
    assert "  const [count, setCount] = useState(10);\n" in result


def test_ambiguous_and_missing_blocks_are_refused() -> None:
    with pytest.raises(EditMismatch) as ambiguous:
        apply_block(CODE, block("  ", "x", 2))
    assert ambiguous.value.kind in ("ambiguous", "empty")
    with pytest.raises(EditMismatch) as twice:
        apply_block(CODE + CODE, block("  const [count, setCount] = useState(0);\n", "x\n", 3))
    assert twice.value.kind == "ambiguous"
    assert "block 3" in twice.value.message
    with pytest.raises(EditMismatch) as missing:
        apply_block(CODE, block("const total = 0;\n", "const total = 1;\n"))
    assert missing.value.kind == "missing"
    assert "const total = 0;" in missing.value.message


def test_blocks_apply_in_order_and_delete_with_an_empty_replacement() -> None:
    result = apply_blocks(
        CODE,
        [block('import { useState } from "react";\n\n', ""), block("Clicked {count} times", "{count}", 2)],
    )
    assert not result.startswith("import")
    assert "      {count}\n" in result


# Previews as blocks apply --------------------------------------------------------------------------------


def test_each_applied_block_is_previewed_as_the_whole_code_before_the_next_block_streams() -> None:
    first = CODE.replace("bg-indigo-600", "bg-emerald-600")
    second = first.replace("Clicked {count} times", "Clicked {count} times so far")
    answer = edit_answer(
        (BUTTON_LINE, BUTTON_LINE.replace("indigo", "emerald")),
        ("      Clicked {count} times\n", "      Clicked {count} times so far\n"),
    )
    cut = answer.index("<<<<<<< SEARCH", answer.index(">>>>>>> REPLACE"))
    events: list[Event] = []
    edit = Answer(events.append, base_code=CODE, checker=None)

    edit.feed(answer[:cut])
    after_first = list(events)
    edit.feed(answer[cut:])
    edit.close()

    def previews(seen: list[Event]) -> list[str]:
        codes: list[str] = []
        for event in seen:
            if event["type"] == "content_block_start":
                assert event["kind"] == "file", "the SEARCH/REPLACE text itself is never sent"
                codes.append("")
            elif event["type"] == "content_block_delta":
                codes[-1] += event["text"]
        return codes

    assert previews(after_first) == [first], "the first change shows before the second block arrives"
    assert previews(events) == [first, second]
    stops = [i for i, e in enumerate(events) if e["type"] == "content_block_stop"]
    last_delta = max(i for i, e in enumerate(events) if e["type"] == "content_block_delta")
    assert len(stops) == 1
    assert stops[0] > last_delta, "the preview stays open until the edit's END, so followers render it"
    assert edit.finish(stop_reason="end_turn", continuations=0, max_tokens=8192) == second


# The engine ---------------------------------------------------------------------------------------------


def make_engine(tmp_path: Path, **overrides: Any) -> Engine:
    settings = load_settings(
        first_token_timeout=2.0, idle_timeout=2.0, total_timeout=20.0, max_retries=0, **overrides
    )
    return Engine(engine_settings(settings), Store.for_notebook(tmp_path / "analysis.ipynb"))


def run(engine: Engine, instruction: str) -> tuple[Any, list[Event]]:
    events: list[Event] = []
    outcome = asyncio.run(engine.run(GenerationRequest("counter", instruction), events.append))
    return outcome, events


def original_code() -> str:
    return COUNTER.split("/// START", 1)[1].split("\n", 1)[1].split("/// END", 1)[0]


def test_engine_applies_a_diff_edit_and_previews_each_block(
    tmp_path: Path, llm_env: ScriptedProvider
) -> None:
    code = original_code()
    lines = [line for line in code.splitlines(keepends=True) if "bg-indigo-600" in line]
    assert lines, "the recording has the class this test edits"
    first = lines[0]
    answer = edit_answer((first, first.replace("bg-indigo-600", "bg-emerald-600")))
    llm_env.enqueue(Script(COUNTER, tokens_per_second=FAST), Script(answer, tokens_per_second=FAST))
    engine = make_engine(tmp_path)
    run(engine, "A button that counts clicks")

    outcome, events = run(engine, "make it green")

    assert outcome.status == "saved", outcome.error
    assert outcome.code == code.replace(first, first.replace("bg-indigo-600", "bg-emerald-600"), 1)
    assert engine.store.current("counter") == outcome.version
    starts = [e for e in events if e["type"] == "content_block_start"]
    assert [s["kind"] for s in starts] == ["file"], "the edit's text is not sent; its result is, as a file"
    streamed = "".join(e["text"] for e in events if e["type"] == "content_block_delta")
    assert streamed == outcome.code
    validator = jsonschema.Draft202012Validator(load_schema("events"))
    for event in events:
        validator.validate(event)
    assert "Made the change." in outcome.version.explanation
    assert len(llm_env.requests) == 2
    assert "<<<<<<< SEARCH" in llm_env.requests[1].last_user_text(), "the edit prompt offers the diff form"


def test_edit_with_whitespace_drift_still_applies(tmp_path: Path, llm_env: ScriptedProvider) -> None:
    code = original_code()
    target = next(line for line in code.splitlines(keepends=True) if "useState(0)" in line)
    drifted = "\t" + " ".join(target.split()) + "\n"
    answer = edit_answer((drifted, drifted.replace("useState(0)", "useState(5)")))
    llm_env.enqueue(Script(COUNTER, tokens_per_second=FAST), Script(answer, tokens_per_second=FAST))
    engine = make_engine(tmp_path)
    run(engine, "A button that counts clicks")

    outcome, _ = run(engine, "start at five")

    assert outcome.status == "saved", outcome.error
    assert outcome.code == code.replace(target, target.replace("useState(0)", "useState(5)"))


@pytest.mark.parametrize(
    ("search", "why"),
    [("const nothing = here;\n", "not in the current code"), ("", "empty SEARCH")],
)
def test_a_block_that_does_not_apply_asks_once_for_the_whole_file(
    tmp_path: Path, llm_env: ScriptedProvider, search: str, why: str
) -> None:
    rewritten = COUNTER.replace("bg-indigo-600", "bg-amber-600")
    llm_env.enqueue(
        Script(COUNTER, tokens_per_second=FAST),
        Script(edit_answer((search, "const x = 1;\n")), tokens_per_second=FAST),
        Script(rewritten, tokens_per_second=FAST),
    )
    engine = make_engine(tmp_path)
    run(engine, "A button that counts clicks")

    outcome, events = run(engine, "make it amber")

    assert outcome.status == "saved", outcome.error
    assert "bg-amber-600" in outcome.code
    assert len(llm_env.requests) == 3
    retry = next(e for e in events if e["type"] == "status" and e["phase"] == "retrying")
    assert why in retry["message"]
    assert "whole file" in retry["message"]
    assert "could not be applied" in llm_env.requests[2].last_user_text()
    assert outcome.route is not None
    assert outcome.route.kind == "rewrite"


def test_an_ambiguous_edit_then_another_edit_fails_without_a_new_version(
    tmp_path: Path, llm_env: ScriptedProvider
) -> None:
    ambiguous = edit_answer(("  \n", "x\n"))
    llm_env.enqueue(
        Script(COUNTER, tokens_per_second=FAST),
        # The second block's "}" line is unique in the code the model saw, but not after the first block.
        Script(
            edit_answer(("}\n", "}\n\nfunction Extra() {\n  return null;\n}\n"), ("}\n", "};\n")),
            tokens_per_second=FAST,
        ),
        Script(ambiguous, tokens_per_second=FAST),
    )
    engine = make_engine(tmp_path)
    run(engine, "A button that counts clicks")

    outcome, events = run(engine, "add semicolons")

    assert outcome.status == "failed"
    assert outcome.error is not None
    assert outcome.error.code == "no_code"
    assert "did not apply" in outcome.error.message
    assert len(llm_env.requests) == 3, "the rewrite is asked for once, not in a loop"
    current = engine.store.current("counter")
    assert current is not None
    assert current.number == 1
    assert events[-1]["phase"] == "error"


def test_the_cell_widget_restarts_its_preview_from_the_code_after_each_block(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, llm_env: ScriptedProvider
) -> None:
    from jupyter_componentgen.kernel.api import Component
    from tests.unit.kernel_helpers import decode_events, from_view, kernel_side

    code = original_code()
    colour = next(line for line in code.splitlines(keepends=True) if "bg-indigo-600" in line)
    first = code.replace(colour, colour.replace("bg-indigo-600", "bg-emerald-600"))
    second = first.replace("        Add one\n", "        Add one more\n")
    answer = edit_answer(
        (colour, colour.replace("bg-indigo-600", "bg-emerald-600")),
        ("        Add one\n", "        Add one more\n"),
        name="CounterButton",
    )
    llm_env.enqueue(Script(COUNTER, tokens_per_second=FAST), Script(answer, tokens_per_second=FAST))
    with kernel_side(tmp_path, monkeypatch) as comms:
        widget = Component("counter", create=True)
        from_view(widget, {"type": "view_ready"})
        widget.edit("A button that counts clicks")
        before = len(comms.custom(widget))

        widget.edit("green, and a longer label")

        events = decode_events(comms.custom(widget)[before:])
        blocks: list[str] = []
        for event in events:
            if event["type"] == "content_block_start" and event["kind"] == "file":
                blocks.append("")
            elif event["type"] == "content_block_delta":
                blocks[-1] += event["text"]
        assert blocks == [first, second], "each applied block shows the whole code as it stands"
        assert (events[-1]["type"], events[-1]["phase"]) == ("status", "done")
        assert events[-2]["version"] == 2
        assert (widget.version, widget.code) == (2, second)
