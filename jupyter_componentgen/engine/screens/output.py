"""Screening of a model's whole answer against prompt injection, before the component is saved.

An answer is refused when it holds no component between the markers (it was talked out of its job),
when it repeats a long run of the system prompt (the template leaked, e.g. into the component's text, where
anyone the notebook is shared with would read it), or when it contains a configured banned phrase.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from jupyter_componentgen.engine.errors import GenerationError

# Consecutive words of the system prompt that count as quoting it: long enough that ordinary phrases
# ("the component", "return a React") never match, short enough to catch a leaked sentence.
LEAK_WORDS = 12
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z0-9]+)?")


class RefusedOutput(GenerationError):
    """The model's answer failed the screening; ``reason`` names which check."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__("blocked", message, retryable=False)
        self.reason = reason


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _shingles(words: Sequence[str], size: int) -> Iterable[tuple[str, ...]]:
    return (tuple(words[i : i + size]) for i in range(len(words) - size + 1))


@dataclass(frozen=True)
class OutputScreen:
    """Built once per engine from the system prompt's text and the configured banned phrases."""

    leak_shingles: frozenset[tuple[str, ...]]
    banned_phrases: tuple[str, ...]
    leak_words: int = LEAK_WORDS

    @classmethod
    def build(cls, system_prompts: Iterable[str], banned_phrases: Iterable[str]) -> OutputScreen:
        shingles: set[tuple[str, ...]] = set()
        for text in system_prompts:
            shingles.update(_shingles(_words(text), LEAK_WORDS))
        phrases = tuple(" ".join(p.lower().split()) for p in banned_phrases if p.strip())
        return cls(frozenset(shingles), phrases)

    def screen(self, *, prose: str, code: str, has_code_block: bool) -> None:
        """Raise ``RefusedOutput`` when the answer must not be kept; return quietly otherwise."""
        if not has_code_block or not code.strip():
            raise RefusedOutput(
                "no_code",
                "Refused: the answer holds no component between /// START and /// END markers, only text. "
                "Ask again, describing the component you want.",
            )
        answer = prose + "\n" + code
        leaked = self.leaked_run(answer)
        if leaked is not None:
            raise RefusedOutput(
                "prompt_leak",
                f'Refused: the answer repeats the system instructions ("{leaked}…"). '
                "Ask again without asking the model to reveal its instructions.",
            )
        phrase = self.banned_phrase(answer)
        if phrase is not None:
            raise RefusedOutput(
                "banned_phrase",
                f'Refused: the answer contains the banned phrase "{phrase}" (setting banned_phrases). '
                "Ask again, or change the request.",
            )

    def leaked_run(self, text: str) -> str | None:
        """The first words of a run of the system prompt quoted in ``text``, or None."""
        if not self.leak_shingles:
            return None
        for shingle in _shingles(_words(text), self.leak_words):
            if shingle in self.leak_shingles:
                return " ".join(shingle[:6])
        return None

    def banned_phrase(self, text: str) -> str | None:
        normalised = " ".join(text.lower().split())
        return next((phrase for phrase in self.banned_phrases if phrase in normalised), None)
