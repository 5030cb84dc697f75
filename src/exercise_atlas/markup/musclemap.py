"""The muscle map's content: which regions a map draws, in which order and role.

The map is one shared drawing per page (``templates/muscle_map_defs.html``: the body outline,
and each muscle's region from the muscles data file, as SVG symbols added once by
:mod:`.shared_svg`); each map (``templates/muscle_map.html``) is a few ``<use>`` references to it,
whose classes set the colours the shapes inherit. Keeping the choice of what to highlight here,
in plain Python, lets cards, the anatomy article and the library filter share one map and one
wording.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from ..content.records import MuscleData
from ..content.vocabulary import MapView

PRIMARY, SECONDARY, PLAIN = "primary", "secondary", "plain"
_DRAW_ORDER = {PLAIN: 0, SECONDARY: 1, PRIMARY: 2}


@dataclass(frozen=True)
class Region:
    """One muscle drawn on a map: a ``<use>`` of its shared shape, in the colours of its role."""

    muscle: str
    name: str
    role: str
    deep: bool
    parts: tuple[str, ...]  # one per drawn shape ("front", "front-mirror", "medial"): the picker's targets


@dataclass(frozen=True)
class MuscleMap:
    regions: tuple[Region, ...]
    primary: tuple[str, ...]
    secondary: tuple[str, ...]
    subject: str  # what the map shows, for its title
    names: dict[str, str]  # the highlighted muscles' names
    deep: tuple[str, ...]  # names of highlighted muscles that lie under others


@dataclass(frozen=True)
class Shape:
    """A muscle's region on every view that draws it: defined once per page, used by every map."""

    muscle: str
    name: str
    paths: tuple[tuple[str, str], ...]  # (view, SVG path data), in the order of the site's views
    deep: bool = False  # under other muscles: drawn only when highlighted, so not among the plain ones


SHAPE_ID_PREFIX = "atlas-mm-"  # a muscle's shape is atlas-mm-<id>; the body's are atlas-mm--skin and atlas-mm--lines


def _parts(regions: dict[str, str], views: tuple[MapView, ...]) -> tuple[str, ...]:
    return tuple(
        part for view in views if view.id in regions for part in (view.id, f"{view.id}-mirror")[: 1 + view.mirror]
    )


def shapes(muscles: dict[str, MuscleData], views: tuple[MapView, ...]) -> tuple[Shape, ...]:
    """The shared drawing's muscle regions, in data order."""
    found = []
    for mid, m in muscles.items():
        regions = cast(dict[str, str], m["map"])
        paths = tuple((view.id, regions[view.id]) for view in views if view.id in regions)
        if paths:
            found.append(Shape(mid, m["name"], paths, bool(m["map"].get("deep"))))
    return tuple(found)


def build_map(
    muscles: dict[str, MuscleData], views: tuple[MapView, ...], primary: list[str], secondary: list[str], subject: str
) -> MuscleMap:
    """The regions of one map, highlighted ones drawn last so they are never hidden under plain ones.

    Deep muscles lie under others, so they are drawn only when highlighted.
    """
    roles = {m: PRIMARY for m in primary} | {m: SECONDARY for m in secondary}
    regions = [
        Region(
            mid,
            m["name"],
            roles.get(mid, PLAIN),
            bool(m["map"].get("deep")),
            _parts(cast(dict[str, str], m["map"]), views),
        )
        for mid, m in muscles.items()
        if any(view.id in m["map"] for view in views) and (mid in roles or not m["map"].get("deep"))
    ]
    regions.sort(key=lambda r: _DRAW_ORDER[r.role])  # stable: data order within a role
    names = {m: muscles[m]["name"] for m in primary + secondary}
    return MuscleMap(
        regions=tuple(regions),
        primary=tuple(primary),
        secondary=tuple(secondary),
        subject=subject,
        names=names,
        deep=tuple(names[m] for m in primary + secondary if muscles[m]["map"].get("deep")),
    )
