"""The fault table shared by the engine, server and cell-magic fault tests, and the bounds each must meet.

Every case runs once without and once with a fallback model. Failures before the first token move to the
fallback; failures after text has streamed do not (the answer is not restarted on another model); an
answer cut off at the output limit is continued in a follow-up request either way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from tests.provider import Fault, Script, recording

COUNTER = recording("counter_button")
CODE = COUNTER.split("/// START", 1)[1].split("\n", 1)[1].split("/// END", 1)[0]
FAST = 4000.0
FIRST_TOKEN_TIMEOUT = 1.0
IDLE_TIMEOUT = 1.0
# Every failure ends in an error event within its timeout plus this much.
SLACK = 1.0
# Where a mid-stream fault strikes: inside the component's code.
MID = 40
# The truncated answer stops here (inside the code); the continuation repeats its unfinished last line.
_CUT = COUNTER.index("useState(0)") + 4
_LINE_START = COUNTER.rfind("\n", 0, _CUT) + 1


@dataclass(frozen=True)
class FaultCase:
    name: str
    scripts: tuple[Script, ...]
    before_first_token: bool  # the fallback model is asked when one is configured
    error_code: str | None  # without a fallback: the error it ends with (None: it succeeds anyway)
    bound: float  # seconds within which the generation must end
    requests: int  # provider requests without a fallback
    draft: bool  # a failed draft keeps the partial output

    def outcome(self, with_fallback: bool) -> Literal["saved", "failed"]:
        if self.error_code is None or (with_fallback and self.before_first_token):
            return "saved"
        return "failed"

    def expected_requests(self, with_fallback: bool) -> int:
        return self.requests + (1 if with_fallback and self.before_first_token else 0)

    def expected_bound(self, with_fallback: bool) -> float:
        # A fallback that answers adds its own (short) answer time on top of the failed attempt.
        return self.bound + (3.0 if with_fallback and self.before_first_token else 0.0)


def _fault(kind: str, **fields: object) -> Script:
    return Script(COUNTER, tokens_per_second=FAST, fault=Fault(kind, **fields))  # type: ignore[arg-type]


CASES: tuple[FaultCase, ...] = (
    FaultCase("stall_before_first", (_fault("stall_before_first", seconds=30),), True,
              "first_token_timeout", FIRST_TOKEN_TIMEOUT + SLACK, 1, False),
    FaultCase("stall_mid_stream", (_fault("stall_after", after_tokens=MID, seconds=30),), False,
              "idle_timeout", IDLE_TIMEOUT + SLACK, 1, True),
    FaultCase("http_429", (_fault("http_error", status=429),), True, "rate_limited", SLACK, 1, False),
    FaultCase("http_500", (_fault("http_error", status=500),), True, "server_error", SLACK, 1, False),
    FaultCase("http_529", (_fault("http_error", status=529),), True, "overloaded", SLACK, 1, False),
    FaultCase("reset_mid_stream", (_fault("reset_after", after_tokens=MID),), False,
              "connection", SLACK, 1, True),
    FaultCase("malformed_sse", (_fault("malformed_after", after_tokens=MID),), False,
              "malformed", SLACK, 1, True),
    FaultCase(
        "truncated_on_length",
        (
            Script(COUNTER[:_CUT], tokens_per_second=FAST, stop_reason="max_tokens"),
            Script(COUNTER[_LINE_START:], tokens_per_second=FAST),
        ),
        False, None, 2 * SLACK, 2, False,
    ),
)  # fmt: skip
IDS = [case.name for case in CASES]
