"""What the kernel side shares within one process: settings, the history store, the runner, the engine and
the history service, and the live widget of each component.

Everything is created on first use, so importing the package or loading the extension stays cheap, and
the model libraries are imported on the runner's thread when the first generation starts. The entry points
(the magic, ``generate``, ``Component(name)``) take this process's context from ``get_context`` and hand it
to what they create.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any, cast

from jupyter_componentgen.config import ComponentGen, load_settings

from .interrupt import install_idle_interrupt_handler
from .runner import EngineRunner, WaitPolicy, current_shell, frontend_attached, should_block

if TYPE_CHECKING:
    from jupyter_componentgen.engine.generation import Engine
    from jupyter_componentgen.engine.history_service import HistoryService
    from jupyter_componentgen.store import Store

    from .widget import ComponentWidget


class KernelContext:
    """One per process (kernel, terminal IPython or script)."""

    def __init__(self, settings: ComponentGen, user_ns: dict[str, Any]) -> None:
        self.settings = settings
        self.user_ns = user_ns
        # The live widget of each component name, so re-running a cell updates the same model.
        self.components: dict[str, ComponentWidget] = {}
        self._lock = threading.Lock()
        self._runner: EngineRunner | None = None
        self._store: Store | None = None
        self._engine: Engine | None = None
        self._history: HistoryService | None = None

    @property
    def runner(self) -> EngineRunner:
        with self._lock:
            if self._runner is None or not self._runner.is_alive():
                self._runner = EngineRunner()
            runner = self._runner
        install_idle_interrupt_handler(runner.cancel_all)
        return runner

    @property
    def store(self) -> Store:
        with self._lock:
            if self._store is None:
                from .notebook_path import store_for_kernel

                self._store = store_for_kernel(self.settings, self.user_ns)
            return self._store

    def engine(self) -> Engine:
        """The engine, built on first use (this imports the model gateway, so call it on the runner)."""
        store = self.store
        with self._lock:
            if self._engine is None:
                from jupyter_componentgen.wiring import build_engine

                self._engine = build_engine(self.settings, store)
            return self._engine

    @property
    def history(self) -> HistoryService:
        """Hand edits and rollbacks with the engine's rules (its settings and static checks), built without
        the engine itself, so a hand edit never waits for the model libraries."""
        store = self.store
        with self._lock:
            if self._history is None:
                from jupyter_componentgen.config import engine_settings
                from jupyter_componentgen.engine.checks.static import checker_from_settings
                from jupyter_componentgen.engine.history_service import HistoryService

                frozen = engine_settings(self.settings)
                self._history = HistoryService(store, frozen, checker_from_settings(frozen))
            return self._history

    def frontend_attached(self) -> bool:
        return frontend_attached(self.user_ns)

    def should_block(self, wait: bool | None) -> bool:
        policy = cast(WaitPolicy, self.settings.wait)
        return should_block(policy, wait, self.user_ns)

    def close(self) -> None:
        """Stop the runner and close the store (tests; a kernel simply exits)."""
        with self._lock:
            runner, self._runner = self._runner, None
            store, self._store = self._store, None
            self._engine = None
            self._history = None
            components = list(self.components.values())
            self.components.clear()
        for component in components:
            component.cancel()
        if runner is not None:
            runner.stop()
        if store is not None:
            store.close()


_context_lock = threading.Lock()
_context: KernelContext | None = None


def get_context() -> KernelContext:
    """This process's context, created on first use from IPython's config and namespace when present."""
    global _context  # noqa: PLW0603
    with _context_lock:
        if _context is None:
            shell = current_shell()
            config = getattr(shell, "config", None) if shell is not None else None
            user_ns: dict[str, Any] = shell.user_ns if shell is not None else {}
            _context = KernelContext(load_settings(config), user_ns)
        return _context


def reset_context() -> None:
    """Forget the context (stopping its runner); the next get_context() builds a new one."""
    global _context
    with _context_lock:
        context, _context = _context, None
    if context is not None:
        context.close()
