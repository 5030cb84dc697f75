"""Movement figures in a real browser: they move on screen, stand side by side for reduced motion
and print, and axe finds nothing wrong with them."""

from __future__ import annotations

import pytest
from browser import SHOTS
from test_accessibility import run_axe

PAGE = "exercises/copenhagen-long-lever/"


def _opacity(page, index: int) -> float:
    return float(page.locator(".exercise-figure__position").nth(index).evaluate("g => getComputedStyle(g).opacity"))


def test_figure_animates_and_pauses_on_hover(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, reduced_motion="no-preference")
    page = context.new_page()
    page.goto(site_url + PAGE)
    figure = page.locator("figure.exercise-figure").first
    assert figure.get_attribute("data-view") == "front"
    seen = set()
    for _ in range(12):
        seen.add(round(_opacity(page, 0), 1))
        page.wait_for_timeout(400)
    assert len(seen) >= 3, f"the first position never faded: {seen}"
    figure.hover()
    page.wait_for_timeout(200)
    paused = _opacity(page, 0)
    page.wait_for_timeout(800)
    assert _opacity(page, 0) == paused
    SHOTS.mkdir(parents=True, exist_ok=True)
    figure.screenshot(path=str(SHOTS / "figure-animated.png"))
    context.close()


@pytest.mark.parametrize("mode", ["reduced-motion", "print"])
def test_every_key_position_stands_side_by_side(browser, site_url, mode):
    context = browser.new_context(
        viewport={"width": 390, "height": 900}, reduced_motion="reduce" if mode == "reduced-motion" else "no-preference"
    )
    page = context.new_page()
    if mode == "print":
        page.emulate_media(media="print")
    page.goto(site_url + PAGE)
    groups = page.locator("figure.exercise-figure").first.locator(".exercise-figure__position")
    boxes = [groups.nth(i).bounding_box() for i in range(groups.count())]
    assert len(boxes) == 2
    assert all(_opacity(page, i) == 1 for i in range(2))
    # Side by side: the second panel starts where the first one's drawing ends (strokes may touch).
    assert boxes[1]["x"] >= boxes[0]["x"] + 0.95 * boxes[0]["width"], f"positions overlap: {boxes}"
    assert [groups.nth(i).locator("text").text_content() for i in range(2)] == ["Start", "End"]
    context.close()


def test_axe_finds_nothing_on_a_figure_page(browser, site_url):
    for reduced in ("reduce", "no-preference"):
        context = browser.new_context(bypass_csp=True, reduced_motion=reduced)
        page = context.new_page()
        page.goto(site_url + PAGE)
        assert run_axe(page) == []
        context.close()
