"""JupyterLab with the componentgen server extension and this checkout's labextension, and the Components
side panel as a person drives it: shared by the panel's tests and the tests of the cell following it."""

from __future__ import annotations

import json
from collections.abc import Generator
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page

from .lab import ARTIFACTS_DIR, LabPage, assert_visible
from .servers import LabServer, ProviderControl, ProviderProcess, link_checkout_labextension, started

SECOND_MODEL = "anthropic/claude-haiku-4-5"
PANEL = "#jupyter-componentgen-panel"


def enable_componentgen(server: LabServer) -> None:
    """Load the server extension and this checkout's labextension in the server's isolated folders."""
    config_dir = Path(server.env["JUPYTER_CONFIG_DIR"])
    config = {
        "ServerApp": {"jpserver_extensions": {"jupyter_componentgen": True}},
        "ComponentGenExtension": {"max_concurrent_per_user": 1},
    }
    (config_dir / "jupyter_server_config.json").write_text(json.dumps(config), encoding="utf-8")
    try:
        link_checkout_labextension(Path(server.env["JUPYTER_DATA_DIR"]))
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)


@pytest.fixture(scope="module")
def panel_server(e2e_workdir: Path, provider_process: ProviderProcess) -> Generator[LabServer, None, None]:
    server = LabServer(
        e2e_workdir / "panel-lab",
        provider_process.url,
        extra_env={"COMPONENTGEN_FALLBACK_MODELS": SECOND_MODEL, "COMPONENTGEN_CACHE": "false"},
    )
    enable_componentgen(server)
    with started(server, "JupyterLab"):
        yield server


def _save_failure_evidence(pages: list[LabPage], server: LabServer, name: str) -> None:
    ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
    console: list[str] = []
    for number, lab_page in enumerate(pages):
        try:
            lab_page.screenshot(f"FAILED-{name}-page{number}")
        except Exception as exc:  # the page may be gone; the logs still help
            console.append(f"(screenshot failed: {exc})")
        console.extend(f"[page {number}] {line}" for line in lab_page.console)
    (ARTIFACTS_DIR / f"FAILED-{name}.log").write_text(
        "## browser console\n" + "\n".join(console) + "\n\n## jupyterlab log\n" + server.log_tail(200),
        encoding="utf-8",
    )


class Session:
    """The pages one test opened on the panel server (a second tab is a second page of the same browser)."""

    def __init__(self, page: Page, server: LabServer) -> None:
        self.server = server
        self.pages: list[LabPage] = []
        self._first = page

    def open(self, notebook: str | None = None) -> PanelPage:
        number = len(self.pages)
        page = self._first if number == 0 else self._first.context.new_page()
        page.set_default_timeout(30_000)
        # Each tab its own workspace: JupyterLab moves a tab that opens a workspace in use elsewhere.
        lab_page = LabPage(page, self.server.lab_url(f"/workspaces/page{number}" if number else ""))
        self.pages.append(lab_page)
        lab_page.open()
        if notebook is None:
            lab_page.new_notebook()
        else:
            lab_page.open_notebook(notebook)
        return PanelPage(lab_page)


@pytest.fixture
def session(
    page: Page, panel_server: LabServer, provider_control: ProviderControl, request: pytest.FixtureRequest
) -> Generator[Session, None, None]:
    current = Session(page, panel_server)
    yield current
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        _save_failure_evidence(current.pages, panel_server, request.node.name)
    panel_server.shutdown_kernels()


# -- driving the panel -----------------------------------------------------------------------------------


class PanelPage:
    """A JupyterLab page with the Components panel."""

    def __init__(self, lab: LabPage) -> None:
        self.lab = lab
        self.page = lab.page

    @property
    def root(self) -> Locator:
        return self.page.locator(PANEL)

    def part(self, test_id: str) -> Locator:
        return self.root.get_by_test_id(test_id)

    def show(self) -> None:
        """Open the panel from its tab in the left side bar (unless the restored layout shows it already)."""
        if not self.root.is_visible():
            self.page.locator(f'.jp-SideBar [data-id="{PANEL[1:]}"]').click()
        self.root.wait_for(state="visible")
        self.page.wait_for_function(
            "() => document.querySelector('[data-testid=cg-panel-connection]')?.dataset.state === 'open'"
        )

    def component(self, name: str) -> Locator:
        return self.root.locator(f'[data-testid="cg-panel-component"][data-name="{name}"]')

    def pick(self, name: str) -> None:
        self.component(name).click()
        self.root.locator(".cg-panel-exchange").first.wait_for()

    def send(self, text: str) -> None:
        box = self.part("cg-panel-input")
        box.fill(text)
        box.press("Enter")

    def live_phase(self) -> str:
        """The phase of the generation shown under way ("" when none is)."""
        phase: str = self.part("cg-panel-live").evaluate_all("(nodes) => nodes[0]?.dataset.phase ?? ''")
        return phase

    def wait_for_saved(self, component: str, version: int, timeout: float = 60.0) -> None:
        """Wait until the conversation holds ``version`` and the list shows it as current."""
        self.root.locator(f'[data-testid="cg-panel-exchange"][data-version="{version}"]').wait_for(
            timeout=timeout * 1000
        )
        self.lab.wait_until(
            lambda: f"v{version}" in self.component(component).inner_text(),
            timeout,
            f"the list shows {self.component(component).inner_text()!r}, expected v{version}",
        )

    def wait_for_live_phase(self, *phases: str, timeout: float = 60.0) -> None:
        self.lab.wait_until(
            lambda: self.live_phase() in phases,
            timeout,
            f"the panel shows {self.live_phase()!r}, expected one of {phases}",
        )

    def model(self) -> str:
        """The model the picker names for the selected component's next request ("" until loaded)."""
        return self.part("cg-panel-model").get_attribute("data-model") or ""

    def choose_model(self, model: str) -> None:
        """Open the model picker and pick ``model`` from its list."""
        self.lab.wait_until(lambda: self.model() != "", 30, "the panel never loaded the models")
        self.part("cg-panel-model").click()
        option = self.root.locator(f'[data-testid="cg-panel-model-option"][data-model="{model}"]')
        assert_visible(option, f"{model} in the model list")
        option.click()
        self.part("cg-panel-model-list").wait_for(state="detached")
        assert self.model() == model

    def tab(self, name: str) -> None:
        self.part(f"cg-panel-tab-{name}").click()

    def version_row(self, number: int) -> Locator:
        return self.root.locator(f'[data-testid="cg-panel-version"][data-version="{number}"]')

    def screenshot(self, name: str) -> Path:
        return self.lab.screenshot(name, self.root)
