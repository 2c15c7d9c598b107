"""The README's first command on a fresh machine: its install step, exactly as written there, in a new virtual
environment, gives a quickstart whose no-key cells run in that environment's own kernel.

The source is a copy of this checkout (its tracked and new files, as a clone with local changes would have).
The front end the checkout has already built is copied along with its timestamps, so the package build reuses
it when it is up to date instead of running jlpm again; `bash tests/run_all.sh` builds it from source.
Takes a few minutes (mostly pip).
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.newcomer, pytest.mark.timeout(1500)]

REPO_ROOT = Path(__file__).resolve().parents[2]
BUILT_FRONT_END = ("jupyter_componentgen/static", "jupyter_componentgen/labextension")
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
# Variables of the machine that must not reach the fresh environment or its kernel.
_DROPPED = ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME", "JPY_SESSION_NAME", "CONDA_PREFIX")
_KEYS = ("ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "OPENAI_API_KEY")


def readme_install_command() -> str:
    """The install step of the README's first command (the part before starting JupyterLab)."""
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```bash", 1)[1].split("```", 1)[0]
    line = next(line for line in block.splitlines() if "pip install" in line and not line.startswith("#"))
    steps = [step.strip() for step in line.split("&&")]
    install = [step for step in steps if shlex.split(step)[0] == "pip"]
    assert install, f"no pip step in the README's first command: {line!r}"
    assert any(shlex.split(step)[:2] == ["jupyter", "lab"] for step in steps), "the command opens JupyterLab"
    return " && ".join(install)


def copy_checkout(target: Path) -> None:
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO_ROOT, check=True, capture_output=True,
    ).stdout.decode().split("\0")  # fmt: skip
    for name in filter(None, listed):
        source = REPO_ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    for name in BUILT_FRONT_END:
        if (REPO_ROOT / name).is_dir():
            shutil.copytree(REPO_ROOT / name, target / name, dirs_exist_ok=True)


def fresh_environment(home: Path, venv: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in _DROPPED + _KEYS}
    env.update(
        PATH=f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}",
        VIRTUAL_ENV=str(venv),
        # Reproducible on any day: the same exact versions as the rest of the suite.
        PIP_CONSTRAINT=str(REPO_ROOT / "tests" / "constraints.txt"),
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        JUPYTER_CONFIG_DIR=str(home / "config"),
        JUPYTER_DATA_DIR=str(home / "data"),
        JUPYTER_RUNTIME_DIR=str(home / "runtime"),
        IPYTHONDIR=str(home / "ipython"),
        LITELLM_LOCAL_MODEL_COST_MAP="True",
    )
    return env


def test_the_readme_install_gives_a_working_quickstart(tmp_path: Path) -> None:
    command = readme_install_command()
    checkout, venv, work = tmp_path / "checkout", tmp_path / "venv", tmp_path / "work"
    checkout.mkdir()
    work.mkdir()
    copy_checkout(checkout)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    env = fresh_environment(tmp_path / "home", venv)

    installed = subprocess.run(
        ["bash", "-c", command],
        cwd=checkout,
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )
    assert installed.returncode == 0, (
        f"{command} failed:\n{installed.stdout[-3000:]}\n{installed.stderr[-5000:]}"
    )

    python = str(venv / "bin" / "python")
    imports = "import jupyterlab, notebook, pandas, jupyter_componentgen; print(notebook.__version__)"
    found = subprocess.run([python, "-c", imports], env=env, capture_output=True, text=True, check=False)
    assert found.returncode == 0, f"the quickstart's imports are missing:\n{found.stderr}"
    assert int(found.stdout.split(".")[0]) >= 7, "the README sends people to Notebook 7"

    notebook = work / "quickstart.ipynb"
    shutil.copy(checkout / "binder" / "quickstart.ipynb", notebook)
    executed = work / "executed.ipynb"
    ran = subprocess.run(
        [python, str(checkout / "tests" / "newcomer" / "run_quickstart.py"), str(notebook), str(executed)],
        cwd=work, env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert ran.returncode == 0, f"a no-key quickstart cell failed:\n{ran.stderr[-5000:]}"

    cells = [
        cell
        for cell in json.loads(executed.read_text(encoding="utf-8"))["cells"]
        if cell["cell_type"] == "code"
    ]
    assert any("%%component revenue_card --code" in "".join(cell["source"]) for cell in cells)
    errors = [output for cell in cells for output in cell["outputs"] if output["output_type"] == "error"]
    assert errors == []
    component = next(cell for cell in cells if "%%component revenue_card" in "".join(cell["source"]))
    assert any(WIDGET_VIEW in output.get("data", {}) for output in component["outputs"]), "the card is shown"
    assert (work / ".componentgen" / "history.sqlite").is_file(), "version 1 is kept beside the notebook"
