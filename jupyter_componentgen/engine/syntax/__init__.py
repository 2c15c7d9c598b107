"""Reading TSX syntax trees (tree-sitter), shared by the static checks, the repairs and the runtime's module
list: ``scope.py`` (which declaration a name refers to) and ``values.py`` (the constant string an expression
spells, e.g. ``"fe" + "tch"``)."""
