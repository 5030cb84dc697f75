"""Shared SVG drawings, defined once per page: a page's maps are ``<use>`` references to them.

A muscle map drawn in full is about 9 KB of path data; the library and the anatomy article
show many. So each map (``templates/muscle_map.html``) only names its regions, and this
treeprocessor appends the drawing they refer to (``templates/muscle_map_defs.html``) once, at the
end of any page that has a map. It is inline, not a separate file, so it works offline, from
``file://``, under any sub-path and with the Content-Security-Policy as it is.
"""

from __future__ import annotations

import copy
import weakref
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from .musclemap import SHAPE_ID_PREFIX, shapes
from .render import Renderer, TemplateFailedError, to_element

if TYPE_CHECKING:
    from .extension import ExerciseAtlasExtension

_MAP_REFERENCE = "#" + SHAPE_ID_PREFIX
_DEFS: weakref.WeakKeyDictionary[Renderer, ET.Element] = weakref.WeakKeyDictionary()


def map_definitions(renderer: Renderer) -> ET.Element:
    """The muscle map's shared drawing as an element (rendered once per build, copied per page)."""
    if renderer not in _DEFS:
        words = renderer.site.vocabulary
        html = renderer.template(
            "muscle_map_defs.html",
            shapes=shapes(renderer.site.muscles, words.map_views),
            p=SHAPE_ID_PREFIX,
            mirrored={view.id for view in words.map_views if view.mirror},
            words=words,
        )
        _DEFS[renderer] = to_element(html, "muscle_map_defs.html")
    return copy.deepcopy(_DEFS[renderer])


def uses_muscle_map(root: ET.Element) -> bool:
    return any((use.get("href") or "").startswith(_MAP_REFERENCE) for use in root.iter("use"))


class SharedSvgTreeprocessor(Treeprocessor):
    """Append the muscle map's drawing to a page whose maps refer to it."""

    def __init__(self, md: Markdown, extension: ExerciseAtlasExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: ET.Element) -> None:
        build = self.extension.build
        if build is None or not uses_muscle_map(root):
            return
        try:
            root.append(map_definitions(build.renderer))
        except TemplateFailedError as exc:
            self.extension.page.problems.append(exc.problem)
