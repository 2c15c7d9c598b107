"""Continuing an answer that stopped on the output-length limit, and joining the parts without a seam.

The follow-up request replays the conversation with the partial answer as the assistant's turn and asks
for the rest. Models often restart the unfinished line (or repeat a little more); ``OverlapTrimmer`` drops
the longest repeated stretch at the join so the parser sees one continuous answer.
"""

from __future__ import annotations

import dataclasses

from jupyter_componentgen.engine.gateway.types import LLMRequest, Message, PromptPart

# The continuation's head is held until it is this long (or ends) before the overlap is judged.
OVERLAP_WINDOW = 400
# A shorter common stretch may be chance (a space, a brace), unless it is the whole unfinished line.
MIN_OVERLAP = 12


def continuation_request(request: LLMRequest, partial: str, prompt: str) -> LLMRequest:
    """``request`` followed by the partial answer and ``prompt`` asking for the rest."""
    messages = (
        *request.messages,
        Message("assistant", (PromptPart(partial),)),
        Message("user", (PromptPart(prompt),)),
    )
    return dataclasses.replace(request, messages=messages)


class OverlapTrimmer:
    """Passes a continuation's text through, minus the part that repeats the end of the previous text."""

    def __init__(self, previous: str) -> None:
        self._tail = previous[-OVERLAP_WINDOW:]
        self._last_line = previous[previous.rfind("\n") + 1 :]
        self._head: list[str] = []
        self._head_chars = 0
        self._judged = False

    def feed(self, text: str) -> str:
        if self._judged:
            return text
        self._head.append(text)
        self._head_chars += len(text)
        if self._head_chars < OVERLAP_WINDOW:
            return ""
        return self._judge()

    def finish(self) -> str:
        return "" if self._judged else self._judge()

    def _judge(self) -> str:
        self._judged = True
        head = "".join(self._head)
        self._head = []
        return head[self.overlap(self._tail, head, self._last_line) :]

    @staticmethod
    def overlap(tail: str, head: str, last_line: str = "") -> int:
        """Length of the longest end of ``tail`` that ``head`` starts with, if long enough to trust."""
        for size in range(min(len(tail), len(head)), 0, -1):
            if tail.endswith(head[:size]):
                if size >= MIN_OVERLAP or (last_line and size == len(last_line)):
                    return size
                return 0
        return 0
