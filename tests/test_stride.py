"""The running stride: its data's rules (every mistake's exact line), the posing, and the figure in
Chromium (play, pause, step and speed by keyboard; reduced motion and print side by side; axe).

The stride in tests/fixtures/charts/charts.yml has made-up numbers: it tests the machinery."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from browser import WithoutServiceWorkers, serve
from conftest import build_with, copy_mini, edit, problems
from playwright.sync_api import Page
from test_accessibility import AXE

from exercise_atlas.stride.pose import FAR, NEAR, angles_at, key_poses

FIXTURE = Path(__file__).parent / "fixtures" / "charts" / "charts.yml"
CHARTS = "data/charts.yml"


def with_stride(site: Path) -> Path:
    shutil.copy(FIXTURE, site / "data" / "charts.yml")
    edit(
        site / "mkdocs.yml",
        "vocabulary_file: data/vocabulary.yml",
        "vocabulary_file: data/vocabulary.yml\n      charts_file: data/charts.yml",
    )
    page = "---\ndescription: A test page that shows the running stride and its timeline, for the tests.\n---\n\n# Stride\n\n{{ stride() }}\n"
    (site / "docs" / "stride.md").write_text(page, encoding="utf-8")
    return site


@pytest.fixture
def strided(mini: Path) -> Path:
    return with_stride(mini)


def test_the_fixture_is_valid(strided: Path) -> None:
    assert problems() == []


MISTAKES = [
    (
        "        - event: mid-stance\n          at: 15\n",
        "        - event: mid-stance\n          at: 45\n",
        f"{CHARTS}:95: stride.jogging.events.2.at: expected a time after mid-stance (45 %)",
    ),
    (
        "          at: 39\n",
        "          at: 55\n",
        f"{CHARTS}:95: stride.jogging.events.2.at: toe-off at 55 % leaves no flight; in running the foot leaves the ground before 50 % of the stride",
    ),
    (
        "          knee: 90\n",
        "          knee: 190\n",
        f"{CHARTS}:102: stride.jogging.events.3.knee: 190 is outside 0 to 135 degrees for knee flexion, AAOS normal values (Boone and Azen 1979)",
    ),
    (
        "        - event: mid-swing\n          at: 70\n",
        "        - event: mid-swng\n          at: 70\n",
        f"{CHARTS}:99: stride.jogging.events.3.event: expected one of 'initial-contact', 'mid-stance', 'toe-off', 'mid-swing', 'late-swing'; got 'mid-swng' (did you mean 'mid-swing'?)",
    ),
    (
        "      source: serner2014\n      where: a test figure\n",
        "      where: a test figure\n",
        *[
            f"{CHARTS}:{line}: stride.jogging.{where}: a number without a source; add source: <key> (a key of the references file) to this {what}"
            for line, where, what in [
                (85, "events.0.hip", "event or to the speed"),
                (90, "events.1.hip", "event or to the speed"),
                (95, "events.2.hip", "event or to the speed"),
                (100, "events.3.hip", "event or to the speed"),
                (105, "events.4.hip", "event or to the speed"),
                (110, "active.0.from", "item or to the speed"),
            ]
        ],
    ),
    (
        "      label: Sprinting\n      source: tyler2001\n",
        "      label: Sprinting\n      source: tylor2001\n",
        f"{CHARTS}:115: stride.sprinting.source: unknown citation key 'tylor2001' (did you mean 'tyler2001'?)",
    ),
    (
        "        - muscle: adductor-longus\n          from: 85\n",
        "        - muscle: adductor-longs\n          from: 85\n",
        f"{CHARTS}:110: stride.jogging.active.0.muscle: unknown muscle 'adductor-longs' (did you mean 'adductor-longus'?)",
    ),
    (
        "    - id: sprinting\n",
        "    - id: jogging\n",
        f"{CHARTS}:113: stride.jogging.id: duplicate speed id 'jogging'",
    ),
    (
        "      coarse: true\n",
        "      coarse: true\n      evnts: []\n",
        f"{CHARTS}:83: stride.jogging.evnts: unknown field 'evnts' (did you mean 'events'?)",
    ),
    (
        "      where: a test figure\n",
        "",
        f"{CHARTS}:78: stride.jogging.where: missing: say which table, figure or page of the source the angles come from",
        f"{CHARTS}:109: stride.jogging.active.0.where: missing: say which table, figure or page of the source the timing comes from",
    ),
]


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m[2].split(": ")[1] for m in MISTAKES])
def test_each_mistake_has_its_one_line(strided: Path, mistake: tuple[str, ...]) -> None:
    old, new, *expected = mistake
    edit(strided / CHARTS, old, new)
    assert problems() == expected


def test_a_stride_needs_a_stride_section(mini: Path) -> None:
    page = "---\ndescription: A test page that shows the running stride and its timeline, for the tests.\n---\n\n# Stride\n\n{{ stride() }}\n"
    (mini / "docs" / "stride.md").write_text(page, encoding="utf-8")
    message = "stride(): show: the site has no stride: add a stride: section to its charts_file"
    assert problems() == [f"docs/stride.md:7: {{{{ stride() }}}}: {message}"]


def test_an_unknown_speed(strided: Path) -> None:
    edit(strided / "docs" / "stride.md", "{{ stride() }}", '{{ stride(show="sprintng") }}')
    message = "stride(): show: unknown speed 'sprintng' (did you mean 'sprinting'?); the stride has jogging, sprinting"
    assert problems() == [f'docs/stride.md:7: {{{{ stride(show="sprintng") }}}}: {message}']


# Posing.


def fixture_speeds() -> Any:
    return yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))["stride"]["speeds"]


@pytest.mark.parametrize("speed", fixture_speeds(), ids=lambda s: s["id"])
def test_the_foot_on_the_ground_rests_on_the_floor(speed: dict[str, Any]) -> None:
    toe_off = next(e["at"] for e in speed["events"] if e["event"] == "toe-off")
    for pose in key_poses(speed):
        side = NEAR if pose.at <= toe_off else FAR if 50 <= pose.at <= 50 + toe_off else None
        if side:
            sole = min(pose.points[f"{side}.heel"][1], pose.points[f"{side}.toe"][1])
            assert sole == pytest.approx(0, abs=0.01), pose.event


def test_angles_between_events_pass_in_a_straight_line_and_loop() -> None:
    events = fixture_speeds()[0]["events"]
    assert angles_at(events, 0) == (30, 15, 0)
    assert angles_at(events, 7.5) == pytest.approx((22.5, 27.5, 7.5))
    assert angles_at(events, 95) == pytest.approx((35, 22.5, 0))  # late swing back to initial contact
    assert angles_at(events, 115) == angles_at(events, 15)


# In Chromium.


@pytest.fixture(scope="module")
def stride_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = with_stride(copy_mini(tmp_path_factory.mktemp("stride")))
    out = tmp_path_factory.mktemp("stride-site")
    result = build_with("mkdocs", project, out)
    assert result.returncode == 0, result.stderr
    return out


def visible_events(page: Page) -> list[str]:
    events: list[str] = page.locator(".stride-figure__speed:not([hidden]) .stride__pose").evaluate_all(
        "els => els.filter(e => getComputedStyle(e).opacity !== '0').map(e => e.dataset.event)"
    )
    return events


def test_the_controls_work_by_keyboard(browser: WithoutServiceWorkers, stride_site: Path) -> None:
    context = browser.new_context(reduced_motion="no-preference")
    page = context.new_page()
    with serve(stride_site) as base:
        page.goto(base + "stride/")
        play = page.locator(".stride-figure__play")
        assert play.inner_text() == "Pause"
        play.focus()
        page.keyboard.press("Enter")  # pause
        assert play.inner_text() == "Play"
        assert page.evaluate("document.querySelector('.stride-figure__runner').animationsPaused()")
        page.keyboard.press("Tab")  # Previous
        page.keyboard.press("Tab")  # Next
        page.keyboard.press("Enter")
        first = page.locator(".stride-figure__now").inner_text()
        page.keyboard.press("Enter")
        second = page.locator(".stride-figure__now").inner_text()
        assert first != second and " % of the stride: " in second
        page.locator(".stride-figure").focus()
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowLeft")
        assert page.locator(".stride-figure__now").inner_text() == second
        shown = visible_events(page)
        current = page.locator(".stride-figure__speed:not([hidden]) .stride__pose--current")
        assert shown == [current.get_attribute("data-event")]
        assert second == current.get_attribute("data-words")
        page.keyboard.press("Space")  # play again
        assert play.inner_text() == "Pause"
        assert not page.evaluate("document.querySelector('.stride-figure__runner').animationsPaused()")
    context.close()


def test_stepping_names_each_moment_in_order(browser: WithoutServiceWorkers, stride_site: Path) -> None:
    context = browser.new_context(reduced_motion="no-preference")
    page = context.new_page()
    with serve(stride_site) as base:
        page.goto(base + "stride/")
        page.locator(".stride-figure__play").click()
        said = []
        for _ in range(6):
            page.locator(".stride-figure__next").click()
            said.append(page.locator(".stride-figure__now").inner_text())
        names = ["Initial contact", "Mid-stance", "Toe-off", "Mid-swing", "Late swing"]
        start = names.index(said[0].split(",")[0])
        assert [s.split(",")[0] for s in said] == [names[(start + i) % 5] for i in range(6)]
        assert "Toe-off, 39 % of the stride: the foot leaves the ground: swing and flight begin" in said
        assert "Mid-swing, 70 % of the stride: swing: the other foot is on the ground" in said
    context.close()


def test_the_speed_switch_shows_the_other_speed(browser: WithoutServiceWorkers, stride_site: Path) -> None:
    context = browser.new_context(reduced_motion="no-preference")
    page = context.new_page()
    with serve(stride_site) as base:
        page.goto(base + "stride/")
        assert page.locator('.stride-figure__speed[data-speed="sprinting"]').is_hidden()
        page.get_by_role("radio", name="Sprinting").check()
        assert page.locator('.stride-figure__speed[data-speed="sprinting"]').is_visible()
        assert page.locator('.stride-figure__speed[data-speed="jogging"]').is_hidden()
        page.locator(".stride-figure__play").click()
        page.locator(".stride-figure__next").click()
        assert page.locator(".stride-figure__now").inner_text()
        page.get_by_role("radio", name="Jogging").focus()
        page.keyboard.press("ArrowRight")  # radio buttons move by arrow keys
        assert page.locator('.stride-figure__speed[data-speed="sprinting"]').is_visible()
    context.close()


def panel_lefts(page: Page) -> list[float]:
    lefts: list[float] = page.locator(".stride-figure__speed:not([hidden]) .stride__pose").evaluate_all(
        "els => els.map(e => e.getBoundingClientRect().left)"
    )
    return lefts


@pytest.mark.parametrize("how", ["reduced motion", "print", "no script"])
def test_the_moments_stand_side_by_side(browser: WithoutServiceWorkers, stride_site: Path, how: str) -> None:
    options: dict[str, Any] = {"reduced_motion": "reduce"} if how == "reduced motion" else {}
    if how == "no script":
        options["java_script_enabled"] = False
    context = browser.new_context(**options)
    page = context.new_page()
    with serve(stride_site) as base:
        page.goto(base + "stride/")
        if how == "print":
            page.emulate_media(media="print")
        lefts = panel_lefts(page)
        assert len(lefts) == 5 and lefts == sorted(lefts) and len(set(lefts)) == 5
        assert len(visible_events(page)) == 5
        assert not page.locator(".stride-figure__play").is_visible()
    context.close()


@pytest.mark.parametrize(("scheme", "motion"), [("light", "no-preference"), ("dark", "reduce")])
def test_no_violations_on_the_stride(
    browser: WithoutServiceWorkers, stride_site: Path, scheme: str, motion: str
) -> None:
    context = browser.new_context(color_scheme=scheme, reduced_motion=motion, bypass_csp=True)
    page = context.new_page()
    with serve(stride_site) as base:
        page.goto(base + "stride/")
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        # The mini site is stock Material, whose own pages have known violations (the site's
        # overrides fix them; tests/test_accessibility.py): judge the figure itself.
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("axe.run('.stride-figure', {resultTypes: ['violations']})")
        assert [v["id"] for v in result["violations"]] == []
    context.close()
