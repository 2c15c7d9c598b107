"""Fixes over the stream socket: of a blocked draft (with the server's own findings) or of a frame error,
asked by the person or automatically (once per version a server generation saved, never for a fix)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from jupyter_componentgen.server.messages_in import BadMessage, Fix, FrameReport, parse_client_message
from tests.provider import Script, ScriptedProvider, recording

from .conftest import (
    Fetch,
    Message,
    StreamClient,
    StreamFactory,
    code_between_markers,
    componentgen_service,
    finished,
    generate_request,
    is_event,
    payload,
)

COUNTER = recording("counter_button")
SALES = recording("sales_card")
FAST = 3000.0
BANNED_LINE = '  fetch("https://example.invalid/collect");'
# The counter, with a network call the static checks block.
HOSTILE = COUNTER.replace(
    "  const [count, setCount] = useState(0);",
    "  const [count, setCount] = useState(0);\n" + BANNED_LINE,
)
RUNTIME_ERROR = {"phase": "runtime", "message": "TypeError: data.map is not a function", "line": 9}


def fix_request(notebook: str, *, id: str = "fix-1", auto: bool = False, **fields: Any) -> Message:
    return {"type": "fix", "id": id, "notebook": notebook, "component": "counter", "auto": auto, **fields}


def frame_error(version: int, **fields: Any) -> dict[str, Any]:
    return {**RUNTIME_ERROR, "version": version, **fields}


async def run_to_end(client: StreamClient, message: Message) -> list[Message]:
    """Send a request and collect everything up to its generation's last event (and the update after)."""
    await client.send(message)
    messages = await client.until(finished, seconds=30)
    if messages[-1]["event"]["phase"] in ("done", "cached"):
        messages += await client.until(lambda m: m["type"] == "component_updated")
    return messages


async def refusal(client: StreamClient, message: Message) -> Message:
    await client.send(message)
    answer = (await client.until(lambda m: m.get("id") == message["id"]))[-1]
    assert answer["type"] == "request_error", answer
    return answer


async def generate_counter(
    client: StreamClient, notebook: str, llm_env: ScriptedProvider, version: int = 1
) -> None:
    """The next version of "counter", saved by a server generation."""
    llm_env.enqueue(Script(COUNTER, tokens_per_second=FAST))
    messages = await run_to_end(client, generate_request(notebook, "counter", "A button that counts"))
    assert messages[-1]["version"] == version


# -- parsing ---------------------------------------------------------------------------------------------


def parse(message: Any) -> Any:
    return parse_client_message(json.dumps(message), max_bytes=100_000, max_instruction_chars=1_000)


def test_fix_messages_parse_and_client_findings_are_refused() -> None:
    by_draft = parse(fix_request("a.ipynb", draft=4))
    assert by_draft == Fix("fix-1", "a.ipynb", "counter", 4, None, None, None, False)
    by_error = parse(fix_request("a.ipynb", auto=True, error=frame_error(2, column=4)))
    assert by_error.error == FrameReport("runtime", RUNTIME_ERROR["message"], 9, 4, "")
    assert (by_error.version, by_error.auto) == (2, True)

    refused = [
        fix_request("a.ipynb"),  # neither draft nor error
        fix_request("a.ipynb", draft=4, error=frame_error(2)),
        fix_request("a.ipynb", draft=4, findings=[{"rule": "x", "message": "fine", "line": 1}]),
        fix_request("a.ipynb", draft=0),
        fix_request("a.ipynb", error={**RUNTIME_ERROR}),  # no version
        fix_request("a.ipynb", error=frame_error(1, phase="timeout")),
        {**fix_request("a.ipynb", draft=4), "auto": "yes"},
        {"type": "frame_status", "notebook": "a.ipynb", "component": "counter", "error": None},
    ]
    for message in refused:
        with pytest.raises(BadMessage) as caught:
            parse(message)
        assert caught.value.code == "bad_message"
        assert StreamClient.WS.is_valid(message) is False, message


# -- fixes asked by the person ---------------------------------------------------------------------------


async def test_a_blocked_draft_is_fixed_with_the_servers_findings_and_its_code(
    server: Any, llm_env: ScriptedProvider, open_stream: StreamFactory, api: Fetch, notebook: str
) -> None:
    fixed = COUNTER.replace("Add one", "Add one safely")
    llm_env.enqueue(Script(HOSTILE, tokens_per_second=FAST), Script(fixed, tokens_per_second=FAST))
    client = await open_stream()
    blocked = await run_to_end(client, generate_request(notebook, "counter", "A button that counts"))
    [error] = [m["event"] for m in blocked if is_event(m, "error")]
    assert error["code"] == "blocked"
    assert error["draft"] is not None
    assert not any(m["type"] == "version_saved" for m in blocked)
    finding = error["findings"][0]
    assert finding["snippet"] in BANNED_LINE

    await client.send(fix_request(notebook, draft=error["draft"]))
    accepted = await client.receive()
    assert (accepted["type"], accepted["id"]) == ("accepted", "fix-1")
    started = await client.receive()
    assert started["instruction"].startswith("Fix the blocked code")
    messages = await client.until(lambda m: m["type"] == "component_updated")

    assert (messages[-1]["version"], messages[-1]["code"]) == (1, code_between_markers(fixed))
    prompt = llm_env.requests[-1].last_user_text()
    assert BANNED_LINE.strip() in prompt, "the blocked draft is the code to fix"
    assert f"[{finding['rule']}]" in prompt
    assert f"line {finding['line']}, column {finding['column']}" in prompt
    assert f"The error points at line {finding['line']}:" in prompt
    versions = payload(await api("components", "counter", "versions", params={"notebook": notebook}))
    assert versions["versions"][-1]["prompt"].startswith("Fix the blocked code")


async def test_a_blocked_diff_edit_is_fixed_from_the_whole_edited_component(
    server: Any, llm_env: ScriptedProvider, open_stream: StreamFactory, notebook: str
) -> None:
    client = await open_stream()
    await generate_counter(client, notebook, llm_env)
    hook = "  const [count, setCount] = useState(0);\n"
    edit = (
        f"/// EDIT CounterButton\n<<<<<<< SEARCH\n{hook}=======\n{hook}{BANNED_LINE}\n>>>>>>> REPLACE\n"
        "/// END CounterButton\n"
    )
    llm_env.enqueue(Script(edit, tokens_per_second=FAST), Script(COUNTER, tokens_per_second=FAST))
    blocked = await run_to_end(
        client, {**generate_request(notebook, "counter", "Send the count home"), "type": "edit"}
    )
    draft = next(m["event"]["draft"] for m in blocked if is_event(m, "error", code="blocked"))

    await run_to_end(client, fix_request(notebook, draft=draft))

    prompt = llm_env.requests[-1].last_user_text()
    code = prompt.split("<current_code>", 1)[1].split("</current_code>", 1)[0]
    assert BANNED_LINE.strip() in code
    assert "export default function CounterButton" in code, "the model sees the whole edited component"
    assert "<<<<<<< SEARCH" not in code


async def test_fixes_of_unknown_or_stale_drafts_and_of_old_versions_are_refused(
    server: Any, llm_env: ScriptedProvider, open_stream: StreamFactory, api: Fetch, notebook: str
) -> None:
    client = await open_stream()
    await generate_counter(client, notebook, llm_env)
    llm_env.enqueue(Script(HOSTILE, tokens_per_second=FAST))
    blocked = await run_to_end(
        client, {**generate_request(notebook, "counter", "Send the count home"), "type": "edit"}
    )
    draft = next(m["event"]["draft"] for m in blocked if is_event(m, "error"))
    calls = len(llm_env.requests)

    unknown = await refusal(client, fix_request(notebook, draft=draft + 100))
    assert (unknown["code"], unknown["id"]) == ("unknown_draft", "fix-1")
    assert f"no draft {draft + 100}" in unknown["message"]

    hand_code = "export default function Counter() { return <b>by hand</b>; }\n"
    response = await api(
        "components", "counter", "versions", params={"notebook": notebook}, body={"code": hand_code}
    )
    assert payload(response)["number"] == 2
    stale = await refusal(client, fix_request(notebook, draft=draft))
    assert stale["code"] == "stale_draft"
    assert "version 2 is current" in stale["message"]

    old = await refusal(client, fix_request(notebook, error=frame_error(1)))
    assert old["code"] == "not_current"
    assert "Version 1" in old["message"]
    missing = await refusal(client, {**fix_request(notebook, error=frame_error(1)), "component": "nope"})
    assert missing["code"] == "not_found"
    assert len(llm_env.requests) == calls, "no refused fix reached the model"


async def test_a_frame_error_of_the_current_version_is_fixed_by_hand_with_the_failing_line(
    server: Any, llm_env: ScriptedProvider, open_stream: StreamFactory, notebook: str
) -> None:
    client = await open_stream()
    await generate_counter(client, notebook, llm_env)
    llm_env.enqueue(Script(SALES.replace("SalesCard", "CounterButton"), tokens_per_second=FAST))

    messages = await run_to_end(client, fix_request(notebook, error=frame_error(1)))

    assert messages[-1]["version"] == 2
    prompt = llm_env.requests[-1].last_user_text()
    assert "runtime error: TypeError: data.map is not a function" in prompt
    code_line_9 = code_between_markers(COUNTER).splitlines()[8]
    assert f"The error points at line 9:\n{code_line_9}" in prompt
    assert "export default function CounterButton" in prompt, "the current code is sent"


# -- automatic fixes -------------------------------------------------------------------------------------


async def test_an_automatic_fix_runs_once_per_saved_version_and_never_for_a_fix(
    server: Any, llm_env: ScriptedProvider, open_stream: StreamFactory, api: Fetch, notebook: str
) -> None:
    first, second = await open_stream(), await open_stream()
    await generate_counter(first, notebook, llm_env)
    llm_env.enqueue(Script(COUNTER.replace("Add one", "Add one (fixed)"), tokens_per_second=FAST))
    calls = len(llm_env.requests)

    # Two views of the same cell report the failure at once: one fix.
    await first.send(fix_request(notebook, id="a", auto=True, error=frame_error(1)))
    await second.send(fix_request(notebook, id="b", auto=True, error=frame_error(1)))
    answers = [
        (await first.until(lambda m: m.get("id") == "a"))[-1],
        (await second.until(lambda m: m.get("id") == "b"))[-1],
    ]
    assert sorted(answer["type"] for answer in answers) == ["accepted", "request_error"], answers
    refused = next(answer for answer in answers if answer["type"] == "request_error")
    assert refused["code"] == "auto_fix_skipped"
    winner = first if answers[0]["type"] == "accepted" else second
    await winner.until(lambda m: m["type"] == "component_updated", seconds=30)
    assert len(llm_env.requests) == calls + 1
    assert "data.map is not a function" in llm_env.requests[-1].last_user_text()

    # Version 2 is a fix: its own failure waits for the person.
    skipped = await refusal(first, fix_request(notebook, id="c", auto=True, error=frame_error(2)))
    assert skipped["code"] == "auto_fix_skipped"
    # Back on version 1, whose automatic fix was spent: none again.
    await api("components", "counter", "rollback", params={"notebook": notebook}, body={"version": 1})
    again = await refusal(first, fix_request(notebook, id="d", auto=True, error=frame_error(1)))
    assert again["code"] == "auto_fix_skipped"
    assert len(llm_env.requests) == calls + 1

    # The person may still ask: a fix of a fix by hand.
    await api("components", "counter", "rollback", params={"notebook": notebook}, body={"version": 2})
    llm_env.enqueue(Script(COUNTER, tokens_per_second=FAST))
    by_hand = await run_to_end(first, fix_request(notebook, id="e", error=frame_error(2)))
    assert by_hand[-1]["version"] == 3
    assert len(llm_env.requests) == calls + 2


async def test_no_automatic_fix_for_versions_not_saved_by_a_server_generation(
    server: Any, llm_env: ScriptedProvider, open_stream: StreamFactory, api: Fetch, notebook: str
) -> None:
    client = await open_stream()
    hand_code = "export default function Counter() { return <b>{data.map(String)}</b>; }\n"
    await api("components", "counter", "versions", params={"notebook": notebook}, body={"code": hand_code})
    skipped = await refusal(client, fix_request(notebook, auto=True, error=frame_error(1)))
    assert skipped["code"] == "auto_fix_skipped"

    # A version a server generation saved, but the person asked for another change since.
    await generate_counter(client, notebook, llm_env, version=2)
    llm_env.enqueue(Script(COUNTER, tokens_per_second=FAST / 30))
    await client.send({**generate_request(notebook, "counter", "Make it bigger", id="edit"), "type": "edit"})
    await client.until(lambda m: m.get("type") == "accepted")
    busy = await refusal(client, fix_request(notebook, auto=True, error=frame_error(2)))
    assert busy["code"] == "auto_fix_skipped"
    assert len(llm_env.requests) <= 2


async def test_auto_fix_off_refuses_automatic_fixes(
    server: Any, llm_env: ScriptedProvider, open_stream: StreamFactory, notebook: str
) -> None:
    componentgen_service(server).settings.auto_fix = False
    client = await open_stream()
    await generate_counter(client, notebook, llm_env)
    off = await refusal(client, fix_request(notebook, auto=True, error=frame_error(1)))
    assert off["code"] == "auto_fix_off"
    assert len(llm_env.requests) == 1


# -- frame errors reach the panel ------------------------------------------------------------------------


async def test_frame_errors_of_the_current_version_reach_subscribers_and_late_subscribers(
    server: Any, llm_env: ScriptedProvider, open_stream: StreamFactory, notebook: str
) -> None:
    view, panel = await open_stream(), await open_stream()
    await generate_counter(view, notebook, llm_env)
    await panel.send({"type": "subscribe", "notebook": notebook})
    await panel.until_type("subscribed")

    status = {"type": "frame_status", "notebook": notebook, "component": "counter", "version": 1}
    await view.send({**status, "error": RUNTIME_ERROR})
    notice = await panel.until_type("component_error")
    assert (notice["version"], notice["error"]) == (1, RUNTIME_ERROR)
    await view.send({**status, "version": 7, "error": RUNTIME_ERROR})  # not the current version: ignored

    late = await open_stream()
    await late.send({"type": "subscribe", "notebook": notebook, "component": "counter"})
    assert (await late.receive())["type"] == "subscribed"
    assert (await late.receive())["error"] == RUNTIME_ERROR

    await view.send({**status, "error": None})  # it rendered cleanly since
    cleared = await panel.until_type("component_error")
    assert (cleared["version"], cleared["error"]) == (1, None)
