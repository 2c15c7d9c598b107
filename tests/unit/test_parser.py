"""The marker parser: same result however the stream is chunked, and tolerant of what models really write."""

from __future__ import annotations

import random
import time
from typing import Any

import jsonschema
import pytest

from jupyter_componentgen.engine.answer.parser import MarkerParser, ParsedBlock
from jupyter_componentgen.engine.events import Event
from jupyter_componentgen.resources import load_schema

SALES_CARD = """\
import { useState } from "react";

export default function SalesCard({ data }) {
  const [open, setOpen] = useState(false);
  // Comments and /// triple slashes inside code stay code.
  /// <reference types="react" />
  return <div className="p-4">{data.length} rows</div>;
}
"""

EDIT_BODY = """\
<<<<<<< SEARCH
  return <div className="p-4">{data.length} rows</div>;
=======
  return <div className="p-6">{data.length} rows</div>;
>>>>>>> REPLACE
"""

CHART = """\
import { LineChart, Line } from "recharts";
export default function Trend({ data }) {
  const note = `
```
fences inside a template literal are code
```
`;
  return <LineChart data={data}><Line dataKey="y" /></LineChart>;
}
"""

RESPONSES: dict[str, str] = {
    "plain": f"Here is the card.\n/// START SalesCard\n{SALES_CARD}/// END SalesCard\nIt shows the row count.\n",
    "no_prose_no_final_newline": f"/// START SalesCard\n{SALES_CARD}/// END SalesCard",
    "fenced_crlf": (
        "Sure! Below is the component.\r\n\r\n/// START SalesCard\r\n```jsx\r\n"
        + SALES_CARD.replace("\n", "\r\n")
        + "```\r\n/// END SalesCard\r\nEnjoy.\r\n"
    ),
    "spaces_and_mismatched_end": (
        f"Preamble line one.\nline two\n   ///   START   SalesCard  \n{SALES_CARD}\t/// END Salescard \n"
    ),
    "two_components": (
        f"First the card:\n/// START SalesCard\n{SALES_CARD}/// END SalesCard\n"
        f"And the chart:\n\n/// START Trend\n```tsx\n{CHART}```\n\n/// END Trend\nThat is all.\n"
    ),
    "edit": f"Making the padding larger.\n/// EDIT SalesCard\n{EDIT_BODY}/// END SalesCard\n",
    "truncated": f"Working on it.\n/// START SalesCard\n{SALES_CARD[:120]}",
    "truncated_after_fence": "/// START SalesCard\n```jsx\nconst a = 1;\n```\n",
    "fences_elsewhere": f"```js\nprose fence\n```\n/// START Trend\n\n{CHART}/// END Trend\n",
    "lone_cr": "a\rb\n/// START X\nconst s = 'x\\r';\r\ny\r\r\n/// END X\n",
    "marker_like_lines": (
        "///not a marker\n/// STARTX Foo\n/// START\n/// END\n"
        "/// START A\n//// four slashes\n/// ENDING soon\n///END A\n"
    ),
    "start_without_end": "/// START A\nconst a = 1;\n/// START B\nconst b = 2;\n/// END B\n",
}


def parse(chunks: list[str]) -> tuple[list[Event], MarkerParser]:
    parser = MarkerParser()
    events: list[Event] = []
    for chunk in chunks:
        events.extend(parser.feed(chunk))
    events.extend(parser.close())
    return events, parser


def merged(events: list[Event]) -> list[Event]:
    """Consecutive deltas for the same target joined: what a consumer would reconstruct."""
    result: list[Event] = []
    for event in events:
        previous = result[-1] if result else None
        if (
            previous is not None
            and event["type"] in {"content_block_delta", "text_delta"}
            and previous["type"] == event["type"]
            and previous.get("component") == event.get("component")
        ):
            result[-1] = {**previous, "text": previous["text"] + event["text"]}
        else:
            result.append(dict(event))
    return result


def outcome(chunks: list[str]) -> tuple[list[Event], list[ParsedBlock], str, str | None]:
    events, parser = parse(chunks)
    assert all(event.get("text", "x") for event in events), "no empty deltas"
    return merged(events), parser.blocks, parser.prose, parser.truncated


def block_texts(events: list[Event]) -> dict[str, str]:
    texts: dict[str, str] = {}
    for event in events:
        if event["type"] == "content_block_delta":
            texts[event["component"]] = texts.get(event["component"], "") + event["text"]
    return texts


@pytest.mark.parametrize("name", sorted(RESPONSES))
def test_every_split_point_gives_the_same_result(name: str) -> None:
    response = RESPONSES[name]
    expected = outcome([response])
    for cut in range(len(response) + 1):
        assert outcome([response[:cut], response[cut:]]) == expected, f"split at {cut}"


@pytest.mark.parametrize("name", sorted(RESPONSES))
def test_one_character_at_a_time_and_random_chunks(name: str) -> None:
    response = RESPONSES[name]
    expected = outcome([response])
    assert outcome(list(response)) == expected
    rng = random.Random(name)
    for _ in range(40):
        chunks, rest = [], response
        while rest:
            size = rng.randint(0, 12)
            chunks.append(rest[:size])
            rest = rest[size:]
        assert outcome(chunks) == expected


def test_plain_response() -> None:
    events, blocks, prose, truncated = outcome([RESPONSES["plain"]])
    assert events == [
        {"type": "text_delta", "text": "Here is the card.\n"},
        {"type": "content_block_start", "component": "SalesCard", "kind": "file", "position": 0},
        {"type": "content_block_delta", "component": "SalesCard", "text": SALES_CARD},
        {"type": "content_block_stop", "component": "SalesCard"},
        {"type": "text_delta", "text": "It shows the row count.\n"},
    ]
    assert blocks == [ParsedBlock("SalesCard", "file", SALES_CARD, complete=True)]
    assert prose == "Here is the card.\nIt shows the row count.\n"
    assert truncated is None


def test_end_marker_without_final_newline_completes_the_block() -> None:
    _, blocks, prose, truncated = outcome([RESPONSES["no_prose_no_final_newline"]])
    assert blocks == [ParsedBlock("SalesCard", "file", SALES_CARD, complete=True)]
    assert prose == ""
    assert truncated is None


def test_wrapping_fences_and_crlf_are_removed() -> None:
    events, blocks, prose, _ = outcome([RESPONSES["fenced_crlf"]])
    assert blocks == [ParsedBlock("SalesCard", "file", SALES_CARD, complete=True)]
    assert prose == "Sure! Below is the component.\n\nEnjoy.\n"
    assert all("\r" not in event.get("text", "") for event in events)


def test_crlf_split_between_cr_and_lf() -> None:
    events, parser = parse(["/// START A\r", "\nline one\r", "\n/// END A\r", "\nbye\r", "\n"])
    assert parser.blocks == [ParsedBlock("A", "file", "line one\n", complete=True)]
    assert parser.prose == "bye\n"
    assert all("\r" not in event.get("text", "") for event in events)


def test_lone_carriage_returns_that_are_not_line_ends_are_kept() -> None:
    _, blocks, prose, _ = outcome([RESPONSES["lone_cr"]])
    assert prose == "a\rb\n"
    assert blocks[0].text == "const s = 'x\\r';\ny\r\n"


def test_fences_inside_the_code_are_kept() -> None:
    _, blocks, prose, _ = outcome([RESPONSES["fences_elsewhere"]])
    assert prose == "```js\nprose fence\n```\n"
    # The leading blank line is code; the first non-blank line is not a fence, so nothing is dropped.
    assert blocks == [ParsedBlock("Trend", "file", "\n" + CHART, complete=True)]


def test_a_bare_fence_line_not_before_end_is_code() -> None:
    _, parser = parse(["/// START A\nconst a = 1;\n```\n\nconst b = 2;\n```\n  \n/// END A\n"])
    assert parser.blocks[0].text == "const a = 1;\n```\n\nconst b = 2;\n"


def test_spaces_around_markers_and_an_end_with_another_name() -> None:
    events, blocks, prose, truncated = outcome([RESPONSES["spaces_and_mismatched_end"]])
    assert prose == "Preamble line one.\nline two\n"
    assert blocks == [ParsedBlock("SalesCard", "file", SALES_CARD, complete=True)]
    assert events[-1] == {"type": "content_block_stop", "component": "SalesCard"}
    assert truncated is None


def test_two_components_with_prose_between() -> None:
    events, blocks, prose, truncated = outcome([RESPONSES["two_components"]])
    starts = [event for event in events if event["type"] == "content_block_start"]
    assert starts == [
        {"type": "content_block_start", "component": "SalesCard", "kind": "file", "position": 0},
        {"type": "content_block_start", "component": "Trend", "kind": "file", "position": 1},
    ]
    assert [block.text for block in blocks] == [SALES_CARD, CHART]
    assert all(block.complete for block in blocks)
    assert prose == "First the card:\nAnd the chart:\n\nThat is all.\n"
    assert truncated is None
    assert block_texts(events) == {"SalesCard": SALES_CARD, "Trend": CHART}


def test_edit_blocks_pass_their_body_through() -> None:
    events, blocks, prose, _ = outcome([RESPONSES["edit"]])
    assert events[1] == {
        "type": "content_block_start",
        "component": "SalesCard",
        "kind": "edit",
        "position": 0,
    }
    assert blocks == [ParsedBlock("SalesCard", "edit", EDIT_BODY, complete=True)]
    assert prose == "Making the padding larger.\n"


def test_truncated_block_is_reported_and_never_stopped() -> None:
    events, blocks, prose, truncated = outcome([RESPONSES["truncated"]])
    assert truncated == "SalesCard"
    assert blocks == [ParsedBlock("SalesCard", "file", SALES_CARD[:120], complete=False)]
    assert prose == "Working on it.\n"
    assert not any(event["type"] == "content_block_stop" for event in events)


def test_truncated_block_keeps_a_held_fence() -> None:
    _, blocks, _, truncated = outcome([RESPONSES["truncated_after_fence"]])
    assert truncated == "SalesCard"
    assert blocks == [ParsedBlock("SalesCard", "file", "const a = 1;\n```\n", complete=False)]


def test_a_start_before_the_previous_end_leaves_that_block_incomplete() -> None:
    events, blocks, _, truncated = outcome([RESPONSES["start_without_end"]])
    assert blocks == [
        ParsedBlock("A", "file", "const a = 1;\n", complete=False),
        ParsedBlock("B", "file", "const b = 2;\n", complete=True),
    ]
    assert truncated == "A"
    assert [event["component"] for event in events if event["type"] == "content_block_stop"] == ["B"]


def test_marker_lookalikes() -> None:
    _, blocks, prose, _ = outcome([RESPONSES["marker_like_lines"]])
    # A START without a name is not a marker; a stray END outside a block is dropped.
    assert prose == "///not a marker\n/// STARTX Foo\n/// START\n"
    assert blocks == [ParsedBlock("A", "file", "//// four slashes\n/// ENDING soon\n", complete=True)]


def test_truncated_is_none_before_close_and_feed_after_close_fails() -> None:
    parser = MarkerParser()
    parser.feed("/// START A\nx")
    assert parser.truncated is None
    assert parser.blocks == [ParsedBlock("A", "file", "x", complete=False)]
    parser.close()
    assert parser.truncated == "A"
    assert parser.close() == []
    with pytest.raises(RuntimeError):
        parser.feed("more")


def test_partial_lines_stream_promptly() -> None:
    parser = MarkerParser()
    assert parser.feed("Hel") == [{"type": "text_delta", "text": "Hel"}]
    assert parser.feed("lo\n/// STA") == [{"type": "text_delta", "text": "lo\n"}]
    assert parser.feed("RT A\n```j") == [
        {"type": "content_block_start", "component": "A", "kind": "file", "position": 0}
    ]
    # A possible opening fence waits for its line end; then ordinary code streams at once.
    assert parser.feed("sx\nconst") == [{"type": "content_block_delta", "component": "A", "text": "const"}]
    assert parser.feed(" x = 1;\n  /// EN") == [
        {"type": "content_block_delta", "component": "A", "text": " x = 1;\n"}
    ]
    # "/// EN" might become END: held. "/// ENx" cannot: released.
    assert parser.feed("x") == [{"type": "content_block_delta", "component": "A", "text": "  /// ENx"}]
    # "``" might become a closing fence: held. "```js" cannot: released.
    assert parser.feed("\n``") == [{"type": "content_block_delta", "component": "A", "text": "\n"}]
    assert parser.feed("`js") == [{"type": "content_block_delta", "component": "A", "text": "```js"}]
    assert parser.feed("\r") == []
    assert parser.feed("\n") == [{"type": "content_block_delta", "component": "A", "text": "\n"}]


def test_events_match_the_wire_schema() -> None:
    validator = jsonschema.Draft202012Validator(load_schema("events"))
    events, _ = parse(list(RESPONSES["two_components"]) + list(RESPONSES["edit"]))
    for seq, event in enumerate(events, start=1):
        stamped: dict[str, Any] = {**event, "generation": "g1", "seq": seq}
        validator.validate(stamped)


def test_linear_time_on_a_large_response_fed_one_character_at_a_time() -> None:
    line = "    const total = rows.reduce((sum, row) => sum + row.amount, 0); // sum\n"
    body = line * (2_000_000 // len(line))
    response = f"Intro.\n/// START Big\n```jsx\n{body}```\n/// END Big\nDone.\n"
    parser = MarkerParser()
    started = time.perf_counter()
    for char in response:
        parser.feed(char)
    parser.close()
    elapsed = time.perf_counter() - started
    assert parser.blocks == [ParsedBlock("Big", "file", body, complete=True)]
    # About 2 s on a slow shared machine; a rescan per feed would take hours.
    assert elapsed < 30, elapsed


def test_long_lines_are_not_held() -> None:
    parser = MarkerParser()
    parser.feed("/// START A\n")
    spaces = " " * 300
    events = parser.feed(spaces)
    assert events == [{"type": "content_block_delta", "component": "A", "text": spaces}]
