"""Turn JSON Schema errors into one-line problems a contributor can act on."""

from __future__ import annotations

import re
from typing import Any, cast

from jsonschema import Draft202012Validator, FormatChecker, ValidationError

from ..errors import Problem, did_you_mean, quoted_list
from .dates import date_problem
from .patterns import PATTERN_HINTS
from .values import describe_value
from .yamlsource import Located

_TYPE_WORDS = {
    "string": "text",
    "array": "a list",
    "object": "a mapping of fields",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
}


_VALIDATORS: dict[int, Draft202012Validator] = {}


def _validator(schema: dict[str, Any]) -> Draft202012Validator:
    """Build each schema's validator once; the schemas are module constants."""
    if id(schema) not in _VALIDATORS:
        _VALIDATORS[id(schema)] = Draft202012Validator(schema, format_checker=FormatChecker())
    return _VALIDATORS[id(schema)]


def schema_problems(located: Located, schema: dict[str, Any], shown: str) -> list[Problem]:
    """Every way ``located.data`` breaks ``schema``, each with its line."""
    validator = _validator(schema)
    problems = []
    for error in validator.iter_errors(located.data):
        path = tuple(error.absolute_path)
        if error.validator == "additionalProperties":  # one line for each unknown field
            allowed = list(error.schema.get("properties", {}))
            for extra in sorted(k for k in error.instance if k not in allowed):
                message = f"unknown field '{extra}'{did_you_mean(extra, allowed)}"
                problems.append(Problem(shown, located.line_of((*path, extra)), _field((*path, extra)), message))
            continue
        field, message = _describe(error, path)
        problems.append(Problem(shown, located.line_of(path), field, message))
    return problems


def _field(path: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in path)


def _describe(error: ValidationError, path: tuple[Any, ...]) -> tuple[str, str]:
    kind, value = error.validator, error.instance
    schema = cast(dict[str, Any], error.schema)
    length = len(value) if isinstance(value, (str, list, dict)) else 0
    if "x-message" in schema and kind == "anyOf":
        return _field(path), schema["x-message"]
    if kind == "required":
        name = re.match(r"'(.+)' is a required property", error.message)
        return _field((*path, name.group(1) if name else "?")), "missing required field"
    if kind == "type":
        wanted: Any = error.validator_value
        words = " or ".join(_TYPE_WORDS.get(str(t), str(t)) for t in (wanted if isinstance(wanted, list) else [wanted]))
        return _field(path), f"expected {words}, got {describe_value(value)}"
    if kind == "enum":
        choices = [str(c) for c in cast(list[Any], error.validator_value)]
        hint = did_you_mean(value, choices)
        return _field(path), f"expected one of {quoted_list(choices)}; got {describe_value(value)}{hint}"
    if kind == "pattern":
        pattern = str(error.validator_value)
        hint = PATTERN_HINTS.get(pattern, "text in another form (see the field's description in the schema)")
        lower = value.lower() if isinstance(value, str) else ""
        fix = f": write '{lower}'" if lower != value and re.fullmatch(pattern, lower) else ""
        return _field(path), f"expected {hint}, got {describe_value(value)}{fix}"
    if kind == "format":
        return _field(path), date_problem(value) or f"expected a date like 2026-11-25, got {describe_value(value)}"
    if kind == "minLength":
        return _field(path), "must not be empty"
    if kind == "maxLength":
        return _field(path), f"expected at most {error.validator_value} characters, got {length}"
    if kind == "minItems":
        return _field(path), f"expected at least {error.validator_value} item(s), got {length}"
    if kind == "maxItems":
        return _field(path), f"expected at most {error.validator_value} items, got {length}"
    if kind == "uniqueItems":
        return _field(path), "the list has the same item twice"
    return _field(path), error.message
