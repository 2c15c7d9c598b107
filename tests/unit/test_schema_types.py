"""The generated wire types (jupyter_componentgen/schema_types.py, js/src/schema/generated/) follow schema/.

js/scripts/schema-types.mjs writes both from the schemas, and the front end's build runs it first; a schema
changed without running it fails here (and in the front end's tests).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GENERATOR = ROOT / "js" / "scripts" / "schema-types.mjs"
GENERATED = ["jupyter_componentgen/schema_types.py", "js/src/schema/generated"]
NODE = shutil.which("node")


def files_under(root: Path) -> dict[str, str]:
    """The generated files below ``root``, by their path in the repository."""
    found: dict[str, str] = {}
    for path in GENERATED:
        target = root / path
        for file in [target] if target.is_file() else sorted(target.glob("*")):
            found[file.relative_to(root).as_posix()] = file.read_text(encoding="utf-8")
    return found


@pytest.mark.skipif(NODE is None, reason="the generator runs on Node.js, which builds the front end")
def test_the_generated_types_are_those_the_schemas_give(tmp_path: Path) -> None:
    assert NODE is not None
    subprocess.run(
        [NODE, str(GENERATOR), "--out", str(tmp_path)], check=True, capture_output=True, timeout=60
    )

    fresh, committed = files_under(tmp_path), files_under(ROOT)

    stale = sorted(path for path in fresh.keys() | committed.keys() if fresh.get(path) != committed.get(path))
    assert not stale, (
        f"Generated types differ from schema/: {', '.join(stale)}. "
        "Run `node scripts/schema-types.mjs` in js/ and commit the result."
    )


def test_the_generated_module_imports() -> None:
    from jupyter_componentgen import schema_types

    assert schema_types.GenerationEvent is not None
    assert "phase" in schema_types.WidgetStatus.__annotations__
