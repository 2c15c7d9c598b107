"""HTTP control API, for tests that run the provider in another process (browser tests)."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from .handlers import ProviderState
from .script import Script


class ControlHandlers:
    def __init__(self, state: ProviderState) -> None:
        self.state = state

    def add_routes(self, app: web.Application) -> None:
        app.router.add_post("/_control/enqueue", self.enqueue)
        app.router.add_post("/_control/default", self.set_default)
        app.router.add_get("/_control/requests", self.requests)
        app.router.add_post("/_control/reset", self.reset)

    async def enqueue(self, request: web.Request) -> web.Response:
        """Body: one Script object or a list of them."""
        payload = await _json(request)
        items = payload if isinstance(payload, list) else [payload]
        try:
            scripts = [Script.from_json(item) for item in items]
        except (TypeError, ValueError) as exc:
            raise web.HTTPBadRequest(text=f"bad script: {exc}") from exc
        self.state.enqueue(*scripts)
        return web.json_response({"queued": len(scripts)})

    async def set_default(self, request: web.Request) -> web.Response:
        try:
            self.state.default = Script.from_json(await _json(request))
        except (TypeError, ValueError) as exc:
            raise web.HTTPBadRequest(text=f"bad script: {exc}") from exc
        return web.json_response({"ok": True})

    async def requests(self, request: web.Request) -> web.Response:
        return web.json_response([seen.to_json() for seen in self.state.requests()])

    async def reset(self, request: web.Request) -> web.Response:
        self.state.reset()
        return web.json_response({"ok": True})


async def _json(request: web.Request) -> Any:
    try:
        return await request.json()
    except ValueError as exc:
        raise web.HTTPBadRequest(text="the body must be JSON") from exc
