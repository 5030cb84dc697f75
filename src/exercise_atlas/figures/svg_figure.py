"""The figure as SVG: the key positions laid out as labelled panels, the movement as SMIL
animation of one body posed at every step, arrows for every part that moves, and the compact
card's still.

Nothing here knows HTML: ``templates/figure.html`` writes the shapes out. Coordinates are
centimetres of the standard body, rounded to one decimal in the panels and to whole centimetres in
the movement (it is drawn many times) and in the compact still. Colours and stroke widths live in
the stylesheet, keyed by the short ``xf-`` classes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any

from .body import HEAD_RADIUS, SIDES
from .camera import Camera
from .motion import Frame, timeline
from .pathdata import is_simple, relative_path
from .placing import Figure, Placed, pose_figure
from .screen import Screen, SvgShape, num, shape
from .svg_body import body_shapes, face_seen, far_sides, seen_muscles
from .svg_inset import MARGIN, SHARE, Inset, inset_body, inset_camera, inset_screen, place_inset
from .svg_props import line_shapes, prop_shapes
from .timing import beats
from .vectors import Vec
from .words import describe

# Panel shapes the stylesheet knows (width / height), so the moving figure can be cropped to one
# panel without an inline style.
RATIOS = {"r75": 0.75, "r100": 1.0, "r133": 4 / 3, "r178": 16 / 9, "r250": 2.5}
PAD = 8.0
LABEL_SPACE = 16.0
PHONE_WIDTH = 330.0  # px a figure is drawn across on a 390 px phone (measured: card padding)
LABEL_PX = 12.5  # the smallest label on that phone, px
MOVE_CM = 6.0  # a point moving less than this (cm) gets no arrow


@dataclass(frozen=True)
class Animation:
    attribute: str
    values: str


@dataclass(frozen=True)
class Moving:
    """A shape of the moving body: its first pose, and how each changing attribute runs."""

    shape: SvgShape
    animations: tuple[Animation, ...]


@dataclass
class Panel:
    key: str
    label: str
    dx: float
    dy: float
    shapes: list[SvgShape] = field(default_factory=list)


@dataclass
class Drawing:
    width: float  # one panel
    height: float
    panels: list[Panel]
    cols: int
    ratio: str
    title: str
    description: str
    label_size: float = 11.0
    scene: list[SvgShape] = field(default_factory=list)  # the moving figure's floor and props
    moving: list[Moving] = field(default_factory=list)
    seconds: float = 0.0
    key_times: str = ""
    inset: Inset | None = None  # a second, small view (svg_inset.py)
    inset_scene: list[SvgShape] = field(default_factory=list)
    inset_moving: list[Moving] = field(default_factory=list)
    inset_key_times: str = ""

    @property
    def duration(self) -> str:
        """One pass of the movement as SMIL writes it: '6.5s'."""
        return f"{num(self.seconds, 2)}s"

    @property
    def rows(self) -> int:
        return math.ceil(len(self.panels) / self.cols)

    @property
    def marked(self) -> bool:
        """Whether any working muscle is drawn (the caption's key says what the stripes mean)."""
        return any(s.cls.startswith("xf-m") for panel in self.panels for s in panel.shapes)

    @property
    def motion_scale(self) -> int:
        """The moving body fills a square grid of panels (two by two) by being drawn larger; in a
        row or a column of panels the stylesheet crops the picture to the first panel instead."""
        return self.cols if self.cols > 1 and self.rows == self.cols else 1

    @property
    def view_box(self) -> str:
        return f"0 0 {num(self.width * self.cols)} {num(self.height * self.rows)}"


def _bounds(figure: Figure, poses: list[Placed]) -> tuple[float, float, float, float]:
    xs: list[float] = []
    ys: list[float] = []
    screen = Screen(figure.camera, 0, 0)
    for pos in poses:
        seen = [screen.project(v) for v in pos.points.values()]
        xs += [min(p[0] for p in seen) - 8.0, max(p[0] for p in seen) + 8.0]
        ys += [min(p[1] for p in seen) - 8.0, max(p[1] for p in seen) + 8.0]
        hx, hy, _ = screen.project(pos.points["head"])
        xs += [hx - HEAD_RADIUS, hx + HEAD_RADIUS]
        ys += [hy - HEAD_RADIUS, hy + HEAD_RADIUS]
        for prop in pos.props:
            boxes = ([prop.box] if prop.box is not None and prop.type != "wall" else []) + (prop.parts or [])
            for box in boxes:
                for corner in box.corners():
                    x, y = screen.xy(corner)
                    xs.append(x)
                    ys.append(y)
            if prop.centre is not None:
                x, y = screen.xy(prop.centre)
                xs += [x - prop.radius, x + prop.radius]
                ys += [y - prop.radius, y + prop.radius]
            if prop.line is not None:
                x, y = screen.xy(prop.line[0])
                xs += [x - 8, x + 8]
                ys += [y - 8, y]
        if figure.view == "oblique":
            for corner in _floor_patch(poses):
                x, y = screen.xy(corner)
                xs.append(x)
                ys.append(y)
        elif figure.view != "top":
            for point in ("left.toe", "right.toe", "pelvis"):
                x, y = screen.xy((pos.points[point][0], 0.0, pos.points[point][2]))
                ys.append(y)
    return min(xs), min(ys), max(xs), max(ys)


def _fit(
    figure: Figure, poses: list[Placed], label_space: float, beside: float = 0.0
) -> tuple[float, float, float, float, str]:
    """(left, top, width, height, ratio class): the content box grown to one of the known ratios.
    ``beside`` is the width of a second, small view's picture as a share of its height: room is
    kept for it on the right, so it never covers the body."""
    x0, y0, x1, y1 = _bounds(figure, poses)
    if beside:
        x1 += beside * SHARE * (y1 - y0 + 2 * PAD + label_space) + MARGIN
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


def _columns(count: int, ratio: str) -> int:
    """Wide panels (a body lying down) stack one under another, so each stays big on a phone;
    upright ones stand two to a row (three or four make a two-by-two grid)."""
    if RATIOS[ratio] >= 4 / 3 or count > 4:
        return 1
    return min(count, 2)


def _floor_patch(poses: list[Placed]) -> list[Vec]:
    """The corners of the floor under every pose (and its props), 15 cm beyond them."""
    spots = [v for pose in poses for v in pose.points.values()]
    spots += [c for pose in poses for p in pose.props for b in [p.box, *(p.parts or [])] if b for c in b.corners()]
    xs, zs = [v[0] for v in spots], [v[2] for v in spots]
    x0, x1, z0, z1 = min(xs) - 15, max(xs) + 15, min(zs) - 15, max(zs) + 15
    return [(x0, 0.0, z0), (x0, 0.0, z1), (x1, 0.0, z1), (x1, 0.0, z0)]


def _floor(screen: Screen, width: float, poses: list[Placed]) -> list[SvgShape]:
    """The floor: a line seen from the side or front; seen at three-quarters, the patch of floor
    under the body, so a hand or a foot resting on it is seen to rest."""
    if screen.camera.view == "top":
        return []
    if screen.camera.view == "oblique":
        return [shape("path", "xf-fl", d=screen.path(_floor_patch(poses), close=True))]
    _, fy = screen.xy((0.0, 0.0, 0.0))
    return [shape("path", "xf-g", d=f"M0 {screen.n(fy)}H{screen.n(width)}")]


def _working(figure: Figure) -> tuple[str, ...]:
    return SIDES if figure.working == "both" else (figure.working,)


def _pose_shapes(screen: Screen, figure: Figure, pos: Placed, regions: set[str]) -> list[SvgShape]:
    return hidden_twins(_ordered(screen, figure, pos, _working(figure), regions, None))


def _ordered(
    screen: Screen,
    figure: Figure,
    pos: Placed,
    working: tuple[str, ...],
    regions: set[str],
    far: dict[str, set[str]] | None,
    seen: set[tuple[str, str]] | None = None,
) -> list[SvgShape]:
    """Following props go between the far limbs and the near ones; band lines and muscles on top."""
    body = body_shapes(screen, pos.points, working, regions, far, seen)
    muscles = [s for s in body if s.cls == "xf-m"]
    body = [s for s in body if s.cls != "xf-m"]
    split = next((i for i, s in enumerate(body) if s.cls == "xf-k"), 0)
    follow = prop_shapes(screen, pos.props, static=False)
    return body[:split] + follow + body[split:] + line_shapes(screen, pos.props) + muscles


# Points whose moves are drawn as arrows: each limb's end, measured from the joint it hangs from
# (so a limb carried along by the body is not counted), and the hips.
_LIMB_ENDS = {
    "left leg": (("left.ankle", "left.knee"), "left.hip", ("hip_flexion", "hip_abduction", "knee")),
    "right leg": (("right.ankle", "right.knee"), "right.hip", ("hip_flexion", "hip_abduction", "knee")),
    "left arm": (("left.hand",), "left.shoulder", ("shoulder_flexion", "shoulder_abduction", "elbow")),
    "right arm": (("right.hand",), "right.shoulder", ("shoulder_flexion", "shoulder_abduction", "elbow")),
}
LIMB_TURN = 10.0  # degrees a limb's joints must turn for it to count as moving


def moves(figure: Figure, a: Placed, b: Placed) -> list[tuple[str, float]]:
    """Every part that moves visibly from ``a`` to ``b`` in the picture: (its point, how far).

    A limb moves when its own joints turn; the hips when the body as a whole moves. A move
    towards or away from the reader draws no arrow."""
    screen = Screen(figure.camera, 0, 0)

    def shift(point: str, base: str | None) -> float:
        (x1, y1), (x2, y2) = screen.xy(a.points[point]), screen.xy(b.points[point])
        if base:
            (bx1, by1), (bx2, by2) = screen.xy(a.points[base]), screen.xy(b.points[base])
            x2, y2 = x2 - (bx2 - bx1), y2 - (by2 - by1)
        return math.hypot(x2 - x1, y2 - y1)

    found: list[tuple[str, float]] = []
    pinned = bool(a.contacts) and a.contacts[:1] == b.contacts[:1] and a.contacts[0][0] == "pelvis"
    hips = shift("pelvis", None)
    if hips >= MOVE_CM and not pinned:
        found.append(("pelvis", hips))
    for points, base, joints in _LIMB_ENDS.values():
        side = base.split(".")[0]
        turned = max(abs(getattr(a.sides[side], j) - getattr(b.sides[side], j)) for j in joints)
        if turned < LIMB_TURN:
            continue
        best = max(points, key=lambda p: shift(p, base))
        if shift(best, base) >= MOVE_CM and shift(best, None) >= MOVE_CM:
            found.append((best, shift(best, None)))
    # Arms that swing along with a moving body would bury the legs' arrows: they get arrows only
    # when they are what moves.
    legs = [m for m in found if not m[0].endswith("hand")]
    return legs or found


def mover(figure: Figure) -> tuple[str, float]:
    """The point that moves most in the picture between the first two positions, and how far."""
    if len(figure.positions) < 2:
        return "", 0.0
    found = moves(figure, figure.positions[0], figure.positions[1])
    return max(found, key=lambda m: m[1], default=("", 0.0))


def _arrow(screen: Screen, a: Vec, b: Vec, size: tuple[float, float]) -> str:
    """A curved arrow from where a point starts to where it goes: path data."""
    (x1, y1), (x2, y2) = screen.xy(a), screen.xy(b)
    dx, dy = x2 - x1, y2 - y1
    dist = math.hypot(dx, dy) or 1.0
    ux, uy = dx / dist, dy / dist
    n = screen.n
    if dist < 30:  # a short move: a straight arrow leading away from the point, clear of the body
        tip = (x1 + ux * 32, y1 + uy * 32)
        if not (0 <= tip[0] <= size[0] and 0 <= tip[1] <= size[1]):  # no room: lead up to the point
            return _arrow_line((x1 - ux * 32, y1 - uy * 32), (x1 - ux * 12, y1 - uy * 12))
        return _arrow_line((x1 + ux * 12, y1 + uy * 12), tip)
    x1, y1, x2, y2 = x1 + ux * 6, y1 + uy * 6, x2 - ux * 6, y2 - uy * 6
    bend = 0.25 * dist
    cx, cy = (x1 + x2) / 2 + uy * bend, (y1 + y2) / 2 - ux * bend
    tx, ty = x2 - cx, y2 - cy
    tl = math.hypot(tx, ty) or 1.0
    tx, ty = tx / tl, ty / tl
    head = 5.0
    left = (x2 - tx * head - ty * head * 0.6, y2 - ty * head + tx * head * 0.6)
    right = (x2 - tx * head + ty * head * 0.6, y2 - ty * head - tx * head * 0.6)
    return (
        f"M{n(x1)} {n(y1)}Q{n(cx)} {n(cy)} {n(x2)} {n(y2)}"
        f"M{n(left[0])} {n(left[1])}L{n(x2)} {n(y2)}L{n(right[0])} {n(right[1])}"
    )


def _arrow_line(tail: tuple[float, float], tip: tuple[float, float]) -> str:
    dx, dy = tip[0] - tail[0], tip[1] - tail[1]
    norm = math.hypot(dx, dy) or 1.0
    ux, uy = dx / norm, dy / norm
    back = (tip[0] - ux * 4, tip[1] - uy * 4)

    def n(value: float) -> str:  # whole units, as the body's: a tenth of a unit is not seen
        return num(value, 0)

    return (
        f"M{n(tail[0])} {n(tail[1])}L{n(tip[0])} {n(tip[1])}"
        f"M{n(back[0] - uy * 3)} {n(back[1] + ux * 3)}L{n(tip[0])} {n(tip[1])}L{n(back[0] + uy * 3)} {n(back[1] - ux * 3)}"
    )


def _arrows(screen: Screen, figure: Figure, a: Placed, b: Placed, size: tuple[float, float]) -> list[SvgShape]:
    """Arrows for every part that moves from ``a`` to ``b``; pressing arrows for a held squeeze."""
    found = moves(figure, a, b)
    if not found:
        return _press_marks(screen, b)
    d = "".join(_arrow(screen, a.points[p], b.points[p], size) for p, _ in found)
    return [shape("path", "xf-a", d=d)]


def _press_marks(screen: Screen, pos: Placed) -> list[SvgShape]:
    """Nothing moves (an isometric hold): a short arrow presses each point into its pad or ball."""
    parts: list[str] = []
    for point, on in pos.contacts[1:]:
        prop = next((p for p in pos.props if p.name == on and p.type in ("pad", "ball")), None)
        if prop is None:
            continue
        if prop.box is not None:
            centre: Vec = tuple((x + y) / 2 for x, y in zip(prop.box.low, prop.box.high, strict=True))  # type: ignore[assignment]
        elif prop.centre is not None:
            centre = prop.centre
        else:
            continue
        (px, py), (cx, cy) = screen.xy(pos.points[point]), screen.xy(centre)
        ux, uy = cx - px, cy - py
        norm = math.hypot(ux, uy) or 1.0
        ux, uy = ux / norm, uy / norm
        tip = (px - ux * 8, py - uy * 8)
        parts.append(_arrow_line((tip[0] - ux * 14, tip[1] - uy * 14), tip))
    return [shape("path", "xf-a", d="".join(parts))] if parts else []


def hidden_twins(shapes: list[SvgShape]) -> list[SvgShape]:
    """Leave out a far limb drawn exactly behind its near twin (a side view of both legs together)."""
    near = {s.cls: s.attrs for s in shapes if "xf-far" not in s.cls}
    return [s for s in shapes if not ("xf-far" in s.cls and near.get(s.cls.replace(" xf-far", "")) == s.attrs)]


def _key_times(frames: list[Frame], seconds: float) -> str:
    """When each pose is reached, as SMIL keyTimes; empty when the poses are evenly spaced, which is
    SMIL's own default (and saves the attribute on every moving shape)."""
    shares = [f.time / seconds for f in frames]
    steps = len(shares) - 1
    if steps and all(abs(share - index / steps) < 0.005 for index, share in enumerate(shares)):
        return ""
    return ";".join(num(share, 2) for share in shares)


def _moving(figure: Figure, frames: list[Frame], screen: Screen, regions: set[str]) -> list[Moving]:
    """The body and following props posed at every step, each shape with the attributes that
    change as SMIL values (one order of limbs for the whole movement, so the shapes match)."""
    far = far_sides(screen, frames[0].pose.points)
    seen = seen_muscles(screen, frames[0].pose.points, _working(figure), regions)
    drawn: dict[int, list[SvgShape]] = {}  # a held position is one pose at two times: drawn once
    for f in frames:
        if id(f.pose) not in drawn:
            drawn[id(f.pose)] = _ordered(screen, figure, f.pose, _working(figure), regions, far, seen)
    posed = [drawn[id(f.pose)] for f in frames]
    # The far limb's muscle stays in the still panels: moving, it is mostly behind the body, and
    # leaving it out keeps a two-legged figure within its bytes.
    posed = [[s for s in pose if s.cls != "xf-m xf-far"] for pose in posed]
    if not any(face_seen(screen, f.pose.points) for f in frames):  # seen from behind all through
        posed = [[s for s in pose if s.cls != "xf-e"] for pose in posed]
    twins = [len(hidden_twins(pose)) == len(pose) for pose in posed]
    if all(not kept for kept in twins):  # a far limb hidden behind its twin all the way through
        keep = {s.cls for s in hidden_twins(posed[0])}
        posed = [[s for s in pose if s.cls in keep] for pose in posed]
    return [animated(index, posed) for index in range(len(posed[0]))]


def figure_drawing(data: dict[str, Any], name: str, regions: set[str]) -> Drawing:
    """The full figure: a labelled panel per key position, and the movement through them."""
    figure = pose_figure(data)
    frames = timeline(figure, beats(data))
    camera = inset_camera(data)
    beside = 0.0
    if camera is not None:  # the second view's shape, to keep room for it beside the body
        _, _, inset_width, inset_height, _ = _fit(replace(figure, camera=camera), [f.pose for f in frames], 0.0)
        beside = inset_width / inset_height
    left, top, width, height, ratio = _fit(figure, [f.pose for f in frames], LABEL_SPACE, beside)
    cols = _columns(len(figure.positions), ratio)
    screen = Screen(figure.camera, left, top, digits=0)
    panels: list[Panel] = []
    count = len(figure.positions)
    for index, pos in enumerate(figure.positions):
        row, col = divmod(index, cols)
        panel = Panel(pos.key, pos.key.capitalize(), col * width, row * height)
        nxt = figure.positions[(index + 1) % count]
        # The last position's arrows show the way back, unless the movement starts afresh.
        returns = index < count - 1 or beats(data)[0].move > 0
        panel.shapes = _compact(
            _floor(screen, width, figure.positions)
            + prop_shapes(screen, pos.props, static=True)
            + _pose_shapes(screen, figure, pos, regions)
            + (_arrows(screen, figure, pos, nxt, (width, height)) if returns else [])
        )
        panels.append(panel)
    still = Screen(figure.camera, left, top, digits=0, fixed=True)
    seconds = frames[-1].time or 1.0
    words = describe(figure, name, returns=beats(data)[0].move > 0)
    art = Drawing(width, height, panels, cols, ratio, f"How to do it: {name}", words)
    art.label_size = round(max(11.0, LABEL_PX * width * cols / PHONE_WIDTH), 1)
    art.scene = _compact(
        _floor(still, width, figure.positions) + prop_shapes(still, figure.positions[0].props, static=True)
    )
    # A shape of the moving body that never changes is written as a still one: in fewer bytes.
    moving = [
        m if m.animations else Moving(_compact([m.shape])[0], ()) for m in _moving(figure, frames, still, regions)
    ]
    # A held squeeze whose positions look alike is shown by its panels and pressing arrows alone.
    art.moving = moving if any(m.animations for m in moving) else []
    art.seconds, art.key_times = seconds, _key_times(frames, seconds)
    if camera is not None:
        _add_inset(art, figure, frames, camera)
    return art


def _add_inset(art: Drawing, figure: Figure, frames: list[Frame], camera: Camera) -> None:
    """The second view: the same poses through another camera, small in each panel's corner and in
    the movement, at the main body's key times."""
    inset = place_inset(figure, camera, [f.pose for f in frames], (art.width, art.height), art.label_size, _fit)
    screen, still = inset_screen(inset), inset_screen(inset, fixed=True)
    far = far_sides(screen, figure.positions[0].points)["leg"]
    for pos in figure.positions:  # in the key position's panel only: the still shows the action there
        shapes = _inset_floor(screen, inset) + prop_shapes(screen, pos.props, static=True)
        shown = pos.key == figure.key
        inset.panels.append(_compact(shapes + inset_body(screen, pos.points, far)) if shown else [])
    art.inset = inset
    if art.moving:
        art.inset_scene = _inset_floor(still, inset)
        art.inset_scene += prop_shapes(still, figure.positions[0].props, static=True)
        keys = [f for f in frames if "-" not in f.pose.key]  # key positions only, at their times
        posed = [inset_body(still, f.pose.points, far) for f in keys]
        art.inset_moving = [animated(index, posed) for index in range(len(posed[0]))]
        art.inset_key_times = _key_times(keys, art.seconds)


def _inset_floor(screen: Screen, inset: Inset) -> list[SvgShape]:
    """The inset's floor: a line across it at floor level (seen from above, none), whatever its
    camera; a patch of floor would cost bytes the small view does not have."""
    if inset.camera.view == "top":
        return []
    _, y = screen.xy((0.0, 0.0, 0.0))
    left, right = inset.span
    return [shape("path", "xf-g", d=f"M{num(left, 0)} {num(y, 0)}H{num(right, 0)}")]


def animated(index: int, posed: list[list[SvgShape]]) -> Moving:
    """The ``index``-th shape of every pose as one moving shape: each attribute that changes, animated."""
    first = posed[0][index]
    animations = []
    for name, value in first.attrs:
        values = [pose[index].attr(name) for pose in posed]
        if any(v != value for v in values):
            animations.append(Animation(name, ";".join(values)))
    return Moving(first, tuple(animations))


def still_drawing(data: dict[str, Any], regions: set[str]) -> Drawing:
    """The key position alone, in whole centimetres: the compact card's small picture."""
    figure = pose_figure(data)
    keyed = [p for p in figure.positions if p.key == figure.key] or figure.positions[-1:]
    figure.positions = keyed
    left, top, width, height, ratio = _fit(figure, keyed, 0)
    screen = Screen(figure.camera, left, top, digits=0)
    shapes = prop_shapes(screen, keyed[0].props, static=True) + _pose_shapes(screen, figure, keyed[0], regions)
    # Small and many to a page: no bench legs, face or hands, which add bytes and little at this size.
    shapes = [s for s in shapes if s.cls not in ("xf-p xf-pl", "xf-e", "xf-h", "xf-h xf-far")]
    panel = Panel(keyed[0].key, keyed[0].key.capitalize(), 0, 0, _compact(shapes))
    return Drawing(width, height, [panel], 1, ratio, "", "")


def _compact(shapes: list[SvgShape]) -> list[SvgShape]:
    """The still's shapes in fewer bytes: relative path data where it is shorter."""
    out: list[SvgShape] = []
    for s in shapes:
        if s.tag == "path" and is_simple(s.attr("d")):
            s = SvgShape(s.tag, s.cls, tuple((k, relative_path(v) if k == "d" else v) for k, v in s.attrs))
        out.append(s)
    return out
