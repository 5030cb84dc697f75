"""The ``exercise_atlas`` Python-Markdown extension: macros and citations, configured per site.

Docs: README.md ("The generator") and CONTRIBUTING.md. Usage in ``mkdocs.yml``::

    markdown_extensions:
      - exercise_atlas:
          exercises_dir: docs/exercises
          muscles_file: data/muscles.yml
          references_file: data/references.bib
          templates_dir: overrides/exercise_atlas
"""

from __future__ import annotations

from dataclasses import fields

from markdown import Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension

from .citations import CitationInlineProcessor, CitationTreeprocessor
from .errors import ContentError, Problem, did_you_mean, quoted_list
from .grammar import MACRO_LINE_RE, MacroSyntaxError
from .loader import load_site
from .macros import MacroError
from .model import Settings, Site
from .pagecontext import build_token, current_page
from .render import Renderer

_DEFAULTS = Settings()


class MacroBlockProcessor(BlockProcessor):
    """A ``{{ macro(...) }}`` line becomes the macro's HTML, as elements in the tree."""

    def __init__(self, parser, extension: ExerciseAtlasExtension) -> None:
        super().__init__(parser)
        self.extension = extension

    def test(self, parent, block) -> bool:
        return MACRO_LINE_RE.search(block) is not None

    def run(self, parent, blocks) -> None:
        block = blocks.pop(0)
        match = MACRO_LINE_RE.search(block)
        before, after = block[: match.start()], block[match.end() :].lstrip("\n")
        if before.strip():
            self.parser.parseBlocks(parent, [before.rstrip("\n")])
        try:
            element = self.extension.renderer().render_macro(match.group("inner"), current_page(self.parser.md))
            parent.append(element)
        except (MacroSyntaxError, MacroError) as exc:
            raise ContentError([Problem(match.group(0).strip(), None, "", str(exc))]) from None
        if after.strip():
            blocks.insert(0, after)


class ExerciseAtlasExtension(Extension):
    def __init__(self, **kwargs) -> None:
        self.config = {
            "docs_dir": [_DEFAULTS.docs_dir, f"Folder of the site's pages (default: {_DEFAULTS.docs_dir})"],
            "exercises_dir": [
                _DEFAULTS.exercises_dir,
                f"Folder of exercise files (default: {_DEFAULTS.exercises_dir})",
            ],
            "muscles_file": [_DEFAULTS.muscles_file, f"YAML file of muscles (default: {_DEFAULTS.muscles_file})"],
            "references_file": [_DEFAULTS.references_file, f"BibTeX file (default: {_DEFAULTS.references_file})"],
            "glossary_file": [
                _DEFAULTS.glossary_file,
                f"Abbreviations file, shown by glossary() (default: {_DEFAULTS.glossary_file})",
            ],
            "export_file": ["", "JSON export of the library, kept fresh by the check (default: none)"],
            "templates_dir": ["", "Folder whose templates override the package's (default: none)"],
            "exercise_url": [_DEFAULTS.exercise_url, f"Link to an exercise page (default: {_DEFAULTS.exercise_url})"],
            "references_title": ["References", "Heading of each page's reference list (default: References)"],
        }
        super().__init__(**kwargs)
        self._renderer: Renderer | None = None
        self.md: Markdown | None = None

    def setConfig(self, key: str, value) -> None:  # noqa: N802 - Python-Markdown's name
        if key not in self.config:  # a typo in mkdocs.yml gets a hint, not a bare KeyError
            known = list(self.config)
            raise KeyError(
                f"exercise_atlas: unknown option '{key}'{did_you_mean(key, known)}; known: {quoted_list(known)}"
            )
        super().setConfig(key, value)

    def settings(self) -> Settings:
        return Settings(**{f.name: self.getConfig(f.name) for f in fields(Settings)})

    def site(self) -> Site:
        return self.renderer().site

    def renderer(self) -> Renderer:
        """Loaded on first use per page; all data problems are raised together, once."""
        if self._renderer is None:
            settings = self.settings()
            site = load_site(settings, build_token(self.md)) if self.md else load_site(settings)
            self._renderer = Renderer(site.require_valid(), settings)
        return self._renderer

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.registerExtension(self)
        self.md = md
        self._renderer = None  # Zensical reuses one extension instance for every page
        # After indented code (80), so an indented macro stays code; before headers and paragraphs.
        md.parser.blockprocessors.register(MacroBlockProcessor(md.parser, self), "exercise_atlas_macro", 75)
        # Above links (160) and reference links (170), so "[@key]" is never read as a link;
        # below backticks (190), so citations inside code stay literal.
        md.inlinePatterns.register(CitationInlineProcessor(self.site, md), "exercise_atlas_citation", 175)
        # After inline processing (20) has made the markers; before the table of contents (5)
        # so the reference list's heading is listed.
        citations = CitationTreeprocessor(md, self.renderer, self.getConfig("references_title"))
        md.treeprocessors.register(citations, "exercise_atlas_citations", 15)

    def reset(self) -> None:
        # Data may change between documents (mkdocs serve); the loader's cache decides.
        self._renderer = None


def makeExtension(**kwargs) -> ExerciseAtlasExtension:  # noqa: N802 - Python-Markdown's name
    return ExerciseAtlasExtension(**kwargs)
