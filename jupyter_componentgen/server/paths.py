"""Map a notebook's API path to its store, only through the server's ContentsManager."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jupyter_core.utils import ensure_async
from tornado.web import HTTPError

from jupyter_componentgen.config import ComponentGen
from jupyter_componentgen.store import Store


async def notebook_os_path(contents_manager: Any, api_path: str) -> Path:
    """The notebook's file on disk; 400 for a malformed path, 404 outside the root or missing.

    Only the ContentsManager decides what a path means, so traversal ('..'), absolute paths and symlinks
    that leave the root are refused exactly as the file browser refuses them.
    """
    api_path = api_path.strip("/")
    if not api_path or not api_path.endswith(".ipynb"):
        raise HTTPError(400, "Pass the notebook's path, e.g. ?notebook=folder/analysis.ipynb")
    if not await ensure_async(contents_manager.file_exists(api_path)):
        raise HTTPError(404, f"No notebook at {api_path!r}")
    get_os_path = getattr(contents_manager, "_get_os_path", None)
    if get_os_path is None:
        raise HTTPError(501, "Component history needs a file-system ContentsManager.")
    return Path(get_os_path(api_path))


async def store_for(contents_manager: Any, settings: ComponentGen, api_path: str) -> Store:
    return Store.for_notebook(await notebook_os_path(contents_manager, api_path), settings.store_dir)
