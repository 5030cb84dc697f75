"""Helpers for browser tests: serve a built site on loopback and drive Debian's Chromium."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from static_host import serve  # noqa: F401 - the tests read the site as a static host serves it

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--no-first-run"]
SHOTS = Path(__file__).resolve().parent.parent / "test-results" / "screenshots"


def require_chromium() -> None:
    """Skip loudly without Chromium; in CI its absence is a failure."""
    if Path(CHROMIUM).exists():
        return
    reason = f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium)"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def search(page, query: str, timeout: float = 30_000) -> str:
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
