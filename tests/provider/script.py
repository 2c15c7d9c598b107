"""What the scripted provider answers: the text, its pace, and an optional fault."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any, Literal, get_args

FaultKind = Literal["stall_before_first", "stall_after", "http_error", "reset_after", "malformed_after"]
StopReason = Literal["end_turn", "max_tokens"]

# Roughly how real tokenizers cut English and code: short word pieces with their leading space,
# single punctuation marks, and runs of whitespace. Joining the pieces gives the text back exactly.
_TOKEN = re.compile(r"\s*\w{1,4}|\s*[^\w\s]|\s+")


@dataclass
class Fault:
    """Something going wrong, ``after_tokens`` text tokens into the answer.

    - stall_before_first: headers and the stream's opening arrive, then nothing for ``seconds``.
    - stall_after: silence for ``seconds`` after ``after_tokens`` tokens, then the rest.
    - http_error: with ``after_tokens == 0`` an HTTP error ``status`` in the provider's JSON format;
      later, an error event inside the stream.
    - reset_after: the connection is aborted (TCP reset) after ``after_tokens`` tokens.
    - malformed_after: an unparseable event after ``after_tokens`` tokens, then the stream ends.

    ``retry_after`` adds that header to an HTTP error; ``message`` replaces the error's default wording.
    """

    kind: FaultKind
    status: int = 500
    after_tokens: int = 0
    seconds: float = 3600
    retry_after: float | None = None
    message: str | None = None


@dataclass
class Script:
    text: str
    tokens_per_second: float = 60.0
    fault: Fault | None = None
    stop_reason: StopReason = "end_turn"
    input_tokens: int = 1200
    cached_tokens: int = 0

    def tokens(self) -> list[str]:
        return tokenize(self.text)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Script:
        """A script from its JSON form (as sent to the control API); unknown fields are an error."""
        fields = dict(data)
        fault = fields.pop("fault", None)
        if fault is not None:
            if fault.get("kind") not in get_args(FaultKind):
                raise ValueError(f"unknown fault kind {fault.get('kind')!r}")
            fields["fault"] = Fault(**fault)
        if fields.get("stop_reason", "end_turn") not in get_args(StopReason):
            raise ValueError(f"unknown stop_reason {fields['stop_reason']!r}")
        if not isinstance(fields.get("text"), str):
            raise ValueError("a script needs a 'text' string")
        return cls(**fields)


def tokenize(text: str) -> list[str]:
    return _TOKEN.findall(text)
