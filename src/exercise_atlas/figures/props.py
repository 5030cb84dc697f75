"""Each prop's shape in one position, placed from the body points it is given at.

Static props (a bench, a wall, a machine) stand where the first position puts them; following
props (a ball, a slider, a kettlebell) move with their body points. The kinds of prop are declared
in :mod:`.catalogue`; ``PLACERS`` has one function per kind, and a test keeps the two equal.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .body import point_radius
from .camera import Camera, project
from .vectors import Vec, add, scale

SLIDER_HEIGHT = 1.5
BENCH_TOP = 8.0  # thickness of a bench's top; its legs stand under it
BENCH_DEPTH = 40.0  # across the picture
BENCH_LEG = 5.0  # a bench leg's thickness, set in from the top's corners
KETTLEBELL_HANDLE = 8.0  # cm from the grip to the top of the bell
HANDLE_WIDTH = 18.0  # a kettlebell's handle: room for two hands side by side
_FLAT_ALONG = {"side": 0, "front": 2, "top": 0}


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

    def corners(self) -> list[Vec]:
        lo, hi = self.low, self.high
        return [(x, y, z) for x in (lo[0], hi[0]) for y in (lo[1], hi[1]) for z in (lo[2], hi[2])]


@dataclass
class PlacedProp:
    type: str
    name: str  # id or type
    box: Box | None = None  # solid props and follow props with a shape
    parts: list[Box] | None = None  # further solid boxes (a bench's legs, a machine's frame)
    centre: Vec | None = None  # ball, kettlebell bell, dumbbell
    radius: float = 0.0
    squeeze: float = 1.0  # ball: its width between its two points / its diameter
    flat: bool = False  # ball: its two points lie across the picture (not one behind the other)
    axis: tuple[float, float] = (1.0, 0.0)  # ball: screen direction between its points
    line: tuple[Vec, Vec] | None = None  # band or cable: anchor to body point; kettlebell: its handle
    solid: bool = False  # checked for segments passing through


@dataclass(frozen=True)
class Where:
    """What a placer needs: the camera, the first position's points and this one's."""

    camera: Camera
    first: dict[str, Vec]
    now: dict[str, Vec]

    def along(self) -> int:
        """The horizontal world axis running across the picture of the view's plane."""
        return _FLAT_ALONG[self.camera.plane]

    def across(self) -> int:
        return 2 if self.along() == 0 else 0

    def shifted(self, v: Vec, offset: float) -> Vec:
        out = list(v)
        out[self.along()] += offset
        return (out[0], out[1], out[2])

    def box(self, centre: Vec, along_half: float, across_half: float, y_low: float, y_high: float) -> Box:
        along, across = self.along(), self.across()
        low, high = [0.0, y_low, 0.0], [0.0, y_high, 0.0]
        low[along], high[along] = centre[along] - along_half, centre[along] + along_half
        low[across], high[across] = centre[across] - across_half, centre[across] + across_half
        return Box((low[0], low[1], low[2]), (high[0], high[1], high[2]))


_ORIGIN: Vec = (0.0, 0.0, 0.0)


def _bench(where: Where, prop: dict[str, Any], name: str) -> PlacedProp:
    anchor = where.first.get(prop["at"], _ORIGIN)
    centre = where.shifted(anchor, float(prop.get("offset", 0)))
    height, half = float(prop.get("height", 45)), float(prop.get("length", 50)) / 2
    top = where.box(centre, half, BENCH_DEPTH / 2, max(0.0, height - BENCH_TOP), height)
    legs = []
    for along in (-1, 1):
        for across in (-1, 1):
            foot = list(centre)
            foot[where.along()] += along * (half - BENCH_LEG)
            foot[where.across()] += across * (BENCH_DEPTH / 2 - BENCH_LEG)
            spot = (foot[0], foot[1], foot[2])
            legs.append(where.box(spot, BENCH_LEG / 2, BENCH_LEG / 2, 0.0, max(0.0, height - BENCH_TOP)))
    return PlacedProp("bench", name, box=top, parts=legs, solid=True)


def _wall(where: Where, prop: dict[str, Any], name: str) -> PlacedProp:
    anchor = where.first.get(prop["at"], _ORIGIN)
    height = float(prop.get("height", 230))  # a wall, or a chair back given its height
    box = where.box(where.shifted(anchor, float(prop.get("offset", 0))), 2, 25, 0, height)
    return PlacedProp("wall", name, box=box, solid=True)


def _slider(where: Where, prop: dict[str, Any], name: str) -> PlacedProp:
    return PlacedProp("slider", name, box=where.box(where.now.get(prop["at"], _ORIGIN), 9, 9, 0, SLIDER_HEIGHT))


def _pad(where: Where, prop: dict[str, Any], name: str) -> PlacedProp:
    at = prop["at"]
    follow = where.now.get(at, _ORIGIN)
    pelvis = where.now.get("pelvis", _ORIGIN)
    toward = 1.0 if pelvis[where.along()] > follow[where.along()] else -1.0
    shift = float(prop["offset"]) if "offset" in prop else toward * (point_radius(at) + 3.5)
    centre = where.shifted(follow, shift)
    return PlacedProp("pad", name, box=where.box(centre, 3.5, 8, centre[1] - 9, centre[1] + 9))


def _hands(where: Where, prop: dict[str, Any], name: str) -> PlacedProp:
    at = prop["at"]
    anchor = where.first.get(at, _ORIGIN)
    top = float(prop["height"]) if "height" in prop else anchor[1] - point_radius(at)
    box = where.box(where.shifted(anchor, float(prop.get("offset", 0))), 6, 6, top - 7, top)
    return PlacedProp("hands", name, box=box)


def _pulling(where: Where, prop: dict[str, Any], name: str) -> PlacedProp:
    anchor = where.first.get(prop["at"], _ORIGIN)
    start = where.shifted(anchor, float(prop.get("offset", 0)))
    start = (start[0], float(prop.get("height", 10)), start[2])
    # A cable machine's column stands under its pulley: a hand may hold it.
    column = where.box((start[0], 0.0, start[2]), 6, 6, 0, 190) if prop["type"] == "cable" else None
    return PlacedProp(prop["type"], name, box=column, line=(start, where.now.get(prop["at"], _ORIGIN)))


def _handle(where: Where, prop: dict[str, Any], name: str) -> PlacedProp:
    grip = where.first.get(prop["at"], _ORIGIN)
    return PlacedProp("handle", name, centre=grip, radius=3.0, line=(grip, (grip[0], 0.0, grip[2])))


def _kettlebell(where: Where, prop: dict[str, Any], name: str) -> PlacedProp:
    a_name, b_name = prop["between"][:2]
    a, b = where.now.get(a_name, _ORIGIN), where.now.get(b_name, _ORIGIN)
    grip = scale(add(a, b), 0.5)
    radius = float(prop.get("diameter", 21)) / 2
    centre = (grip[0], min(a[1], b[1]) - KETTLEBELL_HANDLE - radius, grip[2])
    return PlacedProp("kettlebell", name, centre=centre, radius=radius, line=(a, b))


def _dumbbell(where: Where, prop: dict[str, Any], name: str) -> PlacedProp:
    hand = where.now.get(prop["at"], _ORIGIN)
    return PlacedProp("dumbbell", name, centre=hand, radius=float(prop.get("diameter", 10)) / 2)


def _ball(where: Where, prop: dict[str, Any], name: str) -> PlacedProp:
    """Between two points of this position; squeezed when they are closer than its diameter."""
    a_name, b_name = prop["between"][:2]
    a, b = where.now.get(a_name, _ORIGIN), where.now.get(b_name, _ORIGIN)
    diameter = float(prop.get("diameter", 22))
    centre = scale(add(a, b), 0.5)
    gap = math.dist(a, b) - point_radius(a_name) - point_radius(b_name)
    sa, sb = project(where.camera, a), project(where.camera, b)
    dx, dy = sb[0] - sa[0], sb[1] - sa[1]
    norm = math.hypot(dx, dy)
    axis = (dx / norm, dy / norm) if norm > 1 else (1.0, 0.0)
    squeeze = min(1.0, max(0.6, gap / diameter))
    return PlacedProp("ball", name, centre=centre, radius=diameter / 2, squeeze=squeeze, axis=axis, flat=norm > 1)


BACKREST_HEIGHT = 105.0  # cm above the floor: a seated machine's backrest reaches the shoulder blades
BACK_GAP = 11.0  # cm from the pelvis's centre to the backrest: half the trunk's drawn thickness, and a little


def _machine(where: Where, prop: dict[str, Any], name: str) -> PlacedProp:
    """A seated machine's frame, behind the body as it sits facing forwards: the backrest (its box)
    from the seat up to ``height``, and the post and base it stands on (its parts)."""
    x, y, z = where.first.get(prop["at"], _ORIGIN)
    back = x - BACK_GAP
    seat = max(0.0, y - 12.0)
    top = float(prop.get("height", BACKREST_HEIGHT))
    backrest = Box((back - 6, seat, z - 24), (back, top, z + 24))
    post = Box((back - 5, 0.0, z - 4), (back - 1, seat, z + 4))
    base = Box((back - 8, 0.0, z - 26), (x + 38, 4.0, z + 26))
    return PlacedProp("machine", name, box=backrest, parts=[base, post])


PLACERS: dict[str, Callable[[Where, dict[str, Any], str], PlacedProp]] = {
    "bench": _bench,
    "ball": _ball,
    "band": _pulling,
    "cable": _pulling,
    "slider": _slider,
    "pad": _pad,
    "wall": _wall,
    "hands": _hands,
    "kettlebell": _kettlebell,
    "dumbbell": _dumbbell,
    "handle": _handle,
    "machine": _machine,
}


def placed_prop(where: Where, prop: dict[str, Any]) -> PlacedProp:
    """One prop's shape in one position."""
    return PLACERS[prop["type"]](where, prop, prop.get("id", prop["type"]))
