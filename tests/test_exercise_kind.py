"""What kind of exercise a card is (strength, stretch, ...): the site's words, the card and the
library's filter. The library on a phone is in tests/test_library_filters.py."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import edit, problems, render

BALL = "docs/exercises/ball-squeeze.md"


def test_an_exercise_without_a_kind_is_the_vocabularys_first(mini: Path) -> None:
    html = render('{{ exercise_card("ball-squeeze", variant="compact") }}')
    assert 'data-kind="strength"' in html
    assert 'data-kind="strength"' in html and '<li class="exercise-card__kind">Strength</li>' in html


def test_a_stretch_says_so_on_its_card(mini: Path) -> None:
    edit(mini / BALL, "level: beginner\n", "level: beginner\nkind: stretch\n")
    assert problems() == []
    html = render('{{ exercise_card("ball-squeeze", variant="compact") }}')
    assert 'data-kind="stretch"' in html and ">Stretch</li>" in html


def test_a_misspelt_kind_is_one_line_with_a_suggestion(mini: Path) -> None:
    edit(mini / BALL, "level: beginner\n", "level: beginner\nkind: strech\n")
    assert problems() == [
        f"{BALL}:7: kind: expected one of 'strength', 'stretch'; got 'strech' (did you mean 'stretch'?)"
    ]


def test_a_site_names_its_own_kinds(mini: Path) -> None:
    edit(
        mini / "data/vocabulary.yml",
        "levels:",
        "kinds:\n  - {id: strength, label: Strength work}\n  - {id: mobility, label: Mobility}\nlevels:",
    )
    edit(mini / BALL, "level: beginner\n", "level: beginner\nkind: mobility\n")
    assert problems() == []
    html = render("{{ exercise_library() }}")
    assert ">Mobility</li>" in html
    kinds = re.search(r'data-facet="kind".*?</fieldset>', html, re.S)
    assert kinds is not None
    assert re.findall(r'value="([^"]+)"', kinds.group(0)) == ["strength", "mobility"]  # the site's order


def test_the_library_lists_the_easiest_first_then_by_name(mini: Path) -> None:
    def order() -> list[str]:
        return re.findall(r'<article [^>]*data-exercise="([^"]+)"', render("{{ exercise_library() }}"))

    assert order() == ["ball-squeeze", "copenhagen"]  # beginner, advanced
    edit(mini / BALL, "level: beginner", "level: advanced")
    edit(mini / "docs/exercises/copenhagen.md", "level: advanced", "level: beginner")
    assert order() == ["copenhagen", "ball-squeeze"]  # the easier first, not the name
    edit(mini / BALL, "level: advanced", "level: beginner")
    assert order() == ["ball-squeeze", "copenhagen"]  # the same level: by name
