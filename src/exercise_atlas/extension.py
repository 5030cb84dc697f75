"""The ``exercise_atlas`` Python-Markdown extension: macros and citations, configured per site.

Docs: README.md ("The generator") and CONTRIBUTING.md. Usage in ``mkdocs.yml``::

    markdown_extensions:
      - exercise_atlas:
          exercises_dir: docs/exercises
          muscles_file: data/muscles.yml
          references_file: data/references.bib

Every problem on a page is collected while the page is rendered, with its file and line. Under
MkDocs and ProperDocs the build goes on to the last page and then fails once with every problem
of the site, as ``exercise-atlas check`` (which runs this same pipeline) prints them; elsewhere it
fails at the end of the first page that has one.
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
from markdown.util import AtomicString

from .assets import create_missing_assets
from .charrefs import NarrowPostprocessor
from .citations import (
    BareKeyInlineProcessor,
    CitationInlineProcessor,
    CitationTreeprocessor,
    MalformedCitationInlineProcessor,
)
from .errors import ContentError, OptionError, did_you_mean, quoted_list, raise_without_source
from .grammar import INLINE_MACRO_RE, MACRO_LINE_RE, MacroSyntaxError
from .macros import AlreadyReportedError, MacroError
from .model import OPTIONS, Settings, check_option
from .pagecontext import (
    build_token,
    current_page,
    generator_docs_dir,
    generator_lists,
    link_origin,
    page_file,
)
from .pages import Page, markdown_body, page_problems, read_page
from .pipeline import Build, create_missing_files, relative_to_cwd, start_build
from .references import Reference
from .render import TemplateFailedError
from .shared_svg import SharedSvgTreeprocessor
from .toc_skip import register as register_toc_skip
from .yamlsource import read_text

_STANDALONE = "a macro must stand alone on its own line, with no indentation"
_CURRENT_BUILD: Build | None = None


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
        parent.extend(self.extension.render_macro(match.group(0).strip(), match.group("inner")))
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


class PageEnd(Postprocessor):
    """After everything else on a page: hand its problems to the build, which decides when to fail."""

    def __init__(self, extension: ExerciseAtlasExtension, md: Markdown) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, text: str) -> str:
        self.extension.end_page()
        return text


class ExerciseAtlasExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {name: [option.default, option.metadata["help"]] for name, option in OPTIONS.items()}
        super().__init__(**kwargs)
        self.md: Markdown | None = None
        self.collect = False  # set by the check: keep going and keep every problem
        self.page_uri: str | None = None  # set by the check: the page being converted
        self.token: object | None = None  # set by the check: one build for all its pages
        self.docs_dir: str | None = None  # set by the check: the docs_dir of mkdocs.yml
        self.page_paths: dict[str, str] | None = None  # set by the check: every page and its file
        self.lists: tuple[list[str], list[str]] | None = None  # set by the check: extra_css, extra_javascript
        self.build: Build | None = None
        self.page: Page = Page("", None)

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
        # Before a generator lists the files it will publish (it configures extensions first).
        create_missing_assets(self.settings())
        create_missing_files(self.settings())
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
        md.inlinePatterns.register(
            BareKeyInlineProcessor(self.references, self.report, md), "exercise_atlas_bare_key", 173
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

    def reset(self) -> None:
        self.page = Page("", None)

    # One page.

    def start_page(self) -> None:
        assert self.md is not None
        token = self.token if self.token is not None else build_token(self.md)
        # MkDocs makes a new Markdown instance, and so a new extension, for every page: the build
        # they share is kept here, and recognised by the generator's per-build token.
        global _CURRENT_BUILD
        if _CURRENT_BUILD is None or token is None or _CURRENT_BUILD.token is not token:
            lists = generator_lists(self.md) or self.lists
            _CURRENT_BUILD = start_build(
                self.settings(),
                token,
                generator_docs_dir(self.md) or self.docs_dir,
                lists,
                link_origin(self.md),
            )
            self.build = _CURRENT_BUILD
            self._plan(self.page_paths if self.page_paths is not None else _generator_pages(self.md))
        self.build = _CURRENT_BUILD
        uri = self.page_uri or current_page(self.md)
        if uri is None:
            self.page = Page("", None)
            return
        self.page = self._read(uri, page_file(self.md) or str(Path(self.build.settings.pages_dir) / uri))

    def _read(self, uri: str, path: str) -> Page:
        """A page's file, with the page rules applied."""
        assert self.build is not None
        shown = relative_to_cwd(path)
        page = read_page(Path(path), shown, uri, self.build.parsed.get(shown))
        exercise_page = Path(path).resolve().parent == Path(self.build.settings.exercises_dir).resolve()
        page.problems += page_problems(page, self.build.settings, exercise_page, self.build.published)
        return page

    def _plan(self, pages: dict[str, str] | None) -> None:
        """Which pages this build will render, where the generator says. Python-Markdown skips a
        page with no body (a redirect), so such a page's rules are applied here, once."""
        assert self.build is not None
        if pages is None:
            return
        self.build.pages = set(pages)
        self.build.expected = set()
        for uri, path in pages.items():
            text, _ = read_text(Path(path), path)
            if markdown_body(text or "").strip():
                self.build.expected.add(uri)
            else:
                self.build.page_problems += self._read(uri, path).problems

    def end_page(self) -> None:
        build, page = self.build, self.page
        if build is None:
            return
        build.page_problems += page.problems
        if page.src_uri:
            build.rendered.add(page.src_uri)
        if self.collect:
            return
        if build.expected is None:  # no way to know the last page: fail at the first with a problem
            problems = build.config_problems + build.site.problems + page.problems
        elif build.expected <= build.rendered:
            problems = build.all_problems()
        else:
            return
        if problems:
            raise ContentError(problems)

    def render_macro(self, line: str, inner: str) -> list[ET.Element]:
        assert self.build is not None
        try:
            elements = self.build.renderer.render_macro(inner, self.page.src_uri)
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
        if self.build is None or "references" in self.build.site.unreadable:
            return None
        return self.build.site.references

    def reference_list(self, keys: list[str]) -> ET.Element:
        assert self.build is not None
        try:
            return self.build.renderer.references_list(keys)
        except TemplateFailedError as exc:
            self.page.problems.append(exc.problem)
            return ET.Element("section")

    def cited(self, keys: list[str]) -> None:
        self.page.generated = True
        if self.build is not None:
            self.build.cited.update(keys)


def _generator_pages(md: Markdown) -> dict[str, str] | None:
    """Every page of this build and its file, where MkDocs or ProperDocs tell us; None elsewhere."""
    files = build_token(md)
    pages = getattr(files, "documentation_pages", None)
    if not callable(pages):
        return None
    return {file.src_uri: file.abs_src_path for file in pages()}


def makeExtension(**kwargs: Any) -> ExerciseAtlasExtension:  # noqa: N802 - Python-Markdown's name
    return ExerciseAtlasExtension(**kwargs)
