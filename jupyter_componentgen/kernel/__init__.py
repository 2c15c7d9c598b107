"""The kernel side: the ``%%component`` magic, the Python API (``generate``, ``Component``) and the widget that
shows a component in a cell's output, driving the engine on a background runner.

- ``magic.py`` and ``api.py``: the entry points; they take this process's ``KernelContext`` (context.py:
  settings, history, runner, engine, history service, live widgets) and hand it to what they create;
- ``component.py``: ``Component``, the widget plus its generation session and its history's hand edits and
  rollbacks; ``session.py``: one component's generations (start, edit, fix, cancel, wait, settle);
- ``widget.py``: ``ComponentWidget``, view state only (traits, thread-safe syncing); ``view_messages.py``:
  what its views send, dispatched; ``status.py``: the status and error traits (a status field goes there);
- ``widget_stream.py``: a generation's engine events to the views, deltas coalesced; ``view_limits.py``:
  the rate of each view message; ``runtime_model.py``: the shared iframe runtime and its library modules;
  ``props.py``: data to props;
- ``runner.py``: the background event loop and when a cell waits; ``interrupt.py``: "Interrupt kernel"
  cancels generations; ``notebook_path.py``: which notebook (and so which history) this kernel writes to.

A change to how a generation works belongs to the engine; to what the view shows, to js/src/widget.
"""
