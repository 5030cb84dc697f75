"""Characters beyond Latin-1 as character references, on pages the extension renders (memory)."""

from __future__ import annotations

from pathlib import Path

import markdown
from conftest import render

from exercise_atlas.markup.charrefs import narrow


def test_wide_characters_become_references_outside_raw_text_and_comments() -> None:
    html = "<p>1108–1114 ↩ café 😀</p><script>var s = '–'</script><style>p::after{content:'–'}</style><!-- – -->"
    assert narrow(html) == (
        "<p>1108&#8211;1114 &#8617; café &#128512;</p>"
        "<script>var s = '–'</script><style>p::after{content:'–'}</style><!-- – -->"
    )
    assert narrow("<p>plain</p>") == "<p>plain</p>"


def test_a_page_with_a_reference_list_holds_only_latin_1(mini: Path) -> None:
    html = render("Pages 12–14 of the study [@serner2014].")
    assert "12&#8211;14" in html and "&#8617;" in html  # the text, and the link back to the citation
    assert max(map(ord, html)) <= 0xFF  # one byte a character in memory


def test_a_page_without_anything_of_the_extensions_is_left_as_python_markdown_writes_it(mini: Path) -> None:
    source = "Pages 12–14, and a footnote.[^1]\n\n[^1]: Note – here."
    plain = markdown.markdown(source, extensions=["footnotes"])
    configs = {"exercise_atlas": {"vocabulary_file": "data/vocabulary.yml"}}
    ours = markdown.markdown(source, extensions=["footnotes", "exercise_atlas"], extension_configs=configs)
    assert ours == plain and "–" in plain
