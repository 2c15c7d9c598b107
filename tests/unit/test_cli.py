"""`jupyter componentgen` end to end: generate against the scripted provider, render, history."""

from __future__ import annotations

import io
import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest

from jupyter_componentgen.cli import main
from jupyter_componentgen.cli.html_export import PAGE_CSP
from jupyter_componentgen.cli.progress import Progress
from jupyter_componentgen.engine.usage import Usage
from jupyter_componentgen.resources import load_schema
from jupyter_componentgen.store import Store
from tests.provider import Fault, Script, ScriptedProvider, recording

CARD = """\
export default function SalesCard({ data }) {
  const total = data.reduce((sum, row) => sum + row.amount, 0);
  return <div className="rounded p-4 shadow">Total sales: {total}</div>;
}
"""
ANSWER = f"Here is a card with the total.\n\n/// START SalesCard\n{CARD}/// END SalesCard\n"
BLUE_CARD = CARD.replace("shadow", "shadow bg-blue-100")
BLUE_ANSWER = f"Made it blue.\n/// START SalesCard\n{BLUE_CARD}/// END SalesCard\n"
SALES = [{"region": "north", "amount": 120}, {"region": "south", "amount": 80}]
REPO_ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """The command as a person runs it, in its own process (the environment includes llm_env's settings)."""
    return subprocess.run(
        [sys.executable, "-m", "jupyter_componentgen.cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=REPO_ROOT,
        check=False,
    )


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error:")]


def stored(out: Path) -> Store:
    return Store.for_notebook(out)


# generate


@pytest.mark.usefixtures("llm_env")
def test_generate_writes_the_component_and_keeps_history(provider: ScriptedProvider, tmp_path: Path) -> None:
    provider.enqueue(Script(text=ANSWER, tokens_per_second=2000, input_tokens=900))
    out = tmp_path / "sales_card.jsx"
    data = tmp_path / "sales.json"
    data.write_text(json.dumps(SALES), encoding="utf-8")

    result = run_cli("generate", "A card with the total sales", "--out", str(out), "--data", str(data))

    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8") == CARD
    assert result.stdout == ""
    assert "Saved version 1 of sales_card" in result.stderr
    assert error_lines(result.stderr) == []
    # Not a terminal: progress comes as plain lines, no carriage returns.
    assert "\r" not in result.stderr
    assert "connecting:" in result.stderr
    [request] = provider.requests
    assert "A card with the total sales" in request.last_user_text()
    assert "region" in request.last_user_text()  # the data's shape reached the prompt
    with stored(out) as store:
        version = store.current("sales_card")
        assert version is not None
        assert (version.number, version.code, version.author) == (1, CARD, "llm")
        assert version.usage.input_tokens == 900


@pytest.mark.usefixtures("llm_env")
def test_generate_again_edits_the_current_version_and_reuses_answers(
    provider: ScriptedProvider, tmp_path: Path
) -> None:
    out = tmp_path / "card.jsx"
    provider.enqueue(Script(text=ANSWER, tokens_per_second=2000))
    assert main(["generate", "A sales card", "--out", str(out), "--name", "SalesCard"]) == 0
    provider.enqueue(Script(text=BLUE_ANSWER, tokens_per_second=2000))
    assert main(["generate", "Make it blue", "--out", str(out), "--name", "SalesCard"]) == 0
    assert out.read_text(encoding="utf-8") == BLUE_CARD
    assert CARD in provider.requests[1].last_user_text()  # the edit was asked about the current code

    with stored(out) as store:
        store.set_current("SalesCard", 1)
    calls = len(provider.requests)
    assert main(["generate", "Make it blue", "--out", str(out), "--name", "SalesCard"]) == 0
    assert len(provider.requests) == calls  # answered from the history
    assert out.read_text(encoding="utf-8") == BLUE_CARD
    with stored(out) as store:
        assert [v.number for v in store.versions("SalesCard")] == [1, 2]


@pytest.mark.usefixtures("llm_env")
def test_hand_edits_are_kept_as_a_user_version_before_the_next_generation(
    provider: ScriptedProvider, tmp_path: Path
) -> None:
    out = tmp_path / "card.jsx"
    provider.enqueue(Script(text=ANSWER, tokens_per_second=2000))
    assert main(["generate", "A sales card", "--out", str(out)]) == 0
    edited = CARD.replace("Total sales", "Sum of sales")
    out.write_text(edited, encoding="utf-8")
    provider.enqueue(Script(text=BLUE_ANSWER, tokens_per_second=2000))
    assert main(["generate", "Make it blue", "--out", str(out)]) == 0

    with stored(out) as store:
        versions = store.versions("card")
    assert [(v.number, v.author, v.parent) for v in versions] == [
        (1, "llm", None),
        (2, "user", 1),
        (3, "llm", 2),
    ]
    assert versions[1].code == edited
    assert "Sum of sales" in provider.requests[-1].last_user_text()


@pytest.mark.usefixtures("llm_env")
def test_generate_writes_the_repaired_component_and_says_what_was_repaired(
    provider: ScriptedProvider, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    named_only = CARD.replace("export default function", "export function")
    provider.enqueue(
        Script(text=f"/// START SalesCard\n{named_only}/// END SalesCard\n", tokens_per_second=2000)
    )
    out = tmp_path / "card.jsx"

    assert main(["generate", "A sales card", "--out", str(out)]) == 0

    assert out.read_text(encoding="utf-8") == named_only + "\nexport default SalesCard;\n"
    assert "· repaired: added `export default SalesCard`" in capsys.readouterr().err
    with stored(out) as store:
        assert store.versions("card")[0].repairs == ("added `export default SalesCard`",)


@pytest.mark.usefixtures("llm_env")
def test_generation_failure_is_one_line_and_writes_nothing(
    provider: ScriptedProvider, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COMPONENTGEN_MAX_RETRIES", "0")
    provider.enqueue(Script(text=ANSWER, fault=Fault(kind="http_error", status=500)))
    out = tmp_path / "broken.jsx"

    result = run_cli("generate", "A sales card", "--out", str(out))

    assert result.returncode == 1
    [line] = error_lines(result.stderr)
    assert "HTTP 500" in line
    assert result.stderr.rstrip().endswith(line)
    assert "Traceback" not in result.stderr
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name != ".componentgen"] == []


@pytest.mark.usefixtures("llm_env")
def test_truncated_answer_fails_and_leaves_the_previous_file(
    provider: ScriptedProvider, tmp_path: Path
) -> None:
    out = tmp_path / "card.jsx"
    provider.enqueue(Script(text=ANSWER, tokens_per_second=2000))
    assert main(["generate", "A sales card", "--out", str(out)]) == 0
    provider.enqueue(Script(text=BLUE_ANSWER.split("/// END", maxsplit=1)[0], tokens_per_second=2000))

    assert main(["generate", "Make it blue", "--out", str(out)]) == 1
    assert out.read_text(encoding="utf-8") == CARD
    with stored(out) as store:
        assert store.current("card").number == 1  # type: ignore[union-attr]
        assert [d.error_code for d in store.drafts("card")] == ["truncated"]


def test_missing_api_key_is_a_clear_one_line_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("ANTHROPIC_API_KEY", "OPENAI_API_KEY", "ANTHROPIC_BASE_URL", "OPENAI_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COMPONENTGEN_MODEL", "anthropic/claude-sonnet-4-5")
    out = tmp_path / "card.jsx"

    result = run_cli("generate", "A sales card", "--out", str(out))

    assert result.returncode == 1
    [line] = error_lines(result.stderr)
    assert "ANTHROPIC_API_KEY" in line
    assert "Traceback" not in result.stderr
    assert not out.exists()


@pytest.mark.usefixtures("llm_env")
def test_ctrl_c_cancels_cleanly(provider: ScriptedProvider, tmp_path: Path) -> None:
    provider.enqueue(Script(text=ANSWER * 20, tokens_per_second=20))
    out = tmp_path / "slow.jsx"
    process = subprocess.Popen(
        [sys.executable, "-m", "jupyter_componentgen.cli", "generate", "A slow card", "--out", str(out)],
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO_ROOT,
    )
    assert process.stderr is not None
    seen = []
    deadline = time.monotonic() + 60
    for line in process.stderr:
        seen.append(line)
        if line.startswith("streaming:") or time.monotonic() > deadline:
            break
    process.send_signal(signal.SIGINT)
    rest = process.stderr.read()
    assert process.wait(timeout=30) == 130, "".join(seen) + rest
    assert "cancelled" in rest
    assert "Traceback" not in rest
    assert not out.exists()
    with stored(out) as store:
        assert [d.error_code for d in store.drafts("slow")] == ["cancelled"]


def test_usage_errors_exit_2_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate", "A card"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "error: the following arguments are required: --out (see 'jupyter componentgen generate --help')"
    ]

    bad_json = tmp_path / "bad.json"
    bad_json.write_text("{not json", encoding="utf-8")
    assert main(["generate", "A card", "--out", str(tmp_path / "c.jsx"), "--data", str(bad_json)]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("error: --data file")
    assert "not valid JSON" in line

    assert main(["generate", "A card", "--out", str(tmp_path / "missing" / "c.jsx")]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert "does not exist" in line
    assert not (tmp_path / "missing").exists()

    assert main(["frobnicate"]) == 2
    assert capsys.readouterr().err.startswith("error: argument COMMAND: invalid choice")


# render


def test_render_writes_a_standalone_page(tmp_path: Path) -> None:
    source = tmp_path / "sales_card.jsx"
    source.write_text(CARD, encoding="utf-8")
    props = tmp_path / "props.json"
    props.write_text(json.dumps({"data": SALES}), encoding="utf-8")
    out = tmp_path / "sales_card.html"

    result = run_cli("render", str(source), "--out", str(out), "--props", str(props))

    assert result.returncode == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert f'content="{PAGE_CSP}"' in page
    assert json.dumps(CARD)[1:-1].replace("</", "<\\/") in page
    assert '"region":"north"' in page
    assert "<title>sales_card</title>" in page


def test_render_repairs_the_page_code_says_so_and_leaves_the_file_alone(tmp_path: Path) -> None:
    pasted = (
        '```jsx\nimport { Button } from "./components/ui/button";\n\n'
        "export function Counter() {\n  const [n, setN] = React.useState(0);\n"
        "  return <Button onClick={() => setN(n + 1)}>Clicked {n} times</Button>;\n}\n```\n"
    )
    source = tmp_path / "counter.jsx"
    source.write_text(pasted, encoding="utf-8")
    out = tmp_path / "counter.html"

    result = run_cli("render", str(source), "--out", str(out))

    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[0] == (
        "repaired: removed the Markdown code fences; changed the import `./components/ui/button` to "
        '`@/components/ui/button`; added `import React from "react"`; added `export default Counter`'
    )
    page = out.read_text(encoding="utf-8")
    assert "export default Counter;" in page
    assert '\\"@/components/ui/button\\"' in page, "the page renders the repaired code"
    assert source.read_text(encoding="utf-8") == pasted
    config = json.loads(page.split('type="application/json">', 1)[1].split("</script>", 1)[0])
    assert config["repairs"] == result.stderr.splitlines()[0].removeprefix("repaired: ").split("; ")


def test_render_checks_the_repaired_code(tmp_path: Path) -> None:
    source = tmp_path / "leak.jsx"
    source.write_text(
        'export function Leak() {\n  fetch("https://x.invalid");\n  return <p />;\n}\n', encoding="utf-8"
    )

    result = run_cli("render", str(source), "--out", str(tmp_path / "leak.html"))

    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0] == "repaired: added `export default Leak`"
    assert "(lines and columns are those of the repaired code)" in lines
    assert any(line.startswith(f"{source}:2:3: [banned-api]") for line in lines)
    assert not (tmp_path / "leak.html").exists()


def test_render_with_data_and_bad_props(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "card.jsx"
    source.write_text(CARD, encoding="utf-8")
    data = tmp_path / "sales.json"
    data.write_text(json.dumps(SALES), encoding="utf-8")
    out = tmp_path / "card.html"
    assert main(["render", str(source), "--out", str(out), "--data", str(data)]) == 0
    assert '"props":{"data":[{"region":"north"' in out.read_text(encoding="utf-8")

    not_an_object = tmp_path / "list.json"
    not_an_object.write_text("[1, 2]", encoding="utf-8")
    capsys.readouterr()
    assert (
        main(["render", str(source), "--out", str(tmp_path / "x.html"), "--props", str(not_an_object)]) == 2
    )
    assert capsys.readouterr().err.startswith("error: --props file")
    assert main(["render", str(tmp_path / "nope.jsx"), "--out", str(tmp_path / "x.html")]) == 2
    assert not (tmp_path / "x.html").exists()


@pytest.mark.browser
@pytest.mark.usefixtures("llm_env")
def test_generated_component_renders_offline_with_its_data(
    provider: ScriptedProvider, tmp_path: Path
) -> None:
    from playwright.sync_api import sync_playwright

    from tests.e2e.servers import chromium_launch_args

    provider.enqueue(Script(text=recording("sales_card"), tokens_per_second=5000))
    data = tmp_path / "sales.json"
    rows = [
        {"region": "north", "quarter": "Q1", "revenue": 1200},
        {"region": "south", "quarter": "Q1", "revenue": 800},
        {"region": "north", "quarter": "Q2", "revenue": 500},
    ]
    data.write_text(json.dumps(rows), encoding="utf-8")
    component = tmp_path / "sales_card.jsx"
    page_file = tmp_path / "sales_card.html"

    assert main(["generate", "Sales by region", "--out", str(component), "--data", str(data)]) == 0
    assert main(["render", str(component), "--out", str(page_file), "--data", str(data)]) == 0

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**chromium_launch_args())
        try:
            page = browser.new_page()
            page.goto(page_file.as_uri())
            # The preview's relay frame, then the component's own frame inside it.
            frame = page.frame_locator("iframe").frame_locator("iframe")
            frame.get_by_test_id("total-revenue").wait_for(timeout=20_000)
            assert frame.get_by_test_id("total-revenue").inner_text() == "$2,500"
            frame.get_by_test_id("quarter-select").select_option("Q2")
            assert frame.get_by_test_id("total-revenue").inner_text() == "$500"
        finally:
            browser.close()


# history


@pytest.fixture
def notebook_with_history(tmp_path: Path) -> Path:
    notebook = tmp_path / "analysis.ipynb"
    notebook.write_text("{}", encoding="utf-8")
    with Store.for_notebook(notebook) as store:
        for parent, prompt in ((None, "A sales card\nwith a total"), (1, "Make it blue")):
            store.add_version(
                "sales",
                code=f"// {prompt}",
                prompt=prompt,
                parent=parent,
                model="anthropic/claude-sonnet-4-5",
                author="llm",
                usage=Usage(1200, 340, 1000, 0.0123),
                latency_ms=4200,
            )
        store.set_current("sales", 1)
        store.add_version(
            "chart",
            code="x",
            prompt="",
            parent=None,
            model=None,
            author="user",
            usage=Usage(),
            latency_ms=None,
        )
    return notebook


def test_history_table(notebook_with_history: Path) -> None:
    result = run_cli("history", str(notebook_with_history))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "chart: 1 version, current v1" in lines
    assert "sales: 2 versions, current v1" in lines
    first = next(line for line in lines if "v1" in line and "llm" in line)
    second = next(line for line in lines if "v2" in line)
    assert first.lstrip().startswith("*")
    assert not second.lstrip().startswith("*")
    for expected in ("anthropic/claude-sonnet-4-5", "1,200/340", "$0.0123", "A sales card…"):
        assert expected in first
    assert "Make it blue" in second


def test_history_json(notebook_with_history: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", str(notebook_with_history), "--json"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert sorted(exported) == ["chart", "sales"]
    assert [(v["number"], v["current"]) for v in exported["sales"]] == [(1, True), (2, False)]
    validator = jsonschema.Draft202012Validator(load_schema("version"))
    for versions in exported.values():
        for version in versions:
            validator.validate(version)


def test_history_of_a_missing_notebook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", str(tmp_path / "nope.ipynb")]) == 2
    assert capsys.readouterr().err.startswith("error: ")
    empty = tmp_path / "empty.ipynb"
    empty.write_text("{}", encoding="utf-8")
    assert main(["history", str(empty)]) == 0
    assert capsys.readouterr().out == "No components yet.\n"
    assert main(["history", str(empty), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {}
    assert not (tmp_path / ".componentgen").exists()


# progress


def test_progress_updates_one_line_on_a_terminal() -> None:
    stream = io.StringIO()
    progress = Progress(stream, interactive=True)
    progress({"type": "status", "phase": "connecting", "message": "Asking m…", "elapsed_ms": 10})
    progress({"type": "content_block_delta", "component": "c", "text": "x"})
    progress(
        {
            "type": "status",
            "phase": "streaming",
            "message": "Streaming…",
            "usage": {"input_tokens": 0, "output_tokens": 1234},
            "elapsed_ms": 2500,
        }
    )
    progress({"type": "status", "phase": "done", "message": "Saved version 1", "elapsed_ms": 3000})
    written = stream.getvalue()
    assert "\n" not in written
    assert written.split("\r\x1b[K") == [
        "",
        "connecting: Asking m… · 0.0 s",
        "streaming: Streaming… · ~1,234 tokens · 2.5 s",
        "",
    ]


def test_progress_prints_plain_lines_in_a_log() -> None:
    stream = io.StringIO()
    progress = Progress(stream, interactive=False)
    for elapsed in (0, 250, 500):
        progress({"type": "status", "phase": "streaming", "message": "Streaming…", "elapsed_ms": elapsed})
    progress({"type": "status", "phase": "saving", "message": "Saving…", "elapsed_ms": 600})
    progress({"type": "status", "phase": "done", "message": "Saved", "elapsed_ms": 700})
    # Repeats of a phase within PLAIN_INTERVAL_S are dropped; the outcome is the command's to print.
    assert stream.getvalue().splitlines() == ["streaming: Streaming… · 0.0 s", "saving: Saving… · 0.6 s"]
