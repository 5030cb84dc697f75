"""The web app icons (PNG) from our SVG favicon, rendered by Chromium: one drawing, every size.

Usage: .venv/bin/python scripts/app_icons.py           write docs/assets/images/icon-*.png
       .venv/bin/python scripts/app_icons.py --check   exit 1 if a committed icon differs

The renderer is pinned: Playwright from requirements/dev.lock driving Debian's Chromium (the
browser the tests use). The maskable icon puts the mark inside the central 80 % that launchers
never crop, on the favicon's own background colour. `--check` compares pixels, not PNG bytes,
with a small tolerance for anti-aliasing, so another Chromium build does not fail it.
"""

from __future__ import annotations

import base64
import re
import struct
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FAVICON = ROOT / "docs/assets/favicon.svg"
OUT = ROOT / "docs/assets/images"
CHROMIUM = "/usr/bin/chromium"
# name: (size in px, scale of the mark, maskable)
ICONS = {
    "icon-192.png": (192, 1.0, False),
    "icon-512.png": (512, 1.0, False),
    "icon-maskable-512.png": (512, 0.8, True),
}
TOLERANCE = 24  # largest difference allowed in one colour channel of one pixel, out of 255


def background(svg: str) -> str:
    """The favicon's background colour: the fill of its first <rect>."""
    match = re.search(r'<rect\b[^>]*\bfill="(#[0-9a-fA-F]{3,6})"', svg)
    if not match:
        raise SystemExit(f"{FAVICON.relative_to(ROOT)}: no <rect fill=...> to use as the maskable background")
    return match.group(1)


def page_html(svg: str, size: int, scale: float, maskable: bool) -> str:
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    mark = round(size * scale)
    fill = background(svg) if maskable else "transparent"
    body = f"margin:0;width:{size}px;height:{size}px;display:grid;place-items:center;background:{fill}"
    image = f"<img alt='' width='{mark}' height='{mark}' src='data:image/svg+xml;base64,{data}'>"
    return f"<!doctype html><html><body style='{body}'>{image}</body></html>"


def render() -> dict[str, bytes]:
    """Every icon as PNG bytes."""
    from playwright.sync_api import sync_playwright

    svg = FAVICON.read_text(encoding="utf-8")
    pictures = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        for name, (size, scale, maskable) in ICONS.items():
            page = browser.new_page(viewport={"width": size, "height": size}, device_scale_factor=1)
            page.set_content(page_html(svg, size, scale, maskable))
            page.locator("img").evaluate("img => img.decode()")
            pictures[name] = page.screenshot(omit_background=not maskable)
            page.close()
        browser.close()
    return pictures


def pixels(png: bytes) -> tuple[int, int, bytes]:
    """Width, height and RGBA rows of an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium writes)."""
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    position, chunks, header = 8, [], b""
    while position < len(png):
        (length,) = struct.unpack(">I", png[position : position + 4])
        kind, body = png[position + 4 : position + 8], png[position + 8 : position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError(f"unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})")
    channels = 4 if colour == 6 else 3
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up = previous[x]
            corner = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                guess = left + up - corner
                near = min((abs(guess - left), 0, left), (abs(guess - up), 1, up), (abs(guess - corner), 2, corner))
                line[x] = (line[x] + near[2]) & 255
        rows.append(
            bytes(line) if channels == 4 else bytes(b for i in range(width) for b in (*line[i * 3 : i * 3 + 3], 255))
        )
        previous = line
    return width, height, b"".join(rows)


def difference(a: bytes, b: bytes) -> int:
    """The largest channel difference between two PNGs' pixels (256 if their sizes differ)."""
    (wa, ha, pa), (wb, hb, pb) = pixels(a), pixels(b)
    if (wa, ha) != (wb, hb):
        return 256
    return max((abs(x - y) for x, y in zip(pa, pb, strict=True)), default=0)


def main(argv: list[str]) -> int:
    pictures = render()
    if "--check" in argv:
        stale = [
            name
            for name, png in pictures.items()
            if not (OUT / name).exists()
            or ((OUT / name).read_bytes() != png and difference((OUT / name).read_bytes(), png) > TOLERANCE)
        ]
        for name in stale:
            print(f"docs/assets/images/{name}: differs from docs/assets/favicon.svg (run scripts/app_icons.py)")
        return 1 if stale else 0
    OUT.mkdir(parents=True, exist_ok=True)
    for name, png in pictures.items():
        (OUT / name).write_bytes(png)
        print(f"docs/assets/images/{name}: {len(png)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
