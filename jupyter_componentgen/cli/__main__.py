"""``python -m jupyter_componentgen.cli``: the same as ``jupyter componentgen``."""

from __future__ import annotations

import sys

from .main import main

sys.exit(main())
