"""Browser-test harness: one scripted provider and one isolated JupyterLab per session, Debian's Chromium."""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from .lab import ARTIFACTS_DIR, LabPage
from .panel_lab import panel_server, session  # noqa: F401  (fixtures for every browser test module)
from .servers import LabServer, ProviderControl, ProviderProcess, started

PAGE_TIMEOUT_MS = 30_000


@pytest.fixture(scope="session")
def e2e_workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("e2e")


@pytest.fixture(scope="session")
def provider_process(e2e_workdir: Path) -> Generator[ProviderProcess, None, None]:
    with started(ProviderProcess(e2e_workdir), "the scripted provider") as process:
        yield process


@pytest.fixture
def provider_control(provider_process: ProviderProcess) -> ProviderControl:
    """The scripted provider, emptied of queued scripts and recorded requests before the test."""
    control = ProviderControl(provider_process.url)
    control.reset()
    return control


@pytest.fixture(scope="session")
def lab_server(e2e_workdir: Path, provider_process: ProviderProcess) -> Generator[LabServer, None, None]:
    with started(LabServer(e2e_workdir / "lab", provider_process.url), "JupyterLab") as server:
        yield server


def _save_failure_evidence(lab: LabPage, server: LabServer, name: str) -> None:
    ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
    try:
        lab.screenshot(f"FAILED-{name}")
    except Exception as exc:  # the page may be gone; the logs still help
        lab.console.append(f"(screenshot failed: {exc})")
    (ARTIFACTS_DIR / f"FAILED-{name}.log").write_text(
        "## browser console\n" + "\n".join(lab.console) + "\n\n## jupyterlab log\n" + server.log_tail(200),
        encoding="utf-8",
    )


@pytest.fixture
def lab(
    page: Page, lab_server: LabServer, provider_control: ProviderControl, request: pytest.FixtureRequest
) -> Generator[LabPage, None, None]:
    """JupyterLab opened fresh with a new notebook whose kernel is connected and idle."""
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    lab_page = LabPage(page, lab_server.lab_url())
    lab_page.open()
    lab_page.new_notebook()
    yield lab_page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        _save_failure_evidence(lab_page, lab_server, request.node.name)
    lab_server.shutdown_kernels()
