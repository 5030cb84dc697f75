"""SVG geometry of a placed figure: panels of shapes, in drawing order, plus the words for it.

Nothing here knows HTML: ``templates/figure.html`` writes the shapes out. Coordinates are
centimetres of the standard body, rounded to one decimal (integers in the compact still).
Colours and stroke widths live in the stylesheet, keyed by the short ``xf-`` classes.
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass, field
from typing import Any

from .body import HEAD_RADIUS, HIP_HALF, SHOULDER_HALF, SIDES, TRUNK_INNER_HIP, TRUNK_INNER_SHOULDER
from .pathdata import is_simple, relative_path
from .placing import Figure, Placed, PlacedProp, pose_figure, project
from .timing import cycle_seconds
from .vectors import Vec, lerp
from .words import describe

# Panel shapes the stylesheet knows (width / height), so the animated figure can be cropped to
# one panel without an inline style.
RATIOS = {"r75": 0.75, "r100": 1.0, "r133": 4 / 3, "r178": 16 / 9, "r250": 2.5}
CYCLES = (4, 5, 6, 8, 10)
PAD = 8.0
LABEL_SPACE = 14.0


@dataclass
class SvgShape:
    tag: str
    cls: str
    attrs: list[tuple[str, str]]


@dataclass
class Panel:
    key: str
    label: str
    dx: float
    shapes: list[SvgShape] = field(default_factory=list)


@dataclass
class Drawing:
    width: float
    height: float
    panels: list[Panel]
    ratio: str
    cycle: int
    title: str
    description: str

    @property
    def view_box(self) -> str:
        return f"0 0 {num(self.width * len(self.panels))} {num(self.height)}"


def num(value: float, digits: int = 1) -> str:
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{value:.0f}"
    return "0" if text in ("-0", "") else text


class _Frame:
    """Screen coordinates of one panel: the content box moved to the panel's origin."""

    def __init__(self, view: str, left: float, top: float, digits: int) -> None:
        self.view, self.left, self.top, self.digits = view, left, top, digits

    def xy(self, v: Vec) -> tuple[float, float]:
        x, y, _ = project(self.view, v)
        return x - self.left, y - self.top

    def pt(self, v: Vec) -> str:
        x, y = self.xy(v)
        return f"{num(x, self.digits)} {num(y, self.digits)}"

    def path(self, *chains: list[Vec], close: bool = False) -> str:
        parts = []
        for chain in chains:
            points: list[str] = []
            for v in chain:
                p = self.pt(v)
                if not points or points[-1] != p:
                    points.append(p)
            if len(points) == 1:  # seen end-on: a dot (round caps draw it)
                parts.append(f"M{points[0]}l0 0")
            else:
                parts.append("M" + "L".join(points) + ("Z" if close else ""))
        return "".join(parts)


def _depth(view: str, v: Vec) -> float:
    return project(view, v)[2]


def _prop_box_rect(frame: _Frame, prop: PlacedProp) -> tuple[float, float, float, float]:
    assert prop.box is not None
    lo, hi = prop.box.low, prop.box.high
    corners = [(x, y, z) for x in (lo[0], hi[0]) for y in (lo[1], hi[1]) for z in (lo[2], hi[2])]
    xs, ys = zip(*(frame.xy(c) for c in corners), strict=True)
    return min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)


def _rect(frame: _Frame, cls: str, x: float, y: float, w: float, h: float, rx: float = 0) -> SvgShape:
    d = frame.digits
    attrs = [("x", num(x, d)), ("y", num(y, d)), ("width", num(w, d)), ("height", num(h, d))]
    if rx:
        attrs.append(("rx", num(rx, d)))
    return SvgShape("rect", cls, attrs)


def _static_props(frame: _Frame, props: list[PlacedProp]) -> list[SvgShape]:
    shapes: list[SvgShape] = []
    for prop in props:
        if prop.type == "bench" and prop.box is not None:
            x, y, w, h = _prop_box_rect(frame, prop)
            _, floor = frame.xy((0.0, 0.0, 0.0))
            leg = min(6.0, w / 4)
            d = frame.digits
            legs = f"M{num(x + leg, d)} {num(y + h, d)}V{num(floor, d)}M{num(x + w - leg, d)} {num(y + h, d)}V{num(floor, d)}"
            shapes.append(SvgShape("path", "xf-bench-leg", [("d", legs)]))
            shapes.append(_rect(frame, "xf-p", x, y, w, h, rx=2))
        elif prop.type == "wall" and prop.box is not None:
            shapes.append(_rect(frame, "xf-p", *_prop_box_rect(frame, prop)))
        elif prop.type in ("band", "cable") and prop.line is not None:
            anchor = prop.line[0]
            x, y = frame.xy(anchor)
            _, floor = frame.xy((anchor[0], 0.0, anchor[2]))
            if prop.type == "cable":
                shapes.append(_rect(frame, "xf-p", x - 6, floor - 190, 12, 190, rx=2))
            else:
                shapes.append(_rect(frame, "xf-p", x - 3, y - 6, 6, floor - y + 6, rx=2))
        elif prop.type == "hands" and prop.box is not None:
            x, y, w, h = _prop_box_rect(frame, prop)
            cx, cy = x + w / 2, y + h
            d = frame.digits
            shapes.append(SvgShape("path", "xf-partner", [("d", f"M{num(cx, d)} {num(cy, d)}l12 30")]))
            shapes.append(_rect(frame, "xf-p", x, y, w, h, rx=3))
    return shapes


def _follow_props(frame: _Frame, props: list[PlacedProp]) -> list[SvgShape]:
    shapes: list[SvgShape] = []
    d = frame.digits
    for prop in props:
        if prop.type == "ball" and prop.centre is not None:
            x, y = frame.xy(prop.centre)
            squash = prop.squeeze if prop.flat else 1.0
            rx, ry = prop.radius * squash, prop.radius / math.sqrt(squash)
            angle = math.degrees(math.atan2(prop.axis[1], prop.axis[0]))
            attrs = [("cx", num(x, d)), ("cy", num(y, d)), ("rx", num(rx, d)), ("ry", num(ry, d))]
            if abs(angle) > 0.5 and abs(rx - ry) > 0.05:
                attrs.append(("transform", f"rotate({num(angle, 0)} {num(x, d)} {num(y, d)})"))
            shapes.append(SvgShape("ellipse", "xf-p xf-ball", attrs))
            if prop.squeeze < 0.97:  # pressed: two small arrows pointing in at the ball
                ax, ay = prop.axis
                reach = rx + 20
                marks = []
                for sign in (1, -1):
                    tip = (x + sign * ax * (rx + 7), y + sign * ay * (rx + 7))
                    tail = (x + sign * ax * reach, y + sign * ay * reach)
                    px, py = -ay * 3, ax * 3
                    back = (tip[0] + sign * ax * 3.5, tip[1] + sign * ay * 3.5)
                    marks.append(
                        f"M{num(tail[0], d)} {num(tail[1], d)}L{num(tip[0], d)} {num(tip[1], d)}"
                        f"M{num(back[0] + px, d)} {num(back[1] + py, d)}L{num(tip[0], d)} {num(tip[1], d)}L{num(back[0] - px, d)} {num(back[1] - py, d)}"
                    )
                shapes.append(SvgShape("path", "xf-a xf-press", [("d", "".join(marks))]))
        elif prop.type == "kettlebell" and prop.centre is not None and prop.line is not None:
            # The handle runs from the bell's shoulders up to the two hands that hold it.
            x, y = frame.xy(prop.centre)
            (ax, ay), (bx, by) = sorted((frame.xy(prop.line[0]), frame.xy(prop.line[1])))
            r, w = prop.radius, prop.radius * 0.6
            top = y - r * 0.75
            handle = f"M{num(x - w, d)} {num(top, d)}L{num(ax, d)} {num(ay, d)}L{num(bx, d)} {num(by, d)}L{num(x + w, d)} {num(top, d)}"
            shapes.append(SvgShape("path", "xf-kb", [("d", handle)]))
            shapes.append(SvgShape("circle", "xf-kb", [("cx", num(x, d)), ("cy", num(y, d)), ("r", num(r, d))]))
        elif prop.type in ("slider", "pad") and prop.box is not None:
            shapes.append(_rect(frame, "xf-p", *_prop_box_rect(frame, prop), rx=1 if prop.type == "slider" else 3))
    return shapes


def _band_lines(frame: _Frame, props: list[PlacedProp]) -> list[SvgShape]:
    return [
        SvgShape("path", "xf-band", [("d", frame.path([prop.line[0], prop.line[1]]))])
        for prop in props
        if prop.type in ("band", "cable") and prop.line is not None
    ]


def _muscle_shapes(frame: _Frame, pts: dict[str, Vec], side: str, regions: set[str]) -> list[SvgShape]:
    p = f"{side}."
    chains: list[list[Vec]] = []
    if regions & {"inner-thigh", "front-thigh", "back-thigh"}:
        chains.append([lerp(pts[p + "hip"], pts[p + "knee"], 0.12), lerp(pts[p + "hip"], pts[p + "knee"], 0.8)])
    elif regions & {"buttock", "front-hip"}:
        chains.append([pts[p + "hip"], lerp(pts[p + "hip"], pts[p + "knee"], 0.35)])
    return [SvgShape("path", "xf-m", [("d", frame.path(*chains))])] if chains else []


def _body_shapes(
    frame: _Frame, figure: Figure, pos: Placed, regions: set[str]
) -> tuple[list[SvgShape], list[SvgShape], list[SvgShape]]:
    """(far limbs, trunk and head, near limbs), each limb with its muscle tint."""
    pts, view = pos.points, figure.view
    centre = _depth(view, pts["pelvis"])
    working = SIDES if figure.working == "both" else (figure.working,)
    far: list[SvgShape] = []
    near: list[SvgShape] = []
    for side in SIDES:
        p = f"{side}."
        for root, parts, cls in (
            ("hip", ("hip", "knee", "ankle"), "xf-leg"),
            ("heel", ("heel", "toe"), "xf-foot"),
            ("shoulder", ("shoulder", "elbow", "wrist", "hand"), "xf-arm"),
        ):
            is_far = _depth(view, pts[p + ("hip" if root == "heel" else root)]) < centre - 2
            target = far if is_far else near
            shape = SvgShape(
                "path", cls + (" xf-far" if is_far else ""), [("d", frame.path([pts[p + n] for n in parts]))]
            )
            target.append(shape)
            if root == "hip" and side in working:
                target += _muscle_shapes(frame, pts, side, regions)
    corners = [
        lerp(pts["chest"], pts["left.shoulder"], TRUNK_INNER_SHOULDER / SHOULDER_HALF),
        lerp(pts["chest"], pts["right.shoulder"], TRUNK_INNER_SHOULDER / SHOULDER_HALF),
        lerp(pts["pelvis"], pts["right.hip"], TRUNK_INNER_HIP / HIP_HALF),
        lerp(pts["pelvis"], pts["left.hip"], TRUNK_INNER_HIP / HIP_HALF),
    ]
    middle = [SvgShape("path", "xf-trunk", [("d", frame.path(corners, close=True))])]
    if "side-trunk" in regions:
        middle.append(
            SvgShape(
                "path",
                "xf-m",
                [("d", frame.path([lerp(pts["pelvis"], pts["chest"], 0.2), lerp(pts["pelvis"], pts["chest"], 0.75)]))],
            )
        )
    middle.append(SvgShape("path", "xf-neck", [("d", frame.path([pts["chest"], pts["neck_top"]]))]))
    hx, hy = frame.xy(pts["head"])
    d = frame.digits
    middle.append(SvgShape("circle", "xf-head", [("cx", num(hx, d)), ("cy", num(hy, d)), ("r", num(HEAD_RADIUS, d))]))
    # Arms drawn over the trunk when near, under it when far: move near arms after the legs.
    return far, middle, near


def _arrow(frame: _Frame, a: Vec, b: Vec) -> list[SvgShape]:
    """A curved arrow from where a point starts to where it goes."""
    (x1, y1), (x2, y2) = frame.xy(a), frame.xy(b)
    dx, dy = x2 - x1, y2 - y1
    dist = math.hypot(dx, dy)
    ux, uy = dx / dist, dy / dist
    if dist < 30:  # a short move: a straight arrow leading away from the point, clear of the body
        return _arrow_line((x1 + ux * 12, y1 + uy * 12), (x1 + ux * 32, y1 + uy * 32))
    x1, y1, x2, y2 = x1 + ux * 6, y1 + uy * 6, x2 - ux * 6, y2 - uy * 6
    bend = 0.25 * dist
    cx, cy = (x1 + x2) / 2 + uy * bend, (y1 + y2) / 2 - ux * bend
    # the head points along the curve's last tangent
    tx, ty = x2 - cx, y2 - cy
    tl = math.hypot(tx, ty) or 1.0
    tx, ty = tx / tl, ty / tl
    size = 5.0
    left = (x2 - tx * size - ty * size * 0.6, y2 - ty * size + tx * size * 0.6)
    right = (x2 - tx * size + ty * size * 0.6, y2 - ty * size - tx * size * 0.6)
    n = num
    d = f"M{n(x1)} {n(y1)}Q{n(cx)} {n(cy)} {n(x2)} {n(y2)}M{n(left[0])} {n(left[1])}L{n(x2)} {n(y2)}L{n(right[0])} {n(right[1])}"
    return [SvgShape("path", "xf-a", [("d", d)])]


def _press_marks(frame: _Frame, figure: Figure, pos: Placed) -> list[SvgShape]:
    """Nothing moves (an isometric hold): a short arrow presses each point into its pad."""
    shapes: list[SvgShape] = []
    for point, on in pos.contacts[1:]:
        prop = next((p for p in pos.props if p.name == on and p.type == "pad" and p.box is not None), None)
        if prop is None or prop.box is None:
            continue
        centre = tuple((a + b) / 2 for a, b in zip(prop.box.low, prop.box.high, strict=True))
        (px, py), (cx, cy) = frame.xy(pos.points[point]), frame.xy(centre)  # type: ignore[arg-type]
        ux, uy = cx - px, cy - py
        norm = math.hypot(ux, uy) or 1.0
        ux, uy = ux / norm, uy / norm
        tip = (px - ux * 8, py - uy * 8)
        tail = (tip[0] - ux * 14, tip[1] - uy * 14)
        shapes += _arrow_line(tail, tip)
    return shapes


def _arrow_line(tail: tuple[float, float], tip: tuple[float, float]) -> list[SvgShape]:
    dx, dy = tip[0] - tail[0], tip[1] - tail[1]
    norm = math.hypot(dx, dy) or 1.0
    ux, uy = dx / norm, dy / norm
    back = (tip[0] - ux * 4, tip[1] - uy * 4)
    n = num
    d = (
        f"M{n(tail[0])} {n(tail[1])}L{n(tip[0])} {n(tip[1])}"
        f"M{n(back[0] - uy * 3)} {n(back[1] + ux * 3)}L{n(tip[0])} {n(tip[1])}L{n(back[0] + uy * 3)} {n(back[1] - ux * 3)}"
    )
    return [SvgShape("path", "xf-a", [("d", d)])]


_MOVERS = ("left.knee", "right.knee", "left.ankle", "right.ankle", "pelvis", "left.hand", "right.hand", "head")


def mover(figure: Figure) -> tuple[str, float]:
    """The body point that moves most between the first two positions in the picture, and how far.

    Measured in the view's plane: a move towards or away from the viewer draws no arrow (a body
    pinned by a foot that swings forward moves back as a whole, which a front view cannot show)."""
    if len(figure.positions) < 2:
        return "", 0.0
    a, b = figure.positions[0].points, figure.positions[1].points

    moved = {n: math.dist(project(figure.view, a[n])[:2], project(figure.view, b[n])[:2]) for n in _MOVERS}
    most = max(moved.values())
    best = next(n for n in _MOVERS if moved[n] >= 0.8 * most)
    return best, moved[best]


def _bounds(figure: Figure) -> tuple[float, float, float, float]:
    xs: list[float] = []
    ys: list[float] = []
    frame = _Frame(figure.view, 0, 0, 1)
    for pos in figure.positions:
        for name, v in pos.points.items():
            x, y = frame.xy(v)
            r = HEAD_RADIUS if name == "head" else 8.0
            xs += [x - r, x + r]
            ys += [y - r, y + r]
        for prop in pos.props:
            if prop.box is not None and prop.type != "wall":
                x, y, w, h = _prop_box_rect(frame, prop)
                xs += [x, x + w]
                ys += [y, y + h]
            if prop.centre is not None:
                x, y = frame.xy(prop.centre)
                xs += [x - prop.radius, x + prop.radius]
                ys += [y - prop.radius, y + prop.radius]
            if prop.line is not None:
                x, y = frame.xy(prop.line[0])
                xs += [x - 8, x + 8]
                ys += [y - 8, y]
        if figure.view != "top":
            ys.append(0.0)
    return min(xs), min(ys), max(xs), max(ys)


def _fit(figure: Figure, label_space: float) -> tuple[float, float, float, float, str]:
    """(left, top, width, height, ratio class): the content box grown to one of the known ratios."""
    x0, y0, x1, y1 = _bounds(figure)
    x0, x1 = x0 - PAD, x1 + PAD
    y0, y1 = y0 - PAD - label_space, y1 + PAD
    width, height = x1 - x0, y1 - y0
    ratio = min(RATIOS, key=lambda r: abs(math.log(RATIOS[r] / (width / height))))
    target = RATIOS[ratio]
    if width / height < target:
        grow = height * target - width
        x0, width = x0 - grow / 2, width + grow
    else:
        grow = width / target - height
        y0, height = y0 - grow, height + grow  # extra space above, so the floor stays at the bottom
    return x0, y0, width, height, ratio


def cycle_class(seconds: float) -> int:
    """The stylesheet's nearest cycle (in whole seconds) that fits one pass through the movement."""
    return min((c for c in CYCLES if c >= seconds), default=CYCLES[-1])


def _panel(figure: Figure, pos: Placed, frame: _Frame, regions: set[str], still: bool) -> list[SvgShape]:
    del still
    shapes: list[SvgShape] = []
    if figure.view != "top":
        _, fy = frame.xy((0.0, 0.0, 0.0))
        shapes.append(SvgShape("path", "xf-g", [("d", f"M0 {num(fy, frame.digits)}H{{W}}")]))
    shapes += _static_props(frame, pos.props)
    far, middle, near = _body_shapes(frame, figure, pos, regions)
    follow = _follow_props(frame, pos.props)
    marks = [s for s in follow if "xf-press" in s.cls]
    follow = [s for s in follow if "xf-press" not in s.cls]
    shapes += far + middle + follow + near + _band_lines(frame, pos.props) + marks
    return shapes


def figure_drawing(data: dict[str, Any], name: str, regions: set[str]) -> Drawing:
    """The full figure: one panel per key position, side by side; ``regions`` are tinted."""
    figure = pose_figure(data)
    left, top, width, height, ratio = _fit(figure, LABEL_SPACE)
    frame = _Frame(figure.view, left, top, 1)
    panels: list[Panel] = []
    moving, distance = mover(figure)
    for index, pos in enumerate(figure.positions):
        panel = Panel(pos.key, pos.key.capitalize(), index * width)
        panel.shapes = _finish(_panel(figure, pos, frame, regions, still=False), width)
        if index == 0 and distance >= 6:
            panel.shapes += _arrow(frame, pos.points[moving], figure.positions[1].points[moving])
        if index > 0 and distance < 6:
            panel.shapes += _press_marks(frame, figure, pos)
        panels.append(panel)
    return Drawing(
        width, height, panels, ratio, cycle_class(cycle_seconds(data)), f"How to do it: {name}", describe(figure, name)
    )


def still_drawing(data: dict[str, Any], regions: set[str]) -> Drawing:
    """The key position alone, in whole centimetres: the compact card's small picture."""
    figure = copy.copy(pose_figure(data))
    keyed = [p for p in figure.positions if p.key == figure.key] or figure.positions[-1:]
    figure.positions = keyed
    left, top, width, height, ratio = _fit(figure, 0)
    frame = _Frame(figure.view, left, top, 0)
    panel = Panel(keyed[0].key, keyed[0].key.capitalize(), 0)
    shapes = _panel(figure, keyed[0], frame, regions, still=True)
    # Small and many to a page: no floor line, bench legs, neck or arrows, which add bytes and little
    # at this size, and no far limb hidden exactly behind a near one.
    small = ("xf-g", "xf-bench-leg", "xf-partner", "xf-neck")
    shapes = [s for s in shapes if s.cls not in small and s.cls.split()[0] != "xf-a"]
    panel.shapes = _compact(_finish(_unhidden(shapes), width, 0))
    return Drawing(width, height, [panel], ratio, 0, "", "")


def _compact(shapes: list[SvgShape]) -> list[SvgShape]:
    """The still's shapes in fewer bytes: rectangles as paths, relative path data, and the muscle
    tints as one path drawn where the last of them was."""
    tints = [dict(s.attrs)["d"] for s in shapes if s.cls == "xf-m"]
    last = max((i for i, s in enumerate(shapes) if s.cls == "xf-m"), default=-1)
    out: list[SvgShape] = []
    for index, shape in enumerate(shapes):
        if shape.cls == "xf-m":
            if index == last:
                out.append(SvgShape("path", "xf-m", [("d", relative_path("".join(tints)))]))
            continue
        attrs = dict(shape.attrs)
        if shape.tag == "rect":
            x, y, w, h = (int(attrs[k]) for k in ("x", "y", "width", "height"))
            shape = SvgShape("path", shape.cls, [("d", f"M{x} {y}h{w}v{h}h{-w}Z")])
        elif shape.tag == "path" and is_simple(attrs["d"]):
            shape = SvgShape("path", shape.cls, [("d", relative_path(attrs["d"]))])
        out.append(shape)
    return out


def _unhidden(shapes: list[SvgShape]) -> list[SvgShape]:
    """Drop a shape that a later one draws again exactly (a far limb behind its twin, say)."""

    def key(shape: SvgShape) -> tuple[str, str, tuple[tuple[str, str], ...]]:
        return shape.tag, shape.cls.replace(" xf-far", ""), tuple(shape.attrs)

    later: set[tuple[str, str, tuple[tuple[str, str], ...]]] = set()
    kept: list[SvgShape] = []
    for shape in reversed(shapes):
        if key(shape) not in later:
            kept.append(shape)
            later.add(key(shape))
    return kept[::-1]


_MERGEABLE = ("xf-leg", "xf-foot", "xf-arm", "xf-leg xf-far", "xf-foot xf-far", "xf-arm xf-far")


def _finish(shapes: list[SvgShape], width: float, digits: int = 1) -> list[SvgShape]:
    """Fill in the floor's length once the panel width is known, and draw same-looking limbs as one
    path (fewer bytes; near and far limbs stay apart, so what is in front stays in front)."""
    merged: list[SvgShape] = []
    first: dict[str, SvgShape] = {}
    for shape in shapes:
        shape.attrs = [(k, v.replace("{W}", num(width, digits))) for k, v in shape.attrs]
        if shape.tag == "path" and shape.cls in _MERGEABLE and shape.cls in first:
            target = first[shape.cls]
            target.attrs = [(k, v + dict(shape.attrs)["d"] if k == "d" else v) for k, v in target.attrs]
            continue
        if shape.tag == "path" and shape.cls in _MERGEABLE:
            first[shape.cls] = shape
        merged.append(shape)
    return merged
