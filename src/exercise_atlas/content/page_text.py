"""Rules for a page's own Markdown that the linter or a reader would apply: links that lead
nowhere, an image without alt text, a heading that skips a level, indentation made of characters
that only look like spaces.

Judged from the page's source, line by line, so the check and every generator report the same
line. An anchor (``page.md#part``) is judged once every page has rendered (``Build``), because its
target's ids come from the rendered page (the table of contents, the cards).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import Problem, did_you_mean
from .yamlsource import invisible_indent

_FENCE_RE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_CODE_SPAN_RE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")
# [text](target "title"), ![alt](target); the target may be in <angle brackets>.
_LINK_RE = re.compile(r"(?P<image>!?)\[(?P<text>[^\]\n]*)\]\(\s*<?(?P<target>[^)\s>]*)>?(?:\s+[\"'][^\n]*?[\"'])?\s*\)")
_DEFINITION_RE = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*<?(?P<target>[^\s>]+)")
_HTML_IMAGE_RE = re.compile(r"<img\b(?![^>]*\balt=)[^>]*>", re.I)
_HEADING_RE = re.compile(r"^(#{1,6})(?:[ \t]|$)")
_SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass(frozen=True)
class Anchor:
    """A link to a part of a page, judged when the target's ids are known."""

    path: str
    line: int | None
    field: str
    target: str  # the page, relative to the docs folder
    anchor: str


def page_text_problems(
    shown: str, text: str, body_line: int, src_uri: str, pages: set[str], docs_dir: str
) -> tuple[list[Problem], list[Anchor]]:
    """Every problem of a page's Markdown body, and the anchors it links to."""
    body = text.splitlines()[body_line - 1 :]
    problems = invisible_indent("\n".join(body), shown, body_line)
    anchors: list[Anchor] = []
    last_level = 0
    for number, line in _prose_lines(body, body_line):
        heading = _HEADING_RE.match(line)
        if heading:
            level = len(heading.group(1))
            if last_level and level > last_level + 1:
                message = (
                    f"a level-{level} heading under a level-{last_level} one; use {'#' * (last_level + 1)} "
                    "(headings go down one level at a time, so screen readers can follow the outline)"
                )
                problems.append(Problem(shown, number, "", message))
            last_level = level
        for match in _LINK_RE.finditer(line):
            if match.group("image") and not match.group("text").strip():
                message = (
                    "an image without alt text; describe what it shows between the brackets: ![what it shows](...)"
                )
                problems.append(Problem(shown, number, match.group(0), message))
            found = link_problem(match.group("target"), src_uri, pages, docs_dir, shown, number)
            problems += found[0]
            anchors += found[1]
        definition = _DEFINITION_RE.match(line)
        if definition:
            found = link_problem(definition.group("target"), src_uri, pages, docs_dir, shown, number)
            problems += found[0]
            anchors += found[1]
        if _HTML_IMAGE_RE.search(line):
            message = 'an <img> without alt text; add alt="what it shows"'
            problems.append(Problem(shown, number, "", message))
    return problems, anchors


def link_problem(
    target: str, from_uri: str, pages: set[str], docs_dir: str, shown: str, line: int | None, field: str = ""
) -> tuple[list[Problem], list[Anchor]]:
    """A relative link's target must be a page or file of the site; ``from_uri`` is the page it is
    written on ('' for a path relative to the docs folder). Other addresses are the reader's to follow."""
    if not target or _SCHEME_RE.match(target) or target.startswith("/"):
        return [], []
    path, _, anchor = target.partition("#")
    path = path.partition("?")[0]
    field = field or target
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(from_uri), path)) if path else from_uri
    if path and (resolved == ".." or resolved.startswith("../")):
        return [Problem(shown, line, field, "points outside the docs folder; link to a page of the site")], []
    if path and resolved.endswith(".md") and resolved not in pages:
        hint = did_you_mean(resolved, sorted(pages))
        return [Problem(shown, line, field, f"no page '{resolved}' in the docs folder{hint}")], []
    is_file = path and not resolved.endswith(".md") and "." in posixpath.basename(resolved)
    if is_file and not (Path(docs_dir) / resolved).is_file():
        return [Problem(shown, line, field, f"no file '{resolved}' in the docs folder")], []
    if anchor and resolved.endswith(".md"):
        return [], [Anchor(shown, line, field, resolved, anchor)]
    return [], []


def anchor_problems(anchors: list[Anchor], ids: dict[str, set[str]]) -> list[Problem]:
    """Anchors that no rendered page has: a heading renamed, or a typo."""
    problems = []
    for link in anchors:
        known = ids.get(link.target, set())
        if link.anchor not in known:
            hint = did_you_mean(link.anchor, sorted(known))
            message = f"'{link.target}' has no heading or part with the id '#{link.anchor}'{hint}"
            problems.append(Problem(link.path, link.line, link.field, message))
    return problems


def _prose_lines(body: list[str], first: int) -> Iterator[tuple[int, str]]:
    """Lines outside fenced code, with code spans blanked out."""
    fence = ""
    for number, line in enumerate(body, start=first):
        opening = _FENCE_RE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = ""
            continue
        if opening:
            fence = opening.group(1)
            continue
        yield number, _CODE_SPAN_RE.sub(lambda m: " " * len(m.group(0)), line)
