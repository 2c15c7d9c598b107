"""The server extension application: configuration, wiring and shutdown."""

from __future__ import annotations

import threading

from jupyter_core.paths import jupyter_runtime_dir
from jupyter_events import EventLogger
from jupyter_server.extension.application import ExtensionApp
from jupyter_server.services.contents.manager import ContentsManager
from traitlets import Bool, Float, Int

from jupyter_componentgen.config import ComponentGen, load_settings
from jupyter_componentgen.engine.gateway import warm_up

from .contents_events import ContentsFollower
from .generations import GenerationManager
from .hub import Hub
from .kernel_metrics import share_with_kernels, stop_sharing
from .limits import ServerLimits
from .notebooks import NotebookRegistry
from .routes import routes
from .service import ComponentGenService


class ComponentGenExtension(ExtensionApp):
    """Serves component history and live generations to JupyterLab's side panel.

    Model settings come from ``c.ComponentGen`` (shared with the kernel); the limits below are the server's.
    """

    name = "jupyter_componentgen"
    classes = [ComponentGen]  # noqa: RUF012  (traitlets expects a plain class attribute)

    max_concurrent_per_user = Int(
        4,
        help="Generations one user may run at once from the side panel; further requests wait in a queue "
        "and run in order.",
    ).tag(config=True)
    max_concurrent_generations = Int(
        32, help="Generations the server runs at once, all users together; further requests wait."
    ).tag(config=True)
    max_queued_per_user = Int(
        16, help="Requests one user may have waiting in the queue; beyond this they are refused."
    ).tag(config=True)
    max_message_bytes = Int(
        256 * 1024, help="Largest message a client may send on the stream socket, in bytes."
    ).tag(config=True)
    max_events_per_generation = Int(
        20_000,
        help="Events kept per generation for clients that reconnect and resume; older ones are dropped.",
    ).tag(config=True)
    finished_generations_kept = Int(
        50, help="Finished generations whose events stay available for resume (the most recent ones)."
    ).tag(config=True)
    finished_generation_ttl = Float(
        600.0, help="Seconds a finished generation's events stay available for resume."
    ).tag(config=True)
    allow_any_model = Bool(
        True,
        help="Whether the side panel may ask any litellm model string (with the keys in the server's "
        "environment); False limits it to the configured models and those the notebook's components use.",
    ).tag(config=True)

    def initialize_settings(self) -> None:
        # Same precedence as the kernel and the command line: config files < server config < environment.
        settings = load_settings(self.config)
        limits = ServerLimits(
            max_concurrent_per_user=self.max_concurrent_per_user,
            max_concurrent_total=self.max_concurrent_generations,
            max_queued_per_user=self.max_queued_per_user,
            max_message_bytes=self.max_message_bytes,
            max_events_per_generation=self.max_events_per_generation,
            finished_kept=self.finished_generations_kept,
            finished_ttl_seconds=self.finished_generation_ttl,
        )
        hub = Hub()
        contents_manager, event_logger = self._server_parts()
        registry = NotebookRegistry(contents_manager, settings)
        registry.on_renamed.append(hub.rename_notebook)
        self.service = ComponentGenService(
            settings, limits, registry, GenerationManager(hub, limits), hub, self.allow_any_model
        )
        self._follower = ContentsFollower(registry)
        event_logger.add_listener(schema_id=contents_manager.event_schema_id, listener=self._follower)
        # Kernels this server starts inherit the folder and report their static-check blocks there.
        self._metrics_folder = share_with_kernels(self._runtime_dir())
        self.log.info("jupyter-componentgen: default model %s", settings.model)
        # The side panel's model list asks each model's client whether it can run; importing the clients
        # takes seconds, so it happens now, off the server's loop, instead of on the first request.
        models = [settings.model, settings.edit_model, *settings.fallback_models]
        threading.Thread(
            target=warm_up, args=([m for m in models if m],), name="componentgen-warm-up", daemon=True
        ).start()

    def initialize_handlers(self) -> None:
        self.handlers.extend(routes(self.service))

    async def stop_extension(self) -> None:
        contents_manager, event_logger = self._server_parts()
        event_logger.remove_listener(schema_id=contents_manager.event_schema_id, listener=self._follower)
        if self.service.watcher is not None:
            await self.service.watcher.stop()
        await self.service.manager.shutdown()
        await self.service.registry.close()
        stop_sharing(self._metrics_folder)

    def _runtime_dir(self) -> str:
        return self.serverapp.runtime_dir if self.serverapp is not None else jupyter_runtime_dir()

    def _server_parts(self) -> tuple[ContentsManager, EventLogger]:
        serverapp = self.serverapp
        if serverapp is None or serverapp.event_logger is None:
            raise RuntimeError(
                "jupyter-componentgen's server extension was used before jupyter-server linked it"
            )
        return serverapp.contents_manager, serverapp.event_logger
