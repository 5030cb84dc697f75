"""The muscle map's shared drawing: one file for the whole site, each map a list of references.

A muscle map drawn in full is about 9 KB of path data, and the library and the anatomy article
show many. So each map (``templates/muscle_map.html``) only names its regions with ``<use>``, and
the drawing they refer to (``templates/muscle_map_defs.html``) is defined once:

- in ``muscle-map.svg`` in the assets folder, written by the build like the package's CSS, where
  the generator says how a page's relative links are resolved (MkDocs, ProperDocs and Zensical:
  ``pagecontext.link_origin``), so a map can refer to the file from any page, under any sub-path. The browser fetches it once and caches
  it; the offline worker saves it with the pages that name it. A page with a map is 7 KB and 75
  elements lighter, which every page's search indexing and anchor check no longer walk;
- otherwise (the check, another Python-Markdown host, a site without an assets folder) inline, appended once at the end
  of any page that has a map by the treeprocessor below.

Browsers do not follow a ``<use>`` into another file on ``file://``: there the maps of a site
opened from disk show no drawing (the rest of the page is unaffected).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from ..outputs.assets import write_if_changed
from .musclemap import SHAPE_ID_PREFIX, shapes
from .renderer import Renderer, TemplateFailedError, sprite_path, to_element

if TYPE_CHECKING:
    from ..extension import ExerciseAtlasExtension

_MAP_REFERENCE = "#" + SHAPE_ID_PREFIX


def drawing(renderer: Renderer, standalone: bool) -> str:
    """The shared drawing as SVG markup: a document of its own, or an element for a page."""
    words = renderer.site.vocabulary
    return renderer.template(
        "muscle_map_defs.html",
        shapes=shapes(renderer.site.muscles, words.map_views),
        p=SHAPE_ID_PREFIX,
        mirrored={view.id for view in words.map_views if view.mirror},
        words=words,
        standalone=standalone,
    )


def refresh_sprite(renderer: Renderer) -> None:
    """Write the drawing's file if it is missing or differs."""
    where = sprite_path(renderer.settings)
    if where is not None:
        write_if_changed(Path(renderer.settings.pages_dir) / where, drawing(renderer, standalone=True))


def uses_inline_drawing(root: ET.Element, raw: list[str] | None = None) -> bool:
    """Whether a map in the tree, or in the drawings kept as raw HTML (``raw``), refers to it."""
    in_raw = any(f'href="{_MAP_REFERENCE}' in block for block in raw or [])
    return in_raw or any((use.get("href") or "").startswith(_MAP_REFERENCE) for use in root.iter("use"))


class SharedSvgTreeprocessor(Treeprocessor):
    """Append the drawing to a page whose maps refer to it inline (no file to refer to)."""

    def __init__(self, md: Markdown, extension: ExerciseAtlasExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: ET.Element) -> None:
        build = self.extension.build
        if build is None or (build.renderer.sprite is not None and self.extension.page.src_uri is not None):
            return  # the maps refer to the drawing's file (not a walk over every page for nothing)
        if not uses_inline_drawing(root, [str(block) for block in self.md.htmlStash.rawHtmlBlocks]):
            return
        try:
            if build.renderer.inline_drawing is None:  # rendered once per build
                build.renderer.inline_drawing = drawing(build.renderer, standalone=False)
            root.append(to_element(build.renderer.inline_drawing, "muscle_map_defs.html"))
        except TemplateFailedError as exc:
            self.extension.page.problems.append(exc.problem)
