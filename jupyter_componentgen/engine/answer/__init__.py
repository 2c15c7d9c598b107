"""Reading the model's answer as it streams: the ``/// START`` / ``/// EDIT`` markers, SEARCH/REPLACE edits,
and continuations of an answer cut off at the output limit.

- ``parser.py``: ``MarkerParser``, incremental and linear, from text to blocks (a new marker goes here);
- ``edits.py``: SEARCH/REPLACE blocks and their whitespace-tolerant application;
- ``reader.py``: ``Answer``, one answer: the events it emits, the code it releases through the checks, its
  prose, and the finished code (or why there is none);
- ``continuation.py``: the follow-up request when an answer stops on ``max_tokens``.
"""

from __future__ import annotations

from .reader import Answer

__all__ = ["Answer"]
