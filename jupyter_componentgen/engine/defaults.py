"""Defaults the engine's messages and the settings share (the settings module imports traitlets; this not)."""

from __future__ import annotations

# The model of new components when none is configured; README, settings and messages all name this one.
DEFAULT_MODEL = "anthropic/claude-sonnet-5-5"
