"""Pandoc-style citations: ``[@key]`` in text becomes a numbered link to a reference list.

Numbering happens after the whole page is a tree, in document order, so citations in prose and
in cards (which emit the same marker) share one sequence and one list at the foot of the page.
Anything that looks like a citation either resolves or is reported: an unknown key, a key with
a typo in its brackets (``[@ key]``, ``[@a, @b]``) or a real key without brackets (``@key``).
"""

from __future__ import annotations

import difflib
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Collection, Iterator, Mapping

from markdown import Markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString
from markupsafe import Markup

from ..content.references import Reference
from ..errors import did_you_mean
from .grammar import BARE_KEY_RE, CITATION_RE, LOOSE_CITATION_RE, malformed_citation, match_keys

# Reports one problem on the page being rendered: the text it is about, the message, and whether
# the line names that text before the message.
Reporter = Callable[[str, str, bool], None]


def unknown_key(key: str, references: Collection[str]) -> str | None:
    """The one message for a citation key the references file does not have, or None if it has it."""
    if key in references:
        return None
    return f"unknown citation key '{key}'{did_you_mean(key, references)}"


def cite_marker(keys: list[str]) -> Markup:
    """The one citation marker; the tree-processor numbers and links it."""
    return Markup('<sup class="citation" data-cite="{}"></sup>').format(" ".join(keys))


def text_problems(text: str, references: Collection[str]) -> Iterator[str]:
    """Every citation problem in a plain-text data field, as messages."""
    valid = [m.span() for m in CITATION_RE.finditer(text)]
    for match in CITATION_RE.finditer(text):
        for key in match_keys(match):
            message = unknown_key(key, references)
            if message:
                yield message
    for match in LOOSE_CITATION_RE.finditer(text):
        if match.span() not in valid:
            yield f"{match.group(0)}: {malformed_citation(match.group(0))}"
    bracketed = [m.span() for m in LOOSE_CITATION_RE.finditer(text)] + valid
    for match in BARE_KEY_RE.finditer(text):
        if any(start <= match.start() < end for start, end in bracketed):
            continue
        message = bare_key(match.group("key"), references)
        if message:
            yield f"{match.group(0)}: {message}"


def bare_key(key: str, references: Collection[str]) -> str | None:
    """``@key`` without brackets is a mistake when the key is (nearly) a real one; else it is prose."""
    close = difflib.get_close_matches(key, list(references), n=1, cutoff=0.85)
    if not close:
        return None
    return f"a citation needs square brackets: write [@{close[0]}]"


class CitationInlineProcessor(InlineProcessor):
    """``[@a; @b]`` -> a marker element; unknown keys are reported and the text kept."""

    def __init__(self, references: Callable[[], Mapping[str, Reference] | None], report: Reporter, md: Markdown):
        super().__init__(CITATION_RE.pattern, md)
        self.references = references
        self.report = report

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[ET.Element | str, int, int]:  # type: ignore[override]  # noqa: N802 - as the stubs declare
        keys = match_keys(m)
        references = self.references()
        if references is None:  # the references file is broken, and reported once
            return AtomicString(m.group(0)), m.start(0), m.end(0)
        messages = [msg for key in keys if (msg := unknown_key(key, references))]
        for message in messages:
            self.report(m.group(0), message, False)
        if messages:
            return AtomicString(m.group(0)), m.start(0), m.end(0)
        return ET.fromstring(cite_marker(keys)), m.start(0), m.end(0)


class MalformedCitationInlineProcessor(InlineProcessor):
    """``[@ key]``, ``[@a, @b]``: reported with what was meant. Runs after the strict pattern."""

    def __init__(self, report: Reporter, md: Markdown) -> None:
        super().__init__(LOOSE_CITATION_RE.pattern, md)
        self.report = report

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[str, int, int]:  # type: ignore[override]  # noqa: N802 - as the stubs declare
        self.report(m.group(0), malformed_citation(m.group(0)), True)
        return AtomicString(m.group(0)), m.start(0), m.end(0)


class BareKeyInlineProcessor(InlineProcessor):
    """``@serner2014`` in prose: a citation without its brackets."""

    def __init__(self, references: Callable[[], Mapping[str, Reference] | None], report: Reporter, md: Markdown):
        super().__init__(BARE_KEY_RE.pattern, md)
        self.references = references
        self.report = report

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[str | None, int | None, int | None]:  # type: ignore[override]  # noqa: N802 - as the stubs declare
        references = self.references()
        message = bare_key(m.group("key"), references) if references is not None else None
        if message is None:
            return None, None, None  # prose, such as a handle: leave it alone
        self.report(m.group(0), message, True)
        return AtomicString(m.group(0)), m.start(0), m.end(0)


class CitationTreeprocessor(Treeprocessor):
    """Number every citation marker and append the page's reference list."""

    def __init__(
        self,
        md: Markdown,
        references: Callable[[], Mapping[str, Reference] | None],
        reference_list: Callable[[list[str]], ET.Element],
        cited: Callable[[list[str]], None],
    ) -> None:
        super().__init__(md)
        self.references = references
        self.reference_list = reference_list
        self.cited = cited

    def run(self, root: ET.Element) -> None:
        markers = [el for el in root.iter("sup") if el.get("class") == "citation" and el.get("data-cite")]
        if not markers:
            return
        references = self.references()
        if references is None:
            return
        numbers: dict[str, int] = {}
        for marker in markers:
            self._fill(marker, numbers, references)
        self.cited(list(numbers))
        root.append(self.reference_list(list(numbers)))

    @staticmethod
    def _fill(marker: ET.Element, numbers: dict[str, int], references: Mapping[str, Reference]) -> None:
        keys = [key for key in marker.attrib.pop("data-cite").split() if key in references]
        marker.text = "["
        for index, key in enumerate(keys):
            first_use = key not in numbers
            number = numbers.setdefault(key, len(numbers) + 1)
            link = ET.SubElement(marker, "a", {"href": f"#ref-{key}", "title": references[key].short})
            if first_use:
                link.set("id", f"cite-{key}")
            link.text = str(number)
            link.tail = ", " if index < len(keys) - 1 else "]"
