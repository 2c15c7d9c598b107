"""The README documents every setting, so a new option cannot ship undocumented."""

from __future__ import annotations

from pathlib import Path

import pytest

from jupyter_componentgen.config import ComponentGen
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
