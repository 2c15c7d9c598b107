"""Loopback servers for the escape corpus: a listener that records every connection hostile code makes
(HTTP, WebSocket, TURN over TCP: any TCP connection counts), and a page server for the rendered pages."""

from __future__ import annotations

import contextlib
import socket
import socketserver
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

NO_DATA = "(connection without data)"


@dataclass
class Connection:
    first_line: str


@dataclass
class Listener:
    """Accepts TCP connections on 127.0.0.1 and records each one's first line; answers nothing useful."""

    connections: list[Connection] = field(default_factory=list)
    _server: socketserver.ThreadingTCPServer | None = None

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
                line = data.split(b"\r\n", 1)[0].decode("latin-1", "replace")
                listener.connections.append(Connection(line or NO_DATA))
                with contextlib.suppress(OSError):
                    sock.sendall(b"HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")

        socketserver.ThreadingTCPServer.allow_reuse_address = True
        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()


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
