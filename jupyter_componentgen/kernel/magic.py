"""``%%component NAME [--data VAR] [--model M] [--regenerate] [--code [--skip-static-checks]] [--wait|--no-wait]
[--as VAR]``.

The cell body is the instruction: the first run writes the component, a later run with a new instruction
edits the current version, and an unchanged re-run is answered from the history without calling a model.
With ``--code`` the body is the component's code: it passes the same static checks as generated code.

``%component NAME`` (one %) or an empty body shows the current version.
The widget is displayed as the cell's output at once and the cell's value is None; ``--as w`` binds the
widget to ``w``. Where a live front end shows it, the cell returns immediately and the widget streams, so
Cancel and the component's ``emit`` keep working; elsewhere (nbclient, papermill, a terminal) the cell
waits and shows the finished component.
"""

from __future__ import annotations

import argparse
import re
import shlex
import sys
from typing import TYPE_CHECKING, Any, NoReturn

from IPython.core.error import UsageError

from jupyter_componentgen.engine.defaults import DEFAULT_MODEL

from .api import check_name, live_component
from .context import get_context

if TYPE_CHECKING:
    from .api import Component

_DOTTED_NAME = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*")


class _Parser(argparse.ArgumentParser):
    """argparse that reports mistakes as IPython UsageErrors (a short message, no traceback, no exit)."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"%%component: {message}\n{self.format_usage().strip()}")


def _build_parser() -> _Parser:
    parser = _Parser(prog="%%component", add_help=False, exit_on_error=False)
    parser.add_argument("name", nargs="?", default="", help="the component's name, e.g. sales_card")
    parser.add_argument("--data", metavar="VAR", help="a variable (or dotted attribute) passed as props")
    parser.add_argument("--model", metavar="M", help="the model for this run")
    parser.add_argument(
        "--regenerate", action="store_true", help="ask the model even if the answer is cached"
    )
    parser.add_argument("--code", action="store_true", help="the body is the component's code: no model")
    parser.add_argument(
        "--skip-static-checks",
        action="store_true",
        help="with --code: render code that breaks a static rule (it still runs in the no-network sandbox)",
    )
    parser.add_argument("--wait", action="store_true", help="block until the generation ends")
    parser.add_argument("--no-wait", action="store_true", help="return at once while the widget streams")
    parser.add_argument("--as", dest="as_name", metavar="VAR", help="also bind the widget to this variable")
    return parser


PARSER = _build_parser()


def component_magic(line: str, cell: str, user_ns: dict[str, Any]) -> None:
    """Generate, edit or show the React component NAME, rendered live in this cell's output."""
    try:
        words = shlex.split(line)
    except ValueError as exc:
        raise UsageError(f"%%component: {exc} in {line!r}") from None
    args = PARSER.parse_args(words)
    name = _component_name(args.name)
    if args.wait and args.no_wait:
        raise UsageError("%%component: use either --wait or --no-wait, not both.")
    if args.as_name is not None and not args.as_name.isidentifier():
        raise UsageError(f"%%component: --as {args.as_name}: give a Python variable name, e.g. --as card.")
    if args.model is not None and not args.model.strip():
        raise UsageError(f"%%component: --model needs a model name, e.g. --model {DEFAULT_MODEL}.")
    data = _resolve_data(args.data, user_ns) if args.data is not None else None
    body = cell.strip()
    context = get_context()
    if args.code and not body:
        raise UsageError("%%component: --code needs the component's code (JSX) in the cell body.")
    if args.skip_static_checks and not args.code:
        raise UsageError(
            "%%component: --skip-static-checks applies only to --code (your own code); generated code is "
            "always checked unless static_checks is off in the settings."
        )
    if not body and context.store.current(name) is None:
        raise UsageError(
            f"%%component: there is no component named {name!r} yet; describe it in the cell body "
            "under the %%component line."
        )

    widget = live_component(context, name)
    if args.data is not None:
        try:
            widget.data = data
        except TypeError as exc:
            raise UsageError(f"%%component: --data {args.data}: {exc}") from None
    if args.as_name:
        user_ns[args.as_name] = widget
    frontend = context.frontend_attached()
    if args.code:
        _set_code(
            widget, cell.strip("\n") + "\n", static_checks=not args.skip_static_checks, frontend=frontend
        )
        _display(widget)
    elif not body:
        widget.reload()
        _display(widget)
    else:
        widget.start(body, model=args.model, regenerate=args.regenerate)
        block = context.should_block(True if args.wait else False if args.no_wait else None)
        if frontend or not block:
            _display(widget)  # now, so the stream shows while the model writes
        if block:
            widget.wait_and_report()
            if not frontend:
                _display(widget)


def _set_code(widget: Component, code: str, *, static_checks: bool, frontend: bool) -> None:
    """Save the cell's code; code the static checks block is listed in the widget (or on stderr where no
    view shows it), not saved and not rendered."""
    from jupyter_componentgen.engine.checks.findings import BlockedCode

    try:
        widget.set_code(code, static_checks=static_checks)
    except BlockedCode as blocked:
        if not frontend:
            lines = [f"{widget.name}: {blocked.message} {widget.status.get('message', '')}"]
            lines += [
                f"  line {f.line}:{f.column + 1} [{f.rule}] {f.message}: {f.snippet}"
                for f in blocked.findings
            ]
            lines.append(
                "  (--skip-static-checks renders it anyway; it still runs in the no-network sandbox)"
            )
            print("\n".join(lines), file=sys.stderr)


def _component_name(raw: str) -> str:
    if not raw:
        raise UsageError("%%component needs a name, e.g. %%component sales_card --data df")
    try:
        return check_name(raw)
    except ValueError as exc:
        raise UsageError(f"%%component: {exc}") from None


def _resolve_data(expression: str, user_ns: dict[str, Any]) -> Any:
    """The value of a variable or dotted attribute in the notebook's namespace (no code is evaluated)."""
    if not _DOTTED_NAME.fullmatch(expression):
        raise UsageError(
            f"%%component: --data {expression}: give a variable name or a dotted attribute, e.g. --data df."
        )
    head, *attributes = expression.split(".")
    if head not in user_ns:
        raise UsageError(
            f"%%component: --data {expression}: there is no variable {head!r}; run the cell that defines it."
        )
    value = user_ns[head]
    for position, attribute in enumerate(attributes):
        try:
            value = getattr(value, attribute)
        except AttributeError:
            owner = ".".join([head, *attributes[:position]])
            raise UsageError(
                f"%%component: --data {expression}: {owner} ({type(value).__name__}) "
                f"has no attribute {attribute!r}."
            ) from None
    return value


def _display(widget: object) -> None:
    from IPython.display import display

    display(widget)  # type: ignore[no-untyped-call]


_EMPTY_CELL = re.compile(r"%%component(?=[ \t]|$)([^\n?]*)\n?")


def empty_body_as_line_magic(lines: list[str]) -> list[str]:
    """An input transformer: a ``%%component NAME`` cell with nothing under it becomes ``%component NAME``.

    IPython refuses a cell magic whose body is empty ("the cell body is empty") before calling it, so
    without this the documented way to show the current version would be an error.
    """
    if len(lines) != 1:
        return lines
    match = _EMPTY_CELL.fullmatch(lines[0])
    return [f"%component{match[1]}\n"] if match else lines


def load_ipython_extension(ipython: Any) -> None:
    """Register ``%%component`` on ``ipython``."""

    def component(line: str, cell: str | None = None) -> None:
        component_magic(line, cell or "", ipython.user_ns)

    component.__doc__ = f"{component_magic.__doc__}\n\n{PARSER.format_help()}\n{__doc__}"
    # Also a line magic: ``%component NAME`` shows the current version, and so does an empty cell body.
    ipython.register_magic_function(component, magic_kind="line_cell", magic_name="component")
    cleanup = ipython.input_transformers_cleanup
    if empty_body_as_line_magic not in cleanup:
        cleanup.append(empty_body_as_line_magic)
