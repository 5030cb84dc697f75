"""The standalone content check: the build's own pipeline, collecting instead of stopping.

It reads the Markdown extensions and their options from ``mkdocs.yml``, builds one Markdown
instance exactly as the generator would, and converts every page with it. So whatever the build
would reject is reported here, the same line for the same problem, every problem of every file
in one run, in a stable order; and what the build accepts (a macro shown inside a fence, another
extension's ``{{marker}}``) passes here too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import markdown
import yaml

from .errors import Problem
from .extension import ExerciseAtlasExtension
from .model import OPTIONS, Settings, Site
from .pages import markdown_body
from .yamlsource import read_text

_EXTENSION = "exercise_atlas"


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its tags (!ENV, !!python/name)."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_config(config_file: str) -> dict[str, Any]:
    """A MkDocs config file as data, its tags (!ENV, !!python/name) read as nothing."""
    with open(config_file, encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=_ConfigLoader)
    return data if isinstance(data, dict) else {}


def extension_setup(config: dict[str, Any]) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """The ``markdown_extensions`` list and options, as MkDocs passes them to Python-Markdown."""
    names: list[str] = ["toc", "tables", "fenced_code"]  # MkDocs always adds these
    options: dict[str, dict[str, Any]] = {}
    entries = config.get("markdown_extensions") or []
    for entry in [{k: v} for k, v in entries.items()] if isinstance(entries, dict) else entries:
        if isinstance(entry, str):
            name, settings = entry, None
        elif isinstance(entry, dict) and len(entry) == 1:
            name, settings = next(iter(entry.items()))
        else:
            continue
        if name not in names:
            names.append(name)
        if settings:
            options[name] = settings
    if _EXTENSION not in names:
        names.append(_EXTENSION)
    return names, options


def settings_from_config(config_file: str) -> Settings:
    """The extension's options as written in the config file (a wrong one is the check's to report)."""
    options: dict[str, Any] = extension_setup(read_config(config_file))[1].get(_EXTENSION) or {}
    return Settings(**{k: str(v) for k, v in options.items() if k in OPTIONS})


@dataclass
class Result:
    site: Site | None
    problems: list[Problem] = field(default_factory=list)
    pages: int = 0


def check(config_file: str = "mkdocs.yml") -> Result:
    """Every problem in the site's data and pages, by the build's own rules."""
    config = read_config(config_file)
    names, options = extension_setup(config)
    try:
        md = markdown.Markdown(extensions=names, extension_configs=options)
    except Exception as exc:
        failing = next((n for n in names if n in str(exc) or n == _EXTENSION), "")
        return Result(None, [Problem(config_file, None, "markdown_extensions", _load_error(exc, failing))])
    atlas = next(e for e in md.registeredExtensions if isinstance(e, ExerciseAtlasExtension))
    docs = Path(str(config.get("docs_dir") or "docs"))
    atlas.collect, atlas.token, atlas.docs_dir = True, object(), docs.as_posix()
    atlas.lists = (_paths(config.get("extra_css")), _paths(config.get("extra_javascript")))
    pages = sorted(p for p in docs.rglob("*.md") if not any(part.startswith(".") for part in p.parts))
    atlas.page_paths = {path.relative_to(docs).as_posix(): path.as_posix() for path in pages}
    for path in pages:
        md.reset()
        atlas.page_uri = path.relative_to(docs).as_posix()
        text, _ = read_text(path, path.as_posix())
        md.convert(markdown_body(text or ""))
    if atlas.build is None:  # every page is empty, or there are none: the data is still checked
        md.reset()
        atlas.page_uri = None
        md.convert("-")
    assert atlas.build is not None
    if not pages:
        atlas.build.config_problems.append(Problem(str(docs), None, "", "no pages found; is docs_dir right?"))
    problems = sorted(set(atlas.build.all_problems()), key=Problem.sort_key)
    return Result(atlas.build.site, problems, len(pages))


def _paths(entries: object) -> list[str]:
    """``extra_css``/``extra_javascript`` entries as paths (MkDocs also allows mappings with ``path``)."""
    items = entries if isinstance(entries, list) else []
    return [str(item.get("path")) if isinstance(item, dict) else str(item) for item in items]


def _load_error(exc: Exception, name: str) -> str:
    message = str(exc)
    return message if message.startswith(f"{_EXTENSION}:") else f"failed to load extension '{name}': {message}"
