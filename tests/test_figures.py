"""Movement figures: forward kinematics, the checks' exact messages, the SVG, and its bounds."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import edit, found, problems, render
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from exercise_atlas.figures import body, vectors
from exercise_atlas.figures.camera import Camera, project
from exercise_atlas.figures.catalogue import JOINTS
from exercise_atlas.figures.placing import pose_figure
from exercise_atlas.figures.pose_checks import figure_issues
from exercise_atlas.figures.svg_figure import figure_drawing, mover

ROOT = Path(__file__).parent.parent

BALL = "docs/exercises/ball-squeeze.md"
COPENHAGEN = "docs/exercises/copenhagen.md"
GOLDEN = Path(__file__).parent / "golden"
H = body.HEIGHT


def standing(**changes: object) -> dict[str, Any]:
    end = {"contacts": ["left.foot on floor", "right.foot on floor"], **changes}
    start = {"contacts": ["left.foot on floor", "right.foot on floor"]}
    return {"view": "side", "positions": {"start": start, "end": end}}


def close(a: tuple[float, ...], b: tuple[float, ...], tol: float = 0.05) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a, b, strict=True))


# Forward kinematics: known angles in, known coordinates out (Winter's fractions of height).


def test_standing_body_has_winters_heights() -> None:
    pts = pose_figure(standing()).positions[0].points
    assert math.isclose(pts["pelvis"][1], 0.530 * H, abs_tol=0.01)  # greater trochanter height
    assert math.isclose(pts["left.knee"][1], 0.285 * H, abs_tol=0.01)
    assert math.isclose(pts["left.ankle"][1], 0.039 * H, abs_tol=0.01)
    assert math.isclose(pts["chest"][1], 0.818 * H, abs_tol=0.01)  # shoulder height
    assert math.isclose(pts["neck_top"][1], 0.870 * H, abs_tol=0.01)  # chin height
    assert close(pts["left.hip"], (pts["pelvis"][0], pts["pelvis"][1], pts["pelvis"][2] + body.HIP_HALF))
    assert math.isclose(pts["left.elbow"][1], 0.818 * H - 0.186 * H, abs_tol=0.01)
    assert pts["left.heel"][1] == pytest.approx(body.THICK["foot"] / 2)  # resting on the floor


def test_ninety_degree_squat_puts_thigh_level_and_shin_upright() -> None:
    data = standing(both={"hip": 90, "knee": 90})
    pts = pose_figure(data).positions[1].points
    knee, hip, ankle = pts["left.knee"], pts["left.hip"], pts["left.ankle"]
    assert close((knee[0] - hip[0], knee[1] - hip[1]), (body.THIGH, 0.0))  # thigh level, pointing forward
    assert close((ankle[0] - knee[0], knee[1] - ankle[1]), (0.0, body.SHANK))  # shin vertical
    assert math.isclose(hip[1], 0.285 * H, abs_tol=0.01)  # hips at knee height
    assert close(pts["left.ankle"], pose_figure(data).positions[0].points["left.ankle"])  # the planted foot stays put


def test_side_plank_is_level_on_its_forearm() -> None:
    data = {
        "view": "front",
        "positions": {
            key: {"trunk": -90, "right": {"shoulder": 90, "elbow": 90}, "contacts": ["right.elbow on floor"]}
            for key in ("start", "end")
        },
    }
    pts = pose_figure(data).positions[0].points
    elbow_r = body.point_radius("right.elbow")
    assert pts["right.elbow"][1] == pytest.approx(elbow_r)
    assert pts["right.shoulder"][1] == pytest.approx(elbow_r + body.UPPER_ARM)  # upper arm vertical
    assert pts["chest"][1] == pytest.approx(pts["pelvis"][1])  # the body is level
    assert pts["left.ankle"][1] == pytest.approx(pts["pelvis"][1] + body.HIP_HALF)  # top leg above
    assert pts["head"][2] < pts["pelvis"][2] < pts["left.ankle"][2]  # head to the picture's left
    assert pts["right.wrist"][0] == pytest.approx(pts["right.elbow"][0] + body.FOREARM)  # forearm towards the reader


# Bad input: one exact line each.


@pytest.mark.parametrize(
    ("path", "old", "new", "expected"),
    [
        (BALL, "both: {hip: 5}", "both: {hip: 60}",
         f"{BALL}:34: figure.positions.rest.both.hip: 60 degrees is beyond the upper limit of 45 "
         "(-30 to 45 degrees for hip abduction (+) / adduction (-), AAOS normal values (Boone and Azen 1979)); "
         "to go further, tilt the whole body ('trunk') or widen the other leg"),
        (BALL, "both: {hip: 3}", "both: {hip: 3}, right: {knee: 140}",
         f"{BALL}:34: figure.positions.squeeze.right.knee: 140 degrees is beyond the upper limit of 135 "
         "(0 to 135 degrees for knee flexion, AAOS normal values (Boone and Azen 1979)); "
         "to go further, bend the hip more or move the foot instead"),
        (BALL, "[pelvis on floor, left.ankle on ball]", "[pelvis on floor, left.hand on ball]",
         f"{BALL}:34: figure.positions.squeeze.contacts.1: left.hand is 55 cm away from the ball; bring it 55 cm closer"),
        (COPENHAGEN, "offset: 12}", "offset: 60}",
         [f"{COPENHAGEN}:34: figure.positions.end.contacts.1: left.ankle is 30 cm beside the bench; "
          "move the bench ('offset') or the point",
          f"{COPENHAGEN}:34: figure.positions.start.contacts.1: left.ankle is 30 cm beside the bench; "
          "move the bench ('offset') or the point"]),
        (COPENHAGEN, "height: 42, at: left.ankle, offset: 12}", "height: 60, at: left.ankle, offset: 29}",
         [f"{COPENHAGEN}:34: figure.positions.end.contacts.1: left.ankle touches the bench from below or the side "
          "(11 cm under its top); it must rest on top",
          f"{COPENHAGEN}:34: figure.positions.start.contacts.1: left.ankle touches the bench from below or the side "
          "(11 cm under its top); it must rest on top"]),
        (COPENHAGEN, "end: {trunk: -84", "end: {trunk: -81",
         [f"{COPENHAGEN}:34: figure.positions.end: left.foot passes 4 cm into the bench",
          f"{COPENHAGEN}:34: figure.positions.end: left.shin passes 6 cm into the bench",
          f"{COPENHAGEN}:34: figure.positions.end.contacts.1: left.ankle is 6 cm below the bench top; lift it with an angle"]),
        (BALL, "both: {hip: 5}", "both: {hip: 5}, left: {knee: 30}",
         [f"{BALL}:34: figure.positions.rest: left.foot passes 21 cm into the floor",
          f"{BALL}:34: figure.positions.rest: left.shin passes 17 cm into the floor"]),
        (BALL, "both: {hip: 5}", "both: {hipp: 5}",
         f"{BALL}:34: figure.positions.rest.both.hipp: unknown field 'hipp' (did you mean 'hip'?)"),
        (BALL, "contacts: [pelvis on floor]}", "contacts: [pelvs on floor]}",
         f"{BALL}:34: figure.positions.rest.contacts.0: unknown body point 'pelvs' (did you mean 'pelvis'?)"),
        (BALL, "left.ankle on ball]", "left.ankle on bal]",
         f"{BALL}:34: figure.positions.squeeze.contacts.1: unknown surface 'bal' (did you mean 'ball'?); add it to 'props'"),
        (BALL, "{type: ball,", "{type: bal,",
         f"{BALL}:34: figure.props.0.type: expected one of 'bench', 'ball', 'band', 'cable', 'slider', 'pad', 'wall', "
         "'hands', 'kettlebell', 'dumbbell', 'handle', 'machine'; got 'bal' (did you mean 'ball'?)"),
        (BALL, "view: top", "view: tpo",
         f"{BALL}:34: figure.view: expected one of 'side', 'front', 'top', 'oblique'; got 'tpo' (did you mean 'top'?)"),
        (BALL, ", squeeze: {lean: -90, both: {hip: 3}, contacts: [pelvis on floor, left.ankle on ball]}", "",
         f"{BALL}:34: figure.positions: expected at least two key positions (like 'start' and 'end'), got 1"),
    ],
)  # fmt: skip
def test_one_figure_mistake_one_line(mini: Path, path: str, old: str, new: str, expected: str) -> None:
    edit(mini / path, old, new)
    assert problems() == (expected if isinstance(expected, list) else [expected])


def test_an_exercise_without_a_figure_is_one_line(mini: Path) -> None:
    path = mini / BALL
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if not line.startswith("figure:")), encoding="utf-8")
    assert problems() == [f"{BALL}:2: figure: missing required field"]


def test_a_kettlebell_hangs_from_the_hands_and_may_not_sink_into_the_floor() -> None:
    sumo = {"both": {"hip": 25, "shoulder": -10}, "contacts": ["left.foot on floor", "right.foot on floor"]}
    data: dict[str, Any] = {"view": "front", "positions": {"start": sumo, "end": sumo}}
    data["props"] = [{"type": "kettlebell", "between": ["left.hand", "right.hand"], "diameter": 21}]
    figure = pose_figure(data)
    pts, bell = figure.positions[0].points, figure.positions[0].props[0]
    assert bell.centre is not None and bell.radius == 10.5
    assert bell.centre[2] == pytest.approx((pts["left.hand"][2] + pts["right.hand"][2]) / 2)  # between the hands
    assert bell.centre[1] == pytest.approx(pts["left.hand"][1] - 8.0 - 10.5)  # below them, by its handle
    assert figure_issues(data) == []
    data["props"][0]["diameter"] = 80  # a bell too big to hang clear of the floor
    depth = 80 - (pts["left.hand"][1] - 8.0)  # its bottom below the floor: 80 cm below the handle's grip
    assert round(depth) == 22
    issues = figure_issues(data)
    assert (("positions", "start"), "the kettlebell passes 22 cm into the floor") in issues
    assert (("positions", "end"), "the kettlebell passes 22 cm into the floor") in issues


def test_shift_and_lift_move_the_whole_body_to_a_new_place() -> None:
    data = standing(shift=80, lift=10)
    data["view"] = "front"
    data["positions"]["end"]["contacts"] = ["left.foot on floor"]
    start, end = (p.points for p in pose_figure(data).positions)
    assert end["left.foot"][2] == pytest.approx(start["left.foot"][2] + 80)  # along the picture: z in the front view
    assert end["left.foot"][1] == pytest.approx(start["left.foot"][1] + 10)  # in the air
    assert close(vectors.sub(end["head"], end["left.foot"]), vectors.sub(start["head"], start["left.foot"]))


def test_the_arrow_follows_the_move_the_picture_shows() -> None:
    """A leg raised out to the side, seen from the side, mostly comes towards the viewer: the
    arrow is for what moves across the picture, not for a move the view cannot show."""
    data = standing(right={"hip_abduction": 30})
    data["positions"]["end"]["contacts"] = ["left.foot on floor"]
    figure = pose_figure(data)
    name, distance = mover(figure)
    start, end = (p.points for p in figure.positions)
    seen = math.dist(project(Camera("side"), start[name])[:2], project(Camera("side"), end[name])[:2])
    assert distance == pytest.approx(seen)
    assert math.dist(start["right.ankle"], end["right.ankle"]) > 40  # in space, mostly sideways
    assert distance < 15  # in the picture, only the lift


def test_roll_turns_the_body_about_its_long_axis() -> None:
    data = standing(lean=90, roll=15)
    data["view"] = "top"
    data["positions"]["end"]["contacts"] = ["pelvis on floor"]
    pts = pose_figure(data).positions[1].points
    drop = 2 * body.HIP_HALF * math.sin(math.radians(15))
    assert pts["right.hip"][1] - pts["left.hip"][1] == pytest.approx(drop)  # + : the left side goes down
    assert pts["chest"][1] == pytest.approx(pts["pelvis"][1])  # still level along the body


def test_a_resting_foot_may_not_slide() -> None:
    """Seen from the side, the foot's slide is also towards the reader, so the picture hardly changes."""
    data = standing(right={"hip_abduction": 10})
    assert figure_issues(data) == [
        (
            ("positions", "end", "contacts", 1),
            "right.foot slides 16 cm along the floor since 'start'; a resting point stays put (put it on a slider if it slides)",
        ),
        (
            ("positions", "end"),
            "from 'start' the body moves at most 2 cm in the picture, too little to see; make the movement bigger, "
            "or choose a view that sees it ('view: oblique' for a move towards the reader)",
        ),
    ]


def test_the_contributing_guides_worked_example_is_the_short_lever_card() -> None:
    """The guide's example is a real card's figure, so it cannot drift from what the checks accept."""
    root = Path(__file__).parent.parent
    guide = (root / "CONTRIBUTING.md").read_text(encoding="utf-8")
    example = yaml.safe_load(found(r"```yaml\n(figure:.*?)```", guide, re.S).group(1))["figure"]
    card = (root / "docs/exercises/copenhagen-short-lever.md").read_text(encoding="utf-8")
    assert example == yaml.safe_load(card.split("---\n")[1])["figure"]
    assert figure_issues(example) == []


def test_a_hip_moved_out_of_the_views_plane_draws_inside_its_view_box() -> None:
    """Found by giving the property test above its out-of-plane angle (once a parameter it drew and
    threw away): 22 degrees of hip abduction in a side view, all else upright, drew the arrow
    'M71.2 197L71.2 217...' below a view box 211 high. The view box now makes room for it."""
    data = _pose("side", trunk=0, hip=0, knee=0, ankle=0, shoulder=0, elbow=0, other_plane=22)
    assert figure_issues(data) == []
    _draws_inside_its_view_box(data)


def test_every_range_names_its_motion() -> None:
    """Each joint's range is one the check can use: standing upright (0) lies inside it, it names
    its motion, its source and a way round its limit. The numbers themselves are the source's, and
    tested where a pose breaks them (the first cases of test_one_mistake_one_line quote them)."""
    assert {"hip_flexion", "hip_abduction", "knee", "ankle", "shoulder_flexion", "elbow"} <= set(JOINTS)
    for name, joint in JOINTS.items():
        assert joint.low <= 0 <= joint.high and joint.low < joint.high, name
        assert joint.motion and joint.source, name
        assert joint.other_way or joint.scope == "body", name  # a limb's limit says how else to get there
    # The check's message for a pose beyond a limit quotes the catalogue's range, not its own copy.
    beyond = {"view": "side", "positions": {"a": {"right": {"knee": JOINTS["knee"].high + 5}}, "b": {}}}
    [message] = [text for _, text in figure_issues(beyond) if "beyond" in text]
    assert f"beyond the upper limit of {JOINTS['knee'].high:g}" in message and JOINTS["knee"].motion in message


# The SVG: Markdown in, whole figure out, compared with a golden file a reviewer can read.


def _pretty(figure: ET.Element) -> str:
    ET.indent(figure, space="  ")
    return ET.tostring(figure, encoding="unicode") + "\n"


def _card(html: str) -> ET.Element:
    return ET.fromstring(re.search(r"<article.*?</article>", html, re.S).group(0))  # type: ignore[union-attr]


def test_figure_golden(mini: Path, request: pytest.FixtureRequest) -> None:
    card = _card(render('{{ exercise_card("ball-squeeze") }}'))
    figure = card.find(".//figure[@class]")
    assert figure is not None and "exercise-figure" in figure.get("class", "")
    source = (mini / BALL).read_text(encoding="utf-8")
    block = next(line for line in source.splitlines() if line.startswith("figure:"))
    got = f"<!-- Markdown in (front matter of {BALL}):\n{block}\n-->\n" + _pretty(figure)
    golden = GOLDEN / "figure-ball-squeeze.html"
    if request.config.getoption("--update-golden"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(got, encoding="utf-8")
    assert got == golden.read_text(encoding="utf-8"), "run pytest with --update-golden to accept a deliberate change"


def test_figure_contract(mini: Path) -> None:
    card = _card(render('{{ exercise_card("copenhagen") }}'))
    figure = card.find(".//figure[@data-view]")
    assert figure is not None
    assert figure.get("data-exercise") == "copenhagen" and figure.get("data-view") == "front"
    button = figure.find("figcaption/button")
    assert button is not None and button.get("type") == "button" and button.text == "Pause the movement"
    svg = figure.find("svg")
    assert svg is not None and svg.get("role") == "img"
    assert svg.find("title") is not None and "Copenhagen" in (svg.findtext("title") or "")
    desc = svg.findtext("desc") or ""
    assert "Start: lying on the right side, bottom forearm on the floor, top ankle on the bench." in desc
    assert "degrees" not in desc  # words, not a list of angles
    positions = svg.findall("g[@class='exercise-figure__position']")
    assert [g.get("data-position") for g in positions] == ["start", "end"]
    assert [g.findtext("text") for g in positions] == ["Start", "End"]
    assert "style" not in ET.tostring(figure, encoding="unicode")


def test_compact_card_has_a_small_still(mini: Path) -> None:
    html = render('{{ exercise_card("copenhagen", variant="compact") }}')
    still = _card(html).find(".//svg[@class='exercise-still']")
    assert still is not None and still.get("aria-hidden") == "true"
    raw = re.search(r"<svg[^>]*exercise-still.*?</svg>", html, re.S)
    assert raw is not None and len(raw.group(0).encode()) < 650  # 23 to a library page
    assert "exercise-figure__position" not in html


# Any pose that passes the checks renders inside its viewBox, with no NaN and no empty path.


# About three poses in four are turned away by the checks (assume), which is expected: not a failing health check.
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(
    view=st.sampled_from(["side", "front"]),
    trunk=st.integers(-30, 30),
    hip=st.integers(-30, 45),
    knee=st.integers(0, 135),
    ankle=st.integers(-50, 20),
    shoulder=st.integers(0, 180),
    elbow=st.integers(0, 150),
)
def test_any_valid_pose_draws_inside_its_view_box(
    view: str, trunk: int, hip: int, knee: int, ankle: int, shoulder: int, elbow: int
) -> None:
    data = _pose(view, trunk, hip, knee, ankle, shoulder, elbow, other_plane=0)
    assume(figure_issues(data) == [])
    _draws_inside_its_view_box(data)


def _pose(
    view: str, trunk: int, hip: int, knee: int, ankle: int, shoulder: int, elbow: int, other_plane: int
) -> dict[str, Any]:
    return {
        "view": view,
        "positions": {
            "start": {"contacts": ["left.foot on floor"]},
            "end": {
                "trunk": trunk,
                "right": {
                    "hip": hip,
                    "hip_flexion" if view == "front" else "hip_abduction": other_plane,
                    "knee": knee,
                    "ankle": ankle,
                },
                "left": {
                    "shoulder": shoulder,
                    "elbow": elbow,
                    "shoulder_flexion" if view == "front" else "shoulder_abduction": 0,
                },
                "contacts": ["left.foot on floor"],
            },
        },
    }


def _draws_inside_its_view_box(data: dict[str, Any]) -> None:
    art = figure_drawing(data, "Test", {"inner-thigh"})
    for panel in art.panels:
        for shape in panel.shapes:
            text = " ".join(v for k, v in shape.attrs if k != "class")
            assert "nan" not in text.lower() and "inf" not in text.lower()
            if shape.tag == "path" and "Q" not in shape.attr("d"):
                d = shape.attr("d")
                assert re.search(r"[LVHlvh]", d), f"empty path {d}"
                for x, y in _absolute(d):
                    assert -0.5 <= x <= art.width + 0.5 and -0.5 <= y <= art.height + 0.5, (d, x, y)
    for moving in art.moving:  # every pose of the movement, too
        for animation in moving.animations:
            if animation.attribute == "d":
                for d in animation.values.split(";"):
                    for x, y in _absolute(d):
                        assert -1 <= x <= art.width + 1 and -1 <= y <= art.height + 1, (d, x, y)


def _absolute(d: str) -> list[tuple[float, float]]:
    """The points of M/L/H/V/Z path data, absolute or relative, as absolute points."""
    points: list[tuple[float, float]] = []
    x = y = 0.0
    for command, args in re.findall(r"([MLHVZmlhvz])([^MLHVZmlhvz]*)", d):
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", args)]
        if command in "Mm" or command in "Ll":
            dx, dy = numbers[0], numbers[1]
            x, y = (x + dx, y + dy) if command.islower() else (dx, dy)
        elif command in "Hh":
            x = x + numbers[0] if command == "h" else numbers[0]
        elif command in "Vv":
            y = y + numbers[0] if command == "v" else numbers[0]
        else:
            continue
        points.append((x, y))
    return points


def test_the_words_pair_sided_props_and_say_only_what_changes() -> None:
    """'Left knee on the left pad, right knee on the right pad' is 'both knees on the pads', and a
    position resting as the one before says only what moves (the adductor machine's figure)."""
    text = (ROOT / "docs/exercises/adductor-machine.md").read_text(encoding="utf-8")
    data = yaml.safe_load(text.split("---")[1])["figure"]
    words = figure_drawing(data, "Adductor machine", set()).description
    assert "both knees on the pads" in words and "left knee" not in words
    found = re.search(r"Start: ([^.]*)\. End: ([^.]*)\.", words)
    assert found
    start, end = found.groups()
    assert "on the seat" in start and "on the" not in end and end  # the end says only what moved
