"""The person's data: made JSON-safe as the component's props, and described to the model by schema and sample.

pandas and numpy stay optional: their objects are recognised by the module their type comes from, and
imported only when such an object is actually passed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import decimal
import hashlib
import json
import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

DataKind = Literal["dataframe", "records", "mapping", "sequence", "scalar"]
_DATA_KINDS: tuple[DataKind, ...] = ("dataframe", "records", "mapping", "sequence", "scalar")

SUPPORTED_TYPES = (
    "a pandas DataFrame or Series, a numpy array, a dict, a list or tuple, or plain values "
    "(str, int, float, bool, None, dates and times)"
)
_MAX_DEPTH = 64
# How many items type descriptions look at, and how much of a nested value they show.
_SCHEMA_SCAN_ITEMS = 1000
_SCHEMA_MAX_KEYS = 50
_SAMPLE_MAX_KEYS = 50
_SAMPLE_STRING_LIMITS = (200, 60, 20)


@dataclass(frozen=True)
class DataDescription:
    """What the model is told about the data: its shape, never all of its values."""

    kind: DataKind
    schema: str
    sample: str
    rows: int | None
    shape_key: str


def data_description_from_json(text: str) -> DataDescription | None:
    """A DataDescription stored as JSON (dataclasses.asdict), or None when it is not one."""
    try:
        fields = json.loads(text)
    except ValueError:
        return None
    if not isinstance(fields, dict):
        return None
    kind, schema, sample = fields.get("kind"), fields.get("schema"), fields.get("sample")
    rows, shape_key = fields.get("rows"), fields.get("shape_key")
    if kind not in _DATA_KINDS or not isinstance(schema, str) or not isinstance(sample, str):
        return None
    if not isinstance(shape_key, str) or not (rows is None or isinstance(rows, int)):
        return None
    return DataDescription(kind=kind, schema=schema, sample=sample, rows=rows, shape_key=shape_key)


def to_props(obj: object) -> dict[str, Any]:
    """The component's props for ``obj``: ``{"data": ...}``, plus ``columns`` for a DataFrame."""
    if _is_pandas(obj, "DataFrame"):
        frame, names = _prepare_frame(obj)
        return {"data": _frame_records(frame, names), "columns": _frame_columns(frame, names)}
    return {"data": _json_safe(obj, "data", 0)}


def describe_data(obj: object, sample_rows: int = 5, max_sample_chars: int = 4000) -> DataDescription:
    """Kind, schema, row count and a small JSON sample of ``obj``, for the prompt."""
    sample_rows = max(1, sample_rows)
    kind, schema, rows, head = _shape(obj, sample_rows)
    return DataDescription(
        kind=kind,
        schema=schema,
        sample=_sample_text(head, sample_rows, max_sample_chars),
        rows=rows,
        shape_key=hashlib.sha256(f"{kind}\n{schema}".encode()).hexdigest()[:16],
    )


def _shape(obj: object, sample_rows: int) -> tuple[DataKind, str, int | None, Any]:
    """(kind, schema, rows, JSON-safe head) of the data; only the head's values are converted."""
    data: Any = obj
    if _is_pandas(data, "DataFrame"):
        frame, names = _prepare_frame(data)
        return (
            "dataframe",
            _frame_schema(frame, names),
            len(frame),
            _frame_records(frame.head(sample_rows), names),
        )
    if _is_pandas(data, "Series"):
        label = "" if data.name is None else f" {str(data.name)!r}"
        schema = f"pandas Series{label} of {data.dtype}: array of {_dtype_json_type(data.dtype)}"
        return "sequence", schema, len(data), _json_safe(data.head(sample_rows), "data", 0)
    if isinstance(data, Mapping):
        safe = _json_safe(data, "data", 0)
        return "mapping", _mapping_schema(safe), None, safe
    items = _scan_items(data)
    if items is None:
        safe = _json_safe(data, "data", 0)
        return "scalar", _json_type(safe), None, safe
    if items and all(isinstance(item, dict) for item in items):
        return "records", _records_schema(items), len(data), items[:sample_rows]
    schema = f"array of {_union_type(items)}" if items else "empty array"
    return "sequence", schema, len(data), items[:sample_rows]


# JSON-safe conversion ------------------------------------------------------------------------------------


def _type_module(obj: object) -> str:
    return type(obj).__module__ or ""


def _is_pandas(obj: object, class_name: str) -> bool:
    return _type_module(obj).startswith("pandas") and type(obj).__name__ == class_name


def _unsupported(value: object, path: str) -> TypeError:
    kind = type(value)
    name = kind.__qualname__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__qualname__}"
    return TypeError(
        f"{path} is a {name}, which cannot be passed to a component. "
        f"Pass {SUPPORTED_TYPES}; convert other objects first."
    )


def _json_safe(value: object, path: str, depth: int) -> Any:
    if depth > _MAX_DEPTH:
        raise TypeError(f"The data is nested more than {_MAX_DEPTH} levels deep (or contains itself).")
    if value is None or type(value) in {str, bool, int}:
        return value
    if isinstance(value, float):
        number = float(value)
        return number if math.isfinite(number) else None
    module = _type_module(value)
    if module.startswith("pandas"):
        return _pandas_safe(value, path, depth)
    if module.startswith("numpy"):
        return _numpy_safe(value, path, depth)
    if isinstance(value, str):  # subclasses such as StrEnum members
        return str.__str__(value)
    if isinstance(value, int):  # subclasses such as IntEnum members
        return int(value)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if isinstance(value, decimal.Decimal):
        return float(value) if value.is_finite() else None
    if isinstance(value, Mapping):
        return {
            _key(key, path): _json_safe(item, f"{path}[{key!r}]", depth + 1) for key, item in value.items()
        }
    if isinstance(value, (list, tuple)):
        return [_json_safe(item, f"{path}[{index}]", depth + 1) for index, item in enumerate(value)]
    raise _unsupported(value, path)


def _key(key: Any, path: str) -> str:
    if isinstance(key, str):
        return str.__str__(key)
    if isinstance(key, int) and not isinstance(key, bool):
        return str(int(key))
    if _type_module(key).startswith("numpy") and isinstance(getattr(key, "item", lambda: None)(), int):
        return str(key.item())
    raise TypeError(
        f"{path} has a key {key!r} of type {type(key).__name__}; keys passed to a component must be "
        "strings or integers."
    )


def _pandas_safe(value: Any, path: str, depth: int) -> Any:
    name = type(value).__name__
    if name in {"NAType", "NaTType"}:
        return None
    if name == "DataFrame":
        frame, names = _prepare_frame(value)
        return _frame_records(frame, names, path)
    if name in {"Series", "Index"} or name.endswith("Array"):
        return [_json_safe(item, f"{path}[{index}]", depth + 1) for index, item in enumerate(value.tolist())]
    if name == "Timestamp":
        return str(value.isoformat())
    if name == "Timedelta":
        return float(value.total_seconds())
    if name in {"Period", "Interval"}:
        return str(value)
    raise _unsupported(value, path)


def _numpy_safe(value: Any, path: str, depth: int) -> Any:
    kind = getattr(getattr(value, "dtype", None), "kind", "")
    if type(value).__name__ == "ndarray":
        if kind in {"M", "m"}:
            # Nanosecond datetimes would become bare integers; microseconds become datetime objects.
            value = value.astype(f"{'datetime64' if kind == 'M' else 'timedelta64'}[us]")
        return _json_safe(value.tolist(), path, depth)
    if hasattr(value, "item") and kind:
        if kind in {"M", "m"}:
            value = value.astype(f"{'datetime64' if kind == 'M' else 'timedelta64'}[us]")
        return _json_safe(value.item(), path, depth)
    raise _unsupported(value, path)


# DataFrames ------------------------------------------------------------------------------------------------


def _prepare_frame(frame: Any) -> tuple[Any, list[str]]:
    """The frame with a meaningful index turned into columns, and its column names as unique strings."""
    import pandas as pd

    index = frame.index
    if not isinstance(index, pd.RangeIndex) or index.name is not None or index.start != 0 or index.step != 1:
        # When the index's name clashes with a column, keep the columns alone.
        with contextlib.suppress(ValueError):
            frame = frame.reset_index()
    names = [_column_name(column) for column in frame.columns]
    duplicates = sorted(name for name, count in Counter(names).items() if count > 1)
    if duplicates:
        raise TypeError(
            f"The DataFrame has duplicate column names {duplicates}; rename them so each row can become "
            "a record, e.g. df.columns = [...]."
        )
    return frame, names


def _column_name(column: object) -> str:
    if isinstance(column, tuple):  # MultiIndex columns
        return " / ".join(str(part) for part in column if str(part))
    return str(column)


def _frame_columns(frame: Any, names: list[str]) -> list[dict[str, str]]:
    return [{"name": name, "dtype": str(dtype)} for name, dtype in zip(names, frame.dtypes, strict=True)]


def _frame_records(frame: Any, names: list[str], path: str = "data") -> list[dict[str, Any]]:
    columns = [
        _column_values(frame.iloc[:, position], f"{path}[{name!r}]") for position, name in enumerate(names)
    ]
    return [dict(zip(names, row, strict=True)) for row in zip(*columns, strict=True)] if columns else []


def _column_values(series: Any, path: str) -> list[Any]:
    import numpy as np

    dtype = series.dtype
    values: list[Any] = series.tolist()
    if isinstance(dtype, np.dtype) and dtype.kind in {"i", "u", "b"}:
        return values  # tolist() already gives Python ints and bools, never missing values
    if isinstance(dtype, np.dtype) and dtype.kind == "f":
        return [value if math.isfinite(value) else None for value in values]
    return [_json_safe(value, f"{path}[{row}]", 1) for row, value in enumerate(values)]


def _dtype_json_type(dtype: Any) -> str:
    """How values of a pandas/numpy dtype look once they reach the component."""
    name = str(dtype)
    if name == "category":
        return f"{_dtype_json_type(dtype.categories.dtype)} (categorical)"
    if name.startswith("period"):
        return "string or null (period, e.g. '2024-01')"
    import numpy as np

    kind = getattr(dtype, "kind", "O")
    # numpy integer and bool columns cannot hold a missing value; pandas' extension dtypes (Int64...) can.
    nullable = not isinstance(dtype, np.dtype)
    if kind == "b":
        return "boolean or null" if nullable or name == "boolean" else "boolean"
    if kind in {"i", "u"}:
        return "number or null" if nullable else "number"
    if kind in {"f", "c"}:
        return "number or null"
    if kind == "M":
        return "string or null (ISO 8601 date-time)"
    if kind == "m":
        return "number or null (seconds)"
    if name in {"string", "str"} or name.startswith("string"):
        return "string or null"
    return "any JSON value"


def _frame_schema(frame: Any, names: list[str]) -> str:
    lines = [f"columns ({len(names)}):"]
    lines += [
        f"- {name}: {dtype} -> {_dtype_json_type(dtype)}"
        for name, dtype in zip(names, frame.dtypes, strict=True)
    ]
    return "\n".join(lines)


# Plain Python data ---------------------------------------------------------------------------------------


def _scan_items(obj: object) -> list[Any] | None:
    """The JSON-safe form of a sequence's first items (which schema and sample look at), else None."""
    if isinstance(obj, (list, tuple)):
        return [_json_safe(item, f"data[{index}]", 1) for index, item in enumerate(obj[:_SCHEMA_SCAN_ITEMS])]
    if _type_module(obj).startswith("numpy") and type(obj).__name__ == "ndarray":
        safe = _json_safe(obj, "data", 0)
        return safe[:_SCHEMA_SCAN_ITEMS] if isinstance(safe, list) else None
    return None


def _json_type(value: Any, depth: int = 0) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return f"array of {_union_type(value[:20], depth + 1)}" if value else "array"
    if depth >= 2 or not value:
        return "object"
    fields = [f"{key}: {_json_type(item, depth + 1)}" for key, item in list(value.items())[:20]]
    more = ", ..." if len(value) > 20 else ""
    return "object {" + ", ".join(fields) + more + "}"


def _union_type(values: list[Any], depth: int = 0) -> str:
    types = list(dict.fromkeys(_json_type(value, depth) for value in values))
    # null last reads naturally: "number | null".
    types.sort(key=lambda name: name == "null")
    return " | ".join(types) if types else "nothing"


def _records_schema(records: list[dict[str, Any]]) -> str:
    keys: dict[str, list[Any]] = {}
    for record in records:
        for key, value in record.items():
            keys.setdefault(key, []).append(value)
    lines = ["array of objects with keys:"]
    for key, values in list(keys.items())[:_SCHEMA_MAX_KEYS]:
        missing = " (missing in some rows)" if len(values) < len(records) else ""
        lines.append(f"- {key}: {_union_type(values)}{missing}")
    if len(keys) > _SCHEMA_MAX_KEYS:
        lines.append(f"- ... and {len(keys) - _SCHEMA_MAX_KEYS} more keys")
    return "\n".join(lines)


def _mapping_schema(mapping: dict[str, Any]) -> str:
    lines = ["object with keys:"]
    for key, value in list(mapping.items())[:_SCHEMA_MAX_KEYS]:
        lines.append(f"- {key}: {_json_type(value)}")
    if len(mapping) > _SCHEMA_MAX_KEYS:
        lines.append(f"- ... and {len(mapping) - _SCHEMA_MAX_KEYS} more keys")
    return "\n".join(lines)


# Sample ----------------------------------------------------------------------------------------------------


def _shorten(value: Any, items: int, max_string: int) -> Any:
    if isinstance(value, str) and len(value) > max_string:
        return value[:max_string] + "…"
    if isinstance(value, list):
        return [_shorten(item, items, max_string) for item in value[:items]]
    if isinstance(value, dict):
        return {
            key: _shorten(item, items, max_string) for key, item in list(value.items())[:_SAMPLE_MAX_KEYS]
        }
    return value


def _render_sample(value: Any) -> str:
    if isinstance(value, list) and value:
        # One row per line: easy for the model to read as a table.
        rows = ",\n".join("  " + json.dumps(item, ensure_ascii=False) for item in value)
        return "[\n" + rows + "\n]"
    return json.dumps(value, ensure_ascii=False)


def _sample_text(value: Any, sample_rows: int, max_chars: int) -> str:
    """The largest sample, down to one row and shorter strings, that fits in ``max_chars``."""
    text = ""
    for max_string in _SAMPLE_STRING_LIMITS:
        for rows in range(sample_rows, 0, -1):
            text = _render_sample(_shorten(value, rows, max_string))
            if len(text) <= max_chars:
                return text
    return text[: max(0, max_chars - 8)] + " …(cut)"
