"""Fixtures of the security tests: Debian's Chromium, the loopback listener and the page server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.servers import chromium_launch_args

from .listener import Listener, PageServer


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict[str, Any]:
    try:
        return chromium_launch_args()
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    server = Listener()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def pages_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pages")


@pytest.fixture(scope="module")
def page_server(pages_dir: Path) -> Iterator[PageServer]:
    server = PageServer(pages_dir)
    yield server
    server.stop()
