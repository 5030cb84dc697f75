"""Headings around Python-Markdown's ``toc``: which ones it lists, and where their anchors go.

The library shows every exercise as a card with its name as a heading, which screen readers
list and jump between. Python-Markdown's ``toc`` would also give each one an id, a permalink and
an entry in the page's table of contents: at 1,000 exercises that is 1,000 sidebar links, 1,000
permalinks with tooltips, and a third of the library page's weight, for a page that is already a
list. A heading with ``data-toc-skip`` is hidden from ``toc`` (run between these two
treeprocessors) and comes out as the same heading, without the attribute.

A card's section headings (Dose, Cues, Safety...) stay in the table of contents, but their
anchor moves to the ``<section>`` around them (``data-anchor-on-section``): Material's search
starts a new search result at every heading with an id, so each card gave the index a dozen
entries a few words long (13,000 at 1,000 exercises, against 2,000 for the same text without
cards), every search listed them, and the index grew by a third. The link from the table of
contents lands on the section as it did on its heading. These short headings carry no
permalink of their own (the table of contents links each one): nine links, nine tooltips for
Material to set up and 0.8 KB less on every exercise page.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

ATTRIBUTE = "data-toc-skip"
SECTION_ANCHOR = "data-anchor-on-section"
_HIDDEN = "exercise-atlas-toc-skip"  # a tag toc does not take for a heading

# toc runs at priority 5: hide just before it, restore just after.
HIDE_PRIORITY, RESTORE_PRIORITY = 6, 4


class HideFromToc(Treeprocessor):
    def __init__(self, md: Markdown) -> None:
        super().__init__(md)
        self.hidden: list[tuple[ET.Element, str]] = []
        self.section_headings: list[tuple[ET.Element, ET.Element]] = []  # (section, heading)

    def run(self, root: ET.Element) -> None:
        self.hidden = []
        self.section_headings = []
        for parent in root.iter():
            for element in parent:
                if ATTRIBUTE in element.attrib and isinstance(element.tag, str):
                    self.hidden.append((element, element.tag))
                    element.tag = _HIDDEN
                    del element.attrib[ATTRIBUTE]
                elif SECTION_ANCHOR in element.attrib:
                    self.section_headings.append((parent, element))
                    del element.attrib[SECTION_ANCHOR]


class RestoreAfterToc(Treeprocessor):
    def __init__(self, md: Markdown, hide: HideFromToc) -> None:
        super().__init__(md)
        self.hide = hide

    def run(self, root: ET.Element) -> None:
        for element, tag in self.hide.hidden:
            element.tag = tag
        for section, heading in self.hide.section_headings:
            anchor = heading.attrib.pop("id", None)
            if anchor is None:  # toc is not in use
                continue
            section.set("id", anchor)
            for permalink in [a for a in heading if a.tag == "a" and "headerlink" in (a.get("class") or "").split()]:
                heading.remove(permalink)
        self.hide.hidden = []
        self.hide.section_headings = []


def register(md: Markdown) -> None:
    hide = HideFromToc(md)
    md.treeprocessors.register(hide, "exercise_atlas_toc_skip", HIDE_PRIORITY)
    md.treeprocessors.register(RestoreAfterToc(md, hide), "exercise_atlas_toc_restore", RESTORE_PRIORITY)
