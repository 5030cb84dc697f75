"""The second, small view: declared in the figure data, drawn through its own camera from the same
poses, in the key position's panel and in the movement at the main body's key times, within the
panel, and refused by the schema when it names no view."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
import yaml
from jinja2 import Environment, PackageLoader

from exercise_atlas.figures import figure_html
from exercise_atlas.figures.camera import Camera
from exercise_atlas.figures.figure_schema import figure_schema
from exercise_atlas.figures.svg_figure import figure_drawing
from exercise_atlas.figures.svg_inset import view_name

ROOT = Path(__file__).parent.parent
SVG = ""  # inline SVG in HTML carries no namespace

# From the front a squat's knees open; only from the side do the hips sit back.
SQUAT = {
    "view": "front",
    "inset": {"view": "side"},
    "positions": {
        "start": {"both": {"hip": 10}, "contacts": ["left.foot on floor", "right.foot on floor"]},
        "down": {
            "move": 2,
            "hold": 1,
            "trunk": 0,
            "both": {"hip": 10, "hip_flexion": 100, "knee": 110, "ankle": 20},
            "contacts": ["left.foot on floor", "right.foot on floor"],
        },
    },
}


def _numbers(d: str) -> list[float]:
    return [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", d)]


def test_the_inset_is_declared_in_the_figure_data() -> None:
    schema = figure_schema()
    jsonschema.Draft202012Validator(schema).validate(SQUAT)
    with pytest.raises(jsonschema.ValidationError, match="'view' is a required property"):
        jsonschema.Draft202012Validator(schema).validate({**SQUAT, "inset": {}})
    with pytest.raises(jsonschema.ValidationError, match="'back' is not one of"):
        jsonschema.Draft202012Validator(schema).validate({**SQUAT, "inset": {"view": "back"}})


def test_the_inset_sees_what_the_main_view_hides() -> None:
    art = figure_drawing(SQUAT, "Squat", set())
    assert art.inset is not None and art.inset.label == "Side view"
    start, down = art.inset.panels
    assert start == []  # drawn in the key position's panel only (the last, by default)
    legs = [s for s in down if s.cls == "xf-s"]
    # Seen from the side the near thigh runs forwards from the hip: the knee is well ahead of it
    # (in the main, front view the same thigh points at the reader and hardly moves across).
    _, _, knee_dx, _ = _numbers(legs[0].attr("d"))[:4]
    assert knee_dx > 25
    # It sits inside the panel, in its top right corner, smaller than the panel.
    inset = art.inset
    assert 0 < inset.scale < 0.5
    assert inset.x > art.width / 2 and inset.x + inset.width * inset.scale <= art.width
    assert inset.y + inset.height * inset.scale <= art.height


def test_the_inset_moves_at_the_main_bodys_key_times() -> None:
    art = figure_drawing(SQUAT, "Squat", set())
    main_times = art.key_times.split(";")
    inset_times = art.inset_key_times.split(";")
    assert set(inset_times) <= set(main_times) and inset_times[0] == "0" and inset_times[-1] == "1"
    # start, held, down, held, back to start: the same holds as the main body.
    assert len(inset_times) == 5
    moving = [m for m in art.inset_moving if m.animations]
    assert moving and all(len(a.values.split(";")) == len(inset_times) for m in moving for a in m.animations)


def test_the_inset_is_in_the_html_framed_and_named_within_the_budget() -> None:
    env = Environment(loader=PackageLoader("exercise_atlas", "templates"), autoescape=True)
    exercise = {"id": "squat", "name": "Squat", "muscles": {"primary": []}, "figure": SQUAT}
    html = str(figure_html(env, exercise, {}, {}))
    svg = ET.fromstring(html.split("<figcaption")[0].split(">", 1)[1].rsplit("</figure>", 1)[0].strip())
    positions = svg.findall(f"{SVG}g[@class='exercise-figure__position']")
    assert [len(g.findall(f"{SVG}rect")) for g in positions] == [0, 1]
    motion = svg.find(f"{SVG}g[@class='exercise-figure__motion']")
    assert motion is not None and len(motion.findall(f"{SVG}rect")) == 1
    labels = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "xf-il"]
    assert labels == ["Side view", "Side view"]
    assert len(html.encode()) <= 8 * 1024


@pytest.mark.parametrize(
    ("camera", "name"),
    [
        (Camera("side"), "Side view"),
        (Camera("top"), "From above"),
        (Camera("oblique", 35, 12), "3/4 view"),
        (Camera("oblique", -80, 8), "Right side"),
        (Camera("oblique", 70, 8), "Left side"),
        (Camera("oblique", 150, 25), "Behind"),
        (Camera("oblique", -120, 25), "Behind"),
    ],
)
def test_the_inset_is_named_by_what_it_shows(camera: Camera, name: str) -> None:
    assert view_name(camera) == name


def test_sliding_adduction_shows_the_hips_sitting_back_in_a_second_view() -> None:
    data = yaml.safe_load((ROOT / "docs/exercises/sliding-adduction.md").read_text(encoding="utf-8").split("---\n")[1])
    art = figure_drawing(data["figure"], data["name"], set())
    assert art.inset is not None and art.inset_moving


def test_room_is_kept_beside_the_body_so_the_inset_covers_none_of_it() -> None:
    from exercise_atlas.figures.motion import timeline
    from exercise_atlas.figures.placing import pose_figure
    from exercise_atlas.figures.screen import Screen
    from exercise_atlas.figures.svg_figure import LABEL_SPACE, _fit
    from exercise_atlas.figures.timing import beats

    art = figure_drawing(SQUAT, "Squat", set())
    plain = figure_drawing({k: v for k, v in SQUAT.items() if k != "inset"}, "Squat", set())
    assert art.inset is not None and art.width > plain.width
    figure = pose_figure(SQUAT)
    poses = [f.pose for f in timeline(figure, beats(SQUAT))]
    beside = art.inset.width / art.inset.height
    left, top, _, _, _ = _fit(figure, poses, LABEL_SPACE, beside)
    screen = Screen(figure.camera, left, top)
    # Every body point of every drawn pose, moving or still, lies left of the inset's frame.
    rightmost = max(screen.xy(v)[0] for pose in poses for v in pose.points.values())
    assert rightmost < art.inset.x
