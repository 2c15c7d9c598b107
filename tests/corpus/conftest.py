"""Fixtures of the render corpus: default settings for the CLI, a folder of rendered pages and its server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.security.listener import PageServer

from .harness import default_settings


@pytest.fixture(scope="module")
def corpus_pages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A folder for the rendered pages; the CLI runs with its default settings meanwhile."""
    with default_settings(tmp_path_factory.mktemp("corpus-config")):
        yield tmp_path_factory.mktemp("corpus-pages")


@pytest.fixture(scope="module")
def corpus_server(corpus_pages: Path) -> Iterator[PageServer]:
    server = PageServer(corpus_pages)
    yield server
    server.stop()
