"""Helpers for browser tests: serve a built site on loopback and drive Debian's Chromium."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import static_host

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
