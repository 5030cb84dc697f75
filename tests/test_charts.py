"""Evidence charts: the data file's checks (every mistake's exact line), the drawing (a golden
file), the budget, and the tables' numbers against the data file."""

from __future__ import annotations

import gzip
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT, edit, problems, render

from exercise_atlas.charts.chart_svg import _icon_spans, nice_end, number

FIXTURE = Path(__file__).parent / "fixtures" / "charts" / "charts.yml"
GOLDEN = Path(__file__).parent / "golden" / "charts"
SITE_OPTIONS = {
    "muscles_file": "data/muscles.yml",
    "references_file": "data/references.bib",
    "exercises_dir": "docs/exercises",
    "charts_file": "data/charts.yml",
}


@pytest.fixture
def charted(mini: Path) -> Path:
    """The mini site with the charts fixture as its charts file."""
    shutil.copy(FIXTURE, mini / "data" / "charts.yml")
    edit(
        mini / "mkdocs.yml",
        "vocabulary_file: data/vocabulary.yml",
        "vocabulary_file: data/vocabulary.yml\n      charts_file: data/charts.yml",
    )
    return mini


def test_the_fixture_is_valid(charted: Path) -> None:
    assert problems() == []


@pytest.mark.parametrize("name", sorted(p.stem for p in GOLDEN.glob("*.md")))
def test_golden(charted: Path, request: pytest.FixtureRequest, name: str) -> None:
    html = render((GOLDEN / f"{name}.md").read_text(encoding="utf-8"), charts_file="data/charts.yml") + "\n"
    expected = GOLDEN / f"{name}.html"
    if request.config.getoption("--update-golden") or not expected.exists():
        expected.write_text(html, encoding="utf-8")
    assert html == expected.read_text(encoding="utf-8")


CHARTS = "data/charts.yml"
MISTAKES = [
    (
        "    source: serner2014\n    where: table 3\n",
        "    where: table 3\n",
        f"{CHARTS}:12: charts.activity.items.0.value: a number without a source; add source: <key> (a key of the references file) to this item or to the chart",
        f"{CHARTS}:14: charts.activity.items.1.value: a number without a source; add source: <key> (a key of the references file) to this item or to the chart",
    ),
    (
        '    unit: "% MVC"\n',
        "",
        f"{CHARTS}:3: charts.activity.unit: missing: every number needs its unit, like unit: '% MVC'",
    ),
    (
        "exercise: ball-squeeze\n",
        "exercise: ball-squeez\n",
        f"{CHARTS}:14: charts.activity.items.1.exercise: unknown exercise 'ball-squeez' (did you mean 'ball-squeeze'?)",
    ),
    (
        "    source: serner2014\n    where: table 3\n",
        "    source: sener2014\n    where: table 3\n",
        f"{CHARTS}:9: charts.activity.source: unknown citation key 'sener2014' (did you mean 'serner2014'?)",
    ),
    (
        "        source: tyler2001\n        where: abstract\n      - label: A",
        "        source: tylor2001\n        where: abstract\n      - label: A",
        f"{CHARTS}:48: charts.ratio.items.0.source: unknown citation key 'tylor2001' (did you mean 'tyler2001'?)",
    ),
    (
        "        low: 12.3\n",
        "        low: 13.6\n",
        f"{CHARTS}:30: charts.trial.items.0.low: expected low <= value <= high; got 13.6, 13.5, 14.7",
    ),
    (
        "    per: 100\n",
        "    per: 20\n",
        f"{CHARTS}:33: charts.trial.items.1.value: expected a number from 0 to 20 (people in every 20)",
    ),
    ("        low: 12.3\n", "", f"{CHARTS}:28: charts.trial.items.0.low: an interval needs both low and high"),
    ("  - id: trial\n", "  - id: activity\n", f"{CHARTS}:16: id: duplicate chart id 'activity'"),
    (
        "        value: 86\n",
        "        valeu: 86\n",
        f"{CHARTS}:15: charts.activity.items.1.valeu: unknown field 'valeu' (did you mean 'value'?)",
    ),
    (
        "    kind: scale\n",
        "    kind: scales\n",
        f"{CHARTS}:37: charts.ratio.kind: expected one of 'ranked-bars', 'icon-array', 'scale', 'stages'; got 'scales' (did you mean 'scale'?)",
    ),
    (
        "    criterion: Move on when it does not hurt.\n",
        "",
        f"{CHARTS}:55: charts.stages.criterion: missing: say when a reader moves on to the next stage",
    ),
    (
        "    where: abstract\n    items:\n      - label: Pain-free",
        "    items:\n      - label: Pain-free",
        f"{CHARTS}:55: charts.stages.where: missing: say which table, figure or page of the source the numbers come from",
    ),
    (
        "      - label: Pain-free\n        value: 13\n",
        "      - label: Pain-free\n",
        f"{CHARTS}:70: charts.stages.items.0.value: missing: each item of a stages chart needs 'value'",
    ),
    ("    per: 100\n", "", f"{CHARTS}:16: charts.trial.per: missing: an icon array needs per: 100"),
]


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m[2].split(": ")[1] for m in MISTAKES])
def test_each_mistake_has_its_one_line(charted: Path, mistake: tuple[str, ...]) -> None:
    old, new, *expected = mistake
    edit(charted / CHARTS, old, new)
    assert problems() == expected


def page(site: Path, call: str) -> None:
    text = f"---\ndescription: {'A home page that shows one chart of the evidence, for a test.'}\n---\n\n# Home\n\n{{{{ {call} }}}}\n"
    (site / "docs" / "index.md").write_text(text, encoding="utf-8")


def test_an_unknown_chart_on_a_page(charted: Path) -> None:
    page(charted, 'chart("activty")')
    message = "unknown chart 'activty' (did you mean 'activity'?)"
    assert problems() == [f'docs/index.md:7: {{{{ chart("activty") }}}}: chart(): id: {message}']


def test_a_chart_without_a_charts_file(mini: Path) -> None:
    page(mini, 'chart("activity")')
    message = "unknown chart 'activity' (the site has no charts_file, or it lists no charts)"
    assert problems() == [f'docs/index.md:7: {{{{ chart("activity") }}}}: chart(): id: {message}']


def test_a_missing_charts_file(charted: Path) -> None:
    (charted / CHARTS).unlink()
    assert problems() == [f"{CHARTS}: cannot read file: No such file or directory"]


def test_a_broken_charts_file_is_reported_once(charted: Path) -> None:
    """A page that shows a chart from a broken file says nothing more: the file's line is the fix."""
    page(charted, 'chart("activity")')
    edit(charted / CHARTS, '    unit: "% MVC"\n', "")
    assert len(problems()) == 1


# Drawing.


def test_axis_ends_at_a_round_number_past_the_data() -> None:
    assert [nice_end(v) for v in (108, 95, 18, 13.5, 55)] == [125, 100, 20, 15, 60]


@pytest.mark.parametrize("filled", [0, 7, 10, 14, 21, 99, 100])
def test_icon_spans_draw_each_person_once(filled: int) -> None:
    spans = _icon_spans(filled, 10)
    on = sum(columns * rows for state, _, _, columns, rows in spans if state == "on")
    off = sum(columns * rows for state, _, _, columns, rows in spans if state == "off")
    assert (on, off) == (filled, 100 - filled)
    assert len(spans) <= 4


def test_numbers_are_written_as_the_data_writes_them() -> None:
    assert [number(108), number(13.5), number(20.0)] == ["108", "13.5", "20.0"]


# The real site's charts.


def site_charts() -> list[dict[str, Any]]:
    charts: list[dict[str, Any]] = yaml.safe_load((ROOT / "data" / "charts.yml").read_text(encoding="utf-8"))["charts"]
    return charts


def render_site_chart(chart_id: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(ROOT)
    html = render(f'{{{{ chart("{chart_id}") }}}}', **SITE_OPTIONS)
    return html.split('<section class="references"')[0]


@pytest.mark.parametrize("chart", site_charts(), ids=lambda c: c["id"])
def test_a_chart_stays_within_its_budget(chart: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    html = render_site_chart(chart["id"], monkeypatch)
    assert len(html.encode()) <= 6 * 1024
    assert len(gzip.compress(html.encode(), 9)) <= 2 * 1024


@pytest.mark.parametrize("chart", site_charts(), ids=lambda c: c["id"])
def test_the_table_holds_the_data_files_numbers(chart: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    """Every number of the data file is in the chart's table, and the table has no other."""
    html = render_site_chart(chart["id"], monkeypatch)
    html = re.sub(r"<sup.*?</sup>", "", html, flags=re.S)  # citation markers are numbers too
    tables = re.findall(r"<tbody>(.*?)</tbody>", html, re.S)
    cells = [re.sub(r"<[^>]+>", "", c).strip() for t in tables for c in re.findall(r"<td>(.*?)</td>", t, re.S)]
    shown = [n for cell in cells for n in re.findall(r"\d+(?:\.\d+)?", cell)]
    expected = [str(item[k]) for item in chart["items"] for k in ("value", "low", "high") if k in item]
    assert sorted(shown, key=float) == sorted(expected, key=float)


def test_the_ranked_bars_come_largest_first_and_link_to_cards(monkeypatch: pytest.MonkeyPatch) -> None:
    html = render_site_chart("adductor-activity", monkeypatch)
    values = [float(v) for v in re.findall(r'<text class="chart__value"[^>]*>([\d.]+)</text>', html)]
    assert values == sorted(values, reverse=True) and len(values) == 8
    links = re.findall(r'<th scope="row"><a href="([^"]+)"', html)
    assert links[0] == "exercises/ball-squeeze-knees.md" and len(links) == 8


def test_the_trial_says_the_absolute_difference_in_words(monkeypatch: pytest.MonkeyPatch) -> None:
    html = render_site_chart("adductor-programme-trial", monkeypatch)
    assert "An absolute difference of 7.8 fewer in every 100." in html
