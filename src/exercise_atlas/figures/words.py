"""The figure in words: what a screen reader hears instead of the picture, made from the placed
body and the catalogue's words for each joint. Short: where the body is, what rests on what, and
what moves, never a list of angles."""

from __future__ import annotations

import math
from dataclasses import fields

from .body import HEIGHT, SIDES, Angles
from .camera import Camera
from .catalogue import JOINTS, PROPS, body_joints
from .motion import shared_contacts
from .placing import Figure, Placed, find_prop
from .vectors import Vec, add, scale, sub

VIEW_WORDS = {"side": "from the side", "front": "from the front", "top": "from above", "oblique": "at three-quarters"}
BEHIND = 90.0  # an oblique camera turned further round the body than this looks from behind
STRAIGHT = 15.0  # ... and within this of 180 degrees, straight from behind (of 0, from the front)
TURN_WORTH_SAYING = 12.0  # degrees
RISE_WORTH_SAYING = 8.0  # cm
_POINT_WORDS = {"elbow": "forearm", "pelvis": "hips", "chest": "chest", "head": "head"}


def view_words(camera: Camera) -> str:
    """Where the reader sees the body from, as the text alternative says it."""
    if camera.view == "oblique" and abs(camera.turn) >= 180 - STRAIGHT:
        return "from behind"
    if camera.view == "oblique" and abs(camera.turn) > BEHIND:
        return "from behind, at three-quarters"
    if camera.view == "oblique" and abs(camera.turn) <= STRAIGHT:
        return "from the front"
    return VIEW_WORDS[camera.view]


def _unit(v: Vec) -> Vec:
    n = math.sqrt(sum(c * c for c in v)) or 1.0
    return (v[0] / n, v[1] / n, v[2] / n)


def _sides_by_height(pos: Placed) -> dict[str, str]:
    """'left' -> 'top' when lying on a side: the reader's words for the upper and lower leg."""
    left, right = pos.points["left.hip"][1], pos.points["right.hip"][1]
    if abs(left - right) < 8:
        return {side: side for side in SIDES}
    return {"left": "top" if left > right else "bottom", "right": "top" if right > left else "bottom"}


def posture(pos: Placed) -> str:
    """Standing, squatting, kneeling, sitting, on all fours, lying on the back, front or a side."""
    pts = pos.points
    up = _unit(sub(pts["chest"], pts["pelvis"]))
    face = _unit(sub(pts["face"], pts["head"]))
    # What bears weight: points on the floor or on a bench, not a cushion squeezed or a hand holding.
    on = {
        point.split(".")[-1]
        for point, surface in pos.contacts
        if surface == "floor" or "bench" in surface or "seat" in surface
    }
    if "pelvis" in on and up[1] > 0.55:
        return "sitting"
    if on <= {"foot", "heel", "toe"} and (on or pos.lift):
        knee = max(pos.sides[s].knee for s in SIDES)
        if pts["pelvis"][1] < 0.42 * HEIGHT and knee > 60:
            return "squatting"
        if up[1] < 0.85:
            return "bending forwards at the hips"
        return "standing"
    if "knee" in on and up[1] > 0.55:
        return "kneeling"
    if {"elbow", "knee"} <= on and face[1] < -0.5:  # forearms flat: the hands may rest too
        return "on forearms and knees"
    if {"hand", "knee"} <= on:
        return "on hands and knees"
    if face[1] > 0.6:
        return "lying on the back"
    if face[1] < -0.6:
        return "lying face down"
    lower = "right" if pts["right.shoulder"][1] < pts["left.shoulder"][1] else "left"
    return f"lying on the {lower} side"


def _point(point: str, names: dict[str, str]) -> str:
    side, _, part = point.rpartition(".")
    part = _POINT_WORDS.get(part, part.replace("_", " "))
    return f"{names.get(side, side)} {part}" if side else part


def _surface(figure: Figure, on: str, names: dict[str, str] | None = None) -> str:
    if on == "floor":
        return "the floor"
    if "." in on or on in ("chest", "pelvis"):  # another part of the body: 'the bottom upper arm'
        return "the " + _point(on, names or {})
    spec = find_prop(figure.props_data, on)
    if spec is None:
        return on
    return (
        "the " + PROPS[spec["type"]].noun.split(" ", 1)[1] if spec.get("id") is None else f"the {on.replace('-', ' ')}"
    )


def supports(figure: Figure, pos: Placed) -> str:
    """What rests on what: 'both feet on the floor, top ankle on the bench'."""
    if pos.lift:
        return "in the air"
    names = _sides_by_height(pos)
    seen: list[tuple[str, str, str]] = []  # (side, part, surface)
    for point, on in pos.contacts:
        side, _, part = point.rpartition(".")
        part = "foot" if part in ("heel", "toe") else part
        entry = (side, part, _surface(figure, on, names))
        if entry not in seen:
            seen.append(entry)
    words: list[str] = []
    for side, part, surface in seen:
        # Each side on its own of a pair of props ('the left pad', 'the right pad') is 'the pads'.
        pair = [s for s, p, w in seen if p == part and _unsided(w, s) == _unsided(surface, side)]
        named = _point(f"{side}.{part}" if side else part, names)
        if len(pair) == 2:
            if side != pair[0]:
                continue
            named = "both " + _PLURALS.get(_POINT_WORDS.get(part, part), _POINT_WORDS.get(part, part) + "s")
            if surface != _unsided(surface, side):
                surface = _unsided(surface, side) + "s"
        words.append(f"{named} on {surface}")
    return ", ".join(words)


def _unsided(surface: str, side: str) -> str:
    """'the left pad' for the left side is 'the pad'; any other surface is itself."""
    return surface.replace(f"the {side} ", "the ", 1) if side and surface.startswith(f"the {side} ") else surface


_PLURALS = {"foot": "feet", "knee": "knees", "forearm": "forearms", "hand": "hands", "ankle": "ankles"}


def changes(a: Placed, b: Placed, working: tuple[str, ...] = ()) -> list[str]:
    """What moves from ``a`` to ``b``, biggest first, at most three phrases."""
    names = _sides_by_height(a)
    found: list[tuple[float, str]] = []
    worked: list[tuple[float, str]] = []  # the working side's own joints
    rise = b.points["pelvis"][1] - a.points["pelvis"][1]
    back = _hips_back(a, b)
    hips = [
        ("rise" if rise > 0 else "sink") if abs(rise) >= RISE_WORTH_SAYING else "",
        ("move back" if back > 0 else "come forwards") if abs(back) >= RISE_WORTH_SAYING else "",
    ]
    if any(hips):  # "the hips sink back" (a squat, a rock-back) is one movement, said once
        if all(hips):
            phrase = "sink back" if hips == ["sink", "move back"] else " and ".join(hips)
        else:
            phrase = hips[0] or hips[1]
        found.append(((abs(rise) + abs(back)) * 2, f"the hips {phrase}"))
    biggest = max(abs(getattr(b.sides[s], f.name) - getattr(a.sides[s], f.name)) for s in SIDES for f in fields(Angles))
    # A small movement (a few centimetres' lift) is still the movement: say it when it is all there is.
    worth = TURN_WORTH_SAYING if biggest >= TURN_WORTH_SAYING else 4.0
    for f in fields(Angles):
        joint = JOINTS[f.name]
        turn = {side: getattr(b.sides[side], f.name) - getattr(a.sides[side], f.name) for side in SIDES}
        moving = [side for side in SIDES if abs(turn[side]) >= worth]
        if not moving:
            continue
        if len(moving) == 2 and (turn["left"] > 0) == (turn["right"] > 0):
            who = "both " + ("knees" if joint.part == "knee" else f"{joint.part}s")
            verb = (joint.more if turn["left"] > 0 else joint.less).replace("turns its", "turn their")
            verb = _plural(verb)
            weight = abs(turn["left"]) * (0.5 if joint.part in ("arm", "elbow", "wrist") else 1.0)
            found.append((weight, f"{who} {verb}"))
            continue
        for side in moving:
            verb = joint.more if turn[side] > 0 else joint.less
            if f.name == "hip_abduction" and names[side] == "bottom":  # lying on a side: in is up
                verb = "lowers" if turn[side] > 0 else "lifts"
            weight = abs(turn[side]) * (0.5 if joint.part in ("arm", "elbow", "wrist") else 1.0)
            found.append((weight, f"the {names[side]} {joint.part} {verb}"))
            if side in working:
                worked.append((weight, f"the {names[side]} {joint.part} {verb}"))
    for joint in body_joints():  # the head's angles, and any whole-body angle with a part to name
        angle = b.whole.get(joint.name, 0.0) - a.whole.get(joint.name, 0.0)
        if joint.part and abs(angle) >= worth:
            found.append((abs(angle) * 0.5, f"the {joint.part} {joint.more if angle > 0 else joint.less}"))
    if abs(b.shift - a.shift) >= 20:
        found.append((abs(b.shift - a.shift), "the body bounds sideways"))
    found.sort(key=lambda item: -item[0])
    said = found[:3]
    # The working leg's own movement is what the exercise is for: it is said even when bigger
    # movements of the rest of the body would crowd it out.
    worked.sort(key=lambda item: -item[0])
    if (
        worked
        and len(found) > 3
        and not any(item in said for item in worked)
        and not any("both" in words for _, words in said)
    ):
        said = [*found[:2], worked[0]]
    return [words for _, words in said]


def _hips_back(a: Placed, b: Placed) -> float:
    """How far (cm) the hips move back over what holds the body up, away from where the body
    faces in ``a``: towards the heels on all fours, behind the feet in a squat (0 unless the two
    positions rest on at least two of the same points: in the air or on one foot). The
    body faces along its trunk when the trunk lies more than half flat, and along its face when
    upright; the hips are measured from the middle of the points resting, so a foot stepping
    forwards under still hips is not 'the hips moving back'."""
    if posture(a).startswith("lying"):  # lying, the hips rise or sink; back and forth is not said
        return 0.0
    trunk = sub(a.points["chest"], a.points["pelvis"])
    face = sub(a.points["face"], a.points["head"])
    ahead = trunk if math.hypot(trunk[0], trunk[2]) > 0.5 * math.hypot(*trunk) else face
    length = math.hypot(ahead[0], ahead[2])
    resting = [point for point, _ in shared_contacts(a, b)]
    if length < 1e-6 or len(resting) < 2:
        return 0.0  # on one foot, or stepping from one to another, "back" has nothing to be measured from
    base_a, base_b = _base(a, resting), _base(b, resting)
    if base_a is None or base_b is None:
        return 0.0
    move = sub(sub(b.points["pelvis"], base_b), sub(a.points["pelvis"], base_a))
    return -(move[0] * ahead[0] + move[2] * ahead[2]) / length


def _base(pos: Placed, resting: list[str]) -> Vec | None:
    """The middle of the ``resting`` body points (a foot is its own point, between heel and toe)."""
    spots = [pos.points[point] for point in resting if point in pos.points]
    if not spots:
        return None
    total = spots[0]
    for v in spots[1:]:
        total = add(total, v)
    return scale(total, 1.0 / len(spots))


def _plural(verb: str) -> str:
    first, _, rest = verb.partition(" ")
    if first.endswith("es") and first[:-2].endswith(("sh", "ch", "s", "x")):
        first = first[:-2]
    elif first.endswith("s"):
        first = first[:-1]
    return f"{first} {rest}".strip()


def _working(figure: Figure) -> tuple[str, ...]:
    return SIDES if figure.working == "both" else (figure.working,)


def describe(figure: Figure, name: str, returns: bool = True) -> str:
    """A few short sentences: each key position, what moves between them, and (when the movement
    goes back to its start rather than starting afresh) what moves on the way back."""
    positions = figure.positions
    text = [f"{name}, drawn {view_words(figure.camera)}, in {len(positions)} key positions."]
    said = ""
    for index, pos in enumerate(positions):
        where = supports(figure, pos)
        placed = f"{posture(pos)}" + (f", {where}" if where else "")
        moved = changes(positions[index - 1], pos, _working(figure)) if index else []
        # Where the body rests as it did, only the movement is news.
        sentence = f"{pos.key.capitalize()}: " + (", ".join(moved) if moved and placed == said else placed)
        if moved and placed != said:
            sentence += "; " + ", ".join(moved)
        said = placed
        text.append(sentence + ".")
    back = changes(positions[-1], positions[0], _working(figure)) if len(positions) > 1 and returns else []
    if back:
        text.append("Then back: " + ", ".join(back) + ".")
    return " ".join(text)
