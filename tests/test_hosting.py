"""From a pull request to the live site: hosting paths, old URLs, data export, workflows."""

from __future__ import annotations

import http.client
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlparse

import pytest
import yaml
from conftest import BIN, ROOT, build_with
from jsonschema import Draft202012Validator, FormatChecker

sys.path.insert(0, str(ROOT / "scripts"))
from published_urls import page_urls, read_list

SITE_URLS = {
    "root": "https://adductor-atlas.example/",
    "subpath": "https://someone.github.io/adductor-atlas/",
}
LINK_RE = re.compile(r'<(?:a|link|script|img)\b[^>]*?\s(?:href|src)="([^"#]*)(?:#[^"]*)?"')


@pytest.fixture(scope="module", params=sorted(SITE_URLS))
def hosted(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    site_url = SITE_URLS[request.param]
    out = tmp_path_factory.mktemp(request.param)
    result = build_with("mkdocs", ROOT, out, site_url=site_url)
    assert result.returncode == 0, result.stderr
    return site_url, out


def resolve(site_url: str, site: Path, page: Path, link: str) -> Path | None:
    """The file a link on ``page`` leads to, or None when it leaves the site."""
    page_url = urljoin(site_url, page.relative_to(site).as_posix())
    target = urlparse(urljoin(page_url, link))
    base = urlparse(site_url)
    if target.scheme not in ("http", "https") or target.netloc != base.netloc:
        return None
    assert target.path.startswith(base.path), f"{page}: {link} escapes {base.path}"
    path = site / target.path[len(base.path) :]
    return path / "index.html" if target.path.endswith("/") else path


def test_every_internal_link_and_asset_resolves(hosted: tuple[str, Path]) -> None:
    site_url, site = hosted
    broken = []
    for page in site.rglob("*.html"):
        if page.name == "404.html":  # served at any depth; its links are absolute from site_url
            continue
        for link in LINK_RE.findall(page.read_text(encoding="utf-8")):
            target = resolve(site_url, site, page, link) if link else None
            if target is not None and not target.exists():
                broken.append(f"{page.relative_to(site)} -> {link}")
    assert broken == []


def test_served_by_nginx_every_page_and_asset_answers_with_the_sites_headers(hosted: tuple[str, Path]) -> None:
    """The site as GitHub Pages or Netlify serve it (nginx, gzip, the _headers file), at the root
    or under a project sub-path: every page and every file a page links answers 200."""
    from browser import serve

    site_url, site = hosted
    base_path = urlparse(site_url).path
    policy = next(
        line.split(":", 1)[1].strip()
        for line in (site / "_headers").read_text(encoding="utf-8").splitlines()
        if line.strip().startswith("Content-Security-Policy:")
    )
    wanted: set[str] = set()
    for page in site.rglob("*.html"):
        if page.name == "404.html":
            continue
        wanted.add(page.relative_to(site).as_posix().removesuffix("index.html"))
        for link in LINK_RE.findall(page.read_text(encoding="utf-8")):
            target = resolve(site_url, site, page, link) if link else None
            if target is not None:
                wanted.add(target.relative_to(site).as_posix().removesuffix("index.html"))
    with serve(site, base_path=base_path) as base:
        parts = urlparse(base)
        connection = http.client.HTTPConnection(parts.netloc, timeout=10)  # host:port
        failed = []
        for path in sorted(wanted):
            connection.request("GET", parts.path + path, headers={"Accept-Encoding": "gzip"})
            response = connection.getresponse()
            response.read()
            if response.status != 200 or response.getheader("Content-Security-Policy") != policy:
                failed.append(f"{path}: {response.status}")
            elif path.endswith((".html", "/", ".css", ".js")) or path == "":
                assert response.getheader("Content-Encoding") == "gzip", path
        connection.request("GET", parts.path + "no/such/page/")
        missing = connection.getresponse()
        assert missing.status == 404 and b"Page not found" in missing.read()
        connection.close()
    assert len(wanted) > 40 and failed == []


def test_404_page_links_work_from_anywhere(hosted: tuple[str, Path]) -> None:
    site_url, site = hosted
    html = (site / "404.html").read_text(encoding="utf-8")
    for link in ("", "exercises/"):
        assert f'href="{site_url}{link}"' in html


def test_every_published_url_still_resolves(site: Path) -> None:
    for url in read_list(ROOT / "data/published-urls.txt"):
        relative = url.lstrip("/")
        assert (site / relative / "index.html").exists(), f"{url} no longer resolves: add a redirect page"


def test_every_page_is_on_the_published_list(site: Path) -> None:
    listed = {url.lstrip("/") for url in read_list(ROOT / "data/published-urls.txt")}
    missing = [url for url in page_urls(site) if url not in listed]
    assert missing == [], "run `.venv/bin/python scripts/published_urls.py`"


def test_redirect_page_sends_readers_on(site: Path) -> None:
    html = (site / "exercises/copenhagen-adduction/index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../copenhagen-long-lever/">' in html
    assert '<a href="../copenhagen-long-lever/">' in html
    assert (site / "exercises/copenhagen-long-lever/index.html").exists()


def test_redirect_to_a_missing_page_is_reported(mini: Path) -> None:
    (mini / "docs/old.md").write_text("---\nredirect: gone.md\n---\n", encoding="utf-8")
    from conftest import problems

    assert problems() == ["docs/old.md:2: redirect: no page at 'gone.md' in the docs folder"]


def test_exported_library_is_valid_and_linked(site: Path) -> None:
    document = json.loads((site / "data/exercises.json").read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "schema/exercise.schema.json").read_text(encoding="utf-8"))  # this site's
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    assert document["count"] == len(document["exercises"]) >= 12
    for exercise in document["exercises"]:
        assert list(validator.iter_errors(exercise)) == [], exercise["id"]
    assert 'href="../data/exercises.json"' in (site / "exercises/index.html").read_text(encoding="utf-8")


def test_pages_offer_edit_links_and_reviewed_dates(site: Path) -> None:
    html = (site / "exercises/copenhagen-plank/index.html").read_text(encoding="utf-8")
    assert "edit/main/docs/exercises/copenhagen-plank.md" in html
    # Once: in the card (an article says it at the page's end instead).
    assert len(re.findall(r'last checked against its sources: <time datetime="\d{4}-\d\d-\d\d">', html)) == 1
    assert 'class="exercise-card__reviewed"' in html
    article = (site / "myths/index.html").read_text(encoding="utf-8")
    assert re.search(r'Content last checked against its sources: <time datetime="\d{4}-\d\d-\d\d">', article)


WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflows_are_pinned_least_privilege_and_bounded(workflow: Path) -> None:
    data = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    assert data["permissions"] == {"contents": "read"}
    for name, job in data["jobs"].items():
        assert "timeout-minutes" in job, f"{workflow.name}: job {name} has no timeout"
        for step in job["steps"]:
            if "uses" in step:
                assert re.match(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$", step["uses"]), step["uses"]


def test_workflow_lint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("name: x\non: push\njobs:\n  a:\n    steps: []\n", encoding="utf-8")
    command = [str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows"]
    assert subprocess.run([*command, str(broken)], capture_output=True).returncode != 0
    assert subprocess.run([*command, *map(str, WORKFLOWS)], capture_output=True).returncode == 0


def test_robots_txt_names_the_sitemap(hosted: tuple[str, Path]) -> None:
    site_url, site = hosted
    assert (site / "robots.txt").read_text(encoding="utf-8").splitlines() == [
        "User-agent: *",
        "Allow: /",
        f"Sitemap: {site_url}sitemap.xml",
    ]
    assert (site / "sitemap.xml").exists()


def test_every_page_has_a_description_open_graph_and_our_favicon(site: Path) -> None:
    for page in site.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:
            continue
        assert re.search(r'<meta name="description" content=".{20,}">', html), page
        assert re.search(r'<meta property="og:description" content=".{20,}">', html), page
        assert re.search(r'<link rel="icon" href="[./]*assets/favicon.svg">', html), page


def test_structured_data_is_valid_json(site: Path) -> None:
    def blocks(path: str) -> list[dict[str, Any]]:
        html = (site / path / "index.html").read_text(encoding="utf-8")
        return [json.loads(b) for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]

    [howto] = blocks("exercises/copenhagen-plank")
    assert howto["@type"] == "HowTo" and howto["name"] == "Copenhagen plank"
    assert [s["position"] for s in howto["step"]] == list(range(1, len(howto["step"]) + 1))
    [article] = blocks("myths")
    assert article["@type"] == "Article" and article["dateModified"] == "2026-11-25"
