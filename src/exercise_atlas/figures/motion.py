"""The movement between key positions: joint angles interpolated, the body posed at each step.

Each pose between two key positions is posed by forward kinematics from angles part-way between
theirs, and placed so that a contact the two positions share stays where it rests (a foot on the
floor does not slide while the hips sink). The time of each step comes from the figure's
declared timing (:mod:`.timing`), eased in and out as a person moves.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace

from .body import SIDES, Angles
from .catalogue import body_joints
from .placing import Figure, Placed, place_props, posed_points
from .timing import Beat
from .vectors import Vec, add, lerp, sub

MAX_STEP = 40.0  # degrees a joint may turn between two drawn steps
MAX_BETWEEN = 2  # steps drawn between two key positions, at most


@dataclass(frozen=True)
class Frame:
    """One pose of the movement and the second it is reached."""

    pose: Placed
    time: float


def _mix(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


def _mix_angles(a: Angles, b: Angles, t: float) -> Angles:
    return Angles(**{f.name: _mix(getattr(a, f.name), getattr(b, f.name), t) for f in fields(Angles)})


def shared_contacts(a: Placed, b: Placed) -> list[tuple[str, str]]:
    """The contacts both positions keep: the same point on the same surface."""
    return [c for c in a.contacts if c in b.contacts]


def between(figure: Figure, a: Placed, b: Placed, t: float) -> Placed:
    """The body part-way (``t`` from 0 to 1) from ``a`` to ``b``, posed from mixed angles and
    placed so the first contact the two share stays where it rests."""
    pose = replace(
        a,
        key=f"{a.key}-{b.key}",
        whole=mix_whole(a, b, t),
        shift=_mix(a.shift, b.shift, t),
        lift=_mix(a.lift, b.lift, t),
        sides={side: _mix_angles(a.sides[side], b.sides[side], t) for side in SIDES},
        given={},
        contacts=shared_contacts(a, b),
    )
    points = posed_points(figure.camera.plane, pose)
    anchor = pose.contacts[0][0] if pose.contacts else "pelvis"
    target: Vec = lerp(a.points[anchor], b.points[anchor], t)
    offset = sub(target, points[anchor])
    pose.points = {name: add(v, offset) for name, v in points.items()}
    pose.props = place_props(figure, figure.positions[0].points, pose.points)
    return pose


def mix_whole(a: Placed, b: Placed, t: float) -> dict[str, float]:
    """The whole-body angles part-way from ``a`` to ``b``: every one the table has."""
    return {j.name: _mix(a.whole.get(j.name, 0.0), b.whole.get(j.name, 0.0), t) for j in body_joints()}


def turn_between(a: Placed, b: Placed) -> float:
    """The largest angle (degrees) any joint or whole-body angle turns from ``a`` to ``b``."""
    turns = [abs(a.whole.get(j.name, 0.0) - b.whole.get(j.name, 0.0)) for j in body_joints()]
    for side in SIDES:
        turns += [abs(getattr(a.sides[side], f.name) - getattr(b.sides[side], f.name)) for f in fields(Angles)]
    return float(max(turns))


def _ease(t: float) -> float:
    """Slow out of one position and slow into the next."""
    return t * t * (3 - 2 * t)


def timeline(figure: Figure, beats: list[Beat]) -> list[Frame]:
    """Every drawn pose of one pass, from the first position round to it again, with its time."""
    positions = figure.positions
    order = [*range(1, len(positions)), 0]
    frames = [Frame(positions[0], 0.0)]
    clock = beats[0].hold
    if beats[0].hold:
        frames.append(Frame(positions[0], clock))
    for index in order:
        a, b = positions[index - 1], positions[index]
        beat = beats[index]
        steps = 0 if beat.move == 0 else min(MAX_BETWEEN, math.ceil(turn_between(a, b) / MAX_STEP))
        for step in range(1, steps + 1):
            share = step / (steps + 1)
            frames.append(Frame(between(figure, a, b, _ease(share)), clock + beat.move * share))
        clock += beat.move
        frames.append(Frame(b, clock))
        if beat.hold and index != 0:
            clock += beat.hold
            frames.append(Frame(b, clock))
    return frames
