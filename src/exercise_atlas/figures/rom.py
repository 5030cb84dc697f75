"""Normal active range of motion, the limits every drawn joint angle is checked against.

Values are the American Academy of Orthopaedic Surgeons' normal values, as tabulated beside
measured ones by Boone and Azen, "Normal range of motion of joints in male subjects", J Bone Joint
Surg Am 1979, doi:10.2106/00004623-197961050-00017 (see data/references-verification.md for
what was checked). The neck is not in that table: its limit is the figures' own, kept to
the near-neutral head positions the exercises need.

Each entry: (lowest, highest) in degrees, with the words for each direction.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Range:
    motion: str  # what the angle measures, as the message says it
    low: float
    high: float
    source: str


_AAOS = "AAOS normal values (Boone and Azen 1979)"
_OWN = "the figures' own limit for the neck"

RANGES: dict[str, Range] = {
    "hip_flexion": Range("hip flexion (+) / extension (-)", -30, 120, _AAOS),
    "hip_abduction": Range("hip abduction (+) / adduction (-)", -30, 45, _AAOS),
    "hip_rotation": Range("hip external (+) / internal (-) rotation", -45, 45, _AAOS),
    "knee": Range("knee flexion", 0, 135, _AAOS),
    "ankle": Range("ankle dorsiflexion (+) / plantarflexion (-)", -50, 20, _AAOS),
    "shoulder_flexion": Range("shoulder flexion (+) / extension (-)", -60, 180, _AAOS),
    "shoulder_abduction": Range("shoulder abduction", 0, 180, _AAOS),
    "elbow": Range("elbow flexion", 0, 150, _AAOS),
    "neck": Range("neck flexion (+) / extension (-)", -45, 45, _OWN),
    "trunk": Range("trunk tilt in the picture", -180, 180, "a full turn"),
    "lean": Range("whole-body lean", -180, 180, "a full turn"),
    "roll": Range("whole-body roll", -180, 180, "a full turn"),
}


def format_range(r: Range) -> str:
    return f"{r.low:g} to {r.high:g} degrees for {r.motion}, {r.source}"
