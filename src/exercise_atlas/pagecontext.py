"""Which page is being rendered, as far as the generator tells Python-Markdown.

Cards link to other exercise pages with ``.md`` links relative to the current page, because that
is the one link form MkDocs, ProperDocs and Zensical all rewrite to the final URL (and MkDocs
validates). Python-Markdown has no notion of "page", so we read what each generator leaves on the
Markdown instance; this is read-only and degrades to docs-root-relative links elsewhere.
"""

from __future__ import annotations

import posixpath

from markdown import Markdown


def current_page(md: Markdown) -> str | None:
    """The page's path relative to the docs folder (``exercises/x.md``), or None if unknown."""
    # MkDocs 1.6 and ProperDocs register a link-rewriting tree-processor that knows its file.
    if "relpath" in md.treeprocessors:
        file = getattr(md.treeprocessors["relpath"], "file", None)
        if getattr(file, "src_uri", None):
            return file.src_uri
    # Zensical registers a preprocessor holding the page being rendered.
    if "rendering_context" in md.preprocessors:
        page = getattr(md.preprocessors["rendering_context"], "page", None)
        if getattr(page, "path", None):
            return str(page.path).replace("\\", "/")
    return None


def relative_link(target: str, page: str | None) -> str:
    """``target`` (relative to the docs folder) as seen from ``page``."""
    if page is None:
        return target
    return posixpath.relpath(target, posixpath.dirname(page) or ".")
