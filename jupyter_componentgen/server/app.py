"""The server extension application."""

from __future__ import annotations

from jupyter_server.extension.application import ExtensionApp

from jupyter_componentgen.config import ComponentGen, load_settings

from .handlers import handlers


class ComponentGenExtension(ExtensionApp):
    """Serves component history to JupyterLab; configured through ``c.ComponentGen``."""

    name = "jupyter_componentgen"
    classes = [ComponentGen]  # noqa: RUF012  (traitlets expects a plain class attribute)

    def initialize_settings(self) -> None:
        # Same precedence as the kernel and the command line: config files < server config < environment.
        self.componentgen = load_settings(self.config)
        self.log.info("jupyter-componentgen: default model %s", self.componentgen.model)

    def initialize_handlers(self) -> None:
        self.handlers.extend(handlers(self.componentgen))
