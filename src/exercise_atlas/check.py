"""The standalone content check: everything the build would reject, all at once, in a second.

It reads the extension's options from ``mkdocs.yml`` (so the check and the build agree on where
data lives), loads all data, then renders every macro and resolves every citation on every page.
"""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem, did_you_mean
from .export import export_problems
from .grammar import MACRO_LINE_RE, MacroSyntaxError, citation_keys, parse_macro
from .loader import load_site
from .macros import MacroError, bind
from .model import Settings, Site
from .render import Renderer
from .validate import describe_value
from .yamlsource import Located, load_yaml, read_text, split_front_matter

_FENCE_RE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN_RE = re.compile(r"(`+).*?\1")
_STRAY_MACRO_RE = re.compile(r"\{\{.*?\}\}")


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its tags (!ENV, !!python/name)."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_config(config_file: str) -> dict[str, Any]:
    """A MkDocs config file as data, its tags (!ENV, !!python/name) read as nothing."""
    with open(config_file, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_ConfigLoader) or {}  # a SafeLoader subclass


def settings_from_config(config_file: str) -> Settings:
    """The ``exercise_atlas`` options from a MkDocs config file (defaults if absent)."""
    config = read_config(config_file)
    options: dict[str, Any] = {}
    for entry in config.get("markdown_extensions") or []:
        if isinstance(entry, dict) and "exercise_atlas" in entry:
            options = entry["exercise_atlas"] or {}
    known = {f.name for f in fields(Settings)}
    return Settings(**{k: v for k, v in options.items() if k in known})


def check(settings: Settings) -> tuple[Site, list[Problem], int]:
    """All problems in data and pages, and the number of pages read."""
    site = load_site(settings)
    problems = list(site.problems)
    renderer = Renderer(site, settings) if not site.problems else None
    pages = sorted(Path(settings.docs_dir).rglob("*.md"))
    cited: set[str] = set()
    for page in pages:
        problems += check_page(page, Path(settings.docs_dir), site, renderer, cited)
    if not site.problems:
        problems += _uncited_references(site, settings, cited)
        problems += export_problems(site, settings)
    return site, sorted(set(problems), key=Problem.sort_key), len(pages)


def _uncited_references(site: Site, settings: Settings, cited_on_pages: set[str]) -> list[Problem]:
    """Every reference must be used: the bibliography is the site's sources, not a reading list."""
    cited = set(cited_on_pages)
    for exercise in site.exercises.values():
        cited.update(exercise.data["references"])
    for muscle in site.muscles.values():
        cited.update(muscle.get("references", []))
    return [
        Problem(
            settings.references_file, ref.line, key, "not cited anywhere on the site; cite it with [@key] or remove it"
        )
        for key, ref in site.references.items()
        if key not in cited
    ]


def check_page(path: Path, docs: Path, site: Site, renderer: Renderer | None, cited: set[str]) -> list[Problem]:
    """Problems on one page; adds the citation keys it uses to ``cited``."""
    shown = path.as_posix()
    text, problems = read_text(path, shown)
    if text is None:
        return problems
    first_line = 1
    parts = split_front_matter(text)
    if parts:
        front, front_line, text, first_line = parts
        located, yaml_problems = load_yaml(front, shown, front_line)
        problems += yaml_problems
        if located and isinstance(located.data, dict):
            problems += _page_meta_problems(located, docs, shown)
    in_fence = False
    for number, line in enumerate(text.splitlines(), start=first_line):
        if _FENCE_RE.match(line):
            in_fence = not in_fence
        if in_fence or line.startswith(("    ", "\t")):
            continue
        problems += _line_problems(line, shown, number, site, renderer)
        cited.update(citation_keys(_CODE_SPAN_RE.sub("", line)))
    return problems


_DOCS_PAGE_RE = re.compile(r"^[\w./-]+\.md$")
_DATE_RE = re.compile(r"^\d{4}-\d\d-\d\d$")


def _page_meta_problems(located: Located, docs: Path, shown: str) -> list[Problem]:
    """Front-matter keys the theme overrides act on: ``redirect`` and ``reviewed``."""
    problems = _redirect_problems(located, docs, shown) if "redirect" in located.data else []
    reviewed = located.data.get("reviewed")
    if reviewed is not None and not (isinstance(reviewed, str) and _DATE_RE.match(reviewed)):
        # Worded as the schema's message, so an exercise file's bad date is reported once.
        message = f"expected a date like 2026-11-25, got {describe_value(reviewed)}"
        problems.append(Problem(shown, located.line_of(("reviewed",)), "reviewed", message))
    return problems


def _redirect_problems(located: Located, docs: Path, shown: str) -> list[Problem]:
    """A redirect names the page (relative to the docs folder) that readers should land on."""
    target = located.data["redirect"]
    line = located.line_of(("redirect",))
    if not isinstance(target, str) or not _DOCS_PAGE_RE.match(target) or ".." in target.split("/"):
        return [
            Problem(
                shown,
                line,
                "redirect",
                "expected a page path relative to the docs folder, like 'exercises/copenhagen-plank.md'",
            )
        ]
    if not (docs / target).is_file():
        return [Problem(shown, line, "redirect", f"no page at '{target}' in the docs folder")]
    return []


def _line_problems(line: str, shown: str, number: int, site: Site, renderer: Renderer | None) -> list[Problem]:
    macro = MACRO_LINE_RE.match(line)
    if macro:
        try:
            if renderer:
                renderer.render_macro(macro.group("inner"))
            else:
                bind(parse_macro(macro.group("inner")))
        except (MacroSyntaxError, MacroError) as exc:
            return [Problem(shown, number, "", f"{line.strip()}: {exc}")]
        return []
    prose = _CODE_SPAN_RE.sub("", line)
    problems = []
    if _STRAY_MACRO_RE.search(prose):
        problems.append(Problem(shown, number, "", "a macro must stand alone on its own line, with no indentation"))
    if "references" not in site.unreadable:
        for key in citation_keys(prose):
            if key not in site.references:
                problems.append(
                    Problem(shown, number, "", f"unknown citation key '{key}'{did_you_mean(key, site.references)}")
                )
    return problems
