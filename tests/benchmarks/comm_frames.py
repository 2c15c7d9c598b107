"""Reading kernel WebSocket frames as Playwright sees them, to count what widget comms cost on the wire.

JupyterLab 4 talks to jupyter-server with the ``v1.kernel.websocket.jupyter.org`` protocol: binary frames
of little-endian uint64 offsets, then the channel name, header, parent header, metadata, content and any
binary buffers. Older servers send one JSON text frame per message; both are understood.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

COMM_MESSAGES = frozenset({"comm_open", "comm_msg", "comm_close"})


@dataclass(frozen=True)
class KernelFrame:
    channel: str
    msg_type: str
    content: dict[str, Any]
    buffers_bytes: int
    frame_bytes: int

    @property
    def comm_id(self) -> str | None:
        comm_id = self.content.get("comm_id")
        return comm_id if isinstance(comm_id, str) else None

    def payload_bytes(self) -> int:
        """The comm's own payload: ``content.data`` as compact JSON, plus binary buffers."""
        data = json.dumps(self.content.get("data", {}), separators=(",", ":"), ensure_ascii=False)
        return len(data.encode()) + self.buffers_bytes


def parse_frame(payload: str | bytes) -> KernelFrame | None:
    """A kernel message from one WebSocket frame, or None when the frame is not one."""
    try:
        if isinstance(payload, str):
            message = json.loads(payload)
            return KernelFrame(
                channel=str(message.get("channel", "")),
                msg_type=str(message["header"]["msg_type"]),
                content=message.get("content") or {},
                buffers_bytes=0,
                frame_bytes=len(payload.encode()),
            )
        count = int.from_bytes(payload[:8], "little")
        offsets = [int.from_bytes(payload[8 + 8 * i : 16 + 8 * i], "little") for i in range(count)]
        if len(offsets) < 6 or offsets[-1] > len(payload):
            return None
        parts = [payload[offsets[i] : offsets[i + 1]] for i in range(count - 1)]
        if offsets[-1] < len(payload):
            parts.append(payload[offsets[-1] :])
        header = json.loads(parts[1])
        return KernelFrame(
            channel=parts[0].decode(),
            msg_type=str(header["msg_type"]),
            content=json.loads(parts[4]) if parts[4] else {},
            buffers_bytes=sum(len(part) for part in parts[5:]),
            frame_bytes=len(payload),
        )
    except (ValueError, KeyError, IndexError, TypeError):
        return None


def message_kind(frame: KernelFrame) -> str:
    """A short label: ``open``, ``close``, ``update:status,code``, ``custom:delta``, ``echo_update:data``..."""
    if frame.msg_type != "comm_msg":
        return frame.msg_type.removeprefix("comm_")
    data = frame.content.get("data") or {}
    method = str(data.get("method", "?"))
    if method == "custom":
        inner = data.get("content") or {}
        return f"custom:{inner.get('type', '?') if isinstance(inner, dict) else '?'}"
    state = data.get("state")
    if isinstance(state, dict):
        return f"{method}:{','.join(sorted(state))}"
    return method


@dataclass
class CommTally:
    """Comm traffic (both directions) of widget comms between ``start()`` and ``stop()``.

    The shared runtime model (the one whose state carries ``runtime_js``) and its library modules (one model
    each, with ``module_id``) are tallied apart: each is sent once per kernel, not per generation.
    """

    counting: bool = False
    payload_bytes: int = 0
    frame_bytes: int = 0
    messages: int = 0
    runtime_bytes: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    widget_comms: set[str] = field(default_factory=set)
    runtime_comms: set[str] = field(default_factory=set)

    def start(self) -> None:
        self.payload_bytes = self.frame_bytes = self.messages = self.runtime_bytes = 0
        self.by_kind = {}
        self.counting = True

    def stop(self) -> tuple[int, int, int]:
        self.counting = False
        return self.payload_bytes, self.frame_bytes, self.messages

    def observe(self, payload: str | bytes) -> None:
        frame = parse_frame(payload)
        if frame is None or frame.msg_type not in COMM_MESSAGES or frame.comm_id is None:
            return
        if frame.msg_type == "comm_open":
            if frame.content.get("target_name") != "jupyter.widget":
                return
            self.widget_comms.add(frame.comm_id)
            state = (frame.content.get("data") or {}).get("state") or {}
            if "runtime_js" in state or "module_id" in state:
                self.runtime_comms.add(frame.comm_id)
        elif frame.comm_id not in self.widget_comms:
            return
        if not self.counting:
            return
        if frame.comm_id in self.runtime_comms:
            self.runtime_bytes += frame.frame_bytes
            return
        self.payload_bytes += frame.payload_bytes()
        self.frame_bytes += frame.frame_bytes
        self.messages += 1
        kind = message_kind(frame)
        self.by_kind[kind] = self.by_kind.get(kind, 0) + frame.frame_bytes
