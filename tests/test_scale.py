"""The library at scale: what each exercise costs the library page, its table of contents and search."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import markdown
from conftest import render


def convert(source: str) -> tuple[str, list[dict[str, Any]]]:
    configs: dict[str, dict[str, Any]] = {
        "toc": {"permalink": True},
        "exercise_atlas": {"vocabulary_file": "data/vocabulary.yml"},
    }
    md = markdown.Markdown(extensions=["toc", "exercise_atlas"], extension_configs=configs)
    html = md.convert(source)
    return html, md.toc_tokens  # type: ignore[attr-defined]


def names(tokens: list[dict[str, Any]]) -> list[str]:
    return [t["name"] for t in tokens] + [n for t in tokens for n in names(t["children"])]


def test_library_card_names_are_headings_but_not_in_the_table_of_contents(mini: Path) -> None:
    html, tokens = convert("# Exercises\n\n{{ exercise_library() }}")
    assert re.findall(r"<h3[^>]*>", html) == ['<h3 class="exercise-card__name">'] * 2  # no id, no permalink
    assert "data-toc-skip" not in html and "exercise-atlas-toc-skip" not in html
    assert names(tokens) == ["Exercises", "All exercises"]


def test_a_full_card_keeps_its_headings_in_the_table_of_contents(mini: Path) -> None:
    html, tokens = convert('{{ exercise_card("ball-squeeze", variant="page") }}')
    assert "Ball squeeze" in names(tokens) and "How to do it" in names(tokens)
    assert '<h1 class="exercise-card__name" id="ball-squeeze">' in html


def test_the_library_list_is_kept_out_of_the_search_index(mini: Path) -> None:
    html = render("{{ exercise_library() }}")
    assert re.search(r'<div class="exercise-library__list" data-search-exclude="[^"]+">', html)


def test_a_compact_card_stays_within_the_libraries_budget(mini: Path) -> None:
    """At most 1.5 KB of HTML an exercise in the library (make bench measures it at 1,000)."""
    for exercise in ("ball-squeeze", "copenhagen"):
        card = render(f'{{{{ exercise_card("{exercise}", variant="compact") }}}}')
        assert len(card.encode()) <= 1500, (exercise, len(card.encode()))


def test_a_cards_sections_are_listed_in_the_table_of_contents_but_are_one_search_result(mini: Path) -> None:
    """Material's search starts a result at every heading with an id: the card's anchors sit on
    its sections, so a card is one result, not a dozen results a few words long."""
    from material.plugins.search.plugin import Parser

    html, tokens = convert('{{ exercise_card("ball-squeeze", variant="page") }}\n\n## More detail\n\nText.')
    assert names(tokens) == [
        "Ball squeeze",
        "Muscles",
        "Dose",
        "How to do it",
        "Cues",
        "Common mistakes",
        "Easier and harder",
        "Why it matters for runners",
        "Safety",
        "Evidence",
        "More detail",
        "References",
    ]
    assert '<section class="exercise-card__section exercise-card__dose" id="dose">\n<h2>Dose</h2>' in html
    assert "<h2>Dose</h2>" in html and 'href="#dose"' not in html  # the table of contents links it
    assert '<a class="headerlink" href="#more-detail"' in html  # the page's own headings keep theirs
    assert "data-anchor-on-section" not in html
    parser = Parser()
    parser.feed(html)
    parser.close()
    titles = ["".join(section.title) for section in parser.data if not section.is_excluded()]
    # The name opens the page, so the page's own result carries it (not a second result after an
    # untitled one, whose title search would take from the file name); the reference list is left
    # out (the bibliography page lists each reference once).
    assert titles == ["Ball squeeze", "More detail"]
    assert parser.data[0].id is None  # the page's own entry: its address is the page's
    card_text = "".join(parser.data[0].text)
    assert "Dose" in card_text and "Sets" in card_text and "¶" not in card_text
