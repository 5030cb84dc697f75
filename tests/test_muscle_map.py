"""The muscle map and the ladder, rendered from the data: what is highlighted, named and linked."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from conftest import edit, render

from exercise_atlas.content.model import Exercise
from exercise_atlas.markup.ladder import ladder

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


def muscle_map(html: str, index: int = 0) -> Any:
    found = re.findall(r'<figure class="muscle-map[^>]*>.*?</figure>', html, re.S)
    assert len(found) > index, "no muscle map in the output"
    return ET.fromstring(found[index])


def regions(figure: Any) -> list[tuple[str, str]]:
    """(muscle, role) of each region a map draws, in drawing order."""
    roles = []
    for use in figure.iter("use"):
        if use.get("data-muscle"):
            role = next(c.rsplit("--", 1)[1] for c in use.get("class").split() if c.startswith("muscle-map__region--"))
            roles.append((use.get("data-muscle"), role))
    return roles


def shared_drawing(html: str) -> Any:
    found = re.findall(r'<svg[^>]*class="muscle-map-defs".*?</svg>\s*(?=<|$)', html, re.S)
    assert len(found) == 1, f"the shared drawing must be on the page exactly once, found {len(found)}"
    return ET.fromstring(found[0])


def test_a_card_highlights_its_primary_and_secondary_muscles(mini: Path) -> None:
    figure = muscle_map(render('{{ exercise_card("ball-squeeze", variant="page") }}'))
    svg = figure.find("svg")
    assert svg.get("role") == "img"
    assert svg.find("title").text == "Muscle map: muscles worked by Ball squeeze"
    assert svg.find("desc").text == (
        "Schematic front and inner views of the hips and thighs. Strongly highlighted, main muscles: "
        "Adductor longus. Lightly highlighted, helpers: Gracilis."
    )
    # Highlighted regions are drawn last (on top), main muscles last of all.
    assert regions(figure) == [("gracilis", "secondary"), ("adductor-longus", "primary")]
    uses = [u.get("href") for u in svg.iter("use")]
    assert uses[0] == "#atlas-mm--skin"  # under the muscles; over them, the outline, its marks, the labels
    assert uses[-3:] == ["#atlas-mm--lines", "#atlas-mm--marks", "#atlas-mm--labels"]
    caption = "".join(figure.find("figcaption").itertext())
    assert "Bold colour: main muscle" in caption and "Soft colour, dashed edge: helper" in caption


def test_a_new_muscle_in_the_data_appears_in_the_map_and_the_legend(mini: Path) -> None:
    edit(mini / "data/muscles.yml", "- id: gracilis", PECTINEUS + "- id: gracilis")
    edit(mini / "docs/exercises/ball-squeeze.md", "secondary: [gracilis]", "secondary: [gracilis, pectineus]")
    html = render('{{ exercise_card("ball-squeeze") }}')
    figure = muscle_map(html)
    assert ("pectineus", "secondary") in regions(figure)
    assert "Pectineus" in figure.find("svg").find("desc").text
    assert re.search(r'data-muscle="pectineus">.*?Pectineus <span class="muscle-chip__role">\(helper\)', html)
    shape = shared_drawing(html).find("symbol[@id='atlas-mm-pectineus']")
    assert shape is not None and shape.find("path").get("d") == "M82 126 L93 131 L88 160 L76 156 Z"
    assert shape.find("path/title").text == "Pectineus"  # the name shown on hover


def test_plain_muscles_are_drawn_faintly_and_deep_ones_only_when_highlighted(mini: Path) -> None:
    edit(
        mini / "data/muscles.yml", "- id: gracilis", PECTINEUS.replace("Z\n", "Z\n    deep: true\n") + "- id: gracilis"
    )
    html = render('{{ muscle_map("gracilis") }}')
    figure = muscle_map(html)
    # Plain muscles are one <use> of the shared plain group, under the highlighted ones.
    uses = [(u.get("href"), u.get("class")) for u in figure.find("svg").iter("use")]
    assert uses[1] == ("#atlas-mm--plain", "muscle-map__region muscle-map__region--plain")
    assert regions(figure) == [("gracilis", "primary")]
    # The group holds every muscle that is not deep; a deep one is drawn only when highlighted.
    plain = shared_drawing(html).find("symbol[@id='atlas-mm--plain']")
    assert [u.get("href") for u in plain.iter("use")] == ["#atlas-mm-adductor-longus", "#atlas-mm-gracilis"]
    deep = muscle_map(render('{{ muscle_map("pectineus", caption="Deep in the groin.") }}'))
    assert ("pectineus", "primary") in regions(deep)
    assert "muscle-map__region--deep" in next(u for u in deep.iter("use") if u.get("data-muscle") == "pectineus").get(
        "class"
    )
    assert "Pectineus lies deep, under other muscles." in deep.find("svg").find("desc").text
    assert "".join(deep.find("figcaption").itertext()).startswith("Deep in the groin.")
    assert "muscle-map--aside" in deep.get("class")


def test_the_library_map_is_a_picker_of_the_muscles_the_filter_knows(mini: Path) -> None:
    figure = muscle_map(render("{{ exercise_library() }}"))
    svg = figure.find("svg")
    assert svg.get("aria-hidden") == "true" and svg.get("role") is None  # the checkboxes are the accessible way
    picks = [u for u in svg.iter("use") if "pickable" in (u.get("class") or "")]
    assert {u.get("data-muscle") for u in picks} == {"adductor-longus", "gracilis"}
    # Each drawn shape is its own target (both legs on the front view, and the inner view), so a
    # click or tap lands on the muscle itself, not between its shapes.
    assert sorted(u.get("href") for u in picks if u.get("data-muscle") == "gracilis") == [
        "#atlas-mm-gracilis--front",
        "#atlas-mm-gracilis--front-mirror",
        "#atlas-mm-gracilis--medial",
    ]


def test_compact_cards_carry_no_map(mini: Path) -> None:
    html = render('{{ exercise_card("ball-squeeze", variant="compact") }}')
    assert "muscle-map" not in html and "<use" not in html
    # The card still names the muscles, what it works most and what helps.
    assert "<b>Works most:</b> <span>Adductor longus</span>" in html
    assert "<b>Helped by:</b> <span>Gracilis</span>" in html


# The shared drawing: defined once per page, every map a set of references to it.


def defined_ids(html: str) -> set[str]:
    return set(re.findall(r'\sid="([^"]+)"', html))


def references(html: str) -> list[str]:
    return re.findall(r'<use[^>]*\shref="#([^"]+)"', html)


def test_a_page_with_several_maps_defines_the_drawing_once_and_every_reference_resolves(mini: Path) -> None:
    html = render(
        '{{ muscle_map("gracilis") }}\n\n{{ exercise_card("ball-squeeze") }}\n\n'
        '{{ muscle_map("adductor-longus", helpers="gracilis") }}\n\n{{ exercise_library() }}'
    )
    drawing = shared_drawing(html)
    assert drawing.get("aria-hidden") == "true" and drawing.get("data-search-exclude") is not None
    assert html.rstrip().endswith("</svg>")  # after the content, where it is out of the reader's way
    ids, refs = defined_ids(html), references(html)
    assert len(refs) > 10 and set(refs) <= ids, f"unresolved: {set(refs) - ids}"
    assert len(re.findall(r'\sid="([^"]+)"', html)) == len(ids), "an id is defined twice"
    # The drawing carries no colours: the stylesheet sets them through the maps' classes (CSP: no style).
    text = ET.tostring(drawing, encoding="unicode")
    assert not re.search(r"\s(style|fill|stroke)=", text)


def test_each_map_keeps_its_own_title_and_description(mini: Path) -> None:
    html = render('{{ muscle_map("gracilis") }}\n\n{{ muscle_map("adductor-longus", helpers="gracilis") }}')
    titles = [muscle_map(html, i).find("svg/title").text for i in (0, 1)]
    descs = [muscle_map(html, i).find("svg/desc").text for i in (0, 1)]
    assert titles == ["Muscle map: Gracilis", "Muscle map: Adductor longus, Gracilis"]
    assert "main muscles: Gracilis." in descs[0] and "helpers: Gracilis." in descs[1]


def test_a_page_without_a_map_has_no_drawing(mini: Path) -> None:
    html = render('Text.\n\n{{ exercise_card("ball-squeeze", variant="compact") }}')
    assert "muscle-map-defs" not in html and "<symbol" not in html


def test_contributor_text_in_the_map_is_escaped(mini: Path) -> None:
    edit(mini / "data/muscles.yml", "name: Gracilis", "name: <b>Gracilis</b>")
    html = render('{{ muscle_map("gracilis") }}')
    assert "<b>" not in html and "&lt;b&gt;Gracilis&lt;/b&gt;" in html


def test_the_ladder_shows_every_rung_easiest_first(mini: Path) -> None:
    html = render('{{ exercise_card("copenhagen", variant="page") }}')
    rungs = re.findall(r'<li [^>]*class="(ladder__rung[^"]*)"[^>]*>(.*?)</li>', html)
    assert [(c, re.sub("<[^>]+>", "", text)) for c, text in rungs] == [
        ("ladder__rung", "Easier Ball squeeze"),
        ("ladder__rung ladder__rung--current", "Copenhagen adduction (this exercise)"),
    ]
    assert 'aria-current="step"' in html and "Nothing harder: this is the top of its ladder." in html


def _exercises(ladders: dict[str, tuple[list[str], list[str]]]) -> dict[str, Exercise]:
    return {
        key: Exercise(key, {"name": key, "regressions": down, "progressions": up}, f"{key}.md", None)  # type: ignore[arg-type, typeddict-item]
        for key, (down, up) in ladders.items()
    }


def test_ladder_rungs_are_transitive_with_alternatives_at_one_rung() -> None:
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


def test_a_long_ladder_shows_its_nearest_rungs() -> None:
    chain = {f"s{i}": ([f"s{i - 1}"] if i else [], [f"s{i + 1}"] if i < 9 else []) for i in range(10)}
    offsets = [offset for offset, _ in ladder(_exercises(chain), "s5")]
    assert offsets == [-4, -3, -2, -1, 0, 1, 2, 3, 4]


def test_a_map_refers_to_the_drawing_file_from_where_the_generator_publishes_the_page() -> None:
    """MkDocs resolves a <use> link from the page's address; Zensical rewrites it from the source."""
    from exercise_atlas.build.generators import _published_directory, _published_file, _source
    from exercise_atlas.markup.links import relative_link

    sprite = "assets/exercise-atlas/muscle-map.svg"
    expected = {
        _published_directory: {
            "index.md": sprite,
            "anatomy.md": "../" + sprite,
            "exercises/index.md": "../" + sprite,
            "exercises/side-lunge.md": "../../" + sprite,
        },
        _published_file: {"index.md": sprite, "anatomy.md": sprite, "exercises/side-lunge.md": "../" + sprite},
        _source: {"anatomy.md": sprite, "exercises/side-lunge.md": "../" + sprite},
    }
    for origin, pages in expected.items():
        for page, href in pages.items():
            assert relative_link(sprite, origin(page)) == href, (origin.__name__, page)


def test_the_drawing_file_holds_every_shape_with_no_colour_of_its_own(mini: Path) -> None:
    """The page's stylesheet does not reach into another file: colours come by inheritance."""
    from exercise_atlas.content.loader import load_site
    from exercise_atlas.content.model import Settings
    from exercise_atlas.markup.map_drawing import drawing
    from exercise_atlas.markup.renderer import Renderer

    settings = Settings(vocabulary_file="data/vocabulary.yml")
    svg = ET.fromstring(drawing(Renderer(load_site(settings).site.require_valid(), settings), standalone=True))
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    ids = {el.get("id") for el in svg.iter()}
    assert {"atlas-mm--skin", "atlas-mm--lines", "atlas-mm--marks", "atlas-mm--labels"} <= ids
    assert {"atlas-mm-gracilis", "atlas-mm-adductor-longus"} <= ids
    styled = [el.tag for el in svg.iter() if {"class", "style", "fill", "stroke"} & set(el.attrib)]
    assert styled == []
