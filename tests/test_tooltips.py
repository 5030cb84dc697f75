"""Tooltips made when first needed (docs/assets/javascripts/tooltips.js).

Material sets up a tooltip for every element with a title in the content and the header at
load; our script takes over those elements and shows Material's tooltips on hover, keyboard
focus and tap. Checked on the anatomy article (citations, glossary terms, section links; the
header's logo and repository link), in Chromium.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import WithoutServiceWorkers, box_of
from conftest import ROOT
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.usefixtures("site_url")

TOOLTIPS = "[...document.querySelectorAll('.md-tooltip2')].map(n => [n.id, n.getAttribute('role'), n.textContent])"


def titles_in(html: str) -> int:
    content = html[html.index('data-md-component="content"') :]
    return len(re.findall(r"<(?:a|abbr)\b[^>]*\stitle=", content))


@pytest.fixture
def anatomy(browser: WithoutServiceWorkers, site_url: str) -> Iterator[Page]:
    with browser.new_context(viewport={"width": 1280, "height": 800}) as context:
        page = context.new_page()
        page.goto(site_url + "anatomy/")
        page.wait_for_load_state("networkidle")
        yield page


def test_titles_stay_for_screen_readers_and_the_browser(anatomy: Page, site: Path) -> None:
    html = (site / "anatomy/index.html").read_text(encoding="utf-8")
    found = anatomy.evaluate("document.querySelectorAll('.md-content a[title], .md-content abbr[title]').length")
    assert found == titles_in(html) > 20


def test_hover_shows_materials_tooltip_once(anatomy: Page) -> None:
    citation = anatomy.locator("sup.citation a").first
    title = citation.get_attribute("title")
    citation.hover()
    anatomy.wait_for_selector(".md-tooltip2.md-tooltip2--active")
    tips = anatomy.evaluate(TOOLTIPS)
    # One tooltip (Material set up none of its own for this link), tied to the link.
    assert [(role, text) for _, role, text in tips] == [("tooltip", title)]
    assert citation.get_attribute("aria-describedby") == tips[0][0]
    assert citation.get_attribute("title") is None  # no second tooltip from the browser
    box, tip = box_of(citation), box_of(anatomy.locator(".md-tooltip2__inner"))
    assert box["y"] + box["height"] <= tip["y"] <= box["y"] + box["height"] + 20  # just below it
    anatomy.mouse.move(5, 400)
    anatomy.wait_for_selector(".md-tooltip2", state="detached")
    assert citation.get_attribute("title") == title
    assert citation.get_attribute("aria-describedby") is None


def test_keyboard_focus_shows_the_tooltip(anatomy: Page) -> None:
    citation = anatomy.locator("sup.citation a").first
    title = citation.get_attribute("title")
    anatomy.locator("h1").click()  # start tabbing from the article
    for _ in range(40):
        anatomy.keyboard.press("Tab")
        if anatomy.evaluate("document.activeElement.closest('sup.citation') !== null"):
            break
    anatomy.wait_for_selector(".md-tooltip2.md-tooltip2--active")
    tips = anatomy.evaluate(TOOLTIPS)
    assert [text for *_, text in tips] == [title]
    shown = tips[0][0]
    # On to the next link: never two tooltips. The moment focus has left the citation, a next link
    # with a title of its own has replaced the tooltip; one without keeps the citation's for a
    # quarter of a second. Once the citation's has gone, what is left is the focused link's.
    anatomy.keyboard.press("Tab")
    expect(citation).not_to_be_focused()
    assert len(anatomy.evaluate(TOOLTIPS)) <= 1
    anatomy.locator(f"#{shown}").wait_for(state="detached")
    tips = anatomy.evaluate(TOOLTIPS)
    assert len(tips) <= 1
    if tips:
        assert anatomy.evaluate("document.activeElement.getAttribute('aria-describedby')") == tips[0][0]
    anatomy.evaluate("document.activeElement.blur()")
    anatomy.wait_for_selector(".md-tooltip2", state="detached")


def test_tap_on_a_phone_explains_a_glossary_term(browser: WithoutServiceWorkers, site_url: str) -> None:
    with browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True) as context:
        page = context.new_page()
        page.goto(site_url + "anatomy/")
        page.wait_for_load_state("networkidle")
        term = page.locator(".md-content abbr").first
        explanation = term.get_attribute("title")
        term.tap()
        page.wait_for_selector(".md-tooltip2.md-tooltip2--active")
        assert [text for *_, text in page.evaluate(TOOLTIPS)] == [explanation]


def test_loaded_only_with_materials_tooltips() -> None:
    template = (ROOT / "overrides/page.html").read_text(encoding="utf-8")
    assert '{% if "content.tooltips" in (config.theme.features or []) %}' in template
    assert "assets/javascripts/tooltips.js" in template


def test_material_sets_up_no_tooltip_per_element(anatomy: Page) -> None:
    """The start-up cost is gone: Material's tooltip listens on each element; ours on the content."""
    cdp = anatomy.context.new_cdp_session(anatomy)
    for selector in ("sup.citation a", ".md-content abbr", ".md-content a.headerlink", ".md-header .md-logo"):
        found = cdp.send("Runtime.evaluate", {"expression": f"document.querySelector({selector!r})"})
        listeners = cdp.send("DOMDebugger.getEventListeners", {"objectId": found["result"]["objectId"]})
        assert [entry["type"] for entry in listeners["listeners"]] == [], selector


def test_header_tooltips_are_materials_inline_ones(anatomy: Page) -> None:
    source = anatomy.locator(".md-header .md-source")
    source.hover()
    anatomy.wait_for_selector(".md-tooltip.md-tooltip--active")
    tip = anatomy.locator(".md-tooltip--inline")
    assert tip.inner_text() == "Go to repository"
    assert tip.get_attribute("role") == "tooltip"
    assert source.get_attribute("aria-describedby") == tip.get_attribute("id")
    # Right after the link, as Material puts it, and centred below it.
    assert anatomy.evaluate(
        "document.querySelector('.md-header .md-source').nextElementSibling.id"
    ) == tip.get_attribute("id")
    box, below = box_of(source), box_of(tip)
    assert abs((box["x"] + box["width"] / 2) - (below["x"] + below["width"] / 2)) < 2
    assert below["y"] >= box["y"] + box["height"]
    anatomy.mouse.move(600, 500)
    anatomy.wait_for_selector(".md-tooltip", state="detached")
    assert source.get_attribute("title") == "Go to repository"
