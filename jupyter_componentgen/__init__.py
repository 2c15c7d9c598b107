"""jupyter-componentgen: describe a UI in a notebook cell, get a live, sandboxed React component.

Importing the package is cheap: the widget, the engine and the model libraries load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from .kernel.api import Component, generate
    from .kernel.widget import ComponentWidget

__all__ = [
    "Component",
    "ComponentWidget",
    "__version__",
    "generate",
    "load_ipython_extension",
]

_LAZY = {"Component": ".kernel.api", "generate": ".kernel.api", "ComponentWidget": ".kernel.widget"}


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module_name, __name__), name)
    globals()[name] = value
    return value


def load_ipython_extension(ipython: Any) -> None:
    """``%load_ext jupyter_componentgen``: registers the ``%%component`` cell magic."""
    from .kernel.magic import load_ipython_extension as load

    load(ipython)


def _jupyter_labextension_paths() -> list[dict[str, str]]:
    return [{"src": "labextension", "dest": "jupyter-componentgen"}]


def _jupyter_server_extension_points() -> list[dict[str, Any]]:
    # Imported here, not at the top: the kernel imports this package and never needs jupyter-server.
    from .server import ComponentGenExtension

    return [{"module": "jupyter_componentgen.server", "app": ComponentGenExtension}]
