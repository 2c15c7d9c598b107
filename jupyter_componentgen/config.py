"""Settings shared by the kernel, the server extension and the command line.

Every option lives on the ``ComponentGen`` configurable, so ``c.ComponentGen.model = ...`` works in any
Jupyter config file, and each can be overridden by ``COMPONENTGEN_<OPTION>`` in the environment.
Precedence, lowest first: defaults, config files, environment, explicit arguments.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from traitlets import Bool, Enum, Float, Int, List, TraitError, TraitType, Unicode
from traitlets.config import Config, Configurable

ENV_PREFIX = "COMPONENTGEN_"
CONFIG_FILE_BASENAME = "jupyter_componentgen_config"
DEFAULT_MODEL = "anthropic/claude-sonnet-5-5"


class ComponentGen(Configurable):
    """jupyter-componentgen settings."""

    model = Unicode(
        DEFAULT_MODEL,
        help="litellm model string used for new components and rewrites, e.g. 'anthropic/claude-sonnet-5-5', "
        "'gpt-4.1', 'ollama/qwen2.5-coder'. Provider keys come from the provider's usual environment variables.",
    ).tag(config=True)
    edit_model = Unicode(
        "",
        help="Cheaper model for small edits; empty means use `model` for edits too.",
    ).tag(config=True)
    fallback_models = List(
        Unicode(),
        default_value=[],
        help="Models tried in order when the main model fails before its first token "
        "(as an environment variable: comma-separated).",
    ).tag(config=True)
    max_tokens = Int(8192, help="Most output tokens one model call may produce.").tag(config=True)
    temperature = Float(
        -1.0, help="Sampling temperature; a negative value leaves the provider's default."
    ).tag(config=True)
    connect_timeout = Float(10.0, help="Seconds to wait for the provider's connection.").tag(config=True)
    first_token_timeout = Float(
        60.0, help="Seconds to wait from sending the request to the model's first output token."
    ).tag(config=True)
    idle_timeout = Float(30.0, help="Longest gap in seconds between two chunks of a streaming response.").tag(
        config=True
    )
    total_timeout = Float(600.0, help="Longest a whole generation may take, in seconds.").tag(config=True)
    max_retries = Int(
        2, help="Retries (with exponential backoff and jitter) on 429/5xx/overloaded before the first token."
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


def describe_settings(settings: ComponentGen) -> str:
    """Settings as JSON, for `jupyter componentgen` diagnostics."""
    return json.dumps({name: getattr(settings, name) for name in settings.trait_names(config=True)}, indent=2)
