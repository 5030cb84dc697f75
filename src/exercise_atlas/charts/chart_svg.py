"""A chart as shapes and tables: the geometry of each kind, in one coordinate system.

The SVG is 360 units wide, about a phone's content width, so its text is at its intended size on
a phone and scales up a little on wider screens. Every shape carries a class and no colour: the
stylesheet colours them, in the light and dark palettes and in print. The table holds the same
numbers, formatted by the same function, so the two cannot disagree.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

WIDTH = 360.0
ROW = 30.0  # one labelled bar: the label's line, then the bar
TOP = 18.0  # room for the axis' tick labels
VALUE_SPACE = 44.0  # right of the longest bar, for its number


@dataclass
class Shape:
    tag: str
    cls: str
    attrs: list[tuple[str, str]]
    text: str = ""


@dataclass
class Cell:
    text: str
    href: str = ""
    cite: str = ""  # a citation key, shown as the page's numbered marker


@dataclass
class Table:
    head: list[str]
    rows: list[list[Cell]]
    caption: str = ""


@dataclass
class Art:
    height: float
    shapes: list[Shape]
    tables: list[Table]
    patterns: list[tuple[str, str]] = field(default_factory=list)  # (id, class) of icon tiles
    words: str = ""  # a sentence the chart states in words (the icon array's difference)
    reader: list[Shape] = field(default_factory=list)  # the reader's own marker, placed by the script
    reader_span: tuple[float, float] = (0.0, 0.0)  # the scale's end value and its length in units


def number(value: float) -> str:
    """A number as the data file writes it (108, 13.5, 20.0): the chart and its table both use it."""
    return str(value)


def tick(value: float) -> str:
    """An axis label: 50, 2.5."""
    return f"{value:.1f}".removesuffix(".0")


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _text(cls: str, x: float, y: float, text: str, anchor: str = "") -> Shape:
    attrs = [("x", _n(x)), ("y", _n(y))] + ([("text-anchor", anchor)] if anchor else [])
    return Shape("text", cls, attrs, text)


def _rect(cls: str, x: float, y: float, w: float, h: float) -> Shape:
    return Shape("rect", cls, [("x", _n(x)), ("y", _n(y)), ("width", _n(max(w, 0.5))), ("height", _n(h))])


def _line(cls: str, x1: float, y1: float, x2: float, y2: float) -> Shape:
    return Shape("line", cls, [("x1", _n(x1)), ("y1", _n(y1)), ("x2", _n(x2)), ("y2", _n(y2))])


def tick_step(largest: float) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) giving two to five gridlines."""
    power = 10 ** math.floor(math.log10(largest)) if largest > 0 else 1
    for k in (0.2, 0.25, 0.5, 1, 2, 2.5, 5):
        if largest * 1.05 / (k * power) <= 5:
            return k * power
    return 10 * power  # pragma: no cover - k = 5 always fits


def nice_end(largest: float) -> float:
    """The axis' end: the first gridline past the data (125 for 108, 20 for 18)."""
    step = tick_step(largest)
    return float(math.ceil(largest * 1.05 / step) * step)


def _ticks(end: float) -> list[float]:
    step = tick_step(end / 1.05)
    return [i * step for i in range(int(end // step + 1e-9) + 1)]


def _axis(end: float, height: float, unit: str) -> tuple[list[Shape], Callable[[float], float]]:
    span = WIDTH - VALUE_SPACE

    def x(value: float) -> float:
        return value / end * span

    shapes = []
    for at in _ticks(end):
        shapes.append(_line("chart__grid", x(at), TOP - 4, x(at), height))
        anchor = "start" if at == 0 else "middle"
        shapes.append(_text("chart__tick", x(at), TOP - 7, tick(at), anchor))
    shapes.append(_text("chart__tick", WIDTH, TOP - 7, unit, "end"))
    return shapes, x


def bar_rows(rows: list[tuple[str, float]], unit: str, end: float | None = None) -> tuple[float, list[Shape]]:
    """Labelled horizontal bars, one a row: (label, value)."""
    height = TOP + len(rows) * ROW
    shapes, x = _axis(end or nice_end(max(v for _, v in rows)), height, unit)
    for i, (label, value) in enumerate(rows):
        y = TOP + i * ROW
        shapes.append(_text("chart__label", 0, y + 12, label))
        shapes.append(_rect("chart__bar", 0, y + 16, x(value), 10))
        shapes.append(_text("chart__value", x(value) + 4, y + 25, number(value)))
    return height, shapes


def ranked_bars(chart: dict[str, Any], exercise: Callable[[str], tuple[str, str]]) -> Art:
    """Bars from the largest down; each label is the exercise's name, and the table links its card."""
    items = sorted(chart["items"], key=lambda item: -item["value"])
    named = [(*exercise(item["exercise"]), item["value"]) for item in items]
    height, shapes = bar_rows([(name, value) for name, _, value in named], chart["unit"])
    head = ["Exercise", f"{chart.get('quantity', 'Value')} ({chart['unit']})"]
    rows = [[Cell(name, url), Cell(number(value))] for name, url, value in named]
    return Art(height, shapes, [Table(head, rows)])


ICON_W, ICON_H, COLUMNS = 15.0, 19.0, 10  # one person in the icon array; ten to a row


def icon_array(chart: dict[str, Any]) -> Art:
    """Two groups of ``per`` people side by side, those with the outcome filled, first in the group."""
    per, groups = chart["per"], chart["items"]
    rows = math.ceil(per / COLUMNS)
    group_w = COLUMNS * ICON_W
    gap = WIDTH - 2 * group_w
    shapes: list[Shape] = []
    tile = f"chart-{chart['id']}"
    for g, group in enumerate(groups):
        left, top = g * (group_w + gap), 34.0
        shapes.append(_text("chart__label", left, 12, group["label"]))
        shapes.append(_text("chart__value", left, 27, f"{number(group['value'])} in {per}"))
        for state, column, row, columns, count in _icon_spans(round(group["value"]), rows):
            rect = _rect("chart__icons", left + column * ICON_W, top + row * ICON_H, columns * ICON_W, count * ICON_H)
            rect.attrs.append(("fill", f"url(#{tile}-{state})"))
            shapes.append(rect)
    height = 34.0 + rows * ICON_H + 2
    first, second = groups
    difference = second["value"] - first["value"]
    words = (
        f"{first['label']}: {number(first['value'])} in {per} {chart['outcome']}; "
        f"{second['label'].lower()}: {number(second['value'])} in {per}. An absolute difference of "
        f"{tick(round(abs(difference), 2))} {'fewer' if difference >= 0 else 'more'} in every {per}."
    )
    head = ["Group", f"{chart.get('quantity', 'Value')} ({chart['unit']})"]
    has_interval = any("low" in g for g in groups)
    if has_interval:
        head.append(chart.get("interval", "Interval"))
    table_rows: list[list[Cell]] = []
    for group in groups:
        cells = [Cell(group["label"]), Cell(number(group["value"]))]
        if has_interval:
            cells.append(Cell(f"{number(group['low'])} to {number(group['high'])}" if "low" in group else ""))
        table_rows.append(cells)
    return Art(height, shapes, [Table(head, table_rows)], [(f"{tile}-on", "on"), (f"{tile}-off", "off")], words)


def _icon_spans(filled: int, rows: int) -> list[tuple[str, int, int, int, int]]:
    """Rectangles of whole icons (state, first column, first row, columns, rows): the filled ones
    first, row by row, then the empty ones. Four rectangles at most, however many people."""
    full, rest = divmod(filled, COLUMNS)
    spans = [("on", 0, 0, COLUMNS, full)] if full else []
    if rest:
        spans += [("on", 0, full, rest, 1), ("off", rest, full, COLUMNS - rest, 1)]
    after = full + (1 if rest else 0)
    if after < rows:
        spans.append(("off", 0, after, COLUMNS, rows - after))
    return spans


def scale(chart: dict[str, Any]) -> Art:
    """Markers on one scale: a dot for a value, a band for a range, and the reader's own row."""
    items = chart["items"]
    end = float(chart.get("max") or nice_end(max(i.get("high", i.get("value", 0)) for i in items)))
    reader = 1 if "reader" in chart else 0
    height = TOP + (len(items) + reader) * ROW
    shapes, x = _axis(end, height, chart["unit"])
    for i, item in enumerate(items):
        y = TOP + i * ROW
        shapes.append(_text("chart__label", 0, y + 12, item["label"]))
        if "value" in item:
            shapes.append(Shape("circle", "chart__dot", [("cx", _n(x(item["value"]))), ("cy", _n(y + 21)), ("r", "5")]))
            shapes.append(_text("chart__value", x(item["value"]) + 9, y + 25, number(item["value"])))
        else:
            shapes.append(_rect("chart__range", x(item["low"]), y + 16, x(item["high"]) - x(item["low"]), 10))
            shapes.append(
                _text("chart__value", x(item["high"]) + 4, y + 25, f"{number(item['low'])}-{number(item['high'])}")
            )
    you: list[Shape] = []
    if reader:
        y = TOP + len(items) * ROW
        you.append(_text("chart__label", 0, y + 12, chart["reader"]))
        you.append(Shape("circle", "chart__you", [("cx", "0"), ("cy", _n(y + 21)), ("r", "6")]))
        you.append(_text("chart__value chart__you-value", 9, y + 25, ""))
    head = ["What", f"{chart.get('quantity', 'Value')} ({chart['unit']})", "Source"]
    rows = []
    for item in items:
        shown = number(item["value"]) if "value" in item else f"{number(item['low'])} to {number(item['high'])}"
        rows.append([Cell(item["label"]), Cell(shown), Cell("", cite=item.get("source", chart.get("source", "")))])
    return Art(height, shapes, [Table(head, rows)], reader=you, reader_span=(end, WIDTH - VALUE_SPACE))


def stages(chart: dict[str, Any]) -> Art:
    """The stages as numbered steps down a line, then the study's milestones as bars in days."""
    steps = chart["stages"]
    shapes: list[Shape] = []
    step_h = 26.0
    for i, stage in enumerate(steps):
        y = 6 + i * step_h
        if i:
            shapes.append(_line("chart__step-line", 9, y - step_h + 9, 9, y - 1))
        shapes.append(Shape("circle", "chart__step", [("cx", "9"), ("cy", _n(y + 4)), ("r", "8")]))
        shapes.append(_text("chart__step-number", 9, y + 8, str(i + 1), "middle"))
        shapes.append(_text("chart__label", 24, y + 8, stage["label"]))
    top = 6 + len(steps) * step_h + 8
    shapes.append(_text("chart__note", 0, top, chart["criterion"]))
    tables = [
        Table(
            ["Stage", "What you do"], [[Cell(f"{i + 1}. {s['label']}"), Cell(s["text"])] for i, s in enumerate(steps)]
        )
    ]
    items = chart.get("items", [])
    if items:
        bars_h, bars = bar_rows([(i["label"], i["value"]) for i in items], chart["unit"])
        offset = top + 10
        for shape in bars:
            shape.attrs = [(k, _n(float(v) + offset) if k in ("y", "y1", "y2") else v) for k, v in shape.attrs]
        shapes += bars
        top = offset + bars_h
        head = ["Milestone", f"{chart.get('quantity', 'Value')} ({chart['unit']})"]
        tables.append(Table(head, [[Cell(i["label"]), Cell(number(i["value"]))] for i in items]))
    return Art(top + 4, shapes, tables)
