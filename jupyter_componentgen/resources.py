"""Where the shipped files are: schema/, prompts/ and the built front end (static/), and the component-name
rule the schema defines."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

_PACKAGE_DIR = Path(__file__).resolve().parent
# In a wheel, schema/ and prompts/ are copied inside the package; in a source checkout they sit beside it.
_SOURCE_ROOT = _PACKAGE_DIR.parent


def resource_dir(name: str) -> Path:
    """The folder of a shipped resource: 'schema', 'prompts' or 'static'."""
    for candidate in (_PACKAGE_DIR / name, _SOURCE_ROOT / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"jupyter-componentgen's '{name}' folder is missing; reinstall the package "
        "(pip install jupyter-componentgen) or, in a source checkout, run `jlpm build` in js/."
    )


@cache
def load_schema(name: str) -> dict[str, Any]:
    """A wire-message schema by file stem, e.g. load_schema('events')."""
    path = resource_dir("schema") / f"{name}.schema.json"
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return schema


@cache
def component_name_pattern() -> str:
    """The component-name rule ($defs/component_name of schema/ws.schema.json) as a regular expression without
    its anchors, e.g. for a URL pattern."""
    pattern: str = load_schema("ws")["$defs"]["component_name"]["pattern"]
    return pattern.removeprefix("^").removesuffix("$")


def check_component_name(name: object) -> str:
    """``name`` when it follows the one component-name rule, else ValueError saying what a name may hold."""
    if not isinstance(name, str) or re.fullmatch(component_name_pattern(), name) is None:
        raise ValueError(
            f"{name!r} is not a usable component name: use letters, digits, '_' or '-', "
            "starting with a letter or '_' (at most 100 characters), e.g. sales_card."
        )
    return name


def static_asset(name: str) -> str:
    """A built front-end file's text, e.g. static_asset('runtime.js')."""
    path = resource_dir("static") / name
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FileNotFoundError(
            f"The front-end build '{name}' is missing. Reinstall jupyter-componentgen, or in a source "
            "checkout run `jlpm install && jlpm build` in js/."
        ) from None
