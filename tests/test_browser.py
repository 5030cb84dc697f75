"""The site as a reader sees it, in a real browser: cards, links, search, palettes, privacy."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from browser import SHOTS, WithoutServiceWorkers, box_of, search
from playwright.sync_api import Page


@pytest.fixture
def base_url(site_url: str) -> str:
    return site_url


def test_exercise_page_shows_its_card(page: Page, base_url: str) -> None:
    page.goto(base_url + "exercises/copenhagen-plank/")
    card = page.locator("article.exercise-card--page")
    assert card.get_attribute("data-exercise") == "copenhagen-plank"
    assert page.locator("h1").evaluate("h1 => h1.firstChild.textContent") == "Copenhagen plank"
    assert card.locator(".muscle-chip--primary").count() >= 1
    assert page.title().startswith("Copenhagen plank")


def test_exercise_page_map_highlights_the_muscles_its_chips_name(page: Page, base_url: str) -> None:
    page.goto(base_url + "exercises/copenhagen-plank/")
    card = page.locator("article.exercise-card--page")
    svg = card.locator("svg.muscle-map__svg")
    assert svg.get_attribute("role") == "img" and svg.is_visible()
    for role in ("primary", "secondary"):
        chips = set(card.locator(f".muscle-chip--{role}").evaluate_all("cs => cs.map(c => c.dataset.muscle)"))
        regions = card.locator(f".muscle-map__region--{role}")
        assert set(regions.evaluate_all("rs => rs.map(r => r.dataset.muscle)")) == chips
        assert all(box_of(region)["width"] > 0 for region in regions.all())
    fills = {
        role: card.locator(f".muscle-map__region--{role}").first.evaluate("r => getComputedStyle(r).fill")
        for role in ("primary", "secondary", "plain")
    }
    assert len(set(fills.values())) == 3, f"main, helper and other muscles must look different: {fills}"
    assert "Adductor longus" in (svg.locator("desc").text_content() or "")


def test_ladder_shows_the_whole_ladder_with_this_exercise_marked(page: Page, base_url: str) -> None:
    page.goto(base_url + "exercises/copenhagen-long-lever/")
    rungs = page.locator("ol.ladder > li")
    assert rungs.count() >= 3
    current = page.locator('ol.ladder > li[aria-current="step"]')
    assert "Copenhagen adduction (long lever)" in current.inner_text()
    assert rungs.last.get_attribute("aria-current") == "step"  # nothing harder than the long lever


def test_ladder_link_leads_to_the_next_exercise(page: Page, base_url: str) -> None:
    page.goto(base_url + "exercises/copenhagen-plank/")
    page.locator('a.exercise-card__ladder-link[data-rel="progression"]').first.click()
    page.wait_for_load_state()
    assert page.locator("article.exercise-card--page").get_attribute("data-exercise") == "copenhagen-short-lever"


def test_citation_link_jumps_to_its_reference(page: Page, base_url: str) -> None:
    page.goto(base_url + "myths/")
    page.locator("sup.citation a").first.click()
    target = urlparse(page.url).fragment
    assert target.startswith("ref-")
    assert page.locator(f"#{target}").is_visible()


def test_search_finds_exercises_and_anatomy_terms(page: Page, base_url: str) -> None:
    for query, expected in (("Copenhagen", "Copenhagen"), ("gracilis", "racilis"), ("groin", "roin")):
        page.goto(base_url)
        assert expected in search(page, query)


def test_no_request_leaves_the_site(browser: WithoutServiceWorkers, base_url: str) -> None:
    with browser.new_context() as context:
        page = context.new_page()
        origins: set[str] = set()
        page.on("request", lambda request: origins.add(urlparse(request.url).netloc))
        for path in ("", "exercises/", "exercises/copenhagen-plank/", "anatomy/"):
            page.goto(base_url + path, wait_until="networkidle")
    assert origins == {urlparse(base_url).netloc}


@pytest.mark.parametrize(
    ("path", "name", "width", "scheme"),
    [
        ("exercises/copenhagen-plank/", "card-desktop-light", 1280, "light"),
        ("exercises/copenhagen-plank/", "card-desktop-dark", 1280, "dark"),
        ("exercises/copenhagen-plank/", "card-mobile-light", 390, "light"),
        ("exercises/copenhagen-plank/", "card-mobile-dark", 390, "dark"),
        ("exercises/", "library-desktop-light", 1280, "light"),
        ("exercises/", "library-mobile-dark", 390, "dark"),
        ("anatomy/", "anatomy-desktop-dark", 1280, "dark"),
        ("anatomy/", "anatomy-mobile-light", 390, "light"),
        ("", "home-mobile-dark", 390, "dark"),
    ],
)
def test_screenshots_for_review(
    browser: WithoutServiceWorkers, base_url: str, path: str, name: str, width: int, scheme: str
) -> None:
    """Screenshots land in test-results/screenshots for a person to look at; the test checks layout."""
    with browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme) as context:
        page = context.new_page()
        page.goto(base_url + path)
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"))
        # Nothing wider than the viewport: no sideways scrolling on a phone.
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        media = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == media
