"""The glossary's terms as tooltips on every page, through Python-Markdown's ``abbr`` extension.

A site once appended its abbreviations file to every page (pymdownx.snippets' ``auto_append``), so
each page parsed the same 70-odd definition blocks again: about half the Markdown time of a short
page. The build has already read and checked that file once (``glossary_file``); handing the terms
to ``abbr`` as its glossary gives the same ``<abbr>`` tooltips for nothing. A page's own
``*[TERM]: ...`` definition still wins on that page (tests/test_glossary_tooltips.py).
"""

from __future__ import annotations

from collections.abc import Iterable

from markdown import Markdown
from markdown.extensions.abbr import AbbrExtension


def lend_glossary(md: Markdown, terms: Iterable[tuple[str, str]]) -> None:
    """Give ``md``'s ``abbr`` extension the site's terms; nothing where ``abbr`` is not switched on."""
    glossary = dict(terms)
    if not glossary:
        return
    for extension in md.registeredExtensions:
        if isinstance(extension, AbbrExtension):
            extension.load_glossary(glossary)
            # Called as a page starts, before any of its definitions is read: only the glossary's
            # terms are in effect, and now they include ours.
            extension.reset()
