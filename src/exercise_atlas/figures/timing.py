"""How long each part of the movement takes, as the exercise's figure declares it.

Each key position may give ``move`` (seconds to reach it from the one before; on the first
position, the return from the last) and ``hold`` (seconds held there). A three-second lowering
is ``move: 3`` on the low position; a hop's flight is ``move: 0.3``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MOVE = 1.0  # seconds, when a position does not say
HOLD = 0.5


@dataclass(frozen=True)
class Beat:
    """One key position's time: reaching it, then holding it."""

    key: str
    move: float
    hold: float


def beats(data: dict[str, Any]) -> list[Beat]:
    """Every key position's move and hold, in order."""
    return [
        Beat(key, float(pos.get("move", MOVE)), float(pos.get("hold", HOLD))) for key, pos in data["positions"].items()
    ]


def cycle_seconds(data: dict[str, Any]) -> float:
    """One pass through every position and back to the first."""
    return sum(b.move + b.hold for b in beats(data))
