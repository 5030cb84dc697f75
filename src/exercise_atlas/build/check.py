"""The standalone content check: the build's own pipeline, collecting instead of stopping.

It reads the Markdown extensions and their options from ``mkdocs.yml``, builds one Markdown
instance exactly as the generator would, opens the build as a generator's first page does
(``pipeline.open_build``), and converts every page with it. So whatever the build
would reject is reported here, the same line for the same problem, every problem of every file
in one run, in a stable order; and what the build accepts (a macro shown inside a fence, another
extension's ``{{marker}}``) passes here too.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import markdown
import yaml

from ..content.model import OPTIONS, Settings, Site
from ..content.pages import markdown_body
from ..content.yamlsource import read_text
from ..errors import Problem
from ..extension import ExerciseAtlasExtension
from .generators import GeneratorFacts, config_paths
from .pipeline import open_build

_EXTENSION = "exercise_atlas"


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its tags (!!python/name); !ENV is read as MkDocs reads it."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    """``!ENV NAME`` or ``!ENV [NAME, ..., default]``, as MkDocs reads it: the first variable set, else the default."""
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(str(loader.construct_scalar(node)))
    items = [str(item) for item in loader.construct_sequence(node)] if isinstance(node, yaml.SequenceNode) else []
    found = next((os.environ[name] for name in items[:-1] if name in os.environ), None)
    return found if found is not None else (items[-1] if len(items) > 1 else None)


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_config(config_file: str) -> dict[str, Any]:
    """A MkDocs config file as data, its other tags (!!python/name, !relative) read as nothing."""
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
    lists = (config_paths(config.get("extra_css")), config_paths(config.get("extra_javascript")))
    facts = GeneratorFacts(docs.as_posix(), (tuple(lists[0]), tuple(lists[1])))
    build = open_build(atlas.settings(), facts, in_site=True, raises=False)
    assert build.pages is not None
    for uri, path in build.pages.items():
        if uri not in build.expected:  # no body: its rules were applied when the build opened
            continue
        md.reset()
        atlas.use(build, uri)
        text, _ = read_text(Path(path), path)
        md.convert(markdown_body(text or ""))
    if not build.pages:
        build.config_problems.append(Problem(str(docs), None, "", "no pages found; is docs_dir right?"))
    problems = sorted(set(build.all_problems()), key=Problem.sort_key)
    return Result(build.site, problems, len(build.pages))


def _load_error(exc: Exception, name: str) -> str:
    message = str(exc)
    return message if message.startswith(f"{_EXTENSION}:") else f"failed to load extension '{name}': {message}"
