"""Shared fixtures: a tiny, valid site that each test copies and then breaks on purpose."""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import markdown
import pytest

from exercise_atlas.build.check import check
from exercise_atlas.cli import commands

if TYPE_CHECKING:
    from browser import WithoutServiceWorkers
    from playwright.sync_api import Page

FIXTURE = Path(__file__).parent / "fixtures" / "mini"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def mini(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the mini site, as the working directory."""
    root = copy_mini(tmp_path)
    monkeypatch.chdir(root)
    return root


def render(source: str, **config: str) -> str:
    """Markdown in, HTML out, with the mini site's options (its vocabulary) unless told otherwise."""
    options = {"vocabulary_file": "data/vocabulary.yml", **config}
    return markdown.markdown(source, extensions=["exercise_atlas"], extension_configs={"exercise_atlas": options})


def found(pattern: str, text: str, flags: int = 0) -> re.Match[str]:
    """re.search, failing the test with the pattern when nothing matches."""
    match = re.search(pattern, text, flags)
    assert match is not None, f"{pattern!r} not found"
    return match


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems() -> list[str]:
    """Every problem the standalone check reports for the site in the working directory."""
    return [str(p) for p in check("mkdocs.yml").problems]


BIN = Path(sys.executable).parent
GENERATORS = ("mkdocs", "properdocs", "zensical")


def build_with(
    generator: str, project: Path, out: Path, site_url: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Build ``project``'s mkdocs.yml with one generator into ``out``, strictly."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["SITE_URL"] = site_url
    prepare(project)
    if generator == "zensical":
        # Zensical has no --site-dir and wants the site inside the project: build there, then move.
        config = project / f".zensical-{out.name}.yml"
        inside = project / f".zensical-{out.name}"
        config.write_text((project / "mkdocs.yml").read_text(encoding="utf-8") + f"\nsite_dir: {inside.name}\n")
        try:
            command = [str(BIN / "zensical"), "build", "--clean", "--strict", "-f", str(config)]
            result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
            if inside.exists():
                shutil.rmtree(out, ignore_errors=True)
                shutil.move(inside, out)
            return result
        finally:
            config.unlink()
            shutil.rmtree(inside, ignore_errors=True)
    command = [str(BIN / generator), "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(out)]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)


def prepare(project: Path) -> None:
    """``exercise-atlas prepare``, as `make build` runs it first: a generator publishes only the
    files it finds when it starts. It runs in this process (the command's own ``main``), which
    saves starting Python and importing the package for each of the suite's builds. Whatever it
    finds wrong is left for the generator to report, which is what the tests look at."""
    with (
        contextlib.chdir(project),
        contextlib.redirect_stdout(io.StringIO()),
        contextlib.redirect_stderr(io.StringIO()),
        contextlib.suppress(Exception),
    ):
        commands.main(["prepare"])


def copy_mini(tmp_path: Path) -> Path:
    root = tmp_path / "mini"
    shutil.copytree(FIXTURE, root)
    return root


def need_pypi(result: subprocess.CompletedProcess[str], what: str) -> None:
    """Go on if ``result`` succeeded; otherwise skip (PyPI is out of reach here), but fail in CI."""
    if result.returncode == 0:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{what} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    pytest.skip(f"{what} needs PyPI, which is not reachable here")


@pytest.fixture(scope="session")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package's wheel and sdist, built once per test run from this repository."""
    out = tmp_path_factory.mktemp("dist")
    built = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)], capture_output=True, text=True
    )
    need_pypi(built, "building the wheel and sdist")
    return out


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test run with MkDocs --strict."""
    out = tmp_path_factory.mktemp("site")
    result = build_with("mkdocs", ROOT, out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def browser() -> Iterator[WithoutServiceWorkers]:
    """Debian's Chromium through Playwright, shared by every browser test."""
    from browser import CHROMIUM, CHROMIUM_ARGS, WithoutServiceWorkers, require_chromium

    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield WithoutServiceWorkers(chromium)
        finally:
            chromium.close()


@pytest.fixture(autouse=True)
def _close_what_the_test_left_open(request: pytest.FixtureRequest) -> Iterator[None]:
    """After a browser test, close every context it opened and left open (a test that failed
    before its own close): the next test starts in a browser with nothing of it left. Tests
    open contexts in ``with`` blocks (tests/browser.py); this is the net under them."""
    if "browser" not in request.fixturenames:
        yield
        return
    chromium = request.getfixturevalue("browser").chromium
    before = set(chromium.contexts)
    yield
    for context in chromium.contexts:
        if context not in before:
            context.close()


@pytest.fixture(scope="session")
def site_url(site: Path) -> Iterator[str]:
    """The built site on loopback, served by nginx as a static host serves it (scripts/static_host.py)."""
    from browser import serve

    with serve(site) as url:
        yield url


@pytest.fixture
def page(browser: WithoutServiceWorkers) -> Iterator[Page]:
    """A fresh desktop-sized browser tab (its own context: no state leaks between tests)."""
    with browser.new_context(viewport={"width": 1280, "height": 900}) as context:
        yield context.new_page()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/*.html from the current output")


# What makes a test slow: a fixture that builds the real site, the wheel or starts Chromium, or a
# module whose tests run a generator (often all three), pip or a server in a subprocess.
_SLOW_FIXTURES = {"browser", "site", "site_url", "dist"}
_SLOW_MODULES = {
    "test_build",
    "test_ci",
    "test_example_site",
    "test_hostile_input",
    "test_hosting",
    "test_html_validity",
    "test_markdown_suite",
    "test_newsite",
    "test_offline",
    "test_one_pipeline",
    "test_package",
    "test_portability",
    "test_preview_loop",
    "test_scaffold",
    "test_serve",
    "test_startup",
}


# `make test` hands whole files to its processes, in the order collected: the longest files go
# first, so that no process is left running one of them alone at the end.
_LONGEST_FIRST = (
    "test_one_pipeline",
    "test_accessibility",
    "test_offline",
    "test_phone",
    "test_example_site",
    "test_package",
    "test_library_filters",
    "test_serve",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that drives Chromium is marked `browser`; those and every test that builds with a
    generator, installs the package or serves the site are marked `slow`: `make test-fast` (pytest
    -m "not slow") runs the rest in under a minute. The longest files are put first."""
    rank = {name: place for place, name in enumerate(_LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(getattr(getattr(item, "module", None), "__name__", ""), len(rank)))
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if "browser" in fixtures:
            item.add_marker(pytest.mark.browser)
        module = getattr(item, "module", None)  # a test function's module (pytest.Function.module)
        if fixtures & _SLOW_FIXTURES or (module is not None and module.__name__ in _SLOW_MODULES):
            item.add_marker(pytest.mark.slow)
