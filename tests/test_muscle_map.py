"""The muscle map and the ladder, rendered from the data: what is highlighted, named and linked."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from conftest import edit, render

from exercise_atlas.ladder import ladder
from exercise_atlas.model import Exercise

PECTINEUS = """- id: pectineus
  name: Pectineus
  group: adductors
  origin: Pubic bone
  insertion: Pectineal line of the femur
  innervation: Femoral nerve
  actions: [Flexes the hip]
  map:
    front: M82 126 L93 131 L88 160 L76 156 Z
"""


def muscle_map(html: str) -> ET.Element:
    match = re.search(r'<figure class="muscle-map[^>]*>.*?</figure>', html, re.S)
    assert match, "no muscle map in the output"
    return ET.fromstring(match.group(0))


def roles(figure: ET.Element, view: str) -> list[tuple[str, str]]:
    group = next(g for g in figure.iter("g") if g.get("data-view") == view)
    return [(p.get("data-muscle"), p.get("data-role")) for p in group.iter("path") if p.get("data-muscle")]


def test_a_card_highlights_its_primary_and_secondary_muscles(mini):
    figure = muscle_map(render('{{ exercise_card("ball-squeeze", variant="page") }}'))
    svg = figure.find("svg")
    assert svg.get("role") == "img"
    assert svg.find("title").text == "Muscle map: muscles worked by Ball squeeze"
    assert svg.find("desc").text == (
        "Schematic front and inner views of the hips and thighs. Strongly highlighted, main muscles: "
        "Adductor longus. Lightly highlighted, helpers: Gracilis."
    )
    # The front view draws both legs: each region twice, highlighted ones last (on top).
    assert roles(figure, "front") == [("gracilis", "secondary"), ("adductor-longus", "primary")] * 2
    assert roles(figure, "medial") == [("gracilis", "secondary")]  # longus has no medial region here
    caption = "".join(figure.find("figcaption").itertext())
    assert "Bold colour: main muscle" in caption and "Soft colour, dashed edge: helper" in caption


def test_a_new_muscle_in_the_data_appears_in_the_map_and_the_legend(mini):
    edit(mini / "data/muscles.yml", "- id: gracilis", PECTINEUS + "- id: gracilis")
    edit(mini / "docs/exercises/ball-squeeze.md", "secondary: [gracilis]", "secondary: [gracilis, pectineus]")
    html = render('{{ exercise_card("ball-squeeze") }}')
    figure = muscle_map(html)
    assert ("pectineus", "secondary") in roles(figure, "front")
    assert "Pectineus" in figure.find("svg").find("desc").text
    assert re.search(r'data-muscle="pectineus">.*?Pectineus <span class="muscle-chip__role">\(helper\)', html)


def test_plain_muscles_are_drawn_faintly_and_deep_ones_only_when_highlighted(mini):
    edit(
        mini / "data/muscles.yml", "- id: gracilis", PECTINEUS.replace("Z\n", "Z\n    deep: true\n") + "- id: gracilis"
    )
    figure = muscle_map(render('{{ muscle_map("gracilis") }}'))
    assert roles(figure, "front")[:2] == [("adductor-longus", "plain"), ("gracilis", "primary")]
    assert "pectineus" not in {m for m, _ in roles(figure, "front")}
    deep = muscle_map(render('{{ muscle_map("pectineus", caption="Deep in the groin.") }}'))
    assert ("pectineus", "primary") in roles(deep, "front")
    assert "Pectineus lies deep, under other muscles." in deep.find("svg").find("desc").text
    assert "".join(deep.find("figcaption").itertext()).startswith("Deep in the groin.")
    assert "muscle-map--aside" in deep.get("class")


def test_the_library_map_is_a_picker_of_the_muscles_the_filter_knows(mini):
    figure = muscle_map(render("{{ exercise_library() }}"))
    svg = figure.find("svg")
    assert svg.get("aria-hidden") == "true" and svg.get("role") is None  # the checkboxes are the accessible way
    pickable = {p.get("data-muscle") for p in svg.iter("path") if "pickable" in (p.get("class") or "")}
    assert pickable == {"adductor-longus", "gracilis"}


def test_contributor_text_in_the_map_is_escaped(mini):
    edit(mini / "data/muscles.yml", "name: Gracilis", "name: <b>Gracilis</b>")
    html = render('{{ muscle_map("gracilis") }}')
    assert "<b>" not in html and "&lt;b&gt;Gracilis&lt;/b&gt;" in html


def test_the_ladder_shows_every_rung_easiest_first(mini):
    html = render('{{ exercise_card("copenhagen", variant="page") }}')
    rungs = re.findall(r'<li [^>]*class="(ladder__rung[^"]*)"[^>]*>(.*?)</li>', html)
    assert [(c, re.sub("<[^>]+>", "", text)) for c, text in rungs] == [
        ("ladder__rung", "Easier Ball squeeze"),
        ("ladder__rung ladder__rung--current", "Copenhagen adduction (this exercise)"),
    ]
    assert 'aria-current="step"' in html and "Nothing harder: this is the top of its ladder." in html


def _exercises(ladders: dict[str, tuple[list[str], list[str]]]) -> dict[str, Exercise]:
    return {
        key: Exercise(key, {"name": key, "regressions": down, "progressions": up}, f"{key}.md", None)  # type: ignore[arg-type]
        for key, (down, up) in ladders.items()
    }


def test_ladder_rungs_are_transitive_with_alternatives_at_one_rung():
    exercises = _exercises(
        {
            "a": ([], ["b", "c"]),
            "b": (["a"], ["d"]),
            "c": (["a"], ["d"]),
            "d": (["b", "c"], ["e"]),
            "e": (["d"], []),
        }
    )
    assert ladder(exercises, "d") == [(-2, ["a"]), (-1, ["b", "c"]), (0, ["d"]), (1, ["e"])]
    assert ladder(exercises, "a") == [(0, ["a"]), (1, ["b", "c"]), (2, ["d"]), (3, ["e"])]


def test_a_long_ladder_shows_its_nearest_rungs():
    chain = {f"s{i}": ([f"s{i - 1}"] if i else [], [f"s{i + 1}"] if i < 9 else []) for i in range(10)}
    offsets = [offset for offset, _ in ladder(_exercises(chain), "s5")]
    assert offsets == [-4, -3, -2, -1, 0, 1, 2, 3, 4]
