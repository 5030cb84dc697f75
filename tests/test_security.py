"""Content-Security-Policy: no third-party origin, no inline script, no violation on any page."""

from __future__ import annotations

import re
from pathlib import Path

from browser import WithoutServiceWorkers, search, serve
from conftest import ROOT, found

from exercise_atlas.build.check import read_config


def policy() -> str:
    return " ".join(read_config(str(ROOT / "mkdocs.yml"))["extra"]["csp"].split())


def test_policy_allows_only_this_site() -> None:
    text = policy()
    assert "http" not in text and "*" not in text and "'unsafe-inline'" not in text and "'unsafe-eval'" not in text
    assert "script-src 'self'" in text and "default-src 'self'" in text


def test_headers_file_carries_the_same_policy() -> None:
    headers = (ROOT / "docs/_headers").read_text(encoding="utf-8")
    line = found(r"^\s+Content-Security-Policy: (.+)$", headers, re.M).group(1)
    assert line == policy() + "; frame-ancestors 'none'"


def test_every_page_declares_the_policy_first_and_has_no_inline_script(site: Path) -> None:
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        head = html.split("<head>", 1)[1]
        first = found(r"<meta [^>]+>", head).group(0)
        assert first == f'<meta http-equiv="Content-Security-Policy" content="{policy()}">', page
        data_blocks = ("application/json", "application/ld+json")  # data, never executed
        inline = [
            s for s in re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html) if not any(t in s for t in data_blocks)
        ]
        assert inline == [], f"{page}: inline script"
        assert ' style="' not in html, f"{page}: inline style attribute"
        if 'http-equiv="refresh"' not in html:  # a redirect page is left at once
            assert '<meta name="referrer" content="strict-origin-when-cross-origin">' in head, page


def test_the_referrer_policy_is_the_headers_files() -> None:
    """Where the host ignores docs/_headers (GitHub Pages) the page's own tag gives the same policy."""
    headers = (ROOT / "docs/_headers").read_text(encoding="utf-8")
    template = (ROOT / "overrides/page.html").read_text(encoding="utf-8")
    policy = found(r"^\s+Referrer-Policy: (.+)$", headers, re.M).group(1)
    assert f'<meta name="referrer" content="{policy}">' in template


TABS = 6  # pages loaded side by side in one test
RECORD = "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"


def test_no_page_raises_a_violation(browser: WithoutServiceWorkers, site: Path) -> None:
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html") if "assets" not in p.parts)
    with browser.new_context() as context:
        context.add_init_script(RECORD)
        tabs = [context.new_page() for _ in range(TABS)]
        page = tabs[0]
        violations = {}
        with serve(site) as base:
            # A page is judged once the network has been quiet for half a second (what loads late
            # is under the policy too): a few tabs at a time wait out their quiet together.
            for start in range(0, len(pages), TABS):
                batch = list(zip(tabs, pages[start : start + TABS], strict=False))
                for tab, path in batch:
                    tab.goto(base + path.removesuffix("index.html"))
                for tab, path in batch:
                    tab.wait_for_load_state("networkidle")
                    found = tab.evaluate("window.__csp")
                    if found:
                        violations[path] = found
            # Search runs in a web worker and highlights results: exercise it under the policy too.
            page.goto(base)
            search(page, "gracilis")
            if page.evaluate("window.__csp"):
                violations["search"] = page.evaluate("window.__csp")
            # The palette toggle still works and is remembered with its script moved out of line.
            page.goto(base)
            page.locator("label.md-header__button[for^='__palette']:visible").first.click()
            scheme = page.evaluate("document.body.dataset.mdColorScheme")
            page.reload()
            assert page.evaluate("document.body.dataset.mdColorScheme") == scheme
    assert violations == {}
