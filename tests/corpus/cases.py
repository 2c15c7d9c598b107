"""The render corpus: components written the way models write them, each with a header saying what must show.

A case's header is the comment lines at the top of its file:

    // expect: Monthly Revenue        text that must be visible in the component's frame (one or more lines);
                                      for an `adversarial: error` case, text the error shown must contain
    // libs: shadcn, recharts         the libraries it uses, for per-library grouping (checked against imports)
    // adversarial: error | renders   must end in a clear error / must still render despite a trap
    // layout: full-page              a full-page layout: shown at a fixed viewport height, not collapsed or grown
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

COMPONENTS_DIR = Path(__file__).resolve().parent / "components"
SUFFIXES = (".jsx", ".tsx")

_HEADER_LINE = re.compile(r"^//\s*(expect|libs|adversarial|layout)\s*:\s*(.+?)\s*$")
_IMPORT_FROM = re.compile(r"""^\s*import\s[^;]*?from\s+["']([^"']+)["']""", re.MULTILINE | re.DOTALL)
_BARE_IMPORT = re.compile(r"""^\s*import\s+["']([^"']+)["']""", re.MULTILINE)

# What a bare import specifier counts as, for the per-library grouping; react itself is every case's base.
_LIBRARY_OF_PREFIX = (
    ("@/components/ui/", "shadcn"),
    ("components/ui/", "shadcn"),
    ("~/components/ui/", "shadcn"),
    ("@/lib/utils", "shadcn"),
    ("@/hooks/", "shadcn"),
    ("@radix-ui/", "radix"),
    ("lucide-react", "lucide"),
    ("recharts", "recharts"),
    ("framer-motion", "framer-motion"),
    ("motion/", "motion"),
    ("lodash", "lodash"),
    ("d3", "d3"),
    ("mathjs", "mathjs"),
    ("papaparse", "papaparse"),
    ("xlsx", "xlsx"),
    ("date-fns", "date-fns"),
    ("three", "three"),
    ("chart.js", "chart.js"),
    ("react-chartjs-2", "chart.js"),
    ("plotly.js", "plotly"),
    ("react-plotly.js", "plotly"),
    ("tone", "tone"),
    ("next/", "next"),
    ("sonner", "sonner"),
)
_REACT_ITSELF = ("react", "react-dom", "react/jsx-runtime", "react-dom/client")

ADVERSARIAL_KINDS = ("error", "renders")


@dataclass(frozen=True)
class Case:
    name: str
    path: Path
    expects: tuple[str, ...]
    libs: tuple[str, ...]
    adversarial: str | None  # "error", "renders" or None
    full_page: bool

    @property
    def expects_error(self) -> bool:
        return self.adversarial == "error"

    @property
    def groups(self) -> tuple[str, ...]:
        """The library groups this case counts in: its libraries, or "react only"."""
        return self.libs or ("react only",)


def library_of(specifier: str) -> str | None:
    """The library tag of an import specifier; None for React itself and relative imports."""
    if specifier in _REACT_ITSELF or specifier.startswith("."):
        return None
    for prefix, library in _LIBRARY_OF_PREFIX:
        if specifier == prefix.rstrip("/") or specifier.startswith(prefix):
            return library
    return specifier


def imported_libraries(source: str) -> set[str]:
    specifiers = _IMPORT_FROM.findall(source) + _BARE_IMPORT.findall(source)
    return {lib for lib in map(library_of, specifiers) if lib is not None}


def parse_case(path: Path) -> Case:
    fields: dict[str, list[str]] = {"expect": [], "libs": [], "adversarial": [], "layout": []}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("//"):
            break
        match = _HEADER_LINE.match(line)
        if match:
            fields[match.group(1)].append(match.group(2))
    libs = tuple(lib.strip() for entry in fields["libs"] for lib in entry.split(",") if lib.strip())
    adversarial = fields["adversarial"][0] if fields["adversarial"] else None
    return Case(
        name=path.stem,
        path=path,
        expects=tuple(fields["expect"]),
        libs=libs,
        adversarial=adversarial,
        full_page="full-page" in fields["layout"],
    )


def load_cases(directory: Path = COMPONENTS_DIR) -> list[Case]:
    paths = sorted(p for p in directory.iterdir() if p.suffix in SUFFIXES)
    return [parse_case(path) for path in paths]
