"""The ``exercise_atlas`` Python-Markdown extension: macros and citations, configured per site.

Docs: README.md ("The generator") and CONTRIBUTING.md. Usage in ``mkdocs.yml``::

    markdown_extensions:
      - exercise_atlas:
          exercises_dir: docs/exercises
          muscles_file: data/muscles.yml
          references_file: data/references.bib

Every problem on a page is collected while the page is rendered, with its file and line. Inside
a site (MkDocs, ProperDocs, Zensical) the build goes on to the last page and then fails once with
every problem of the site, as ``exercise-atlas check`` (which opens its build the same way) prints
them; outside one (plain Python-Markdown) a conversion fails at the end of its page.

Constructing the extension reads and writes nothing, and a page with no macro and no citation in
a folder with no site data converts as plain Python-Markdown would.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from .build.generators import current_page, generator_facts, page_file
from .build.pipeline import Build, OpenBuilds
from .build.preview import drafts_set_aside, heading, mark_placeholders
from .content.model import OPTIONS, Settings, check_option
from .content.pages import PLACEHOLDER, Page
from .content.references import Reference
from .errors import OptionError, did_you_mean, fail_build, quoted_list, raise_without_source
from .markup.charrefs import NarrowPostprocessor
from .markup.citations import (
    BareKeyInlineProcessor,
    CitationInlineProcessor,
    CitationTreeprocessor,
    MalformedCitationInlineProcessor,
)
from .markup.glossary_tooltips import lend_glossary
from .markup.grammar import INLINE_MACRO_RE, MACRO_LINE_RE, MacroSyntaxError
from .markup.macros import AlreadyReportedError, MacroError
from .markup.map_drawing import SharedSvgTreeprocessor
from .markup.raw_svg import stash_svgs
from .markup.renderer import TemplateFailedError
from .markup.toc_skip import register as register_toc_skip

_STANDALONE = "a macro must stand alone on its own line, with no indentation"


class MacroBlockProcessor(BlockProcessor):
    """A ``{{ macro(...) }}`` line becomes the macro's HTML, as elements in the tree."""

    def __init__(self, parser: BlockParser, extension: ExerciseAtlasExtension) -> None:
        super().__init__(parser)
        self.extension = extension

    def test(self, parent: ET.Element, block: str) -> bool:
        return MACRO_LINE_RE.search(block) is not None

    def run(self, parent: ET.Element, blocks: list[str]) -> None:
        block = blocks.pop(0)
        match = MACRO_LINE_RE.search(block)
        assert match is not None  # test() found it
        before, after = block[: match.start()], block[match.end() :].lstrip("\n")
        if before.strip():
            self.parser.parseBlocks(parent, [before.rstrip("\n")])
        elements = self.extension.render_macro(match.group(0).strip(), match.group("inner"))
        stash_svgs(elements, self.parser.md)
        parent.extend(elements)
        if after.strip():
            blocks.insert(0, after)


class InlineMacroProcessor(InlineProcessor):
    """A macro call inside a sentence: reported, and never published as literal text."""

    def __init__(self, extension: ExerciseAtlasExtension, md: Markdown) -> None:
        super().__init__(INLINE_MACRO_RE.pattern, md)
        self.extension = extension

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[str, int, int]:  # type: ignore[override]  # noqa: N802 - as the stubs declare
        self.extension.report(m.group(0), _STANDALONE, False)
        return AtomicString(m.group(0)), m.start(0), m.end(0)


class PageStart(Preprocessor):
    """Before anything else on a page: read the page's own file and apply the page rules."""

    def __init__(self, extension: ExerciseAtlasExtension, md: Markdown) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        self.extension.start_page()
        return lines


class TreeDone(Treeprocessor):
    """Last of all tree-processors: the page's tree is whole. Before this, the table of contents
    (and MkDocs' title) run the postprocessors over single headings' text, which is not the page's
    end."""

    def __init__(self, extension: ExerciseAtlasExtension, md: Markdown) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: ET.Element) -> None:
        self.extension.tree_done = True


class PageEnd(Postprocessor):
    """After everything else on a page: hand its problems to the build, which decides when to fail."""

    def __init__(self, extension: ExerciseAtlasExtension, md: Markdown) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, text: str) -> str:
        if not self.extension.tree_done:
            return text  # a heading's text, run through the postprocessors by the table of contents
        self.extension.end_page(text)
        build = self.extension.build
        return mark_placeholders(text) if build is not None and build.drafts and PLACEHOLDER in text else text


class ExerciseAtlasExtension(Extension):
    # A generator makes a new Markdown instance, and so a new extension, for every page: the build
    # those pages share is found here (see OpenBuilds). The check hands its own build to use().
    open_builds = OpenBuilds()

    def __init__(self, **kwargs: Any) -> None:
        self.config = {name: [option.default, option.metadata["help"]] for name, option in OPTIONS.items()}
        super().__init__(**kwargs)
        self.md: Markdown | None = None
        self.build: Build | None = None
        self.page: Page = Page("", None)
        self.tree_done = False  # the page's tree is whole: its postprocessors now run on the page
        self._given: tuple[Build, str | None] | None = None

    def use(self, build: Build, uri: str | None) -> None:
        """Convert the next page as ``uri`` of ``build``: for a host that is not a generator (the
        check), which opens its build itself."""
        self._given = (build, uri)

    def setConfig(self, key: str, value: Any) -> None:  # noqa: N802 - Python-Markdown's name
        if key not in self.config:  # a typo in mkdocs.yml gets a hint, not a bare KeyError
            known = list(self.config)
            hint = did_you_mean(key, known)
            raise_without_source(
                OptionError(f"exercise_atlas: unknown option '{key}'{hint}; known: {quoted_list(known)}")
            )
        try:
            checked = check_option(key, value)
        except ValueError as exc:
            raise_without_source(OptionError(f"exercise_atlas: {exc}"))
        super().setConfig(key, checked)

    def settings(self) -> Settings:
        return Settings(**{name: self.getConfig(name) for name in OPTIONS})

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.registerExtension(self)
        self.md = md
        # First of all preprocessors (whitespace normalising is 30): the page's own file is read.
        md.preprocessors.register(PageStart(self, md), "exercise_atlas_page", 40)
        # After indented code (80), so an indented macro stays code; before headers and paragraphs.
        md.parser.blockprocessors.register(MacroBlockProcessor(md.parser, self), "exercise_atlas_macro", 75)
        # Below backticks (190), so code spans stay literal; above links (160) and reference links
        # (170), so "[@key]" is never read as a link. The strict citation form is tried first.
        md.inlinePatterns.register(InlineMacroProcessor(self, md), "exercise_atlas_inline_macro", 178)
        md.inlinePatterns.register(
            CitationInlineProcessor(self.references, self.report, md), "exercise_atlas_citation", 175
        )
        malformed = MalformedCitationInlineProcessor(self.report, md)
        md.inlinePatterns.register(malformed, "exercise_atlas_malformed_citation", 174)
        # "@name" is prose unless it nearly names a reference of an open build: it never opens one.
        md.inlinePatterns.register(
            BareKeyInlineProcessor(self.open_references, self.report, md), "exercise_atlas_bare_key", 173
        )
        # After inline processing (20) has made the markers; before the table of contents (5)
        # so the reference list's heading is listed.
        citations = CitationTreeprocessor(md, self.references, self.reference_list, self.cited)
        md.treeprocessors.register(citations, "exercise_atlas_citations", 15)
        md.treeprocessors.register(SharedSvgTreeprocessor(md, self), "exercise_atlas_shared_svg", 14)
        register_toc_skip(md)  # the library's card names: headings, but not in the table of contents
        # After raw HTML (30), footnotes (25) and "&" (20) are back in the text.
        md.postprocessors.register(NarrowPostprocessor(md, lambda: self.page.generated), "exercise_atlas_narrow", 10)
        # Last of all: every other processor has had its chance to find a problem.
        md.postprocessors.register(PageEnd(self, md), "exercise_atlas_page_end", 0)
        # After every other tree-processor (Python-Markdown's unescape is 0, MkDocs' title is 1).
        md.treeprocessors.register(TreeDone(self, md), "exercise_atlas_tree_done", -10)

    def reset(self) -> None:
        self.page = Page("", None)

    # One page.

    def start_page(self) -> None:
        assert self.md is not None
        self.tree_done = False
        if self._given is not None:
            self.build, uri = self._given
        else:
            uri = current_page(self.md)
            self.build = None
            if uri is not None or self._has_site_data():
                self.build = self.open_builds.for_page(self.settings(), generator_facts(self.md), uri)
        if uri is None or self.build is None:
            self.page = Page("", None)
            return
        path = page_file(self.md) if self._given is None else None
        self.page = self.build.read_page(uri, path or str(Path(self.build.settings.pages_dir) / uri))
        lend_glossary(self.md, self.build.site.glossary)

    def _has_site_data(self) -> bool:
        """Outside a generator, a build is opened only where the site's data is (or on demand)."""
        settings = self.settings()
        return Path(settings.muscles_file).is_file() or Path(settings.exercises_dir).is_dir()

    def _require_build(self) -> Build:
        """The build, opened now if this page is the first to need the site's data."""
        if self.build is None:
            assert self.md is not None
            self.build = self.open_builds.for_page(self.settings(), generator_facts(self.md), None)
        return self.build

    def end_page(self, html: str = "") -> None:
        build, page = self.build, self.page
        if build is None:
            return
        problems = build.finish_page(page, html)
        if problems and build.drafts:
            problems = drafts_set_aside(problems, warn=not build.drafts_named)
            build.drafts_named = True
        if problems:
            assert self.md is not None
            title = heading(len(set(problems)), build.drafts) if build.pages is not None else ""
            build.close()
            fail_build(problems, zensical_build="rendering_context" in self.md.preprocessors, heading=title)

    def render_macro(self, line: str, inner: str) -> list[ET.Element]:
        build = self._require_build()
        try:
            elements = build.renderer.render_macro(inner, self.page.src_uri)
            self.page.generated = True
            return elements
        except MacroSyntaxError as exc:
            self.page.report(line, [str(exc)], True)
        except MacroError as exc:
            self.page.report(line, exc.messages, True)
        except AlreadyReportedError:
            pass
        except TemplateFailedError as exc:
            self.page.problems.append(exc.problem)
        return []

    def report(self, snippet: str, message: str, name_it: bool) -> None:
        self.page.report(snippet, [message], name_it)

    def references(self) -> dict[str, Reference] | None:
        """The references, or None while the references file itself is broken (reported once)."""
        build = self._require_build()
        return None if "references" in build.site.unreadable else build.site.references

    def open_references(self) -> dict[str, Reference] | None:
        """The references if this page has a build open, else None."""
        return self.references() if self.build is not None else None

    def reference_list(self, keys: list[str]) -> ET.Element:
        try:
            return self._require_build().renderer.references_list(keys)
        except TemplateFailedError as exc:
            self.page.problems.append(exc.problem)
            return ET.Element("section")

    def cited(self, keys: list[str]) -> None:
        self.page.generated = True


def makeExtension(**kwargs: Any) -> ExerciseAtlasExtension:  # noqa: N802 - Python-Markdown's name
    return ExerciseAtlasExtension(**kwargs)
