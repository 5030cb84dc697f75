"""Valid HTML: the W3C Nu checker (vnu.jar, scripts/validate_html.py) finds no error on any page."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from browser import serve
from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from browser import WithoutServiceWorkers
from validate_html import VNU_JAR, check, pages


def require_java() -> None:
    """Skip loudly without Java; in CI its absence is a failure (.ci/run installs it)."""
    if shutil.which("java"):
        return
    reason = "the HTML check needs Java 11+ for vnu.jar (apt-get install default-jre-headless)"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def test_every_page_is_valid_html(site: Path, tmp_path: Path) -> None:
    require_java()
    if not VNU_JAR.exists():
        pytest.fail("vnu-jar is missing: run `make setup-dev` (npm ci)")
    # A page with a known error goes in the same run (one JVM start), so a checker that reports
    # nothing at all cannot pass for a valid site.
    broken = tmp_path / "broken.html"
    broken.write_text('<!doctype html><html lang="en"><title>x</title><p tabindex="">x</p></html>', encoding="utf-8")
    files = pages(site)
    assert len(files) > 20
    errors = check([*files, broken])
    assert any("tabindex" in e.message for e in errors if e.file == broken.resolve()), errors
    assert [e.show(site) for e in errors if e.file != broken.resolve()] == []


def test_toggles_are_not_restored_on_back(browser: WithoutServiceWorkers, site: Path) -> None:
    """Material put autocomplete="off" on its drawer and search toggles so that going Back does
    not show an open menu or search; overrides/main.html replaces that invalid attribute with a
    form owner that has it. Chromium restores a plain checkbox on Back, so this catches a loss."""
    with browser.new_context(viewport={"width": 390, "height": 800}) as context:
        page = context.new_page()
        with serve(site) as base:
            for toggle in ("__drawer", "__search"):
                page.goto(base + "anatomy/")
                page.locator(f"label.md-header__button[for='{toggle}']").click()
                assert page.locator(f"#{toggle}").is_checked()
                page.goto(base + "myths/")
                page.go_back()
                assert page.url == base + "anatomy/"
                assert not page.locator(f"#{toggle}").is_checked(), f"{toggle} restored on Back"
