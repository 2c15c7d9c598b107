"""lucide-react's icons in chunk modules: Python picks the chunks a component's imports need, as the frame does."""

from __future__ import annotations

import pytest

from jupyter_componentgen.cli.html_export import standalone_html
from jupyter_componentgen.engine.runtime_modules import (
    chunk_ids,
    import_requests,
    module_ids_for_code,
    module_source,
)

CHUNKS = chunk_ids("lucide-react", None)  # every chunk
pytestmark = pytest.mark.skipif(not CHUNKS, reason="the build has no lucide chunks")


def test_imports_list_the_names_they_read() -> None:
    code = (
        'import React, { useState } from "react";\n'
        'import { Heart, ChevronDown as Down, type LucideIcon } from "lucide-react";\n'
        'import type { LucideProps } from "lucide-react";\n'
        'export { Star } from "lucide-react";\n'
        'import * as d3 from "d3";\n'
        'const Papa = require("papaparse");\n'
    )
    assert import_requests(code) == {
        "react": None,
        "lucide-react": ["Heart", "ChevronDown", "Star"],
        "d3": None,
        "papaparse": None,
    }


@pytest.mark.parametrize(
    "name", ["Heart", "HeartIcon", "LucideHeart", "ChevronDown", "TriangleAlert", "AlertTriangle"]
)
def test_each_spelling_of_an_icon_goes_to_the_chunk_that_registers_it(name: str) -> None:
    (chunk,) = chunk_ids("lucide-react", [name])
    assert f"{name}:" in module_source(chunk)


def test_a_component_gets_the_chunks_of_its_icons_only() -> None:
    named = module_ids_for_code('import { Heart, Star } from "lucide-react";')
    assert named[0] == "lucide-react"
    assert 2 <= len(named) <= 3
    assert chunk_ids("lucide-react", ["createLucideIcon", "Icon"]) == []
    # A namespace or default import, or the `icons` map, may use any icon.
    for code in (
        'import * as Icons from "lucide-react";',
        'import Lucide from "lucide-react";',
        'import { icons } from "lucide-react";',
        'export * from "lucide-react";',
    ):
        assert module_ids_for_code(code) == ["lucide-react", *CHUNKS], code


def test_a_page_embeds_only_the_chunks_it_needs() -> None:
    small = standalone_html(
        "probe", 'import { Heart } from "lucide-react";\nexport default () => null;\n', {}
    )
    whole = standalone_html("probe", 'import * as I from "lucide-react";\nexport default () => null;\n', {})
    assert len(small.encode()) + 500_000 < len(whole.encode())
