"""Offline after one visit, and installable (docs/sw.js, assets/javascripts/offline.js, the manifest).

The site is built once, with a sub-path site_url as on GitHub Pages, and served as a static host
serves it: under /adductor-atlas/, and (pages link relatively) from a host's root. Each test has
its own host (a new origin) and browser context, so its own service worker. Figures (bytes saved,
time taken) are printed: `pytest tests/test_offline.py -s` shows them.
"""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from browser import SHOTS, WithoutServiceWorkers, attribute, search, serve
from conftest import ROOT, build_with, edit, found
from playwright.sync_api import BrowserContext, ConsoleMessage, Page, expect

from exercise_atlas.build.check import read_config

AXE = ROOT / "node_modules/axe-core/axe.min.js"
SITE_URL = "https://someone.github.io/adductor-atlas/"
EXERCISES = ("copenhagen-plank", "side-lunge", "sumo-squat")
COPY_IGNORE = shutil.ignore_patterns(
    ".git", ".venv*", "node_modules", "site", "site.*", "test-results", ".cache", ".*_cache", ".hypothesis"
)


@dataclass
class Hosted:
    kind: str
    site: Path  # the built site
    host: Path  # what the static host serves: the site, or a folder holding it at /adductor-atlas/
    prefix: str  # the site's path on the host: "" or "adductor-atlas/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the built site at adductor-atlas/."""
    host = tmp_path_factory.mktemp("host")
    result = build_with("mkdocs", ROOT, host / "adductor-atlas", site_url=SITE_URL)
    assert result.returncode == 0, result.stderr
    return host


def layout(kind: str, host: Path) -> Hosted:
    site = host / "adductor-atlas"
    return Hosted(kind, site, host, "adductor-atlas/") if kind == "subpath" else Hosted(kind, site, site, "")


@pytest.fixture(params=["root", "subpath"])
def hosted(request: pytest.FixtureRequest, built: Path) -> Hosted:
    return layout(request.param, built)


@pytest.fixture
def at_root(built: Path) -> Hosted:
    return layout("root", built)


@pytest.fixture
def base(hosted: Hosted) -> Iterator[str]:
    """The site's address on a loopback host of its own (a new origin: no worker carried over)."""
    with serve(hosted.host) as root:
        yield root + hosted.prefix


@pytest.fixture
def context(browser: WithoutServiceWorkers) -> Iterator[BrowserContext]:
    with browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="allow") as context:
        yield context


def build_of(page: Page) -> str:
    """The build the page comes from, as offline.js passes it to the worker."""
    return re.sub(r"\D", "", attribute(page.locator('link[rel="manifest"]'), "data-build"))


def wait_until_saved(page: Page, timeout: float = 60_000) -> dict[str, Any]:
    """Wait until the worker has saved the site for the page's build; its offline-status.json."""
    expect(page.locator("html")).to_have_attribute("data-offline-saved", build_of(page), timeout=timeout)
    status: dict[str, Any] = page.evaluate(STATUS)
    return status


# offline-status.json sits at the site root, beside the manifest.
STATUS = "fetch(new URL('offline-status.json', document.querySelector('link[rel=manifest]').href)).then(r => r.json())"


def cache_names(page: Page) -> list[str]:
    names: list[str] = page.evaluate("caches.keys()")
    return names


def heading(page: Page) -> str:
    return page.locator("article h1").first.inner_text().rstrip("¶").strip()


def title(site: Path, path: str) -> str:
    """The first heading of a built page, as the reader sees it."""
    html = (site / path / "index.html").read_text(encoding="utf-8")
    text = found(r"<h1[^>]*>(.*?)(?:<a class=\"headerlink\"|</h1>)", html, re.S).group(1)
    return unescape(re.sub(r"<[^>]+>", "", text)).strip()


def map_is_drawn(page: Page) -> None:
    """The page's first muscle map has drawn its skin from the drawing file (an empty box if not)."""
    page.wait_for_function(
        "() => { const use = document.querySelector('figure.muscle-map use.muscle-map__skin');"
        " return use !== null && use.getBBox().width > 100 }",
        timeout=10_000,
    )


def errors_of(page: Page) -> list[str]:
    found: list[str] = []
    page.on("pageerror", lambda error: found.append(str(error)))
    return found


def test_after_one_visit_the_site_works_offline(context: BrowserContext, base: str, hosted: Hosted) -> None:
    hosts: set[str] = set()  # every request, the worker's included
    context.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page = context.new_page()
    errors = errors_of(page)

    def policy_violation(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            errors.append(message.text)

    page.on("console", policy_violation)
    started = time.monotonic()
    page.goto(base)
    status = wait_until_saved(page)
    took = time.monotonic() - started
    print(
        f"\n{hosted.kind}: saved {status['pages']} pages, {status['bytes']:,} bytes in {status['ms']} ms "
        f"({took:.1f} s from the first request); {status['later']} left for later"
    )
    assert status["complete"]
    assert status["later"] == 0, "the site outgrew BUDGET in docs/sw.js: exercise pages wait until opened"
    assert context.service_workers[0].url.startswith(base + "sw.js?build=")

    context.set_offline(True)
    page.goto(base + "exercises/")
    assert heading(page) == title(hosted.site, "exercises/")
    cards = page.locator(".exercise-library .exercise-card:visible")
    total = cards.count()
    page.get_by_role("checkbox", name="Elastic band").check()  # the filters still work
    expect(page.locator(".exercise-library__count")).to_contain_text(f" of {total} match")
    assert 0 < cards.count() < total
    expect(page.locator(".atlas-offline")).to_have_text("You are offline: saved pages still work")

    for path in [*(f"exercises/{e}/" for e in EXERCISES), "anatomy/", "myths/", "sample-programme/"]:
        page.goto(base + path)
        assert page.url == base + path and heading(page) == title(hosted.site, path)
        if path.startswith(("exercises/", "anatomy/")):
            map_is_drawn(page)  # the drawing file was saved with the pages that name it
        expect(page.locator(".atlas-offline")).to_have_text("You are offline: saved pages still work")

    page.goto(base)
    assert "Copenhagen" in search(page, "copenhagen")

    # A page the site does not have: its 404 page, as online, at the address asked for.
    for missing in ("exercises/no-such-exercise/", "no-such-page", "no/such/page.html"):
        response = page.goto(base + missing)
        assert response is not None and response.status == 404
        assert page.url == base + missing and heading(page) == "Page not found"
        if hosted.kind == "subpath":  # its links are from site_url, whose path is /adductor-atlas/
            assert page.locator(".md-header").evaluate("h => getComputedStyle(h).position") == "sticky"
    assert errors == [] and hosts == {urlsplit(base).netloc}

    context.set_offline(False)  # back online, the notice goes
    page.goto(base + "anatomy/")
    expect(page.locator(".atlas-offline")).to_have_text("")


def test_a_new_build_replaces_the_saved_copies_and_deletes_the_old_cache(
    context: BrowserContext, built: Path, tmp_path: Path
) -> None:
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=COPY_IGNORE)
    served = tmp_path / "host"
    shutil.copytree(built, served)  # the first build, as deployed under a sub-path
    site = served / "adductor-atlas"
    with serve(served) as root:
        base = root + "adductor-atlas/"
        page = context.new_page()
        page.goto(base + "myths/")
        first = wait_until_saved(page)["build"]
        [old_cache] = cache_names(page)

        edit(project / "docs/myths.md", "# Myths and facts\n", "# Myths and facts\n\nA sentence from the new build.\n")
        result = build_with("mkdocs", project, site, site_url=SITE_URL)
        assert result.returncode == 0, result.stderr

        page.goto(base + "myths/")  # online: the current text, at once
        expect(page.locator("article")).to_contain_text("A sentence from the new build.")
        second = wait_until_saved(page)["build"]
        assert second != first
        assert cache_names(page) == [f"adductor-atlas {base} {second}"] != [old_cache]

        context.set_offline(True)  # and the saved copy is the new one
        page.goto(base + "myths/")
        expect(page.locator("article")).to_contain_text("A sentence from the new build.")


MARKER = "getComputedStyle(document.documentElement).getPropertyValue('--atlas-test-build').trim()"


def build_marked(project: Path, out: Path, mark: str) -> None:
    """Build the project with a mark in its own stylesheet and a sentence in the myths page."""
    css = project / "docs/assets/atlas.css"
    css.write_text(css.read_text(encoding="utf-8") + f"\n:root {{ --atlas-test-build: {mark}; }}\n")
    myths = project / "docs/myths.md"
    myths.write_text(
        myths.read_text(encoding="utf-8").replace("# Myths and facts\n", f"# Myths and facts\n\nBuild {mark}.\n", 1)
    )
    result = build_with("mkdocs", project, out, site_url=SITE_URL)
    assert result.returncode == 0, result.stderr


def test_an_update_never_mixes_two_builds_in_one_browser(context: BrowserContext, tmp_path: Path) -> None:
    """Two builds deployed one after the other, read in two tabs of one browser: every page shows
    its own build's stylesheet, before, during and after the new worker takes over; the tab left
    open on the old build keeps working; the old copies go once no tab shows them."""
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=COPY_IGNORE)
    first, second = tmp_path / "first", tmp_path / "second"
    build_marked(project, first / "adductor-atlas", "1")
    build_marked(project, second / "adductor-atlas", "2")
    served = tmp_path / "host"
    shutil.copytree(first, served)
    with serve(served) as root:
        base = root + "adductor-atlas/"
        old = context.new_page()
        old.goto(base + "myths/")
        wait_until_saved(old)
        [first_cache] = cache_names(old)
        assert old.evaluate(MARKER) == "1"

        shutil.rmtree(served / "adductor-atlas")  # the host is updated
        shutil.copytree(second / "adductor-atlas", served / "adductor-atlas")
        new = context.new_page()
        new.goto(base + "anatomy/")  # the old worker is in charge: the new page, its own files
        assert new.evaluate(MARKER) == "2"
        new.goto(base + "myths/")
        expect(new.locator("article")).to_contain_text("Build 2.")
        assert new.evaluate(MARKER) == "2"
        wait_until_saved(new)  # the new worker has saved build 2 and taken over both tabs
        # Build 1's copies stay while a tab shows it (a worker registered from an earlier page of
        # build 2 may have its own copies of build 2 until its tabs move on).
        assert {first_cache, f"adductor-atlas {base} {build_of(new)}"} <= set(cache_names(new))

        # The tab still on build 1, now served by the new worker: build 1's files, and search.
        css = old.evaluate("fetch(new URL('../assets/atlas.css', location.href)).then(r => r.text())")
        assert "--atlas-test-build: 1;" in css
        assert "Copenhagen" in search(old, "copenhagen")
        old.close()

        new.goto(base + "myths/")  # no tab shows build 1 now: its copies go
        assert cache_names(new) == [f"adductor-atlas {base} {build_of(new)}"]
        context.set_offline(True)
        for path in ("anatomy/", "exercises/", "myths/"):
            new.goto(base + path)
            assert new.evaluate(MARKER) == "2", path
        expect(new.locator("article")).to_contain_text("Build 2.")
        assert new.evaluate(STATUS)["errors"] == []


REGISTRATION = (
    "navigator.serviceWorker.getRegistration().then(r => [r.installing && r.installing.scriptURL,"
    " r.waiting && r.waiting.scriptURL, r.active && r.active.scriptURL])"
)


def test_one_worker_a_build_not_one_a_page(context: BrowserContext, at_root: Hosted) -> None:
    """Every page is rendered at its own moment (data-build): registering each page's own would
    install a new worker, and save the whole site again, on every page opened."""
    with serve(at_root.host) as base:
        page = context.new_page()
        page.goto(base)
        first = wait_until_saved(page)
        [_, _, worker] = page.evaluate(REGISTRATION)
        builds = {build_of(page)}
        for path in ("anatomy/", "myths/", "exercises/side-lunge/", "sample-programme/"):
            page.goto(base + path)
            wait_until_saved(page)  # this page's build is the one saved
            builds.add(build_of(page))
        assert len(builds) == 5  # five moments, one build
        assert page.evaluate(REGISTRATION) == [None, None, worker]
        assert page.evaluate(STATUS)["saved"] == first["saved"]  # saved once


def test_what_is_saved_after_the_install_is_bounded(context: BrowserContext, at_root: Hosted, tmp_path: Path) -> None:
    """Pages opened after the install are saved within RUNTIME_BUDGET, the oldest dropped first."""
    site = tmp_path / "site"
    shutil.copytree(at_root.site, site)
    edit(site / "sw.js", "var BUDGET = 5000000", "var BUDGET = 1")
    edit(site / "sw.js", "var RUNTIME_BUDGET = 2000000", "var RUNTIME_BUDGET = 100000")
    opened = ["copenhagen-plank", "side-lunge", "sumo-squat", "frog-stretch", "skater-hop"]
    with serve(site) as base:
        page = context.new_page()
        page.goto(base)
        wait_until_saved(page)
        for exercise in opened:
            # Not "load": under Playwright a worker-served search worker sometimes never starts,
            # and "load" never comes (tests/conftest.py, WithoutServiceWorkers).
            page.goto(base + f"exercises/{exercise}/", wait_until="domcontentloaded")
            expect(page.locator("article h1").first).to_be_visible()
        page.goto(base)  # the last save has finished once another page has loaded
        index = page.evaluate(
            "caches.keys().then(([name]) => caches.open(name))"
            ".then(cache => cache.match(new URL('offline-runtime.json', location.href)))"
            ".then(saved => saved.json())"
        )
        sizes = [size for _, size in index]
        print(f"\nsaved after the install: {len(index)} files, {sum(sizes):,} bytes")
        assert 0 < sum(sizes) <= 100_000
        context.set_offline(True)
        page.goto(base + f"exercises/{opened[-1]}/")  # the newest is kept
        assert heading(page) == title(site, f"exercises/{opened[-1]}/")
        page.goto(base + f"exercises/{opened[0]}/")  # the oldest made room
        assert heading(page) == "You are offline"


def test_saving_is_bounded_and_a_page_opened_is_saved(context: BrowserContext, at_root: Hosted, tmp_path: Path) -> None:
    """With a budget too small for any exercise page, those wait until the reader opens them."""
    site = tmp_path / "site"
    shutil.copytree(at_root.site, site)
    edit(site / "sw.js", "var BUDGET = 5000000", "var BUDGET = 1")
    exercises = len(list((site / "exercises").glob("*/index.html")))
    with serve(site) as base:
        page = context.new_page()
        page.goto(base)
        status = wait_until_saved(page)
        assert status["later"] == exercises > 0
        page.goto(base + "exercises/side-lunge/")  # opened online: saved

        context.set_offline(True)
        page.goto(base + "exercises/side-lunge/")
        assert heading(page) == title(site, "exercises/side-lunge/")
        # Never opened, past the budget: "not saved yet", at its own address, so it can be tried
        # again; the offline page's links and styles work there.
        page.set_viewport_size({"width": 390, "height": 844})
        for address in ("exercises/sumo-squat/", "exercises/sumo-squat", "exercises/sumo-squat/index.html"):
            page.goto(base + address)
            assert page.url == base + address and heading(page) == "You are offline"
            expect(page.locator("article")).to_contain_text("This device has not saved that page yet")
            assert page.locator(".md-header").evaluate("h => getComputedStyle(h).position") == "sticky"
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "offline-not-saved-390.png"))
        page.get_by_role("link", name="the anatomy").click()
        assert page.url == base + "anatomy/"  # articles are saved whatever the budget
        assert heading(page) == title(site, "anatomy/")
        page.goto(base + "exercises/not-an-exercise/")  # not a page of the site: its 404
        assert heading(page) == "Page not found"


def test_chromium_finds_the_site_installable(browser: WithoutServiceWorkers, hosted: Hosted, tmp_path: Path) -> None:
    """Installability needs a profile that is not incognito, so a persistent context of its own."""
    from browser import CHROMIUM, CHROMIUM_ARGS

    with serve(hosted.host) as root:
        base = root + hosted.prefix
        with browser.chromium.browser_type.launch_persistent_context(
            tmp_path / "profile", executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        ) as context:
            page = context.new_page()
            page.goto(base)
            wait_until_saved(page)
            cdp = context.new_cdp_session(page)
            assert cdp.send("Page.getInstallabilityErrors") == {"installabilityErrors": []}
            manifest = cdp.send("Page.getAppManifest")
    assert manifest["errors"] == []
    parsed = manifest["manifest"]
    assert parsed["startUrl"] == parsed["scope"] == parsed["id"] == base
    assert parsed["display"] == "kStandalone" and parsed["name"] == "Adductor Atlas"
    sizes = {icon["sizes"] for icon in parsed["icons"] if icon["type"] == "image/png"}
    assert {"192x192", "512x512"} <= sizes


SCROLL_TO = {
    "top": "window.scrollTo(0, 0)",
    "middle": "window.scrollTo(0, document.documentElement.scrollHeight / 2)",
    "bottom": "window.scrollTo(0, document.documentElement.scrollHeight)",
}
# The page's text and controls that the notice overlaps, if any (on screen, both laid out).
COVERED = """() => {
  const notice = document.querySelector(".atlas-offline__text").getBoundingClientRect();
  const hits = [];
  for (const e of document.querySelectorAll(".md-header, .md-content :is(p, li, h1, h2, h3, td, th, a, button, svg), .md-footer")) {
    const box = e.getBoundingClientRect();
    if (box.width && box.height && box.left < notice.right && notice.left < box.right
        && box.top < notice.bottom && notice.top < box.bottom) hits.push(e.tagName + " " + e.textContent.slice(0, 40));
  }
  return hits;
}"""


def test_no_accessibility_violation_with_the_offline_notice(browser: WithoutServiceWorkers, built: Path) -> None:
    """Under the sub-path of site_url, where the 404 page's links (absolute, from site_url) lead."""
    subpath = layout("subpath", built)
    with browser.new_context(
        viewport={"width": 390, "height": 800}, bypass_csp=True, service_workers="allow"
    ) as context:
        page = context.new_page()
        with serve(subpath.host) as root:
            base = root + subpath.prefix
            page.goto(base)
            wait_until_saved(page)
            context.set_offline(True)
            for path in ("offline/", "sample-programme/"):
                page.goto(base + path)
                notice = page.get_by_role("status").filter(has_text="You are offline")
                expect(notice).to_be_visible()
                page.add_script_tag(path=str(AXE))
                result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
                assert [v["id"] for v in result["violations"]] == [], path
                for where in ("top", "middle", "bottom"):  # the notice covers nothing, wherever one reads
                    page.evaluate(SCROLL_TO[where])
                    assert page.evaluate(COVERED) == [], (path, where)
            SHOTS.mkdir(parents=True, exist_ok=True)
            page.evaluate(SCROLL_TO["top"])
            page.screenshot(path=str(SHOTS / "offline-notice-390.png"))
            page.goto(base + "exercises/no-such-exercise/")  # an address the site does not have
            page.screenshot(path=str(SHOTS / "offline-404-390.png"))


# Every address a page asks to register as a service worker, recorded before the page's own
# scripts run.
RECORD_REGISTRATIONS = """
window.__registered = [];
if (window.ServiceWorkerContainer) {
  const register = ServiceWorkerContainer.prototype.register;
  ServiceWorkerContainer.prototype.register = function (address, ...rest) {
    window.__registered.push(String(address));
    return register.call(this, address, ...rest);
  };
}
"""
# Resolves in a task after the load event: offline.js registers from its load handler (or at
# once, if the page has loaded), in a promise that has settled by then.
AFTER_LOAD = """() => new Promise(resolve => {
  const later = () => setTimeout(resolve);
  document.readyState === "complete" ? later() : addEventListener("load", later);
})"""


def offline_script_ran(page: Page) -> None:
    """offline.js is in the page, and the moment it would register a worker has passed."""
    expect(page.locator('script[src$="assets/javascripts/offline.js"]')).to_have_count(1)
    page.evaluate(AFTER_LOAD)


def test_from_disk_nothing_breaks_and_no_worker_registers(browser: WithoutServiceWorkers, at_root: Hosted) -> None:
    with browser.new_context(service_workers="allow") as context:
        context.add_init_script(RECORD_REGISTRATIONS)
        page = context.new_page()
        errors = errors_of(page)
        for path in ("index.html", "exercises/index.html"):
            page.goto((at_root.site / path).as_uri())
            expect(page.locator("article h1").first).to_be_visible()
        page.get_by_role("checkbox", name="Elastic band").check()  # the library still filters
        expect(page.locator(".exercise-library__count")).to_contain_text(" match")
        offline_script_ran(page)
        assert page.locator(".atlas-offline").count() == 0
        assert page.evaluate("window.__registered") == []
        assert context.service_workers == []
        # Material itself, from disk, asks for a search/search_index.js that only its own offline
        # plugin writes; that error is Material's, and search is not expected to work from disk.
        assert [e for e in errors if "search/search_index.js" not in e] == []


def test_without_service_workers_nothing_breaks(browser: WithoutServiceWorkers, at_root: Hosted) -> None:
    with browser.new_context(service_workers="allow") as context:
        context.add_init_script("delete Navigator.prototype.serviceWorker")
        page = context.new_page()
        errors = errors_of(page)
        with serve(at_root.host) as base:
            page.goto(base + "exercises/")
            assert page.evaluate("'serviceWorker' in navigator") is False
            page.get_by_role("checkbox", name="Elastic band").check()
            expect(page.locator(".exercise-library__count")).to_contain_text(" match")
            assert "Copenhagen" in search(page, "copenhagen")
            offline_script_ran(page)
        assert page.locator(".atlas-offline").count() == 0
        assert context.service_workers == [] and errors == []


# --- Without a browser ------------------------------------------------------------------------


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", path
    return struct.unpack(">II", data[16:24])


def test_manifest_is_relative_and_agrees_with_the_site(at_root: Hosted) -> None:
    manifest = json.loads((ROOT / "docs/manifest.webmanifest").read_text(encoding="utf-8"))
    config = read_config(str(ROOT / "mkdocs.yml"))
    assert manifest["name"] == config["site_name"] and manifest["description"] == config["site_description"]
    assert len(manifest["short_name"]) <= 12
    # No "id": a relative one resolves against the origin, not the sub-path; it defaults to start_url.
    assert manifest["start_url"] == manifest["scope"] == "./" and "id" not in manifest
    css = (ROOT / "docs/assets/atlas.css").read_text(encoding="utf-8")
    primary = found(r'\[data-md-color-scheme="default"\] \{[^}]*--md-primary-fg-color: (#\w+);', css).group(1)
    assert manifest["theme_color"] == primary
    for icon in manifest["icons"]:
        assert not icon["src"].startswith(("/", "http")), icon["src"]
        assert (at_root.site / icon["src"]).exists(), icon["src"]
        if icon["type"] == "image/png":
            width, height = png_size(ROOT / "docs" / icon["src"])
            assert icon["sizes"] == f"{width}x{height}", icon["src"]
    html = (at_root.site / "exercises/copenhagen-plank/index.html").read_text(encoding="utf-8")
    assert re.search(r'<link rel="manifest" href="../../manifest.webmanifest" data-build="[^"]*\d[^"]*"', html)


def test_icons_are_the_favicon_as_rendered_by_the_script() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/app_icons.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_worker_names_no_other_origin() -> None:
    for path in ("docs/sw.js", "docs/assets/javascripts/offline.js"):
        code = (ROOT / path).read_text(encoding="utf-8")
        assert not re.search(r"https?://", code), path
