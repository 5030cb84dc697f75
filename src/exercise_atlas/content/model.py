"""The site's data model: the extension's options, one exercise, one muscle, and everything loaded.

The option table below is the one definition of the extension's options: the extension's
``config``, the standalone check's reading of ``mkdocs.yml`` and the README's option table all
come from it (a test keeps the README equal). The TypedDicts describe data that has passed the
JSON Schema in ``schema.py``; a test keeps the two equal, so code and schema cannot drift.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ContentError, Problem
from .records import ExerciseData, MuscleData
from .vocabulary import DEFAULT, Vocabulary

if TYPE_CHECKING:
    from .references import Reference
    from .yamlsource import Located


def _exercise_url(value: str) -> str:
    """A link pattern relative to the docs folder that names the exercise by ``{id}`` only."""
    names = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
    if names != {"id"}:
        other = sorted(names - {"id"})
        got = f"; got {{{other[0]}}}" if other else ""
        raise ValueError(f"expected a link pattern with {{id}}, like 'exercises/{{id}}.md'{got}")
    return value


def _folder_or_nothing(value: str) -> str:
    if value and not Path(value).is_dir():
        raise ValueError(f"no folder '{value}' (paths are relative to the folder mkdocs.yml is in)")
    return value


def _processes(value: str) -> str:
    if value != "auto" and not (value.isdigit() and int(value) <= 64):
        raise ValueError(f"expected 'auto' or a whole number from 0 to 64, got '{value}'")
    return value


def _option(default: str, help_text: str, check: object = None) -> str:
    return field(default=default, metadata={"help": help_text, "check": check})


@dataclass(frozen=True)
class Settings:
    """The extension's options: where a site keeps its data. Paths are relative to the working
    directory, which is the folder of ``mkdocs.yml`` when MkDocs, ProperDocs or Zensical build."""

    docs_dir: str = _option(
        "", "Folder of the site's pages; empty means the generator's docs_dir (set it if that is not docs)"
    )
    exercises_dir: str = _option("docs/exercises", "Folder of exercise files, one `<id>.md` each")
    muscles_file: str = _option("data/muscles.yml", "YAML file of muscles (required)")
    references_file: str = _option("data/references.bib", "BibTeX file of references (required)")
    glossary_file: str = _option(
        "includes/abbreviations.md", "Abbreviations file: tooltips on every page (with `abbr`), listed by `glossary()`"
    )
    vocabulary_file: str = _option(
        "",
        "YAML file of the site's levels, equipment, evidence kinds, muscle groups and card section; empty for the defaults",
    )
    assets_dir: str = _option(
        "assets/exercise-atlas",
        "Folder, inside the docs folder, where the extension writes its CSS and JavaScript "
        "(list them in extra_css and extra_javascript); empty for none",
    )
    export_file: str = _option("", "JSON export of the library, written by every build and check; empty for none")
    templates_dir: str = _option("", "Folder whose templates override the package's", _folder_or_nothing)
    exercise_url: str = _option(
        "exercises/{id}.md", "Link to an exercise page, relative to the docs folder", _exercise_url
    )
    references_title: str = _option("References", "Heading of each page's reference list")
    published_urls_file: str = _option("", "List of every URL the site has published; each page must be on it")
    charts_file: str = _option("", "YAML file of the evidence charts' numbers and the running stride's; empty for none")
    figure_processes: str = _option(
        "auto",
        "Other processes that draw the figures while pages render: `auto` (from 200 figures, one fewer than "
        "the cores, at most 4), a number, or `0` for none",
        _processes,
    )

    def exercise_files(self) -> list[Path]:
        folder = Path(self.exercises_dir)
        if not folder.is_dir():
            return []
        return sorted(p for p in folder.glob("*.md") if p.name != "index.md")

    @property
    def pages_dir(self) -> str:
        return self.docs_dir or "docs"


OPTIONS = {f.name: f for f in fields(Settings)}


def check_option(name: str, value: object) -> str:
    """The option's value, or ValueError with the one message the build and the check both show."""
    if isinstance(value, int) and not isinstance(value, bool):  # `figure_processes: 2` in YAML
        value = str(value)
    if not isinstance(value, str):
        raise ValueError(f"{name}: expected text, got {type(value).__name__}")
    check = OPTIONS[name].metadata["check"]
    if check is None:
        return value
    try:
        return str(check(value))
    except ValueError as exc:
        raise ValueError(f"{name}: {exc}") from None


def options_markdown() -> str:
    """The README's option table."""
    rows = ["| option | default | what it is |", "|---|---|---|"]
    rows += [f"| `{f.name}` | `{f.default or '(none)'}` | {f.metadata['help']} |" for f in fields(Settings)]
    return "\n".join(rows)


@dataclass
class Exercise:
    id: str
    data: ExerciseData
    path: str
    located: Located

    @property
    def name(self) -> str:
        return self.data["name"]

    def problem(self, path: tuple[str | int, ...], message: str) -> Problem:
        """A problem with the value at ``path`` in this exercise's file, on that value's line."""
        return Problem(self.path, self.located.line_of(path), ".".join(str(p) for p in path), message)


@dataclass
class Site:
    muscles: dict[str, MuscleData] = field(default_factory=dict)
    muscle_lines: dict[str, int] = field(default_factory=dict)  # where each muscle starts in its file
    references: dict[str, Reference] = field(default_factory=dict)
    exercises: dict[str, Exercise] = field(default_factory=dict)
    glossary: list[tuple[str, str]] = field(default_factory=list)
    charts: dict[str, Any] = field(default_factory=dict)  # the charts file: {'charts': {id: chart}}
    vocabulary: Vocabulary = DEFAULT
    unreadable: set[str] = field(default_factory=set)  # data files that failed; checks against them are skipped
    broken_exercises: set[str] = field(default_factory=set)  # ids whose files have problems
    problems: list[Problem] = field(default_factory=list)

    def require_valid(self) -> Site:
        if self.problems:
            raise ContentError(self.problems)
        return self
