"""The widget's ``data`` trait: whatever the person passes (a DataFrame, dict, list or value) as the
component's props, converted once on the way in (engine/data.py) and kept as they are on the way back from
a view."""

from __future__ import annotations

from typing import Any

import traitlets


class PropsDict(traitlets.TraitType[dict[str, Any], Any]):
    """The component's props; assigning a DataFrame, dict, list or value converts it with ``to_props``."""

    info_text = "the component's data (a DataFrame, dict, list or JSON-like value)"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(default_value=traitlets.Undefined, **kwargs)

    def make_dynamic_default(self) -> dict[str, Any]:
        # No data: the component's `data` prop is null (and the model is told there is none).
        return self.validate(None, None)

    def validate(self, obj: Any, value: Any) -> dict[str, Any]:
        already = obj is not None and value is obj._trait_values.get(self.name)
        if obj is not None and (getattr(obj, "_props_from_view", False) or already):
            # Props coming back from a view, or traitlets setting again what it has just validated (it does
            # for constructor arguments): converted already.
            if not isinstance(value, dict):
                self.error(obj, value)
            return value
        from jupyter_componentgen.engine.data import to_props

        props = to_props(value)
        if obj is not None:
            obj._data_source = value
        return props
