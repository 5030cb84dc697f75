"""The seated machine's frame: a backrest behind the sitting body from the seat up, on a post,
over a base on the floor, drawn behind the body; the adductor machine's figure uses it."""

from __future__ import annotations

from pathlib import Path

import yaml

from exercise_atlas.figures.body import THICK
from exercise_atlas.figures.placing import pose_figure
from exercise_atlas.figures.pose_checks import figure_issues
from exercise_atlas.figures.svg_figure import figure_drawing

ROOT = Path(__file__).parent.parent
SEATED = {
    "view": "front",
    "props": [
        {"type": "bench", "id": "seat", "height": 40, "at": "pelvis", "length": 46},
        {"type": "machine", "at": "pelvis"},
    ],
    "positions": {
        "start": {"both": {"hip_flexion": 90, "knee": 90, "hip": 30, "shoulder": 30}, "contacts": ["pelvis on seat"]},
        "end": {"both": {"hip_flexion": 90, "knee": 90, "hip": 10, "shoulder": 30}, "contacts": ["pelvis on seat"]},
    },
}


def test_the_backrest_stands_behind_the_seated_back_from_the_seat_up() -> None:
    position = pose_figure(SEATED).positions[0]
    machine = next(p for p in position.props if p.type == "machine")
    assert machine.box is not None and machine.parts
    pelvis, chest = position.points["pelvis"], position.points["chest"]
    # Behind the back (x is forwards), touching it within a couple of centimetres, not through it.
    assert 0 <= (pelvis[0] - THICK["trunk"] / 2) - machine.box.high[0] <= 2
    # From the seat to above the shoulder blades' middle, and wider than the trunk.
    assert machine.box.low[1] < pelvis[1] < chest[1] - 15 < machine.box.high[1]
    assert machine.box.high[2] - machine.box.low[2] > 40
    base, post = machine.parts
    assert base.low[1] == 0 and post.low[1] == 0 and post.high[1] == machine.box.low[1]


def test_the_machine_is_drawn_behind_the_body_and_checked_quietly() -> None:
    assert figure_issues(SEATED) == []
    art = figure_drawing(SEATED, "Seated machine", set())
    shapes = art.panels[0].shapes
    frame = [i for i, s in enumerate(shapes) if s.cls in ("xf-p", "xf-p xf-pl")]
    trunk = next(i for i, s in enumerate(shapes) if s.cls == "xf-k")
    assert len(frame) == 4 and max(frame) < trunk  # seat and legs, backrest and frame, then the body


def test_the_adductor_machine_has_its_frame_and_backrest() -> None:
    data = yaml.safe_load((ROOT / "docs/exercises/adductor-machine.md").read_text(encoding="utf-8").split("---\n")[1])
    types = [p["type"] for p in data["figure"]["props"]]
    assert {"bench", "machine", "pad", "handle"} <= set(types)
