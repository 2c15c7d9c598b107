"""Where the shipped files are: schema/, prompts/ and the built front end (static/)."""

from __future__ import annotations

import json
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
