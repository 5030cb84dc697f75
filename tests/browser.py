"""Helpers for browser tests: serve a built site on loopback and drive Debian's Chromium."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, FloatRect, Locator, Page

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import static_host

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--no-first-run"]
SHOTS = Path(__file__).resolve().parent.parent / "test-results" / "screenshots"


class WithoutServiceWorkers:
    """The shared browser (the ``browser`` fixture), whose new contexts and pages block the site's
    service worker unless a test asks for it (service_workers="allow"; tests/test_offline.py does).
    Under Playwright a dedicated worker whose script a service worker serves (Material's search)
    sometimes never starts, and a page's "load" or "networkidle" then never comes; Chromium itself
    is fine (the same pages driven over the plain DevTools protocol, without Playwright, all start
    search).

    Open each context or page in a ``with`` block (Playwright's own context managers), so it is
    closed however the test ends: ``with browser.new_context(...) as context:`` or ``with
    browser.new_page(...) as page:`` (a page with a context of its own, closed with it).
    tests/conftest.py closes any a test still leaves open when it ends."""

    def __init__(self, chromium: Browser) -> None:
        self.chromium = chromium  # Playwright's Browser itself: tracing, its browser type

    def new_context(self, **options: Any) -> BrowserContext:
        return self.chromium.new_context(**{"service_workers": "block", **options})

    def new_page(self, **options: Any) -> Page:
        return self.chromium.new_page(**{"service_workers": "block", **options})


def box_of(locator: Locator) -> FloatRect:
    """The element's box on the page; it must be laid out (Playwright gives None if it is not)."""
    box = locator.bounding_box()
    assert box is not None, f"{locator} is not laid out"
    return box


def attribute(locator: Locator, name: str) -> str:
    """The element's attribute ``name``, which it must have (Playwright gives None if not)."""
    value = locator.get_attribute(name)
    assert value is not None, f"{locator} has no {name}"
    return value


def require_chromium() -> None:
    """Skip loudly without Chromium; in CI its absence is a failure."""
    if Path(CHROMIUM).exists():
        return
    reason = f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium)"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def require_nginx() -> None:
    """Skip loudly without nginx, which serves the built site as a static host does; in CI its
    absence is a failure."""
    if static_host.nginx_path() is not None:
        return
    reason = f"serving the built site needs nginx ({static_host.INSTALL_HINT})"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


@contextmanager
def serve(directory: Path, csp: str | None = None, base_path: str = "/") -> Iterator[str]:
    """The built site served by nginx as GitHub Pages or Netlify serve it (scripts/static_host.py)."""
    require_nginx()
    with static_host.serve(directory, csp, base_path) as url:
        yield url


def search(page: Page, query: str, timeout: float = 30_000) -> str:
    """Open Material's search, wait until its index is loaded, type ``query``; the results' text.

    Waits for the index first, so the time measured is the query's. Uses
    locator assertions (not page-side eval), which work under the site's CSP.
    """
    import re

    from playwright.sync_api import expect

    page.locator("label.md-search__icon, .md-search__input").first.click()
    meta = page.locator(".md-search-result__meta")
    expect(meta).not_to_have_text(re.compile("Initializing"), timeout=timeout)
    # Type as a person does: Material answers key presses (a programmatic fill() is ignored once
    # the index is ready).
    page.locator("input.md-search__input").press_sequentially(query, delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=timeout)
    return page.locator(".md-search-result").inner_text()
