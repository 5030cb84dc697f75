"""The site's data model: where data lives, one exercise, and everything loaded."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ContentError, Problem
from .references import Reference
from .yamlsource import Located


@dataclass(frozen=True)
class Settings:
    """Where a site keeps its data; every path is relative to the working directory."""

    docs_dir: str = "docs"
    exercises_dir: str = "docs/exercises"
    muscles_file: str = "data/muscles.yml"
    references_file: str = "data/references.bib"
    glossary_file: str = "includes/abbreviations.md"
    export_file: str = ""  # e.g. docs/data/exercises.json; empty for no export
    templates_dir: str = ""
    exercise_url: str = "exercises/{id}.md"  # relative to docs_dir; made relative to each page

    def exercise_files(self) -> list[Path]:
        folder = Path(self.exercises_dir)
        if not folder.is_dir():
            return []
        return sorted(p for p in folder.glob("*.md") if p.name != "index.md")


@dataclass
class Exercise:
    id: str
    data: dict[str, Any]
    path: str
    located: Located

    @property
    def name(self) -> str:
        return self.data["name"]


@dataclass
class Site:
    muscles: dict[str, dict[str, Any]] = field(default_factory=dict)
    references: dict[str, Reference] = field(default_factory=dict)
    exercises: dict[str, Exercise] = field(default_factory=dict)
    glossary: list[tuple[str, str]] = field(default_factory=list)
    unreadable: set[str] = field(default_factory=set)  # data files that failed; checks against them are skipped
    broken_exercises: set[str] = field(default_factory=set)  # ids whose files have problems
    problems: list[Problem] = field(default_factory=list)

    def require_valid(self) -> Site:
        if self.problems:
            raise ContentError(self.problems)
        return self
