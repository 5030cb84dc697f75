"""Would the body stand as drawn? Its centre of mass against its base of support.

Segment masses and the place of each segment's centre of mass along it are Winter's (Biomechanics
and Motor Control of Human Movement, 4th ed., 2009, doi:10.1002/9780470549148, table 4.1): hand
0.006 of body mass at 0.506 of its length from the wrist, forearm 0.016 at 0.430, upper arm 0.028
at 0.436, foot 0.0145 at 0.50, leg (shank) 0.0465 at 0.433, thigh 0.100 at 0.433, head and neck
0.081, trunk 0.497 at 0.50.
"""

from __future__ import annotations

import math

from .vectors import Vec, convex_hull, lerp

# (mass fraction, from point, to point, share of the way from the first to the second)
_SEGMENTS = [
    (0.081, "head", "head", 0.0),
    (0.497, "pelvis", "chest", 0.5),
] + [
    (mass, f"{side}.{a}", f"{side}.{b}", at)
    for side in ("left", "right")
    for mass, a, b, at in (
        (0.006, "wrist", "hand", 0.506),
        (0.016, "elbow", "wrist", 0.430),
        (0.028, "shoulder", "elbow", 0.436),
        (0.0145, "heel", "toe", 0.5),
        (0.0465, "knee", "ankle", 0.433),
        (0.100, "hip", "knee", 0.433),
    )
]
MARGIN = 8.0  # cm beyond the outline of the resting points before the body tips


def centre_of_mass(points: dict[str, Vec]) -> Vec:
    total = [0.0, 0.0, 0.0]
    for mass, a, b, at in _SEGMENTS:
        c = lerp(points[a], points[b], at)
        for i in range(3):
            total[i] += mass * c[i]
    return (total[0], total[1], total[2])


def _segment_distance(
    p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]
) -> tuple[float, tuple[float, float]]:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length))
    q = (a[0] + t * dx, a[1] + t * dy)
    return math.dist(p, q), q


def outside_base(com: Vec, support: list[Vec]) -> tuple[float, tuple[float, float]]:
    """How far (cm) the centre of mass lies outside the outline of the resting points, seen from
    above, and the horizontal direction (x, z) from that outline to it; (0, ...) inside."""
    p = (com[0], com[2])
    hull = convex_hull([(s[0], s[2]) for s in support])
    if len(hull) >= 3:
        inside = all(
            (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) >= 0
            for a, b in zip(hull, hull[1:] + hull[:1], strict=True)
        )
        if inside:
            return 0.0, (0.0, 0.0)
    edges = list(zip(hull, hull[1:] + hull[:1], strict=True)) if len(hull) > 1 else [(hull[0], hull[0])]
    distance, nearest = min((_segment_distance(p, a, b) for a, b in edges), key=lambda d: d[0])
    return distance, (p[0] - nearest[0], p[1] - nearest[1])
