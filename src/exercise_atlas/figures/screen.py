"""Screen coordinates of one drawn pose: the camera's projection moved into its panel, written
as SVG numbers. ``fixed`` writes every point (no point dropped when two coincide), so the path
data of every pose of a movement has the same commands and SMIL can interpolate between them."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from .camera import Camera, Projector, projector
from .vectors import Vec


def num(value: float, digits: int = 1) -> str:
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{value:.0f}"
    return "0" if text in ("-0", "") else text


@dataclass(frozen=True)
class SvgShape:
    tag: str
    cls: str
    attrs: tuple[tuple[str, str], ...]

    def attr(self, name: str) -> str:
        return dict(self.attrs)[name]


def shape(tag: str, cls: str, **attrs: str) -> SvgShape:
    return SvgShape(tag, cls, tuple(attrs.items()))


@dataclass(frozen=True)
class Screen:
    camera: Camera
    left: float
    top: float
    digits: int = 1
    fixed: bool = False

    project: Projector = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "project", projector(self.camera))

    def xy(self, v: Vec) -> tuple[float, float]:
        x, y, _ = self.project(v)
        return x - self.left, y - self.top

    def depth(self, v: Vec) -> float:
        return self.project(v)[2]

    def pt(self, v: Vec) -> str:
        x, y = self.xy(v)
        return f"{num(x, self.digits)} {num(y, self.digits)}"

    def n(self, value: float) -> str:
        return num(value, self.digits)

    def path(self, *chains: list[Vec], close: bool = False) -> str:
        if self.fixed:
            return self._relative(chains, close)
        parts = []
        for chain in chains:
            points: list[str] = []
            for v in chain:
                p = self.pt(v)
                if self.fixed or not points or points[-1] != p:
                    points.append(p)
            if len(points) == 1:  # seen end-on: a dot (round caps draw it)
                parts.append(f"M{points[0]}l0 0")
            else:
                parts.append("M" + "L".join(points) + ("Z" if close else ""))
        return "".join(parts)

    def _relative(self, chains: tuple[list[Vec], ...], close: bool) -> str:
        """Every point, each after the first as a move from the one before (whole numbers
        rounded before the differences are taken, so nothing drifts): short, and the same
        commands in every pose."""
        parts = []
        for chain in chains:
            xy = [tuple(round(c) for c in self.xy(v)) for v in chain]
            text = f"M{xy[0][0]} {xy[0][1]}" + "".join(
                f"l{b[0] - a[0]} {b[1] - a[1]}" for a, b in itertools.pairwise(xy)
            )
            parts.append(text.replace(" -", "-") + ("Z" if close else ""))
        return "".join(parts)
