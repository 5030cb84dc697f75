"""``exercise-atlas``: the command line of an exercise atlas site, one subcommand per job.

Exit codes: 0 all good, 1 content problems (one line each on stderr), 2 usage errors.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any, cast

from ..build.check import check, read_config, settings_from_config
from ..build.pipeline import write_generated_files
from ..content.loader import load_site
from ..content.model import Settings
from ..content.patterns import ID_PATTERN, PATTERN_HINTS
from ..content.schemas import published_schemas, schema_json
from ..content.vocabulary import load_vocabulary
from ..errors import Problem
from ..markup.renderer import Renderer
from ..outputs.export import refresh_export
from .newsite import init_site
from .scaffold import new_exercise

SCHEMA_DIR = "schema"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="exercise-atlas",
        description="Check, scaffold and prepare an exercise atlas site (run it in the folder of mkdocs.yml).",
        epilog="exercise-atlas COMMAND --help tells more. Exit codes: 0 all good, 1 content problems, 2 usage errors.",
    )
    commands = parser.add_subparsers(dest="command", required=True, title="commands", metavar="COMMAND")
    check_cmd = commands.add_parser("check", help="check all data and pages; one line per problem")
    check_cmd.add_argument("-f", "--config-file", default="mkdocs.yml", help="MkDocs config (default: mkdocs.yml)")
    schema_cmd = commands.add_parser("schema", help="print the exercise schema (--write: both schemas)")
    schema_cmd.add_argument("--write", metavar="DIR", nargs="?", const=SCHEMA_DIR, help=f"(default: {SCHEMA_DIR})")
    schema_cmd.add_argument("-f", "--config-file", default="mkdocs.yml", help="MkDocs config (default: mkdocs.yml)")
    export_cmd = commands.add_parser("export", help="write the library's JSON export (export_file)")
    export_cmd.add_argument("-f", "--config-file", default="mkdocs.yml", help="MkDocs config (default: mkdocs.yml)")
    prepare_cmd = commands.add_parser("prepare", help="write the generated files a build publishes")
    prepare_cmd.add_argument("-f", "--config-file", default="mkdocs.yml", help="MkDocs config (default: mkdocs.yml)")
    new_cmd = commands.add_parser("new", help="write a new exercise to fill in (make serve shows the draft)")
    new_cmd.add_argument("id", help="lower-case words joined by hyphens, e.g. side-plank-adduction")
    new_cmd.add_argument("name", help='display name, e.g. "Side plank adduction"')
    new_cmd.add_argument("-f", "--config-file", default="mkdocs.yml", help="MkDocs config (default: mkdocs.yml)")
    figure_cmd = commands.add_parser("figure", help="preview one exercise's figure and its problems")
    figure_cmd.add_argument("id", help="the exercise's id, e.g. side-lunge")
    figure_cmd.add_argument("-o", "--out", default="figure-preview.html", help="(default: figure-preview.html)")
    figure_cmd.add_argument("--watch", action="store_true", help="rewrite the page on every save of the exercise")
    figure_cmd.add_argument("-f", "--config-file", default="mkdocs.yml", help="MkDocs config (default: mkdocs.yml)")
    init_cmd = commands.add_parser("init", help="write a new site of your own that builds at once")
    init_cmd.add_argument("folder", help="a new or empty folder")
    init_cmd.add_argument("--name", default="My Exercise Atlas", help="the site's name")
    init_cmd.add_argument("--url", help="the address the site will live at, e.g. https://example.org/my-site/")
    args = parser.parse_args(argv)
    if args.command == "init":
        return _init(Path(args.folder), args.name, args.url)

    if not Path(args.config_file).is_file():
        print(f"{args.config_file}: no such file; run this in the folder of your mkdocs.yml", file=sys.stderr)
        return 2
    if args.command == "schema":
        site_url = read_config(args.config_file).get("site_url")
        return _schema(args.write, settings_from_config(args.config_file), str(site_url or "") or None)
    if args.command == "new":
        return _new(args.id, args.name, settings_from_config(args.config_file))
    if args.command == "export":
        return _export(settings_from_config(args.config_file))
    if args.command == "prepare":
        return _prepare(settings_from_config(args.config_file))
    if args.command == "figure":
        return _figure(args.id, Path(args.out), args.watch, settings_from_config(args.config_file))
    result = check(args.config_file)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    if result.problems or result.site is None:
        print(f"{len(result.problems)} problem(s) found.", file=sys.stderr)
        return 1
    site = result.site
    print(
        f"OK: {_count(len(site.exercises), 'exercise')}, {_count(len(site.muscles), 'muscle')}, "
        f"{_count(len(site.references), 'reference')}, {_count(result.pages, 'page')} checked."
    )
    return 0


def _new(exercise_id: str, name: str, settings: Settings) -> int:
    if not re.match(ID_PATTERN, exercise_id):
        print(f"id: expected {PATTERN_HINTS[ID_PATTERN]}, got '{exercise_id}'", file=sys.stderr)
        return 2
    try:
        path = new_exercise(exercise_id, name, settings, load_site(settings).site)
    except FileExistsError as exc:
        print(f"{exc}; choose another id or edit that file", file=sys.stderr)
        return 2
    print(f"Wrote {path.as_posix()}. Replace every PLACEHOLDER; `exercise-atlas check` lists any left.")
    return 0


def _init(folder: Path, name: str, url: str | None) -> int:
    try:
        written = init_site(folder, name, url)
    except (FileExistsError, ValueError) as exc:
        print(exc, file=sys.stderr)
        return 2
    print(f"Wrote {len(written)} files in {folder.as_posix()}. Next:")
    print(f"  cd {folder.as_posix()} && pip install mkdocs-material && mkdocs serve")
    print(
        "Then edit data/muscles.yml, data/references.bib and docs/exercises/; `exercise-atlas check` lists any problem."
    )
    return 0


def _schema(folder: str | None, settings: Settings, site_url: str | None = None) -> int:
    """The schemas made with the site's vocabulary: printed, or written for editors and the docs."""
    vocabulary, problems = load_vocabulary(settings.vocabulary_file)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    schemas = published_schemas(vocabulary, site_url)
    if not folder:
        sys.stdout.write(schema_json(schemas["exercise.schema.json"]))
        return 0
    Path(folder).mkdir(parents=True, exist_ok=True)
    for name, schema in schemas.items():
        (Path(folder) / name).write_text(schema_json(schema), encoding="utf-8")
    return 0


def _figure(exercise_id: str, out: Path, watch: bool, settings: Settings) -> int:
    from ..figures.preview import write_preview

    path = Path(settings.exercises_dir) / f"{exercise_id}.md"
    if not path.is_file():
        print(f"{path}: no such exercise; the id is the file's name without .md", file=sys.stderr)
        return 2

    def site_problems() -> tuple[list[Problem], dict[str, dict[str, Any]], dict[str, tuple[str, ...]]]:
        site = load_site(settings).site
        muscles = cast(dict[str, dict[str, Any]], dict(site.muscles))
        return list(site.problems), muscles, dict(site.vocabulary.figure_regions)

    try:
        return write_preview(path, out, site_problems, watch)
    except KeyboardInterrupt:
        return 0


def _export(settings: Settings) -> int:
    site = load_site(settings).site
    if site.problems or not settings.export_file:
        reason = "fix the problems `exercise-atlas check` lists first" if site.problems else "set export_file"
        print(f"nothing exported: {reason}", file=sys.stderr)
        return 1
    refresh_export(site, settings)
    print(f"Wrote {settings.export_file}")
    return 0


def _prepare(settings: Settings) -> int:
    """Before a generator starts: it publishes only the files it finds then."""
    site = load_site(settings).site
    write_generated_files(site, settings, Renderer(site, settings))
    if site.problems:
        print("assets written; the export and the map's drawing wait for the problems `exercise-atlas check` lists")
    return 0


if __name__ == "__main__":  # last, so every function it calls is defined
    sys.exit(main())


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
