"""How every front end builds its engine: the frozen settings from the traitlets configurable, the store as
the engine's history port, the static checks the settings ask for, and a rate limiter.

The kernel and the command line build one engine for their history with a limiter of their own; the server
builds one per notebook, all sharing one limiter per process, and bounds generations at once with its queue.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .config import engine_settings
from .engine.admission import GenerationLimiter
from .engine.checks.static import checker_from_settings
from .engine.generation import Engine

if TYPE_CHECKING:
    from .config import ComponentGen
    from .store import Store


def build_engine(settings: ComponentGen, store: Store, limiter: GenerationLimiter | None = None) -> Engine:
    """The engine a front end uses; ``limiter`` None: the settings' per-minute and concurrent limits."""
    frozen = engine_settings(settings)
    if limiter is None:
        limiter = GenerationLimiter.from_settings(settings)
    return Engine(frozen, store, checker=checker_from_settings(frozen), limiter=limiter)
