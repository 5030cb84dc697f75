"""The muscle map's content: which regions each view draws, in which order and role.

The artwork of the body lives in ``templates/muscle_map.html``; each muscle's region lives with
the muscle in the muscles data file. Keeping the choice of what to highlight here, in plain
Python, lets cards, the anatomy article and the library filter share one map and one wording.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from .data import MuscleData
from .schema import MAP_VIEWS

PRIMARY, SECONDARY, PLAIN = "primary", "secondary", "plain"
_DRAW_ORDER = {PLAIN: 0, SECONDARY: 1, PRIMARY: 2}


@dataclass(frozen=True)
class Region:
    muscle: str
    name: str
    path: str
    role: str
    deep: bool


@dataclass(frozen=True)
class MapView:
    name: str
    regions: tuple[Region, ...]


@dataclass(frozen=True)
class MuscleMap:
    views: tuple[MapView, ...]
    primary: tuple[str, ...]
    secondary: tuple[str, ...]
    title: str
    description: str


def build_map(muscles: dict[str, MuscleData], primary: list[str], secondary: list[str], subject: str) -> MuscleMap:
    """Regions per view, highlighted ones drawn last so they are never hidden under plain ones.

    Deep muscles lie under others, so they are drawn only when highlighted.
    """
    roles = {m: PRIMARY for m in primary} | {m: SECONDARY for m in secondary}
    views = []
    for view in MAP_VIEWS:
        regions = [
            Region(
                mid, m["name"], cast(dict[str, str], m["map"])[view], roles.get(mid, PLAIN), bool(m["map"].get("deep"))
            )
            for mid, m in muscles.items()
            if view in m["map"] and (mid in roles or not m["map"].get("deep"))
        ]
        regions.sort(key=lambda r: _DRAW_ORDER[r.role])  # stable: data order within a role
        views.append(MapView(view, tuple(regions)))
    names = {m: muscles[m]["name"] for m in primary + secondary}
    return MuscleMap(
        views=tuple(views),
        primary=tuple(primary),
        secondary=tuple(secondary),
        title=f"Muscle map: {subject}",
        description=_description(muscles, primary, secondary, names),
    )


def _description(
    muscles: dict[str, MuscleData], primary: list[str], secondary: list[str], names: dict[str, str]
) -> str:
    """What a screen reader hears instead of the picture: the same facts as the highlighting."""
    parts = ["Schematic front and inner views of the hips and thighs."]
    if primary:
        parts.append("Strongly highlighted, main muscles: " + ", ".join(names[m] for m in primary) + ".")
    if secondary:
        parts.append("Lightly highlighted, helpers: " + ", ".join(names[m] for m in secondary) + ".")
    deep = [names[m] for m in primary + secondary if muscles[m]["map"].get("deep")]
    if deep:
        parts.append(", ".join(deep) + (" lies" if len(deep) == 1 else " lie") + " deep, under other muscles.")
    return " ".join(parts)
