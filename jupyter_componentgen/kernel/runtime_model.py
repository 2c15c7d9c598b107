"""The iframe runtime in the kernel: one ``RuntimeModel`` per kernel process that every component widget
references, so a saved notebook stores the heavy front end (React, the compiler, styles) once, and each
library module (``RuntimeModule``) once and only when a component imports it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from functools import cache
from typing import Any

import anywidget
import traitlets
from ipywidgets import widget_serialization

from jupyter_componentgen.resources import static_asset


@cache
def _asset(name: str) -> str:
    return static_asset(name)


class StaticAsset:
    """A class attribute read from the built front end on first use, so importing never needs the build."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, obj: object, owner: type | None = None) -> Any:
        return self if obj is None else _asset(self.name)


class RuntimeModule(anywidget.AnyWidget):
    """One library module of the iframe runtime (recharts, d3, the shadcn/ui set…): its own model, so a
    notebook sends and stores each library once, and only the ones its components import."""

    _esm = "export default {};"
    module_id = traitlets.Unicode("").tag(sync=True)
    source = traitlets.Unicode("").tag(sync=True)


class RuntimeModel(anywidget.AnyWidget):
    """The shared iframe runtime and view code; one per kernel process, referenced by every component.

    ``modules`` holds the library modules this kernel's components import, added on demand (the kernel adds
    what a component's code needs before showing it; a view asks for what a streamed preview needs).
    """

    # Never displayed: the component views read the runtime from this model's state.
    _esm = "export default {};"
    runtime_js = traitlets.Unicode("").tag(sync=True)
    view_js = traitlets.Unicode("").tag(sync=True)
    modules = traitlets.Dict(value_trait=traitlets.Instance(RuntimeModule), default_value={}).tag(
        sync=True, **widget_serialization
    )

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._modules_lock = threading.Lock()
        self.on_msg(self._on_view_message)

    def ensure_modules(self, module_ids: Iterable[str]) -> None:
        """Make ``module_ids`` (and what they require) available to every view; unknown ids are ignored."""
        from jupyter_componentgen.engine.runtime_modules import module_closure, module_source

        with self._modules_lock:
            missing = [m for m in module_closure(module_ids) if m not in self.modules]
            if not missing:
                return
            added = {m: RuntimeModule(module_id=m, source=module_source(m)) for m in missing}
            self.modules = {**self.modules, **added}

    def ensure_modules_for(self, code: str) -> None:
        """Add the modules ``code`` imports (a component about to be shown)."""
        from jupyter_componentgen.engine.runtime_modules import module_ids_for_code

        if code.strip():
            self.ensure_modules(module_ids_for_code(code))

    def _on_view_message(self, _widget: object, content: Any, _buffers: object) -> None:
        # A preview of streamed code (or of a version the server made) needs a module the kernel has not
        # added yet. The ids are checked against the manifest by module_closure.
        if not isinstance(content, dict) or content.get("type") != "need_modules":
            return
        requested = content.get("modules")
        if isinstance(requested, list):
            self.ensure_modules(m for m in requested[:64] if isinstance(m, str))


_runtime_lock = threading.Lock()
_runtime: RuntimeModel | None = None


def shared_runtime() -> RuntimeModel:
    """The kernel's runtime model, created on first use (and again if it was closed)."""
    global _runtime  # noqa: PLW0603
    with _runtime_lock:
        if _runtime is None or _runtime.comm is None:
            _runtime = RuntimeModel(runtime_js=_asset("runtime.js"), view_js=_asset("widget.js"))
        return _runtime
