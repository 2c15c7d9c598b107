"""REST handlers for component history. Every handler is authenticated and authorized."""

from __future__ import annotations

import json
from typing import Any

from jupyter_server.auth.decorator import authorized
from jupyter_server.base.handlers import APIHandler
from tornado import web

from jupyter_componentgen.config import ComponentGen
from jupyter_componentgen.store import Store

from .paths import store_for

AUTH_RESOURCE = "componentgen"


class _BaseHandler(APIHandler):
    auth_resource = AUTH_RESOURCE

    def initialize(self, settings: ComponentGen) -> None:
        self.componentgen = settings

    async def _store(self) -> Store:
        notebook = self.get_query_argument("notebook", "")
        return await store_for(self.contents_manager, self.componentgen, notebook)

    def _write_json(self, payload: Any) -> None:
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(payload))


class ComponentsHandler(_BaseHandler):
    @web.authenticated
    @authorized
    async def get(self) -> None:
        store = await self._store()
        try:
            components = [
                {
                    "name": c.name,
                    "current": c.current,
                    "versions": c.versions,
                    "updated_at": c.updated_at,
                    "model": c.model,
                }
                for c in store.components()
            ]
        finally:
            store.close()
        self._write_json({"components": components})


class VersionsHandler(_BaseHandler):
    @web.authenticated
    @authorized
    async def get(self, name: str) -> None:
        store = await self._store()
        try:
            current = store.current(name)
            if current is None:
                raise web.HTTPError(404, f"No component named {name!r} in this notebook")
            versions = [v.to_export(current=v.number == current.number) for v in store.versions(name)]
        finally:
            store.close()
        self._write_json({"component": name, "current": current.number, "versions": versions})


class VersionHandler(_BaseHandler):
    @web.authenticated
    @authorized
    async def get(self, name: str, number: str) -> None:
        store = await self._store()
        try:
            version = store.version(name, int(number))
            current = store.current(name)
        finally:
            store.close()
        if version is None:
            raise web.HTTPError(404, f"Component {name!r} has no version {number}")
        self._write_json(version.to_export(current=current is not None and current.number == version.number))


NAME = r"(?P<name>[A-Za-z0-9_\-]{1,100})"


def handlers(settings: ComponentGen) -> list[tuple[str, type[APIHandler], dict[str, Any]]]:
    """Routes relative to the server's base URL (ExtensionApp prepends it)."""
    api = "/componentgen/api"
    kwargs = {"settings": settings}
    return [
        (api + "/components", ComponentsHandler, kwargs),
        (api + f"/components/{NAME}/versions", VersionsHandler, kwargs),
        (api + f"/components/{NAME}/versions/(?P<number>[0-9]{{1,9}})", VersionHandler, kwargs),
    ]
