"""Checks a physiotherapist would make of a figure: every angle within its normal range, every
contact on its surface, nothing through the floor or a prop, the body balanced, two hands on one
handle, and a movement big enough to see. Each problem names the data path of the value at fault,
so the caller can give its line, and says what to change."""

from __future__ import annotations

import math
from typing import Any

from ..errors import did_you_mean
from .balance import MARGIN, centre_of_mass, outside_base
from .body import POINTS, point_radius, segments
from .camera import camera_for, project
from .catalogue import IN_PLANE, JOINTS, PROPS, body_joints, format_range
from .motion import turn_between
from .placing import Figure, Placed, find_prop, pose_figure, split_contact
from .props import HANDLE_WIDTH, Box, PlacedProp
from .vectors import Vec, lerp

CONTACT_TOLERANCE = 2.0  # cm between a resting point's skin and its surface
SLIDE_TOLERANCE = 4.0  # cm a resting point may move between positions
PASS_TOLERANCE = 2.5  # cm a segment may press into a surface (soft tissue) before it passes through
VISIBLE = 4.0  # cm the body must move in the picture between two positions to be seen moving
_SAMPLES = 8

Path = tuple[str | int, ...]
Issue = tuple[Path, str]


def figure_issues(data: dict[str, Any]) -> list[Issue]:
    """Every problem with one exercise's ``figure`` data (already valid against its schema)."""
    issues: list[Issue] = []
    positions = data["positions"]
    if len(positions) < 2:
        issues.append(
            (("positions",), f"expected at least two key positions (like 'start' and 'end'), got {len(positions)}")
        )
    if "key" in data and data["key"] not in positions:
        issues.append((("key",), f"no position named '{data['key']}'{did_you_mean(data['key'], positions)}"))
    issues += _angle_issues(camera_for(data).plane, positions)
    issues += _name_issues(data)
    if issues:
        return issues  # placing a body with unknown names or impossible angles explains nothing more
    figure = pose_figure(data)
    issues += figure.issues
    first = figure.positions[0]
    for index, p in enumerate(figure.positions):
        off = _contact_issues(figure, p)
        issues += off + _passing_issues(p) + _handle_issues(figure, p)
        if not off:  # with a contact off its surface, what holds the body up is not known
            issues += _balance_issues(figure, p)
        if p is not first:
            issues += _sliding_issues(figure, first, p)
            issues += _visible_issues(figure, figure.positions[index - 1], p)
    return issues


def _sliding_issues(figure: Figure, first: Placed, now: Placed) -> list[Issue]:
    """A point resting on the same fixed surface in the first position and this one stays put."""
    issues: list[Issue] = []
    before = dict(first.contacts)
    for index, (point, on) in enumerate(now.contacts):
        prop = find_prop(figure.props_data, on)
        if before.get(point) != on or on in POINTS or (prop is not None and PROPS[prop["type"]].follows):
            continue
        a, b = first.points[point], now.points[point]
        moved = math.hypot(a[0] - b[0], a[2] - b[2])
        if moved > SLIDE_TOLERANCE:
            issues.append(
                (
                    ("positions", now.key, "contacts", index),
                    f"{point} slides {moved:.0f} cm along the {on} since '{first.key}'; a resting point stays put (put it on a slider if it slides)",
                )
            )
    return issues


def _angle_issues(plane: str, positions: dict[str, Any]) -> list[Issue]:
    issues: list[Issue] = []
    for key, pos in positions.items():
        for joint in body_joints():
            if joint.name in pos:
                issues += range_issue(("positions", key, joint.name), joint.name, pos[joint.name])
        for group in ("both", "left", "right"):
            for name, value in (pos.get(group) or {}).items():
                issues += range_issue(("positions", key, group, name), IN_PLANE[plane].get(name, name), value)
    return issues


def range_issue(path: Path, name: str, value: float) -> list[Issue]:
    """An angle beyond its joint's normal range: which limit, and how else to reach the pose."""
    joint = JOINTS.get(name)
    if joint is None:  # the schema names every joint; an unknown one is its message, not a crash
        return [(path, f"unknown joint '{name}'{did_you_mean(name, list(JOINTS))}")]
    if joint.low <= value <= joint.high:
        return []
    limit = joint.high if value > joint.high else joint.low
    way = f"; to go further, {joint.other_way}" if joint.other_way else ""
    return [
        (
            path,
            f"{value:g} degrees is beyond the {'upper' if value > joint.high else 'lower'} limit of {limit:g} "
            f"({format_range(joint)}){way}",
        )
    ]


def _point_issue(path: Path, point: Any) -> list[Issue]:
    if point in POINTS:
        return []
    return [(path, f"unknown body point '{point}'{did_you_mean(point, POINTS)}")]


def _name_issues(data: dict[str, Any]) -> list[Issue]:
    issues: list[Issue] = []
    props = list(data.get("props") or [])
    surfaces = ["floor"] + [p.get("id", p["type"]) for p in props]
    for index, prop in enumerate(props):
        for name in PROPS[prop["type"]].needs:
            if name not in prop:
                issues.append((("props", index, name), f"a {prop['type']} needs '{name}'"))
        if "at" in prop:
            issues += _point_issue(("props", index, "at"), prop["at"])
        for j, point in enumerate(prop.get("between") or []):
            issues += _point_issue(("props", index, "between", j), point)
    for key, pos in data["positions"].items():
        for index, contact in enumerate(pos.get("contacts") or []):
            path: Path = ("positions", key, "contacts", index)
            point, on = split_contact(contact)
            issues += _point_issue(path, point)
            if on in POINTS and on != point:
                if index == 0:
                    issues.append(
                        (
                            path,
                            "the first contact places the body: it must rest on the floor or a prop, not on the body",
                        )
                    )
                continue  # resting on another part of the body (a head on an arm)
            if on not in surfaces and find_prop(props, on) is None:
                issues.append((path, f"unknown surface '{on}'{did_you_mean(on, surfaces)}; add it to 'props'"))
            elif index == 0 and on != "floor" and not PROPS[(find_prop(props, on) or {"type": "ball"})["type"]].pins:
                pins = ", ".join(name for name, p in PROPS.items() if p.pins)
                issues.append(
                    (
                        path,
                        f"the first contact places the body: it must rest on the floor or a {pins.replace(', ', ' or a ')}",
                    )
                )
    return issues


# A body part another rests on: the segment it lies along (an arm under the head).
_SEGMENT_OF = {
    "upper_arm": ("shoulder", "elbow"),
    "forearm": ("elbow", "wrist"),
    "thigh": ("hip", "knee"),
    "shin": ("knee", "ankle"),
}


def body_distance(points: dict[str, Vec], on: str, point: Vec) -> float:
    """From ``point`` to the skin of the body part ``on`` (a segment, or a point of the body)."""
    side, _, part = on.rpartition(".")
    if part in _SEGMENT_OF:
        a, b = (points[f"{side}.{end}"] for end in _SEGMENT_OF[part])
        ab = [y - x for x, y in zip(a, b, strict=True)]
        t = sum((p - x) * d for p, x, d in zip(point, a, ab, strict=True)) / (sum(d * d for d in ab) or 1.0)
        nearest = lerp(a, b, max(0.0, min(1.0, t)))
        return math.dist(point, nearest) - point_radius(on)
    return math.dist(point, points[on]) - point_radius(on)


def surface_distance(figure: Figure, on: str, point: Vec, props: list[PlacedProp]) -> tuple[float, PlacedProp | None]:
    if on == "floor":
        return point[1], None
    spec = find_prop(figure.props_data, on)
    index = figure.props_data.index(spec) if spec is not None else -1
    prop = props[index]
    if prop.type == "ball" and prop.centre is not None:
        return math.dist(point, prop.centre) - prop.radius, prop
    if prop.box is not None:
        return prop.box.distance(point), prop
    if prop.centre is not None:
        return math.dist(point, prop.centre) - prop.radius, prop
    if prop.line is not None:  # resting on a band: distance to its anchor line's end
        return math.dist(point, prop.line[1]), prop
    return 0.0, prop


def _off_words(point: Vec, off: float, on: str, prop: PlacedProp | None) -> str:
    """Which way a contact is off its surface (above, below or beside it), and what to change."""
    if prop is None:
        return f"{off:.0f} cm above the floor; lower it with an angle (or 'lift' for a moment in the air)"
    if prop.box is None:
        return f"{off:.0f} cm away from the {on}; bring it closer with an angle"
    nearest = [max(lo, min(c, hi)) for c, lo, hi in zip(point, prop.box.low, prop.box.high, strict=True)]
    up = point[1] - nearest[1]
    sideways = math.hypot(point[0] - nearest[0], point[2] - nearest[2])
    if up > sideways:
        return f"{off:.0f} cm above the {on} top; lower it with an angle, or raise the {on} ('height')"
    if -up > sideways:
        return f"{off:.0f} cm below the {on}; lift it with an angle, or lower the {on} ('height')"
    return f"{off:.0f} cm beside the {on}; move the {on} ('offset') or the point"


def _contact_issues(figure: Figure, pos: Placed) -> list[Issue]:
    issues: list[Issue] = []
    for index, (point, on) in enumerate(pos.contacts):
        if index == 0:
            continue  # the first contact places the body on its surface
        here = pos.points[point]
        path: Path = ("positions", pos.key, "contacts", index)
        if on in POINTS:  # resting on another part of the body
            off = body_distance(pos.points, on, here) - point_radius(point)
            if off > CONTACT_TOLERANCE:
                issues.append(
                    (
                        path,
                        f"{point} is {off:.0f} cm away from the {on.replace('.', ' ').replace('_', ' ')} it rests on; bring them together with an angle (the neck's 'neck_side' tilts the head)",
                    )
                )
            continue
        gap, prop = surface_distance(figure, on, here, pos.props)
        off = gap - point_radius(point)
        if prop is not None and prop.type == "ball":
            if off > CONTACT_TOLERANCE:
                issues.append((path, f"{point} is {off:.0f} cm away from the {on}; bring it {off:.0f} cm closer"))
            continue  # a ball may be squeezed
        if prop is not None and PROPS[prop.type].holds and off <= CONTACT_TOLERANCE:
            continue  # a hand grips a handle, a column or a wall: on it or round it
        if off > CONTACT_TOLERANCE:
            issues.append((path, f"{point} is {_off_words(here, off, on, prop)}"))
        elif off < -CONTACT_TOLERANCE:
            where = "floor" if prop is None else f"{on} top"
            issues.append((path, f"{point} is {-off:.0f} cm below the {where}; lift it with an angle"))
        elif prop is not None and PROPS[prop.type].rested_on and prop.box is not None:
            below = prop.box.high[1] - here[1]
            if below > 0:
                issues.append(
                    (
                        path,
                        f"{point} touches the {on} from below or the side ({below:.0f} cm under its top); it must rest on top",
                    )
                )
    return issues


def _depth_into(points: dict[str, Vec], a: str, b: str, radius: float, distance: Any) -> float:
    depth = 0.0
    for i in range(_SAMPLES + 1):
        depth = max(depth, radius - distance(lerp(points[a], points[b], i / _SAMPLES)))
    return depth


def _clear_of(box: Box, p: Vec, q: Vec, radius: float) -> bool:
    """The segment from ``p`` to ``q`` stays ``radius`` clear of ``box``: every point of it lies in
    the segment's bounding box, so the gap between the two boxes is a lower bound of its distance.
    Most limbs are far from most props, and this spares sampling them."""
    gaps = [max(lo - max(u, v), min(u, v) - hi, 0.0) for u, v, lo, hi in zip(p, q, box.low, box.high, strict=True)]
    return sum(g * g for g in gaps) >= radius * radius


def _passing_issues(pos: Placed) -> list[Issue]:
    """Limbs, with their drawn width, through the floor, a bench's top or legs, or a wall."""
    issues: list[Issue] = []
    points = pos.points
    solids = [
        (p.name, box)
        for p in pos.props
        if p.solid and not PROPS[p.type].follows
        for box in [p.box, *(p.parts or [])]
        if box
    ]
    for name, a, b, radius in segments():
        # The height is linear along the segment: its lower end is its lowest point.
        floor = max(0.0, radius - min(points[a][1], points[b][1]))
        if floor > PASS_TOLERANCE:
            issues.append((("positions", pos.key), f"{name} passes {floor:.0f} cm into the floor"))
        worst: dict[str, float] = {}
        for surface, box in solids:
            if not _clear_of(box, points[a], points[b], radius):
                worst[surface] = max(worst.get(surface, 0.0), _depth_into(points, a, b, radius, box.distance))
        for surface, depth in worst.items():
            if depth > PASS_TOLERANCE:
                issues.append((("positions", pos.key), f"{name} passes {depth:.0f} cm into the {surface}"))
    for prop in pos.props:
        if prop.type in ("kettlebell", "dumbbell") and prop.centre is not None:
            depth = prop.radius - prop.centre[1]
            if depth > PASS_TOLERANCE:
                issues.append((("positions", pos.key), f"the {prop.name} passes {depth:.0f} cm into the floor"))
    head = points["head"]
    if 10.5 - head[1] > PASS_TOLERANCE:
        issues.append((("positions", pos.key), f"head passes {10.5 - head[1]:.0f} cm into the floor"))
    return issues


def _handle_issues(figure: Figure, pos: Placed) -> list[Issue]:
    """Both hands on one kettlebell handle, and the bell clear of the thighs."""
    issues: list[Issue] = []
    for index, prop in enumerate(pos.props):
        if prop.type != "kettlebell" or prop.line is None or prop.centre is None:
            continue
        a, b = prop.line
        apart = math.dist(a, b)
        if apart > HANDLE_WIDTH:
            issues.append(
                (
                    ("positions", pos.key),
                    f"the hands are {apart:.0f} cm apart, but both hold the {prop.name}'s handle "
                    f"(at most {HANDLE_WIDTH:g} cm wide): bring the arms in ('shoulder_abduction') until they meet",
                )
            )
        for side in ("left", "right"):
            for seg, s, e in (("thigh", "hip", "knee"), ("shin", "knee", "ankle")):
                radius = point_radius(f"{side}.{seg}")
                p, q = pos.points[f"{side}.{s}"], pos.points[f"{side}.{e}"]
                bell: Vec = prop.centre
                depth = _depth_into({"p": p, "q": q}, "p", "q", radius + prop.radius, lambda v, c=bell: math.dist(v, c))
                if depth > PASS_TOLERANCE:
                    issues.append(
                        (
                            ("props", index),
                            f"in '{pos.key}' the {prop.name} passes {depth:.0f} cm into the {side} {seg}: "
                            "hang it between the legs (hands in front of the hips, legs wider)",
                        )
                    )
    return issues


_RESTING = tuple(p for p in POINTS if p not in ("head",)) + tuple(
    f"{side}.{corner}" for side in ("left", "right") for corner in ("heel_in", "heel_out", "toe_in", "toe_out")
)
REST_GAP = 3.0  # cm between skin and floor or bench top at which a body point bears weight


def support_points(figure: Figure, pos: Placed) -> list[Vec]:
    """Every body point bearing weight: on the floor, or on the top of a bench or slider (a body
    lying down rests all along its length, not only at the contacts its data lists)."""
    tops = [0.0] + [p.box.high[1] for p in pos.props if PROPS[p.type].pins and p.box is not None]
    found: list[Vec] = []
    for name in _RESTING:
        v = pos.points[name]
        radius = point_radius(name) if name in POINTS else 1.5
        for prop_top, prop in zip(
            tops, [None, *[p for p in pos.props if PROPS[p.type].pins and p.box is not None]], strict=True
        ):
            if abs(v[1] - radius - prop_top) > REST_GAP:
                continue
            if prop is None or prop.box is None or prop.box.distance((v[0], prop_top, v[2])) < 1.0:
                found.append(v)
                break
    return found


def _balance_issues(figure: Figure, pos: Placed) -> list[Issue]:
    """The centre of mass over the base of support, unless something holds the body."""
    if pos.lift:
        return []  # in the air: a jump is not a stance
    for _, on in pos.contacts:
        spec = find_prop(figure.props_data, on) if on != "floor" and on not in POINTS else None
        if spec is not None and PROPS[spec["type"]].holds:
            return []
    index = figure.positions.index(pos) if pos in figure.positions else -1
    after = figure.positions[index + 1] if 0 <= index < len(figure.positions) - 1 else None
    if after is not None and after.lift:
        return []  # a push into a jump leans beyond the foot on purpose
    support = support_points(figure, pos)
    if not support:
        return []
    com = centre_of_mass(pos.points)
    distance, (dx, dz) = outside_base(com, support)
    if distance <= MARGIN:
        return []
    return [
        (
            ("positions", pos.key),
            f"the body would tip over: its centre of mass is {distance:.0f} cm {_direction(pos, dx, dz)} its base of "
            "support (the points resting on the floor or a bench); move the hips or trunk back over it, "
            "or add a contact that holds the body (a wall, a handle, a partner's hands)",
        )
    ]


def _direction(pos: Placed, dx: float, dz: float) -> str:
    """'in front of', 'behind', 'to the left of' or 'to the right of', in the body's own terms."""
    face = pos.points["face"]
    head = pos.points["head"]
    fx, fz = face[0] - head[0], face[2] - head[2]
    norm = math.hypot(fx, fz)
    if norm < 1:
        fx, fz, norm = 1.0, 0.0, 1.0  # lying face up or down: x is the body's forward
    fx, fz = fx / norm, fz / norm
    forward = dx * fx + dz * fz
    left = dz * fx - dx * fz  # z is the body's left when it faces +x
    if abs(forward) >= abs(left):
        return "in front of" if forward > 0 else "behind"
    return "to the left of" if left > 0 else "to the right of"


def _visible_issues(figure: Figure, before: Placed, now: Placed) -> list[Issue]:
    """A movement the reader can see: some point moves at least VISIBLE cm in the picture."""
    if turn_between(before, now) < 1:
        return []  # the same pose held: an isometric squeeze, marked by pressing arrows
    squeezed = any((find_prop(figure.props_data, on) or {}).get("type") in ("ball", "pad") for _, on in now.contacts)
    if squeezed:
        return []
    camera = figure.camera
    moved = max(
        math.dist(project(camera, before.points[name])[:2], project(camera, now.points[name])[:2])
        for name in before.points
    )
    if moved >= VISIBLE:
        return []
    return [
        (
            ("positions", now.key),
            f"from '{before.key}' the body moves at most {moved:.0f} cm in the picture, too little to see; "
            "make the movement bigger, or choose a view that sees it ('view: oblique' for a move towards the reader)",
        )
    ]
