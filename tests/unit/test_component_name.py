"""One component-name rule ($defs/component_name of schema/ws.schema.json) for the kernel, the socket and
the REST routes: a name one of them accepts, the others accept too."""

from __future__ import annotations

import json
import re
from typing import Any, cast

import jsonschema
import pytest

from jupyter_componentgen.kernel.component import check_name
from jupyter_componentgen.resources import check_component_name, load_schema
from jupyter_componentgen.server.messages_in import BadMessage, parse_client_message
from jupyter_componentgen.server.routes import routes

NAME_SCHEMA = jsonschema.Draft202012Validator(
    {"$defs": load_schema("ws")["$defs"], "$ref": "#/$defs/component_name"}
)
GOOD = ["sales_card", "_private", "KPI-2", "a", "x" * 100]
BAD = ["", "1st_card", "-x", "a b", "naïve", "x" * 101, "a\n", "a/b"]


def socket_accepts(name: str) -> bool:
    message = {"type": "generate", "id": "1", "notebook": "a.ipynb", "component": name, "instruction": "x"}
    try:
        parse_client_message(json.dumps(message), max_bytes=10_000, max_instruction_chars=100)
    except BadMessage:
        return False
    return True


def route_accepts(name: str) -> bool:
    url = f"/componentgen/api/components/{name}/versions"
    return any(re.fullmatch(pattern, url) for pattern, _, _ in routes(cast(Any, None)))


def kernel_accepts(name: str) -> bool:
    try:
        check_name(name)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("name", GOOD + BAD)
def test_the_kernel_the_socket_and_the_routes_agree_with_the_schema(name: str) -> None:
    valid = name in GOOD
    # Python's re.search lets "$" match before a final newline; ECMA-262's, the schema's dialect, does not.
    assert NAME_SCHEMA.is_valid(name) == valid or name.endswith("\n")
    assert (kernel_accepts(name), socket_accepts(name), route_accepts(name)) == (valid, valid, valid)


def test_a_refusal_says_what_a_name_may_hold() -> None:
    with pytest.raises(ValueError, match="letters, digits, '_' or '-', starting with a letter or '_'"):
        check_component_name("1st_card")
    with pytest.raises(ValueError, match="not a usable component name"):
        check_component_name(None)
