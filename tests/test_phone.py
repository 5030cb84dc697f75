"""The reader's path on a phone (390 x 844, touch): the menu, every page's width, the warnings.

The library's own phone tests are in tests/test_library_filters.py; the offline 404 in
tests/test_offline.py. Screenshots go to test-results/screenshots/ (phone-*.png).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import SHOTS, WithoutServiceWorkers, serve
from conftest import ROOT, build_with
from playwright.sync_api import Locator, Page, expect
from test_accessibility import pages

PHONE = {"width": 390, "height": 844}
COLUMNS = ["Origin (where it starts)", "Insertion (where it attaches)", "Nerve supply", "Main actions", "Sources"]
COPY_IGNORE = shutil.ignore_patterns(".venv*", "node_modules", "site", "site.*", ".git", "test-results", ".*_cache")


@pytest.fixture(scope="module", params=["instant off", "instant on"])
def any_nav_site(request: pytest.FixtureRequest, site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site as built, and the same site with Material's instant navigation turned on."""
    if request.param == "instant off":
        with serve(site) as url:
            yield url
        return
    project = tmp_path_factory.mktemp("instant") / "project"
    shutil.copytree(ROOT, project, ignore=COPY_IGNORE)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "    - navigation.tabs\n" in text
    config.write_text(text.replace("    - navigation.tabs\n", "    - navigation.tabs\n    - navigation.instant\n"))
    out = project.parent / "site"
    result = build_with("mkdocs", project, out)
    assert result.returncode == 0, result.stderr
    with serve(out) as url:
        yield url


def open_menu(page: Page) -> None:
    page.locator('label.md-header__button[for="__drawer"]').click()
    expect(page.locator(".md-sidebar--primary")).to_be_in_viewport()


def drawer_top_level(page: Page) -> Locator:
    """The menu's first level: links (places) and labels (sections that open a list)."""
    return page.locator(".md-sidebar--primary .md-nav--primary > .md-nav__list > .md-nav__item")


def test_the_library_is_one_tap_from_the_phone_menu(browser: WithoutServiceWorkers, any_nav_site: str) -> None:
    with browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True) as context:
        page = context.new_page()
        page.goto(any_nav_site)
        open_menu(page)
        library = drawer_top_level(page).get_by_role("link", name="Exercise library", exact=True)
        expect(library).to_be_in_viewport()
        library.tap()
        expect(page.locator("article h1").first).to_have_text(re.compile(r"^Exercise library"))
        assert page.url == any_nav_site + "exercises/"


def test_every_section_opens_its_list_and_no_section_is_a_page(
    browser: WithoutServiceWorkers, any_nav_site: str
) -> None:
    """Learn, Train and Evidence behave alike: a tap opens the section's list of pages, named,
    and no section jumps straight to a page (as Train once jumped to the library)."""
    with browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True) as context:
        page = context.new_page()
        page.goto(any_nav_site)
        open_menu(page)
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "phone-menu.png"))
        items = drawer_top_level(page)
        sections = page.locator(".md-sidebar--primary .md-nav--primary > .md-nav__list > .md-nav__item--nested")
        places = items.locator(":scope > a.md-nav__link").all_inner_texts()
        assert [place.strip() for place in places] == ["Start here", "Exercise library"]
        names = [name.strip() for name in sections.locator(":scope > label.md-nav__link").all_inner_texts()]
        assert names == ["Learn", "Train", "Evidence"]
        for name in names:
            section = sections.filter(has_text=name).first
            assert section.locator(":scope > a").count() == 0, f"{name} is a link, not a section"
            section.locator(":scope > label.md-nav__link").tap()
            listed = section.locator(":scope > nav .md-nav__link[href]")
            expect(listed.first).to_be_in_viewport()
            assert listed.count() >= 3, name
            section.locator(":scope > nav > label.md-nav__title").tap()  # back to the top level
            expect(listed.first).not_to_be_in_viewport()


def test_the_library_is_a_tab_on_wide_screens(browser: WithoutServiceWorkers, any_nav_site: str) -> None:
    with browser.new_page(viewport={"width": 1280, "height": 900}) as page:
        page.goto(any_nav_site + "anatomy/")
        page.locator(".md-tabs").get_by_role("link", name="Exercise library", exact=True).click()
        expect(page.locator("article h1").first).to_have_text(re.compile(r"^Exercise library"))
        assert page.url == any_nav_site + "exercises/"
        tabs = page.locator(".md-tabs__link").all_inner_texts()
        assert [tab.strip() for tab in tabs] == ["Start here", "Exercise library", "Learn", "Train", "Evidence"]


# The overflow check, in the page: the document is no wider than the screen, nothing in the
# content sticks out past its edges, and no table or block scrolls sideways (code blocks may, and
# so may a row built to scroll sideways, which snaps to its items: the home page's figures).
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const found = [];
  const rows = [...document.querySelectorAll(".md-content *")].filter(x => getComputedStyle(x).scrollSnapType !== "none");
  if (document.documentElement.scrollWidth > width) found.push("document " + document.documentElement.scrollWidth);
  const name = e => e.tagName.toLowerCase() + (e.className && e.className.baseVal === undefined ? "." + String(e.className).trim().split(/\\s+/).join(".") : "");
  for (const e of document.querySelectorAll(".md-content *, .md-footer *")) {
    if (e.closest("pre, .muscle-map-defs, .visually-hidden, .md-tooltip")) continue;
    if (rows.some(row => row.contains(e))) continue;
    const style = getComputedStyle(e);
    if (["auto", "scroll"].includes(style.overflowX) && e.scrollWidth > e.clientWidth + 1)
      found.push(name(e) + " scrolls " + e.scrollWidth + " > " + e.clientWidth);
    const box = e.getBoundingClientRect();
    if (box.width > 1 && box.height > 1 && (box.right > width + 1 || box.left < -1))
      found.push(name(e) + " spans " + Math.round(box.left) + ".." + Math.round(box.right));
  }
  return found.slice(0, 5);
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_page_is_wider_than_a_phone(browser: WithoutServiceWorkers, site: Path, site_url: str, scheme: str) -> None:
    with browser.new_context(viewport=PHONE, color_scheme=scheme, has_touch=True, is_mobile=True) as context:
        page = context.new_page()
        wide = {}
        for path in pages(site):
            page.goto(site_url + path)
            found = page.evaluate(OVERFLOW)
            if found:
                wide[path] = found
    assert wide == {}


# Font size of every admonition's text (its title, paragraphs and list items) against the body's.
WARNING_SIZES = """() => {
  const body = parseFloat(getComputedStyle(document.querySelector("article.md-typeset > p, .md-typeset p")).fontSize);
  return [...document.querySelectorAll(".admonition")].map(a => ({
    title: a.querySelector(".admonition-title")?.textContent.trim(),
    body,
    smallest: Math.min(...[...a.querySelectorAll(".admonition-title, p, li")].map(e => parseFloat(getComputedStyle(e).fontSize))),
  }));
}"""


def test_warnings_are_as_large_as_the_body_text(browser: WithoutServiceWorkers, site: Path, site_url: str) -> None:
    with browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True) as context:
        page = context.new_page()
        seen = []
        for path in pages(site):
            page.goto(site_url + path)
            for warning in page.evaluate(WARNING_SIZES):
                seen.append(warning["title"])
                assert warning["smallest"] >= warning["body"] >= 16, (path, warning)
            if path == "groin-pain/":
                page.locator(".admonition.danger").first.scroll_into_view_if_needed()
                page.screenshot(path=str(SHOTS / "phone-groin-pain-warning.png"))
    assert "Stop running and get checked" in seen and "Education, not medical advice" in seen


def test_the_anatomy_table_is_one_card_per_muscle(browser: WithoutServiceWorkers, site_url: str) -> None:
    with browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True) as context:
        page = context.new_page()
        page.goto(site_url + "anatomy/")
        rows = page.locator("table.muscle-table tbody tr:not(.muscle-table__notes)")
        assert rows.count() >= 5
        for row in rows.all():
            box = row.bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
            # Each value stands under its column's name, the same words as the table's header.
            labels = row.locator("td").evaluate_all("cells => cells.map(c => getComputedStyle(c, '::before').content)")
            assert labels == [f'"{column}"' for column in COLUMNS]
        headers = page.locator("table.muscle-table thead th").all_text_contents()
        assert headers == ["Muscle", *COLUMNS]
        # A screen reader still meets a table with its headers.
        assert page.get_by_role("table").filter(has_text="Adductor longus").count() == 1
        page.get_by_role("row").filter(has_text="Gracilis").first.scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / "phone-anatomy-cards.png"))
        with browser.new_page(viewport={"width": 1280, "height": 900}) as wide:  # wide screens keep the table
            wide.goto(site_url + "anatomy/")
            assert wide.locator("table.muscle-table").evaluate("t => getComputedStyle(t).display") != "block"
