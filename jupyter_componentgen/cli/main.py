"""`jupyter componentgen`: generate, render and inspect components from a shell.

Exit status: 0 success, 1 the generation (or another step) failed, 2 the command line or an input file is
wrong, 130 cancelled with Ctrl-C. Failures print one line, ``error: <reason>``, on stderr.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from jupyter_componentgen._version import __version__
from jupyter_componentgen.engine.defaults import DEFAULT_MODEL

from .files import (
    EXIT_CANCELLED,
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    UsageError,
    check_writable_target,
    read_json_file,
    read_text_file,
    write_atomically,
)
from .progress import one_line

if TYPE_CHECKING:
    from jupyter_componentgen.config import ComponentGen


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one `error:` line like every other failure."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="jupyter componentgen",
        description="Generate React components with a language model, render them to standalone HTML, "
        "and inspect their version history.",
        epilog="The model's API key comes from the provider's usual environment variable "
        "(ANTHROPIC_API_KEY, OPENAI_API_KEY, ...). Settings come from jupyter_componentgen_config.py/.json "
        "on the Jupyter config path and COMPONENTGEN_<OPTION> variables, e.g. COMPONENTGEN_MODEL.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True, parser_class=_Parser)
    _add_generate(commands)
    _add_render(commands)
    _add_history(commands)
    return parser


def _add_generate(commands: argparse._SubParsersAction[_Parser]) -> None:
    generate = commands.add_parser(
        "generate",
        help="generate a component from a description and write it to a .jsx file",
        description=textwrap.dedent(
            """\
            Ask the model for a React component and write it to --out. Progress goes to stderr;
            the file is written only when a complete component was generated.
            """
        ),
        epilog=textwrap.dedent(
            """\
            History: every version is kept in .componentgen/history.sqlite in the output file's folder
            (or in COMPONENTGEN_STORE_DIR), under the output file's name, so
            `jupyter componentgen history FILE.jsx` lists it. Running generate again with the same --out
            edits the current version; if the file holds code the history does not know (edited by hand),
            that code is first kept as a version by 'user' and becomes the one edited. The same prompt for
            the same version costs no model call (it is answered from the history) unless --regenerate.
            """
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    generate.add_argument("prompt", metavar="PROMPT", help="what the component should show and do")
    generate.add_argument("--out", required=True, type=Path, metavar="FILE.jsx", help="file to write")
    generate.add_argument(
        "--model",
        help=f"litellm model string, e.g. {DEFAULT_MODEL} (default: the settings' model)",
    )
    generate.add_argument("--name", help="component name (default: the output file's stem)")
    generate.add_argument(
        "--data",
        type=Path,
        metavar="FILE.json",
        help="JSON data the component will receive; the model sees its shape and a small sample",
    )
    generate.add_argument(
        "--regenerate", action="store_true", help="ask the model even if the history holds an answer"
    )


def _add_render(commands: argparse._SubParsersAction[_Parser]) -> None:
    render = commands.add_parser(
        "render",
        help="write a component as a self-contained HTML page",
        description="Write an HTML page that renders the component offline in any browser, in the same "
        "sandboxed iframe (no network access) as in the notebook.",
    )
    render.add_argument("source", type=Path, metavar="FILE.jsx", help="the component's source")
    render.add_argument("--out", required=True, type=Path, metavar="FILE.html", help="page to write")
    render.add_argument(
        "--skip-static-checks",
        action="store_true",
        help="write the page even if the code breaks a static rule (it still runs in the no-network sandbox)",
    )
    props = render.add_mutually_exclusive_group()
    props.add_argument(
        "--props", type=Path, metavar="FILE.json", help="a JSON object passed to the component as its props"
    )
    props.add_argument(
        "--data",
        type=Path,
        metavar="FILE.json",
        help="JSON data, passed as the component's `data` prop (as `generate --data` and %%%%component --data do)",
    )


def _add_history(commands: argparse._SubParsersAction[_Parser]) -> None:
    history = commands.add_parser(
        "history",
        help="list a notebook's components and their versions",
        description="List the components generated in a notebook (or for a file written by generate) "
        "with every version: number, current marker (*), author, model, tokens, cost, time and prompt.",
    )
    history.add_argument(
        "notebook",
        type=Path,
        metavar="NOTEBOOK.ipynb",
        help="the notebook, or a FILE.jsx written by generate",
    )
    history.add_argument(
        "--json", action="store_true", help="print JSON: for each component, its exported versions"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    stdout, stderr = sys.stdout, sys.stderr
    try:
        args = build_parser().parse_args(argv)
        return _dispatch(args, stdout, stderr)
    except UsageError as exc:
        stderr.write(f"error: {one_line(str(exc))}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        stderr.write("\nerror: cancelled\n")
        return EXIT_CANCELLED
    except Exception as exc:  # The last resort: one line for the person, never a traceback.
        stderr.write(f"error: {one_line(_describe_unexpected(exc))}\n")
        return EXIT_FAILED


def _dispatch(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    if args.command == "generate":
        from .generate import GenerateOptions, run_generate

        settings = _settings(model=args.model)
        options = GenerateOptions(
            prompt=args.prompt,
            out=args.out,
            name=args.name or args.out.stem,
            data=args.data,
            model=args.model,
            regenerate=args.regenerate,
        )
        return run_generate(options, settings, stderr)
    if args.command == "render":
        return _render(
            args.source,
            args.out,
            props_file=args.props,
            data_file=args.data,
            skip_checks=args.skip_static_checks,
            stderr=stderr,
        )
    return _history(args.notebook, as_json=args.json, stdout=stdout)


def _settings(**overrides: Any) -> ComponentGen:
    from traitlets import TraitError

    from jupyter_componentgen.config import load_settings

    try:
        return load_settings(**overrides)
    except (TraitError, ValueError) as exc:
        raise UsageError(f"invalid setting: {exc}") from None


def _render(
    source: Path,
    out: Path,
    *,
    props_file: Path | None,
    data_file: Path | None,
    skip_checks: bool,
    stderr: TextIO,
) -> int:
    from jupyter_componentgen.engine.repairs import repair, repairs_note

    from .html_export import standalone_html

    check_writable_target(out)
    repaired = repair(read_text_file(source, "component file"))
    code = repaired.code
    if repaired.repairs:
        # The page renders the repaired code; the file is left as it is.
        stderr.write(f"{repairs_note(repaired.repairs)}\n")
    if not skip_checks and _refused_by_static_checks(source, code, stderr, repaired=bool(repaired.repairs)):
        return EXIT_FAILED
    props: Any = {}
    if props_file is not None:
        props = read_json_file(props_file, "--props file")
        if not isinstance(props, dict):
            raise UsageError(f"--props file {props_file} must hold a JSON object, not {type(props).__name__}")
    elif data_file is not None:
        from jupyter_componentgen.engine.data import to_props

        props = to_props(read_json_file(data_file, "--data file"))
    write_atomically(out, standalone_html(source.stem, code, props, repaired.repairs))
    stderr.write(f"Wrote {out}\n")
    return EXIT_OK


def _refused_by_static_checks(source: Path, code: str, stderr: TextIO, *, repaired: bool = False) -> bool:
    """Print the findings of the static checks (when the settings enable them); True if there are any."""
    from jupyter_componentgen.engine.checks.static import checker_from_settings

    checker = checker_from_settings(_settings())
    findings = checker(code) if checker is not None else ()
    if not findings:
        return False
    stderr.write(f"error: {source} was not rendered: it breaks {len(findings)} static rule(s)\n")
    if repaired:
        stderr.write("(lines and columns are those of the repaired code)\n")
    for finding in findings:
        stderr.write(f"{source}:{finding.line}:{finding.column + 1}: [{finding.rule}] {finding.message}\n")
        stderr.write(f"    {finding.snippet}\n")
    stderr.write("(--skip-static-checks writes the page anyway; it still runs in the no-network sandbox)\n")
    return True


def _history(notebook: Path, *, as_json: bool, stdout: TextIO) -> int:
    from jupyter_componentgen.store import Store

    from .history import history_json, history_table

    settings = _settings()
    with Store.for_notebook(notebook, settings.store_dir) as store:
        if not store.components() and not notebook.exists():
            raise UsageError(f"{notebook} does not exist and has no component history")
        stdout.write((history_json(store) + "\n") if as_json else history_table(store))
    return EXIT_OK


def _describe_unexpected(exc: Exception) -> str:
    message = str(exc) or type(exc).__name__
    if isinstance(exc, OSError | RuntimeError | LookupError):
        return message
    return f"unexpected {type(exc).__name__}: {message}"
