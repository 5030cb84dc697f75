"""A site's own words: nothing about the adductors or runners is built into the package."""

from __future__ import annotations

from pathlib import Path

from conftest import edit, problems, render

BALL = "docs/exercises/ball-squeeze.md"

BACK_VIEW = """
map_views:
  - id: back
    label: Back
    width: 120
    mirror: true
    skin: M10 0 L60 0 L60 300 L10 300 Z
    line: M10 0 L10 300 M60 0 L60 300
map_description: Schematic back view of both calves.
"""


def vocabulary(mini: Path, text: str) -> None:
    (mini / "data/vocabulary.yml").write_text((mini / "data/vocabulary.yml").read_text() + text, encoding="utf-8")


def test_equipment_and_groups_come_from_the_vocabulary(mini: Path) -> None:
    edit(mini / "data/vocabulary.yml", "  - {id: partner, label: Partner}", "  - {id: step, label: A stair or step}")
    edit(
        mini / "data/vocabulary.yml",
        "  - {id: other, label: Other muscles of the hip and thigh}",
        "  - {id: calf, label: Calf}",
    )
    edit(mini / BALL, "equipment: [ball]", "equipment: [step]")
    edit(mini / "data/muscles.yml", "  name: Gracilis\n  group: adductors", "  name: Gracilis\n  group: calf")
    assert problems() == []
    card = render('{{ exercise_card("ball-squeeze") }}')
    assert '<span class="exercise-card__label">Equipment:</span> A stair or step</li>' in card
    table = render('{{ muscle_table("calf") }}')
    assert 'data-muscle="gracilis"' in table and 'data-muscle="adductor-longus"' not in table
    assert 'data-muscle="adductor-longus"' in render("{{ muscle_table() }}")  # default: every muscle


def test_a_value_outside_the_vocabulary_is_one_line(mini: Path) -> None:
    edit(mini / BALL, "equipment: [ball]", "equipment: [step]")
    assert problems()[0].startswith(f"{BALL}:7: equipment.0: expected one of 'none', 'bench',")


def test_the_card_section_is_the_sites(mini: Path) -> None:
    edit(mini / "data/vocabulary.yml", "heading: Why it matters for runners", "heading: Where you use it")
    assert "<h3>Where you use it</h3>" in render('{{ exercise_card("ball-squeeze") }}')
    edit(mini / "data/vocabulary.yml", "  field: for_runners", "  field: in_daily_life")
    assert problems() == [
        f"{BALL}:2: in_daily_life: missing required field",
        f"{BALL}:26: for_runners: unknown field 'for_runners'",
        "docs/exercises/copenhagen.md:2: in_daily_life: missing required field",
        "docs/exercises/copenhagen.md:26: for_runners: unknown field 'for_runners'",
    ]


def test_a_site_draws_its_own_map_views(mini: Path) -> None:
    vocabulary(mini, BACK_VIEW)
    edit(mini / "data/muscles.yml", "    front: M92 132 L96 138 L80 212 L72 202 Z", "    back: M20 20 L50 20 L50 200 Z")
    assert problems() == [
        "data/muscles.yml:19: gracilis.map: expected a region on at least one view: 'back'",
        "data/muscles.yml:20: gracilis.map.front: unknown field 'front'",
        "data/muscles.yml:21: gracilis.map.medial: unknown field 'medial'",
    ]
    edit(
        mini / "data/muscles.yml",
        "    front: M96 140 L100 148 L89 262 L83 262 Z\n    medial: M94 130 L104 130 L88 272 L80 276 Z",
        "    back: M22 210 L48 210 L40 290 Z",
    )
    assert problems() == []
    html = render('{{ muscle_map("adductor-longus") }}')
    assert 'viewBox="0 0 120 356"' in html
    assert (
        "<desc>Schematic back view of both calves. Strongly highlighted, main muscles: Adductor longus.</desc>" in html
    )
    assert 'd="M10 0 L60 0 L60 300 L10 300 Z"' in html  # the site's own outline
    assert 'd="M20 20 L50 20 L50 200 Z"' in html


def test_a_broken_vocabulary_is_one_line(mini: Path) -> None:
    vocabulary(mini, "equipmnt: []\n")
    assert problems() == ["data/vocabulary.yml:35: equipmnt: unknown field 'equipmnt' (did you mean 'equipment'?)"]
