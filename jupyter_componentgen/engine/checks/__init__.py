"""Static checks of component code on its TSX syntax tree (tree-sitter): the second wall behind the iframe.

- ``findings.py``: what a checker returns (``Finding``), the ``CodeChecker`` interface the engine calls, and
  how streamed code is released only once it passed (``CheckedRelease``);
- ``static.py``: ``StaticChecker``, the checks themselves (a new kind of check is a method there), and the
  checker the settings ask for;
- ``rules.py``: the rule ids, banned names and import allowlist, as data (a new banned API goes here), and
  the rules the settings narrow;
- ``scan.py``: the tree query and one scan's state (bindings and constant strings come from ../syntax);
  ``metrics.py``: blocks counted for /metrics.
"""
