"""Which page is being rendered, as far as the generator tells Python-Markdown.

Cards link to other exercise pages with ``.md`` links relative to the current page, because that
is the one link form MkDocs, ProperDocs and Zensical all rewrite to the final URL (and MkDocs
validates). Python-Markdown has no notion of "page", so we read what each generator leaves on the
Markdown instance; this is read-only and degrades to docs-root-relative links elsewhere.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markdown import Markdown


def current_page(md: Markdown) -> str | None:
    """The page's path relative to the docs folder (``exercises/x.md``), or None if unknown."""
    # MkDocs 1.6 and ProperDocs register a link-rewriting tree-processor that knows its file.
    if "relpath" in md.treeprocessors:
        uri = getattr(getattr(md.treeprocessors["relpath"], "file", None), "src_uri", None)
        if isinstance(uri, str) and uri:
            return uri
    # Zensical registers a preprocessor holding the page being rendered.
    if "rendering_context" in md.preprocessors:
        path = getattr(getattr(md.preprocessors["rendering_context"], "page", None), "path", None)
        if path:
            return str(path).replace("\\", "/")
    return None


def page_file(md: Markdown) -> str | None:
    """The absolute path of the page's source file, where MkDocs or ProperDocs tell us."""
    if "relpath" in md.treeprocessors:
        path = getattr(getattr(md.treeprocessors["relpath"], "file", None), "abs_src_path", None)
        return path if isinstance(path, str) else None
    return None


def _generator_config(md: Markdown) -> Any:
    """The generator's configuration: MkDocs' (or ProperDocs'), held by its link-rewriting
    tree-processor, or Zensical's, held by its rendering-context preprocessor; None elsewhere."""
    for holder in (md.treeprocessors, md.preprocessors):
        name = "relpath" if holder is md.treeprocessors else "rendering_context"
        if name in holder:
            config = getattr(holder[name], "config", None)
            if hasattr(config, "get"):
                return config
    return None


def generator_lists(md: Markdown) -> tuple[list[str], list[str]] | None:
    """The generator's ``extra_css`` and ``extra_javascript``, where it tells us."""
    config = _generator_config(md)
    if config is None:
        return None
    return config_paths(config.get("extra_css")), config_paths(config.get("extra_javascript"))


def config_paths(entries: object) -> list[str]:
    """``extra_css``/``extra_javascript`` entries as paths (a mapping with ``path`` is allowed too)."""
    items = entries if isinstance(entries, list) else []
    return [str(item.get("path")) if isinstance(item, dict) else str(item) for item in items]


@dataclass(frozen=True)
class GeneratorFacts:
    """What the generator running the build says about the site (all None outside one)."""

    docs_dir: str | None = None
    lists: tuple[tuple[str, ...], tuple[str, ...]] | None = None  # extra_css, extra_javascript
    link_origin: Callable[[str], str] | None = None
    site_dir: str | None = None  # where the generator writes the site, if it says


def generator_facts(md: Markdown) -> GeneratorFacts:
    lists = generator_lists(md)
    return GeneratorFacts(
        generator_docs_dir(md),
        (tuple(lists[0]), tuple(lists[1])) if lists is not None else None,
        link_origin(md),
        generator_docs_dir(md, "site_dir"),
    )


def link_origin(md: Markdown) -> Callable[[str], str] | None:
    """Where a relative link written on a page is resolved from, as a path like a page's.

    MkDocs 1.6 and ProperDocs publish ``exercises/x.md`` at ``exercises/x/`` (or at
    ``exercises/x.html`` without ``use_directory_urls``) and leave a link that is not to a
    Markdown page or an image as it is: it is resolved from the published address. Zensical
    rewrites every relative link as it does a ``.md`` link: it is written from the source file.
    None where the generator says neither.
    """
    if "relpath" in md.treeprocessors:
        config = _generator_config(md)
        directory_urls = config.get("use_directory_urls") if config is not None else None
        if not isinstance(directory_urls, bool):
            return None
        return _published_directory if directory_urls else _published_file
    if "rendering_context" in md.preprocessors:
        return _source
    return None


def _published_directory(page: str) -> str:
    stem = page.removesuffix(".md")
    return stem if stem.split("/")[-1] == "index" else stem + "/index"


def _published_file(page: str) -> str:
    return page.removesuffix(".md")


def _source(page: str) -> str:
    return page


def generator_docs_dir(md: Markdown, key: str = "docs_dir") -> str | None:
    """The generator's own docs folder (or, with ``key``, another folder of its configuration),
    relative to the working directory."""
    config = _generator_config(md)
    folder = config.get(key) if config is not None else None
    if isinstance(folder, str):
        try:
            return Path(os.path.relpath(folder)).as_posix()
        except ValueError:
            return folder
    return None
