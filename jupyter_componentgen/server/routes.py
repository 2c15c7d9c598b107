"""URL patterns of the extension, relative to the server's base URL (ExtensionApp prepends it)."""

from __future__ import annotations

from typing import Any

from .handlers import ComponentsHandler, ModelsHandler, RollbackHandler, VersionHandler, VersionsHandler
from .service import ComponentGenService
from .stream import StreamHandler

API = "/componentgen/api"
NAME = r"(?P<name>[A-Za-z0-9_\-]{1,100})"


def routes(service: ComponentGenService) -> list[tuple[str, type[Any], dict[str, Any]]]:
    kwargs = {"service": service}
    return [
        (API + "/stream", StreamHandler, kwargs),
        (API + "/models", ModelsHandler, kwargs),
        (API + "/components", ComponentsHandler, kwargs),
        (API + f"/components/{NAME}/versions", VersionsHandler, kwargs),
        (API + f"/components/{NAME}/versions/(?P<number>[0-9]{{1,9}})", VersionHandler, kwargs),
        (API + f"/components/{NAME}/rollback", RollbackHandler, kwargs),
    ]
