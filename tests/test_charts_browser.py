"""The evidence charts in Chromium: axe on every page with a chart (light, dark, phone, table
open), the reader's own result on the scale chart (and nothing sent), no script, print, 390 px."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import WithoutServiceWorkers, attribute, serve
from playwright.sync_api import Page
from test_accessibility import run_axe

CHART_PAGES = ["strength-training/", "myths/", "test-yourself/", "return-to-running/"]


def test_the_chart_pages_are_the_pages_with_charts(site: Path) -> None:
    found = sorted(
        p.parent.relative_to(site).as_posix() + "/"
        for p in site.rglob("index.html")
        if '<figure class="chart ' in p.read_text(encoding="utf-8")
    )
    assert found == sorted(CHART_PAGES)


@pytest.mark.parametrize(("scheme", "width"), [("light", 1280), ("dark", 1280), ("light", 390)])
def test_no_violations_on_pages_with_charts(
    browser: WithoutServiceWorkers, site: Path, scheme: str, width: int
) -> None:
    with browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 900}, bypass_csp=True) as context:
        page = context.new_page()
        violations = {}
        with serve(site) as base:
            for path in CHART_PAGES:
                page.goto(base + path)
                page.evaluate("document.querySelectorAll('.chart__data').forEach(d => d.open = true)")
                found = run_axe(page)
                if found:
                    violations[path] = found
    assert violations == {}


def test_a_reader_places_their_ratio_and_nothing_leaves_the_page(page: Page, site: Path) -> None:
    with serve(site) as base:
        page.goto(base + "test-yourself/")
        page.wait_for_load_state("networkidle")
        sent: list[str] = []
        page.on("request", lambda request: sent.append(request.url))
        chart = page.locator('figure[data-chart="adduction-abduction-ratio"]')
        assert not chart.locator(".chart__reader").is_visible()
        chart.get_by_label("Your adduction").fill("170")
        chart.get_by_label("Your abduction").fill("200")
        page.keyboard.press("Enter")  # submitting goes nowhere either
        assert chart.locator(".chart__result").inner_text() == "Yours: 85 %, drawn on the chart's last row."
        assert chart.locator(".chart__reader").is_visible()
        assert chart.locator(".chart__you-value").text_content() == "85"
        cx = float(attribute(chart.locator(".chart__you"), "cx"))
        assert cx == pytest.approx(85 / 120 * 316, abs=0.1)
        assert page.url == base + "test-yourself/"
        chart.get_by_label("Your abduction").fill("")
        assert not chart.locator(".chart__reader").is_visible()
    assert sent == []


def test_without_script_the_form_goes_and_the_table_stays(browser: WithoutServiceWorkers, site: Path) -> None:
    with browser.new_context(java_script_enabled=False) as context:
        page = context.new_page()
        with serve(site) as base:
            page.goto(base + "test-yourself/")
            chart = page.locator('figure[data-chart="adduction-abduction-ratio"]')
            assert not chart.locator(".chart__form").is_visible()
            chart.locator("summary").click()
            assert chart.locator("table").is_visible()


def test_in_print_the_chart_stays_and_the_form_goes(page: Page, site: Path) -> None:
    with serve(site) as base:
        page.goto(base + "test-yourself/")
        page.emulate_media(media="print")
        chart = page.locator('figure[data-chart="adduction-abduction-ratio"]')
        assert chart.locator("svg").is_visible()
        assert not chart.locator(".chart__form").is_visible()


def test_at_390_px_each_chart_fits_the_screen(browser: WithoutServiceWorkers, site: Path) -> None:
    with browser.new_context(viewport={"width": 390, "height": 800}) as context:
        page = context.new_page()
        with serve(site) as base:
            for path in CHART_PAGES:
                page.goto(base + path)
                for box in page.locator(".chart__svg").evaluate_all(
                    "els => els.map(e => e.getBoundingClientRect().right)"
                ):
                    assert box <= 390
                assert page.evaluate("document.documentElement.scrollWidth") <= 390
