"""One mkdocs.yml, three generators: MkDocs 1.6, ProperDocs and Zensical render the same cards.

Material for MkDocs reaches end of life on 5 May 2027; these tests keep the way out open.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from conftest import BIN, GENERATORS, ROOT, build_with, copy_mini, edit

CARD_RE = re.compile(r'<article class="exercise-card.*?</article>', re.S)
ERROR_LINE = (
    "docs/exercises/copenhagen.md:6: level: expected one of 'beginner', 'intermediate', 'advanced'; "
    "got 'advancd' (did you mean 'advanced'?)"
)


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    built = {}
    for generator in GENERATORS:
        if not (BIN / generator).exists():
            pytest.fail(f"{generator} is not installed in {BIN}; it is pinned in requirements/dev.lock")
        out = tmp_path_factory.mktemp(generator)
        result = build_with(generator, ROOT, out)
        assert result.returncode == 0, f"{generator}:\n{result.stdout}\n{result.stderr}"
        built[generator] = out
    return built


def cards(site: Path, page: str) -> list[str]:
    html = (site / page / "index.html").read_text(encoding="utf-8")
    return [re.sub(r">\s+<", "><", card) for card in CARD_RE.findall(html)]


@pytest.mark.parametrize("generator", ["properdocs", "zensical"])
@pytest.mark.parametrize(
    "page", ["exercises/copenhagen-plank", "exercises/side-lunge", "exercises", "sample-programme"]
)
def test_same_cards_as_mkdocs(sites: dict[str, Path], generator: str, page: str) -> None:
    expected = cards(sites["mkdocs"], page)
    assert expected, f"no cards on {page}"
    assert any("exercise-figure" in c or "exercise-still" in c for c in expected), "the movement figure is compared too"
    assert cards(sites[generator], page) == expected


CHART_RE = re.compile(r'<figure class="chart .*?</figure>', re.S)


@pytest.mark.parametrize("generator", ["properdocs", "zensical"])
@pytest.mark.parametrize("page", ["strength-training", "myths", "test-yourself", "return-to-running"])
def test_same_charts_as_mkdocs(sites: dict[str, Path], generator: str, page: str) -> None:
    def charts(site: Path) -> list[str]:
        html = (site / page / "index.html").read_text(encoding="utf-8")
        return [re.sub(r">\s+<", "><", chart) for chart in CHART_RE.findall(html)]

    expected = charts(sites["mkdocs"])
    assert expected, f"no chart on {page}"
    assert charts(sites[generator]) == expected


@pytest.mark.parametrize("generator", GENERATORS)
def test_an_exercise_page_is_titled_and_described_by_its_exercise(sites: dict[str, Path], generator: str) -> None:
    """Each generator takes the title from the name that opens the page, not the file name, and
    the description is the exercise's summary in each generator's own head."""
    html = (sites[generator] / "exercises/side-lying-adduction/index.html").read_text(encoding="utf-8")
    assert "<title>Side-lying adduction (bottom-leg lift) - Adductor Atlas</title>" in html
    assert '<meta name="description" content="Lying on your side' in html
    assert f'<meta name="generator" content="{generator.replace("properdocs", "mkdocs-ProperDocs")}' in html


@pytest.mark.parametrize("generator", ["properdocs", "zensical"])
def test_same_citations_as_mkdocs(sites: dict[str, Path], generator: str) -> None:
    def references(site: Path) -> list[str]:
        html = (site / "myths/index.html").read_text(encoding="utf-8")
        return re.findall(r'<li data-key="([\w:.-]+)" id="ref-', html)

    assert references(sites[generator]) == references(sites["mkdocs"]) != []


@pytest.mark.parametrize("generator", GENERATORS)
def test_same_validation_error(tmp_path: Path, generator: str) -> None:
    mini = copy_mini(tmp_path)
    edit(mini / "docs/exercises/copenhagen.md", "level: advanced", "level: advancd")
    result = build_with(generator, mini, tmp_path / "out")
    assert result.returncode != 0
    assert ERROR_LINE in result.stdout + result.stderr
    if generator != "zensical":  # Zensical 0.0.73 wraps any extension error in its own traceback
        assert "Traceback" not in result.stderr


@pytest.mark.parametrize("generator", GENERATORS)
def test_every_page_gets_the_glossarys_tooltips(sites: dict[str, Path], generator: str) -> None:
    """The build hands the abbreviations file to ``abbr`` (no page appends it): each generator marks
    the same terms with the file's own definitions."""
    glossary = dict(re.findall(r"^\*\[([^\]]+)\]:[ \t]*(.*)$", (ROOT / "includes/abbreviations.md").read_text(), re.M))

    def marked(site: Path) -> list[tuple[str, str]]:
        html = (site / "anatomy/index.html").read_text(encoding="utf-8")
        return re.findall(r'<abbr title="([^"]*)">([^<]*)</abbr>', html)

    found = marked(sites[generator])
    assert len({term for _, term in found}) >= 3
    assert all(unescape(title) == glossary[term] for title, term in found)
    assert found == marked(sites["mkdocs"])
