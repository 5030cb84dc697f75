"""The home page shows before it tells: on the first screen, the way in for a reader in pain, the
muscle map and moving exercise figures that lead to the library, and (on a phone too) the start of
the short answer."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import WithoutServiceWorkers, box_of, serve
from test_accessibility import run_axe

FIRST_SCREEN = "el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight + 1; }"


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1280, 800)])
def test_the_first_screen_shows_the_map_the_figures_and_the_way_in_for_pain(
    browser: WithoutServiceWorkers, site: Path, width: int, height: int
) -> None:
    with browser.new_context(viewport={"width": width, "height": height}) as context:
        page = context.new_page()
        with serve(site) as base:
            page.goto(base)
            pain = page.locator("a.home-pain")
            assert pain.evaluate(FIRST_SCREEN)
            assert pain.get_attribute("href") == "groin-pain/#when-to-see-a-professional"
            assert page.locator(".home-hero .muscle-map svg").evaluate(FIRST_SCREEN)
            figures = page.locator(".home-hero .showcase .exercise-figure")
            assert figures.count() == 3
            assert figures.first.evaluate(FIRST_SCREEN)
            if width >= 1280:  # all three side by side, none cut off
                for i in range(3):
                    box = box_of(figures.nth(i))
                    hero = box_of(page.locator(".home-hero"))
                    assert box["x"] + box["width"] <= hero["x"] + hero["width"] + 1
                    assert figures.nth(i).evaluate(FIRST_SCREEN)
            assert page.locator(".showcase__more a").get_attribute("href") == "exercises/"
            assert page.locator("#the-short-answer").evaluate(FIRST_SCREEN)
            page.locator("a.home-pain").click()
            page.wait_for_url("**/groin-pain/#when-to-see-a-professional")
            assert page.locator("#when-to-see-a-professional").evaluate(FIRST_SCREEN)


def test_the_figures_move_and_stand_still_under_reduced_motion(browser: WithoutServiceWorkers, site: Path) -> None:
    """The figures' own motion (exercise-atlas.js): moving unless the reader asks for reduced
    motion; one visible pause button for the row, which pauses every figure."""
    for motion, moving in (("no-preference", True), ("reduce", False)):
        with browser.new_context(reduced_motion=motion) as context:
            page = context.new_page()
            with serve(site) as base:
                page.goto(base)
                figures = page.locator(".home-hero .exercise-figure")
                states = figures.evaluate_all("els => els.map(e => e.getAttribute('data-motion'))")
                assert states == ["on" if moving else "off"] * 3, motion
                buttons = page.locator(".home-hero .exercise-figure__play")
                assert [buttons.nth(i).is_visible() for i in range(3)] == [True, False, False]
                if moving:
                    buttons.first.click()
                    states = figures.evaluate_all("els => els.map(e => e.getAttribute('data-motion'))")
                    assert states == ["off"] * 3


@pytest.mark.parametrize(("scheme", "width"), [("light", 1280), ("dark", 1280), ("light", 390)])
def test_no_violations_on_the_home_page(browser: WithoutServiceWorkers, site: Path, scheme: str, width: int) -> None:
    with browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 900}, bypass_csp=True) as context:
        page = context.new_page()
        with serve(site) as base:
            page.goto(base)
            assert run_axe(page) == []


# The showcase macro's mistakes, one line each (the mini site).


def showcase_page(site: Path, call: str) -> None:
    text = f"---\ndescription: {'A home page that shows moving figures of two exercises, for a test.'}\n---\n\n# Home\n\n{{{{ {call} }}}}\n"
    (site / "docs" / "index.md").write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ('exercise_figures("ball-squeez")', "ids: unknown exercise 'ball-squeez' (did you mean 'ball-squeeze'?)"),
        ('exercise_figures("")', "ids: expected one to six exercise ids, like 'copenhagen-plank'; got 0"),
        ('exercise_figures("a b c d e f g")', "ids: expected one to six exercise ids, like 'copenhagen-plank'; got 7"),
    ],
)
def test_showcase_mistakes(mini: Path, call: str, message: str) -> None:
    from conftest import problems

    showcase_page(mini, call)
    assert problems() == [f"docs/index.md:7: {{{{ {call} }}}}: exercise_figures(): {message}"]


def test_a_showcase_links_each_figure_to_its_exercise_and_the_library(mini: Path) -> None:
    from conftest import render

    html = render('{{ exercise_figures("ball-squeeze copenhagen") }}')
    assert html.count('class="exercise-figure ') == 2
    assert '<a class="showcase__name" href="exercises/ball-squeeze.md">Ball squeeze</a>' in html
    assert '<a href="exercises/index.md">Every exercise, drawn and cited, in the library</a>' in html
