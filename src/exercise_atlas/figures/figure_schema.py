"""The ``figure:`` block of an exercise's front matter, as JSON Schema.

Names (views, props, joints) are checked here; body points and the surfaces contacts rest on are
checked by :mod:`.checks`, which can suggest the nearest name.
"""

from __future__ import annotations

from typing import Any

from .body import POINTS
from .camera import VIEWS
from .catalogue import BODY_JOINTS, JOINTS, PROPS, SIDE_JOINTS, body_joints

WORKING = ("left", "right", "both")

_ANGLE = {"type": "number", "minimum": -360, "maximum": 360}

_SIDE = {
    "type": "object",
    "description": (
        "Joint angles of one side in degrees, zero = standing. 'hip' and 'shoulder' are the angle in the "
        "view's plane (side view: flexion +, extension -; front and top views: abduction +, adduction -); "
        "'hip_flexion', 'hip_abduction', 'hip_rotation' (external +), 'shoulder_flexion' and "
        "'shoulder_abduction' name the other planes; 'knee' and 'elbow' are flexion; 'ankle' is "
        "dorsiflexion + and plantarflexion -."
    ),
    "additionalProperties": False,
    "properties": {
        "hip": {**_ANGLE, "description": "Hip angle in the view's plane."},
        "shoulder": {**_ANGLE, "description": "Shoulder angle in the view's plane."},
        **{name: {**_ANGLE, "description": f"{JOINTS[name].motion}, degrees."} for name in SIDE_JOINTS},
    },
}

_POINT = {
    "type": "string",
    "maxLength": 40,
    "description": "A body point: " + ", ".join(POINTS[:3]) + ", or 'left.'/'right.' + a limb point like 'left.knee'.",
    "examples": list(POINTS),
}

CONTACT_PATTERN = r"^[a-z_.]+ on [a-z][a-z0-9_.-]*$"
_CONTACT = {
    "type": "string",
    "maxLength": 80,
    "pattern": CONTACT_PATTERN,
    "description": "'<body point> on <surface>', like 'left.knee on bench'; the surface is 'floor', a prop's type or id, or another body point ('head on right.upper_arm').",
}


def body_angle_properties() -> dict[str, Any]:
    """A position's whole-body angles, one per entry of the joint table."""
    return {j.name: {**_ANGLE, "description": j.help or f"{j.motion}, degrees."} for j in body_joints()}


def position_schema() -> dict[str, Any]:
    """One key position's schema, built from the joint table as it is now."""
    return {**_POSITION, "properties": {**_POSITION["properties"], **body_angle_properties()}}


_POSITION: dict[str, Any] = {
    "type": "object",
    "description": "One key position: only the angles that differ from standing, and what rests on what.",
    "additionalProperties": False,
    "properties": {
        **body_angle_properties(),
        "shift": {
            "type": "number",
            "minimum": -300,
            "maximum": 300,
            "description": "Moves the body this many cm along the picture (+ to the right) from where its first contact would rest: a step or a jump to a new place.",
        },
        "lift": {
            "type": "number",
            "minimum": 0,
            "maximum": 100,
            "description": "In the air: the first contact's point is this many cm above its surface (the other contacts are still checked).",
        },
        "move": {
            "type": "number",
            "minimum": 0,
            "maximum": 30,
            "description": "Seconds to move into this position from the one before (on the first position: the return from the last); default 1.",
        },
        "hold": {
            "type": "number",
            "minimum": 0,
            "maximum": 60,
            "description": "Seconds this position is held; default 0.5.",
        },
        "both": _SIDE,
        "left": _SIDE,
        "right": _SIDE,
        "contacts": {
            "type": "array",
            "description": "Body points resting on a surface. The first pins the body in place; the others are checked.",
            "minItems": 1,
            "maxItems": 8,
            "items": _CONTACT,
        },
    },
    "required": ["contacts"],
}

_PROP = {
    "type": "object",
    "additionalProperties": False,
    "required": ["type"],
    "properties": {
        "type": {
            "enum": list(PROPS),
            "description": "What the prop is: " + "; ".join(f"{p.name}: {p.description}" for p in PROPS.values()) + ".",
        },
        "id": {"type": "string", "pattern": "^[a-z][a-z0-9-]*$", "description": "A name, when two props share a type."},
        "at": {**_POINT, "description": "The body point the prop is placed at (in the first position)."},
        "between": {
            "type": "array",
            "items": _POINT,
            "minItems": 2,
            "maxItems": 2,
            "description": "A ball's two body points, or the two hands that hold a kettlebell.",
        },
        "height": {
            "type": "number",
            "minimum": 0,
            "maximum": 250,
            "description": "Height of a bench's top, a band's anchor or a wall or chair back, cm.",
        },
        "length": {"type": "number", "minimum": 5, "maximum": 250, "description": "Length along the picture, cm."},
        "offset": {
            "type": "number",
            "minimum": -250,
            "maximum": 250,
            "description": "Shift along the picture from 'at', cm.",
        },
        "diameter": {
            "type": "number",
            "minimum": 5,
            "maximum": 80,
            "description": "A ball's, a kettlebell's or a dumbbell's diameter, cm.",
        },
    },
}


_CAMERA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "description": "The oblique view's camera.",
    "properties": {
        "turn": {
            "type": "number",
            "minimum": -180,
            "maximum": 180,
            "description": "Degrees turned round the body from the front, + towards its left side (default 35); beyond 90 the camera looks from behind.",
        },
        "tilt": {
            "type": "number",
            "minimum": 0,
            "maximum": 60,
            "description": "Degrees the camera looks down (default 12).",
        },
    },
}


def figure_schema() -> dict[str, Any]:
    """The ``figure:`` block's schema, built from the joint and prop tables as they are now."""
    return {
        "type": "object",
        "description": (
            "The movement figure: a view, the props, and two or more key positions as joint angles of one "
            "standard body (CONTRIBUTING.md, 'Movement figures')."
        ),
        "additionalProperties": False,
        "required": ["view", "positions"],
        "properties": {
            "view": {
                "enum": list(VIEWS),
                "description": "Where the figure is seen from: side, front, top (from above) or oblique (three-quarter, from the front turned round the body; positions use the front view's words).",
            },
            "camera": _CAMERA,
            "inset": {
                "type": "object",
                "additionalProperties": False,
                "required": ["view"],
                "description": "A second, small view of the same movement in the corner, where one view hides the key action ('sit the hips back' from the front): its view, and for an oblique view its camera.",
                "properties": {"view": {"enum": list(VIEWS)}, "camera": _CAMERA},
            },
            "working": {
                "enum": list(WORKING),
                "description": "The working leg, tinted with the main muscles (default left).",
            },
            "key": {
                "type": "string",
                "pattern": "^[a-z]+$",
                "description": "The position shown as a still on compact cards (default the last).",
            },
            "props": {"type": "array", "maxItems": 8, "items": _PROP, "description": "Props besides the floor."},
            "positions": {
                "type": "object",
                "description": "Two or more key positions in order, named like 'start', 'end', 'hold'.",
                "propertyNames": {"pattern": "^[a-z]+$"},
                "additionalProperties": position_schema(),
            },
        },
    }


FIGURE_SCHEMA = figure_schema()

# Joint names in one place for documentation.
JOINT_NAMES = BODY_JOINTS + SIDE_JOINTS
