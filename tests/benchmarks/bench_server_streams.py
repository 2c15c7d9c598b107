"""The server extension's stream fan-out under load: many side panels generating at once.

    python tests/benchmarks/bench_server_streams.py [--levels 10,50,100,200,400] [--rate 60] [--tokens 120]

Three processes on loopback: jupyter-server with the componentgen extension (alone: no JupyterLab, no
kernels), the scripted provider, and this one, which opens one stream socket per generation and starts
them all at once. The provider streams at ``--rate`` tokens per second and writes its wall-clock send
time into each code token, so event latency is measured per token: provider write -> client receipt of
the content_block_delta carrying it. Server CPU is the server process's user+system time over the level's
wall time (100% = one core); the provider's and the clients' are shown too, to tell when the harness,
not the server, is the bottleneck.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from tests.e2e.servers import free_port, isolated_jupyter_env  # noqa: E402

MODEL = "anthropic/claude-bench"
COMPONENT_NAME = "Bench"
PLACEHOLDER = " @"  # one token; the provider replaces it with its send time
STAMP = re.compile(r"\d{10}\.\d{6}")
NOTEBOOKS = 8
CLK_TCK = os.sysconf("SC_CLK_TCK")


def script_text(tokens: int) -> str:
    """A component whose code is lines of timestamp placeholders (about ``tokens`` tokens in all)."""
    per_line = 15
    lines = max(1, tokens // (per_line + 1))
    body = ("x" + PLACEHOLDER * per_line + "\n") * lines
    return f"/// START {COMPONENT_NAME}\n{body}/// END {COMPONENT_NAME}\n"


# The provider process


def serve_provider(rate: float, tokens: int) -> None:
    """Run a scripted provider whose code tokens carry their send time; print READY <url>."""
    from aiohttp import web

    from tests.provider.anthropic_wire import AnthropicWire
    from tests.provider.handlers import ProviderHandlers, ProviderState
    from tests.provider.script import Script

    class TimestampingWire(AnthropicWire):
        def text(self, piece: str, body: dict[str, Any]) -> bytes:
            if piece == PLACEHOLDER:
                piece = f" {time.time():.6f}"
            return super().text(piece, body)

    class TimestampingHandlers(ProviderHandlers):
        async def anthropic(self, request: web.Request) -> web.StreamResponse:
            return await self._answer(request, TimestampingWire())

    async def main() -> None:
        state = ProviderState(Script(script_text(tokens), tokens_per_second=rate))
        app = web.Application()
        TimestampingHandlers(state).add_routes(app)
        runner = web.AppRunner(app, handler_cancellation=True, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0, backlog=1024)
        await site.start()
        print(f"READY http://127.0.0.1:{runner.addresses[0][1]}", flush=True)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        loop.add_signal_handler(signal.SIGTERM, stop.set)
        await stop.wait()
        await runner.cleanup()

    asyncio.run(main())


# Processes


class Process:
    """A child process started with its output in a log file, and its CPU time from /proc."""

    def __init__(self, name: str, argv: list[str], env: dict[str, str], workdir: Path) -> None:
        self.log = workdir / f"{name}.log"
        with self.log.open("wb") as out:
            self.popen = subprocess.Popen(
                argv, env=env, cwd=REPO_ROOT, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
            )

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.popen.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLK_TCK  # utime + stime

    def wait_for_line(self, prefix: str, timeout: float = 60.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.log.read_text(errors="replace").splitlines():
                if line.startswith(prefix):
                    return line[len(prefix) :].strip()
            if self.popen.poll() is not None:
                break
            time.sleep(0.05)
        raise RuntimeError(
            f"{self.log.name}: no '{prefix}' line:\n{self.log.read_text(errors='replace')[-3000:]}"
        )

    def stop(self) -> None:
        if self.popen.poll() is None:
            self.popen.send_signal(signal.SIGTERM)
            try:
                self.popen.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait(timeout=5)


def start_server(workdir: Path, provider_url: str, max_level: int) -> tuple[Process, str, str]:
    root = workdir / "root"
    root.mkdir()
    empty = json.dumps({"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
    for index in range(NOTEBOOKS):
        (root / f"bench_{index}.ipynb").write_text(empty)
    token, port = secrets.token_hex(16), free_port()
    env = isolated_jupyter_env(
        workdir / "jupyter",
        {
            "ANTHROPIC_API_KEY": "bench-key",
            "ANTHROPIC_BASE_URL": provider_url,
            "LITELLM_LOCAL_MODEL_COST_MAP": "True",
        },
    )
    config = {
        "ServerApp": {
            "jpserver_extensions": {"jupyter_componentgen": True},
            "ip": "127.0.0.1",
            "port": port,
            "port_retries": 0,
            "root_dir": str(root),
            "open_browser": False,
            "allow_root": True,
            "log_level": "WARN",
        },
        "IdentityProvider": {"token": token},
        "ComponentGen": {
            "model": MODEL,
            "cache": False,
            "first_token_timeout": 120.0,
            "idle_timeout": 60.0,
            "total_timeout": 600.0,
            # Hundreds of generations a minute from one user on purpose.
            "generations_per_minute": 0,
        },
        "ComponentGenExtension": {
            "max_concurrent_per_user": max_level,
            "max_concurrent_generations": max_level,
            "max_queued_per_user": max_level,
        },
    }
    Path(env["JUPYTER_CONFIG_DIR"], "jupyter_server_config.json").write_text(json.dumps(config))
    server = Process("server", [sys.executable, "-m", "jupyter_server"], env, workdir)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            request = urllib.request.Request(
                f"{base}/api/status", headers={"Authorization": f"token {token}"}
            )
            with urllib.request.urlopen(request, timeout=2):
                break
        except OSError:
            if server.popen.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    f"jupyter-server did not start:\n{server.log.read_text()[-3000:]}"
                ) from None
            time.sleep(0.2)
    return server, base, token


# The clients


@dataclass
class Level:
    concurrency: int
    latencies: list[float] = field(default_factory=list)
    first_previews: list[float] = field(default_factory=list)
    saved: int = 0
    failed: list[str] = field(default_factory=list)
    wall: float = 0.0
    cpu: dict[str, float] = field(default_factory=dict)


async def one_generation(base: str, token: str, index: int, level: Level) -> None:
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    url = base.replace("http://", "ws://") + "/componentgen/api/stream"
    connection = await websocket_connect(
        HTTPRequest(
            url, headers={"Authorization": f"token {token}"}, connect_timeout=120, request_timeout=600
        )
    )
    sent = time.time()
    await connection.write_message(
        json.dumps(
            {
                "type": "generate",
                "id": str(index),
                "notebook": f"bench_{index % NOTEBOOKS}.ipynb",
                "component": f"c{level.concurrency}_{index}",
                "instruction": f"Benchmark component {index} of {level.concurrency}",
            }
        )
    )
    try:
        while True:
            frame = await connection.read_message()
            received = time.time()
            if frame is None:
                level.failed.append("socket closed")
                return
            text = frame.decode() if isinstance(frame, bytes) else frame
            if '"content_block_delta"' in text:
                stamps = STAMP.findall(text)
                level.latencies.extend(received - float(stamp) for stamp in stamps)
                if stamps and sent:
                    level.first_previews.append(received - sent)
                    sent = 0.0
            elif '"component_updated"' in text:
                level.saved += 1
                return
            elif '"request_error"' in text or '"phase":"error"' in text:
                message = json.loads(text)
                level.failed.append(message.get("message") or message["event"]["message"])
                return
    finally:
        connection.close()


async def run_level(concurrency: int, base: str, token: str, processes: dict[str, Process]) -> Level:
    level = Level(concurrency)
    before = {name: p.cpu_seconds() for name, p in processes.items()}
    own_before = time.process_time()
    started = time.monotonic()
    await asyncio.gather(*(one_generation(base, token, i, level) for i in range(concurrency)))
    level.wall = time.monotonic() - started
    level.cpu = {name: (p.cpu_seconds() - before[name]) / level.wall for name, p in processes.items()}
    level.cpu["clients"] = (time.process_time() - own_before) / level.wall
    return level


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def report(levels: list[Level], rate: float, tokens: int) -> None:
    print(f"\nServer stream fan-out: {tokens} code tokens per generation at {rate:g} tokens/s, loopback")
    header = (
        f"{'concurrent':>10} {'saved':>7} {'events':>8} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} "
        f"{'preview p50 s':>13} {'wall s':>7} {'server CPU':>10} {'provider':>9} {'clients':>8}"
    )
    print(header)
    print("-" * len(header))
    for level in levels:
        latencies_ms = [1000 * value for value in level.latencies]
        print(
            f"{level.concurrency:>10} {level.saved:>3}/{level.concurrency:<3} {len(latencies_ms):>8} "
            f"{percentile(latencies_ms, 0.5):>8.1f} {percentile(latencies_ms, 0.99):>8.1f} "
            f"{max(latencies_ms, default=float('nan')):>8.1f} "
            f"{statistics.median(level.first_previews) if level.first_previews else float('nan'):>13.2f} "
            f"{level.wall:>7.1f} {level.cpu['server']:>9.0%} {level.cpu['provider']:>9.0%} "
            f"{level.cpu['clients']:>8.0%}"
        )
        for reason in sorted(set(level.failed)):
            print(f"{'':>10} failed x{level.failed.count(reason)}: {reason}")
    print(
        "\nevents: code tokens received; p50/p99/max: provider write -> client receipt per token; preview: "
        "request sent -> first code on the client. CPU: share of one core over the level's wall time."
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--levels", default="10,50,100,200,400", help="concurrent generations, comma-separated"
    )
    parser.add_argument("--rate", type=float, default=60.0, help="provider tokens per second per stream")
    parser.add_argument("--tokens", type=int, default=120, help="code tokens per generation")
    parser.add_argument("--serve-provider", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve_provider:
        serve_provider(args.rate, args.tokens)
        return 0
    levels = [int(value) for value in args.levels.split(",")]

    with tempfile.TemporaryDirectory(prefix="bench-server-") as tmp:
        workdir = Path(tmp)
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(REPO_ROOT), os.environ.get("PYTHONPATH", "")]),
        }
        provider = Process(
            "provider",
            [
                sys.executable,
                "-u",
                __file__,
                "--serve-provider",
                "--rate",
                str(args.rate),
                "--tokens",
                str(args.tokens),
            ],
            env,
            workdir,
        )
        server: Process | None = None
        try:
            provider_url = provider.wait_for_line("READY ")
            server, base, token = start_server(workdir, provider_url, max(levels))
            processes = {"server": server, "provider": provider}
            asyncio.run(run_level(2, base, token, processes))  # warm up: imports, first connections
            results = [asyncio.run(run_level(n, base, token, processes)) for n in levels]
        finally:
            if server is not None:
                server.stop()
            provider.stop()
    report(results, args.rate, args.tokens)
    return 0


if __name__ == "__main__":
    sys.exit(main())
