"""Check every page of a built site with the W3C Nu HTML checker (vnu.jar); exit 1 on any error.

Usage: make validate-html      (builds first; or .venv/bin/python scripts/validate_html.py [site])

The checker is the npm package vnu-jar (pinned in package.json, installed by `npm ci`), run with
the machine's Java (11 or newer; Debian: default-jre-headless). All pages go to one Java process:
starting the JVM costs more than checking this whole site. Only errors count (warnings and info
messages are the checker's advice, not invalid HTML). One line per error, like

    exercises/index.html:629: Bad value "" for attribute "tabindex" on element "label": ...

then a count. Exit status: 0 valid, 1 errors, 2 the checker could not run.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"


class CheckerError(RuntimeError):
    """The checker could not run (no Java, no vnu.jar, no report): nothing was checked, which
    must never read as "valid"."""


@dataclass(frozen=True)
class HtmlError:
    file: Path
    line: int
    message: str

    def show(self, site: Path) -> str:
        try:
            name = self.file.relative_to(site).as_posix()
        except ValueError:
            name = str(self.file)
        return f"{name}:{self.line}: {self.message}"


def pages(site: Path) -> list[Path]:
    """Every HTML file of the built site (articles, exercises, redirects, the 404 page)."""
    return sorted(site.rglob("*.html"))


def java() -> str:
    found = shutil.which("java")
    if not found:
        raise CheckerError("java is not installed (Debian: apt-get install default-jre-headless)")
    if not VNU_JAR.exists():
        raise CheckerError(f"{VNU_JAR.relative_to(ROOT)} is missing: run `make setup-dev` (npm ci)")
    return found


def _file_of(url: str) -> Path:
    parsed = urlparse(url)
    return Path(unquote(parsed.path)) if parsed.scheme == "file" else Path(url)


def check(files: list[Path]) -> list[HtmlError]:
    """Errors the Nu checker reports for ``files``, in one Java run (the JVM start dominates)."""
    if not files:
        return []
    command = [java(), "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout"]
    result = subprocess.run([*command, *map(str, files)], capture_output=True, text=True)
    try:
        messages = json.loads(result.stdout)["messages"]
    except (json.JSONDecodeError, KeyError) as error:
        raise CheckerError(f"vnu.jar gave no report (exit {result.returncode}): {result.stderr.strip()}") from error
    # "error" and "non-document-error" (a file it could not read) both mean "not shown valid".
    errors = [m for m in messages if m.get("type") != "info"]
    found = [
        HtmlError(_file_of(m.get("url", "")).resolve(), int(m.get("lastLine", 0)), " ".join(m["message"].split()))
        for m in errors
    ]
    return sorted(found, key=lambda e: (str(e.file), e.line, e.message))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default="site", type=Path, help="a built site directory (default: site)")
    args = parser.parse_args(argv)
    site = args.site.resolve()
    files = pages(site)
    if not files:
        print(f"no .html files under {args.site}: build the site first (make build)", file=sys.stderr)
        return 2
    try:
        errors = check(files)
    except CheckerError as error:
        print(f"cannot check HTML: {error}", file=sys.stderr)
        return 2
    for found in errors:  # not `error`: Python deletes the except clause's name after it
        print(found.show(site))
    failing = len({e.file for e in errors})
    where = f" on {failing} of them" if errors else ""
    print(f"W3C Nu checker: {len(files)} pages checked, {len(errors)} HTML errors{where}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
