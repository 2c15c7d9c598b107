"""The jupyter-server extension behind JupyterLab's side panel: component history over REST and live
generations over a WebSocket."""

from __future__ import annotations

from typing import Any

from .app import ComponentGenExtension

__all__ = ["ComponentGenExtension"]


def _load_jupyter_server_extension(serverapp: Any) -> None:
    """Loader for an extension point that names this module without ``"app"``.

    The preferred point is ``{"module": "jupyter_componentgen.server", "app": ComponentGenExtension}``:
    only then does jupyter-server call ``stop_extension`` on shutdown.
    """
    ComponentGenExtension._load_jupyter_server_extension(serverapp)  # type: ignore[no-untyped-call]
