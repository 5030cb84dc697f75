"""The site's pages as files, read before any page renders.

Rules that need the whole site (a reference nobody cites, a published address with no page) are
judged from here, not from what the pages' rendering has seen so far. A generator renders each
page with a fresh Markdown instance and does not say when the last one is done (Zensical does
not, nor does plain Python-Markdown), so a rule judged at "the end of the build" ran under MkDocs
only. Read from the sources, it gives the same lines under every generator and in the check.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..markup.grammar import CITATION_RE, match_keys
from .pages import markdown_body
from .yamlsource import read_text

# A fenced block (``` or ~~~, as pymdownx.superfences and fenced_code read it) and a code span:
# text in them is code, never a citation. (Indented code is not told apart from the indented
# body of an admonition or a list item here; a key cited only in indented code counts as cited.)
_FENCE_RE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,}).*?^(?P=indent)(?P=fence)[ \t]*$", re.M | re.S)
_CODE_SPAN_RE = re.compile(r"(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`)", re.S)
# pymdownx.snippets' one-line include: --8<-- "file.md"
_SNIPPET_RE = re.compile(r"^[ \t]*-{1,}8<-{1,}[ \t]+(?P<q>[\"'])(?P<path>[^\"'\n]+)(?P=q)[ \t]*$", re.M)


def page_files(docs_dir: str) -> dict[str, str]:
    """Every Markdown page under ``docs_dir`` by its path there (``exercises/x.md``), as MkDocs,
    ProperDocs and Zensical find them: files and folders starting with a dot are left out."""
    docs = Path(docs_dir)
    if not docs.is_dir():
        return {}
    found = sorted(
        path for path in docs.rglob("*.md") if not any(part.startswith(".") for part in path.relative_to(docs).parts)
    )
    return {path.relative_to(docs).as_posix(): path.as_posix() for path in found}


def has_body(path: str) -> bool:
    """Python-Markdown is never handed a page with nothing after its front matter (a redirect)."""
    text, _ = read_text(Path(path), path)
    return bool(markdown_body(text or "").strip())


def cited_in_pages(pages: dict[str, str]) -> set[str]:
    """Every key cited with ``[@key]`` in the pages' text, and in the snippets they include."""
    cited: set[str] = set()
    for path in pages.values():
        text, _ = read_text(Path(path), path)
        cited |= cited_in_text(markdown_body(text or ""), included=True)
    return cited


def cited_in_text(text: str, included: bool = False) -> set[str]:
    """The keys cited in Markdown ``text``, leaving code alone; with ``included``, also in the files
    that its snippet lines include (paths relative to the working directory, as snippets reads them)."""
    prose = _CODE_SPAN_RE.sub("", _FENCE_RE.sub("", text))
    keys = {key for match in CITATION_RE.finditer(prose) for key in match_keys(match)}
    if included:
        for match in _SNIPPET_RE.finditer(prose):
            snippet = Path(match.group("path"))
            if snippet.is_file():
                keys |= cited_in_text(snippet.read_text(encoding="utf-8"))
    return keys
