"""From a ``figure:`` block to a placed body and props in every key position.

The body is placed by forward kinematics alone: the joint angles give every point relative to
the pelvis, and the position's first contact moves the whole body so that this point rests on
its surface (and, after the first position, stays where it was). No coordinate is typed by hand.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any

from .body import SIDES, Angles, body_points, point_radius
from .vectors import Mat, Vec, add, apply, mul, rotation, scale, sub

# The picture plane of each view: which world axis runs right on the screen, which runs down,
# and which points at the reader (depth). Axes: 0 = x (forward), 1 = y (up), 2 = z (left).
VIEW_AXES = {"side": (0, 1, 2), "front": (2, 1, 0), "top": (0, 2, 1)}
# The view-plane meaning of 'hip' and 'shoulder'.
IN_PLANE = {
    "side": {"hip": "hip_flexion", "shoulder": "shoulder_flexion"},
    "front": {"hip": "hip_abduction", "shoulder": "shoulder_abduction"},
    "top": {"hip": "hip_abduction", "shoulder": "shoulder_abduction"},
}
PIN_SURFACES = ("floor", "bench", "slider")
SLIDER_HEIGHT = 1.5
BENCH_TOP = 8.0  # thickness of a bench's top; its legs stand under it
FOLLOWING = ("ball", "slider", "pad", "kettlebell")  # props that move with the body from position to position
# Props a point rests on from above: touching one from below or beside is not resting on it.
RESTED_ON = ("bench", "hands", "slider")
KETTLEBELL_HANDLE = 8.0  # cm from the grip to the top of the bell


def project(view: str, v: Vec) -> tuple[float, float, float]:
    """Screen x (right), screen y (down) and depth (towards the reader)."""
    right, _, depth = VIEW_AXES[view]
    down = -v[1] if view != "top" else v[2]
    return v[right], down, v[depth]


def orientation(view: str, trunk: float, lean: float = 0.0, roll: float = 0.0) -> Mat:
    """The body's orientation: turned ``roll`` degrees about its own long axis (+ turns its front
    towards its right, so on all fours the left side goes down), bent ``lean`` degrees forwards at the feet (towards its front), then turned ``trunk``
    degrees clockwise in the picture. Seen from above, 'lean: -90' lies on the back."""
    pitch = mul(rotation("z", -lean), rotation("y", roll))
    if view == "side":
        return mul(rotation("z", -trunk), pitch)
    if view == "front":
        return mul(rotation("x", trunk), pitch)
    return mul(rotation("y", -trunk), pitch)


@dataclass
class Box:
    low: Vec
    high: Vec

    def distance(self, p: Vec) -> float:
        """Signed distance from ``p`` to the box surface (negative inside)."""
        q = [max(lo - c, 0.0, c - hi) for c, lo, hi in zip(p, self.low, self.high, strict=True)]
        outside = math.sqrt(sum(d * d for d in q))
        if outside > 0:
            return outside
        return -min(min(c - lo, hi - c) for c, lo, hi in zip(p, self.low, self.high, strict=True))


@dataclass
class PlacedProp:
    type: str
    name: str  # id or type
    box: Box | None = None  # solid props and follow props with a shape
    centre: Vec | None = None  # ball
    radius: float = 0.0  # ball
    squeeze: float = 1.0  # ball: its width between its two points / its diameter
    flat: bool = False  # ball: its two points lie across the picture (not one behind the other)
    axis: tuple[float, float] = (1.0, 0.0)  # ball: screen direction between its points
    line: tuple[Vec, Vec] | None = None  # band or cable: anchor to body point
    solid: bool = False  # checked for segments passing through


@dataclass
class Placed:
    """One key position, placed in the world."""

    key: str
    trunk: float
    lean: float
    neck: float
    roll: float
    shift: float  # cm along the picture from where the first contact would place the body (a step or a jump)
    lift: float  # cm the first contact's point is above its surface (in the air)
    sides: dict[str, Angles]
    given: dict[str, float]  # 'left.knee' -> value, as written (for checks and words)
    contacts: list[tuple[str, str]]
    points: dict[str, Vec] = field(default_factory=dict)
    props: list[PlacedProp] = field(default_factory=list)


@dataclass
class Figure:
    view: str
    working: str
    key: str
    positions: list[Placed]
    props_data: list[dict[str, Any]]
    issues: list[tuple[tuple[str | int, ...], str]] = field(default_factory=list)  # (data path, message)


def side_angles(
    view: str, data: dict[str, Any], key: str, issues: list[tuple[tuple[str | int, ...], str]]
) -> tuple[dict[str, Angles], dict[str, float]]:
    """Per-side angles: 'both' first, then each side; 'hip'/'shoulder' mean the view's plane."""
    sides = {side: Angles() for side in SIDES}
    given: dict[str, float] = {}
    for group in ("both", "left", "right"):
        values = data.get(group) or {}
        for short, full in IN_PLANE[view].items():
            if short in values and full in values:
                issues.append(
                    (
                        ("positions", key, group, full),
                        f"'{short}' already means {full.replace('_', ' ')} in the {view} view; give one of them",
                    )
                )
        for name, value in values.items():
            full = IN_PLANE[view].get(name, name)
            for side in SIDES if group == "both" else (group,):
                sides[side] = replace(sides[side], **{full: float(value)})
                given[f"{side}.{full}"] = float(value)
    return sides, given


def split_contact(text: str) -> tuple[str, str]:
    """'left.knee on bench' -> ('left.knee', 'bench')."""
    point, _, surface = text.partition(" on ")
    return point.strip(), surface.strip()


def build(data: dict[str, Any]) -> Figure:
    """Place the body and props in every position; problems found on the way are in ``issues``."""
    view = data["view"]
    issues: list[tuple[tuple[str | int, ...], str]] = []
    placed: list[Placed] = []
    for key, pos in data["positions"].items():
        sides, given = side_angles(view, pos, key, issues)
        contacts = [split_contact(c) for c in pos.get("contacts", [])]
        placed.append(
            Placed(
                key,
                float(pos.get("trunk", 0)),
                float(pos.get("lean", 0)),
                float(pos.get("neck", 0)),
                float(pos.get("roll", 0)),
                float(pos.get("shift", 0)),
                float(pos.get("lift", 0)),
                sides,
                given,
                contacts,
            )
        )
    keys = [p.key for p in placed]
    key = data.get("key") or (keys[-1] if keys else "")
    figure = Figure(view, data.get("working", "left"), key, placed, list(data.get("props") or []), issues)
    return figure


def raw_points(view: str, p: Placed) -> dict[str, Vec]:
    m = orientation(view, p.trunk, p.lean, p.roll)
    return {name: apply(m, v) for name, v in body_points(p.neck, p.sides).items()}


def pin_height(figure: Figure, surface: str) -> float | None:
    """The height of a surface a body may be pinned to, or None if it cannot pin."""
    if surface == "floor":
        return 0.0
    prop = find_prop(figure.props_data, surface)
    if prop is None:
        return None
    if prop["type"] == "bench":
        return float(prop.get("height", 0))
    if prop["type"] == "slider":
        return SLIDER_HEIGHT
    return None


def find_prop(props: list[dict[str, Any]], name: str) -> dict[str, Any] | None:
    for prop in props:
        if prop.get("id") == name:
            return prop
    matches = [p for p in props if p["type"] == name and "id" not in p]
    return matches[0] if matches else None


def place(figure: Figure) -> None:
    """Place each position's body, pinned by its first contact, then the props."""
    anchors: dict[str, Vec] = {}
    for p in figure.positions:
        pts = raw_points(figure.view, p)
        pin = p.contacts[0] if p.contacts else None
        target: Vec = (0.0, 0.0, 0.0)
        source: Vec = (0.0, 0.0, 0.0)
        if pin and pin[0] in pts:
            height = pin_height(figure, pin[1])
            point = pts[pin[0]]
            up = height + point_radius(pin[0]) if height is not None else point[1]
            where = _shifted(figure.view, anchors.get(pin[0], (0.0, 0.0, 0.0)), p.shift)
            target, source = (where[0], up + p.lift, where[2]), point
        shift = sub(target, source)
        p.points = {name: add(v, shift) for name, v in pts.items()}
        if not anchors:
            anchors = dict(p.points)
    first = figure.positions[0].points if figure.positions else {}
    for p in figure.positions:
        p.props = [placed_prop(figure, prop, first, p.points) for prop in figure.props_data]


def _axes(view: str) -> tuple[int, int]:
    """(along, across): the horizontal world axis running across the picture, and the other one."""
    along = VIEW_AXES[view][0]
    across = 2 if along == 0 else 0
    return along, across


def _box(view: str, centre: Vec, along_half: float, across_half: float, y_low: float, y_high: float) -> Box:
    along, across = _axes(view)
    low, high = [0.0, y_low, 0.0], [0.0, y_high, 0.0]
    low[along], high[along] = centre[along] - along_half, centre[along] + along_half
    low[across], high[across] = centre[across] - across_half, centre[across] + across_half
    return Box((low[0], low[1], low[2]), (high[0], high[1], high[2]))


def _shifted(view: str, v: Vec, offset: float) -> Vec:
    along, _ = _axes(view)
    out = list(v)
    out[along] += offset
    return (out[0], out[1], out[2])


def placed_prop(figure: Figure, prop: dict[str, Any], first: dict[str, Vec], now: dict[str, Vec]) -> PlacedProp:
    """One prop's shape in one position (static props come from the first position)."""
    view, kind = figure.view, prop["type"]
    name = prop.get("id", kind)
    origin = (0.0, 0.0, 0.0)
    at = prop.get("at")
    anchor = first.get(at, origin) if at else origin
    follow = now.get(at, origin) if at else origin
    offset = float(prop.get("offset", 0))
    if kind == "bench":
        height = float(prop.get("height", 45))
        # Its top: the space under a bench is open (a bottom leg may hang there).
        box = _box(
            view,
            _shifted(view, anchor, offset),
            float(prop.get("length", 50)) / 2,
            20,
            max(0.0, height - BENCH_TOP),
            height,
        )
        return PlacedProp(kind, name, box=box, solid=True)
    if kind == "wall":
        box = _box(view, _shifted(view, anchor, offset), 2, 100, 0, 230)
        return PlacedProp(kind, name, box=box, solid=True)
    if kind == "slider":
        box = _box(view, follow, 9, 9, 0, SLIDER_HEIGHT)
        return PlacedProp(kind, name, box=box)
    if kind == "pad":
        along, _ = _axes(view)
        pelvis = now.get("pelvis", origin)
        toward = 1.0 if pelvis[along] > follow[along] else -1.0
        shift = offset if "offset" in prop else toward * (point_radius(at or "knee") + 3.5)
        centre = _shifted(view, follow, shift)
        box = _box(view, centre, 3.5, 8, centre[1] - 9, centre[1] + 9)
        return PlacedProp(kind, name, box=box)
    if kind == "hands":
        top = float(prop["height"]) if "height" in prop else anchor[1] - point_radius(at or "ankle")
        box = _box(view, _shifted(view, anchor, offset), 6, 6, top - 7, top)
        return PlacedProp(kind, name, box=box)
    if kind in ("band", "cable"):
        start = _shifted(view, anchor, offset)
        start = (start[0], float(prop.get("height", 10)), start[2])
        return PlacedProp(kind, name, line=(start, follow))
    if kind == "kettlebell":  # hangs from the middle of its two grip points (usually the hands)
        a_name, b_name = (prop.get("between") or [at or "left.hand", at or "right.hand"])[:2]
        a, b = now.get(a_name, origin), now.get(b_name, origin)
        grip = scale(add(a, b), 0.5)
        radius = float(prop.get("diameter", 21)) / 2
        centre = (grip[0], min(a[1], b[1]) - KETTLEBELL_HANDLE - radius, grip[2])
        return PlacedProp(kind, name, centre=centre, radius=radius, line=(a, b))
    # ball: between two points of this position; squeezed when they are closer than its diameter
    a_name, b_name = (prop.get("between") or [at or "left.knee", at or "right.knee"])[:2]
    a, b = now.get(a_name, origin), now.get(b_name, origin)
    diameter = float(prop.get("diameter", 22))
    centre = (add(a, b)[0] / 2, add(a, b)[1] / 2, add(a, b)[2] / 2)
    gap = math.dist(a, b) - point_radius(a_name) - point_radius(b_name)
    sa, sb = project(view, a), project(view, b)
    dx, dy = sb[0] - sa[0], sb[1] - sa[1]
    norm = math.hypot(dx, dy)
    axis = (dx / norm, dy / norm) if norm > 1 else (1.0, 0.0)
    squeeze = min(1.0, max(0.6, gap / diameter))
    return PlacedProp(kind, name, centre=centre, radius=diameter / 2, squeeze=squeeze, axis=axis, flat=norm > 1)


def pose_figure(data: dict[str, Any]) -> Figure:
    """The figure posed and placed in every key position. Posing is cheap (a few hundred points),
    so each caller poses its own copy: nothing is kept between calls or builds."""
    figure = build(data)
    place(figure)
    return figure


__all__ = ["Figure", "Placed", "PlacedProp", "pose_figure", "project"]
