"""The site's glossary handed to Python-Markdown's ``abbr`` extension (markup/glossary_tooltips.py).

Markdown in, HTML out, as Python-Markdown's own tests show them. The build hands the terms over
as each page of a site starts; the portability tests check the built site under all three
generators.
"""

from __future__ import annotations

import markdown

from exercise_atlas.markup.glossary_tooltips import lend_glossary

TERMS = [("EMG", "Electromyography: recording a muscle's electrical activity"), ("ROM", "Range of motion")]


def convert(source: str, extensions: list[str]) -> str:
    md = markdown.Markdown(extensions=extensions)
    lend_glossary(md, TERMS)
    return md.convert(source)


def test_a_term_on_the_page_gets_the_glossarys_definition() -> None:
    assert convert("EMG shows it; ROM does not.", ["abbr"]) == (
        '<p><abbr title="Electromyography: recording a muscle\'s electrical activity">EMG</abbr> shows it; '
        '<abbr title="Range of motion">ROM</abbr> does not.</p>'
    )


def test_the_pages_own_definition_wins_on_that_page() -> None:
    source = "EMG shows it.\n\n*[EMG]: Electromyography, as this page means it"
    assert (
        convert(source, ["abbr"]) == '<p><abbr title="Electromyography, as this page means it">EMG</abbr> shows it.</p>'
    )


def test_without_abbr_nothing_changes() -> None:
    assert convert("EMG shows it.", []) == "<p>EMG shows it.</p>"
