"""Map a notebook's API path to its file, only through the server's ContentsManager.

The REST handlers and the WebSocket both come through here, so a path is refused the same way whichever
door it knocks on: absolute paths, '..' or '.' segments, backslashes and NUL characters, hidden files (unless
the server allows them), files that do not exist, and files whose real location (after symbolic links) is
outside the server's root.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from jupyter_core.utils import ensure_async
from tornado.web import HTTPError

MAX_PATH_CHARS = 4096
EXAMPLE = "e.g. notebook=folder/analysis.ipynb (relative to the server's root)"


class NotebookPathError(Exception):
    """A notebook path that cannot be used; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message

    def as_http_error(self) -> HTTPError:
        return HTTPError(self.status, self.message)


@dataclass(frozen=True)
class NotebookFile:
    api_path: str  # normalised: '/'-separated, relative to the root, no leading or trailing '/'
    os_path: Path


def normalise_api_path(api_path: object) -> str:
    """The path in canonical form, or NotebookPathError(400) saying what is wrong with it."""
    if not isinstance(api_path, str) or not api_path.strip():
        raise NotebookPathError(400, f"Pass the notebook's path, {EXAMPLE}.")
    if len(api_path) > MAX_PATH_CHARS:
        raise NotebookPathError(400, f"The notebook path is longer than {MAX_PATH_CHARS} characters.")
    if "\x00" in api_path:
        raise NotebookPathError(400, "The notebook path holds a NUL character, which no file name can hold.")
    if "\\" in api_path:
        raise NotebookPathError(400, f"Use '/' to separate folders in the notebook path, {EXAMPLE}.")
    if api_path.startswith("/") or (len(api_path) > 1 and api_path[1] == ":"):
        raise NotebookPathError(400, f"The notebook path must be relative to the server's root, {EXAMPLE}.")
    parts = PurePosixPath(api_path).parts
    if any(part in ("..", ".") for part in api_path.split("/")):
        raise NotebookPathError(400, "The notebook path may not contain '.' or '..' segments.")
    if not api_path.endswith(".ipynb"):
        raise NotebookPathError(400, f"The path must name a notebook (.ipynb), {EXAMPLE}.")
    return "/".join(parts)


def os_path_of(contents_manager: Any, api_path: str) -> Path:
    """Where the ContentsManager keeps ``api_path`` on disk (the file need not exist)."""
    get_os_path = getattr(contents_manager, "_get_os_path", None)
    if get_os_path is None:
        raise NotebookPathError(
            501, "Component history needs a file-system ContentsManager (the server's default one)."
        )
    try:
        return Path(get_os_path(api_path))
    except HTTPError as exc:
        raise NotebookPathError(404, f"No notebook at {api_path!r}.") from exc


def inside_root(contents_manager: Any, os_path: Path) -> bool:
    """Whether ``os_path``, with every symbolic link followed, is inside the server's root."""
    root = Path(str(getattr(contents_manager, "root_dir", "/"))).resolve()
    return os_path.resolve().is_relative_to(root)


def _leads_outside(api_path: str) -> NotebookPathError:
    return NotebookPathError(
        403,
        f"The notebook {api_path!r} is a symbolic link (or inside a linked folder) that leads outside the "
        "server's root; component history is kept only inside the root. Open the notebook from a folder "
        "inside it.",
    )


async def resolve_notebook(contents_manager: Any, api_path: object) -> NotebookFile:
    """The notebook named by ``api_path``; NotebookPathError when it may not be used or does not exist."""
    path = normalise_api_path(api_path)
    missing = NotebookPathError(404, f"No notebook at {path!r}: check the path (it is relative to the root).")
    if not getattr(contents_manager, "allow_hidden", False) and await ensure_async(
        contents_manager.is_hidden(path)
    ):
        raise missing
    if not await ensure_async(contents_manager.file_exists(path)):
        raise missing
    os_path = os_path_of(contents_manager, path)
    if not inside_root(contents_manager, os_path):
        raise _leads_outside(path)
    return NotebookFile(path, os_path)
