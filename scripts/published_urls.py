"""Add every page of the site to data/published-urls.txt (the list only ever grows).

Usage: .venv/bin/python scripts/published_urls.py [site]

Without an argument it reads the pages from the docs folder, so it works before the site builds:
a strict build refuses a new page whose address is missing from the list, which is what this
adds. With a built site's folder, it lists that site's pages instead.

Once a URL is published, someone may have linked to it; tests/test_hosting.py fails if any URL
on the list no longer resolves, so a renamed page needs a redirect (see CONTRIBUTING.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

LIST = Path("data/published-urls.txt")
SKIP = {"404.html"}


def page_urls(site: Path) -> list[str]:
    """Directory-style URLs of every page, relative to the site root ('' is the home page)."""
    urls = []
    for page in sorted(site.rglob("index.html")):
        relative = page.parent.relative_to(site).as_posix()
        if not relative.startswith(("assets", "search")):
            urls.append("" if relative == "." else relative + "/")
    return urls


def source_urls(config_file: str = "mkdocs.yml") -> list[str]:
    """The same addresses, from the Markdown files of the site's docs folder, without building."""
    from exercise_atlas.build.check import read_config
    from exercise_atlas.content.pages import page_url
    from exercise_atlas.content.sources import page_files

    docs = str(read_config(config_file).get("docs_dir") or "docs")
    return [page_url(uri).lstrip("/") for uri in page_files(docs)]


def _list_file(config_file: str = "mkdocs.yml") -> Path:
    """The list the site names (the extension's published_urls_file), else data/published-urls.txt."""
    from exercise_atlas.build.check import settings_from_config

    named = settings_from_config(config_file).published_urls_file if Path(config_file).is_file() else ""
    return Path(named) if named else LIST


def read_list(path: Path = LIST) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def main(argv: list[str]) -> int:
    urls = page_urls(Path(argv[1])) if len(argv) > 1 else source_urls()
    listed = _list_file()
    known = read_list(listed)
    new = [url for url in urls if url not in known and "/" + url not in known]
    with listed.open("a", encoding="utf-8") as handle:
        for url in new:
            handle.write(f"/{url}\n")
    print(f"{len(new)} URL(s) added to {listed.as_posix()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
