"""The layout keeps its promises: the engine imports no front end, nothing imports in a circle, modules stay
small, every package says what it owns, and the engine's settings come from the traitlets of the same name."""

from __future__ import annotations

import ast
import dataclasses
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from jupyter_componentgen.config import ComponentGen
from jupyter_componentgen.engine.settings import EngineSettings

PACKAGE = "jupyter_componentgen"
SOURCE = Path(__file__).resolve().parents[2] / PACKAGE
MAX_LINES = 400
# Modules allowed over MAX_LINES, each with the reason it is one module.
LONG_MODULES: dict[str, str] = {
    f"{PACKAGE}.schema_types": "generated from schema/ by the front end's build; nobody edits it by hand",
}
# What the engine may not import: the front ends, the store behind its port, and the Jupyter stack.
ENGINE_FORBIDDEN = (
    f"{PACKAGE}.store",
    f"{PACKAGE}.kernel",
    f"{PACKAGE}.server",
    f"{PACKAGE}.cli",
    f"{PACKAGE}.config",
    f"{PACKAGE}.wiring",
    "traitlets",
    "jupyter_server",
    "jupyter_core",
    "jupyter_events",
    "jupyter_client",
    "ipykernel",
    "ipywidgets",
    "anywidget",
    "IPython",
    "comm",
    "tornado",
    "nbformat",
)


@dataclasses.dataclass(frozen=True)
class Module:
    name: str
    path: Path
    is_package: bool

    @property
    def package(self) -> str:
        return self.name if self.is_package else self.name.rpartition(".")[0]


@cache
def modules() -> dict[str, Module]:
    found = {}
    for path in SOURCE.rglob("*.py"):
        parts = list(path.relative_to(SOURCE.parent).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        name = ".".join(parts[:-1] if is_package else parts)
        found[name] = Module(name, path, is_package)
    return found


def imported_names(module: Module) -> Iterator[str]:
    """Every module ``module`` imports, wherever the import is (lazy imports and TYPE_CHECKING too)."""
    for node in ast.walk(ast.parse(module.path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.package.split(".")
                base = base[: len(base) - node.level + 1]
                source = ".".join([*base, *([node.module] if node.module else [])])
            else:
                source = node.module or ""
            # ``from package import submodule`` depends on the submodule; ``from module import name`` on the
            # module.
            submodules = [f"{source}.{alias.name}" for alias in node.names]
            if all(submodule in modules() for submodule in submodules):
                yield from submodules
            else:
                yield source


@cache
def import_graph() -> dict[str, set[str]]:
    known = modules()
    return {
        name: {imported for imported in imported_names(module) if imported in known and imported != name}
        for name, module in known.items()
    }


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one member (Tarjan's algorithm, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph.get(root, ()))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            successor = next(successors, None)
            if successor is not None:
                if successor not in index:
                    index[successor] = low[successor] = len(index)
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(sorted(graph.get(successor, ())))))
                elif successor in on_stack:
                    low[node] = min(low[node], index[successor])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def unit(name: str) -> str:
    """The part of the layout a module belongs to: a package directly under the package root or under the
    engine (kernel, store, engine.gateway, ...), or a module of its own at either of those two levels."""
    parts = name.split(".")
    depth = 3 if parts[1:2] == ["engine"] else 2
    return ".".join(parts[:depth])


def test_the_engine_imports_no_front_end_no_store_and_nothing_of_jupyter() -> None:
    offences = [
        f"{name} imports {imported}"
        for name, module in modules().items()
        if name.startswith(f"{PACKAGE}.engine")
        for imported in imported_names(module)
        if any(imported == banned or imported.startswith(banned + ".") for banned in ENGINE_FORBIDDEN)
    ]
    assert offences == []


def test_importing_the_engine_loads_no_front_end_and_nothing_of_jupyter() -> None:
    engine = [
        name
        for name in modules()
        if name.startswith(f"{PACKAGE}.engine") and not name.endswith(("_backend", "__main__"))
    ]
    code = (
        "import importlib, sys\n"
        f"for name in {engine!r}:\n"
        "    importlib.import_module(name)\n"
        f"banned = {ENGINE_FORBIDDEN!r}\n"
        "print(sorted(m for m in sys.modules if m in banned or m.startswith(tuple(b + '.' for b in banned))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=SOURCE.parent,
    )
    assert result.stdout.strip() == "[]"


def test_no_module_imports_in_a_circle() -> None:
    # Lazy imports and imports for type checking count: each is a dependency a reader has to follow.
    assert cycles(import_graph()) == []


def test_no_package_imports_in_a_circle() -> None:
    graph: dict[str, set[str]] = {}
    for name, imported in import_graph().items():
        graph.setdefault(unit(name), set()).update(
            unit(other) for other in imported if unit(other) != unit(name)
        )
    assert cycles(graph) == []


def test_no_module_is_longer_than_the_limit() -> None:
    long = {
        name: lines
        for name, module in modules().items()
        if (lines := len(module.path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long.keys() <= LONG_MODULES.keys(), long


@pytest.mark.parametrize("name", sorted(name for name, module in modules().items() if module.is_package))
def test_every_package_opens_with_a_docstring_saying_what_it_owns(name: str) -> None:
    docstring = ast.get_docstring(ast.parse(modules()[name].path.read_text(encoding="utf-8")))
    assert docstring is not None
    assert len(docstring.split()) >= 12


def test_each_engine_setting_is_a_trait_of_the_same_name() -> None:
    traits = ComponentGen.class_traits(config=True)
    assert {field.name for field in dataclasses.fields(EngineSettings)} <= traits.keys()
