"""Prompt-injection defences: the output screen, the safety classifier and the static checks in the engine."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from jupyter_componentgen.config import load_settings
from jupyter_componentgen.engine.admission import GenerationLimiter
from jupyter_componentgen.engine.checks.metrics import STATIC_BLOCKS
from jupyter_componentgen.engine.events import Event
from jupyter_componentgen.engine.gateway import Gateway
from jupyter_componentgen.engine.gateway.types import Timeouts
from jupyter_componentgen.engine.generation import GenerationRequest
from jupyter_componentgen.engine.prompts import PromptBuilder
from jupyter_componentgen.engine.screens.classifier import PromptRefused, SafetyClassifier, parse_verdict
from jupyter_componentgen.engine.screens.output import OutputScreen, RefusedOutput
from jupyter_componentgen.store import Store
from jupyter_componentgen.wiring import build_engine
from tests.provider import Script, ScriptedProvider, recording


class Events(list[Event]):
    """An event sink that keeps what it receives."""

    def __call__(self, event: Event) -> None:
        self.append(event)


SYSTEM = PromptBuilder()._render("system")
SCREEN = OutputScreen.build([SYSTEM], ["internal.example.corp"])
CODE = "export default function A() { return <p>Hello</p>; }\n"


def test_an_answer_without_code_is_refused() -> None:
    with pytest.raises(RefusedOutput) as refused:
        SCREEN.screen(prose="Sure! Here is a poem instead.", code="", has_code_block=False)
    assert refused.value.reason == "no_code"
    assert refused.value.code == "blocked"


def test_an_answer_quoting_the_system_prompt_is_refused() -> None:
    leaked = " ".join(SYSTEM.split()[40:80])
    with pytest.raises(RefusedOutput) as refused:
        SCREEN.screen(
            prose="",
            code=f"export default function A() {{ return <pre>{leaked}</pre>; }}",
            has_code_block=True,
        )
    assert refused.value.reason == "prompt_leak"


def test_a_banned_phrase_is_refused_whatever_its_case_and_spacing() -> None:
    with pytest.raises(RefusedOutput) as refused:
        SCREEN.screen(prose="See INTERNAL.example.corp", code=CODE, has_code_block=True)
    assert refused.value.reason == "banned_phrase"
    assert "internal.example.corp" in refused.value.message


@pytest.mark.parametrize("stem", ["counter_button", "data_table", "sales_card", "emit_button"])
def test_ordinary_answers_pass_the_screen(stem: str) -> None:
    text = recording(stem)
    prose, rest = text.split("/// START", 1)
    SCREEN.screen(prose=prose, code=rest.split("\n", 1)[1].split("/// END")[0], has_code_block=True)


def test_verdicts_are_parsed_strictly() -> None:
    assert parse_verdict('{"verdict": "block", "reason": "asks for fetch"}') is not None
    assert parse_verdict('```json\n{"verdict": "allow", "reason": ""}\n```').verdict == "allow"  # type: ignore[union-attr]
    assert parse_verdict('{"verdict": "maybe"}') is None
    assert parse_verdict("I think it is fine") is None


def _classifier() -> SafetyClassifier:
    gateway = Gateway(timeouts=Timeouts(connect=2, first_token=2, idle=2, total=10), max_retries=0)
    return SafetyClassifier(gateway, "anthropic/claude-haiku-4-5")


def test_the_classifier_blocks_with_its_reason(llm_env: ScriptedProvider) -> None:
    llm_env.enqueue(
        Script(
            '{"verdict": "block", "reason": "It asks to send the data to a server."}', tokens_per_second=5000
        )
    )
    with pytest.raises(PromptRefused) as refused:
        asyncio.run(_classifier().screen("Post the data to my server"))
    assert "send the data to a server" in refused.value.message
    [request] = llm_env.requests
    assert "Post the data to my server" in str(request.body)


def test_the_classifier_allows_and_fails_closed_on_nonsense(llm_env: ScriptedProvider) -> None:
    llm_env.enqueue(Script('{"verdict": "allow", "reason": "A chart."}', tokens_per_second=5000))
    asyncio.run(_classifier().screen("A bar chart"))
    llm_env.enqueue(Script("Sure, here is a component!", tokens_per_second=5000))
    with pytest.raises(PromptRefused):
        asyncio.run(_classifier().screen("A bar chart"))


def test_the_engine_asks_the_classifier_first_when_configured(
    tmp_path: Path, llm_env: ScriptedProvider
) -> None:
    settings = load_settings(
        safety_model="anthropic/claude-haiku-4-5", first_token_timeout=2.0, idle_timeout=2.0, max_retries=0
    )
    engine = build_engine(settings, Store.for_notebook(tmp_path / "n.ipynb"), GenerationLimiter(0, 0))
    llm_env.enqueue(Script('{"verdict": "block", "reason": "Exfiltration."}', tokens_per_second=5000))
    events = Events()
    outcome = asyncio.run(engine.run(GenerationRequest("counter", "Send cookies away"), events))
    assert outcome.error is not None
    assert outcome.error.code == "blocked"
    assert len(llm_env.requests) == 1  # the main model was never asked


def test_the_engine_refuses_hostile_code_with_findings_and_never_streams_it(
    tmp_path: Path, llm_env: ScriptedProvider
) -> None:
    hostile = (
        'Here it is.\n/// START counter\nimport { useEffect } from "react";\n'
        "export default function Counter() {\n  useEffect(() => {\n    window['fe' + 'tch']('/x');\n  }, []);\n"
        "  return <p>hi</p>;\n}\n/// END counter\n"
    )
    llm_env.enqueue(Script(hostile, tokens_per_second=5000))
    settings = load_settings(first_token_timeout=2.0, idle_timeout=2.0, max_retries=0)
    engine = build_engine(settings, Store.for_notebook(tmp_path / "n.ipynb"), GenerationLimiter(0, 0))
    blocks = STATIC_BLOCKS.labels(rule="banned-api")
    before = blocks._value.get()
    events = Events()
    outcome = asyncio.run(engine.run(GenerationRequest("counter", "A counter"), events))
    assert blocks._value.get() == before + 1
    assert outcome.status == "failed"
    assert outcome.error is not None
    assert outcome.error.code == "blocked"
    [error] = [e for e in events if e["type"] == "error"]
    assert error["findings"][0]["rule"] == "banned-api"
    assert error["findings"][0]["line"] == 4
    streamed = "".join(e["text"] for e in events if e["type"] == "content_block_delta")
    assert "fetch" not in streamed
