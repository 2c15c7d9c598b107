"""The jupyter-server extension behind JupyterLab's side panel: component history over REST and live
generations over a WebSocket."""

from __future__ import annotations

from .app import ComponentGenExtension

__all__ = ["ComponentGenExtension"]
