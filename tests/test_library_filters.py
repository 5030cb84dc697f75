"""The exercise library's filters, used as a reader would: clicks, keyboard, address, no-JS."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from browser import SHOTS, WithoutServiceWorkers, attribute, box_of
from conftest import found
from playwright.sync_api import Page, expect


@pytest.fixture
def base_url(site_url: str) -> str:
    return site_url + "exercises/"


def visible(page: Page) -> list[str]:
    shown: list[str] = page.locator(".exercise-library .exercise-card:visible").evaluate_all(
        "cards => cards.map(c => c.dataset.exercise)"
    )
    return shown


def card_data(page: Page, exercise: str, name: str) -> str:
    """An exercise card's data-NAME attribute."""
    return attribute(page.locator(f'[data-exercise="{exercise}"]').first, f"data-{name}")


def test_without_javascript_every_exercise_is_listed_and_no_dead_controls(
    browser: WithoutServiceWorkers, base_url: str
) -> None:
    with browser.new_context(java_script_enabled=False) as context:
        page = context.new_page()
        page.goto(base_url)
        assert page.locator(".library-filters").is_hidden()
        assert len(visible(page)) == page.locator(".exercise-library .exercise-card").count() >= 12


def test_filters_combine_count_and_live_in_the_address(browser: WithoutServiceWorkers, base_url: str) -> None:
    with browser.new_page() as page:
        page.goto(base_url)
        total = len(visible(page))
        page.get_by_role("checkbox", name="Elastic band").check()
        band = visible(page)
        assert 0 < len(band) < total
        for exercise in band:
            assert "band" in card_data(page, exercise, "equipment").split()
        assert page.locator(".exercise-library__count").inner_text() == f"{len(band)} of {total} match"
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


def test_a_shared_link_opens_filtered(browser: WithoutServiceWorkers, base_url: str) -> None:
    with browser.new_page() as page:
        page.goto(base_url + "?muscle=gracilis&level=beginner")
        shown = visible(page)
        assert shown
        for exercise in shown:
            card = page.locator(f'[data-exercise="{exercise}"]').first
            assert "gracilis" in attribute(card, "data-muscles").split()
            assert card.get_attribute("data-level") == "beginner"
        assert page.get_by_role("checkbox", name="Gracilis").is_checked()


def test_keyboard_only(browser: WithoutServiceWorkers, base_url: str) -> None:
    with browser.new_page() as page:
        page.goto(base_url)
        total = len(visible(page))
        box = page.get_by_role("checkbox", name="Adductor machine", exact=True)
        box.focus()
        page.keyboard.press("Space")
        assert box.is_checked() and len(visible(page)) < total
        assert page.locator(".exercise-library__count").get_attribute("role") == "status"


def test_clicking_a_muscle_on_the_map_filters_by_it(browser: WithoutServiceWorkers, base_url: str) -> None:
    with browser.new_page(viewport={"width": 1280, "height": 900}) as page:
        page.goto(base_url)
        total = len(visible(page))
        region = page.locator('.library-filters .muscle-map__region--pickable[data-muscle="gracilis"]').first
        region.click()
        shown = visible(page)
        assert 0 < len(shown) < total
        for exercise in shown:
            assert "gracilis" in card_data(page, exercise, "muscles").split()
        assert page.get_by_role("checkbox", name="Gracilis").is_checked()
        assert parse_qs(urlparse(page.url).query) == {"muscle": ["gracilis"]}
        picked = page.locator(".library-filters .muscle-map__region.is-picked")
        assert set(picked.evaluate_all("rs => rs.map(r => r.dataset.muscle)")) == {"gracilis"}
        assert "(1 chosen)" in page.locator(".library-filters__summary").inner_text()
        region.click()  # a second click takes the muscle off again
        assert len(visible(page)) == total and not page.get_by_role("checkbox", name="Gracilis").is_checked()


def test_on_a_phone_the_filter_panel_starts_folded(browser: WithoutServiceWorkers, base_url: str) -> None:
    with browser.new_context(viewport={"width": 390, "height": 800}) as context:
        page = context.new_page()
        page.goto(base_url + "?level=beginner")
        summary = page.locator(".library-filters__summary")
        assert summary.is_visible() and "(1 chosen)" in summary.inner_text()
        assert not page.get_by_role("checkbox", name="Beginner").is_visible()
        first_card = page.locator(".exercise-library .exercise-card:visible").first
        assert box_of(first_card)["y"] < 1200  # the cards are near, not below a wall of checkboxes
        summary.click()
        assert page.get_by_role("checkbox", name="Beginner").is_visible()
        assert page.get_by_role("checkbox", name="Beginner").is_checked()


# Every layout shift so far, read once the page has drawn two frames (a shift is recorded when a
# frame is laid out): a buffered observer holds the shifts already recorded, and takeRecords()
# hands them over at once, none or many.
LAYOUT_SHIFTS = """() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(() => {
    const observer = new PerformanceObserver(() => {})
    observer.observe({type: "layout-shift", buffered: true})
    resolve(observer.takeRecords().map(e => e.value))
    observer.disconnect()
})))"""


@pytest.mark.parametrize("width", [390, 1280])
def test_nothing_moves_as_the_filters_start(browser: WithoutServiceWorkers, base_url: str, width: int) -> None:
    """The form is in the page from the first paint, folded on a phone and shown open on wider
    screens, so the script's start shifts no layout (Lighthouse counted 0.044 on a phone when
    the script revealed the form). The page arrives slowly, so the browser paints before the
    script runs."""
    with browser.new_context(viewport={"width": width, "height": 800}) as context:
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


def test_filters_work_after_instant_navigation(browser: WithoutServiceWorkers, tmp_path: Path) -> None:
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
    with serve(tmp_path / "out") as url, browser.new_page() as page:
        page.goto(url)
        page.locator('a.md-tabs__link:has-text("Learn")').click()  # instant: no reload
        page.locator(".md-tabs").get_by_role("link", name="Exercise library", exact=True).click()
        expect(page.locator(".library-filters")).to_be_visible()
        total = len(visible(page))
        page.get_by_role("checkbox", name="Elastic band").check()
        assert 0 < len(visible(page)) < total
        page.go_back()
        expect(page.locator(".exercise-library__count")).to_have_text(f"{total} exercises")


# --- On a phone (390 x 844, touch) ---------------------------------------------------------------

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser: WithoutServiceWorkers) -> Iterator[Page]:
    with browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True) as context:
        yield context.new_page()


def count_is_in_view(page: Page) -> None:
    """The count is on screen and nothing covers it (the header, a card). The count lets taps
    through to the summary under it (pointer-events: none), so the bar it sits in is what the
    point must find."""
    count = page.locator(".exercise-library__count")
    expect(count).to_be_in_viewport(ratio=1)
    box = count.bounding_box()
    assert box is not None
    on_top = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('.exercise-library__bar') !== null",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )
    assert on_top, "something covers the count"


def test_on_a_phone_the_count_stays_in_view_while_filtering(phone: Page, base_url: str) -> None:
    page = phone
    page.goto(base_url)
    total = len(visible(page))
    page.locator(".library-filters__summary").tap()
    count_is_in_view(page)
    shown = total
    for name in ("Adductor longus", "No equipment", "Beginner"):  # down the sheet, one at a time
        box = page.get_by_role("checkbox", name=name, exact=True)
        box.scroll_into_view_if_needed()
        page.locator("label.library-filters__option", has=box).tap()
        count_is_in_view(page)
        now = len(visible(page))
        assert now < shown or name == "Adductor longus"
        expect(page.locator(".exercise-library__count")).to_have_text(f"{now} of {total} match")
        shown = now
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "phone-library-sheet.png"))
    page.locator(".library-filters__done").tap()  # "Show N exercises" folds the sheet
    expect(page.get_by_role("checkbox", name="Beginner")).to_be_hidden()
    first = page.locator(".exercise-library .exercise-card:visible").first
    expect(first).to_be_in_viewport()
    page.mouse.wheel(0, 600)  # reading down the list, the count stays
    count_is_in_view(page)
    page.screenshot(path=str(SHOTS / "phone-library-results.png"))


def test_on_a_phone_every_control_is_at_least_44_px(phone: Page, base_url: str) -> None:
    page = phone
    page.goto(base_url)
    page.locator(".library-filters__summary").tap()
    targets = page.locator(".library-filters__summary, .library-filters__option, .library-filters__actions .md-button")
    assert targets.count() > 30
    small = []
    for target in targets.all():
        box = target.bounding_box()
        assert box is not None
        if box["width"] < 44 or box["height"] < 44:
            small.append((target.inner_text().strip(), round(box["width"]), round(box["height"])))
    assert small == []
    page.goto(base_url + "?kind=stretch&equipment=machine")  # the empty result's buttons too
    for button in page.locator(".exercise-library__empty button").all():
        box = button.bounding_box()
        assert box is not None and box["height"] >= 44 and box["width"] >= 44


def levels_of(page: Page, cards: list[str]) -> list[int]:
    order = ["beginner", "intermediate", "advanced"]
    return [order.index(card_data(page, c, "level")) for c in cards]


def primary(page: Page, card: str) -> list[str]:
    return card_data(page, card, "primary-muscles").split()


def test_results_for_a_muscle_put_the_exercises_that_work_it_most_first(phone: Page, base_url: str) -> None:
    page = phone
    page.goto(base_url + "?muscle=adductor-longus")
    shown = visible(page)
    main = [card for card in shown if "adductor-longus" in primary(page, card)]
    helps = [card for card in shown if card not in main]
    assert main and helps, "the muscle works most in some exercises and helps in others"
    assert shown == main + helps  # works it most first, then where it helps
    for group in (main, helps):
        assert levels_of(page, group) == sorted(levels_of(page, group))  # easier first
    # Each card marks the chosen muscle where it names it: "works most" or "helped by".
    first, last = page.locator(f'[data-exercise="{main[0]}"]'), page.locator(f'[data-exercise="{helps[-1]}"]')
    expect(first.locator(".exercise-card__worked:not(.exercise-card__worked--helps) .is-chosen")).to_have_text(
        "Adductor longus"
    )
    expect(last.locator(".exercise-card__worked--helps .is-chosen")).to_have_text("Adductor longus")

    page.locator(".library-filters__summary").tap()
    page.get_by_role("radio", name="work it most", exact=True).check()  # the picker's other reading
    assert visible(page) == main
    assert parse_qs(urlparse(page.url).query) == {"muscle": ["adductor-longus"], "muscle-role": ["main"]}

    # The case: adductor longus, no equipment, beginner. The best match comes first, and
    # no exercise that needs something (a cushion) is offered as "no equipment".
    page.goto(base_url + "?muscle=adductor-longus&equipment=none&level=beginner")
    shown = visible(page)
    assert "adductor-longus" in primary(page, shown[0])
    assert "standing-isometric-adduction" not in shown
    for card in shown:
        assert "none" in card_data(page, card, "equipment").split()


def test_without_a_muscle_the_list_is_easiest_first(phone: Page, base_url: str) -> None:
    page = phone
    page.goto(base_url)
    shown = visible(page)
    assert levels_of(page, shown) == sorted(levels_of(page, shown))


def test_strength_and_stretches_are_told_apart(phone: Page, base_url: str) -> None:
    page = phone
    page.goto(base_url)
    kinds = page.locator(".exercise-library .exercise-card").evaluate_all("cs => cs.map(c => c.dataset.kind)")
    assert {"strength", "stretch"} <= set(kinds)
    page.locator(".library-filters__summary").tap()
    page.locator("label.library-filters__option", has_text="Stretch").tap()
    stretches = visible(page)
    assert stretches and all(k == "stretch" for k in kinds_of(page, stretches))
    for card in stretches:  # said in words on every card, not by colour alone
        expect(page.locator(f'[data-exercise="{card}"] .exercise-card__kind')).to_have_text("Stretch")
    page.get_by_role("checkbox", name="Stretch").uncheck()
    page.get_by_role("checkbox", name="Strength").check()
    strength = visible(page)
    assert strength and not set(strength) & set(stretches)
    assert all(k == "strength" for k in kinds_of(page, strength))


def kinds_of(page: Page, cards: list[str]) -> list[str]:
    return [card_data(page, c, "kind") for c in cards]


def test_an_empty_result_says_what_to_loosen(phone: Page, base_url: str) -> None:
    page = phone
    page.goto(base_url + "?kind=stretch&equipment=machine")
    assert visible(page) == []
    message = page.locator(".exercise-library__empty")
    expect(message).to_be_visible()
    expect(message).to_contain_text("No exercise matches every filter. Loosen one:")
    buttons = message.get_by_role("button")
    texts = buttons.all_inner_texts()
    assert len(texts) == 2 and all(t.startswith(("Clear kind of exercise (", "Clear equipment (")) for t in texts)
    page.screenshot(path=str(SHOTS / "phone-library-empty.png"))
    clear_equipment = message.get_by_role("button", name=re.compile(r"^Clear equipment \((\d+) exercises?\)$"))
    expected = int(found(r"\((\d+)", clear_equipment.inner_text()).group(1))
    clear_equipment.tap()
    assert len(visible(page)) == expected > 0
    expect(message).to_be_hidden()
    assert parse_qs(urlparse(page.url).query) == {"kind": ["stretch"]}


def test_compact_cards_fit_two_or_three_to_a_phone_screen(phone: Page, base_url: str) -> None:
    page = phone
    page.goto(base_url)
    cards = page.locator(".exercise-library .exercise-card")
    heights = sorted(box["height"] for box in (c.bounding_box() for c in cards.all()) if box)
    median = heights[len(heights) // 2]
    room = PHONE["height"] - 48 - 50  # the header and the filter bar
    assert room / 3 <= median <= room / 2, heights
    stills = page.locator(".exercise-library .exercise-still")
    sizes = [box for box in (s.bounding_box() for s in stills.all()) if box]
    assert len(sizes) == cards.count()
    # The pose is drawn in a box at least 150 px wide or 130 px tall (it was about 90 x 70).
    assert all(b["width"] >= 150 or b["height"] >= 130 for b in sizes), sizes


def test_without_javascript_the_count_and_the_whole_list_show(browser: WithoutServiceWorkers, base_url: str) -> None:
    with browser.new_context(java_script_enabled=False, viewport=PHONE) as context:
        page = context.new_page()
        page.goto(base_url)
        total = page.locator(".exercise-library .exercise-card").count()
        expect(page.locator(".exercise-library__count")).to_have_text(f"{total} exercises")
        expect(page.locator(".exercise-library__count")).to_be_visible()
        assert len(visible(page)) == total
        expect(page.locator(".exercise-library__empty")).to_be_hidden()


def test_no_accessibility_violation_with_the_sheet_open_or_nothing_matching(
    browser: WithoutServiceWorkers, base_url: str
) -> None:
    from test_accessibility import run_axe

    with browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True, bypass_csp=True) as context:
        page = context.new_page()
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            page.goto(base_url + "?muscle=gracilis")
            page.locator(".library-filters__summary").tap()
            # Opening the sheet scrolls the page, and Material's header fades its title in and out
            # as it scrolls: judge the colours once no transition is running (axe would measure a
            # half-faded title under load).
            page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
            assert run_axe(page) == [], scheme
            page.goto(base_url + "?kind=stretch&equipment=machine")
            expect(page.locator(".exercise-library__empty")).to_be_visible()
            assert run_axe(page) == [], scheme
