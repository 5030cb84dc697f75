"""``{{ stride() }}``: the running stride from the charts file, as one figure.

Registered in the macro catalogue like the built-in macros (importing this module registers it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import did_you_mean
from ..markup.grammar import Value
from ..markup.macros import AlreadyReportedError, Param, macro, text
from .stride_svg import SECONDS, speed_art

if TYPE_CHECKING:
    from ..content.model import Site
    from ..markup.renderer import Renderer


def first_speed(value: Value, site: Site) -> str:
    """The speed shown first (empty: the first in the file); the site must have a stride."""
    value = text(value, site)
    if "charts" in site.unreadable:
        raise AlreadyReportedError(value)
    stride = site.charts.get("stride")
    if stride is None:
        raise ValueError("the site has no stride: add a stride: section to its charts_file")
    ids = [s["id"] for s in stride["speeds"]]
    if value and value not in ids:
        raise ValueError(f"unknown speed '{value}'{did_you_mean(value, ids)}; the stride has {', '.join(ids)}")
    return value or ids[0]


def sources(stride: dict[str, Any]) -> list[str]:
    keys: list[str] = []
    for speed in stride["speeds"]:
        for item in [speed, *speed["events"], *speed.get("active", [])]:
            if "source" in item and item["source"] not in keys:
                keys.append(item["source"])
    return keys


@macro("stride", Param("show", first_speed, ""))
def stride(r: Renderer, page: str | None, show: str) -> str:
    data = r.site.charts["stride"]
    names = {m: r.site.muscles[m]["name"] for m in r.site.muscles}
    alone = len(data["speeds"]) == 1
    speeds = [speed_art(speed, names, alone) for speed in data["speeds"]]
    coarse = any(speed.get("coarse") for speed in data["speeds"])
    refs = [r.site.references[key] for key in sources(data)]
    return r.template("stride.html", stride=data, speeds=speeds, show=show, coarse=coarse, refs=refs, seconds=SECONDS)
