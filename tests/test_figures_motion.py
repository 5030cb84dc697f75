"""The figures' camera, motion, table and budget: forward kinematics seen from the oblique camera,
poses between key positions that keep their contacts, one table every reader agrees with, and
the bytes a figure adds to a page."""

from __future__ import annotations

import gzip
import math
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest
import yaml
from jinja2 import Environment, PackageLoader

from exercise_atlas.figures import body, figure_html
from exercise_atlas.figures.body import Angles
from exercise_atlas.figures.camera import Camera, camera_for, project
from exercise_atlas.figures.catalogue import BODY_JOINTS, JOINTS, PROPS, SIDE_JOINTS
from exercise_atlas.figures.figure_schema import FIGURE_SCHEMA
from exercise_atlas.figures.motion import between, shared_contacts, timeline
from exercise_atlas.figures.placing import pose_figure
from exercise_atlas.figures.pose_checks import figure_issues, range_issue
from exercise_atlas.figures.props import PLACERS
from exercise_atlas.figures.svg_figure import figure_drawing
from exercise_atlas.figures.svg_props import DRAWERS
from exercise_atlas.figures.timing import beats
from exercise_atlas.figures.words import describe

ROOT = Path(__file__).parent.parent
EXERCISES = sorted(p for p in (ROOT / "docs/exercises").glob("*.md") if "figure:" in p.read_text(encoding="utf-8"))
BUDGET, BUDGET_GZIP = 8 * 1024, int(2.5 * 1024)


def _figure(path: Path) -> dict[str, Any]:
    front: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
    return front


# The oblique camera: the front view turned round the body and tilted down.


def test_oblique_camera_turns_the_front_view_round_the_body() -> None:
    front, turned = Camera("front"), Camera("oblique", turn=90, tilt=0)
    point = (10.0, 50.0, 20.0)  # 10 cm forward, 50 up, 20 to the body's left
    assert project(front, point) == pytest.approx((20.0, -50.0, 10.0))
    # A quarter turn towards the body's left: its left side faces the reader, its front the picture's left.
    assert project(turned, point) == pytest.approx((-10.0, -50.0, 20.0))
    assert project(Camera("oblique", turn=0, tilt=0), point) == pytest.approx(project(front, point))


def test_oblique_tilt_shows_a_forearm_pointing_at_the_reader() -> None:
    """In the front view a forearm held straight forward is a dot; the tilted camera draws it."""
    data = {
        "view": "oblique",
        "camera": {"turn": 0, "tilt": 30},
        "positions": {
            key: {"right": {"elbow": 90}, "contacts": ["left.foot on floor", "right.foot on floor"]}
            for key in ("start", "end")
        },
    }
    pts = pose_figure(data).positions[0].points
    camera = camera_for(data)
    elbow, wrist = project(camera, pts["right.elbow"]), project(camera, pts["right.wrist"])
    # The forearm (25.6 cm, forward along x) is foreshortened by the tilt, not lost: sin 30 = 0.5.
    assert wrist[1] - elbow[1] == pytest.approx(body.FOREARM * math.sin(math.radians(30)), abs=0.01)
    assert project(Camera("front"), pts["right.wrist"])[:2] == pytest.approx(
        project(Camera("front"), pts["right.elbow"])[:2]
    )


def _kneeling_seen_from(turn: float) -> dict[str, Any]:
    """On hands and one knee, the hips rocking back: the adductor rock-back, seen from ``turn``."""
    kneel = {"right.knee on floor", "left.hand on floor", "right.hand on floor", "left.heel on floor"}
    sides = {"shoulder_flexion": 90}

    def kneeling(lean: int, hip_flexion: tuple[int, int], knee: int) -> dict[str, Any]:
        return {
            "lean": lean,
            "neck": -30,
            "left": {"hip": 45, "hip_flexion": hip_flexion[0], **sides},
            "right": {"hip_flexion": hip_flexion[1], "knee": knee, **sides},
            "contacts": sorted(kneel),
        }

    return {
        "view": "oblique",
        "camera": {"turn": turn, "tilt": 25},
        "working": "left",
        "positions": {"start": kneeling(72, (77, 80), 105), "back": kneeling(76, (98, 115), 135)},
    }


def test_a_camera_behind_the_body_says_so_and_draws_no_face() -> None:
    """Seen from behind, the back of the head is all the reader sees: no face mark in the key
    positions nor in the movement, and the words say where the reader stands."""
    behind, front = _kneeling_seen_from(150), _kneeling_seen_from(40)
    drawn = figure_drawing(behind, "Rock-back", {"inner-thigh"})
    assert "drawn from behind, at three-quarters" in drawn.description
    assert [s for p in drawn.panels for s in p.shapes if s.cls == "xf-e"] == []
    assert [m for m in drawn.moving if m.shape.cls == "xf-e"] == []
    assert drawn.moving, "the hips rock back: the figure moves"
    seen = figure_drawing(front, "Rock-back", {"inner-thigh"})
    assert "drawn at three-quarters" in seen.description
    assert [m for m in seen.moving if m.shape.cls == "xf-e"] != []


def test_a_camera_turned_a_little_from_the_front_says_from_the_front() -> None:
    """Ten degrees off the front is not three-quarters: the words say where the reader stands,
    as within the same angle of straight behind they say "from behind"."""
    assert "drawn from the front" in figure_drawing(_kneeling_seen_from(10), "Rock-back", {"inner-thigh"}).description
    assert "drawn at three-quarters" in figure_drawing(_kneeling_seen_from(-20), "Rock-back", set()).description


# Motion: poses between key positions keep the contacts both positions share.


@pytest.mark.parametrize("path", EXERCISES, ids=lambda p: p.stem)
def test_every_pose_of_every_movement_keeps_its_shared_contacts(path: Path) -> None:
    data = _figure(path)["figure"]
    figure = pose_figure(data)
    positions = figure.positions
    for index, b in enumerate(positions):
        a = positions[index - 1]
        for t in (0.25, 0.5, 0.75):
            pose = between(figure, a, b, t)
            for point, _ in shared_contacts(a, b)[:1]:
                assert math.dist(pose.points[point], a.points[point]) < 0.01 + math.dist(
                    a.points[point], b.points[point]
                )
                expected = [x + (y - x) * t for x, y in zip(a.points[point], b.points[point], strict=True)]
                assert pose.points[point] == pytest.approx(tuple(expected), abs=0.01)


def test_a_pose_between_is_posed_from_angles_part_way() -> None:
    data = {
        "view": "side",
        "positions": {
            "start": {"contacts": ["left.foot on floor", "right.foot on floor"]},
            "bottom": {"both": {"hip": 90, "knee": 90}, "contacts": ["left.foot on floor", "right.foot on floor"]},
        },
    }
    figure = pose_figure(data)
    half = between(figure, figure.positions[0], figure.positions[1], 0.5)
    assert half.sides["left"].knee == 45 and half.sides["left"].hip_flexion == 45
    # The thigh keeps its length (angles are mixed, not points), and the foot stays on the floor.
    assert math.dist(half.points["left.hip"], half.points["left.knee"]) == pytest.approx(body.THIGH)
    assert half.points["left.heel"][1] == pytest.approx(body.THICK["foot"] / 2)


def test_the_timeline_takes_the_declared_seconds() -> None:
    data = {
        "view": "side",
        "positions": {
            "start": {"move": 1, "hold": 0.5, "contacts": ["left.foot on floor"]},
            "bottom": {"move": 3, "hold": 2, "both": {"hip": 90, "knee": 90}, "contacts": ["left.foot on floor"]},
        },
    }
    frames = timeline(pose_figure(data), beats(data))
    times = [round(f.time, 2) for f in frames]
    keys = [(f.pose.key, round(f.time, 2)) for f in frames if "-" not in f.pose.key]
    # Held 0.5 s, three seconds down, held 2 s, one second back up: 6.5 s in all.
    assert keys == [("start", 0), ("start", 0.5), ("bottom", 3.5), ("bottom", 5.5), ("start", 6.5)]
    assert times == sorted(times) and len(frames) > len(keys)  # poses between, in order


# One table: schema, ranges, words, placing and drawing agree with it.


def test_every_joint_of_the_table_is_in_the_schema_the_body_and_the_words() -> None:
    side = FIGURE_SCHEMA["properties"]["positions"]["additionalProperties"]["properties"]["left"]["properties"]
    assert set(side) == set(SIDE_JOINTS) | {"hip", "shoulder"}
    assert set(SIDE_JOINTS) == {f.name for f in fields(Angles)}  # each one posed by forward kinematics
    position = FIGURE_SCHEMA["properties"]["positions"]["additionalProperties"]["properties"]
    assert set(BODY_JOINTS) <= set(position)
    for joint in JOINTS.values():
        assert joint.low < joint.high and joint.motion and joint.source
        if joint.scope == "side":
            assert joint.part and joint.more and joint.less and joint.other_way


def test_every_prop_type_of_the_table_is_in_the_schema_placed_and_drawn() -> None:
    prop = FIGURE_SCHEMA["properties"]["props"]["items"]["properties"]
    assert prop["type"]["enum"] == list(PROPS)
    assert set(PLACERS) == set(PROPS) == set(DRAWERS)
    for kind in PROPS.values():
        assert set(kind.needs) <= set(prop), kind.name


def test_a_joint_missing_from_the_table_is_a_message_not_a_crash() -> None:
    assert range_issue(("positions", "start", "left", "hip_rotaton"), "hip_rotaton", 10) == [
        (("positions", "start", "left", "hip_rotaton"), "unknown joint 'hip_rotaton' (did you mean 'hip_rotation'?)")
    ]


# The checks a physiotherapist would make: exact messages.


def _standing(**end: object) -> dict[str, Any]:
    feet = ["left.foot on floor", "right.foot on floor"]
    return {"view": "side", "positions": {"start": {"contacts": feet}, "end": {"contacts": feet, **end}}}


def test_a_squat_with_the_hips_behind_the_feet_tips_over() -> None:
    data = _standing(both={"hip": 100, "knee": 100})
    assert figure_issues(data) == [
        (
            ("positions", "end"),
            "the body would tip over: its centre of mass is 28 cm behind its base of support (the points resting "
            "on the floor or a bench); move the hips or trunk back over it, or add a contact that holds the body "
            "(a wall, a handle, a partner's hands)",
        )
    ]
    # Shins leaning forward (ankles bent), the trunk tilted and the arms reaching forward: the weight
    # comes back over the feet.
    data["positions"]["end"].update(trunk=11, both={"hip": 120, "knee": 130, "ankle": 20, "shoulder": 90})
    assert figure_issues(data) == []


def test_a_hand_on_a_wall_holds_a_body_that_would_tip() -> None:
    data = _standing(both={"hip": 100, "knee": 100}, right={"shoulder": 90})
    data["props"] = [{"type": "wall", "at": "right.hand", "offset": 0}]
    data["positions"]["end"]["contacts"] = [*data["positions"]["end"]["contacts"], "right.hand on wall"]
    assert [m for _, m in figure_issues(data) if "tip over" in m] == []


def test_two_hands_on_one_kettlebell_handle() -> None:
    data = {
        "view": "front",
        "props": [{"type": "kettlebell", "between": ["left.hand", "right.hand"]}],
        "positions": {
            key: {"both": {"hip": 25}, "contacts": ["left.foot on floor", "right.foot on floor"]}
            for key in ("start", "end")
        },
    }
    assert figure_issues(data)[0] == (
        ("positions", "start"),
        "the hands are 37 cm apart, but both hold the kettlebell's handle (at most 18 cm wide): bring the arms in "
        "('shoulder_abduction') until they meet",
    )


def test_a_kettlebell_between_closed_legs_passes_into_a_thigh() -> None:
    data = {
        "view": "front",
        "props": [{"type": "kettlebell", "between": ["left.hand", "right.hand"]}],
        "positions": {
            key: {"both": {"shoulder": -10}, "contacts": ["left.foot on floor", "right.foot on floor"]}
            for key in ("start", "end")
        },
    }
    assert figure_issues(data)[0] == (
        ("props", 0),
        "in 'start' the kettlebell passes 9 cm into the left thigh: hang it between the legs (hands in front of "
        "the hips, legs wider)",
    )


def test_a_contact_off_its_surface_says_which_way() -> None:
    data: dict[str, Any] = {
        "view": "front",
        "props": [{"type": "bench", "height": 40, "at": "left.ankle", "offset": 0, "length": 40}],
        "positions": {
            key: {
                "trunk": -84,
                "right": {"shoulder": 90, "elbow": 90},
                "contacts": ["right.elbow on floor", "left.ankle on bench"],
            }
            for key in ("start", "end")
        },
    }
    data["positions"]["end"]["trunk"] = -80
    issues = figure_issues(data)
    assert (
        ("positions", "start", "contacts", 1),
        "left.ankle is 4 cm above the bench top; lower it with an angle, or raise the bench ('height')",
    ) in issues


def test_a_movement_too_small_to_see() -> None:
    data = _standing(right={"hip_abduction": 4})
    data["positions"]["end"]["contacts"] = ["left.foot on floor"]
    assert figure_issues(data) == [
        (
            ("positions", "end"),
            "from 'start' the body moves at most 1 cm in the picture, too little to see; make the movement bigger, "
            "or choose a view that sees it ('view: oblique' for a move towards the reader)",
        )
    ]


def test_the_words_say_what_moves_not_the_angles() -> None:
    data = _standing(both={"hip": 100, "knee": 100}, trunk=35)
    words = describe(pose_figure(data), "Squat")
    assert words == (
        "Squat, drawn from the side, in 2 key positions. Start: standing, both feet on the floor. End: squatting, "
        "both feet on the floor; both legs swing forwards, both knees bend, the hips sink back. Then back: both legs "
        "swing back, both knees straighten, the hips rise and come forwards."
    )


@pytest.mark.parametrize(
    ("exercise", "said", "unsaid"),
    [
        ("adductor-rock-back", "Back: the hips sink back", "the hips sink,"),
        (
            "kettlebell-sumo-deadlift",
            "the hips rise and come forwards",
            "Top: standing, both feet on the floor; the hips sink",
        ),
        # Standing on one foot, then on two: nothing to say 'back' from, so only the sinking is said.
        ("side-lunge", "the hips sink.", "back."),
        # Lying, the hips only rise and sink.
        ("copenhagen-short-lever", "the hips rise,", "move back"),
    ],
)
def test_the_words_say_where_the_hips_go_over_what_holds_the_body(exercise: str, said: str, unsaid: str) -> None:
    data = _figure(ROOT / f"docs/exercises/{exercise}.md")
    words = describe(pose_figure(data["figure"]), data["name"])
    assert said in words and unsaid not in words, words


# The budget: a full figure adds at most 8 KiB of HTML to a page (2.5 KiB gzipped).


def test_every_figure_keeps_to_its_byte_budget(capsys: pytest.CaptureFixture[str]) -> None:
    env = Environment(loader=PackageLoader("exercise_atlas", "templates"), autoescape=True)
    muscles = {m["id"]: m for m in yaml.safe_load((ROOT / "data/muscles.yml").read_text(encoding="utf-8"))}
    regions = yaml.safe_load((ROOT / "data/vocabulary.yml").read_text(encoding="utf-8"))["figure_regions"]
    rows = []
    for path in EXERCISES:
        exercise = _figure(path)
        html = str(figure_html(env, exercise, muscles, regions)).encode()
        rows.append((exercise["id"], exercise["figure"]["view"], len(html), len(gzip.compress(html, 9))))
    with capsys.disabled():
        print("\nfigure bytes (HTML, gzipped):")
        for row in rows:
            print(f"  {row[0]:32} {row[1]:8} {row[2]:6} {row[3]:5}")
    over = [row for row in rows if row[2] > BUDGET or row[3] > BUDGET_GZIP]
    assert over == [], f"over {BUDGET} bytes or {BUDGET_GZIP} gzipped: {over}"


# The author's preview: one command shows the figure, moving and still, with the check's lines.


def test_the_preview_shows_the_figure_moving_and_still(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from exercise_atlas.cli.commands import main

    assert main(["figure", "ball-squeeze", "-o", "preview.html"]) == 0
    page = (mini / "preview.html").read_text(encoding="utf-8")
    assert "<li>No problems.</li>" in page
    assert page.count('class="exercise-figure ') == 2 and 'data-motion="on"' in page and "<animate " in page
    assert "Wrote preview.html (0 problem(s))" in capsys.readouterr().out


def test_the_preview_lists_a_problem_with_what_to_change(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from conftest import edit

    from exercise_atlas.cli.commands import main

    edit(mini / "docs/exercises/ball-squeeze.md", "both: {hip: 5}", "both: {hip: 5}, right: {knee: 140}")
    assert main(["figure", "ball-squeeze", "-o", "preview.html"]) == 1
    page = (mini / "preview.html").read_text(encoding="utf-8")
    line = (
        "docs/exercises/ball-squeeze.md:34: figure.positions.rest.right.knee: 140 degrees is beyond the upper limit "
        "of 135 (0 to 135 degrees for knee flexion, AAOS normal values (Boone and Azen 1979)); to go further, bend "
        "the hip more or move the foot instead"
    )
    assert line in capsys.readouterr().out
    assert line in page.replace("&#39;", "'")
    assert main(["figure", "no-such", "-o", "preview.html"]) == 2


def test_a_site_that_does_not_require_figures_builds_an_exercise_without_one(mini: Path) -> None:
    from conftest import edit, problems

    edit(mini / "data/vocabulary.yml", "figure_required: true\n", "")
    path = mini / "docs/exercises/ball-squeeze.md"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if not line.startswith("figure:")), encoding="utf-8")
    assert problems() == []


# The working muscles: at least 3:1 against the limb they are drawn on, in both palettes.


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme", ['[data-md-color-scheme="default"]', '[data-md-color-scheme="slate"]'])
def test_the_working_muscle_stands_out_from_its_limb_in_both_palettes(scheme: str) -> None:
    import re

    css = (ROOT / "src/exercise_atlas/assets/exercise-atlas.css").read_text(encoding="utf-8")
    figures = css.split("/* ===== Movement figures", 1)[1]
    block = figures.split(scheme + " {", 1)[1].split("}", 1)[0]
    colours = dict(re.findall(r"--atlas-fig-([a-z-]+):\s*(#[0-9a-f]{6});", block))
    assert _contrast(colours["muscle"], colours["body"]) >= 3  # on a near limb
    assert _contrast(colours["muscle-far"], colours["far"]) >= 3  # on a far limb


def test_a_head_resting_on_an_arm_must_touch_it() -> None:
    side_lying = {
        "trunk": -82,
        "right": {"hip": -8, "shoulder": 170, "elbow": 30},
        "contacts": ["right.hip on floor", "head on right.upper_arm"],
    }
    data: dict[str, Any] = {
        "view": "front",
        "positions": {"start": side_lying, "end": {**side_lying, "right": {"hip": -14, "shoulder": 170, "elbow": 30}}},
    }
    assert figure_issues(data)[0] == (
        ("positions", "start", "contacts", 1),
        "head is 7 cm away from the right upper arm it rests on; bring them together with an angle "
        "(the neck's 'neck_side' tilts the head)",
    )
    for position in data["positions"].values():
        position["neck_side"] = 20  # the head bent down onto the arm
    assert [m for _, m in figure_issues(data) if "head" in m] == []
    assert "head on the bottom upper arm" in describe(pose_figure(data), "Side-lying adduction")


def test_forearms_flat_on_the_floor_are_said_even_with_the_hands_down() -> None:
    """Rocking back in the frog stretch the hands rest on the floor too; the body is still on its
    forearms and knees, not on hands and knees."""
    data = _figure(ROOT / "docs/exercises/frog-stretch.md")["figure"]
    words = describe(pose_figure(data), "Frog stretch")
    assert "Start: on forearms and knees" in words and "Back: on forearms and knees" in words
    assert "on hands and knees" not in words
