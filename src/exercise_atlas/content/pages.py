"""One page of the site as its author wrote it: where it is, its front matter, and the rules a page
must follow. The build and ``exercise-atlas check`` both call this for every page, so a rule is
written once and reports the same line in both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from ..errors import Problem
from .dates import date_problem
from .model import Settings
from .values import describe_value
from .yamlsource import Located, load_yaml, read_text, split_front_matter

PLACEHOLDER = "PLACEHOLDER"
PLACEHOLDER_LEFT = f"{PLACEHOLDER} left from the scaffold: replace it with real text"
_DOCS_PAGE_RE = re.compile(r"^[\w./-]+\.md$")
# MkDocs' own front-matter pattern (mkdocs.utils.meta): the body it hands to Markdown follows it.
_FRONT_MATTER_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


@dataclass
class Page:
    """A page's source, and the problems found on it while it is rendered."""

    shown: str  # the path a contributor opens, relative to the working directory
    src_uri: str | None  # relative to the docs folder, POSIX
    text: str = ""
    body_line: int = 1  # first line of the body (after front matter), 1-based
    meta: Located | None = None
    problems: list[Problem] = field(default_factory=list)
    generated: bool = False  # a macro or a citation was rendered on it
    _seen: dict[str, int] = field(default_factory=dict)

    def line_of(self, snippet: str) -> int | None:
        """The line of the next occurrence of ``snippet`` in the body, in reading order."""
        wanted = self._seen.get(snippet, 0)
        found = 0
        for number, line in enumerate(self.text.splitlines()[self.body_line - 1 :], start=self.body_line):
            found += line.count(snippet)
            if found > wanted:
                self._seen[snippet] = wanted + 1
                return number
        return None

    def report(self, snippet: str, messages: list[str], name_it: bool) -> None:
        """Problems about one occurrence of ``snippet``; ``name_it`` puts the snippet before each message."""
        if not self.src_uri:  # rendering outside a site (a unit test, a README): name the text itself
            self.problems += [Problem(snippet, None, "", message) for message in messages]
            return
        line = self.line_of(snippet)
        self.problems += [Problem(self.shown, line, snippet if name_it else "", message) for message in messages]


def markdown_body(text: str) -> str:
    """The part of a page file that MkDocs hands to Python-Markdown."""
    match = _FRONT_MATTER_RE.match(text)
    return text[match.end() :].lstrip("\n") if match else text


def read_page(path: Path, shown: str, src_uri: str | None, parsed: Located | None = None) -> Page:
    """A page file with its front matter parsed (``parsed``: already, by the loader, for an exercise
    page: a library of 1,000 exercises then parses 1,000 fewer files); problems for bad input."""
    page = Page(shown, src_uri)
    raw, problems = read_text(path, shown)
    page.problems += problems
    if raw is None:
        return page
    page.text = raw
    parts = split_front_matter(raw)
    if parts:
        front, front_line, _, page.body_line = parts
        if parsed is not None:
            page.meta = parsed
        else:
            page.meta, problems = load_yaml(front, shown, front_line)
            page.problems += problems
    return page


def page_problems(page: Page, settings: Settings, exercise_page: bool, published: set[str] | None) -> list[Problem]:
    """The rules every page follows, from its front matter and text."""
    problems = _placeholders(page)
    meta = page.meta if page.meta and isinstance(page.meta.data, dict) else Located({}, {(): 1})
    problems += _reviewed(meta, page.shown)
    if "redirect" in cast(dict[str, Any], meta.data):
        return problems + _redirect(meta, Path(settings.pages_dir), page.shown)
    if not exercise_page:
        problems += _description(meta, page.shown)
    if published is not None and page.src_uri and page_url(page.src_uri) not in published:
        url = page_url(page.src_uri)
        message = f"its address {url} is not in {settings.published_urls_file}; add that line (the list only grows)"
        problems.append(Problem(page.shown, None, "", message))
    return problems


def page_url(src_uri: str) -> str:
    """The directory-style address of a page, from the site root: ``/exercises/x/``, ``/``."""
    path = src_uri[:-3]
    if path == "index" or path.endswith("/index"):
        path = path[:-5]
    else:
        path += "/"
    return "/" + path


def _placeholders(page: Page) -> list[Problem]:
    return [
        Problem(page.shown, number, "", PLACEHOLDER_LEFT)
        for number, line in enumerate(page.text.splitlines(), start=1)
        if PLACEHOLDER in line
    ]


def _reviewed(meta: Located, shown: str) -> list[Problem]:
    reviewed = cast(dict[str, Any], meta.data).get("reviewed")
    # Worded as the schema's message, so an exercise file's bad date is reported once.
    message = None if reviewed is None else date_problem(reviewed)
    return [Problem(shown, meta.line_of(("reviewed",)), "reviewed", message)] if message else []


def _description(meta: Located, shown: str) -> list[Problem]:
    """Search engines and link previews show it; Material puts it in every page's meta tags."""
    description = cast(dict[str, Any], meta.data).get("description")
    if isinstance(description, str) and 40 <= len(description) <= 160:
        return []
    got = describe_value(description) if not isinstance(description, str) else f"{len(description)} characters"
    message = f"expected a summary of the page in 40 to 160 characters, got {got}"
    return [Problem(shown, meta.line_of(("description",)), "description", message)]


def _redirect(meta: Located, docs: Path, shown: str) -> list[Problem]:
    """A redirect names the page (relative to the docs folder) that readers should land on."""
    target = cast(dict[str, Any], meta.data)["redirect"]
    line = meta.line_of(("redirect",))
    if not isinstance(target, str) or not _DOCS_PAGE_RE.match(target) or ".." in target.split("/"):
        expected = "expected a page path relative to the docs folder, like 'exercises/copenhagen-plank.md'"
        return [Problem(shown, line, "redirect", expected)]
    if not (docs / target).is_file():
        return [Problem(shown, line, "redirect", f"no page at '{target}' in the docs folder")]
    return []
