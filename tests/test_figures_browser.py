"""Movement figures in a real browser: the body passes through poses between the key positions,
the play/pause button stops it (by keyboard too) and the choice is remembered, reduced motion and
print show every key position labelled, and axe finds nothing wrong."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Literal

import pytest
from browser import SHOTS, WithoutServiceWorkers, box_of
from playwright.sync_api import Page
from test_accessibility import run_axe

PAGE = "exercises/full-squat/"
# Where the near thigh's knee end is drawn: getPointAtLength reads the animated path.
KNEE = """() => {
  const path = document.querySelector('figure.exercise-figure .exercise-figure__motion path.xf-t');
  const p = path.getPointAtLength(path.getTotalLength());
  return [Math.round(p.x), Math.round(p.y)];
}"""
KEY_KNEES = """() => Array.from(document.querySelectorAll('figure.exercise-figure .exercise-figure__position'))
  .map(g => { const path = g.querySelector('path.xf-t'); const p = path.getPointAtLength(path.getTotalLength());
              return [Math.round(p.x), Math.round(p.y)]; })"""


@contextmanager
def _figure_page(
    browser: WithoutServiceWorkers,
    site_url: str,
    reduced: Literal["reduce", "no-preference"] = "no-preference",
    width: int = 1280,
) -> Iterator[Page]:
    """The figure's page in a context of its own, closed when the block ends."""
    with browser.new_context(viewport={"width": width, "height": 900}, reduced_motion=reduced) as context:
        page = context.new_page()
        page.goto(site_url + PAGE)
        yield page


def test_the_figure_moves_through_the_poses_between_its_key_positions(
    browser: WithoutServiceWorkers, site_url: str
) -> None:
    with _figure_page(browser, site_url) as page:
        figure = page.locator("figure.exercise-figure").first
        assert figure.get_attribute("data-motion") == "on"
        assert page.locator(".exercise-figure__motion").first.is_visible()
        assert not page.locator(".exercise-figure__position").first.is_visible()
        keys = {tuple(p) for p in page.evaluate(KEY_KNEES)}
        seen: set[tuple[int, int]] = set()
        # The squat's pass takes 3 s: sample it at real speed until three poses between the key
        # positions are seen, for at most two passes. The wait between samples is what is under
        # test (the drawing changes with time), not a guess that something has happened.
        for _ in range(40):
            seen.add(tuple(page.evaluate(KNEE)))
            if len(seen - keys) >= 3:
                break
            page.wait_for_timeout(150)
        between = seen - keys
        assert len(between) >= 3, f"only the key positions were drawn: {seen}"
        SHOTS.mkdir(parents=True, exist_ok=True)
        figure.screenshot(path=str(SHOTS / "figure-moving.png"))


def test_the_button_pauses_the_movement_by_keyboard_and_the_choice_is_remembered(
    browser: WithoutServiceWorkers, site_url: str
) -> None:
    with _figure_page(browser, site_url) as page:
        button = page.get_by_role("button", name="Pause the movement")
        assert button.is_visible()
        button.focus()
        page.keyboard.press("Enter")
        figure = page.locator("figure.exercise-figure").first
        assert figure.get_attribute("data-motion") == "off"
        assert page.get_by_role("button", name="Play the movement").is_visible()
        assert page.evaluate("() => document.querySelector('figure.exercise-figure svg').animationsPaused()")
        # Paused, the key positions stand side by side, labelled.
        assert page.locator(".exercise-figure__position").first.is_visible()
        page.reload()
        assert page.locator("figure.exercise-figure").first.get_attribute("data-motion") == "off"
        page.get_by_role("button", name="Play the movement").click()
        assert page.locator("figure.exercise-figure").first.get_attribute("data-motion") == "on"


@pytest.mark.parametrize("mode", ["reduced-motion", "print"])
def test_every_key_position_stands_labelled(browser: WithoutServiceWorkers, site_url: str, mode: str) -> None:
    with _figure_page(browser, site_url, "reduce" if mode == "reduced-motion" else "no-preference", 390) as page:
        if mode == "print":
            page.emulate_media(media="print")
        figure = page.locator("figure.exercise-figure").first
        groups = figure.locator(".exercise-figure__position")
        boxes = [box_of(groups.nth(i)) for i in range(groups.count())]
        assert len(boxes) == 2
        assert not figure.locator(".exercise-figure__motion").is_visible()
        # Side by side: the second panel starts where the first one's drawing ends (strokes may touch).
        assert boxes[1]["x"] >= boxes[0]["x"] + 0.9 * boxes[0]["width"], f"positions overlap: {boxes}"
        labels = [groups.nth(i).locator("text") for i in range(2)]
        assert [label.text_content() for label in labels] == ["Start", "Bottom"]
        sizes = [float(label.evaluate("t => t.getBoundingClientRect().height")) for label in labels]
        assert min(sizes) >= 12, f"labels too small on a phone: {sizes}"


def test_axe_finds_nothing_on_a_figure_page(browser: WithoutServiceWorkers, site_url: str) -> None:
    for reduced in ("reduce", "no-preference"):
        with browser.new_context(bypass_csp=True, reduced_motion=reduced) as context:
            page = context.new_page()
            page.goto(site_url + PAGE)
            assert run_axe(page) == []


def test_a_figure_out_of_view_is_held_still_until_it_scrolls_in(browser: WithoutServiceWorkers, site_url: str) -> None:
    # Waiting on a condition evaluates it in the page: the site's policy forbids that, not the test.
    with browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True) as context:
        page = context.new_page()
        page.goto(site_url + PAGE)
        svg = "document.querySelector('figure.exercise-figure svg')"
        page.wait_for_function(f"!{svg}.animationsPaused()")  # on screen: moving
        page.evaluate("document.querySelector('figure.exercise-figure').style.marginTop = '5000px'")
        page.wait_for_function(f"{svg}.animationsPaused()")
        assert page.locator("figure.exercise-figure").first.get_attribute("data-motion") == "on"  # the choice stands
        page.locator("figure.exercise-figure").first.scroll_into_view_if_needed()
        page.wait_for_function(f"!{svg}.animationsPaused()")
