"""SVG path data in fewer bytes: whole-number paths rewritten with relative moves where shorter.

Many compact cards share a page, so every byte of their stills counts; the rewriting is exact."""

from __future__ import annotations

import re


def relative_path(d: str) -> str:
    """Whole-number path data (M, L, l and Z only) rewritten with relative moves where shorter."""
    out: list[str] = []
    x = y = 0
    for command, args in re.findall(r"([MLZl])([^MLZl]*)", d):
        if command == "Z":
            out.append("Z")
            continue
        nx, ny = (int(v) for v in re.findall(r"-?\d+", args))  # "l5-3" as written for a moving shape
        if command == "l":
            nx, ny = x + nx, y + ny
        dx, dy = nx - x, ny - y
        if command == "M":
            out.append(f"M{nx} {ny}")
        elif dx == 0 and dy == 0:
            out.append("l0 0")
        elif dy == 0:
            out.append(min(f"h{dx}", f"H{nx}", key=len))
        elif dx == 0:
            out.append(min(f"v{dy}", f"V{ny}", key=len))
        else:
            out.append(min(f"l{dx} {dy}".replace(" -", "-"), f"L{nx} {ny}".replace(" -", "-"), key=len))
        x, y = nx, ny
    return "".join(out)


def is_simple(d: str) -> bool:
    """Whether ``relative_path`` can rewrite ``d`` (whole numbers, straight lines only)."""
    return re.fullmatch(r"[MLZl0-9 -]*", d) is not None
