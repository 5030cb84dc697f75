"""axe-core on every built page, in light and dark palettes, and with search open: no violations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from browser import WithoutServiceWorkers, search, serve
from conftest import ROOT, build_with
from playwright.sync_api import Page

AXE = ROOT / "node_modules/axe-core/axe.min.js"


@pytest.fixture(scope="module", autouse=True)
def axe_installed() -> None:
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `make setup-dev` (npm ci)")


def run_axe(page: Page) -> list[str]:
    # The harness injects axe as an inline script, which the site's CSP forbids; the context
    # bypasses CSP for the test tool only (tests/test_security.py checks the real policy).
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {len(v['nodes'])}x {json.dumps(v['nodes'][0]['target'])}"
        for v in result["violations"]
    ]


def pages(site: Path) -> list[str]:
    """Every page a reader can land on (redirect pages move on at once, so they are left out)."""
    found = [p for p in site.rglob("index.html") if "assets" not in p.parts]
    readable = [p for p in found if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")]
    return sorted(p.relative_to(site).as_posix().removesuffix("index.html") for p in readable)


@pytest.mark.parametrize(("scheme", "width"), [("light", 1280), ("dark", 1280), ("light", 390)])
def test_no_violations_on_any_page(browser: WithoutServiceWorkers, site: Path, scheme: str, width: int) -> None:
    with browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 900}, bypass_csp=True) as context:
        page = context.new_page()
        violations = {}
        with serve(site) as base:
            for path in pages(site):
                page.goto(base + path)
                found = run_axe(page)
                if found:
                    violations[path] = found
    assert violations == {}


def test_no_violations_with_search_open(browser: WithoutServiceWorkers, site: Path) -> None:
    with browser.new_context(bypass_csp=True) as context:
        page = context.new_page()
        with serve(site) as base:
            page.goto(base)
            search(page, "adductor")
            # Named by the package's script, not by a copy of Material's partial.
            assert page.locator(".md-search").get_attribute("aria-label") == "Search"
            assert run_axe(page) == []


def test_no_violations_on_the_404_page(browser: WithoutServiceWorkers, tmp_path: Path) -> None:
    """The 404 page links its assets from site_url (it is served at any depth), so build a copy
    whose site_url is the local server, as the host would serve it."""
    out = tmp_path / "site"
    out.mkdir()
    with browser.new_context(bypass_csp=True) as context:
        page = context.new_page()
        with serve(out) as base:
            result = build_with("mkdocs", ROOT, out, site_url=base)
            assert result.returncode == 0, result.stderr
            page.goto(base + "no/such/page/")  # the test server answers 404 without a body
            page.goto(base + "404.html")
            assert page.locator("h1").first.inner_text() == "Page not found"
            assert run_axe(page) == []
