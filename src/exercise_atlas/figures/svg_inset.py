"""A second, small view of the same movement, drawn in a corner of the main one.

Some actions hide in any one view: "sit the hips back" is invisible from the front, where the
legs opening out are best seen. A figure may ask for a second camera (``inset: {view: side}``);
the same posed bodies (the same frames, so the same timing) are projected through it and drawn
small in the panel's top right corner, framed and named, in every key position and in the
movement. To keep within the figure's bytes the small body is simpler (``inset_body``) and
moves straight from key position to key position (SMIL interpolates the points in between, at the
same times as the main body); the floor and fixed props stay, so the reader sees where the body
stands.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from .body import SIDES
from .camera import Camera, camera_for
from .placing import Figure, Placed
from .screen import Screen, SvgShape, num, shape
from .vectors import Vec

SHARE = 0.42  # the inset's height as a share of the panel's
MARGIN = 3.0  # cm between the inset's frame and the panel's edge
VIEW_NAMES = {"side": "Side view", "front": "Front view", "top": "From above", "oblique": "3/4 view"}
SIDEWAYS = 60.0  # an oblique camera turned this far round is named by the side it looks at


@dataclass
class Inset:
    """The small view: where it sits in a panel, its frame, its name, and its shapes."""

    camera: Camera
    left: float  # the inset's own picture: its left and top in the camera's centimetres
    top: float
    width: float
    height: float
    x: float  # where it sits in the panel, and how much smaller it is drawn
    y: float
    scale: float
    label: str
    panels: list[list[SvgShape]] = field(default_factory=list)

    @property
    def transform(self) -> str:
        """Drawn smaller; the shapes' coordinates already sit in the corner (``inset_screen``)."""
        return f"scale({num(self.scale, 2)})"

    @property
    def span(self) -> tuple[float, float]:
        """The inset's left and right edges in its own (unscaled) coordinates."""
        left = round(self.x / round(self.scale, 2))
        return left, left + self.width

    @property
    def right(self) -> str:
        return num(self.x + self.width * self.scale, 0)

    @property
    def frame(self) -> dict[str, str]:
        """The inset's border, in panel units (outside the scaled group, so its line stays thin)."""
        w, h = self.width * self.scale, self.height * self.scale
        return {"x": num(self.x, 0), "y": num(self.y, 0), "width": num(w, 0), "height": num(h, 0)}


def inset_camera(data: dict[str, Any]) -> Camera | None:
    """The inset's camera, if the figure asks for one."""
    given = data.get("inset")
    if not isinstance(given, dict) or "view" not in given:
        return None
    return camera_for(given)


def place_inset(
    figure: Figure, camera: Camera, poses: list[Placed], panel: tuple[float, float], label: float, fit: Any
) -> Inset:
    """The inset's picture fitted round every pose (``fit`` is the main figure's fitting), scaled to
    a share of the panel's height and set in its top right corner under its name (``label`` is the
    name's font size)."""
    seen_from = replace(figure, camera=camera)
    left, top, width, height, _ = fit(seen_from, poses, 0.0)
    scale = min(SHARE * panel[1] / height, 0.45 * panel[0] / width)
    x = panel[0] - width * scale - MARGIN
    return Inset(camera, left, top, width, height, x, MARGIN + label + 3, scale, view_name(camera))


def view_name(camera: Camera) -> str:
    """The inset's name: its view, or for an oblique camera turned nearly sideways, that side
    (or "Behind", turned further round than that)."""
    if camera.view == "oblique" and abs(camera.turn) >= 180 - SIDEWAYS:
        return "Behind"
    if camera.view == "oblique" and abs(camera.turn) >= SIDEWAYS:
        return "Left side" if camera.turn > 0 else "Right side"
    return VIEW_NAMES[camera.view]


def inset_body(screen: Screen, pts: dict[str, Vec], far: set[str]) -> list[SvgShape]:
    """The small body in three strokes: the far leg (lighter), the trunk with the head (one
    thick stroke and a dot as wide as the head, the same colour), and the near leg, each leg from
    hip to toe (the far one to the ankle). Drawn small, arms and muscle stripes would be unreadable and would cost the
    figure's bytes; the posture, which the second view is for, stays."""
    legs = {side: [pts[f"{side}.{n}"] for n in ("hip", "knee", "ankle", "toe")] for side in SIDES}
    # The far leg stops at the ankle: its foot is mostly behind the near one.
    out = [shape("path", "xf-s xf-far", d=screen.path(*[legs[s][:3] for s in SIDES if s in far]))] if far else []
    out.append(shape("path", "xf-k", d=screen.path([pts["pelvis"], pts["neck_top"]], [pts["head"], pts["head"]])))
    near = [legs[s] for s in SIDES if s not in far]
    if near:
        out.append(shape("path", "xf-s", d=screen.path(*near)))
    return out


def inset_screen(inset: Inset, fixed: bool = False) -> Screen:
    """The inset's projection, moved so that, drawn at the inset's scale, it lands in its corner."""
    k = round(inset.scale, 2)
    return Screen(inset.camera, inset.left - inset.x / k, inset.top - inset.y / k, digits=0, fixed=fixed)
