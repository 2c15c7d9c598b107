"""The Python API: ``generate()`` and ``Component``, one object per component that the person holds.

from jupyter_componentgen import generate, Component
card = generate("a card with total revenue and a sparkline", name="sales", data=df)
card.edit("make the sparkline green")
card.versions, card.rollback(1), card.on_event("select", print)
Component("sales")          # reopen it later from this notebook's history
"""

from __future__ import annotations

import re
from typing import Any

from .component import Component, check_name
from .context import KernelContext, get_context

__all__ = ["Component", "check_name", "generate", "live_component"]


def live_component(context: KernelContext, name: str) -> Component:
    """The widget already showing ``name`` in this kernel, or a new one (reused so re-runs update in place)."""
    component = context.components.get(name)
    if not isinstance(component, Component) or component.comm is None:
        component = Component(name, create=True, context=context)
        context.components[name] = component
    else:
        component.reload()  # the side panel or another kernel may have moved the current version
    return component


def generate(
    prompt: str,
    *,
    name: str | None = None,
    data: Any = None,
    model: str | None = None,
    regenerate: bool = False,
    wait: bool | None = None,
) -> Component:
    """Generate a component from ``prompt`` (or edit it, if ``name`` already has a version) and return it.

    Show it by making it a cell's last expression (or with ``display``); re-running with the same name
    updates the same widget.

    In a notebook with a live view the call returns at once and the widget streams; in a script, under
    nbclient or papermill, or with ``wait=True`` it returns when the generation has ended. A failed or
    cancelled generation keeps the previous version; ``component.status`` says what happened.
    """
    context = get_context()
    component = live_component(context, check_name(name) if name else _fresh_name(prompt, context))
    if data is not None:
        component.data = data
    component.edit(prompt, model=model, regenerate=regenerate, wait=wait)
    return component


def _fresh_name(prompt: str, context: KernelContext) -> str:
    """A new component name from the prompt's first words, e.g. "sales_card", "sales_card_2"."""
    words = re.findall(r"[a-z0-9]+", prompt.lower())[:3]
    base = "_".join(words) or "component"
    if not base[0].isalpha():
        base = f"component_{base}"
    base = base[:80]
    taken = {summary.name for summary in context.store.components()} | set(context.components)
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}_{number}", number + 1
    return candidate
