"""examples/calf-atlas, a second site on another body region, built as a user would build it: the
package's wheel installed into a virtual environment of its own with the site's locked
dependencies, then `mkdocs build --strict`. In Chromium its cards and back-view muscle map are
styled, its library filters work and axe-core finds no violation.

Building the wheel and installing the lock need PyPI; without it these tests skip, except in CI.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import SHOTS, WithoutServiceWorkers, serve
from conftest import ROOT, need_pypi
from playwright.sync_api import Page
from test_accessibility import AXE, run_axe

EXAMPLE = ROOT / "examples" / "calf-atlas"
PAGES = {"home": "", "library": "exercises/", "exercise": "exercises/seated-calf-raise/"}
# Written by every build (the example's .gitignore): never copied, so the build makes them afresh.
GENERATED = shutil.ignore_patterns("site", "exercise-atlas", "exercises.json")


def _wheel(dist: Path) -> Path:
    return next(dist.glob("exercise_atlas-*.whl"))


@pytest.fixture(scope="module")
def example_site(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example built by the wheel in a fresh virtual environment (not by src/ on PYTHONPATH)."""
    work = tmp_path_factory.mktemp("calf-atlas")
    venv = work / "venv"
    # Without src/ on the path: pip would take the source tree for an installed copy and skip the wheel.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, env=env)
    pip = [str(venv / "bin/python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    lock = ROOT / "requirements" / "site.lock"
    locked = subprocess.run([*pip, "--require-hashes", "-r", str(lock)], env=env, capture_output=True, text=True)
    need_pypi(locked, "installing requirements/site.lock")
    installed = subprocess.run([*pip, "--no-deps", str(_wheel(dist))], env=env, capture_output=True, text=True)
    assert installed.returncode == 0, installed.stderr
    project = work / "calf-atlas"
    shutil.copytree(EXAMPLE, project, ignore=GENERATED)
    where = subprocess.run(
        [str(venv / "bin/python"), "-c", "import exercise_atlas; print(exercise_atlas.__file__)"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    assert str(venv) in where.stdout and "site-packages" in where.stdout, where.stdout + where.stderr
    out = work / "site"
    built = subprocess.run(
        [str(venv / "bin/mkdocs"), "build", "--strict", "--site-dir", str(out)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr
    return out


@pytest.fixture(scope="module")
def example_url(example_site: Path) -> Iterator[str]:
    with serve(example_site) as url:
        yield url


def _fill(page: Page, selector: str) -> str:
    fill: str = page.eval_on_selector(selector, "e => getComputedStyle(e).fill")
    return fill


def test_cards_and_the_back_view_map_are_styled(
    browser: WithoutServiceWorkers, example_site: Path, example_url: str
) -> None:
    with browser.new_context(viewport={"width": 1280, "height": 900}) as context:
        page = context.new_page()
        left_border = "e => [getComputedStyle(e).borderLeftStyle, parseFloat(getComputedStyle(e).borderLeftWidth)]"
        page.goto(example_url + PAGES["home"])
        border = page.locator(".exercise-card--compact").first.evaluate(left_border)
        assert border[0] == "solid" and border[1] >= 3, border  # the package's stylesheet reached the site
        page.goto(example_url + PAGES["exercise"])
        border = page.locator(".exercise-card__safety").evaluate(left_border)
        assert border[0] == "solid" and border[1] >= 3, border

        # The back view is drawn from the site's vocabulary, in the site's one drawing file: its skin,
        # and each muscle on both legs; the map on the page refers to it and draws it.
        drawing = (example_site / "assets/exercise-atlas/muscle-map.svg").read_text(encoding="utf-8")
        for shape in ("atlas-mm--skin-back", "atlas-mm-gastrocnemius--back", "atlas-mm-soleus--back-mirror"):
            assert f'id="{shape}"' in drawing, shape
        skin_use = page.locator(".exercise-card .muscle-map__skin").first
        assert skin_use.get_attribute("href") == "../../assets/exercise-atlas/muscle-map.svg#atlas-mm--skin"
        page.wait_for_function("u => u.getBBox().width > 100", arg=skin_use.element_handle())
        svg = page.locator(".exercise-card .muscle-map__svg").first
        box = svg.bounding_box()
        assert box and box["width"] > 150 and box["height"] > 200, box
        assert "back of both lower legs" in (svg.locator("desc").text_content() or "").lower()

        # Seated calf raise: soleus is the main muscle, gastrocnemius a helper; the library map is plain.
        skin = _fill(page, ".exercise-card .muscle-map__skin")
        primary = _fill(page, '.exercise-card .muscle-map__region--primary[data-muscle="soleus"]')
        secondary = _fill(page, '.exercise-card .muscle-map__region--secondary[data-muscle="gastrocnemius"]')
        page.goto(example_url + PAGES["library"])
        plain = _fill(page, '.library-filters .muscle-map__region--plain[data-muscle="soleus"]')
        assert skin not in ("rgb(0, 0, 0)", "none"), skin  # not the unstyled black silhouette
        assert len({skin, primary, secondary, plain}) == 4, (skin, primary, secondary, plain)


def test_library_filters_appear_and_hide_cards(browser: WithoutServiceWorkers, example_url: str) -> None:
    with browser.new_context(viewport={"width": 1280, "height": 900}) as context:
        page = context.new_page()
        page.goto(example_url + PAGES["library"])
        form = page.locator(".library-filters")
        form.wait_for(state="visible")
        cards = page.locator(".exercise-library .exercise-card")
        seated = page.locator('.exercise-library .exercise-card[data-exercise="seated-calf-raise"]')
        standing = page.locator('.exercise-library .exercise-card[data-exercise="standing-calf-raise"]')
        assert cards.count() == 2 and seated.is_visible() and standing.is_visible()

        page.get_by_label("Wall or chair back for balance").check()
        standing.wait_for(state="visible")
        seated.wait_for(state="hidden")
        assert "1 of 2 match" in page.locator(".exercise-library__count").inner_text()
        assert "equipment=wall" in page.url

        page.get_by_label("Wall or chair back for balance").uncheck()
        seated.wait_for(state="visible")
        # Tapping a muscle on the map ticks its box (both exercises work the soleus).
        page.locator('.library-filters .muscle-map__region--pickable[data-muscle="soleus"]').first.click()
        assert page.get_by_label("Soleus", exact=True).is_checked()
        assert seated.is_visible() and standing.is_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_no_axe_violations_and_screenshots(
    browser: WithoutServiceWorkers, example_url: str, scheme: str, width: int
) -> None:
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `make setup-dev` (npm ci)")
    with browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 900}, bypass_csp=True) as context:
        page = context.new_page()
        SHOTS.mkdir(parents=True, exist_ok=True)
        violations = {}
        for name, path in PAGES.items():
            page.goto(example_url + path)
            assert page.locator(".md-search").get_attribute("aria-label") == "Search"  # the package's script names it
            page.screenshot(path=str(SHOTS / f"calf-atlas-{name}-{scheme}-{width}.png"), full_page=True)
            found = run_axe(page)
            if found:
                violations[name] = found
    assert violations == {}
