"""Where the figure is seen from: the flat views, and the three-quarter (oblique) camera.

A flat view lays two world axes on the screen. The oblique camera starts from the front view,
turns round the body (``turn`` degrees, + towards the body's left side) and rises to look down
(``tilt`` degrees), so a forearm or a foot pointing at the reader in the front view is seen
foreshortened instead of vanishing. Positions in an oblique figure use the front view's words
(``hip`` is abduction; ``trunk`` tilts the body in the front view's plane).

World axes: x forward, y up, z to the body's left (body.py).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from .vectors import Vec

VIEWS = ("side", "front", "top", "oblique")
# The picture plane of each flat view: which world axis runs right on the screen, which runs
# down, and which points at the reader (depth). Axes: 0 = x (forward), 1 = y (up), 2 = z (left).
_FLAT_AXES = {"side": (0, 1, 2), "front": (2, 1, 0), "top": (0, 2, 1)}
TURN = 35.0  # the oblique camera's defaults, degrees
TILT = 12.0


@dataclass(frozen=True)
class Camera:
    view: str
    turn: float = 0.0
    tilt: float = 0.0

    @property
    def plane(self) -> str:
        """The flat view whose words the positions use (and whose axes props are laid along)."""
        return "front" if self.view == "oblique" else self.view


def camera_for(data: dict[str, Any]) -> Camera:
    """The camera a figure asks for: its view, and for an oblique view its turn and tilt."""
    view = str(data["view"])
    if view != "oblique":
        return Camera(view)
    given = data.get("camera") or {}
    return Camera(view, float(given.get("turn", TURN)), float(given.get("tilt", TILT)))


def project(camera: Camera, v: Vec) -> tuple[float, float, float]:
    """Screen x (right), screen y (down) and depth (towards the reader)."""
    return projector(camera)(v)


Projector = Callable[[Vec], tuple[float, float, float]]


@cache
def projector(camera: Camera) -> Projector:
    """The camera's projection as one function, its sines and cosines worked out once: every
    point of every drawn pose is projected, thousands a figure."""
    if camera.view != "oblique":
        across, _, towards = _FLAT_AXES[camera.view]
        if camera.view == "top":
            return lambda v: (v[across], v[2], v[towards])
        return lambda v: (v[across], -v[1], v[towards])
    t, u = math.radians(camera.turn), math.radians(camera.tilt)
    cos_turn, sin_turn, cos_tilt, sin_tilt = math.cos(t), math.sin(t), math.cos(u), math.sin(u)

    def oblique(v: Vec) -> tuple[float, float, float]:
        # Turn round the vertical axis from the front view (screen right = z, depth = x) ...
        near = v[0] * cos_turn + v[2] * sin_turn
        # ... then rise and look down: nearer points sit lower on the screen.
        return v[2] * cos_turn - v[0] * sin_turn, near * sin_tilt - v[1] * cos_tilt, near * cos_tilt + v[1] * sin_tilt

    return oblique
