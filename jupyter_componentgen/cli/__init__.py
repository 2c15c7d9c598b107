"""`jupyter componentgen`: generate, render and inspect components from a shell, through the same engine and
history as the notebook.

- ``main.py``: the argument parser and the dispatch to each command (a new command or option starts here);
- ``generate.py``: one generation written to a file; ``history.py``: the history as a table or JSON;
  ``html_export.py``: a component as a self-contained offline page (``render``);
- ``files.py``: exit statuses, input files, all-or-nothing writes; ``progress.py``: progress on stderr.
"""

from __future__ import annotations

from .main import main

__all__ = ["main"]
