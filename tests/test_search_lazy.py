"""Search loads its index only when a reader first opens it (assets/javascripts/search-lazy.js).

Material 9.8.2 fetches search/search_index.json on every page load; it is most of a first
load's weight and grows with the site. These tests fail if Material changes how it fetches the
index (the held request then goes out at load, or search never gets its index).
"""

from __future__ import annotations

import pytest
from browser import search
from playwright.sync_api import Page, Request, expect

INDEX = "/search/search_index.json"


@pytest.fixture
def base_url(site_url: str) -> str:
    return site_url


@pytest.fixture
def index_requests(page: Page) -> list[str]:
    """Every request the tab makes for the search index, as it happens."""
    requests: list[str] = []

    def seen(request: Request) -> None:
        if INDEX in request.url:
            requests.append(request.url)

    page.on("request", seen)
    return requests


def test_no_page_load_requests_the_index(page: Page, base_url: str, index_requests: list[str]) -> None:
    for path in ("", "anatomy/", "exercises/", "exercises/copenhagen-plank/"):
        page.goto(base_url + path, wait_until="networkidle")
        # The search component is set up (its request is held, not absent because the bundle failed).
        expect(page.locator(".md-search-result__meta")).to_have_text("Initializing search")
    assert index_requests == []


def test_opening_search_loads_the_index_and_finds_results(page: Page, base_url: str, index_requests: list[str]) -> None:
    page.goto(base_url + "anatomy/", wait_until="networkidle")
    assert index_requests == []
    assert "racilis" in search(page, "gracilis")
    assert index_requests == [base_url + INDEX.lstrip("/")]


@pytest.mark.parametrize("key", ["/", "s"])
def test_the_keyboard_shortcut_loads_the_index(page: Page, base_url: str, index_requests: list[str], key: str) -> None:
    page.goto(base_url, wait_until="networkidle")
    page.keyboard.press(key)
    expect(page.locator("input.md-search__input")).to_be_focused()
    expect(page.locator(".md-search-result__meta")).not_to_have_text("Initializing search", timeout=30_000)
    page.keyboard.type("gracilis", delay=20)
    expect(page.locator(".md-search-result__item").first).to_contain_text("racilis")
    assert len(index_requests) == 1


def test_a_page_opened_from_a_result_highlights_at_once(page: Page, base_url: str, index_requests: list[str]) -> None:
    """Material highlights the searched words (?h=) with the index, so that page loads it."""
    page.goto(base_url + "anatomy/?h=gracilis", wait_until="networkidle")
    expect(page.locator("article mark").first).to_have_text("gracilis", ignore_case=True)
    assert len(index_requests) == 1
