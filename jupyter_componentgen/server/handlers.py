"""REST routes of the side panel: components, versions, rollback, hand edits, models.

Every handler is authenticated and authorized on the "componentgen" resource; POSTs are XSRF-checked by
APIHandler. Store calls run in a worker thread so a slow disk never stalls the server's event loop.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any, TypeVar

from jupyter_server.auth.decorator import authorized
from jupyter_server.base.handlers import APIHandler
from tornado import web

from jupyter_componentgen.engine.admission import check_code_size
from jupyter_componentgen.engine.checks.findings import BlockedCode
from jupyter_componentgen.engine.errors import GenerationError
from jupyter_componentgen.engine.gateway import key_status
from jupyter_componentgen.engine.gateway.errors import PANEL_ADVICE, advising
from jupyter_componentgen.engine.history_service import HAND_EDIT_PROMPT, HandEdit
from jupyter_componentgen.store import DraftRecord, Store, VersionNotFoundError, VersionRecord

from .notebooks import HistoryUnavailable, NotebookContext
from .paths import NotebookPathError
from .service import AUTH_RESOURCE, ComponentGenService

T = TypeVar("T")


class _Handler(APIHandler):
    auth_resource = AUTH_RESOURCE

    def initialize(self, service: ComponentGenService) -> None:
        self.service = service

    async def _context(self) -> NotebookContext:
        try:
            path = self._notebook_argument()
            return await self.service.registry.open(path)
        except NotebookPathError as error:
            raise error.as_http_error() from None

    def _notebook_argument(self) -> str:
        """The ``notebook`` query argument exactly as sent.

        Tornado's get_query_argument turns control characters (NUL...) into spaces, so a path that was
        refused could name another notebook; read it raw and let the path checks refuse it instead.
        """
        values = self.request.query_arguments.get("notebook") or [b""]
        try:
            return values[-1].decode("utf-8")
        except UnicodeDecodeError:
            raise NotebookPathError(400, "The notebook path must be UTF-8 text.") from None

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        """APIHandler's JSON error, with the message as written: APIHandler reads tornado's log_message,
        which doubles every '%' (a path like '100%.ipynb' would come back as '100%%.ipynb')."""
        error = kwargs.get("exc_info", (None, None, None))[1]
        if not isinstance(error, web.HTTPError) or not error.get_message():
            super().write_error(status_code, **kwargs)
            return
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps({"message": error.get_message(), "reason": error.reason}))

    async def _call(self, context: NotebookContext, function: Callable[[Store], T]) -> T:
        try:
            return await context.call(function)
        except HistoryUnavailable as error:
            raise web.HTTPError(500, error.message) from None

    def _body(self) -> dict[str, Any]:
        try:
            body = json.loads(self.request.body or b"{}")
        except ValueError:
            raise web.HTTPError(400, "The request body must be JSON.") from None
        if not isinstance(body, dict):
            raise web.HTTPError(400, "The request body must be a JSON object.")
        return body

    def _reply(self, payload: Any, status: int = 200) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(payload))

    def _refuse_while_generating(self, context: NotebookContext, component: str, action: str) -> None:
        if self.service.manager.active(context.api_path, component):
            raise web.HTTPError(
                409,
                f"A generation of {component!r} is running or queued; cancel it or wait for it to end, "
                f"then {action} again.",
            )


class ComponentsHandler(_Handler):
    @web.authenticated
    @authorized
    async def get(self) -> None:
        context = await self._context()
        summaries, failures = await self._call(
            context, lambda store: (store.components(), store.latest_failures())
        )
        components = [
            {
                "name": c.name,
                "current": c.current,
                "versions": c.versions,
                "updated_at": c.updated_at,
                "model": c.model,
                # False for a component whose first generation failed or was cancelled.
                "has_version": c.current is not None,
                "last_failure": _failure(failures.get(c.name)),
            }
            for c in summaries
        ]
        active = [g.summary() for g in self.service.manager.active(context.api_path)]
        self._reply({"notebook": context.api_path, "components": components, "active": active})


def _failure(draft: DraftRecord | None) -> dict[str, Any] | None:
    """The latest failed or cancelled generation, when nothing was saved since: what the list shows."""
    if draft is None:
        return None
    return {"code": draft.error_code, "message": draft.error_message, "at": draft.created_at}


def _versions_payload(name: str, versions: list[VersionRecord], current: VersionRecord) -> dict[str, Any]:
    exported = [v.to_export(current=v.number == current.number) for v in versions]
    return {"component": name, "current": current.number, "versions": exported}


class VersionsHandler(_Handler):
    @web.authenticated
    @authorized
    async def get(self, name: str) -> None:
        context = await self._context()
        current, versions = await self._call(
            context, lambda store: (store.current(name), store.versions(name))
        )
        if current is None:
            raise web.HTTPError(404, f"No component named {name!r} in {context.api_path}.")
        self._reply(_versions_payload(name, versions, current))

    @web.authenticated
    @authorized
    async def post(self, name: str) -> None:
        """Save code edited by hand as a new version by "user"; it becomes current.

        The code gets the deterministic repairs every saved version gets (the reply's ``repairs`` lists them),
        then the static checks a generated version gets: code that breaks a rule is refused with 422 and its
        findings, and nothing is saved.
        """
        body = self._body()
        code, parent, prompt = body.get("code"), body.get("parent"), body.get("prompt", HAND_EDIT_PROMPT)
        if not isinstance(code, str) or not code.strip():
            raise web.HTTPError(400, 'Send the edited code as {"code": "..."}.')
        try:
            check_code_size(code, self.service.settings)  # before the notebook is even looked up
        except GenerationError as error:
            raise web.HTTPError(413, error.message) from None
        if parent is not None and (isinstance(parent, bool) or not isinstance(parent, int)):
            raise web.HTTPError(400, "'parent' must be the version number the edit started from.")
        if not isinstance(prompt, str):
            raise web.HTTPError(400, "'prompt' must be a string describing the edit.")
        context = await self._context()
        self._refuse_while_generating(context, name, "save")

        def save(store: Store) -> HandEdit:
            # In the worker thread: the repairs and the checks parse the code.
            return context.history(store).save_hand_edit(name, code, parent=parent, prompt=prompt)

        try:
            edit = await self._call(context, save)
        except VersionNotFoundError as error:
            raise web.HTTPError(404, str(error)) from None
        except BlockedCode as blocked:
            findings = [finding.to_dict() for finding in blocked.findings]
            self._reply({"message": blocked.message, "reason": "blocked", "findings": findings}, status=422)
            return
        if edit.new:
            self.service.announce_update(context, edit.version, "user_edit", saved=True)
        self._reply(edit.version.to_export(current=True), status=201 if edit.new else 200)


class VersionHandler(_Handler):
    @web.authenticated
    @authorized
    async def get(self, name: str, number: str) -> None:
        context = await self._context()
        version, current = await self._call(
            context, lambda store: (store.version(name, int(number)), store.current(name))
        )
        if version is None:
            raise web.HTTPError(404, f"Component {name!r} has no version {number} in {context.api_path}.")
        self._reply(version.to_export(current=current is not None and current.number == version.number))


class RollbackHandler(_Handler):
    @web.authenticated
    @authorized
    async def post(self, name: str) -> None:
        """Make an earlier version current; the next edit branches from it."""
        number = self._body().get("version")
        if isinstance(number, bool) or not isinstance(number, int) or number < 1:
            raise web.HTTPError(400, 'Send the version to make current as {"version": 2}.')
        context = await self._context()
        self._refuse_while_generating(context, name, "roll back")
        try:
            version = await self._call(context, lambda store: context.history(store).rollback(name, number))
        except VersionNotFoundError as error:
            raise web.HTTPError(404, str(error)) from None
        self.service.announce_update(context, version, "rollback", saved=False)
        self._reply(version.to_export(current=True))


class ModelsHandler(_Handler):
    """The models the panel may offer: the configured ones and, with ``?notebook=``, those its components
    use; each says whether its key is set in the server's environment."""

    @web.authenticated
    @authorized
    async def get(self) -> None:
        settings = self.service.settings
        kept: dict[str, str | None] = {}
        if "notebook" in self.request.query_arguments:
            context = await self._context()
            kept = await self._call(context, lambda store: store.component_models())
        roles: dict[str, list[str]] = {name: [] for name in self.service.models()}
        for role, names in (
            ("model", [settings.model]),
            ("edit_model", [settings.edit_model]),
            ("fallback", list(settings.fallback_models)),
        ):
            for name in filter(None, names):
                roles[name].append(role)
        users: dict[str, list[str]] = {}
        for component, model in kept.items():
            users.setdefault(model or settings.model, []).append(component)
        names = list(dict.fromkeys([*roles, *users]))
        with advising(PANEL_ADVICE):
            keys = await asyncio.gather(*(key_status(name) for name in names))
        self._reply(
            {
                "model": settings.model,
                "edit_model": settings.edit_model or None,
                "fallback_models": list(settings.fallback_models),
                "choices": names,
                "models": [
                    {
                        "model": name,
                        "roles": roles.get(name, []),
                        "components": users.get(name, []),
                        "ready": key.ready,
                        "variables": list(key.variables),
                        "problem": key.problem,
                    }
                    for name, key in zip(names, keys, strict=True)
                ],
                "component_models": {component: model or settings.model for component, model in kept.items()},
                "any_model": self.service.allow_any_model,
            }
        )
