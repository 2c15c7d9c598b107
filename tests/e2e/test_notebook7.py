"""The Components panel in Jupyter Notebook 7 (its left area, with no JupyterLab layout restorer)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from jupyter_componentgen.engine.usage import Usage
from jupyter_componentgen.store import Store
from tests.e2e.servers import isolated_jupyter_env, link_checkout_labextension, running_notebook7

pytestmark = pytest.mark.browser

TOKEN = "notebook7-token"
NOTEBOOK = {"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


@pytest.fixture
def notebook_server(tmp_path: Path) -> Iterator[str]:
    root = tmp_path / "root"
    root.mkdir()
    (root / "report.ipynb").write_text(json.dumps(NOTEBOOK), encoding="utf-8")
    with Store.for_notebook(root / "report.ipynb") as store:
        store.add_version(
            "kpi_card",
            code="export default function KpiCard() { return <p>42</p>; }\n",
            prompt="a KPI card",
            parent=None,
            model="anthropic/claude-sonnet-5-5",
            author="llm",
            usage=Usage(1200, 300),
            latency_ms=900,
        )
    env = isolated_jupyter_env(tmp_path / "env", {})
    link_checkout_labextension(Path(env["JUPYTER_DATA_DIR"]))
    with running_notebook7(root, env, TOKEN, tmp_path / "notebook.log") as url:
        yield url


def test_the_components_panel_lists_the_notebooks_components_in_notebook_7(
    page: Page, notebook_server: str
) -> None:
    page.goto(f"{notebook_server}/notebooks/report.ipynb?token={TOKEN}")
    page.wait_for_function("() => window.jupyterapp && window.jupyterapp.commands", timeout=60_000)
    page.wait_for_function(
        "() => window.jupyterapp.commands.hasCommand('componentgen:open-panel')", timeout=60_000
    )

    page.evaluate("() => window.jupyterapp.commands.execute('componentgen:open-panel')")

    panel = page.locator("#jupyter-componentgen-panel")
    expect(panel).to_be_visible(timeout=20_000)
    component = panel.get_by_test_id("cg-panel-component").filter(has_text="kpi_card")
    expect(component).to_be_visible(timeout=20_000)
    assert "v1" in component.inner_text()
    # Notebook 7's left area is narrower than JupyterLab's: nothing of the panel may be cut off on the right.
    box = page.locator("#jp-left-stack").bounding_box()
    assert box is not None
    for name in ("cg-panel-component", "cg-panel-input", "cg-panel-send"):
        right = panel.get_by_test_id(name).first.bounding_box()
        assert right is not None, f"{name} is not shown"
        assert right["x"] + right["width"] <= box["x"] + box["width"] + 1, f"{name} is clipped"
    page.screenshot(path=str(Path(__file__).parent / "artifacts" / "notebook7-panel.png"))
