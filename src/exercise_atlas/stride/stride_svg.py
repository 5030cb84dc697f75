"""The stride as drawings: the runner at each event side by side (the stylesheet stacks them and the
SVG's own animation steps through them on screen), and the timeline of one stride beneath, with
the phases, the stretches a muscle is active and a cursor that follows the runner."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..figures.camera import Camera
from ..figures.screen import Screen, SvgShape
from ..figures.svg_body import body_shapes
from .pose import NEAR, Pose, key_poses
from .stride_schema import EVENTS

PANEL = 120.0  # cm of the world in one panel
HEIGHT = 200.0
FLOOR = 8.0  # the floor line's distance from the drawing's foot
SECONDS = 2.0  # one stride on screen: slowed down, the same for every speed
WIDTH = 360.0  # the timeline
EVENT_WORDS = {
    "initial-contact": ("Initial contact", "IC"),
    "mid-stance": ("Mid-stance", "MSt"),
    "toe-off": ("Toe-off", "TO"),
    "mid-swing": ("Mid-swing", "MSw"),
    "late-swing": ("Late swing", "LSw"),
}


@dataclass
class Panel:
    event: str
    label: str
    dx: float
    shapes: list[SvgShape]  # the figures' own body, drawn by their code
    animate: tuple[str, str]  # SMIL values and keyTimes for the panel's opacity


@dataclass
class Bar:
    row: int
    cls: str
    x: float
    width: float


@dataclass
class SpeedArt:
    id: str
    label: str
    panels: list[Panel]
    width: float
    bars: list[Bar]
    rows: list[str]  # the timeline's row labels, top to bottom
    ticks: list[tuple[float, str]]
    description: str
    table: list[list[str]]
    active: list[str] = field(default_factory=list)  # sentences: when each muscle is active


def _n(v: float) -> str:
    return f"{v:.1f}".removesuffix(".0")


# The side camera, moved so the pelvis stands mid-panel and the floor is FLOOR above the bottom.
SCREEN = Screen(Camera("side"), left=-PANEL / 2, top=-(HEIGHT - FLOOR))


def toe_off(speed: dict[str, Any]) -> float:
    return float(next(e["at"] for e in speed["events"] if e["event"] == "toe-off"))


def phase_words(at: float, off: float) -> str:
    """What is happening at ``at`` % of the stride, in words."""
    if at == 0:
        return "the foot lands: stance begins"
    if at < off:
        return "stance: the foot is on the ground"
    if at == off:
        return "the foot leaves the ground: swing and flight begin"
    if at < 50 or at > 50 + off:
        return "swing, in flight: both feet off the ground"
    return "swing: the other foot is on the ground"


def active_during(speed: dict[str, Any], at: float) -> bool:
    for active in speed.get("active", []):
        start, end = active["from"], active["to"]
        if (start <= at <= end) if start < end else (at >= start or at <= end):
            return True
    return False


def _panel(index: int, pose: Pose, poses: list[Pose], active: bool) -> Panel:
    """One moment: the figures' body (hands, feet, face, near and far limbs in depth order) and,
    while the adductors are measured active, the inner thigh of the near leg marked as the
    figures mark a working muscle."""
    regions = {"inner-thigh"} if active else set()
    # The near thigh's inner side faces away from the reader: mark it anyway, as seen through.
    seen = {("inner-thigh", NEAR)} if active else set()
    shapes = body_shapes(SCREEN, pose.points, [NEAR], regions, seen=seen)
    times = [q.at / 100 for q in poses]
    start = times[index]
    end = times[index + 1] if index + 1 < len(times) else None
    if index == 0:
        animate = ("1;0", f"0;{_n3(times[1])}")
    elif end is None:
        animate = ("0;1", f"0;{_n3(start)}")
    else:
        animate = ("0;1;0", f"0;{_n3(start)};{_n3(end)}")
    return Panel(pose.event, EVENT_WORDS[pose.event][0], index * PANEL, shapes, animate)


def _n3(v: float) -> str:
    return f"{v:.3f}".rstrip("0").rstrip(".") or "0"


def _angle_words(event: dict[str, Any]) -> str:
    hip, knee, ankle = event["hip"], event["knee"], event["ankle"]
    hip_w = (
        f"hip bent forward {hip:g} degrees"
        if hip > 0
        else f"hip stretched back {-hip:g} degrees"
        if hip < 0
        else "hip straight"
    )
    knee_w = f"knee bent {knee:g}" if knee else "knee straight"
    ankle_w = f"toes raised {ankle:g}" if ankle > 0 else f"toes pointed {-ankle:g}" if ankle < 0 else "ankle neutral"
    return f"{hip_w}, {knee_w}, {ankle_w}"


def _bars(speed: dict[str, Any], names: dict[str, str]) -> tuple[list[Bar], list[str], list[str]]:
    off = toe_off(speed)
    x = WIDTH / 100
    bars = [Bar(0, "stride__stance", 0, off * x), Bar(0, "stride__swing", off * x, (100 - off) * x)]
    bars += [
        Bar(1, "stride__flight", off * x, (50 - off) * x),
        Bar(1, "stride__flight", (50 + off) * x, (50 - off) * x),
    ]
    rows = ["Near foot: stance, then swing", "Flight: both feet off the ground"]
    sentences = []
    for active in speed.get("active", []):
        name = names[active["muscle"]]
        row = len(rows)
        if f"{name} active (measured)" not in rows:
            rows.append(f"{name} active (measured)")
        else:
            row = rows.index(f"{name} active (measured)")
        start, end = active["from"], active["to"]
        spans = [(start, end)] if start < end else [(start, 100), (0, end)]
        bars += [Bar(row, "stride__active", a * x, (b - a) * x) for a, b in spans]
        sentences.append(f"{name} is active from {start:g} % to {end:g} % of the stride")
    return bars, rows, sentences


def speed_art(speed: dict[str, Any], names: dict[str, str]) -> SpeedArt:
    poses = key_poses(speed)
    events = {e["event"]: e for e in speed["events"]}
    panels = [_panel(i, pose, poses, active_during(speed, pose.at)) for i, pose in enumerate(poses)]
    off = toe_off(speed)
    bars, rows, sentences = _bars(speed, names)
    said = [
        f"{EVENT_WORDS[e][0]} ({events[e]['at']:g} % of the stride, {phase_words(events[e]['at'], off)}): {_angle_words(events[e])}"
        for e in EVENTS
    ]
    description = (
        f"A runner seen from the side, {speed['label'].lower()}, at five moments of one stride. "
        + ". ".join(said)
        + "."
        + (" " + "; ".join(sentences) + "." if sentences else "")
    )
    table = [
        [
            EVENT_WORDS[e][0],
            f"{events[e]['at']:g}",
            phase_words(events[e]["at"], off),
            f"{events[e]['hip']:g}",
            f"{events[e]['knee']:g}",
            f"{events[e]['ankle']:g}",
        ]
        for e in EVENTS
    ]
    ticks = [(events[e]["at"] * WIDTH / 100, EVENT_WORDS[e][1]) for e in EVENTS]
    return SpeedArt(
        speed["id"], speed["label"], panels, len(panels) * PANEL, bars, rows, ticks, description, table, sentences
    )
