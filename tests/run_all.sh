#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh Debian/Ubuntu machine, then runs every test:
# lint and types, the front end's unit tests, Python unit/integration tests, notebook runs and the
# browser tests in real JupyterLab + Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
  echo "== installing Debian's chromium for the browser tests"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
fi

echo "== installing jupyter-componentgen with its test dependencies (builds the front end)"
python -m pip install -q --upgrade pip
python -m pip install -q -e ".[test]"

echo "== lint and types"
python -m ruff check .
python -m ruff format --check .
python -m mypy

echo "== front-end unit tests"
(cd js && jlpm test)

echo "== Python, notebook and browser tests"
python -m pytest "$@"
