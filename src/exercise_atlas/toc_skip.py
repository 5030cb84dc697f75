"""Headings the table of contents leaves out: the library's card names.

The library shows every exercise as a card with its name as a heading, which screen readers
list and jump between. Python-Markdown's ``toc`` would also give each one an id, a permalink and
an entry in the page's table of contents: at 1,000 exercises that is 1,000 sidebar links, 1,000
permalinks with tooltips, and a third of the library page's weight, for a page that is already a
list. A heading with ``data-toc-skip`` is hidden from ``toc`` (run between these two
treeprocessors) and comes out as the same heading, without the attribute.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

ATTRIBUTE = "data-toc-skip"
_HIDDEN = "exercise-atlas-toc-skip"  # a tag toc does not take for a heading

# toc runs at priority 5: hide just before it, restore just after.
HIDE_PRIORITY, RESTORE_PRIORITY = 6, 4


class HideFromToc(Treeprocessor):
    def __init__(self, md: Markdown) -> None:
        super().__init__(md)
        self.hidden: list[tuple[ET.Element, str]] = []

    def run(self, root: ET.Element) -> None:
        self.hidden = []
        for element in root.iter():
            if ATTRIBUTE in element.attrib and isinstance(element.tag, str):
                self.hidden.append((element, element.tag))
                element.tag = _HIDDEN
                del element.attrib[ATTRIBUTE]


class RestoreAfterToc(Treeprocessor):
    def __init__(self, md: Markdown, hide: HideFromToc) -> None:
        super().__init__(md)
        self.hide = hide

    def run(self, root: ET.Element) -> None:
        for element, tag in self.hide.hidden:
            element.tag = tag
        self.hide.hidden = []


def register(md: Markdown) -> None:
    hide = HideFromToc(md)
    md.treeprocessors.register(hide, "exercise_atlas_toc_skip", HIDE_PRIORITY)
    md.treeprocessors.register(RestoreAfterToc(md, hide), "exercise_atlas_toc_restore", RESTORE_PRIORITY)
