"""Printing an exercise or the sample programme: cards on paper, no navigation chrome."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browser import SHOTS, WithoutServiceWorkers, serve
from playwright.sync_api import expect

# Chromium reports black as rgb(0, 0, 0) or, at the end of a transition, rgba(0, 0, 0, 1).
BLACK = re.compile(r"^rgba?\(0, 0, 0(, 1)?\)$")


CHROME = [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer__inner", ".md-search"]


@pytest.mark.parametrize("path", ["exercises/copenhagen-plank/", "sample-programme/"])
def test_print_shows_cards_without_chrome(browser: WithoutServiceWorkers, site: Path, path: str) -> None:
    with browser.new_page(viewport={"width": 800, "height": 1100}) as page, serve(site) as base:
        page.goto(base + path)
        page.emulate_media(media="print")
        # The print styles hold once the notice is black: Material eases link colours over
        # 125 ms, so each is awaited until it has settled (on a slow machine, longer).
        notice = page.locator(".md-copyright")
        assert notice.is_visible() and "Education, not medical advice" in notice.inner_text()
        expect(notice.locator(".md-copyright__highlight"), "the notice is printed in black").to_have_css("color", BLACK)
        for link in notice.locator("a").all():  # white footer links would vanish on paper
            expect(link, link.inner_text()).to_have_css("color", BLACK)
        # Then, with the print styles in force, none of the navigation chrome shows.
        for selector in CHROME:
            for element in page.locator(selector).all():
                assert not element.is_visible(), f"{selector} is printed"
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
