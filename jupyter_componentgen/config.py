"""Settings shared by the kernel, the server extension and the command line.

Every option lives on the ``ComponentGen`` configurable, so ``c.ComponentGen.model = ...`` works in any
Jupyter config file, and each can be overridden by ``COMPONENTGEN_<OPTION>`` in the environment.
Precedence, lowest first: defaults, config files, environment, explicit arguments. The engine gets its own
frozen part of them (``engine_settings``); the server's own limits are traits of its extension app.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from traitlets import Bool, Enum, Float, Int, List, TraitError, TraitType, Unicode
from traitlets.config import Config, Configurable

from .engine.defaults import DEFAULT_MODEL
from .engine.settings import EngineSettings

ENV_PREFIX = "COMPONENTGEN_"
CONFIG_FILE_BASENAME = "jupyter_componentgen_config"


class ComponentGen(Configurable):
    """jupyter-componentgen settings."""

    model = Unicode(
        DEFAULT_MODEL,
        help=f"litellm model string used for new components and rewrites, e.g. {DEFAULT_MODEL!r}, "
        "'gpt-4.1', 'ollama/qwen2.5-coder'. A component keeps the model it was made with (or the one picked "
        "for it) for its edits and fixes. Provider keys come from the provider's usual environment variables.",
    ).tag(config=True)
    edit_model = Unicode(
        "",
        help="Cheaper model for small edits; empty means use `model` for edits too.",
    ).tag(config=True)
    fallback_models = List(
        Unicode(),
        default_value=[],
        help="Models tried in order when the main model fails before its first token (overloaded, rate "
        "limited, a server error, a stall): the next one is asked at once, without retrying the one that "
        "failed; only the last model gets max_retries (as an environment variable: comma-separated).",
    ).tag(config=True)
    max_tokens = Int(8192, help="Most output tokens one model call may produce.").tag(config=True)
    temperature = Float(
        -1.0, help="Sampling temperature; a negative value leaves the provider's default."
    ).tag(config=True)
    connect_timeout = Float(
        10.0,
        help="Seconds to wait for the provider's connection; a connection that takes longer fails after this "
        "long (it is not retried; with fallback_models the next model is asked at once).",
    ).tag(config=True)
    first_token_timeout = Float(
        60.0,
        help="Seconds to wait from sending the request to the model's first output token. A provider that "
        "stays silent fails after this long, plus at most a second: a stall is not retried (with "
        "fallback_models the next model is asked at once).",
    ).tag(config=True)
    idle_timeout = Float(30.0, help="Longest gap in seconds between two chunks of a streaming response.").tag(
        config=True
    )
    total_timeout = Float(600.0, help="Longest a whole generation may take, in seconds.").tag(config=True)
    max_retries = Int(
        2,
        help="Retries on 429/5xx/overloaded or a dropped connection before the first token, after a backoff "
        "of up to 0.5 s, 1 s, 2 s ... (or the provider's retry-after, up to 8 s): the time a person waits "
        "beyond the failure itself. Timeouts are not retried; with fallback_models only the last model is.",
    ).tag(config=True)
    cache = Bool(
        True,
        help="Reuse a stored version when the same request (prompt, model, data shape) was already answered "
        "for this component's lineage, instead of calling the model again.",
    ).tag(config=True)
    store_dir = Unicode(
        "",
        help="Folder for component histories. Empty: a hidden '.componentgen' folder beside each notebook.",
    ).tag(config=True)
    data_sample_rows = Int(5, help="Rows of the person's data shown to the model as a sample.").tag(
        config=True
    )
    max_prompt_chars = Int(20000, help="Longest instruction accepted, in characters.").tag(config=True)
    max_code_bytes = Int(200_000, help="Largest component source accepted, in bytes.").tag(config=True)
    wait = Enum(
        ["auto", "always", "never"],
        "auto",
        help="Whether %%component blocks until the generation ends. 'auto' blocks only when no live front end "
        "can show the stream (nbclient, papermill, plain IPython); otherwise the cell returns at once and the "
        "widget streams, so Cancel and emit keep working while the model writes.",
    ).tag(config=True)
    max_continuations = Int(
        2,
        help="Follow-up requests that continue a component cut off at the output limit (max_tokens); "
        "0 fails such an answer at once.",
    ).tag(config=True)
    daily_budget_usd = Float(
        0.0,
        help="US dollars a person may spend on model calls per day (from local midnight); once spent, new "
        "generations are refused (cached re-runs still work). 0 means no limit.",
    ).tag(config=True)
    daily_budget_tokens = Int(
        0,
        help="Tokens (input, output and cached) a person may use per day; 0 means no limit.",
    ).tag(config=True)
    auto_fix = Bool(
        True,
        help="When a just-generated version fails to compile, import or render, ask the model once to fix "
        "it automatically (a fix that fails again waits for the person).",
    ).tag(config=True)

    static_checks = Bool(
        True,
        help="Check generated code on its syntax tree before it is rendered or saved (banned APIs, imports "
        "outside allowed_imports, size); code that breaks a rule is refused with its findings.",
    ).tag(config=True)
    allowed_imports = List(
        Unicode(),
        default_value=[],
        help="Modules generated code may import. Empty (the default): every module the runtime bundles "
        "(react, the shadcn/ui components, lucide-react, recharts, framer-motion, lodash, d3, mathjs, "
        "papaparse, xlsx, date-fns, three, chart.js, plotly.js, tone and their usual import names). A list "
        "narrows that to the names in it.",
    ).tag(config=True)
    disabled_static_rules = List(
        Unicode(),
        default_value=[],
        help="Static-check rule ids to switch off, e.g. 'raw-html' (ids appear in every finding).",
    ).tag(config=True)
    extra_banned_names = List(
        Unicode(),
        default_value=[],
        help="More global or property names generated code may not use, on top of the built-in list.",
    ).tag(config=True)
    max_code_lines = Int(2000, help="Most lines a component's source may have.").tag(config=True)
    max_data_sample_bytes = Int(
        20_000,
        help="Largest description of the person's data (schema and sample) sent to the model, in bytes.",
    ).tag(config=True)
    generations_per_minute = Int(
        20, help="Generations one user may start per minute (0: no limit); beyond it they are refused."
    ).tag(config=True)
    max_concurrent_generations = Int(
        4, help="Generations one user may run at once in a kernel or the command line (0: no limit)."
    ).tag(config=True)
    banned_phrases = List(
        Unicode(),
        default_value=[],
        help="Phrases (case-insensitive) that make a model answer be refused, e.g. internal host names.",
    ).tag(config=True)
    safety_model = Unicode(
        "",
        help="litellm model string of a small model that screens each prompt for attempts to make the "
        "component escape its sandbox; empty (the default) switches the screening off.",
    ).tag(config=True)


def _parse_env_value(trait: TraitType[Any, Any], raw: str) -> Any:
    if isinstance(trait, List):
        return [item.strip() for item in raw.split(",") if item.strip()]
    if isinstance(trait, Bool):
        lowered = raw.strip().lower()
        if lowered in {"1", "true", "yes", "on"}:
            return True
        if lowered in {"0", "false", "no", "off", ""}:
            return False
        raise ValueError(f"expected true/false, got {raw!r}")
    if isinstance(trait, Int):
        return int(raw)
    if isinstance(trait, Float):
        return float(raw)
    return raw


def env_overrides(environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Option values set through ``COMPONENTGEN_<OPTION>`` variables, parsed to each option's type."""
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for name, trait in ComponentGen.class_traits(config=True).items():
        raw = environ.get(ENV_PREFIX + name.upper())
        if raw is None:
            continue
        try:
            values[name] = _parse_env_value(trait, raw)
        except ValueError as exc:
            raise TraitError(f"{ENV_PREFIX}{name.upper()}: {exc}") from exc
    return values


def _config_files_config() -> Config:
    """``c.ComponentGen`` from jupyter_componentgen_config.{py,json} on the Jupyter config path."""
    from jupyter_core.paths import jupyter_config_path
    from traitlets.config.loader import JSONFileConfigLoader, PyFileConfigLoader

    merged = Config()
    for directory in reversed(jupyter_config_path()):
        for loader_cls, suffix in ((JSONFileConfigLoader, ".json"), (PyFileConfigLoader, ".py")):
            path = Path(directory) / (CONFIG_FILE_BASENAME + suffix)
            if path.is_file():
                merged.merge(loader_cls(path.name, str(path.parent)).load_config())
    return merged


def load_settings(config: Config | None = None, **overrides: Any) -> ComponentGen:
    """Settings from config files, then ``config`` (e.g. the server's or IPython's), then env, then overrides."""
    merged = _config_files_config()
    if config is not None:
        merged.merge(config)
    settings = ComponentGen(config=merged)
    for name, value in {**env_overrides(), **overrides}.items():
        if value is not None:
            settings.set_trait(name, value)
    return settings


def engine_settings(settings: ComponentGen) -> EngineSettings:
    """The engine's frozen view of ``settings``: each field of EngineSettings from the trait of its name."""
    values: dict[str, Any] = {}
    for field in dataclasses.fields(EngineSettings):
        value = getattr(settings, field.name)
        values[field.name] = tuple(value) if isinstance(value, list) else value
    return EngineSettings(**values)
