"""The exercise library's filters, used as a reader would: clicks, keyboard, address, no-JS."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect


@pytest.fixture
def base_url(site_url: str) -> str:
    return site_url + "exercises/"


def visible(page) -> list[str]:
    return page.locator(".exercise-library .exercise-card:visible").evaluate_all(
        "cards => cards.map(c => c.dataset.exercise)"
    )


def test_without_javascript_every_exercise_is_listed_and_no_dead_controls(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url)
    assert page.locator(".library-filters").is_hidden()
    assert len(visible(page)) == page.locator(".exercise-library .exercise-card").count() >= 12
    context.close()


def test_filters_combine_count_and_live_in_the_address(browser, base_url):
    page = browser.new_page()
    page.goto(base_url)
    total = len(visible(page))
    page.get_by_role("checkbox", name="Elastic band").check()
    band = visible(page)
    assert 0 < len(band) < total
    for exercise in band:
        assert "band" in page.locator(f'[data-exercise="{exercise}"]').first.get_attribute("data-equipment").split()
    assert page.locator(".exercise-library__count").inner_text() == f"{len(band)} of {total} exercises match"
    assert parse_qs(urlparse(page.url).query) == {"equipment": ["band"]}

    page.get_by_role("checkbox", name="Advanced").check()  # across groups: both must hold
    both = visible(page)
    assert set(both) <= set(band)

    page.go_back()  # the back button steps back through the choices
    assert visible(page) == band
    page.get_by_role("button", name="Show all exercises").click()
    # A locator assertion, not wait_for_function: polling a JS string needs eval, which the CSP forbids.
    expect(page.locator(".exercise-library .exercise-card[hidden]")).to_have_count(0)
    assert len(visible(page)) == total and urlparse(page.url).query == ""
    page.close()


def test_a_shared_link_opens_filtered(browser, base_url):
    page = browser.new_page()
    page.goto(base_url + "?muscle=gracilis&level=beginner")
    shown = visible(page)
    assert shown
    for exercise in shown:
        card = page.locator(f'[data-exercise="{exercise}"]').first
        assert "gracilis" in card.get_attribute("data-muscles").split()
        assert card.get_attribute("data-level") == "beginner"
    assert page.get_by_role("checkbox", name="Gracilis").is_checked()
    page.close()


def test_keyboard_only(browser, base_url):
    page = browser.new_page()
    page.goto(base_url)
    total = len(visible(page))
    box = page.get_by_role("checkbox", name="Adductor machine", exact=True)
    box.focus()
    page.keyboard.press("Space")
    assert box.is_checked() and len(visible(page)) < total
    assert page.locator(".exercise-library__count").get_attribute("role") == "status"
    page.close()


def test_clicking_a_muscle_on_the_map_filters_by_it(browser, base_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base_url)
    total = len(visible(page))
    region = page.locator('.library-filters .muscle-map__region--pickable[data-muscle="gracilis"]').first
    region.click()
    shown = visible(page)
    assert 0 < len(shown) < total
    for exercise in shown:
        assert "gracilis" in page.locator(f'[data-exercise="{exercise}"]').first.get_attribute("data-muscles").split()
    assert page.get_by_role("checkbox", name="Gracilis").is_checked()
    assert parse_qs(urlparse(page.url).query) == {"muscle": ["gracilis"]}
    picked = page.locator(".library-filters .muscle-map__region.is-picked")
    assert set(picked.evaluate_all("rs => rs.map(r => r.dataset.muscle)")) == {"gracilis"}
    assert "(1 chosen)" in page.locator(".library-filters__summary").inner_text()
    region.click()  # a second click takes the muscle off again
    assert len(visible(page)) == total and not page.get_by_role("checkbox", name="Gracilis").is_checked()
    page.close()


def test_on_a_phone_the_filter_panel_starts_folded(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(base_url + "?level=beginner")
    summary = page.locator(".library-filters__summary")
    assert summary.is_visible() and "(1 chosen)" in summary.inner_text()
    assert not page.get_by_role("checkbox", name="Beginner").is_visible()
    first_card = page.locator(".exercise-library .exercise-card:visible").first
    assert first_card.bounding_box()["y"] < 1200  # the cards are near, not below a wall of checkboxes
    summary.click()
    assert page.get_by_role("checkbox", name="Beginner").is_visible()
    assert page.get_by_role("checkbox", name="Beginner").is_checked()
    context.close()


LAYOUT_SHIFTS = """() => new Promise(resolve => {
    const values = []
    new PerformanceObserver(list => values.push(...list.getEntries().map(e => e.value)))
        .observe({type: "layout-shift", buffered: true})
    setTimeout(() => resolve(values), 200)
})"""


@pytest.mark.parametrize("width", [390, 1280])
def test_nothing_moves_as_the_filters_start(browser, base_url, width):
    """The form is in the page from the first paint, folded on a phone and shown open on wider
    screens, so the script's start shifts no layout (Lighthouse counted 0.044 on a phone when
    the script revealed the form). The page arrives slowly, so the browser paints before the
    script runs."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    slow = {"offline": False, "latency": 150, "downloadThroughput": 200_000, "uploadThroughput": 100_000}
    session.send("Network.emulateNetworkConditions", slow)
    page.goto(base_url)
    page.locator(".library-filters.is-ready").wait_for()
    shifts = page.evaluate(LAYOUT_SHIFTS)
    assert sum(shifts) == 0, shifts
    beginner = page.get_by_role("checkbox", name="Beginner")
    assert beginner.is_visible() == (width > 720)
    page.locator(".library-filters__summary").click()  # the reader folds or unfolds it
    assert beginner.is_visible() == (width <= 720)
    context.close()


def test_filters_work_after_instant_navigation(browser, tmp_path):
    """With Material's instant navigation the library page arrives without a page load: the
    script must run through document$, once per page, without piling up listeners."""
    import shutil

    from browser import serve
    from conftest import ROOT, build_with

    project = tmp_path / "project"
    shutil.copytree(
        ROOT, project, ignore=shutil.ignore_patterns(".venv", "node_modules", "site*", ".git", "test-results")
    )
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("    - navigation.tabs\n", "    - navigation.tabs\n    - navigation.instant\n")
    )
    built = build_with("mkdocs", project, tmp_path / "out")
    assert built.returncode == 0, built.stderr
    with serve(tmp_path / "out") as url:
        page = browser.new_page()
        page.goto(url)
        page.locator('a.md-tabs__link:has-text("Learn")').click()  # instant: no reload
        page.locator(".md-tabs").get_by_role("link", name="Exercise library", exact=True).click()
        expect(page.locator(".library-filters")).to_be_visible()
        total = len(visible(page))
        page.get_by_role("checkbox", name="Elastic band").check()
        assert 0 < len(visible(page)) < total
        page.go_back()
        expect(page.locator(".exercise-library__count")).to_have_text(f"{total} exercises")
        page.close()
