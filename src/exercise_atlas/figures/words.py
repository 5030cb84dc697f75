"""The figure in words: what a screen reader hears instead of the picture, made from the same data."""

from __future__ import annotations

from .body import Angles
from .placing import Figure, Placed

VIEW_WORDS = {"side": "the side", "front": "the front", "top": "above"}

# (angle name, words when positive, words when negative); {s} is the side, {v} the degrees.
_JOINT_WORDS = (
    ("hip_flexion", "{s} hip bent {v} degrees", "{s} leg back {v} degrees"),
    ("hip_abduction", "{s} leg out to the side {v} degrees", "{s} leg across the midline {v} degrees"),
    ("hip_rotation", "{s} leg turned out {v} degrees", "{s} leg turned in {v} degrees"),
    ("knee", "{s} knee bent {v} degrees", ""),
    ("ankle", "{s} ankle pulled up {v} degrees", "{s} foot pointed {v} degrees"),
    ("shoulder_flexion", "{s} arm raised forwards {v} degrees", "{s} arm back {v} degrees"),
    ("shoulder_abduction", "{s} arm out to the side {v} degrees", ""),
    ("elbow", "{s} elbow bent {v} degrees", ""),
)


def _posture(view: str, trunk: float, lean: float) -> str:
    if view == "top":
        return (
            {True: "lying on the back, seen from above", False: "face down, seen from above"}[lean < 0]
            if abs(lean) > 45
            else "seen from above"
        )
    if view == "front" and abs(lean) >= 60:
        return "on all fours, facing the reader" if lean > 0 else "lying on the back"
    if view == "front" and abs(lean) >= 15:
        words = f"bending forwards {lean:g} degrees" if lean > 0 else f"leaning back {-lean:g} degrees"
        return words if abs(trunk) < 15 else f"{words}, tilted {trunk:g} degrees"
    t = trunk + (lean if view == "side" else 0)
    if abs(t) < 15:
        return "lying on the back, seen from above" if view == "top" else "upright"
    if view == "top":
        return "lying on the back, seen from above"
    if abs(t) > 165:
        return "upside down"
    if 65 <= abs(t) <= 115:
        if view == "side":
            return "lying face down" if t > 0 else "lying on the back"
        return "lying on the left side" if t > 0 else "lying on the right side"
    if view == "side":
        return f"leaning {'forwards' if t > 0 else 'backwards'} {abs(t):g} degrees"
    return f"leaning to the {'left' if t > 0 else 'right'} {abs(t):g} degrees"


def _joints(sides: dict[str, Angles]) -> list[str]:
    parts: list[str] = []
    for name, positive, negative in _JOINT_WORDS:
        left, right = getattr(sides["left"], name), getattr(sides["right"], name)
        for who, value in (("both", left),) if left == right else (("left", left), ("right", right)):
            if value == 0:
                continue
            text = positive if value > 0 else negative
            if not text:
                continue
            words = text.format(s=who, v=f"{abs(value):g}")
            if who == "both":
                words = words.replace("both hip", "both hips").replace("both knee", "both knees")
                words = words.replace("both leg", "both legs").replace("both arm", "both arms")
                words = words.replace("both ankle", "both ankles").replace("both foot", "both feet")
                words = words.replace("both elbow", "both elbows")
            parts.append(words)
    return parts


def _point(point: str) -> str:
    return point.replace(".", " ").replace("_", " ")


def position_words(view: str, pos: Placed) -> str:
    parts = [_posture(view, pos.trunk, pos.lean)]
    if pos.roll:
        parts.append(
            f"turned {abs(pos.roll):g} degrees about its long axis, front towards the {'right' if pos.roll > 0 else 'left'}"
        )
    parts += _joints(pos.sides)
    if pos.neck:
        parts.append(f"head tilted {'forwards' if pos.neck > 0 else 'back'} {abs(pos.neck):g} degrees")
    if pos.shift:
        parts.append(f"{abs(pos.shift):g} cm further {'right' if pos.shift > 0 else 'left'} in the picture")
    contacts = pos.contacts
    if pos.lift and contacts:
        point, on = contacts[0]
        parts.append(f"in the air, {_point(point)} {pos.lift:g} cm above the {on}")
        contacts = contacts[1:]
    parts += [f"{_point(point)} on the {on}" for point, on in contacts]
    return "; ".join(parts)


def describe(figure: Figure, name: str) -> str:
    """One sentence per key position, in order."""
    text = [f"{name}, a drawing seen from {VIEW_WORDS[figure.view]}, in {len(figure.positions)} key positions."]
    for pos in figure.positions:
        text.append(f"{pos.key.capitalize()}: {position_words(figure.view, pos)}.")
    return " ".join(text)
