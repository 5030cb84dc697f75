"""Material's bundle starts without restyling the whole page (docs/assets/javascripts/md-palette.js).

At load the bundle marks <html> ("js", focus-visible), sets data-md-color-switching on <body>
and removes it again, and adds <meta name="color-scheme"> and fills it: in Chromium each of
these restyles every element, the largest part of the page's total blocking time on a slow
phone. md-palette.js does the same early, or not at all where nothing changes. These tests
check that the page ends up as Material leaves it, that a palette switch still works (and still
turns transitions off while the colours change), and, from a Chromium trace, that no full-page
restyle is left in the bundle's start-up.
"""

from __future__ import annotations

import json

import pytest
from browser import WithoutServiceWorkers
from playwright.sync_api import Page

pytestmark = pytest.mark.usefixtures("site_url")

# Every change of data-md-color-switching on <body>, in order ("+" set, "-" removed).
RECORD = """
window.__switching = [];
new MutationObserver(records => records.forEach(r => window.__switching.push(
  r.target.hasAttribute("data-md-color-switching") ? "+" : "-"))
).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-md-color-switching"]});
"""


def color_schemes(page: Page) -> list[str]:
    schemes: list[str] = page.evaluate("[...document.querySelectorAll('meta[name=color-scheme]')].map(m => m.content)")
    return schemes


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_page_ends_as_material_leaves_it(browser: WithoutServiceWorkers, site_url: str, scheme: str) -> None:
    with browser.new_context(color_scheme=scheme) as context:
        context.add_init_script(RECORD)
        page = context.new_page()
        page.goto(site_url + "anatomy/")
        page.wait_for_load_state("networkidle")
        root = page.evaluate("document.documentElement.className")
        assert "no-js" not in root.split() and {"js", "js-focus-visible"} <= set(root.split())
        # One color-scheme meta (ours), with the value Material computes from the header.
        expected = "dark" if scheme == "dark" else "light"
        assert color_schemes(page) == [expected]
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).colorScheme") == expected
        assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
        # Material's theme-color meta is untouched, and nothing is left switching.
        assert page.evaluate("document.querySelector('meta[name=theme-color]').content").startswith("#")
        assert not page.evaluate("document.body.hasAttribute('data-md-color-switching')")
        if scheme == "light":
            assert page.evaluate("window.__switching") == [], "a restyle of the page for a palette that did not change"
        else:
            # A first visit with a dark system: the bundle really changes the palette (transitions off).
            assert page.evaluate("window.__switching") == ["+", "-"]


def test_switching_palettes_still_works(browser: WithoutServiceWorkers, site_url: str) -> None:
    with browser.new_context() as context:
        context.add_init_script(RECORD)
        page = context.new_page()
        page.goto(site_url)
        page.wait_for_load_state("networkidle")
        for scheme, meta in (("slate", "dark"), ("default", "light")):
            page.locator("label.md-header__button[for^='__palette']:visible").first.click()
            page.wait_for_function("!document.body.hasAttribute('data-md-color-switching')")
            assert page.evaluate("document.body.dataset.mdColorScheme") == scheme
            assert color_schemes(page) == [meta]
            theme = page.evaluate("document.querySelector('meta[name=theme-color]').content")
            header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
            assert theme == "#" + "".join(f"{int(v):02x}" for v in header[4:-1].split(",")[:3])
        # Transitions were turned off for each switch, as Material does.
        assert page.evaluate("window.__switching") == ["+", "-", "+", "-"]
        # The choice is remembered on the next page, with no switch at load.
        page.reload()
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
        assert page.evaluate("window.__switching") == []


# Material's bundle has mounted its components (tooltips.js puts the header's titles back in a task
# after Material's DOMContentLoaded handler) and the page has drawn two frames since: a restyle
# that the start-up caused has happened by then, and is in the trace. Polled in the page, whose
# policy forbids the eval that wait_for_function needs.
STARTED = """() => new Promise(resolve => {
  const check = () => document.querySelector("[data-md-component=header] [title]")
    ? requestAnimationFrame(() => requestAnimationFrame(resolve))
    : setTimeout(check, 20)
  check()
})"""


def full_page_restyles(browser: WithoutServiceWorkers, url: str) -> list[int]:
    """Style recalculations of most elements once Material's bundle starts (the page is parsed by
    then, so only a script's change restyles it all): their element counts, from a trace."""
    with browser.new_context(viewport={"width": 412, "height": 823}) as context:
        page = context.new_page()
        browser.chromium.start_tracing(
            page=page, categories=["devtools.timeline", "disabled-by-default-devtools.timeline"]
        )
        page.goto(url)
        page.wait_for_load_state("networkidle")
        page.evaluate(STARTED)
        events = json.loads(browser.chromium.stop_tracing())["traceEvents"]
    start = min(
        e["ts"]
        for e in events
        if e.get("name") == "EvaluateScript" and "/bundle." in e.get("args", {}).get("data", {}).get("url", "")
    )
    restyles = [(e["ts"], e["args"].get("elementCount", 0)) for e in events if e.get("name") == "UpdateLayoutTree"]
    most = max(count for _, count in restyles)
    return [count for ts, count in restyles if ts > start and count > most / 2]


def test_no_full_page_restyle_once_the_bundle_starts(browser: WithoutServiceWorkers, site_url: str) -> None:
    for path in ("", "anatomy/", "exercises/"):
        assert full_page_restyles(browser, site_url + path) == [], path
