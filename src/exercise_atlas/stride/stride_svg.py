"""The stride as drawings: the runner at each measured event side by side (without script, in print
and under reduced motion), one runner moving through the whole stride (on screen: the body posed
at the events and between them, run by SMIL), and the timeline of one stride beneath, with the
phases, the stretches a muscle is active and a cursor that follows the runner."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace
from typing import Any

from ..figures.camera import Camera
from ..figures.screen import Screen, SvgShape, num
from ..figures.svg_body import body_shapes
from ..figures.svg_figure import Moving, animated
from .pose import FAR, NEAR, Pose, key_poses, pose_at
from .stride_schema import EVENTS

PANEL = 120.0  # cm of the world in one panel
HEIGHT = 200.0
FLOOR = 8.0  # the floor line's distance from the drawing's foot
SECONDS = 2.0  # one stride on screen: slowed down, the same for every speed
BETWEEN = 1  # poses drawn between two measured events; the browser moves straight from one to the next
WIDTH = 360.0  # the timeline
# A speed with no measured muscle timing says so on its timeline, rather than leaving the reader to
# wonder whether a row is missing.
NO_TIMING = "Adductors: timing not known"
NO_TIMING_WORDS = "The adductors' timing is not drawn: no study we could check gives it"
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
    moving: list[Moving] = field(default_factory=list)  # the runner through the whole stride
    key_times: str = ""  # when the moving runner reaches each drawn pose (fractions of the stride)


def _n(v: float) -> str:
    return f"{v:.1f}".removesuffix(".0")


# The side camera, moved so the pelvis stands mid-panel and the floor is FLOOR above the bottom.
SCREEN = Screen(Camera("side"), left=-PANEL / 2, top=-(HEIGHT - FLOOR))
# The same, writing every point of every pose in whole units, so the moving runner's path data has
# the same commands in each pose and SMIL can interpolate between them.
MOVING_SCREEN = replace(SCREEN, digits=0, fixed=True)


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


def frame_times(speed: dict[str, Any]) -> list[float]:
    """When the moving runner is posed (% of the stride): at every measured event, ``BETWEEN``
    times evenly between two events, where a muscle starts or stops, and at 100 (the first pose
    again, so the loop closes)."""
    events = [float(e["at"]) for e in speed["events"]] + [100.0]
    times = {a + (b - a) * k / (BETWEEN + 1) for a, b in itertools.pairwise(events) for k in range(BETWEEN + 1)}
    for active in speed.get("active", []):
        times |= {float(active["from"]) % 100, float(active["to"]) % 100}
    return [*sorted(times), 100.0]


def moving_runner(speed: dict[str, Any]) -> tuple[list[Moving], str]:
    """The runner posed at every frame time, each shape with the attributes that change as SMIL
    values; the near inner thigh is drawn all the way and shown (opacity 1) only while a muscle is
    measured active, so every pose has the same shapes. A speed with no measured muscle timing
    has no inner thigh to show, so it is not drawn."""
    far = {"leg": {FAR}, "arm": {FAR}}
    marked = {"inner-thigh"} if speed.get("active") else set()
    seen = {("inner-thigh", NEAR)} if marked else set()
    times = frame_times(speed)
    posed = []
    for at in times:
        pose = pose_at(speed["events"], at, "")
        shapes = body_shapes(MOVING_SCREEN, pose.points, [NEAR], marked, far=far, seen=seen)
        shown = "1" if active_during(speed, at % 100) else "0"
        posed.append([_with(s, "opacity", shown) if s.cls.startswith("xf-m") else s for s in shapes])
    moving = [animated(index, posed) for index in range(len(posed[0]))]
    return moving, ";".join(num(at / 100, 3) for at in times)


def _with(s: SvgShape, name: str, value: str) -> SvgShape:
    return SvgShape(s.tag, s.cls, (*s.attrs, (name, value)))


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
    if not speed.get("active"):
        rows.append(NO_TIMING)
        sentences.append(NO_TIMING_WORDS)
    return bars, rows, sentences


def speed_art(speed: dict[str, Any], names: dict[str, str], alone: bool = False) -> SpeedArt:
    """One speed's drawings and words; ``alone``: the stride's only speed, so its label names
    nothing to tell it from and the description leaves it out."""
    poses = key_poses(speed)
    events = {e["event"]: e for e in speed["events"]}
    panels = [_panel(i, pose, poses, active_during(speed, pose.at)) for i, pose in enumerate(poses)]
    off = toe_off(speed)
    bars, rows, sentences = _bars(speed, names)
    said = [
        f"{EVENT_WORDS[e][0]} ({events[e]['at']:g} % of the stride, {phase_words(events[e]['at'], off)}): {_angle_words(events[e])}"
        for e in EVENTS
    ]
    which = "" if alone else f", {speed['label'].lower()},"
    description = (
        f"A runner seen from the side{which} at five moments of one stride. "
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
    moving, key_times = moving_runner(speed)
    return SpeedArt(
        speed["id"],
        speed["label"],
        panels,
        len(panels) * PANEL,
        bars,
        rows,
        ticks,
        description,
        table,
        sentences,
        moving,
        key_times,
    )
