"""A whole-body angle is one entry of the joint table: added there alone, the schema accepts it,
the range check limits it, forward kinematics turns the body by it, the motion mixes it and the
words name it. The table's own entries pose the body as the hand-written rotations did."""

from __future__ import annotations

import math
from typing import Any

import jsonschema
import pytest

from exercise_atlas.figures import catalogue
from exercise_atlas.figures.catalogue import JOINTS, Joint, whole_turn
from exercise_atlas.figures.figure_schema import figure_schema
from exercise_atlas.figures.motion import between, turn_between
from exercise_atlas.figures.placing import pose_figure
from exercise_atlas.figures.pose_checks import figure_issues
from exercise_atlas.figures.svg_figure import figure_drawing
from exercise_atlas.figures.vectors import apply, mul, rotation
from exercise_atlas.figures.words import describe

# Turning the head to look over a shoulder (cervical rotation; the AAOS value is 0 to 80 degrees
# each way, Norkin and White table A.1): not in the table, so a fair test of adding one.
HEAD_TURN = Joint(
    "head_turn",
    "body",
    -80,
    80,
    "head rotation (+ to the left)",
    "AAOS normal values",
    "head",
    "turns to the left",
    "turns to the right",
    "turn the trunk ('roll') instead",
    turns="head -y",
)


def _looking(turn: float | None) -> dict[str, Any]:
    start: dict[str, Any] = {"contacts": ["left.foot on floor", "right.foot on floor"]}
    end = dict(start)
    if turn is not None:
        end["head_turn"] = turn
    return {"view": "front", "positions": {"start": start, "end": end}}


@pytest.fixture
def head_turn(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(JOINTS, "head_turn", HEAD_TURN)


def _validate(data: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator(figure_schema()).validate(data)


def test_without_its_table_entry_a_joint_is_refused_by_the_schema() -> None:
    with pytest.raises(jsonschema.ValidationError, match="head_turn"):
        _validate(_looking(60))


@pytest.mark.usefixtures("head_turn")
def test_a_joint_added_to_the_table_alone_is_accepted_by_the_schema_and_its_range_checked() -> None:
    _validate(_looking(60))
    assert figure_issues(_looking(60)) == []
    assert figure_issues(_looking(100)) == [
        (
            ("positions", "end", "head_turn"),
            "100 degrees is beyond the upper limit of 80 (-80 to 80 degrees for head rotation (+ to the left), "
            "AAOS normal values); to go further, turn the trunk ('roll') instead",
        )
    ]


@pytest.mark.usefixtures("head_turn")
def test_a_joint_added_to_the_table_alone_turns_the_drawn_body_and_moves() -> None:
    still, turned = pose_figure(_looking(None)).positions[1], pose_figure(_looking(60)).positions[1]
    # The face turns towards the body's left (+z), the head's centre stays where it was.
    assert turned.points["head"] == pytest.approx(still.points["head"])
    assert turned.points["face"][2] - still.points["face"][2] == pytest.approx(
        math.sin(math.radians(60)) * (still.points["face"][0] - still.points["head"][0])
    )
    figure = pose_figure(_looking(60))
    a, b = figure.positions
    assert turn_between(a, b) == 60
    assert between(figure, a, b, 0.5).whole["head_turn"] == 30
    art = figure_drawing(_looking(60), "Looking over the shoulder", set())
    assert any(m.animations for m in art.moving)  # the head turns in the moving figure


@pytest.mark.usefixtures("head_turn")
def test_a_joint_added_to_the_table_alone_is_named_by_the_words() -> None:
    words = describe(pose_figure(_looking(60)), "Looking over the shoulder")
    assert "Start: standing, both feet on the floor. End: the head turns to the left." in words
    assert "Then back: the head turns to the right." in words


@pytest.mark.parametrize(
    ("plane", "trunk_axis", "sign"), [("side", "z", -1.0), ("front", "x", 1.0), ("top", "y", -1.0)]
)
def test_the_table_turns_the_body_as_trunk_then_lean_then_roll(plane: str, trunk_axis: str, sign: float) -> None:
    angles = {"trunk": 30.0, "lean": 50.0, "roll": -20.0}
    expected = mul(mul(rotation(trunk_axis, sign * 30), rotation("z", -50)), rotation("y", -20))
    point = (3.0, 40.0, -7.0)
    assert apply(whole_turn(plane, angles, "body"), point) == pytest.approx(apply(expected, point))


def test_the_head_bends_sideways_then_nods() -> None:
    angles = {"neck": 20.0, "neck_side": 10.0}
    expected = mul(rotation("x", -10), rotation("z", -20))
    assert apply(whole_turn("front", angles, "head"), (1.0, 2.0, 3.0)) == pytest.approx(
        apply(expected, (1.0, 2.0, 3.0))
    )


def test_every_whole_body_angle_says_what_it_turns() -> None:
    for joint in catalogue.body_joints():
        part, _, axis = joint.turns.partition(" ")
        assert part in ("body", "head") and (axis == "picture" or axis in ("+x", "-x", "+y", "-y", "+z", "-z"))


def test_the_words_always_name_the_working_legs_own_movement() -> None:
    """The standing leg of the sliding adduction bends and the hips sink, bigger movements than the
    working leg sliding out; the words still say the working leg goes out and comes back in."""
    from pathlib import Path

    import yaml

    text = (Path(__file__).parent.parent / "docs/exercises/sliding-adduction.md").read_text(encoding="utf-8")
    data = yaml.safe_load(text.split("---\n")[1])
    words = describe(pose_figure(data["figure"]), data["name"])
    assert "the left leg moves out to the side." in words
    assert "Then back: the right leg swings back, the right knee straightens, the left leg moves in." in words
