"""The daily budget: new model calls are refused once a person's spend today reaches a limit.

Spend is read from the usage ledger (every call, failed ones included; cached answers cost nothing and are
never refused). The day starts at local midnight. A limit of 0 is off.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from .errors import GenerationError

if TYPE_CHECKING:
    from .history import Ledger

ENV_PREFIX = "COMPONENTGEN_"


def start_of_today(now: datetime.datetime | None = None) -> float:
    """Epoch seconds of the last local midnight."""
    now = datetime.datetime.now().astimezone() if now is None else now
    return now.replace(hour=0, minute=0, second=0, microsecond=0).timestamp()


def check_budget(
    ledger: Ledger, user: str, *, budget_usd: float, budget_tokens: int, since: float | None = None
) -> None:
    """Raise GenerationError("limit") when ``user`` has spent today's budget in USD or in tokens."""
    if budget_usd <= 0 and budget_tokens <= 0:
        return
    spent = ledger.spent_by_user(user, start_of_today() if since is None else since)
    if budget_usd > 0 and (spent.cost or 0.0) >= budget_usd:
        raise GenerationError(
            "limit",
            f"Today's budget is spent: ${spent.cost or 0.0:.2f} of ${budget_usd:.2f} "
            f"({ENV_PREFIX}DAILY_BUDGET_USD). Cached re-runs still work; new generations resume at "
            "midnight, or raise the budget.",
            retryable=False,
        )
    tokens = spent.input_tokens + spent.output_tokens + spent.cached_tokens
    if budget_tokens > 0 and tokens >= budget_tokens:
        raise GenerationError(
            "limit",
            f"Today's token budget is spent: {tokens:,} of {budget_tokens:,} tokens "
            f"({ENV_PREFIX}DAILY_BUDGET_TOKENS). Cached re-runs still work; new generations resume at "
            "midnight, or raise the budget.",
            retryable=False,
        )
