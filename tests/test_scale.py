"""The library at scale: what each exercise costs the library page, its table of contents and search."""

from __future__ import annotations

import re

import markdown
from conftest import render


def convert(source: str) -> tuple[str, list[dict]]:
    configs = {"toc": {"permalink": True}, "exercise_atlas": {"vocabulary_file": "data/vocabulary.yml"}}
    md = markdown.Markdown(extensions=["toc", "exercise_atlas"], extension_configs=configs)
    html = md.convert(source)
    return html, md.toc_tokens  # type: ignore[attr-defined]


def names(tokens: list[dict]) -> list[str]:
    return [t["name"] for t in tokens] + [n for t in tokens for n in names(t["children"])]


def test_library_card_names_are_headings_but_not_in_the_table_of_contents(mini):
    html, tokens = convert("# Exercises\n\n{{ exercise_library() }}")
    assert re.findall(r"<h3[^>]*>", html) == ['<h3 class="exercise-card__name">'] * 2  # no id, no permalink
    assert "data-toc-skip" not in html and "exercise-atlas-toc-skip" not in html
    assert names(tokens) == ["Exercises", "All exercises"]


def test_a_full_card_keeps_its_headings_in_the_table_of_contents(mini):
    html, tokens = convert('{{ exercise_card("ball-squeeze", variant="page") }}')
    assert "Ball squeeze" in names(tokens) and "How to do it" in names(tokens)
    assert '<h1 class="exercise-card__name" id="ball-squeeze">' in html


def test_the_library_list_is_kept_out_of_the_search_index(mini):
    html = render("{{ exercise_library() }}")
    assert re.search(r'<div class="exercise-library__list" data-search-exclude="[^"]+">', html)


def test_a_compact_card_stays_within_the_libraries_budget(mini):
    """At most 1.5 KB of HTML an exercise in the library (make bench measures it at 1,000)."""
    for exercise in ("ball-squeeze", "copenhagen"):
        card = render(f'{{{{ exercise_card("{exercise}", variant="compact") }}}}')
        assert len(card.encode()) <= 1500, (exercise, len(card.encode()))
