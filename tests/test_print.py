"""Printing an exercise or the sample programme: cards on paper, no navigation chrome."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import SHOTS, serve


def black(color: str) -> bool:
    """Chromium reports black as rgb(0, 0, 0) or, while a transition settles, rgba(0, 0, 0, 1)."""
    return color.replace(" ", "") in ("rgb(0,0,0)", "rgba(0,0,0,1)")


CHROME = [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer__inner", ".md-search"]


@pytest.mark.parametrize("path", ["exercises/copenhagen-plank/", "sample-programme/"])
def test_print_shows_cards_without_chrome(browser, site: Path, path):
    page = browser.new_page(viewport={"width": 800, "height": 1100})
    with serve(site) as base:
        page.goto(base + path)
        page.emulate_media(media="print")
        page.wait_for_timeout(400)  # Material eases link colours over 125 ms: read them once settled
        for selector in CHROME:
            for element in page.locator(selector).all():
                assert not element.is_visible(), f"{selector} is printed"
        notice = page.locator(".md-copyright")
        assert notice.is_visible() and "Education, not medical advice" in notice.inner_text()
        ink = notice.locator(".md-copyright__highlight").evaluate("e => getComputedStyle(e).color")
        assert black(ink), "the notice must be printed in black"
        for link in notice.locator("a").all():  # white footer links would vanish on paper
            assert black(link.evaluate("a => getComputedStyle(a).color")), link.inner_text()
        # An exercise's page prints its muscle map in colour; compact cards (the programme) carry
        # a still of the movement instead of a map.
        drawing = ".muscle-map__svg" if path.startswith("exercises/") else "svg.exercise-still"
        drawings = page.locator(drawing)
        assert drawings.count() >= 1 and drawings.first.is_visible()
        if path.startswith("exercises/"):
            color = "m => getComputedStyle(m.closest('figure')).printColorAdjust"
            assert drawings.first.evaluate(color) == "exact"
        cards = page.locator("article.exercise-card")
        assert cards.count() >= 1
        for index in range(cards.count()):
            assert cards.nth(index).evaluate("c => getComputedStyle(c).breakInside") == "avoid"
        SHOTS.mkdir(parents=True, exist_ok=True)
        name = path.strip("/").replace("/", "-")
        page.screenshot(path=str(SHOTS / f"print-{name}.png"), full_page=True)
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    page.close()
