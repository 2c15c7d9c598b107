"""Loopback servers for the escape corpus: a listener that records everything hostile code sends to it (any
TCP connection — HTTP, WebSocket, TURN over TCP — and any UDP datagram — STUN and TURN over UDP — on the same
port number), and a page server for the rendered pages."""

from __future__ import annotations

import contextlib
import socket
import socketserver
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

NO_DATA = "(connection without data)"
_STUN_MAGIC = b"\x21\x12\xa4\x42"
_STUN_TYPES = {0x0001: "STUN Binding request", 0x0003: "TURN Allocate request"}
_STUN_USERNAME = 0x0006


def describe_stun(data: bytes) -> str | None:
    """A STUN/TURN message's kind and username (where WebRTC hides exfiltrated data), or None."""
    if len(data) < 20 or data[4:8] != _STUN_MAGIC:
        return None
    kind = _STUN_TYPES.get(int.from_bytes(data[0:2], "big"), f"STUN message 0x{data[0:2].hex()}")
    offset, end = 20, min(len(data), 20 + int.from_bytes(data[2:4], "big"))
    while offset + 4 <= end:
        attribute = int.from_bytes(data[offset : offset + 2], "big")
        length = int.from_bytes(data[offset + 2 : offset + 4], "big")
        value = data[offset + 4 : offset + 4 + length]
        if attribute == _STUN_USERNAME:
            return f"{kind} with username {value.decode('utf-8', 'replace')!r}"
        offset += 4 + (length + 3) // 4 * 4
    return kind


def _first_line(data: bytes) -> str:
    stun = describe_stun(data)
    if stun is not None:
        return stun
    return data.split(b"\r\n", 1)[0].decode("latin-1", "replace")


@dataclass
class Connection:
    first_line: str


@dataclass
class Listener:
    """Accepts TCP connections and UDP datagrams on one 127.0.0.1 port and records each one's first line
    (or the STUN message it carries); answers nothing useful."""

    connections: list[Connection] = field(default_factory=list)
    _server: socketserver.ThreadingTCPServer | None = None
    _udp: socketserver.ThreadingUDPServer | None = None

    @property
    def port(self) -> int:
        assert self._server is not None
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def fill(self, text: str) -> str:
        """A corpus case aimed at this listener (its URL and host:port placeholders filled in)."""
        return text.replace("__LISTENER__", self.url).replace("__HOSTPORT__", f"127.0.0.1:{self.port}")

    def take(self) -> list[Connection]:
        """The connections recorded so far; the record starts over (handlers append to the new list)."""
        taken, self.connections = self.connections, []
        return taken

    def start(self) -> None:
        listener = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                sock: socket.socket = self.request
                sock.settimeout(2.0)
                try:
                    data = sock.recv(4096)
                except OSError:
                    data = b""
                listener.connections.append(Connection(_first_line(data) or NO_DATA))
                with contextlib.suppress(OSError):
                    sock.sendall(b"HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")

        class DatagramHandler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                data: bytes = self.request[0]
                listener.connections.append(Connection(f"UDP: {_first_line(data) or 'empty datagram'}"))

        socketserver.ThreadingTCPServer.allow_reuse_address = True
        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._udp = socketserver.ThreadingUDPServer(("127.0.0.1", self.port), DatagramHandler)
        self._udp.daemon_threads = True
        for server in (self._server, self._udp):
            threading.Thread(target=server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        for server in (self._server, self._udp):
            if server is not None:
                server.shutdown()
                server.server_close()


class PageServer:
    """Serves the files of one folder on 127.0.0.1 (the rendered pages get a real origin with cookies)."""

    def __init__(self, root: Path) -> None:
        directory = root

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                path = directory / self.path.lstrip("/").split("?", 1)[0]
                if not path.is_file() or path.parent != directory:
                    self.send_error(404)
                    return
                body = path.read_bytes()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                return

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
