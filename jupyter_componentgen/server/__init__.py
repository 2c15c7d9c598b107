"""The jupyter-server extension: component history over REST (and, with the side panel, live streaming)."""

from __future__ import annotations

from .app import ComponentGenExtension

__all__ = ["ComponentGenExtension"]
