"""Posing the standard body for the stride: the one place the stride meets the figures' body.

``key_poses`` turns a speed's measured events into poses; ``angles_at`` is how any moment of the
stride gets its angles. When the figures' motion engine (interpolated poses, a camera) lands,
these two functions are what switch over to it; the drawing and the timeline do not change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..figures.body import Angles, body_points
from ..figures.vectors import Vec

ARM_SWING = 0.7  # drawing choice, not a measurement: each arm swings against its own leg
ELBOW = 90.0  # drawing choice: a runner's bent elbow


NEAR, FAR = "left", "right"  # seen from the side the figures' camera shows, the left side is nearer


@dataclass(frozen=True)
class Pose:
    event: str
    at: float  # % of the stride
    points: dict[str, Vec]  # the body's points in cm: x forward, y up (the floor at 0), z to its left


def angles_at(events: list[dict[str, Any]], at: float) -> tuple[float, float, float]:
    """Hip, knee and ankle at any moment, by straight-line interpolation between the measured
    events (the stride is a loop: late swing leads back to the next initial contact)."""
    at %= 100
    times = [e["at"] for e in events] + [100.0]
    for index in range(len(events)):
        start, end = times[index], times[index + 1]
        if start <= at <= end:
            a, b = events[index], events[(index + 1) % len(events)]
            t = (at - start) / (end - start) if end > start else 0.0
            hip, knee, ankle = (float(a[j] + (b[j] - a[j]) * t) for j in ("hip", "knee", "ankle"))
            return hip, knee, ankle
    return events[0]["hip"], events[0]["knee"], events[0]["ankle"]  # pragma: no cover - at is in [0, 100)


def _side(hip: float, knee: float, ankle: float) -> Angles:
    return Angles(hip_flexion=hip, knee=knee, ankle=ankle, shoulder_flexion=-ARM_SWING * hip, elbow=ELBOW)


def _points(events: list[dict[str, Any]], at: float) -> dict[str, Vec]:
    near = _side(*angles_at(events, at))
    far = _side(*angles_at(events, at + 50))
    return body_points(0.0, {NEAR: near, FAR: far})


def _sole(points: dict[str, Vec], side: str) -> float:
    return min(points[f"{side}.heel"][1], points[f"{side}.toe"][1])


def pelvis_height(events: list[dict[str, Any]], at: float) -> float:
    """How high the pelvis is: the foot on the ground rests on the floor (the near foot from
    initial contact to toe-off, the far foot half a stride later); in the flight between, the
    height passes in a straight line from the last contact to the next, raised where that line
    would put a foot through the floor (the angles between two events are straight-line guesses,
    and a trailing toe can dip below the floor just after toe-off): in flight no foot is below it."""
    toe_off = float(next(e["at"] for e in events if e["event"] == "toe-off"))
    at %= 100
    if at <= toe_off:
        return -_sole(_points(events, at), NEAR)
    if 50 <= at <= 50 + toe_off:
        return -_sole(_points(events, at), FAR)
    start, end = (toe_off, 50.0) if at < 50 else (50 + toe_off, 100.0)
    t = (at - start) / (end - start)
    line = pelvis_height(events, start) * (1 - t) + pelvis_height(events, end % 100) * t
    points = _points(events, at)
    return max(line, -min(_sole(points, NEAR), _sole(points, FAR)))


def pose_at(events: list[dict[str, Any]], at: float, name: str) -> Pose:
    """The body at ``at`` % of the stride: the near leg at that moment, the far leg half a stride
    on, as the two legs of a steady run are."""
    points = _points(events, at)
    lift = pelvis_height(events, at)
    return Pose(name, at, {key: (v[0], v[1] + lift, v[2]) for key, v in points.items()})


def key_poses(speed: dict[str, Any]) -> list[Pose]:
    """One pose per measured event."""
    events = speed["events"]
    return [pose_at(events, e["at"], e["event"]) for e in events]
