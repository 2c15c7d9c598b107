"""How a kernel finds its notebook, and which history it writes to."""

from __future__ import annotations

from pathlib import Path

import pytest

from jupyter_componentgen.config import load_settings
from jupyter_componentgen.engine.usage import Usage
from jupyter_componentgen.kernel.notebook_path import current_notebook_path, store_for_kernel


def make_notebook(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{}", encoding="utf-8")
    return path


def test_absolute_session_name(tmp_path: Path) -> None:
    notebook = make_notebook(tmp_path / "reports" / "q3.ipynb")
    found = current_notebook_path(environ={"JPY_SESSION_NAME": str(notebook)}, cwd=tmp_path / "elsewhere")
    assert found == notebook


def test_session_name_relative_to_the_server_root_with_cwd_in_the_notebook_folder(tmp_path: Path) -> None:
    notebook = make_notebook(tmp_path / "root" / "reports" / "q3.ipynb")
    found = current_notebook_path(environ={"JPY_SESSION_NAME": "reports/q3.ipynb"}, cwd=notebook.parent)
    assert found == notebook


def test_session_name_relative_to_the_working_directory(tmp_path: Path) -> None:
    notebook = make_notebook(tmp_path / "reports" / "q3.ipynb")
    found = current_notebook_path(environ={"JPY_SESSION_NAME": "reports/q3.ipynb"}, cwd=tmp_path)
    assert found == notebook


def test_unsaved_notebook_is_placed_in_the_working_directory(tmp_path: Path) -> None:
    found = current_notebook_path(environ={"JPY_SESSION_NAME": "sub/Untitled1.ipynb"}, cwd=tmp_path / "sub")
    assert found == tmp_path / "sub" / "Untitled1.ipynb"


def test_a_console_session_name_is_not_a_notebook(tmp_path: Path) -> None:
    env = {"JPY_SESSION_NAME": "console-1-5f0c"}
    assert current_notebook_path(environ=env, cwd=tmp_path) is None
    vscode = {"__vsc_ipynb_file__": str(tmp_path / "v.ipynb")}
    assert current_notebook_path(vscode, environ=env, cwd=tmp_path) == tmp_path / "v.ipynb"


def test_vscode_variable_in_the_user_namespace(tmp_path: Path) -> None:
    user_ns = {"__vsc_ipynb_file__": str(tmp_path / "from_vscode.ipynb")}
    assert current_notebook_path(user_ns, environ={}, cwd=tmp_path) == tmp_path / "from_vscode.ipynb"
    assert current_notebook_path({"__vsc_ipynb_file__": 3}, environ={}, cwd=tmp_path) is None


def test_jupyter_server_wins_over_vscode(tmp_path: Path) -> None:
    notebook = make_notebook(tmp_path / "served.ipynb")
    user_ns = {"__vsc_ipynb_file__": str(tmp_path / "other.ipynb")}
    assert current_notebook_path(user_ns, environ={"JPY_SESSION_NAME": str(notebook)}) == notebook


def test_unknown_notebook(tmp_path: Path) -> None:
    assert current_notebook_path({}, environ={}, cwd=tmp_path) is None
    assert current_notebook_path(None, environ={"JPY_SESSION_NAME": "  "}, cwd=tmp_path) is None


def test_reads_the_real_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    notebook = make_notebook(tmp_path / "env.ipynb")
    monkeypatch.setenv("JPY_SESSION_NAME", "env.ipynb")
    monkeypatch.chdir(tmp_path)
    assert current_notebook_path() == notebook


def test_store_for_kernel_uses_the_notebooks_history(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    notebook = make_notebook(tmp_path / "nb" / "q3.ipynb")
    monkeypatch.setenv("JPY_SESSION_NAME", str(notebook))
    monkeypatch.delenv("COMPONENTGEN_STORE_DIR", raising=False)
    store = store_for_kernel(load_settings(store_dir=""), {})
    assert store.db_path == notebook.parent / ".componentgen" / "history.sqlite"
    assert store.notebook == "q3.ipynb"


def test_store_for_kernel_honours_store_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    notebook = make_notebook(tmp_path / "nb" / "q3.ipynb")
    monkeypatch.setenv("JPY_SESSION_NAME", str(notebook))
    store = store_for_kernel(load_settings(store_dir=str(tmp_path / "central")), {})
    assert store.db_path == tmp_path / "central" / "history.sqlite"
    assert store.notebook == str(notebook.resolve())


def test_headless_kernel_keeps_history_in_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    monkeypatch.delenv("COMPONENTGEN_STORE_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    store = store_for_kernel(load_settings(store_dir=""), None)
    assert store.notebook == "untitled.ipynb"
    store.add_version(
        "card", code="x", prompt="p", parent=None, model=None, author="user", usage=Usage(), latency_ms=None
    )
    store.close()
    assert (tmp_path / ".componentgen" / "history.sqlite").is_file()


def test_headless_runner_in_a_folder_with_one_notebook_uses_it(tmp_path: Path) -> None:
    """nbclient and papermill start the kernel in the notebook's folder without naming it."""
    (tmp_path / "report.ipynb").write_text("{}")
    assert current_notebook_path({}, environ={}, cwd=tmp_path) == tmp_path / "report.ipynb"
    (tmp_path / "other.ipynb").write_text("{}")
    assert current_notebook_path({}, environ={}, cwd=tmp_path) is None
