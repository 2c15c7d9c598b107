"""The kernel side: the ``%%component`` magic, the Python API (``generate``, ``Component``) and the widget that
shows a component in a cell's output, driving the engine on a background runner.

A change to what a cell or ``Component`` does belongs here; a change to how a generation works belongs to the
engine; a change to what the view shows belongs to js/src/widget.
"""
