"""The person's data as JSON-safe props and as a description for the model."""

from __future__ import annotations

import datetime as dt
import enum
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from jupyter_componentgen.engine.data import describe_data, to_props


@pytest.fixture
def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "units": [3, 5, 7],
            "price": [1.5, np.nan, 2.25],
            "sold_at": pd.to_datetime(["2024-01-02 10:30", None, "2024-03-04 00:00"]),
            "region": pd.Categorical(["north", None, "south"]),
            "note": pd.array(["ok", None, "late"], dtype="string"),
        }
    )


def test_dataframe_props_are_records_with_nulls_and_iso_dates(frame: pd.DataFrame) -> None:
    props = to_props(frame)
    assert props["data"] == [
        {"units": 3, "price": 1.5, "sold_at": "2024-01-02T10:30:00", "region": "north", "note": "ok"},
        {"units": 5, "price": None, "sold_at": None, "region": None, "note": None},
        {"units": 7, "price": 2.25, "sold_at": "2024-03-04T00:00:00", "region": "south", "note": "late"},
    ]
    assert [column["name"] for column in props["columns"]] == ["units", "price", "sold_at", "region", "note"]
    assert props["columns"][0]["dtype"] == "int64"
    assert props["columns"][3]["dtype"] == "category"
    assert type(props["data"][0]["units"]) is int
    # Strict JSON: no NaN or Infinity tokens.
    json.dumps(props, allow_nan=False)


def test_dataframe_edge_dtypes() -> None:
    frame = pd.DataFrame(
        {
            "maybe": pd.array([1, None], dtype="Int64"),
            "flag": [True, False],
            "utc": pd.to_datetime(["2024-01-01", None]).tz_localize("UTC"),
            "wait": pd.to_timedelta([90, None], unit="s"),
            "inf": [np.inf, -np.inf],
            "mixed": [{"a": np.int64(1)}, [np.float32(0.5)]],
        }
    )
    assert to_props(frame)["data"] == [
        {
            "maybe": 1,
            "flag": True,
            "utc": "2024-01-01T00:00:00+00:00",
            "wait": 90.0,
            "inf": None,
            "mixed": {"a": 1},
        },
        {"maybe": None, "flag": False, "utc": None, "wait": None, "inf": None, "mixed": [0.5]},
    ]


def test_meaningful_index_becomes_a_column() -> None:
    frame = pd.DataFrame({"total": [1, 2]}, index=pd.Index(["a", "b"], name="region"))
    assert to_props(frame)["data"] == [{"region": "a", "total": 1}, {"region": "b", "total": 2}]
    default = pd.DataFrame({"total": [1, 2]})
    assert to_props(default)["data"] == [{"total": 1}, {"total": 2}]


def test_non_string_column_names_become_strings() -> None:
    frame = pd.DataFrame([[1, 2]], columns=[2023, 2024])
    assert to_props(frame) == {
        "data": [{"2023": 1, "2024": 2}],
        "columns": [{"name": "2023", "dtype": "int64"}, {"name": "2024", "dtype": "int64"}],
    }


def test_duplicate_columns_are_refused() -> None:
    frame = pd.DataFrame([[1, 2]], columns=["a", "a"])
    with pytest.raises(TypeError, match="duplicate column names"):
        to_props(frame)


def test_series_becomes_a_list() -> None:
    series = pd.Series([1.0, np.nan, 3.5], name="price")
    assert to_props(series) == {"data": [1.0, None, 3.5]}
    description = describe_data(series)
    assert description.kind == "sequence"
    assert description.rows == 3
    assert "float64" in description.schema
    assert json.loads(description.sample) == [1.0, None, 3.5]


def test_plain_python_data_passes_through_json_safe() -> None:
    class Level(enum.IntEnum):
        HIGH = 3

    data = {
        "when": dt.date(2024, 5, 6),
        "at": dt.datetime(2024, 5, 6, 7, 8, 9),
        "values": (1, 2.5, float("nan")),
        "amount": Decimal("1.25"),
        "level": Level.HIGH,
        "counts": {1: "one"},
        "array": np.array([1, 2]),
        "stamp": np.datetime64("2024-01-01T10:00:00.123456789"),
        "missing": pd.NaT,
    }
    assert to_props(data) == {
        "data": {
            "when": "2024-05-06",
            "at": "2024-05-06T07:08:09",
            "values": [1, 2.5, None],
            "amount": 1.25,
            "level": 3,
            "counts": {"1": "one"},
            "array": [1, 2],
            "stamp": "2024-01-01T10:00:00.123456",
            "missing": None,
        }
    }
    assert to_props([1, "a", None]) == {"data": [1, "a", None]}
    assert to_props("hello") == {"data": "hello"}


@pytest.mark.parametrize(
    ("bad", "where"),
    [
        ({1, 2}, "data is a set"),
        (b"raw", "data is a bytes"),
        ({"a": [1, object()]}, "data['a'][1] is a object"),
        (pd.DataFrame({"x": [b"raw"]}), "data['x'][0] is a bytes"),
    ],
)
def test_unsupported_values_say_where_and_what_works(bad: object, where: str) -> None:
    with pytest.raises(TypeError) as caught:
        to_props(bad)
    message = str(caught.value)
    assert where in message
    assert "pandas DataFrame" in message
    assert "dict" in message


def test_bad_keys_and_cycles_are_refused() -> None:
    with pytest.raises(TypeError, match="keys passed to a component must be strings or integers"):
        to_props({(1, 2): 3})
    looped: list[object] = []
    looped.append(looped)
    with pytest.raises(TypeError, match="contains itself"):
        to_props(looped)


def test_dataframe_description(frame: pd.DataFrame) -> None:
    description = describe_data(frame, sample_rows=2)
    assert description.kind == "dataframe"
    assert description.rows == 3
    assert description.schema.splitlines() == [
        "columns (5):",
        "- units: int64 -> number",
        "- price: float64 -> number or null",
        "- sold_at: datetime64[us] -> string or null (ISO 8601 date-time)",
        "- region: category -> string or null (categorical)",
        "- note: string -> string or null",
    ]
    sample = json.loads(description.sample)
    assert sample == to_props(frame)["data"][:2]
    assert len(description.shape_key) == 16


def test_shape_key_depends_on_schema_not_values(frame: pd.DataFrame) -> None:
    other_values = frame.assign(units=[10, 20, 30]).iloc[:2]
    assert describe_data(other_values).shape_key == describe_data(frame).shape_key
    assert describe_data(other_values).sample != describe_data(frame).sample
    renamed = frame.rename(columns={"units": "qty"})
    assert describe_data(renamed).shape_key != describe_data(frame).shape_key
    retyped = frame.assign(units=frame["units"].astype(float))
    assert describe_data(retyped).shape_key != describe_data(frame).shape_key


def test_records_mapping_sequence_and_scalar_descriptions() -> None:
    records = describe_data([{"city": "Oslo", "temp": 3.5}, {"city": "Rome", "temp": None, "sun": True}])
    assert records.kind == "records"
    assert records.rows == 2
    assert records.schema.splitlines() == [
        "array of objects with keys:",
        "- city: string",
        "- temp: number | null",
        "- sun: boolean (missing in some rows)",
    ]

    mapping = describe_data({"title": "Q1", "series": [1, 2], "meta": {"unit": "EUR"}})
    assert mapping.kind == "mapping"
    assert mapping.rows is None
    assert mapping.schema.splitlines() == [
        "object with keys:",
        "- title: string",
        "- series: array of number",
        "- meta: object {unit: string}",
    ]

    sequence = describe_data(list(range(100)), sample_rows=3)
    assert (sequence.kind, sequence.schema, sequence.rows) == ("sequence", "array of number", 100)
    assert json.loads(sequence.sample) == [0, 1, 2]

    scalar = describe_data(42)
    assert (scalar.kind, scalar.schema, scalar.rows, scalar.sample) == ("scalar", "number", None, "42")

    assert describe_data([]).schema == "empty array"


def test_sample_is_small_and_cuts_long_strings() -> None:
    rows = [{"id": index, "text": "x" * 5000} for index in range(50)]
    description = describe_data(rows, sample_rows=5, max_sample_chars=4000)
    assert len(description.sample) <= 4000
    sample = json.loads(description.sample)
    assert 1 <= len(sample) <= 5
    assert sample[0]["id"] == 0
    assert sample[0]["text"].endswith("…")
    assert len(sample[0]["text"]) <= 201


def test_sample_that_cannot_fit_is_cut_to_the_limit() -> None:
    wide = {f"key_{index}": index for index in range(40)}
    description = describe_data(wide, max_sample_chars=100)
    assert len(description.sample) <= 100
    assert description.sample.endswith("…(cut)")


def test_pandas_is_not_imported_by_the_module() -> None:
    code = (
        "import sys; import jupyter_componentgen.engine.data as d; "
        "print(d.describe_data({'a': [1]}).kind, 'pandas' in sys.modules)"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root
    )
    assert result.stdout.split() == ["mapping", "False"]
