"""Fixtures of the security tests: Debian's Chromium, the loopback listener, the page server, and a JupyterLab
whose scripted provider answers with the escape corpus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.e2e.lab import ARTIFACTS_DIR, LabPage
from tests.e2e.servers import started

from .listener import Listener, PageServer
from .widget_lab import SecurityLab

PAGE_TIMEOUT_MS = 30_000


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


@pytest.fixture(scope="session")
def security_lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SecurityLab]:
    with started(
        SecurityLab(tmp_path_factory.mktemp("security-lab")), "the security tests' JupyterLab"
    ) as lab:
        yield lab


@pytest.fixture
def lab(page: Page, security_lab: SecurityLab, request: pytest.FixtureRequest) -> Iterator[LabPage]:
    """JupyterLab opened fresh in Chromium (the test makes its notebooks); kernels are shut down after."""
    assert security_lab.server is not None
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    lab_page = LabPage(page, security_lab.server.lab_url())
    lab_page.open()
    yield lab_page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        name = f"FAILED-security-{request.node.name}"
        ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
        try:
            lab_page.screenshot(name)
        except Exception as exc:  # the page may be gone; the logs still help
            lab_page.console.append(f"(screenshot failed: {exc})")
        (ARTIFACTS_DIR / f"{name}.log").write_text(
            "## browser console\n"
            + "\n".join(lab_page.console)
            + "\n\n## jupyterlab log\n"
            + security_lab.server.log_tail(200),
            encoding="utf-8",
        )
    security_lab.server.shutdown_kernels()
