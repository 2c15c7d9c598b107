"""Run the scripted provider in its own process: ``python -m tests.provider --port N [--recordings DIR]``.

Prints ``READY <url>`` once listening; stops on SIGTERM or SIGINT. Drive it through ``/_control/...``.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path
from types import FrameType

from .recordings import RecordingResponder
from .server import ScriptedProvider


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.provider", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument(
        "--recordings", type=Path, help="folder of <name>.txt answers for the default responder"
    )
    parser.add_argument("--tokens-per-second", type=float, default=60.0, help="pace of recorded answers")
    args = parser.parse_args(argv)

    default = RecordingResponder(args.recordings, args.tokens_per_second) if args.recordings else None
    provider = ScriptedProvider(args.host, args.port, default=default)
    stopped = threading.Event()

    def request_stop(signum: int, frame: FrameType | None) -> None:
        stopped.set()

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    provider.start()
    print(f"READY {provider.url}", flush=True)
    try:
        while not stopped.wait(0.5):
            pass
    finally:
        provider.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
