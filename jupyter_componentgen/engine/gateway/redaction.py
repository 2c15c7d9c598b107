"""Credentials never leave in a message: not to a browser, not to a cell's status line.

Errors are cleaned of key-shaped strings (errors.sanitise), but a key can have any shape and a provider
or proxy may quote it back. So the values of the process's key-like environment variables (ANTHROPIC_API_KEY,
OPENAI_API_KEY, ..._TOKEN, ..._SECRET) are blanked out of provider error text (in the kernel and the server)
and of every message the server sends but the model's code, whatever their shape. They are read on each call:
a key changed while the process runs is covered at once.
"""

from __future__ import annotations

import json
import os
import re

REDACTED = "[redacted]"
MIN_SECRET_CHARS = 8  # shorter values ("1", "true") would blank ordinary words
_SECRET_NAME = re.compile(r"KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL", re.IGNORECASE)
_NOT_A_SECRET = re.compile(r"(?:PATH|FILE|DIR|URL|BASE|HOST|PORT)$", re.IGNORECASE)


def secret_values() -> list[str]:
    """Values of key-like environment variables, longest first (so a key inside another goes whole)."""
    values = {
        value
        for name, value in os.environ.items()
        if len(value) >= MIN_SECRET_CHARS and _SECRET_NAME.search(name) and not _NOT_A_SECRET.search(name)
    }
    return sorted(values, key=len, reverse=True)


def redact(text: str) -> str:
    """``text`` (plain or JSON-encoded) with every secret value replaced by [redacted]."""
    for value in secret_values():
        for form in dict.fromkeys((value, json.dumps(value, ensure_ascii=False)[1:-1])):
            if form in text:
                text = text.replace(form, REDACTED)
    return text
