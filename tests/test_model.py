"""The typed data and the JSON Schema describe the same fields: a test, not a promise."""

from __future__ import annotations

import typing
from typing import Any, NotRequired, get_args, get_origin, get_type_hints, is_typeddict

import pytest

from exercise_atlas.content.records import ExerciseData, MuscleData
from exercise_atlas.content.schemas import EXERCISE_SCHEMA, MUSCLES_SCHEMA


def _fields(typed: Any) -> tuple[set[str], set[str]]:
    return set(typed.__required_keys__), set(typed.__optional_keys__)


def _compare(typed: Any, schema: dict[str, Any], where: str) -> None:
    required, optional = _fields(typed)
    assert required == set(schema.get("required", [])), f"{where}: required fields differ"
    assert required | optional == set(schema["properties"]), f"{where}: fields differ"
    hints = get_type_hints(typed, include_extras=True)
    for name, spec in schema["properties"].items():
        hint = hints[name]
        if get_origin(hint) is NotRequired:
            hint = get_args(hint)[0]
        if is_typeddict(hint):
            _compare(hint, spec, f"{where}.{name}")
        elif get_origin(hint) is list and is_typeddict(get_args(hint)[0]):
            _compare(get_args(hint)[0], spec["items"], f"{where}.{name}[]")


@pytest.mark.parametrize(("typed", "schema"), [(ExerciseData, EXERCISE_SCHEMA), (MuscleData, MUSCLES_SCHEMA["items"])])
def test_typed_data_matches_the_schema(typed: type, schema: dict[str, Any]) -> None:
    _compare(typed, schema, typed.__name__)


def test_the_comparison_notices_a_difference() -> None:
    class Wrong(typing.TypedDict):
        id: str

    with pytest.raises(AssertionError, match="required fields differ"):
        _compare(Wrong, EXERCISE_SCHEMA, "Wrong")
