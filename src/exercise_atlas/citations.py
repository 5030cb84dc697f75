"""Pandoc-style citations: ``[@key]`` in text becomes a numbered link to a reference list.

Numbering happens after the whole page is a tree, in document order, so citations in prose and
in cards (which emit the same marker) share one sequence and one list at the foot of the page.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable

from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor

from .errors import ContentError, Problem, did_you_mean
from .grammar import CITATION_RE, match_keys
from .model import Site
from .render import Renderer


class CitationInlineProcessor(InlineProcessor):
    """``[@a; @b]`` -> a marker element; unknown keys fail the build."""

    def __init__(self, site: Callable[[], Site], md) -> None:
        super().__init__(CITATION_RE.pattern, md)
        self.site = site

    def handleMatch(self, m, data):  # noqa: N802 - Python-Markdown's name
        keys = match_keys(m)
        references = self.site().references
        unknown = [k for k in keys if k not in references]
        if unknown:
            problems = [
                Problem(m.group(0), None, "", f"unknown citation key '{k}'{did_you_mean(k, references)}")
                for k in unknown
            ]
            raise ContentError(problems)
        marker = ET.Element("sup", {"class": "citation", "data-cite": " ".join(keys)})
        return marker, m.start(0), m.end(0)


class CitationTreeprocessor(Treeprocessor):
    """Number every citation marker and append the page's reference list."""

    def __init__(self, md, renderer: Callable[[], Renderer], title: str) -> None:
        super().__init__(md)
        self.renderer = renderer
        self.title = title

    def run(self, root: ET.Element) -> None:
        renderer = self.renderer()  # every page validates the site data, even one with no macros
        markers = [el for el in root.iter("sup") if el.get("class") == "citation" and el.get("data-cite")]
        if not markers:
            return
        numbers: dict[str, int] = {}
        for marker in markers:
            self._fill(marker, numbers, renderer)
        root.append(renderer.references_list(list(numbers), self.title))

    @staticmethod
    def _fill(marker: ET.Element, numbers: dict[str, int], renderer: Renderer) -> None:
        keys = marker.attrib.pop("data-cite").split()
        marker.text = "["
        for index, key in enumerate(keys):
            first_use = key not in numbers
            number = numbers.setdefault(key, len(numbers) + 1)
            link = ET.SubElement(marker, "a", {"href": f"#ref-{key}", "title": renderer.site.references[key].short})
            if first_use:
                link.set("id", f"cite-{key}")
            link.text = str(number)
            link.tail = ", " if index < len(keys) - 1 else "]"
