"""The running stride: its data's rules (every mistake's exact line), the posing, and the figure in
Chromium (play, pause, step and speed by keyboard; reduced motion and print side by side; axe).

The stride in tests/fixtures/charts/charts.yml has made-up numbers: it tests the machinery."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from browser import WithoutServiceWorkers, serve
from conftest import ROOT, build_with, copy_mini, edit, problems, render
from playwright.sync_api import Page
from test_accessibility import AXE

from exercise_atlas.stride.pose import FAR, NEAR, angles_at, key_poses, pose_at
from exercise_atlas.stride.stride_svg import frame_times, moving_runner

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
        f"{CHARTS}:102: stride.jogging.events.3.knee: 190 is more than 10 degrees outside 0 to 135 degrees for knee flexion, AAOS normal values (Boone and Azen 1979)",
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


def test_a_measured_angle_may_pass_the_normal_range_by_the_margin(strided: Path) -> None:
    # Under body weight a runner's ankle bends further than the table's 20 degrees (the shared
    # running data: 23 at mid-stance); a mistyped number still fails.
    edit(strided / CHARTS, "          ankle: 15\n", "          ankle: 30\n")
    assert problems() == []
    edit(strided / CHARTS, "          ankle: 30\n", "          ankle: 31\n")
    assert problems() == [
        f"{CHARTS}:93: stride.jogging.events.1.ankle: 31 is more than 10 degrees outside -50 to 20 degrees for ankle dorsiflexion (+) / plantarflexion (-), AAOS normal values (Boone and Azen 1979)"
    ]


def one_speed_without_timing(site: Path) -> None:
    """The fixture's stride cut to its first speed, with no muscle timing (as the site's own)."""
    data = yaml.safe_load((site / CHARTS).read_text(encoding="utf-8"))
    speed = data["stride"]["speeds"][0]
    del speed["active"]
    data["stride"]["speeds"] = [speed]
    (site / CHARTS).write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def test_one_speed_without_muscle_timing_says_so(strided: Path) -> None:
    one_speed_without_timing(strided)
    assert problems() == []
    html = render("{{ stride() }}", charts_file=CHARTS)
    timeline = re.search(r'<svg [^>]*class="stride-figure__timeline".*?</svg>', html, re.S)
    assert timeline
    rows = re.findall(r'<text class="stride__row-label"[^>]*>([^<]*)</text>', timeline.group(0))
    assert rows == ["Near foot: stance, then swing", "Flight: both feet off the ground", "Adductors: timing not known"]
    assert 'class="stride__active"' not in html  # no bar on that row
    assert "The adductors&#x27;" in html or "The adductors'" in html  # said in the description and table
    # the only speed: nothing to tell it from, so the title and description do not name it
    assert '<title id="stride-jogging-t">The running stride</title>' in html
    assert "A runner seen from the side at five moments of one stride." in html
    # no muscle to mark, so the moving runner has no inner thigh
    moving = re.search(r'<g class="stride__moving">.*?</g></svg>', html, re.S)
    assert moving and "xf-m" not in moving.group(0)


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


def site_speeds() -> list[dict[str, Any]]:
    return yaml.safe_load((ROOT / "data" / "charts.yml").read_text(encoding="utf-8"))["stride"]["speeds"]  # type: ignore[no-any-return]


@pytest.mark.parametrize("speed", fixture_speeds() + site_speeds(), ids=lambda s: s["id"])
def test_in_flight_both_feet_are_off_the_floor(speed: dict[str, Any]) -> None:
    # The site's measured stride: between toe-off (-9 degrees at the ankle) and mid-swing the
    # straight-line angles put the trailing toe 2 cm into the floor, unless the body rises.
    toe_off = next(e["at"] for e in speed["events"] if e["event"] == "toe-off")
    events = speed["events"]
    flight = [at / 4 for at in range(400) if toe_off < at / 4 < 50 or 50 + toe_off < at / 4 < 100]
    for at in flight:
        pose = pose_at(events, at, "")
        lowest = min(pose.points[f"{side}.{end}"][1] for side in (NEAR, FAR) for end in ("heel", "toe"))
        assert lowest >= -0.01, at


def test_angles_between_events_pass_in_a_straight_line_and_loop() -> None:
    events = fixture_speeds()[0]["events"]
    assert angles_at(events, 0) == (30, 15, 0)
    assert angles_at(events, 7.5) == pytest.approx((22.5, 27.5, 7.5))
    assert angles_at(events, 95) == pytest.approx((35, 22.5, 0))  # late swing back to initial contact
    assert angles_at(events, 115) == angles_at(events, 15)


@pytest.mark.parametrize("speed", fixture_speeds(), ids=lambda s: s["id"])
def test_the_runner_is_posed_at_every_event_and_between(speed: dict[str, Any]) -> None:
    times = frame_times(speed)
    events = [e["at"] for e in speed["events"]]
    assert times[0] == 0 and times[-1] == 100 and times == sorted(times)
    assert set(events) <= set(times)
    assert len(times) > 2 * len(events)  # poses between the events, not only at them
    for active in speed["active"]:  # the inner thigh turns on and off when the muscle does
        assert {active["from"] % 100, active["to"] % 100} <= set(times)


@pytest.mark.parametrize("speed", fixture_speeds(), ids=lambda s: s["id"])
def test_the_moving_runner_keeps_its_shapes_and_marks_the_muscle_only_while_active(speed: dict[str, Any]) -> None:
    moving, key_times = moving_runner(speed)
    times = frame_times(speed)
    assert key_times.split(";")[0] == "0" and key_times.split(";")[-1] == "1"
    assert len(key_times.split(";")) == len(times)
    for m in moving:  # SMIL interpolates only between path data with the same commands
        for animation in m.animations:
            values = animation.values.split(";")
            assert len(values) == len(times)
            if animation.attribute == "d":
                assert len({"".join(c for c in v if c.isalpha()) for v in values}) == 1
    muscle = next(m for m in moving if m.shape.cls == "xf-m")
    shown = dict((a.attribute, a.values) for a in muscle.animations)["opacity"].split(";")
    assert shown == ["1" if _active(speed, at % 100) else "0" for at in times]


def _active(speed: dict[str, Any], at: float) -> bool:
    return any(
        (a["from"] <= at <= a["to"]) if a["from"] < a["to"] else (at >= a["from"] or at <= a["to"])
        for a in speed["active"]
    )


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
    with browser.new_context(reduced_motion="no-preference") as context:
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


def test_stepping_names_each_moment_in_order(browser: WithoutServiceWorkers, stride_site: Path) -> None:
    with browser.new_context(reduced_motion="no-preference") as context:
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


def test_the_speed_switch_shows_the_other_speed(browser: WithoutServiceWorkers, stride_site: Path) -> None:
    with browser.new_context(reduced_motion="no-preference") as context:
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


def test_the_runner_moves_through_poses_between_the_events(browser: WithoutServiceWorkers, stride_site: Path) -> None:
    """Paused between mid-stance (15 %) and toe-off (39 %), the moving runner's near shin is neither
    where it is at mid-stance nor at toe-off: the body moves, it does not step between stills."""
    with browser.new_context(reduced_motion="no-preference") as context:
        page = context.new_page()
        with serve(stride_site) as base:
            page.goto(base + "stride/")
            page.locator(".stride-figure__play").click()  # pause
            shin = ".stride-figure__speed:not([hidden]) .stride__moving .xf-s:not(.xf-far)"
            assert page.locator(shin).is_visible()
            assert page.locator(".stride-figure__speed:not([hidden]) .stride__pose .xf-s").first.is_hidden()

            def box_at(at: float) -> list[float]:
                page.evaluate(
                    f"document.querySelectorAll('.stride-figure svg').forEach(s => s.setCurrentTime({at} / 100 * 2))"
                )
                box: list[float] = page.locator(shin).evaluate(
                    "e => { const b = e.getBBox(); return [b.x, b.y, b.width, b.height]; }"
                )
                return box

            stance, middle, off = box_at(15), box_at(27), box_at(39)
            assert middle != stance and middle != off
            assert min(stance[0], off[0]) - 1 <= middle[0] <= max(stance[0], off[0]) + 1  # on the way


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
    with browser.new_context(**options) as context:
        page = context.new_page()
        with serve(stride_site) as base:
            page.goto(base + "stride/")
            if how == "print":
                page.emulate_media(media="print")
            lefts = panel_lefts(page)
            assert len(lefts) == 5 and lefts == sorted(lefts) and len(set(lefts)) == 5
            assert len(visible_events(page)) == 5
            assert not page.locator(".stride-figure__play").is_visible()


@pytest.mark.parametrize(("scheme", "motion"), [("light", "no-preference"), ("dark", "reduce")])
def test_no_violations_on_the_stride(
    browser: WithoutServiceWorkers, stride_site: Path, scheme: str, motion: str
) -> None:
    with browser.new_context(color_scheme=scheme, reduced_motion=motion, bypass_csp=True) as context:
        page = context.new_page()
        with serve(stride_site) as base:
            page.goto(base + "stride/")
            page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            # The mini site is stock Material, whose own pages have known violations (the site's
            # overrides fix them; tests/test_accessibility.py): judge the figure itself.
            page.add_script_tag(path=str(AXE))
            result = page.evaluate("axe.run('.stride-figure', {resultTypes: ['violations']})")
            assert [v["id"] for v in result["violations"]] == []


def test_the_runner_is_held_still_while_out_of_view(browser: WithoutServiceWorkers, stride_site: Path) -> None:
    """Off screen the stride does not run (processor, battery, the page's first seconds); it runs
    again when scrolled into view, as the reader left it playing."""
    with browser.new_context(reduced_motion="no-preference", viewport={"width": 800, "height": 600}) as context:
        page = context.new_page()
        with serve(stride_site) as base:
            page.goto(base + "stride/")
            runner = "document.querySelector('.stride-figure__runner')"
            page.wait_for_function(f"!{runner}.animationsPaused()")  # in view and playing
            page.evaluate("document.querySelector('.stride-figure').style.marginTop = '4000px'")
            page.wait_for_function(f"{runner}.animationsPaused()")
            page.locator(".stride-figure").scroll_into_view_if_needed()
            page.wait_for_function(f"!{runner}.animationsPaused()")
            assert page.locator(".stride-figure__play").inner_text() == "Pause"  # still the reader's choice
