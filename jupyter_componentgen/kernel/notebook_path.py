"""Which notebook is this kernel running? The answer picks the history the kernel writes to."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jupyter_componentgen.config import ComponentGen
from jupyter_componentgen.store import Store

# The key used when the kernel cannot learn its notebook (plain IPython, Colab, some headless runners).
UNTITLED_NOTEBOOK = "untitled.ipynb"
_SESSION_ENV = "JPY_SESSION_NAME"  # set by jupyter-server for the kernels it starts
_VSCODE_VARIABLE = "__vsc_ipynb_file__"  # set by VS Code in the user namespace


def current_notebook_path(
    user_ns: Mapping[str, Any] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> Path | None:
    """The running notebook's file, or None when the kernel cannot tell."""
    environ = os.environ if environ is None else environ
    cwd = Path.cwd() if cwd is None else cwd
    session_name = environ.get(_SESSION_ENV, "").strip()
    if session_name:
        found = _from_session_name(session_name, cwd)
        if found is not None:
            return found
    vscode_file = (user_ns or {}).get(_VSCODE_VARIABLE)
    if isinstance(vscode_file, str) and vscode_file.strip():
        return Path(vscode_file).expanduser()
    return _only_notebook_in(cwd)


def _only_notebook_in(folder: Path) -> Path | None:
    """Headless runners (nbclient, papermill) start the kernel in the notebook's folder without naming the
    notebook; when that folder holds exactly one notebook, it is the one running."""
    try:
        notebooks = [p for p in folder.glob("*.ipynb") if p.is_file()]
    except OSError:
        return None
    return notebooks[0] if len(notebooks) == 1 else None


def _from_session_name(session_name: str, cwd: Path) -> Path | None:
    """Interpret JPY_SESSION_NAME.

    jupyter-server writes either an absolute path, or the notebook's path relative to the server root
    while starting the kernel in the notebook's own folder. The relative form is tried against both
    folders; an existing file wins.
    """
    path = Path(session_name).expanduser()
    candidates = [path] if path.is_absolute() else [cwd / path, cwd / path.name]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    # Not on disk (yet): trust a notebook file name; anything else (a console's session name) says nothing.
    if path.suffix == ".ipynb":
        return candidates[-1]
    return None


def store_for_kernel(settings: ComponentGen, user_ns: Mapping[str, Any] | None = None) -> Store:
    """The history this kernel writes to: its notebook's, else one for the working directory."""
    notebook = current_notebook_path(user_ns)
    if notebook is None:
        notebook = Path.cwd() / UNTITLED_NOTEBOOK
    return Store.for_notebook(notebook, settings.store_dir)
