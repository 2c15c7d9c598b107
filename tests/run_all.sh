#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh Debian/Ubuntu machine, then runs every test:
# lint and types, the front end's unit tests, Python unit/integration tests, notebook runs and the
# browser tests in real JupyterLab + Chromium.
#
# Python packages go into a virtual environment of the suite's own, .venv-test/, made anew on every run
# from tests/constraints.txt (exact versions; `bash tests/update_constraints.sh` regenerates it), so the
# verdict depends on this checkout, not on what is installed around it or what the registry serves today.
# PYTHON picks the interpreter the environment is made from (default: python3).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
  echo "== installing Debian's chromium for the browser tests"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
fi

venv="$root/.venv-test"
echo "== a fresh virtual environment in .venv-test/"
rm -rf "$venv"
"${PYTHON:-python3}" -m venv "$venv"
export VIRTUAL_ENV="$venv"
export PATH="$venv/bin:$PATH"
# Also holds the build backend, which pip installs into an isolated build environment.
export PIP_CONSTRAINT="$root/tests/constraints.txt"

echo "== installing jupyter-componentgen with its test dependencies (builds the front end)"
python -m pip install -q -e ".[test]"

echo "== lint and types"
python -m ruff check .
python -m ruff format --check .
python -m mypy --cache-dir "$venv/mypy-cache"

echo "== front-end unit tests"
(cd js && jlpm test)

echo "== Python, notebook and browser tests"
python -m pytest "$@"
