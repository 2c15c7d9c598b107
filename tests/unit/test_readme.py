"""The README documents every setting, so a new option cannot ship undocumented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from jupyter_componentgen.config import ComponentGen
from jupyter_componentgen.engine.defaults import DEFAULT_MODEL
from jupyter_componentgen.server.app import ComponentGenExtension

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(ComponentGen.class_traits(config=True)))
def test_every_setting_is_documented(name: str) -> None:
    assert f"`{name}`" in README


@pytest.mark.parametrize("name", sorted(ComponentGenExtension.class_own_traits(config=True)))
def test_every_server_setting_is_documented(name: str) -> None:
    assert f"`{name}`" in README


def test_the_readme_starts_with_the_two_commands() -> None:
    block = README.split("```bash", 1)[1].split("```", 1)[0]
    assert 'pip install ".[lab]" && jupyter lab' in block
    assert "bash tests/run_all.sh" in block


def test_one_default_model_name_everywhere() -> None:
    """README, settings, quickstart and messages name the same default model (no stale or future names)."""
    root = Path(__file__).resolve().parents[2]
    assert ComponentGen().model == DEFAULT_MODEL
    assert f"`{DEFAULT_MODEL}` (the default)" in README
    texts = {"README.md": README}
    for folder in ("binder", "jupyter_componentgen", "prompts"):
        for path in (root / folder).rglob("*"):
            if path.suffix in (".py", ".ipynb", ".txt", ".md") and "static" not in path.parts:
                texts[str(path.relative_to(root))] = path.read_text(encoding="utf-8")
    family = re.compile(r"claude-(?:sonnet|opus|haiku)-\d+-\d+")
    named = {(name, found) for name, text in texts.items() for found in family.findall(text)}
    default_name = DEFAULT_MODEL.removeprefix("anthropic/")
    # Pricing documents litellm's own spelling of a real model; everything else names the default.
    assert {found for name, found in named if not name.endswith("pricing.py")} == {default_name}
