"""The library modules' manifest as Python reads it: import scanning, aliases, dependencies, sources."""

from __future__ import annotations

import hashlib

import pytest

from jupyter_componentgen.engine.runtime_modules import (
    bundled_prefixes,
    bundled_specifiers,
    import_specifiers,
    is_bundled_specifier,
    manifest,
    module_bytes,
    module_closure,
    module_ids_for_code,
    module_source,
    resolve_specifier,
)
from jupyter_componentgen.resources import static_asset

ARTIFACT = """\
import React, { useState } from "react";
import { Card, CardContent } from "@/components/ui/card";
import { Button } from "components/ui/button";
import { motion, AnimatePresence } from 'framer-motion';
import * as d3 from "d3";
import debounce from "lodash/debounce";
import { Line } from "react-chartjs-2";
import type { ChartData } from "chart.js";
export { format } from "date-fns";
const Papa = require("papaparse");
"""


def test_scan_finds_every_kind_of_import() -> None:
    assert import_specifiers(ARTIFACT) == [
        "react",
        "@/components/ui/card",
        "components/ui/button",
        "framer-motion",
        "d3",
        "lodash/debounce",
        "react-chartjs-2",
        "chart.js",
        "date-fns",
        "papaparse",
    ]


def test_scan_ignores_strings_comments_and_other_calls() -> None:
    code = (
        '// import x from "three";\n'
        'const s = "import y from \\"mathjs\\"";\n'
        'load("xlsx"); obj.require("tone"); require(name);\n'
        "export default function A() { return <p>import z from 'd3'</p>; }\n"
    )
    assert import_specifiers(code) == []
    assert module_ids_for_code(code) == []


def test_module_ids_come_dependencies_first_each_once() -> None:
    ids = module_ids_for_code(ARTIFACT)
    assert ids == [
        "ui",
        "framer-motion",
        "d3",
        "lodash",
        "chart.js",
        "react-chartjs-2",
        "date-fns",
        "papaparse",
    ]
    assert module_ids_for_code('import Plot from "react-plotly.js";') == ["plotly", "react-plotly"]


def test_aliases_and_prefixes() -> None:
    for alias in ("@/components/ui/dialog", "~/components/ui/dialog", "components/ui/dialog"):
        assert resolve_specifier(alias) == {"module": "ui", "export": "dialog"}
    assert resolve_specifier("@/hooks/use-toast") == resolve_specifier("@/components/ui/use-toast")
    assert resolve_specifier("@radix-ui/react-dialog") == {"module": "ui", "export": "@radix-ui/react-dialog"}
    assert resolve_specifier("motion/react") == {"module": "framer-motion"}
    assert resolve_specifier("lodash.throttle") == {"module": "lodash", "export": "throttle"}
    assert resolve_specifier("date-fns/format") == {"module": "date-fns", "export": "format"}
    assert resolve_specifier("lodash/../x") is None
    assert resolve_specifier("react") is None
    assert resolve_specifier("left-pad") is None
    assert is_bundled_specifier("react")
    assert is_bundled_specifier("lodash/debounce")
    assert not is_bundled_specifier("@/components/ui/nope")
    assert "lodash/" in bundled_prefixes()
    names = bundled_specifiers()
    assert names[:4] == manifest()["core"]
    for name in ("recharts", "lucide-react", "three", "mathjs", "xlsx", "tone", "next/link", "plotly.js"):
        assert name in names


def test_closure_drops_unknown_ids() -> None:
    assert module_closure(["react-chartjs-2", "nope", "chart.js"]) == ["chart.js", "react-chartjs-2"]


def test_sources_match_the_manifest() -> None:
    for module_id, entry in manifest()["modules"].items():
        source = module_source(module_id)
        data = source.encode("utf-8")
        assert len(data) == module_bytes(module_id) == entry["bytes"], module_id
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], module_id
        for dependency in entry["requires"]:
            assert dependency in manifest()["modules"]
    with pytest.raises(KeyError, match="no library module"):
        module_source("../runtime")


def test_the_core_runtime_keeps_only_react_and_the_compiler() -> None:
    # recharts and the icon set are modules now; the runtime itself stays small.
    runtime_bytes = len(static_asset("runtime.js").encode("utf-8"))
    assert runtime_bytes < 1_200_000
    assert module_bytes("recharts") > 100_000
