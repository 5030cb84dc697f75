"""``exercise-atlas``: check content, or write the published exercise schema.

Exit codes: 0 all good, 1 content problems (one line each on stderr), 2 usage errors.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .check import check, settings_from_config
from .schema import exercise_schema_json

SCHEMA_PATH = "schema/exercise.schema.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="exercise-atlas", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check_cmd = commands.add_parser("check", help="validate all data and pages; print every problem")
    check_cmd.add_argument("-f", "--config-file", default="mkdocs.yml", help="MkDocs config (default: mkdocs.yml)")
    schema_cmd = commands.add_parser("schema", help="print the exercise JSON Schema, or write it with --write")
    schema_cmd.add_argument("--write", metavar="PATH", nargs="?", const=SCHEMA_PATH, help=f"(default: {SCHEMA_PATH})")
    args = parser.parse_args(argv)

    if args.command == "schema":
        if args.write:
            Path(args.write).parent.mkdir(parents=True, exist_ok=True)
            Path(args.write).write_text(exercise_schema_json(), encoding="utf-8")
        else:
            sys.stdout.write(exercise_schema_json())
        return 0

    try:
        settings = settings_from_config(args.config_file)
    except OSError as exc:
        print(f"{args.config_file}: cannot read: {exc.strerror}", file=sys.stderr)
        return 2
    site, problems, pages = check(settings)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) found.", file=sys.stderr)
        return 1
    print(
        f"OK: {len(site.exercises)} exercises, {len(site.muscles)} muscles, "
        f"{len(site.references)} references, {pages} pages checked."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
