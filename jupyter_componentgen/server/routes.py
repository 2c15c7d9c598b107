"""URL patterns of the extension, relative to the server's base URL (ExtensionApp prepends it)."""

from __future__ import annotations

from typing import Any

from jupyter_componentgen.resources import component_name_pattern

from .handlers import ComponentsHandler, ModelsHandler, RollbackHandler, VersionHandler, VersionsHandler
from .service import ComponentGenService
from .stream import StreamHandler

API = "/componentgen/api"


def routes(service: ComponentGenService) -> list[tuple[str, type[Any], dict[str, Any]]]:
    kwargs = {"service": service}
    name = f"(?P<name>{component_name_pattern()})"
    return [
        (API + "/stream", StreamHandler, kwargs),
        (API + "/models", ModelsHandler, kwargs),
        (API + "/components", ComponentsHandler, kwargs),
        (API + f"/components/{name}/versions", VersionsHandler, kwargs),
        (API + f"/components/{name}/versions/(?P<number>[0-9]{{1,9}})", VersionHandler, kwargs),
        (API + f"/components/{name}/rollback", RollbackHandler, kwargs),
    ]
