"""Processes the browser tests and benchmarks run against: the scripted provider and an isolated JupyterLab.

Plain classes, no pytest, so ``tests/benchmarks`` can start the same servers as the test fixtures.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol, TypeVar

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
RECORDINGS_DIR = REPO_ROOT / "tests" / "provider" / "recordings"
LABEXTENSION = REPO_ROOT / "jupyter_componentgen" / "labextension"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_launch_args() -> dict[str, Any]:
    """Launch options for Debian's Chromium; raises with the install command when it is missing."""
    if not CHROMIUM.is_file():
        raise RuntimeError(
            f"Chromium is not installed at {CHROMIUM}. The browser tests drive Debian's Chromium "
            "(Playwright's own browser download does not work here): run "
            "`apt-get update && apt-get install -y chromium`, then run the tests again."
        )
    return {"executable_path": str(CHROMIUM), "headless": True, "args": list(CHROMIUM_ARGS)}


class _Startable(Protocol):
    def start(self) -> object: ...
    def stop(self) -> None: ...


_S = TypeVar("_S", bound=_Startable)


@contextmanager
def started(process: _S, what: str) -> Iterator[_S]:
    """``process`` started for a fixture's lifetime; a start that fails fails the test with ``what`` named."""
    try:
        process.start()
    except RuntimeError as exc:
        process.stop()
        pytest.fail(f"{what} did not start: {exc}", pytrace=False)
    try:
        yield process
    finally:
        process.stop()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except FileNotFoundError:
        return "(no log)"


def _stop(process: subprocess.Popen[bytes], timeout: float = 15.0) -> None:
    """SIGTERM (jupyter-server then shuts its kernels down), SIGKILL if it does not exit in time."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


def _json_request(url: str, payload: Any = None, method: str | None = None, timeout: float = 10.0) -> Any:
    data = None if payload is None else json.dumps(payload).encode()
    request = urllib.request.Request(url, data=data, method=method or ("POST" if data is not None else "GET"))
    if data is not None:
        request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=timeout) as response:
        body = response.read()
    return json.loads(body) if body else None


class ProviderControl:
    """Client of the scripted provider's control API."""

    def __init__(self, url: str) -> None:
        self.url = url.rstrip("/")

    def enqueue(self, script: Mapping[str, Any]) -> None:
        """The next model request gets this script (text, tokens_per_second, fault, stop_reason)."""
        _json_request(f"{self.url}/_control/enqueue", dict(script))

    def set_default(self, script: Mapping[str, Any]) -> None:
        _json_request(f"{self.url}/_control/default", dict(script))

    def requests(self) -> list[dict[str, Any]]:
        """Every model request received since the last reset, oldest first."""
        records: list[dict[str, Any]] = _json_request(f"{self.url}/_control/requests")
        return records

    def reset(self) -> None:
        _json_request(f"{self.url}/_control/reset", {})


def _wait_for_line(process: subprocess.Popen[bytes], log: Path, prefix: str, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if log.exists():
            for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
                if line.startswith(prefix):
                    return line[len(prefix) :].strip()
        if process.poll() is not None:
            raise RuntimeError(f"process exited with {process.returncode} before '{prefix}':\n{_tail(log)}")
        time.sleep(0.05)
    raise RuntimeError(f"no '{prefix}' line within {timeout:.0f} s:\n{_tail(log)}")


class ProviderProcess:
    """``python -m tests.provider`` in its own process, so kernels and the server can reach it over HTTP."""

    def __init__(self, workdir: Path, recordings: Path = RECORDINGS_DIR) -> None:
        self.log = workdir / "provider.log"
        self._recordings = recordings
        self._process: subprocess.Popen[bytes] | None = None
        self.url = ""

    def start(self, timeout: float = 30.0) -> ProviderControl:
        env = {**os.environ, "PYTHONPATH": _pythonpath(os.environ.get("PYTHONPATH", ""))}
        with self.log.open("wb") as out:
            self._process = subprocess.Popen(
                [
                    sys.executable,
                    "-u",
                    "-m",
                    "tests.provider",
                    "--port",
                    str(free_port()),
                    "--recordings",
                    str(self._recordings),
                ],
                cwd=REPO_ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        self.url = _wait_for_line(self._process, self.log, "READY ", timeout)
        return ProviderControl(self.url)

    def stop(self) -> None:
        if self._process is not None:
            _stop(self._process)


def package_installed() -> bool:
    """Whether jupyter-componentgen is pip-installed (a wheel or an editable install)."""
    try:
        importlib.metadata.distribution("jupyter-componentgen")
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


def _pythonpath(existing: str) -> str:
    """The repo root first, so an uninstalled checkout (and tests.provider) imports in every child process."""
    parts = [str(REPO_ROOT), *[part for part in existing.split(os.pathsep) if part]]
    return os.pathsep.join(dict.fromkeys(parts))


def link_checkout_labextension(data_dir: Path) -> None:
    """Make this checkout's labextension build the one a server with ``data_dir`` loads.

    The isolated data folder comes first on the labextension path, so this build wins over an installed
    one (which may be older than the source under test).
    """
    if not (LABEXTENSION / "package.json").is_file():
        raise RuntimeError("the labextension is not built: run `cd js && jlpm build`")
    extensions = data_dir / "labextensions"
    extensions.mkdir(parents=True, exist_ok=True)
    link = extensions / "jupyter-componentgen"
    if not link.exists():
        link.symlink_to(LABEXTENSION, target_is_directory=True)


def isolated_jupyter_env(base: Path, extra: Mapping[str, str]) -> dict[str, str]:
    """Environment for a JupyterLab server and its kernels, with every Jupyter/IPython/XDG folder under base."""
    folders = {
        "JUPYTER_CONFIG_DIR": "config",
        "JUPYTER_DATA_DIR": "data",
        "JUPYTER_RUNTIME_DIR": "runtime",
        "IPYTHONDIR": "ipython",
        "XDG_CONFIG_HOME": "xdg-config",
        "XDG_DATA_HOME": "xdg-data",
        "XDG_CACHE_HOME": "xdg-cache",
        "XDG_RUNTIME_DIR": "xdg-runtime",
        "XDG_STATE_HOME": "xdg-state",
        "TMPDIR": "tmp",
    }
    env = {key: value for key, value in os.environ.items() if not key.startswith(("JUPYTER", "JPY_"))}
    for variable, name in folders.items():
        folder = base / name
        folder.mkdir(parents=True, exist_ok=True)
        env[variable] = str(folder)
    (base / "xdg-runtime").chmod(0o700)
    if not package_installed():
        env["PYTHONPATH"] = _pythonpath(env.get("PYTHONPATH", ""))
    env.update(extra)
    return env


NEWS_SETTINGS = {
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False}
}


def _write_lab_user_settings(config_dir: Path, settings: Mapping[str, Mapping[str, Any]]) -> None:
    """User settings by plugin id, e.g. the news pop-up off (it covers cells and asks for the network)."""
    for plugin_id, values in settings.items():
        package, _, plugin = plugin_id.partition(":")
        folder = config_dir / "lab" / "user-settings" / package
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{plugin}.jupyterlab-settings").write_text(json.dumps(dict(values)), encoding="utf-8")


class LabServer:
    """An isolated ``python -m jupyterlab`` serving ``root_dir``."""

    def __init__(
        self,
        base: Path,
        provider_url: str,
        extra_env: Mapping[str, str] | None = None,
        user_settings: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        self.base = base
        self.user_settings = {**NEWS_SETTINGS, **(user_settings or {})}
        self.root_dir = base / "notebooks"
        self.root_dir.mkdir(parents=True, exist_ok=True)
        self.log = base / "jupyterlab.log"
        self.token = secrets.token_hex(16)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = isolated_jupyter_env(
            base / "home",
            {
                "ANTHROPIC_API_KEY": "test-key",
                "ANTHROPIC_BASE_URL": provider_url,
                "LITELLM_LOCAL_MODEL_COST_MAP": "True",
                **(extra_env or {}),
            },
        )
        self._process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 60.0) -> None:
        _write_lab_user_settings(Path(self.env["JUPYTER_CONFIG_DIR"]), self.user_settings)
        command = [
            sys.executable,
            "-m",
            "jupyterlab",
            "--allow-root",
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={self.port}",
            "--ServerApp.port_retries=0",
            f"--ServerApp.root_dir={self.root_dir}",
            f"--IdentityProvider.token={self.token}",
            "--expose-app-in-browser",
            "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        ]
        with self.log.open("wb") as out:
            self._process = subprocess.Popen(
                command,
                cwd=self.root_dir,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"JupyterLab exited with {self._process.returncode}:\n{_tail(self.log)}")
            try:
                self.api("status")
                return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        raise RuntimeError(f"JupyterLab did not answer within {timeout:.0f} s:\n{_tail(self.log)}")

    def api(self, path: str, method: str = "GET") -> Any:
        request = urllib.request.Request(
            f"{self.url}/api/{path}", method=method, headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def lab_url(self, path: str = "") -> str:
        return f"{self.url}/lab{path}?reset&token={self.token}"

    def shutdown_kernels(self) -> None:
        """End every session's kernel, so each test starts from a quiet server."""
        for session in self.api("sessions"):
            self.api(f"sessions/{session['id']}", method="DELETE")

    def log_tail(self, lines: int = 60) -> str:
        return _tail(self.log, lines)

    def stop(self) -> None:
        if self._process is not None:
            _stop(self._process)


@contextmanager
def running_notebook7(root: Path, env: dict[str, str], token: str, log: Path) -> Iterator[str]:
    """Jupyter Notebook 7 serving ``root`` with ``env`` (see isolated_jupyter_env); yields its URL. Stopped
    through its own shutdown endpoint, which also stops the kernels it started."""
    port = free_port()
    command = [
        sys.executable, "-m", "notebook", "--allow-root", "--no-browser", "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--ServerApp.root_dir={root}",
        f"--IdentityProvider.token={token}", "--expose-app-in-browser",
    ]  # fmt: skip
    with log.open("wb") as out:
        process = subprocess.Popen(
            command, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2).close()
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(log.read_text(errors="replace")[-3000:]) from None
                time.sleep(0.2)
        yield url
    finally:
        try:
            shutdown = urllib.request.Request(f"{url}/api/shutdown?token={token}", method="POST")
            urllib.request.urlopen(shutdown, timeout=5).close()
            process.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            process.kill()
            process.wait(timeout=10)
