"""The one table of what a figure may name: every joint and every prop type.

The schema (names, descriptions), the range-of-motion check, the words of the text alternative,
the placing and the drawing all read these two tables, and a test proves each reader covers every
entry, so a new joint or prop type is added here and in its one drawing function, nowhere else. A
whole-body angle needs no drawing function: its entry says what it turns and about which axis, and
forward kinematics (``whole_turn``) applies it (tests/test_figures_joint_table.py adds one).

Ranges are the American Academy of Orthopaedic Surgeons' normal values as tabulated beside
measured ones by Boone and Azen, "Normal range of motion of joints in male subjects", J Bone Joint
Surg Am 1979, doi:10.2106/00004623-197961050-00017 (Norkin and White's table A.1 lists them; see
data/references-verification.md for what was checked). Limits not in that table are the
figures' own, and say so.
"""

from __future__ import annotations

from dataclasses import dataclass

from .vectors import IDENTITY, Mat, mul, rotation

_AAOS = "AAOS normal values (Boone and Azen 1979)"
_OWN = "the figures' own limit"


@dataclass(frozen=True)
class Joint:
    """One angle a position may set."""

    name: str
    scope: str  # 'side' (written under left, right or both) or 'body' (whole-body)
    low: float
    high: float
    motion: str  # what the angle measures, as messages say it
    source: str
    part: str  # the body part the words name ('hip', 'knee'); empty for whole-body angles
    more: str  # what the part does as the angle grows ('bends', 'lifts forwards')
    less: str  # ... as it shrinks
    other_way: str  # how else to reach a pose beyond the limit (range-of-motion messages)
    # Whole-body angles only: what turns ('body' or 'head') and about which of the body's axes,
    # signed ('body -z'); 'picture' is the axis pointing at the reader in the view's plane. The
    # turns of one part are applied in the table's order, the first outermost.
    turns: str = ""
    help: str = ""  # the schema's description, where the motion alone says too little


JOINTS: dict[str, Joint] = {
    j.name: j
    for j in (
        Joint("hip_flexion", "side", -30, 120, "hip flexion (+) / extension (-)", _AAOS, "leg",
              "swings forwards", "swings back", "lean the trunk forwards or back ('lean') instead"),
        Joint("hip_abduction", "side", -30, 45, "hip abduction (+) / adduction (-)", _AAOS, "leg",
              "moves out to the side", "moves in", "tilt the whole body ('trunk') or widen the other leg"),
        Joint("hip_rotation", "side", -45, 45, "hip external (+) / internal (-) rotation", _AAOS, "leg",
              "turns out", "turns in", "turn the whole body ('roll') instead"),
        Joint("knee", "side", 0, 135, "knee flexion", _AAOS, "knee",
              "bends", "straightens", "bend the hip more or move the foot instead"),
        Joint("ankle", "side", -50, 20, "ankle dorsiflexion (+) / plantarflexion (-)", _AAOS, "ankle",
              "pulls the toes up", "points the foot", "bend the knee more or lift the heel ('heel' off the floor)"),
        Joint("foot_eversion", "side", -35, 15, "foot eversion (+) / inversion (-)", _AAOS, "foot",
              "turns its sole out", "turns its sole in", "turn the leg ('hip_rotation') instead"),
        Joint("shoulder_flexion", "side", -60, 180, "shoulder flexion (+) / extension (-)", _AAOS, "arm",
              "lifts forwards", "moves back", "lean the trunk instead"),
        Joint("shoulder_abduction", "side", -30, 180, "shoulder abduction (+) / adduction across the body (-)",
              "AAOS normal values for abduction; the figures' own limit for adduction", "arm",
              "lifts out to the side", "comes in across the body", "roll the trunk instead"),
        Joint("shoulder_rotation", "side", -70, 90, "shoulder external (+) / internal (-) rotation", _AAOS, "arm",
              "turns out", "turns in", "turn the forearm with the elbow ('elbow') instead"),
        Joint("elbow", "side", 0, 150, "elbow flexion", _AAOS, "elbow",
              "bends", "straightens", "move the shoulder instead"),
        Joint("wrist", "side", -70, 80, "wrist flexion (+) / extension (-)", _AAOS, "wrist",
              "bends", "bends back", "turn the forearm with the elbow or shoulder instead"),
        Joint("trunk", "body", -180, 180, "trunk tilt in the picture", "a full turn", "",
              "tilts clockwise", "tilts anticlockwise", "", turns="body picture",
              help="The trunk's tilt in the picture from upright, clockwise + (side view: 90 lies face down, -90 on the back)."),
        Joint("lean", "body", -180, 180, "whole-body lean", "a full turn", "",
              "leans forwards", "leans back", "", turns="body -z",
              help="The whole body bent forwards (+) or back (-) before the tilt: 'lean: 90' is on all fours in the front view; seen from above, -90 lies on the back."),
        Joint("roll", "body", -180, 180, "whole-body roll", "a full turn", "",
              "rolls towards its right", "rolls towards its left", "", turns="body +y",
              help="The whole body turned about its own long axis before the lean and tilt: + turns its front towards its right (on all fours, the left side goes down), - towards its left."),
        Joint("neck_side", "body", -45, 45, "neck side bend (+ towards the right shoulder)", f"{_OWN} for the neck",
              "head", "tilts towards the right shoulder", "tilts towards the left shoulder", "tilt the trunk instead",
              turns="head -x", help="Neck side bend: + towards the right shoulder, - the left."),
        Joint("neck", "body", -45, 45, "neck flexion (+) / extension (-)", f"{_OWN} for the neck", "head",
              "drops forwards", "lifts back", "tilt the trunk instead", turns="head -z",
              help="Neck flexion +, extension -."),
    )
}  # fmt: skip
SIDE_JOINTS = tuple(name for name, j in JOINTS.items() if j.scope == "side")
BODY_JOINTS = tuple(name for name, j in JOINTS.items() if j.scope == "body")
# The axis that points at the reader in each view's plane, as 'turns' names it: 'trunk' tilts the
# body clockwise in the picture.
PICTURE_AXIS = {"side": "-z", "front": "+x", "top": "-y"}


def body_joints() -> list[Joint]:
    """The whole-body angles, read from the table each time (a joint added to it is seen at once)."""
    return [j for j in JOINTS.values() if j.scope == "body"]


def whole_turn(plane: str, angles: dict[str, float], part: str) -> Mat:
    """The rotation of ``part`` ('body' or 'head') by every whole-body angle that turns it, in the
    table's order, first outermost: the forward kinematics of the whole-body angles."""
    m = IDENTITY
    for joint in body_joints():
        what, _, axis = joint.turns.partition(" ")
        if what != part:
            continue
        axis = PICTURE_AXIS[plane] if axis == "picture" else axis
        sign = -1.0 if axis[0] == "-" else 1.0
        m = mul(m, rotation(axis[1], sign * angles.get(joint.name, 0.0)))
    return m


# 'hip' and 'shoulder' name the angle in the plane of the view.
IN_PLANE = {
    "side": {"hip": "hip_flexion", "shoulder": "shoulder_flexion"},
    "front": {"hip": "hip_abduction", "shoulder": "shoulder_abduction"},
    "top": {"hip": "hip_abduction", "shoulder": "shoulder_abduction"},
}


def format_range(joint: Joint) -> str:
    return f"{joint.low:g} to {joint.high:g} degrees for {joint.motion}, {joint.source}"


@dataclass(frozen=True)
class PropType:
    """One kind of prop: what it needs, how the body may meet it, and what it is called."""

    name: str
    noun: str  # as the words say it ('a bench')
    needs: tuple[str, ...]  # fields it must have
    pins: bool = False  # the first contact may rest on it (it places the body)
    rested_on: bool = False  # a point touching it rests on its top, never under or beside it
    follows: bool = False  # moves with the body from position to position
    holds: bool = False  # a point on it holds the body up (balance is not judged)
    solid: bool = False  # a limb may not pass through it
    description: str = ""


PROPS: dict[str, PropType] = {
    p.name: p
    for p in (
        PropType("bench", "a bench", ("height", "at"), pins=True, rested_on=True, solid=True,
                 description="a box with legs; 'height' of its top, 'at' a body point, 'offset', 'length'"),
        PropType("ball", "a ball", ("between",), follows=True,
                 description="squeezed 'between' two body points; 'diameter'"),
        PropType("band", "an elastic band", ("at",),
                 description="pulls 'at' a body point from an anchor 'offset' along the picture, at 'height'"),
        PropType("cable", "a cable machine", ("at",), holds=True,
                 description="a machine's cable pulling 'at' a body point; its frame stands at 'offset'"),
        PropType("slider", "a slider", ("at",), pins=True, rested_on=True, follows=True,
                 description="a flat disc under a sliding foot or hand, following 'at'"),
        PropType("pad", "a pad", ("at",), follows=True,
                 description="a machine's pad or a cushion pressed by 'at'"),
        PropType("wall", "a wall", ("at",), holds=True, solid=True,
                 description="a wall or chair back to hold, 'offset' from 'at' along the picture"),
        PropType("hands", "a partner's hands", ("at",), rested_on=True, holds=True,
                 description="a kneeling partner's hands and forearms holding 'at' at 'height'"),
        PropType("kettlebell", "a kettlebell", ("between",), follows=True,
                 description="held by its handle 'between' two hands; 'diameter'"),
        PropType("dumbbell", "a dumbbell", ("at",), follows=True,
                 description="held in the hand named by 'at'"),
        PropType("handle", "a handle", ("at",), holds=True,
                 description="a machine's fixed handle held by the hand named by 'at'"),
        PropType("machine", "a machine", ("at",),
                 description="a seated machine's frame: a backrest behind 'at' (the pelvis) up to 'height' (default 105 cm), on a post, over a base on the floor"),
    )
}  # fmt: skip
