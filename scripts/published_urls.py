"""Add every page of a built site to data/published-urls.txt (the list only ever grows).

Usage: make build && .venv/bin/python scripts/published_urls.py [site]

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


def read_list(path: Path = LIST) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def main(argv: list[str]) -> int:
    site = Path(argv[1] if len(argv) > 1 else "site")
    known = read_list()
    new = [url for url in page_urls(site) if url not in known and "/" + url not in known]
    with LIST.open("a", encoding="utf-8") as handle:
        for url in new:
            handle.write(f"/{url}\n")
    print(f"{len(new)} URL(s) added to {LIST}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
