"""What the engine reads from the settings, frozen for an engine's lifetime.

The engine never sees the traitlets configurable (``config.ComponentGen``): every front end builds one of
these from it (``config.engine_settings``), field by field and by name. A new option the engine needs is a
field here and a trait of the same name there (the help text and the default live on the trait).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EngineSettings:
    # Which model answers (routing.py) and how it is asked (asking.py).
    model: str
    edit_model: str
    fallback_models: tuple[str, ...]
    max_tokens: int
    temperature: float
    max_continuations: int
    cache: bool
    # The gateway's timeouts and retries.
    connect_timeout: float
    first_token_timeout: float
    idle_timeout: float
    total_timeout: float
    max_retries: int
    # Admission (admission.py): sizes and the daily budget.
    max_prompt_chars: int
    max_data_sample_bytes: int
    max_code_bytes: int
    daily_budget_usd: float
    daily_budget_tokens: int
    # Defences: the static checks (checks/), the output screen and the safety classifier (screens/).
    static_checks: bool
    allowed_imports: tuple[str, ...]
    disabled_static_rules: tuple[str, ...]
    extra_banned_names: tuple[str, ...]
    max_code_lines: int
    banned_phrases: tuple[str, ...]
    safety_model: str
