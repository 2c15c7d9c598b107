"""Every route of the extension, table-driven: authentication, authorization, XSRF, origins, notebook paths
that leave the server's root, and errors that must not leak stack traces, package paths or keys.

The table is checked against ``routes()``: a new route (or a new method on one) without a row fails.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import nbformat
import pytest
from jupyter_server.auth import Authorizer
from jupyter_server.utils import url_path_join
from tornado.httpclient import HTTPClientError, HTTPResponse

import jupyter_componentgen
from jupyter_componentgen.server import messages_out as out
from jupyter_componentgen.server.notebooks import NotebookContext
from jupyter_componentgen.server.routes import API, routes
from jupyter_componentgen.server.service import ComponentGenService
from jupyter_componentgen.store import STORE_FOLDER, Store
from tests.provider import Fault, Script, ScriptedProvider, recording

from .conftest import (
    NOTEBOOK,
    Fetch,
    Message,
    StreamFactory,
    componentgen_service,
    finished,
    generate_request,
)
from .test_rest import seed_history

PACKAGE_DIR = str(Path(jupyter_componentgen.__file__).parent)
SEEDED = ("// v1", "// v2", "ask 1", "ask 2")  # what a refused request must never reveal


@dataclass(frozen=True)
class Call:
    """One request to one route: ``WS`` opens the stream socket."""

    method: str
    parts: tuple[str, ...]
    body: dict[str, Any] | None = None

    @property
    def url_path(self) -> str:
        return API + "/" + "/".join(self.parts)

    @property
    def id(self) -> str:
        return f"{self.method} {'/'.join(self.parts)}"


CALLS = [
    Call("WS", ("stream",)),
    Call("GET", ("models",)),
    Call("GET", ("components",)),
    Call("GET", ("components", "counter", "versions")),
    Call("POST", ("components", "counter", "versions"), {"code": "// hacked\n"}),
    Call("GET", ("components", "counter", "versions", "1")),
    Call("POST", ("components", "counter", "rollback"), {"version": 1}),
]
REST = [call for call in CALLS if call.method != "WS"]
WRITES = [call for call in CALLS if call.method == "POST"]
NOTEBOOK_ROUTES = [call for call in REST if call.parts != ("models",)]  # those that take ?notebook=


def ids(calls: list[Call]) -> list[str]:
    return [call.id for call in calls]


class DenyComponentgen(Authorizer):
    """Allows everything but the "componentgen" resource, and remembers what it was asked."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.asked: list[tuple[str, str]] = []

    def is_authorized(self, handler: Any, user: Any, action: str, resource: str) -> bool:
        self.asked.append((action, resource))
        return resource != "componentgen"


@pytest.fixture
def authorizer() -> type[Authorizer] | None:
    """The server's authorizer class; parametrize a test with another one to change it."""
    return None


@pytest.fixture
def jp_server_config(jp_server_config: dict[str, Any], authorizer: type[Authorizer] | None) -> dict[str, Any]:
    if authorizer is not None:
        jp_server_config["ServerApp"]["authorizer_class"] = authorizer
    return jp_server_config


@pytest.fixture
def seeded(jp_root_dir: Path, notebook: str) -> str:
    """The notebook, with two versions of "counter"."""
    seed_history(jp_root_dir, notebook)
    return notebook


def assert_history_unchanged(root: Path) -> None:
    with Store.for_notebook(root / NOTEBOOK) as store:
        assert [v.number for v in store.versions("counter")] == [1, 2]
        assert store.current("counter").number == 2  # type: ignore[union-attr]


async def request(api: Fetch, call: Call, notebook: str, headers: dict[str, str] | None = None) -> Any:
    """The REST request of ``call``: its response, or the HTTPClientError it raised."""
    params = {} if call.parts == ("models",) else {"notebook": notebook}
    try:
        return await api(
            *call.parts, method=call.method, params=params, body=call.body, headers=headers or {}
        )
    except HTTPClientError as error:
        return error


def refused_with(outcome: Any, statuses: tuple[int, ...]) -> str:
    """Asserts ``outcome`` is an HTTP error with one of ``statuses``; its body, checked to reveal nothing."""
    assert isinstance(outcome, HTTPClientError), f"expected a refusal, got {outcome.code}"
    assert outcome.code in statuses, (outcome.code, outcome.response and outcome.response.body)
    body = outcome.response.body.decode() if outcome.response is not None else ""
    for secret in SEEDED:
        assert secret not in body
    return body


def test_every_route_and_method_has_a_row(jp_serverapp: Any) -> None:
    table = {(call.method, call.url_path) for call in CALLS}
    served: set[tuple[str, str]] = set()
    for pattern, handler, _ in routes(componentgen_service(jp_serverapp)):
        ours = [cls for cls in handler.__mro__ if cls.__module__.startswith("jupyter_componentgen")]
        methods = {m for m in ("get", "post", "put", "patch", "delete") if any(m in vars(c) for c in ours)}
        is_socket = any(c.__name__ == "WebSocketHandler" for c in handler.__mro__)
        for method in methods:
            label = "WS" if is_socket else method.upper()
            rows = [(m, path) for m, path in table if m == label and re.fullmatch(pattern, path)]
            assert rows, f"no row in CALLS for {label} {pattern}: add one so its security is tested"
            served.update(rows)
    assert served == table, f"rows for routes that do not exist: {table - served}"


# Authentication


@pytest.mark.parametrize("call", CALLS, ids=ids(CALLS))
async def test_requests_without_authentication_are_refused(
    *, call: Call, server: Any, api: Fetch, open_stream: StreamFactory, jp_root_dir: Path, seeded: str
) -> None:
    anonymous = {"Authorization": ""}
    if call.method == "WS":
        with pytest.raises(HTTPClientError) as refused:
            await open_stream(headers=anonymous)
        assert refused.value.code == 403
    else:
        refused_with(await request(api, call, seeded, anonymous), (401, 403))
        wrong_token = {"Authorization": "token not-the-token"}
        refused_with(await request(api, call, seeded, wrong_token), (401, 403))
    assert_history_unchanged(jp_root_dir)


# Authorization


@pytest.mark.parametrize("authorizer", [DenyComponentgen])
@pytest.mark.parametrize("call", CALLS, ids=ids(CALLS))
async def test_an_authorizer_that_denies_componentgen_is_asked_and_obeyed(
    *, call: Call, server: Any, api: Fetch, open_stream: StreamFactory, jp_root_dir: Path, seeded: str
) -> None:
    asked: list[tuple[str, str]] = server.authorizer.asked
    asked.clear()
    if call.method == "WS":
        with pytest.raises(HTTPClientError) as refused:
            await open_stream()
        assert refused.value.code == 403
    else:
        body = refused_with(await request(api, call, seeded), (403,))
        assert "componentgen" in json.loads(body)["message"]
    action = "write" if call.method == "POST" else "read"
    assert (action, "componentgen") in asked
    assert_history_unchanged(jp_root_dir)


# XSRF and origins (a browser that logged in: a cookie, no token)


async def browser_session(api: Fetch, jp_fetch: Any) -> tuple[dict[str, str], str]:
    """Headers of a browser that logged in (cookies, no token), and its XSRF token."""
    cookies: SimpleCookie = SimpleCookie()
    login_page = await jp_fetch("login", headers={"Authorization": ""})  # its form sets the XSRF cookie
    for response in (login_page, await api("models")):  # a token request sets the login cookie
        for header in response.headers.get_list("Set-Cookie"):
            cookies.load(header)
    assert "_xsrf" in cookies, "the server sets the XSRF cookie"
    cookie_header = "; ".join(f"{name}={morsel.value}" for name, morsel in cookies.items())
    return {"Authorization": "", "Cookie": cookie_header}, cookies["_xsrf"].value


@pytest.mark.parametrize("call", WRITES, ids=ids(WRITES))
async def test_writes_with_a_login_cookie_need_the_xsrf_token(
    *, call: Call, server: Any, api: Fetch, jp_fetch: Any, jp_root_dir: Path, seeded: str
) -> None:
    browser, xsrf = await browser_session(api, jp_fetch)
    assert (await api("components", params={"notebook": seeded}, headers=dict(browser))).code == 200
    body = refused_with(await request(api, call, seeded, dict(browser)), (403,))
    assert "xsrf" in body.lower()
    assert_history_unchanged(jp_root_dir)

    accepted = await request(api, call, seeded, {**browser, "X-XSRFToken": xsrf})
    assert isinstance(accepted, HTTPResponse), accepted
    assert accepted.code in (200, 201)


@pytest.mark.parametrize("call", CALLS, ids=ids(CALLS))
async def test_a_login_cookie_sent_from_a_foreign_origin_is_refused(
    *,
    call: Call,
    server: Any,
    api: Fetch,
    jp_fetch: Any,
    open_stream: StreamFactory,
    jp_root_dir: Path,
    seeded: str,
) -> None:
    browser, xsrf = await browser_session(api, jp_fetch)
    foreign = {**browser, "X-XSRFToken": xsrf, "Origin": "http://evil.example"}
    if call.method == "WS":
        with pytest.raises(HTTPClientError) as refused:
            await open_stream(headers=foreign)
        assert refused.value.code == 403
        same_site = await open_stream(headers=dict(browser))
        await same_site.send({"type": "subscribe", "notebook": seeded})
        assert (await same_site.receive())["type"] == "subscribed"
    else:
        refused_with(await request(api, call, seeded, foreign), (403, 404))
    assert_history_unchanged(jp_root_dir)


# Notebook paths: nothing outside the server's root


@dataclass(frozen=True)
class BadPath:
    """A notebook path, as the client means it and (for REST) as it travels in the query string."""

    value: str
    status: int
    words: str
    raw_query: str | None = None  # percent-encoded form sent as is; default: urlencode(value)


BAD_PATHS = [
    BadPath("", 400, "Pass the notebook's path"),
    BadPath("notes.txt", 400, ".ipynb"),
    BadPath("./analysis.ipynb", 400, "'.'"),
    BadPath("missing.ipynb", 404, "No notebook"),
    BadPath("../outside.ipynb", 400, "'..'"),
    BadPath("a/../../outside.ipynb", 400, "'..'"),
    BadPath("/etc/outside.ipynb", 400, "relative to the server's root"),
    BadPath("{outside}/analysis.ipynb", 400, "relative to the server's root"),
    BadPath("C:/analysis.ipynb", 400, "relative to the server's root"),
    BadPath("~", 400, ".ipynb"),
    BadPath("~/outside.ipynb", 404, "No notebook"),
    BadPath("../outside.ipynb", 400, "'..'", raw_query="%2e%2e%2foutside.ipynb"),
    BadPath("../outside.ipynb", 400, "'..'", raw_query="%2E%2E/outside.ipynb"),
    BadPath("%2e%2e/outside.ipynb", 404, "No notebook at '%2e%2e/outside.ipynb'"),  # not decoded twice
    BadPath("100%/missing.ipynb", 404, "No notebook at '100%/missing.ipynb'"),  # quoted as sent
    BadPath("..\\outside.ipynb", 400, "'/'"),
    BadPath("sub\\..\\..\\outside.ipynb", 400, "'/'"),
    BadPath("analysis\x00.ipynb", 400, "NUL"),  # not read as "analysis .ipynb"
    BadPath("\x00../outside.ipynb", 400, "NUL"),
    BadPath(".hidden/analysis.ipynb", 404, "No notebook"),
    BadPath("escape/analysis.ipynb", 403, "outside the server's root"),  # a linked folder
    BadPath("link.ipynb", 403, "outside the server's root"),  # a linked notebook
    BadPath("linked-history/analysis.ipynb", 403, "outside the server's root"),  # its history folder
]


@pytest.fixture
def outside(tmp_path: Path, jp_root_dir: Path) -> Path:
    """A folder outside the root with a notebook, and the root's ways out to it (symbolic links)."""
    folder = tmp_path / "outside"
    folder.mkdir()
    blank = nbformat.writes(nbformat.v4.new_notebook())
    for where in (folder, jp_root_dir / ".hidden", jp_root_dir / "linked-history"):
        where.mkdir(exist_ok=True)
        (where / "analysis.ipynb").write_text(blank, encoding="utf-8")
    (jp_root_dir / "escape").symlink_to(folder)
    (jp_root_dir / "link.ipynb").symlink_to(folder / "analysis.ipynb")
    (folder / "history").mkdir()
    (jp_root_dir / "linked-history" / STORE_FOLDER).symlink_to(folder / "history")
    return folder


def files_outside_root(tmp_path: Path, root: Path) -> list[str]:
    """Every file and folder under tmp_path but outside the root and the server's runtime folder (links
    are not followed, so what is written through one shows where it lands)."""
    found = []
    for folder, folders, files in os.walk(tmp_path):
        folders[:] = [name for name in folders if Path(folder, name) != root and name != "runtime"]
        found += [str(Path(folder, name)) for name in folders + files]
    return sorted(found)


def history_traces(outside: Path) -> list[str]:
    """Histories written outside the root: through the linked history folder, or at an absolute path."""
    written = [str(p) for p in (outside / "history").iterdir()]
    return written + [str(p) for p in Path("/etc").glob(f"{STORE_FOLDER}*")]


def path_for(bad: BadPath, outside: Path) -> str:
    return bad.value.replace("{outside}", str(outside))


@pytest.mark.parametrize("call", NOTEBOOK_ROUTES, ids=ids(NOTEBOOK_ROUTES))
async def test_rest_refuses_notebook_paths_outside_the_root(
    *,
    call: Call,
    server: Any,
    http_server_client: Any,
    jp_base_url: str,
    jp_auth_header: dict[str, str],
    jp_root_dir: Path,
    tmp_path: Path,
    outside: Path,
    notebook: str,
) -> None:
    before = files_outside_root(tmp_path, jp_root_dir)
    url = url_path_join(jp_base_url, *call.url_path.split("/"))
    for bad in BAD_PATHS:
        query = bad.raw_query or urlencode({"notebook": path_for(bad, outside)})
        if bad.raw_query:
            query = "notebook=" + query
        body = None if call.body is None else json.dumps(call.body)
        with pytest.raises(HTTPClientError) as refused:
            await http_server_client.fetch(
                f"{url}?{query}", method=call.method, body=body, headers=jp_auth_header
            )
        assert refused.value.code == bad.status, (bad, refused.value.response.body)
        reply = json.loads(refused.value.response.body)
        assert bad.words in reply["message"], (bad, reply)
        assert "Traceback" not in reply["message"]
    assert files_outside_root(tmp_path, jp_root_dir) == before
    assert history_traces(outside) == []


@pytest.mark.parametrize("kind", ["generate", "edit", "subscribe"])
async def test_the_stream_refuses_notebook_paths_outside_the_root(
    *,
    kind: str,
    server: Any,
    open_stream: StreamFactory,
    jp_root_dir: Path,
    tmp_path: Path,
    outside: Path,
    notebook: str,
) -> None:
    before = files_outside_root(tmp_path, jp_root_dir)
    client = await open_stream()
    for number, bad in enumerate(BAD_PATHS):
        if not bad.value:
            continue  # an empty notebook field is a malformed message (test_limits.py)
        path = path_for(bad, outside)
        if bad.raw_query:  # percent-encoding belongs to URLs; on the socket it is part of the name
            path = bad.raw_query
        message: Message
        if kind == "subscribe":
            message = {"type": "subscribe", "notebook": path}
        else:
            message = {**generate_request(path, "counter", "a counter", id=f"r{number}"), "type": kind}
        await client.send(message)
        reply = await client.receive()
        assert (reply["type"], reply["code"]) == ("request_error", "bad_notebook"), (bad, reply)
        assert reply["id"] == (None if kind == "subscribe" else f"r{number}")
        if not bad.raw_query:
            assert bad.words in reply["message"], (bad, reply)
    await client.send({"type": "subscribe", "notebook": notebook})
    assert (await client.receive())["type"] == "subscribed"
    assert files_outside_root(tmp_path, jp_root_dir) == before
    assert history_traces(outside) == []


@pytest.mark.parametrize("name", ["..", "%2e%2e", "..%2f..%2fetc", "a%00b", "a\\b"])
async def test_component_names_that_are_not_names_match_no_route(
    *, name: str, server: Any, http_server_client: Any, jp_base_url: str, jp_auth_header: dict[str, str]
) -> None:
    for tail in ("versions", "versions/1", "rollback"):
        url = (
            url_path_join(jp_base_url, "componentgen/api/components", name, tail) + "?notebook=analysis.ipynb"
        )
        method, body = ("GET", None) if tail != "rollback" else ("POST", json.dumps({"version": 1}))
        with pytest.raises(HTTPClientError) as refused:
            await http_server_client.fetch(url, method=method, body=body, headers=jp_auth_header)
        assert refused.value.code in (400, 404), (url, refused.value.code)


# Errors do not leak


def assert_no_leak(text: str, *secrets: str) -> None:
    assert "Traceback" not in text
    assert PACKAGE_DIR not in text
    for secret in secrets:
        assert secret not in text


async def test_an_unreadable_history_is_reported_without_internals(
    *, server: Any, api: Fetch, open_stream: StreamFactory, jp_root_dir: Path, seeded: str
) -> None:
    database = jp_root_dir / STORE_FOLDER / "history.sqlite"
    database.write_bytes(b"this is not a database\n" * 200)
    for call in NOTEBOOK_ROUTES:
        body = refused_with(await request(api, call, seeded), (500,))
        assert_no_leak(body, str(jp_root_dir))
        message = json.loads(body)["message"]
        assert "history.sqlite" in message, message
        assert "could not be read" in message, message

    client = await open_stream()
    await client.send({**generate_request(seeded, "counter", "more", id="e"), "type": "edit"})
    reply = await client.receive()
    assert (reply["type"], reply["id"], reply["code"]) == ("request_error", "e", "history_unavailable")
    assert "history.sqlite" in reply["message"]
    assert_no_leak(json.dumps(reply), str(jp_root_dir))
    await client.send(generate_request(seeded, "counter", "a counter", id="g"))
    outcome = await client.until(lambda m: m["type"] == "request_error" or finished(m))
    last = outcome[-1]
    assert last["type"] == "request_error" or last["event"]["phase"] == "error"
    said = last["message"] if last["type"] == "request_error" else last["event"]["message"]
    assert "history.sqlite" in said, "the failure names the file and what to do"
    assert_no_leak(json.dumps(outcome), str(jp_root_dir))
    await client.send({"type": "subscribe", "notebook": seeded})
    assert (await client.receive())["type"] == "subscribed"
    assert (await api("models")).code == 200


KEY = "sk-ant-secret-xyz-0123456789"
PLAIN_KEY = "hunter2hunter2"  # a key with no recognisable shape


@pytest.mark.parametrize("key", [KEY, PLAIN_KEY])
async def test_a_provider_failure_quoting_the_key_does_not_pass_it_on(
    *,
    key: str,
    server: Any,
    llm_env: ScriptedProvider,
    monkeypatch: pytest.MonkeyPatch,
    api: Fetch,
    open_stream: StreamFactory,
    notebook: str,
) -> None:
    monkeypatch.setenv("ANTHROPIC_API_KEY", key)
    llm_env.enqueue(
        Script("", fault=Fault("http_error", status=401, message=f"invalid x-api-key: {key}")),
        Script("", fault=Fault("http_error", status=400, message=f"bad request for key {key} at /v1")),
        Script(recording("counter_button"), fault=Fault("malformed_after", after_tokens=5)),
    )
    client = await open_stream()
    seen: list[Message] = []
    for number in range(3):
        await client.send(generate_request(notebook, f"c{number}", "a counter", id=f"k{number}"))
        seen += await client.until(finished)
    assert any(m["type"] == "event" and m["event"]["type"] == "error" for m in seen)
    assert_no_leak(json.dumps(seen, ensure_ascii=False), key)
    listed = await api("components", params={"notebook": notebook})
    assert_no_leak(listed.body.decode(), key)
    assert key in os.environ["ANTHROPIC_API_KEY"]  # the key really was the one in use


async def test_unexpected_failures_are_answered_without_internals(
    *,
    server: Any,
    api: Fetch,
    open_stream: StreamFactory,
    monkeypatch: pytest.MonkeyPatch,
    jp_root_dir: Path,
    seeded: str,
) -> None:
    """A bug deep inside (here: the history and the model list raise) gives a short error, not a trace."""
    monkeypatch.setenv("ANTHROPIC_API_KEY", KEY)
    internals = f"RuntimeError at {PACKAGE_DIR}/store.py line 1 with {KEY}"

    def explode(*args: Any) -> Any:
        raise RuntimeError(internals)

    async def explode_later(*args: Any) -> Any:
        explode()

    monkeypatch.setattr(NotebookContext, "call", explode_later)
    monkeypatch.setattr(ComponentGenService, "models", explode)
    for call in REST:
        body = refused_with(await request(api, call, seeded), (500,))
        assert_no_leak(body, internals, KEY)

    client = await open_stream()
    for kind in ("generate", "edit"):
        await client.send({**generate_request(seeded, "counter", "more", id=kind), "type": kind})
        reply = await client.receive()
        assert (reply["type"], reply["id"], reply["code"]) == ("request_error", kind, "internal")
        assert_no_leak(json.dumps(reply), internals, KEY)
    await client.send({"type": "subscribe", "notebook": seeded})
    assert (await client.receive())["type"] == "subscribed"


def test_key_values_are_blanked_from_every_message_but_model_code(monkeypatch: pytest.MonkeyPatch) -> None:
    quoted = 'k"ey\\with-quotes-1234'
    monkeypatch.setenv("OPENAI_API_KEY", PLAIN_KEY)
    monkeypatch.setenv("SOME_SERVICE_TOKEN", quoted)
    monkeypatch.setenv("SHORT_KEY", "abc")
    monkeypatch.setenv("ANTHROPIC_BASE_URL", "http://127.0.0.1:9/anthropic")
    error = out.request_error("x", f"failed with {PLAIN_KEY} and {quoted}; abc; http://127.0.0.1:9/anthropic")
    text = out.encode(error)
    assert PLAIN_KEY not in text
    assert json.dumps(quoted)[1:-1] not in text
    assert (
        json.loads(text)["message"]
        == "failed with [redacted] and [redacted]; abc; http://127.0.0.1:9/anthropic"
    )
    delta = {"type": "content_block_delta", "index": 0, "text": PLAIN_KEY, "generation": "g", "seq": 1}
    assert PLAIN_KEY in out.encode(out.event_envelope("a.ipynb", "c", delta))  # type: ignore[arg-type]
