"""Run by the fresh environment's own Python: execute the quickstart's no-key cells with nbclient and that
environment's kernel, and write the executed notebook next to it. Uses only what `.[lab]` installs."""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

NEEDS_KEY = "needs-api-key"


def main(source: str, executed: str) -> None:
    notebook = nbformat.read(source, as_version=4)
    notebook.cells = [cell for cell in notebook.cells if NEEDS_KEY not in cell.metadata.get("tags", [])]
    folder = Path(source).parent
    client = NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(folder)}}
    )
    client.execute()
    nbformat.write(notebook, executed)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
