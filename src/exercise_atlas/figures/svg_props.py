"""Each prop drawn as a reader knows it: a bench as a box on legs, a machine's column and cable,
a partner's hands and forearms, a wall or chair back, a kettlebell held by its handle.

``DRAWERS`` has one function per prop type of :mod:`.catalogue` (a test keeps them equal). Static
props are drawn behind the body; following props (a ball, a slider, a kettlebell) move with it.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from .catalogue import PROPS
from .props import Box, PlacedProp
from .screen import Screen, SvgShape, shape
from .vectors import Vec, convex_hull

STATIC = tuple(name for name, kind in PROPS.items() if not kind.follows)  # drawn once, behind the body


def box_outline(screen: Screen, box: Box) -> str:
    outline = convex_hull([screen.xy(c) for c in box.corners()])
    if screen.fixed:  # a moving prop: each corner as a move from the one before, fewer bytes per pose
        return screen.path(outline_points(screen, box, outline), close=True)
    return "M" + "L".join(f"{screen.n(x)} {screen.n(y)}" for x, y in outline) + "Z"


def outline_points(screen: Screen, box: Box, outline: list[tuple[float, float]]) -> list[Vec]:
    """The box's corners in the order of its screen outline (for a path written relative)."""
    corners = {screen.xy(c): c for c in box.corners()}
    return [corners[xy] for xy in outline]


def _bench(screen: Screen, prop: PlacedProp) -> list[SvgShape]:
    assert prop.box is not None
    legs = [box_outline(screen, leg) for leg in prop.parts or []]
    return [shape("path", "xf-p xf-pl", d="".join(legs)), shape("path", "xf-p", d=box_outline(screen, prop.box))]


def _wall(screen: Screen, prop: PlacedProp) -> list[SvgShape]:
    assert prop.box is not None
    return [shape("path", "xf-p", d=box_outline(screen, prop.box))]


def _floor_under(v: Vec) -> Vec:
    return (v[0], 0.0, v[2])


def _pulling(screen: Screen, prop: PlacedProp) -> list[SvgShape]:
    """A band's anchor post, or a cable machine's column with its pulley."""
    assert prop.line is not None
    anchor = prop.line[0]
    x, y = screen.xy(anchor)
    _, floor = screen.xy(_floor_under(anchor))
    n = screen.n
    if prop.type == "cable" and prop.box is not None:
        return [
            shape("path", "xf-p", d=box_outline(screen, prop.box)),
            shape("circle", "xf-q", cx=n(x), cy=n(y), r="4"),
        ]
    return [shape("path", "xf-p", d=f"M{n(x - 3)} {n(floor)}V{n(y - 6)}h6V{n(floor)}Z")]


def _hands(screen: Screen, prop: PlacedProp) -> list[SvgShape]:
    """A kneeling partner's two hands holding the point, and the forearms they come on."""
    assert prop.box is not None
    lo, hi = prop.box.low, prop.box.high
    centre = ((lo[0] + hi[0]) / 2, hi[1], (lo[2] + hi[2]) / 2)
    cx, cy = screen.xy(centre)
    n = screen.n
    forearms = f"M{n(cx - 5)} {n(cy + 3)}l-6 26M{n(cx + 5)} {n(cy + 3)}l14 22"
    hands = f"M{n(cx - 9)} {n(cy)}h18v7h-18Z"
    return [shape("path", "xf-w", d=forearms), shape("path", "xf-pa", d=hands)]


def _handle(screen: Screen, prop: PlacedProp) -> list[SvgShape]:
    assert prop.centre is not None
    x, y = screen.xy(prop.centre)
    _, floor = screen.xy(_floor_under(prop.centre))
    n = screen.n
    return [
        shape("path", "xf-p", d=f"M{n(x - 2)} {n(floor)}V{n(y + 3)}h4V{n(floor)}Z"),
        shape("path", "xf-kb", d=f"M{n(x - 7)} {n(y)}h14"),
    ]


def _ball(screen: Screen, prop: PlacedProp) -> list[SvgShape]:
    assert prop.centre is not None
    x, y = screen.xy(prop.centre)
    squash = prop.squeeze if prop.flat else 1.0
    rx, ry = prop.radius * squash, prop.radius / math.sqrt(squash)
    angle = math.degrees(math.atan2(prop.axis[1], prop.axis[0])) if prop.flat else 0.0
    attrs = {"cx": screen.n(x), "cy": screen.n(y), "rx": screen.n(rx), "ry": screen.n(ry)}
    if abs(angle) > 1 and abs(abs(angle) - 180) > 1:
        attrs["transform"] = f"rotate({angle:.0f} {attrs['cx']} {attrs['cy']})"
    return [shape("ellipse", "xf-p xf-ball", **attrs)]


def _slider(screen: Screen, prop: PlacedProp) -> list[SvgShape]:
    assert prop.box is not None
    return [shape("path", "xf-p", d=box_outline(screen, prop.box))]


def _pad(screen: Screen, prop: PlacedProp) -> list[SvgShape]:
    assert prop.box is not None
    return [shape("path", "xf-p", d=box_outline(screen, prop.box))]


def _kettlebell(screen: Screen, prop: PlacedProp) -> list[SvgShape]:
    """The bell under the hands and the handle both hands hold."""
    assert prop.centre is not None and prop.line is not None
    x, y = screen.xy(prop.centre)
    (ax, ay), (bx, by) = screen.xy(prop.line[0]), screen.xy(prop.line[1])
    top = y - prop.radius
    n = screen.n
    handle = (
        f"M{n(x - 7)} {n(top + 2)}L{n(min(ax, bx) - 3)} {n(min(ay, by))}H{n(max(ax, bx) + 3)}L{n(x + 7)} {n(top + 2)}"
    )
    # The bell is a dot as wide as the bell, so a moving bell needs one animated value.
    bell = shape("path", "xf-bell", d=f"M{n(x)} {n(y)}l0 0", **{"stroke-width": n(2 * prop.radius)})
    return [shape("path", "xf-kb", d=handle), bell]


def _dumbbell(screen: Screen, prop: PlacedProp) -> list[SvgShape]:
    assert prop.centre is not None
    x, y = screen.xy(prop.centre)
    n = screen.n
    return [shape("path", "xf-db", d=f"M{n(x - 9)} {n(y)}h18M{n(x - 9)} {n(y - 5)}v10M{n(x + 9)} {n(y - 5)}v10")]


def _machine(screen: Screen, prop: PlacedProp) -> list[SvgShape]:
    """The frame (base and post) in the bench legs' shade, the backrest in the props' colour."""
    assert prop.box is not None
    frame = "".join(box_outline(screen, part) for part in prop.parts or [])
    return [shape("path", "xf-p xf-pl", d=frame), shape("path", "xf-p", d=box_outline(screen, prop.box))]


DRAWERS: dict[str, Callable[[Screen, PlacedProp], list[SvgShape]]] = {
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


def prop_shapes(screen: Screen, props: list[PlacedProp], static: bool) -> list[SvgShape]:
    """The static props (behind the body) or the following ones (drawn with it)."""
    out: list[SvgShape] = []
    for prop in props:
        if (prop.type in STATIC) == static:
            out += DRAWERS[prop.type](screen, prop)
    return out


def line_shapes(screen: Screen, props: list[PlacedProp]) -> list[SvgShape]:
    """A band's or a cable's line, from its anchor to the body point it pulls (over the body)."""
    return [
        shape("path", "xf-band", d=screen.path([prop.line[0], prop.line[1]]))
        for prop in props
        if prop.type in ("band", "cable") and prop.line is not None
    ]
