"""One standard body: segment lengths, thicknesses, joints and forward kinematics.

Segment lengths are fractions of standing height H from the anthropometric diagram in Winter,
*Biomechanics and Motor Control of Human Movement*, 4th edition (Wiley, 2009),
doi:10.1002/9780470549148, figure 4.1 (after Drillis and Contini): heights of the shoulder
(0.818 H), chin (0.870 H), greater trochanter / hip (0.530 H), knee (0.285 H) and ankle
(0.039 H); upper arm 0.186 H, forearm 0.146 H, hand 0.108 H, foot 0.152 H; shoulder breadth
0.259 H and hip breadth 0.191 H. The standard body is 175 cm tall; every length below is in cm.

Thicknesses (the drawn width of each segment, used for contacts and collisions) are drawing
choices, not measurements.

Axes: x forward, y up, z to the body's left when it stands in the anatomical position.
Joint angles are in degrees; zero everywhere is standing upright, arms by the sides.
"""

from __future__ import annotations

from dataclasses import dataclass

from .vectors import Mat, Vec, add, apply, lerp, mul, rotation, scale

HEIGHT = 175.0

# Winter, figure 4.1: fractions of height.
_SHOULDER_H, _CHIN_H, _HIP_H, _KNEE_H, _ANKLE_H = 0.818, 0.870, 0.530, 0.285, 0.039
_UPPER_ARM, _FOREARM, _HAND, _FOOT = 0.186, 0.146, 0.108, 0.152
_SHOULDER_BREADTH, _HIP_BREADTH = 0.259, 0.191

THIGH = (_HIP_H - _KNEE_H) * HEIGHT  # 42.9 cm
SHANK = (_KNEE_H - _ANKLE_H) * HEIGHT  # 43.1 cm
TRUNK = (_SHOULDER_H - _HIP_H) * HEIGHT  # 50.4 cm, hip joints to shoulder joints
NECK = (_CHIN_H - _SHOULDER_H) * HEIGHT  # 9.1 cm
HEAD = (1.0 - _CHIN_H) * HEIGHT  # 22.8 cm, chin to crown
UPPER_ARM = _UPPER_ARM * HEIGHT  # 32.6 cm
FOREARM = _FOREARM * HEIGHT  # 25.6 cm
HAND = _HAND * HEIGHT * 0.6  # 11.3 cm: drawn to the middle of a loosely closed hand
FOOT = _FOOT * HEIGHT  # 26.6 cm, heel to toe
ANKLE_HEIGHT = _ANKLE_H * HEIGHT  # 6.8 cm
# Joint centres sit inside the body's outline: half the breadth less the soft tissue around them.
SHOULDER_HALF = _SHOULDER_BREADTH * HEIGHT / 2 - 4.0  # 18.7 cm
HIP_HALF = _HIP_BREADTH * HEIGHT / 2 - 8.0  # 8.7 cm
HEEL_BACK = 0.2 * FOOT  # the heel lies behind the ankle by a fifth of the foot

# Drawn thickness (cm). The trunk is drawn as an outline through the shoulder and hip joints.
THICK = {
    "trunk": 20.0,
    "neck": 9.0,
    "thigh": 15.0,
    "shin": 11.0,
    "foot": 6.0,
    "upper_arm": 9.0,
    "forearm": 7.5,
    "hand": 7.5,
}
HEAD_RADIUS = 10.5
TRUNK_INNER_SHOULDER = 8.0  # half-width of the trunk outline's corners at the shoulders
TRUNK_INNER_HIP = 8.0

SIDES = ("left", "right")
FOOT_HALF_WIDTH = (4.0, 5.0)  # half the foot's width at the heel and at the toes (drawing choices)
HAND_HALF_WIDTH = 4.0
# Body points a contact may name. Side points are written 'left.knee'.
CENTRE_POINTS = ("head", "chest", "pelvis")
SIDE_POINTS = (
    "shoulder",
    "upper_arm",
    "elbow",
    "forearm",
    "wrist",
    "hand",
    "hip",
    "thigh",
    "knee",
    "shin",
    "ankle",
    "heel",
    "toe",
    "foot",
)
POINTS = CENTRE_POINTS + tuple(f"{side}.{point}" for side in SIDES for point in SIDE_POINTS)

# Segments: (name, from point, to point, thickness key); limbs per side.
LEG = (("thigh", "hip", "knee"), ("shin", "knee", "ankle"), ("foot", "heel", "toe"))
ARM = (("upper_arm", "shoulder", "elbow"), ("forearm", "elbow", "wrist"), ("hand", "wrist", "hand"))


@dataclass(frozen=True)
class Angles:
    """Joint angles of one side, in degrees (anatomical conventions, zero = standing)."""

    hip_flexion: float = 0.0  # + flexion (thigh forward), - extension
    hip_abduction: float = 0.0  # + abduction (out to the side), - adduction (across)
    hip_rotation: float = 0.0  # + external (lateral) rotation, - internal
    knee: float = 0.0  # flexion
    ankle: float = 0.0  # + dorsiflexion (toes up), - plantarflexion (toes pointed)
    shoulder_flexion: float = 0.0  # + flexion (arm forward and up), - extension
    shoulder_abduction: float = 0.0  # + abduction (arm out to the side), - adduction (across the body)
    shoulder_rotation: float = 0.0  # + external rotation, - internal
    elbow: float = 0.0  # flexion
    wrist: float = 0.0  # + flexion (palm towards the forearm), - extension
    foot_eversion: float = 0.0  # + eversion (sole turned out), - inversion


def limb_frame(flexion: float, abduction: float, rotation_: float, side: str) -> Mat:
    """Flexion about the left-right axis, then abduction, then rotation about the limb's axis."""
    sign = -1.0 if side == "left" else 1.0
    return mul(mul(rotation("z", flexion), rotation("x", sign * abduction)), rotation("y", sign * rotation_))


def body_points(
    neck: float, sides: dict[str, Angles], neck_side: float = 0.0, head_turn: Mat | None = None
) -> dict[str, Vec]:
    """Every body point in the body's own frame, the pelvis (between the hip joints) at the origin.

    Besides the points contacts may name, it gives the drawing's: the corners of each sole
    (``left.heel_in`` ...), each hand's edges (``left.hand_in``, ``left.hand_out``) and ``face``,
    a point on the front of the head. ``head_turn``, when given, turns the head instead of
    ``neck`` and ``neck_side`` (the figures pass the turn their joint table makes)."""
    points: dict[str, Vec] = {"pelvis": (0.0, 0.0, 0.0)}
    chest: Vec = (0.0, TRUNK, 0.0)
    points["chest"] = chest
    # Side bend first (+ towards the right shoulder, the -z side), then flexion.
    if head_turn is None:
        head_turn = mul(rotation("x", -neck_side), rotation("z", -neck))
    head_dir = apply(head_turn, (0.0, 1.0, 0.0))
    points["neck_top"] = add(chest, scale(head_dir, NECK))
    points["head"] = add(points["neck_top"], scale(head_dir, HEAD / 2))
    points["face"] = add(points["head"], apply(head_turn, (HEAD_RADIUS * 0.75, 0.0, 0.0)))
    for side in SIDES:
        points.update(_leg_points(side, sides[side]))
        points.update(_arm_points(side, sides[side]))
    return points


def _leg_points(side: str, a: Angles) -> dict[str, Vec]:
    down: Vec = (0.0, -1.0, 0.0)
    lateral = 1.0 if side == "left" else -1.0
    hip: Vec = (0.0, 0.0, lateral * HIP_HALF)
    thigh_frame = limb_frame(a.hip_flexion, a.hip_abduction, a.hip_rotation, side)
    knee = add(hip, apply(thigh_frame, scale(down, THIGH)))
    shin_frame = mul(thigh_frame, rotation("z", -a.knee))
    ankle = add(knee, apply(shin_frame, scale(down, SHANK)))
    foot_frame = mul(mul(shin_frame, rotation("z", a.ankle)), rotation("x", -lateral * a.foot_eversion))
    sole = add(ankle, apply(foot_frame, (0.0, -(ANKLE_HEIGHT - THICK["foot"] / 2), 0.0)))
    heel = add(sole, apply(foot_frame, (-HEEL_BACK, 0.0, 0.0)))
    toe = add(sole, apply(foot_frame, (FOOT - HEEL_BACK, 0.0, 0.0)))
    heel_w, toe_w = (apply(foot_frame, (0.0, 0.0, lateral * w)) for w in FOOT_HALF_WIDTH)
    p = f"{side}."
    return {
        p + "hip": hip,
        p + "thigh": lerp(hip, knee, 0.5),
        p + "knee": knee,
        p + "shin": lerp(knee, ankle, 0.5),
        p + "ankle": ankle,
        p + "heel": heel,
        p + "toe": toe,
        p + "foot": lerp(heel, toe, 0.5),
        p + "heel_in": add(heel, scale(heel_w, -1.0)),
        p + "heel_out": add(heel, heel_w),
        p + "toe_in": add(toe, scale(toe_w, -1.0)),
        p + "toe_out": add(toe, toe_w),
    }


def _arm_points(side: str, a: Angles) -> dict[str, Vec]:
    down: Vec = (0.0, -1.0, 0.0)
    lateral = 1.0 if side == "left" else -1.0
    shoulder: Vec = (0.0, TRUNK, lateral * SHOULDER_HALF)
    arm_frame = limb_frame(a.shoulder_flexion, a.shoulder_abduction, a.shoulder_rotation, side)
    elbow = add(shoulder, apply(arm_frame, scale(down, UPPER_ARM)))
    forearm_frame = mul(arm_frame, rotation("z", a.elbow))
    wrist = add(elbow, apply(forearm_frame, scale(down, FOREARM)))
    hand_frame = mul(forearm_frame, rotation("z", a.wrist))
    hand = add(wrist, apply(hand_frame, scale(down, HAND)))
    across = apply(hand_frame, (0.0, 0.0, lateral * HAND_HALF_WIDTH))
    p = f"{side}."
    return {
        p + "shoulder": shoulder,
        p + "upper_arm": lerp(shoulder, elbow, 0.5),
        p + "elbow": elbow,
        p + "forearm": lerp(elbow, wrist, 0.5),
        p + "wrist": wrist,
        p + "hand": hand,
        p + "hand_in": add(lerp(wrist, hand, 1.3), scale(across, -1.0)),
        p + "hand_out": add(lerp(wrist, hand, 1.3), across),
    }


def point_radius(point: str) -> float:
    """How far a point's centre lies from the skin: half the thickness of the body there."""
    name = point.split(".")[-1]
    radii = {
        "head": HEAD_RADIUS,
        "chest": THICK["trunk"] / 2,
        "pelvis": THICK["trunk"] / 2,
        "shoulder": THICK["upper_arm"] / 2,
        "upper_arm": THICK["upper_arm"] / 2,
        "elbow": (THICK["upper_arm"] + THICK["forearm"]) / 4,
        "forearm": THICK["forearm"] / 2,
        "wrist": THICK["forearm"] / 2,
        "hand": THICK["hand"] / 2,
        "hip": THICK["thigh"] / 2,
        "thigh": THICK["thigh"] / 2,
        "knee": (THICK["thigh"] + THICK["shin"]) / 4,
        "shin": THICK["shin"] / 2,
        "ankle": THICK["shin"] / 2,
        "heel": THICK["foot"] / 2,
        "toe": THICK["foot"] / 2,
        "foot": THICK["foot"] / 2,
    }
    return radii[name]


def segments() -> list[tuple[str, str, str, float]]:
    """(name, from, to, radius) for every segment checked against floor and props."""
    found = [("trunk", "pelvis", "chest", THICK["trunk"] / 2), ("neck", "chest", "neck_top", THICK["neck"] / 2)]
    for side in SIDES:
        for name, a, b in LEG + ARM:
            found.append((f"{side}.{name}", f"{side}.{a}", f"{side}.{b}", THICK[name] / 2))
    return found
