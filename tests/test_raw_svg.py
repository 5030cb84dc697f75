"""A macro's drawings reach the page as written: shapes closed by ``/>``, not re-serialised with a
closing tag each, in the same place in the tree."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import markdown
from conftest import render

from exercise_atlas.markup.raw_svg import stash_svgs


def test_a_drawing_keeps_its_place_and_closes_its_shapes_with_a_slash(mini: Path) -> None:
    html = render('{{ exercise_card("ball-squeeze", variant="compact") }}')
    assert "</path>" not in html and "</ellipse>" not in html
    assert re.search(r'<path class="xf-[a-z]+" d="[^"]+" />', html)
    # Where the template put it: in the card's link, before the card's facts.
    root = ET.fromstring(html)
    assert root.find(".//svg[@class='exercise-still']") is not None
    assert html.index("<svg") < html.index("exercise-card__facts")


def test_the_placeholder_goes_where_the_drawing_was() -> None:
    md = markdown.Markdown()
    figure = ET.fromstring('<figure><p>before</p><svg><path d="M0 0"/></svg>after<figcaption>Cap</figcaption></figure>')
    stash_svgs([figure], md)
    assert [child.tag for child in figure] == ["p", "figcaption"]
    tail = figure[0].tail or ""
    assert tail.startswith("\x02") and tail.endswith("after")
    assert md.htmlStash.rawHtmlBlocks == ['<svg><path d="M0 0" /></svg>']
    first = ET.fromstring("<div><svg><g/></svg><span>x</span></div>")
    stash_svgs([first], md)
    assert first.text is not None and first.text.startswith("\x02") and [c.tag for c in first] == ["span"]
