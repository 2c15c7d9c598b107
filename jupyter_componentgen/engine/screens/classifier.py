"""An optional screening of prompts by a small model, through the same gateway as generation.

Off by default (``safety_model`` empty). The model answers with one line of JSON, ``{"verdict": "allow" |
"block", "reason": ...}``; a block refuses the generation before the main model is asked. An answer that is
not such a verdict refuses too: a screen that fails open would be no screen.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from string import Template
from typing import TYPE_CHECKING, Literal

from jupyter_componentgen.engine.errors import GenerationError
from jupyter_componentgen.engine.gateway.types import LLMRequest, Message, PromptPart, StreamEnd, TextChunk
from jupyter_componentgen.resources import resource_dir

if TYPE_CHECKING:
    from jupyter_componentgen.engine.gateway import Gateway

TEMPLATE_NAME = "safety_classifier.txt"
MAX_VERDICT_TOKENS = 200
MAX_REASON_CHARS = 300


@dataclass(frozen=True)
class Verdict:
    verdict: Literal["allow", "block"]
    reason: str


class PromptRefused(GenerationError):
    def __init__(self, message: str) -> None:
        super().__init__("blocked", message, retryable=False)


def _template() -> Template:
    text = (resource_dir("prompts") / TEMPLATE_NAME).read_text(encoding="utf-8")
    body = text.split("\n", 1)[1] if text.startswith("#") else text
    return Template(body)


def parse_verdict(answer: str) -> Verdict | None:
    """The verdict in a classifier's answer (tolerating a code fence or text around the JSON), else None."""
    start, end = answer.find("{"), answer.rfind("}")
    if start < 0 or end <= start:
        return None
    try:
        data = json.loads(answer[start : end + 1])
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("verdict") not in ("allow", "block"):
        return None
    reason = data.get("reason")
    reason = " ".join(reason.split())[:MAX_REASON_CHARS] if isinstance(reason, str) else ""
    return Verdict(data["verdict"], reason)


class SafetyClassifier:
    def __init__(self, gateway: Gateway, model: str) -> None:
        self.gateway = gateway
        self.model = model
        self._template = _template()

    async def classify(self, instruction: str) -> Verdict | None:
        prompt = self._template.substitute(request=instruction.replace("</request>", "</ request>"))
        request = LLMRequest(
            model=self.model,
            system=(),
            messages=(Message("user", (PromptPart(prompt),)),),
            max_tokens=MAX_VERDICT_TOKENS,
        )
        parts: list[str] = []
        async for item in self.gateway.stream(request):
            if isinstance(item, TextChunk):
                parts.append(item.text)
            elif isinstance(item, StreamEnd):
                break
        return parse_verdict("".join(parts))

    async def screen(self, instruction: str) -> None:
        """Raise ``PromptRefused`` unless the classifier allows ``instruction``."""
        verdict = await self.classify(instruction)
        if verdict is None:
            raise PromptRefused(
                f"The safety screen ({self.model}) gave no clear verdict on this prompt, so it was not sent. "
                "Try again, or rephrase the request."
            )
        if verdict.verdict == "block":
            reason = f": {verdict.reason}" if verdict.reason else "."
            raise PromptRefused(f"The safety screen refused this prompt{reason} Rephrase the request.")
