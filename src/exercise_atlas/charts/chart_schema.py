"""The JSON Schema of the charts file: its shape. What the shape cannot say (every number has a
source and a unit, a bar names an exercise that exists) is judged in :mod:`.checks`."""

from __future__ import annotations

from typing import Any

from ..stride.stride_schema import STRIDE_SCHEMA

KINDS = ("ranked-bars", "icon-array", "scale", "stages")
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

_TEXT = {"type": "string", "minLength": 1}
_NUMBER = {"type": "number"}

ITEM: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "exercise": _TEXT,  # ranked bars: the exercise whose card the bar links to
        "label": _TEXT,
        "value": _NUMBER,
        "low": _NUMBER,  # the interval or range, where the source gives one
        "high": _NUMBER,
        "source": _TEXT,  # a key in the references file, when not the chart's own
        "where": _TEXT,  # the table, figure or page of the source
    },
}

STAGE: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["label", "text"],
    "properties": {"label": _TEXT, "text": _TEXT},
}

CHART: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "kind", "title", "caption"],
    "properties": {
        "id": {"type": "string", "pattern": ID_PATTERN},
        "kind": {"enum": list(KINDS)},
        "title": _TEXT,  # what the chart shows, in words: the SVG's title
        "caption": _TEXT,  # shown under the chart; may cite with [@key]
        "quantity": _TEXT,  # what the numbers measure: the value column's heading
        "unit": _TEXT,
        "source": _TEXT,
        "where": _TEXT,
        "interval": _TEXT,  # what low and high are, like '95 % confidence interval'
        "per": {"type": "integer", "minimum": 10, "maximum": 100},  # icon array: people drawn per group
        "outcome": _TEXT,  # icon array: what the filled icons had, for the sentence under it
        "max": {"type": "number", "exclusiveMinimum": 0},  # the scale's end; else from the data
        "reader": _TEXT,  # scale: the label of the reader's own result; the form appears with it
        "ratio_of": {  # scale: the reader gives two numbers, and their ratio in % is drawn
            "type": "array",
            "minItems": 2,
            "maxItems": 2,
            "items": _TEXT,
        },
        "criterion": _TEXT,  # stages: when to move on
        "stages": {"type": "array", "minItems": 2, "items": STAGE},
        "items": {"type": "array", "minItems": 1, "maxItems": 40, "items": ITEM},
    },
}

CHARTS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["charts"],
    "properties": {
        "charts": {"type": "array", "items": CHART},
        "stride": STRIDE_SCHEMA,
    },
}
