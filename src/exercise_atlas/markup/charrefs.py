"""Characters beyond Latin-1 written as character references on the pages the generator renders.

MkDocs keeps every page's HTML in memory between its two passes, as a Python string, and a
string takes two bytes a character as soon as one character is beyond Latin-1 (four beyond the
Basic Multilingual Plane). A page with a reference list always has one: the "↩" back to the
citation and the en dash of page ranges. At 1,000 exercise pages that doubled what the pages held,
from 14 to 28 MiB. ``&#8211;`` is the same text to a browser, a search index (Material reads
the page with ``convert_charrefs``) and a validator, and a page has a few dozen such characters,
so it costs a few dozen bytes. Raw-text elements (``script``, ``style``) and comments are left
as they are, since a reference is not decoded there. Only pages the extension rendered something
on are touched, so ordinary Markdown comes out exactly as Python-Markdown writes it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markdown import Markdown
from markdown.postprocessors import Postprocessor

_RAW_TEXT = re.compile(r"(<script\b.*?</script>|<style\b.*?</style>|<!--.*?-->)", re.S | re.I)
_WIDE = re.compile(r"[^\x00-\xff]")


def narrow(html: str) -> str:
    """``html`` with every character beyond Latin-1 outside raw text written as ``&#N;``."""
    if html.isascii():
        return html
    parts = _RAW_TEXT.split(html)
    for index in range(0, len(parts), 2):  # the even parts are outside raw text and comments
        parts[index] = _WIDE.sub(lambda m: f"&#{ord(m.group())};", parts[index])
    return "".join(parts)


class NarrowPostprocessor(Postprocessor):
    def __init__(self, md: Markdown, rendered_here: Callable[[], bool]) -> None:
        super().__init__(md)
        self.rendered_here = rendered_here

    def run(self, text: str) -> str:
        return narrow(text) if self.rendered_here() else text
