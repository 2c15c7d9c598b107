#!/usr/bin/env bash
# Writes tests/constraints.txt: the exact version of every package `bash tests/run_all.sh` installs (the
# package's dependencies, its `lab` and `test` extras, and the build backend), resolved afresh from the
# registry. The suite installs only these versions, so its verdict changes when this file changes, not
# when the registry does. Run it on purpose (a new dependency, a wanted upgrade), then run the suite and
# keep the new file together with whatever the new versions required. mypy and ruff are pinned with `==`
# in pyproject.toml's `test` extra: move them there first, then run this.
set -euo pipefail
cd "$(dirname "$0")/.."

python="${PYTHON:-python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== resolving .[lab,test] afresh with $("$python" --version) (about a minute)"
"$python" -m venv "$work/venv"
# The requirements as pyproject.toml states them (the package itself is not built), plus the build
# backend and what an editable install adds to it.
"$work/venv/bin/python" - >"$work/requirements.txt" <<'PY'
import tomllib

with open("pyproject.toml", "rb") as file:
    pyproject = tomllib.load(file)
project = pyproject["project"]
requirements = [
    *project["dependencies"],
    *project["optional-dependencies"]["lab"],
    *project["optional-dependencies"]["test"],
    *pyproject["build-system"]["requires"],
    "editables",
]
print("\n".join(requirements))
PY
# Nothing is installed: pip resolves and reports what it would install into an empty environment.
PIP_CONSTRAINT="" "$work/venv/bin/python" -m pip install -q --dry-run --ignore-installed \
  --report "$work/report.json" -r "$work/requirements.txt"

"$work/venv/bin/python" - "$work/report.json" >"$work/constraints.txt" <<'PY'
import json
import platform
import sys

report = json.load(open(sys.argv[1], encoding="utf-8"))
environment = report["environment"]
pins = sorted(
    (item["metadata"]["name"].lower().replace("_", "-").replace(".", "-"), item["metadata"]["version"])
    for item in report["install"]
)
print("# Exact versions for `bash tests/run_all.sh`; regenerate with `bash tests/update_constraints.sh`.")
print(
    f"# Resolved for CPython {environment['python_full_version']} on {platform.system()} "
    f"{environment['platform_machine']} by pip {report['pip_version']}."
)
for name, version in pins:
    print(f"{name}=={version}")
PY
mv "$work/constraints.txt" tests/constraints.txt
echo "== wrote tests/constraints.txt ($(grep -c '==' tests/constraints.txt) packages)"
