"""The standard body drawn in one pose: tapering limbs, feet and hands with width, a head that
shows where the face looks, near and far limbs told apart and drawn in depth order, and the
working muscles marked where they lie, on top, so no limb in front cuts them.

Class names are short (``xf-`` + a letter) because a figure repeats them in every pose; the
stylesheet gives each its width and colour.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .body import HEAD_RADIUS, HIP_HALF, SHOULDER_HALF, SIDES, TRUNK_INNER_HIP, TRUNK_INNER_SHOULDER
from .screen import Screen, SvgShape, shape
from .vectors import Vec, add, lerp, scale, sub

# Segments drawn as strokes of their own width (the thigh wider than the shin: the limb tapers).
_LEG = (("xf-t", "hip", "knee"), ("xf-s", "knee", "ankle"))
_ARM = (("xf-u", "shoulder", "elbow"), ("xf-r", "elbow", "wrist"))
# Where each tinted region lies: (segment start, end, from, to along it, which way off its axis).
_REGION_PLACES: dict[str, tuple[str, str, float, float, str]] = {
    "inner-thigh": ("hip", "knee", 0.12, 0.8, "inner"),
    "front-thigh": ("hip", "knee", 0.15, 0.85, "front"),
    "back-thigh": ("hip", "knee", 0.15, 0.85, "back"),
    "buttock": ("hip", "knee", 0.0, 0.3, "back"),
    "front-hip": ("hip", "knee", 0.0, 0.3, "front"),
    "calf": ("knee", "ankle", 0.1, 0.6, "back"),
    "shoulder": ("shoulder", "elbow", 0.0, 0.3, "outer"),
    "upper-arm": ("shoulder", "elbow", 0.2, 0.85, "front"),
    "forearm": ("elbow", "wrist", 0.1, 0.8, "front"),
    "side-trunk": ("pelvis", "chest", 0.2, 0.75, "outer"),
}
_OFFSET = 0.45  # how far off the axis a region lies, as a share of the segment's half-width
_HALF = {"hip": 7.0, "knee": 5.0, "shoulder": 4.5, "elbow": 3.5, "pelvis": 9.0}


def _unit(v: Vec) -> Vec:
    length = math.sqrt(sum(c * c for c in v)) or 1.0
    return scale(v, 1.0 / length)


def _facing(pts: dict[str, Vec]) -> Vec:
    """The body's front: from the back of the head to the face."""
    return _unit(sub(pts["face"], pts["head"]))


def _way(pts: dict[str, Vec], side: str, way: str) -> Vec:
    other = "right" if side == "left" else "left"
    inward = _unit(sub(pts[f"{other}.hip"], pts[f"{side}.hip"]))
    return {
        "inner": inward,
        "outer": scale(inward, -1.0),
        "front": _facing(pts),
        "back": scale(_facing(pts), -1.0),
    }[way]


def seen_muscles(screen: Screen, pts: dict[str, Vec], sides: Sequence[str], regions: set[str]) -> set[tuple[str, str]]:
    """(region, side) pairs on the side of their limb the reader sees: a muscle on the back of the
    thigh is not drawn on a body seen from the front."""
    seen: set[tuple[str, str]] = set()
    for region in regions:
        start, _, _, _, way = _REGION_PLACES[region]
        for side in sides if region != "side-trunk" else sides[:1]:
            p = "" if start == "pelvis" else f"{side}."
            s = pts[p + start]
            if screen.depth(add(s, _way(pts, side, way))) - screen.depth(s) >= -0.7:
                seen.add((region, side))
    return seen


def muscle_shapes(
    screen: Screen, pts: dict[str, Vec], seen: set[tuple[str, str]], far: dict[str, set[str]]
) -> list[SvgShape]:
    """The working muscles: a striped band on the body where each tinted region lies."""
    near_chains: list[list[Vec]] = []
    far_chains: list[list[Vec]] = []
    for region, side in sorted(seen):
        start, end, a, b, way = _REGION_PLACES[region]
        p = "" if start == "pelvis" else f"{side}."
        s, e = pts[p + start], pts[p + end]
        off = scale(_way(pts, side, way), _HALF[start] * _OFFSET)
        chain = [add(lerp(s, e, a), off), add(lerp(s, e, b), off)]
        limb = "arm" if start in ("shoulder", "elbow") else "leg"
        (far_chains if side in far[limb] else near_chains).append(chain)
    out = []
    if far_chains:
        out.append(shape("path", "xf-m xf-far", d=screen.path(*far_chains)))
    if near_chains:
        out.append(shape("path", "xf-m", d=screen.path(*near_chains)))
    return out


def far_sides(screen: Screen, pts: dict[str, Vec]) -> dict[str, set[str]]:
    """Which legs and arms are on the far side of the body (behind it in the picture)."""
    centre = screen.depth(pts["pelvis"])
    return {
        limb: {side for side in SIDES if screen.depth(pts[f"{side}.{root}"]) < centre - 2}
        for limb, root in (("leg", "hip"), ("arm", "shoulder"))
    }


def _limbs(screen: Screen, pts: dict[str, Vec], sides: Sequence[str], far: bool) -> list[SvgShape]:
    tag = " xf-far" if far else ""
    out: list[SvgShape] = []
    legs = list(sides)
    if far and legs:  # half hidden and lighter: one even stroke from hip to ankle is enough
        chains = [[pts[f"{s}.{n}"] for n in ("hip", "knee", "ankle")] for s in legs]
        out.append(shape("path", "xf-s xf-far", d=screen.path(*chains)))
    for cls, a, b in _LEG if not far else ():
        chains = [[pts[f"{s}.{a}"], pts[f"{s}.{b}"]] for s in legs]
        if chains:
            out.append(shape("path", cls + tag, d=screen.path(*chains)))
    feet = [[pts[f"{s}.{n}"] for n in ("heel", "toe_in", "toe_out")] for s in legs]
    if feet:
        out.append(shape("path", "xf-f" + tag, d=screen.path(*feet, close=True)))
    return out


def _arms(screen: Screen, pts: dict[str, Vec], sides: Sequence[str], far: bool) -> list[SvgShape]:
    tag = " xf-far" if far else ""
    out: list[SvgShape] = []
    if far and sides:
        chains = [[pts[f"{s}.{n}"] for n in ("shoulder", "elbow", "wrist")] for s in sides]
        out.append(shape("path", "xf-r xf-far", d=screen.path(*chains)))
    for cls, a, b in _ARM if not far else ():
        chains = [[pts[f"{s}.{a}"], pts[f"{s}.{b}"]] for s in sides]
        if chains:
            out.append(shape("path", cls + tag, d=screen.path(*chains)))
    hands = [[pts[f"{s}.wrist"], pts[f"{s}.hand_in"], pts[f"{s}.hand_out"]] for s in sides]
    if hands:
        out.append(shape("path", "xf-h" + tag, d=screen.path(*hands, close=True)))
    return out


def _middle(screen: Screen, pts: dict[str, Vec]) -> list[SvgShape]:
    corners = [
        lerp(pts["chest"], pts["left.shoulder"], TRUNK_INNER_SHOULDER / SHOULDER_HALF),
        lerp(pts["chest"], pts["right.shoulder"], TRUNK_INNER_SHOULDER / SHOULDER_HALF),
        lerp(pts["pelvis"], pts["right.hip"], TRUNK_INNER_HIP / HIP_HALF),
        lerp(pts["pelvis"], pts["left.hip"], TRUNK_INNER_HIP / HIP_HALF),
    ]
    # The head and the face are dots: a path of one point drawn with a round cap as wide as the
    # head, so a moving head needs one animated value, not two. The trunk's thick rounded edge
    # reaches up to the head, so no neck is drawn.
    out = [
        shape("path", "xf-k", d=screen.path(corners, close=True)),
        shape("path", "xf-o", d=_dot(screen, pts["head"])),
    ]
    # The face: a mark on the front of the head, so the reader sees which way it looks (left out
    # of a still when the face is turned away, where the back of the head is all one sees; a
    # moving body keeps it, and the movement leaves it out if it is turned away all through).
    if screen.fixed or face_seen(screen, pts):
        out.append(shape("path", "xf-e", d=_dot(screen, pts["face"])))
    return out


def face_seen(screen: Screen, pts: dict[str, Vec]) -> bool:
    """The face is on the reader's side of the head, or side-on to the reader (a profile shows
    which way it looks). Turned further away than about 20 degrees past side-on, the dot would sit
    on the back of the head and read as an eye looking at the reader."""
    return screen.depth(pts["face"]) > screen.depth(pts["head"]) - HEAD_RADIUS * 0.3


def _dot(screen: Screen, v: Vec) -> str:
    return f"M{screen.pt(v)}l0 0"


def body_shapes(
    screen: Screen,
    pts: dict[str, Vec],
    working: Sequence[str],
    regions: set[str],
    far: dict[str, set[str]] | None = None,
    seen: set[tuple[str, str]] | None = None,
) -> list[SvgShape]:
    """The body in depth order: far limbs with their muscles, trunk and head, near limbs, then the
    near limbs' muscles on top, so no limb in front cuts them.

    ``far`` and ``seen`` fix which limbs are far and which muscles show (a movement keeps one
    drawing order, so its poses have the same shapes); by default they are measured."""
    far = far if far is not None else far_sides(screen, pts)
    seen = seen if seen is not None else seen_muscles(screen, pts, working, regions)
    far_legs, far_arms = sorted(far["leg"]), sorted(far["arm"])
    near_legs = [s for s in SIDES if s not in far["leg"]]
    near_arms = [s for s in SIDES if s not in far["arm"]]
    muscles = muscle_shapes(screen, pts, seen, far)
    behind = [m for m in muscles if "xf-far" in m.cls]  # a far limb's muscle: the body may hide it
    return (
        _limbs(screen, pts, far_legs, True)
        + _arms(screen, pts, far_arms, True)
        + behind
        + _middle(screen, pts)
        + _limbs(screen, pts, near_legs, False)
        + _arms(screen, pts, near_arms, False)
        + [m for m in muscles if m not in behind]
    )
