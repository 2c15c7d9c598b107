"""Kernel-side test helpers: a comm that records what the kernel sends, and an isolated kernel context."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import comm
import pytest
from comm.base_comm import BaseComm
from IPython.core.interactiveshell import InteractiveShell
from traitlets.config import Config

from jupyter_componentgen.engine import runtime_modules
from jupyter_componentgen.kernel import runtime_model as widget_module
from jupyter_componentgen.kernel.context import reset_context
from jupyter_componentgen.kernel.widget import ComponentWidget


@dataclass
class SentMessage:
    comm_id: str
    msg_type: str  # comm_open | comm_msg | comm_close
    data: dict[str, Any]
    size: int  # bytes of the JSON data, as the kernel would serialise it
    at: float  # time.monotonic() when sent
    thread: str


class CommRecorder:
    """Installed as ``comm.create_comm``: every widget gets a RecordingComm that logs to this recorder."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._messages: list[SentMessage] = []

    def create_comm(self, *args: Any, **kwargs: Any) -> BaseComm:
        return RecordingComm(*args, recorder=self, **kwargs)

    def record(self, comm_id: str, msg_type: str, data: dict[str, Any] | None) -> None:
        # Serialising here proves every message is JSON, and measures it like the wire would.
        text = json.dumps(data or {}, separators=(",", ":"), ensure_ascii=False)
        message = SentMessage(
            comm_id,
            msg_type,
            json.loads(text),
            len(text.encode()),
            time.monotonic(),
            threading.current_thread().name,
        )
        with self._lock:
            self._messages.append(message)

    def messages(self, widget: ComponentWidget | None = None) -> list[SentMessage]:
        with self._lock:
            found = list(self._messages)
        if widget is None:
            return found
        return [message for message in found if message.comm_id == widget.model_id]

    def custom(self, widget: ComponentWidget) -> list[SentMessage]:
        """The widget's custom messages (the generation's events)."""
        return [m for m in self.messages(widget) if m.msg_type == "comm_msg" and m.data["method"] == "custom"]

    def events(self, widget: ComponentWidget) -> list[dict[str, Any]]:
        """The generation events the widget sent its views, oldest first (compact deltas decoded)."""
        return decode_events(self.custom(widget))

    def updates(self, widget: ComponentWidget) -> list[dict[str, Any]]:
        """The state updates sent for the widget, oldest first."""
        return [
            m.data["state"]
            for m in self.messages(widget)
            if m.msg_type == "comm_msg" and m.data["method"] == "update"
        ]

    def wait_for(self, condition: Callable[[], bool], timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError("condition not met in time")
            time.sleep(0.005)


class RecordingComm(BaseComm):
    def __init__(self, *args: Any, recorder: CommRecorder, **kwargs: Any) -> None:
        self.recorder = recorder
        super().__init__(*args, **kwargs)

    def publish_msg(
        self,
        msg_type: str,
        data: dict[str, Any] | None = None,
        metadata: dict[str, Any] | None = None,
        buffers: list[Any] | None = None,
        **keys: Any,
    ) -> None:
        self.recorder.record(self.comm_id, msg_type, data)


def from_view(widget: ComponentWidget, content: dict[str, Any]) -> None:
    """Deliver a custom message from the view, the way ipykernel hands it to the widget's comm."""
    widget.comm.handle_msg({"content": {"data": {"method": "custom", "content": content}}, "buffers": []})


def decode_events(messages: list[SentMessage]) -> list[dict[str, Any]]:
    """The events carried by a widget's custom messages, restored the way the view's decoder does: an event
    names its generation only when it changes and has no ``seq``; a compact ``delta`` is the next code delta
    of the generation and block named before it."""
    events: list[dict[str, Any]] = []
    generation, component = None, None
    for message in messages:
        content = message.data["content"]
        if content["type"] == "event":
            event = dict(content["event"])
            generation = event.setdefault("generation", generation)
            component = event.get("component", component)
        elif content["type"] == "delta":
            event = {"type": "content_block_delta", "generation": generation, "component": component}
            event["text"] = content["text"]
        else:
            continue
        event["seq"] = len(events) + 1
        events.append(event)
    return events


def view_code(messages: list[SentMessage]) -> str:
    """Assemble the code from a widget's events the way the views' follower does: a file block restarts it."""
    code, in_file = "", False
    for event in decode_events(messages):
        if event["type"] == "content_block_start":
            in_file = event["kind"] == "file"
            code = "" if in_file else code
        elif event["type"] == "content_block_delta" and in_file:
            code += event["text"]
        elif event["type"] == "content_block_stop":
            in_file = False
    return code


def is_event(message: SentMessage, kind: str) -> bool:
    """Whether ``message`` is a custom message carrying a generation event of ``kind`` (compact deltas too)."""
    content = message.data.get("content", {})
    if content.get("type") == "delta":
        return kind == "content_block_delta"
    return content.get("type") == "event" and content["event"]["type"] == kind


@contextmanager
def kernel_side(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[CommRecorder]:
    """A fresh kernel context working in ``tmp_path``, with recording comms and small front-end assets.

    The built front end is replaced by short stand-ins: the kernel only passes these files through, and
    megabytes of runtime in every recorded comm_open would only slow the tests down.
    """
    recorder = CommRecorder()
    monkeypatch.setattr(comm, "create_comm", recorder.create_comm)
    monkeypatch.setattr(widget_module, "_asset", lambda name: f"export default {{}}; // {name}")
    monkeypatch.setattr(runtime_modules, "module_source", lambda module_id: f"// {module_id}")
    monkeypatch.setattr(widget_module, "_runtime", None)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    for option, value in {
        "CONNECT_TIMEOUT": "5",
        "FIRST_TOKEN_TIMEOUT": "5",
        "IDLE_TIMEOUT": "5",
        "TOTAL_TIMEOUT": "60",
        "MAX_RETRIES": "0",
        "WAIT": "auto",
    }.items():
        monkeypatch.setenv(f"COMPONENTGEN_{option}", value)
    reset_context()
    try:
        yield recorder
    finally:
        reset_context()


def code_between_markers(text: str) -> str:
    body = text.split("/// START", 1)[1].split("\n", 1)[1]
    return body.split("/// END", 1)[0]


@contextmanager
def magic_shell() -> Iterator[InteractiveShell]:
    """An IPython shell with the extension loaded; names the test binds are removed afterwards."""
    config = Config()
    config.HistoryManager.enabled = False
    ip = InteractiveShell.instance(config=config)
    ip.run_line_magic("load_ext", "jupyter_componentgen")
    names = set(ip.user_ns)
    try:
        yield ip
    finally:
        for name in set(ip.user_ns) - names:
            del ip.user_ns[name]
