"""The static checks: banned APIs and their evasions, imports, markup, sizes and prefixes (speed: the benchmark
bench_static_checks.py)."""

from __future__ import annotations

import re

import pytest

from jupyter_componentgen.config import load_settings
from jupyter_componentgen.engine.checks.rules import StaticRules
from jupyter_componentgen.engine.checks.static import StaticChecker, checker_from_settings
from tests.provider import recording

CHECKER = StaticChecker()

BLOCKED = [
    ('fetch("/x")', "banned-api"),
    ("const f = window.fetch; f(1)", "banned-api"),
    ("const { fetch: g } = globalThis", "banned-api"),
    ("const { fetch } = e.view", "banned-api"),
    ('window["fe" + "tch"]("/x")', "banned-api"),
    ("self[`fetch`]()", "banned-api"),
    ('self[`fe${"tch"}`]()', "banned-api"),
    ('globalThis["\\x66etch"]()', "banned-api"),
    ('globalThis["\\u{66}etch"]()', "banned-api"),
    ('const k = "fe" + "tch"; self[k]()', "banned-api"),
    ("const w = window; w.alert(1)", "global-object"),
    ("Reflect.get(globalThis, name)", "global-object"),
    ("window[name]()", "global-object"),
    ("e.view.fetch('/x')", "banned-api"),
    ("node.ownerDocument.defaultView.alert(1)", "banned-api"),
    ("new XMLHttpRequest()", "banned-api"),
    ("new WebSocket(url)", "banned-api"),
    ("new EventSource(url)", "banned-api"),
    ("navigator.sendBeacon('/x')", "banned-api"),
    ("new RTCPeerConnection({})", "banned-api"),
    ("new Worker(url)", "banned-api"),
    ("eval('1')", "banned-api"),
    ("(0, eval)('1')", "banned-api"),
    ("new Function('return 1')", "banned-api"),
    ("[].constructor.constructor('return 1')()", "function-constructor"),
    ('({})["con" + "structor"]', "function-constructor"),
    ("importScripts('x')", "banned-api"),
    ("document.cookie", "banned-api"),
    ("document['coo' + 'kie']", "banned-api"),
    ("indexedDB.open('a')", "banned-api"),
    ("window.open('/x')", "banned-api"),
    ("open('/x')", "banned-api"),
    ("top.location = '/x'", "banned-api"),
    ("parent.postMessage(1, '*')", "banned-api"),
    ("window.parent.postMessage(1, '*')", "banned-api"),
    ("opener.focus()", "banned-api"),
    ("window.frameElement", "banned-api"),
    ("location.href = '/x'", "banned-api"),
    ("document.location = '/x'", "banned-api"),
    ("import('/x.js')", "dynamic-import"),
    ('import _ from "left-pad";', "import-not-allowed"),
    ('import { x } from "https://esm.sh/react";', "import-not-allowed"),
    ('export { a } from "https://x/mod.js";', "import-not-allowed"),
    ("require('fs')", "banned-api"),
    ("const a = <script>1</script>", "jsx-element"),
    ('const a = <iframe src="/x" />', "jsx-element"),
    ('const a = <meta httpEquiv="refresh" content="0;url=/x" />', "jsx-element"),
    ('document.createElement("script")', "jsx-element"),
    ('React.createElement("iframe")', "jsx-element"),
    ('const a = <a href="javascript:alert(1)">x</a>', "javascript-url"),
    ('const a = <a href=" JaVaScRiPt:alert(1)">x</a>', "javascript-url"),
    ('const a = <a href="jav&#x61;script:alert(1)">x</a>', "javascript-url"),
    ('const u = "java\\x73cript:alert(1)"', "javascript-url"),
    ("const a = <div dangerouslySetInnerHTML={{ __html: s }} />", "raw-html"),
    ("el.innerHTML = s", "raw-html"),
    ("document.write(s)", "raw-html"),
    ("setTimeout('alert(1)', 10)", "string-code"),
    ("window.setInterval(`alert(1)`, 10)", "string-code"),
    ("function f() { const top = 1 } top.location", "banned-api"),
    # What makes a nested realm (a fresh window whose WebRTC the runtime never closed), however spelled.
    ("document.createElement(String.fromCharCode(105, 102, 114, 97, 109, 101))", "jsx-element"),
    ('const tag = ["if", "rame"].join(""); document.createElement(tag)', "jsx-element"),
    ('const tag = atob("aWZyYW1l"); document.createElement(tag)', "jsx-element"),
    ('document.createElement("IFRAME".toLowerCase())', "jsx-element"),
    ('document.createElement("emb".concat("ed"))', "jsx-element"),
    ('frame[["content", "Window"].join("")]', "banned-api"),
    ('w["noitcennoCreePCTR".split("").reverse().join("")]', "banned-api"),
    ('const name = ["RTC", "Peer", "Connection"].join(""); use(name)', "hidden-name"),
    ("const name = `RTC${'Peer'}Connection`; use(name)", "hidden-name"),
    ('frame.srcdoc = "<p>x</p>"', "raw-html"),
    ("document.createRange().createContextualFragment(s)", "raw-html"),
    ('new DOMParser().parseFromString(s, "text/html")', "raw-html"),
    ("shadow.setHTMLUnsafe(s)", "raw-html"),
    ("document.open()", "banned-api"),
    ("document.writeln(s)", "raw-html"),
    ('document.execCommand("copy")', "banned-api"),
]

ALLOWED = [
    "const [open, setOpen] = useState(false); open && setOpen(true);",
    "function Tree({ parent, top }) { return parent.name + top; }",
    "const top = rows.slice(0, 3); top.map((row) => row.id);",
    "const location = props.city; location.toUpperCase();",
    "rect.top + node.parent.id + box.open",
    "window.innerWidth; window.addEventListener('resize', onResize); window.matchMedia('(x)')",
    "document.addEventListener('keydown', onKey); document.getElementById('a')",
    "setTimeout(() => setCount(1), 10); clearTimeout(t)",
    "row[key]; data[index].value",
    "const styles = { fetch: 1, top: 2 };",
    'import { useState } from "react"; import { LineChart } from "recharts"; import { Plus } from "lucide-react";',
    'import { Button } from "@/components/ui/button"; import { motion } from "framer-motion"; import * as d3 from "d3";',
    'import _ from "lodash"; import debounce from "lodash/debounce"; import { format } from "date-fns";',
    "localStorage.setItem('theme', 'dark'); sessionStorage.getItem('draft')",
    'const a = <a href="https://example.org/docs">docs</a>;',
    "const a = <p>We fetch the top products from the parent window and open them.</p>;",
    "const [open, setOpen] = useState(false); const a = <details open={open}>x</details>;",
    "try { run(); } catch (error) { console.log(error); }",
    'const label = ["Total", "revenue"].join(" "); const id = String.fromCharCode(65);',
    'const greeting = "Hello, " + name; const title = "Sales".concat(" by region").toUpperCase();',
]


@pytest.mark.parametrize(("code", "rule"), BLOCKED)
def test_banned_code_is_found_with_its_rule(code: str, rule: str) -> None:
    findings = CHECKER(code)
    assert rule in {f.rule for f in findings}, findings


@pytest.mark.parametrize("code", ALLOWED)
def test_ordinary_component_code_passes(code: str) -> None:
    assert CHECKER(code) == [], code


def test_constants_are_folded_in_source_order() -> None:
    """Each constant takes its own declarator's value, however tree-sitter orders its captures."""
    code = (
        "const tag = String.fromCharCode(105, 102, 114, 97, 109, 101);\n"
        "const frame = document.createElement(tag);\n"
        'const other = "ifr" + "ame";\n'
        "const second = document.createElement(other);\n"
    )
    lines = {f.line for f in CHECKER(code) if f.rule == "jsx-element"}
    assert lines == {2, 4}


def test_a_finding_names_rule_line_column_and_snippet() -> None:
    code = 'import { useState } from "react";\n\nexport default function A() {\n  fetch("/x");\n}\n'
    [finding] = CHECKER(code)
    assert (finding.rule, finding.line, finding.column) == ("banned-api", 4, 2)
    assert finding.snippet == 'fetch("/x");'
    assert "fetch" in finding.message


def test_columns_count_characters_not_bytes() -> None:
    [finding] = CHECKER('const s = "ééé"; fetch(s)')
    assert finding.column == len('const s = "ééé"; ')


def test_size_limits_refuse_big_code() -> None:
    checker = StaticChecker(StaticRules(max_bytes=100, max_lines=5))
    assert [f.rule for f in checker("x = 1;\n" * 6)] == ["size"]
    assert "limit is 100" in checker("x" * 101)[0].message


def test_rules_and_allowlist_come_from_the_settings() -> None:
    settings = load_settings(
        allowed_imports=["react", "d3"], disabled_static_rules=["raw-html"], extra_banned_names=["alert"]
    )
    checker = checker_from_settings(settings)
    assert checker is not None
    assert checker('import * as d3 from "d3";') == []
    assert [f.rule for f in checker('import { x } from "recharts";')] == ["import-not-allowed"]
    assert [f.rule for f in checker('import x from "left-pad";')] == ["import-not-allowed"]
    assert checker("el.innerHTML = s") == []
    assert [f.rule for f in checker("alert(1)")] == ["banned-api"]
    assert checker_from_settings(load_settings(static_checks=False)) is None


def _components() -> list[str]:
    stems = ["counter_button", "data_table", "sales_card", "emit_button"]
    return [re.search(r"/// START \w+\n(.*?)/// END", recording(s), re.S).group(1) for s in stems]  # type: ignore[union-attr]


TRICKY = """import { useState } from "react";

export default function Tree({
  data,
  open: initiallyOpen,
  parent,
}) {
  const [
    open,
    setOpen,
  ] = useState(initiallyOpen);
  const top = data.slice(0, 3);
  const styles = {
    fetch
    : 1,
  };
  return (
    <div>
      <p>
        We fetch the top rows from the parent and open them
      </p>
      {top.map((row) => <span key={row.id} style={{ top: row.top }}>{parent}</span>)}
      <details open={open} onToggle={() => setOpen(!open)}>More</details>
    </div>
  );
}
"""


@pytest.mark.parametrize("code", [*_components(), TRICKY])
def test_no_prefix_finds_what_the_whole_code_does_not(code: str) -> None:
    whole = {(f.rule, f.line, f.column) for f in CHECKER(code)}
    for end in range(1, len(code) + 1):
        prefix = {(f.rule, f.line, f.column) for f in CHECKER(code[:end])}
        assert prefix <= whole, (code[:end][-60:], prefix - whole)


def test_hostile_code_is_caught_in_the_streamed_prefix_that_holds_it() -> None:
    code = 'export default function A() {\n  useEffect(() => {\n    fetch("/x");\n'
    assert [f.rule for f in CHECKER(code)] == ["banned-api"]
