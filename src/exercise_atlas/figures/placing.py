"""From a ``figure:`` block to a placed body and props in every key position.

The body is placed by forward kinematics alone: the joint angles give every point relative to
the pelvis, and the position's first contact moves the whole body so that this point rests on
its surface (and, after the first position, stays where it was). No coordinate is typed by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from .body import SIDES, Angles, body_points, point_radius
from .camera import Camera, camera_for, project
from .catalogue import IN_PLANE, PROPS, body_joints, whole_turn
from .props import SLIDER_HEIGHT, PlacedProp, Where, placed_prop
from .vectors import Vec, add, apply, sub

Issue = tuple[tuple[str | int, ...], str]


@dataclass
class Placed:
    """One key position (or a pose between two), placed in the world."""

    key: str
    whole: dict[str, float]  # the whole-body angles as written ('trunk', 'lean', ...: catalogue.py)
    shift: float  # cm along the picture from where the first contact would place the body (a step or a jump)
    lift: float  # cm the first contact's point is above its surface (in the air)
    sides: dict[str, Angles]
    given: dict[str, float]  # 'left.knee' -> value, as written (for checks and words)
    contacts: list[tuple[str, str]]
    points: dict[str, Vec] = field(default_factory=dict)
    props: list[PlacedProp] = field(default_factory=list)


@dataclass
class Figure:
    camera: Camera
    working: str
    key: str
    positions: list[Placed]
    props_data: list[dict[str, Any]]
    issues: list[Issue] = field(default_factory=list)  # (data path, message)

    @property
    def view(self) -> str:
        return self.camera.view


def side_angles(
    plane: str, data: dict[str, Any], key: str, issues: list[Issue]
) -> tuple[dict[str, Angles], dict[str, float]]:
    """Per-side angles: 'both' first, then each side; 'hip'/'shoulder' mean the view's plane."""
    sides = {side: Angles() for side in SIDES}
    given: dict[str, float] = {}
    for group in ("both", "left", "right"):
        values = data.get(group) or {}
        for short, full in IN_PLANE[plane].items():
            if short in values and full in values:
                issues.append(
                    (
                        ("positions", key, group, full),
                        f"'{short}' already means {full.replace('_', ' ')} in the {plane} view; give one of them",
                    )
                )
        for name, value in values.items():
            full = IN_PLANE[plane].get(name, name)
            for side in SIDES if group == "both" else (group,):
                sides[side] = replace(sides[side], **{full: float(value)})
                given[f"{side}.{full}"] = float(value)
    return sides, given


def split_contact(text: str) -> tuple[str, str]:
    """'left.knee on bench' -> ('left.knee', 'bench')."""
    point, _, surface = text.partition(" on ")
    return point.strip(), surface.strip()


def build(data: dict[str, Any]) -> Figure:
    """The positions as written; problems found on the way are in ``issues``."""
    camera = camera_for(data)
    issues: list[Issue] = []
    placed: list[Placed] = []
    for key, pos in data["positions"].items():
        sides, given = side_angles(camera.plane, pos, key, issues)
        placed.append(
            Placed(
                key,
                {j.name: float(pos[j.name]) for j in body_joints() if j.name in pos},
                float(pos.get("shift", 0)),
                float(pos.get("lift", 0)),
                sides,
                given,
                [split_contact(c) for c in pos.get("contacts", [])],
            )
        )
    keys = [p.key for p in placed]
    key = data.get("key") or (keys[-1] if keys else "")
    return Figure(camera, data.get("working", "left"), key, placed, list(data.get("props") or []), issues)


def posed_points(plane: str, pose: Placed) -> dict[str, Vec]:
    """The standard body posed by one position's angles, pelvis at the origin: forward kinematics
    (body.py) turned by the whole-body angles, each as the joint table says. Used by every figure."""
    m = whole_turn(plane, pose.whole, "body")
    points = body_points(0.0, pose.sides, head_turn=whole_turn(plane, pose.whole, "head"))
    return {name: apply(m, v) for name, v in points.items()}


def pin_height(figure: Figure, surface: str) -> float | None:
    """The height of a surface a body may be pinned to, or None if it cannot pin."""
    if surface == "floor":
        return 0.0
    prop = find_prop(figure.props_data, surface)
    if prop is None or not PROPS[prop["type"]].pins:
        return None
    if prop["type"] == "slider":
        return SLIDER_HEIGHT
    return float(prop.get("height", 0))


def find_prop(props: list[dict[str, Any]], name: str) -> dict[str, Any] | None:
    for prop in props:
        if prop.get("id") == name:
            return prop
    matches = [p for p in props if p["type"] == name and "id" not in p]
    return matches[0] if matches else None


def place(figure: Figure) -> None:
    """Place each position's body, pinned by its first contact, then the props."""
    anchors: dict[str, Vec] = {}
    plane = figure.camera.plane
    for p in figure.positions:
        pts = posed_points(plane, p)
        pin = p.contacts[0] if p.contacts else None
        target: Vec = (0.0, 0.0, 0.0)
        source: Vec = (0.0, 0.0, 0.0)
        if pin and pin[0] in pts:
            height = pin_height(figure, pin[1])
            point = pts[pin[0]]
            up = height + point_radius(pin[0]) if height is not None else point[1]
            where = Where(figure.camera, {}, {}).shifted(anchors.get(pin[0], (0.0, 0.0, 0.0)), p.shift)
            target, source = (where[0], up + p.lift, where[2]), point
        shift = sub(target, source)
        p.points = {name: add(v, shift) for name, v in pts.items()}
        if not anchors:
            anchors = dict(p.points)
    first = figure.positions[0].points if figure.positions else {}
    for p in figure.positions:
        p.props = place_props(figure, first, p.points)


def place_props(figure: Figure, first: dict[str, Vec], now: dict[str, Vec]) -> list[PlacedProp]:
    where = Where(figure.camera, first, now)
    return [placed_prop(where, prop) for prop in figure.props_data]


def pose_figure(data: dict[str, Any]) -> Figure:
    """The figure posed and placed in every key position. Posing is cheap (a few hundred points),
    so each caller poses its own copy: nothing is kept between calls or builds."""
    figure = build(data)
    place(figure)
    return figure


__all__ = ["Figure", "Placed", "PlacedProp", "pose_figure", "posed_points", "project"]
