"""A macro's drawings published as written, not re-serialised by Python-Markdown.

Python-Markdown writes every element of the tree as HTML, so each of a drawing's shapes gains a
closing tag (``<path d="..."></path>``): about a tenth of a figure's bytes, on every exercise page
and every card of the library. Nothing after the macro reads inside a drawing (no heading, link or
text the other processors would touch), so each ``<svg>`` goes into Python-Markdown's store of raw
HTML instead, written with empty elements closed by ``/>`` (valid for SVG in HTML), and its place
in the tree keeps the store's placeholder.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable

from markdown import Markdown
from markdown.util import AtomicString


def _svg_places(elements: Iterable[ET.Element]) -> list[tuple[ET.Element, int]]:
    """Every ``<svg>`` below the given elements, as (parent, index), outermost only."""
    places: list[tuple[ET.Element, int]] = []

    def visit(parent: ET.Element) -> None:
        for index, child in enumerate(parent):
            if child.tag == "svg":
                places.append((parent, index))
            else:
                visit(child)

    for element in elements:
        visit(element)
    return places


def stash_svgs(elements: list[ET.Element], md: Markdown) -> None:
    """Replace each drawing below ``elements`` by a placeholder for its raw HTML (last first, so
    the indexes found stay true)."""
    for parent, index in reversed(_svg_places(elements)):
        svg = parent[index]
        tail, svg.tail = svg.tail or "", None
        placeholder = md.htmlStash.store(ET.tostring(svg, encoding="unicode", method="xml"))
        if index == 0:
            parent.text = AtomicString((parent.text or "") + placeholder + tail)
        else:
            before = parent[index - 1]
            before.tail = AtomicString((before.tail or "") + placeholder + tail)
        parent.remove(svg)
