"""The shape of the charts file's ``stride:`` section. Angles are degrees (hip: + flexion,
- extension; knee: flexion; ankle: + dorsiflexion, - plantarflexion), times are % of one stride
from the near foot's initial contact."""

from __future__ import annotations

from typing import Any

EVENTS = ("initial-contact", "mid-stance", "toe-off", "mid-swing", "late-swing")
JOINTS = ("hip", "knee", "ankle")

_TEXT = {"type": "string", "minLength": 1}
_PERCENT = {"type": "number", "minimum": 0, "maximum": 100}
_ANGLE = {"type": "number", "minimum": -360, "maximum": 360}

EVENT: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["event", "at", *JOINTS],
    "properties": {
        "event": {"enum": list(EVENTS)},
        "at": _PERCENT,
        **{joint: _ANGLE for joint in JOINTS},
        "source": _TEXT,
        "where": _TEXT,
    },
}

ACTIVE: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["muscle", "from", "to"],
    "properties": {"muscle": _TEXT, "from": _PERCENT, "to": _PERCENT, "source": _TEXT, "where": _TEXT},
}

SPEED: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "label", "events"],
    "properties": {
        "id": {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$"},
        "label": _TEXT,  # "Jogging", shown on the switch
        "source": _TEXT,
        "where": _TEXT,
        "coarse": {"type": "boolean"},  # read off a published curve: the caption says so
        "events": {"type": "array", "items": EVENT},
        "active": {"type": "array", "items": ACTIVE},
    },
}

STRIDE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["title", "caption", "speeds"],
    "properties": {
        "title": _TEXT,
        "caption": _TEXT,  # may cite with [@key]
        "speeds": {"type": "array", "minItems": 1, "maxItems": 3, "items": SPEED},
    },
}
