"""Build the real site with --strict and read the HTML a reader would get."""

from __future__ import annotations

import html as html_lib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import ROOT, build_with, copy_mini, edit


def build(cwd: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    return build_with("mkdocs", cwd, site_dir)


def exercise_ids() -> list[str]:
    """Exercise files, leaving out the index and redirects left where a page used to be."""
    files = (ROOT / "docs/exercises").glob("*.md")
    return sorted(p.stem for p in files if p.name != "index.md" and "\nredirect:" not in p.read_text(encoding="utf-8"))


def test_every_exercise_page_has_its_card(site: Path) -> None:
    for exercise_id in exercise_ids():
        html = (site / "exercises" / exercise_id / "index.html").read_text(encoding="utf-8")
        root = re.search(r'<article class="exercise-card exercise-card--page"[^>]*>', html)
        assert root, exercise_id
        for attribute in ("data-equipment", "data-level", "data-muscles", "data-evidence"):
            assert f'{attribute}="' not in root.group(0)  # the library's filters read them, on its cards only
        assert f'data-exercise="{exercise_id}"' in root.group(0)


def test_an_exercise_page_is_titled_by_its_exercise_everywhere(site: Path) -> None:
    """The tab, the link preview and the search result name the exercise, not the file."""
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    for exercise_id in exercise_ids():
        html = (site / "exercises" / exercise_id / "index.html").read_text(encoding="utf-8")
        name = re.search(r'<h1 class="exercise-card__name" id="[^"]+">([^<]+)<', html)
        assert name, exercise_id
        assert html.count("<h1") == 1
        assert f"<title>{name.group(1)} - Adductor Atlas</title>" in html
        assert f'<meta property="og:title" content="{name.group(1)}">' in html
        assert titles[f"exercises/{exercise_id}/"] == name.group(1).replace("&amp;", "&")


def test_an_exercise_page_is_described_by_its_summary(site: Path) -> None:
    """Search engines and link previews show the exercise's summary, not the site's description."""
    for exercise_id in exercise_ids():
        source = (ROOT / "docs/exercises" / f"{exercise_id}.md").read_text(encoding="utf-8")
        summary = yaml.safe_load(source.split("---\n")[1])["summary"]
        page = (site / "exercises" / exercise_id / "index.html").read_text(encoding="utf-8")
        for tag in ('<meta name="description" content="', '<meta property="og:description" content="'):
            assert page.count(tag) == 1
            assert html_lib.unescape(page.split(tag)[1].split('"')[0]) == summary, exercise_id


def test_ladder_links_resolve_to_pages(site: Path) -> None:
    html = (site / "exercises/copenhagen-short-lever/index.html").read_text(encoding="utf-8")
    links = re.findall(r'class="exercise-card__ladder-link" data-rel="\w+" href="([^"]+)"', html)
    assert links and all(link.startswith("../") and link.endswith("/") for link in links)
    for link in links:
        assert (site / "exercises/copenhagen-short-lever" / link / "index.html").resolve().exists()


def test_library_lists_every_exercise_once(site: Path) -> None:
    html = (site / "exercises/index.html").read_text(encoding="utf-8")
    assert sorted(re.findall(r'data-exercise="([\w-]+)"', html)) == exercise_ids()


def test_citations_are_numbered_and_linked(site: Path) -> None:
    html = (site / "myths/index.html").read_text(encoding="utf-8")
    numbers = [int(n) for n in re.findall(r'<a href="#ref-[\w:.-]+" id="cite-[\w:.-]+" title="[^"]*">(\d+)</a>', html)]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) > 5
    for key in re.findall(r'href="#ref-([\w:.-]+)"', html):
        assert f'id="ref-{key}"' in html


def test_card_text_is_in_the_search_index(site: Path) -> None:
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    page_text = " ".join(
        doc["text"] for doc in index["docs"] if doc["location"].startswith("exercises/copenhagen-plank/")
    )
    assert "bench" in page_text.lower()
    assert any("Copenhagen plank" in doc["title"] for doc in index["docs"])


def test_muscle_maps_stay_out_of_the_search_index(site: Path) -> None:
    """Every map names every muscle; indexed, a search for 'hamstrings' would find every card."""
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    assert not [doc["location"] for doc in index["docs"] if "Schematic front" in doc["text"]]
    hamstrings = {doc["location"].split("#")[0] for doc in index["docs"] if "hamstring" in doc["text"].lower()}
    assert "exercises/copenhagen-plank/" not in hamstrings  # the plank card does not name them
    page = (site / "exercises/copenhagen-plank/index.html").read_text(encoding="utf-8")
    assert 'class="muscle-map' in page and "data-search-exclude" not in page


def test_reference_lists_and_ladders_stay_out_of_the_search_index(site: Path) -> None:
    """A study is found once, on the bibliography page, not on every page citing it; a search for
    an exercise finds its page, not every page whose ladder names it."""
    docs = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    assert not [doc["location"] for doc in docs if doc["location"].endswith("#references")]
    serner = {doc["location"] for doc in docs if "Jakobsen MD" in doc["text"]}
    assert serner == {"bibliography/"}
    plank = " ".join(doc["text"] for doc in docs if doc["location"].startswith("exercises/copenhagen-plank/"))
    assert (
        "Move up when" in plank and "(this exercise)" not in plank and "Copenhagen adduction (short lever)" not in plank
    )
    page = (site / "exercises/copenhagen-plank/index.html").read_text(encoding="utf-8")
    assert '<ol aria-label="The ladder of Copenhagen plank, easiest first" class="ladder">' in page
    assert '<h2 id="references">References' in page


def test_no_unrendered_macro_anywhere(site: Path) -> None:
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "{{ exercise_" not in text and not re.search(r"\{\{\s*\w+\(", text), page
        assert "[@" not in re.sub(r"<code>.*?</code>", "", text, flags=re.S), page


def test_every_page_says_it_is_not_medical_advice(site: Path) -> None:
    for page in site.rglob("*.html"):
        assert "Education, not medical advice" in page.read_text(encoding="utf-8"), page


def test_no_third_party_assets(site: Path) -> None:
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text
        assets = re.findall(r'<script[^>]+src="(https?://[^"]+)"', text)
        assets += re.findall(
            r'<link rel="(?:stylesheet|preload|preconnect|icon|modulepreload)"[^>]+href="(https?://[^"]+)"', text
        )
        assert assets == [], f"{page}: third-party assets"


def test_a_content_error_fails_the_build_with_one_clean_line(tmp_path: Path) -> None:
    mini = copy_mini(tmp_path)
    edit(mini / "docs/exercises/copenhagen.md", "level: advanced", "level: advancd")
    result = build(mini, tmp_path / "out")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        "docs/exercises/copenhagen.md:6: level: expected one of 'beginner', 'intermediate', 'advanced'; "
        "got 'advancd' (did you mean 'advanced'?)"
    ) in result.stderr


def test_a_typo_in_the_extension_options_is_named(tmp_path: Path) -> None:
    mini = copy_mini(tmp_path)
    edit(mini / "mkdocs.yml", "exercises_dir:", "exercise_dir:")
    result = build(mini, tmp_path / "out")
    assert result.returncode == 1
    assert "Failed to load extension 'exercise_atlas'" in result.stderr
    assert "unknown option 'exercise_dir' (did you mean 'exercises_dir'?)" in result.stderr


def test_check_command_exit_codes(tmp_path: Path) -> None:
    mini = copy_mini(tmp_path)
    command = [sys.executable, "-m", "exercise_atlas", "check"]
    ok = subprocess.run(command, cwd=mini, capture_output=True, text=True)
    assert (ok.returncode, ok.stdout) == (0, "OK: 2 exercises, 2 muscles, 2 references, 3 pages checked.\n")
    edit(mini / "docs/index.md", "[@serner2014]", "[@serner2041]")
    bad = subprocess.run(command, cwd=mini, capture_output=True, text=True)
    assert bad.returncode == 1
    assert bad.stderr == (
        "docs/index.md:6: unknown citation key 'serner2041' (did you mean 'serner2014'?)\n1 problem(s) found.\n"
    )


def test_a_failed_make_build_leaves_the_previous_site_untouched(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    for name in ("docs", "data", "includes", "overrides", "src/exercise_atlas/templates", "mkdocs.yml", "Makefile"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name)  # creates parents
        else:
            shutil.copy(source, project / name)
    venv = ROOT / ".venv"
    make = ["make", "-s", "-C", str(project), "build", f"VENV={venv}", "-o", f"{venv}/.installed"]
    (project / "site").mkdir()
    (project / "site/previous.txt").write_text("the site that is live now")
    edit(project / "docs/exercises/side-lunge.md", "level: intermediate", "level: expert")
    failed = subprocess.run(make, capture_output=True, text=True)
    assert failed.returncode != 0
    assert (project / "site/previous.txt").exists() and not (project / "site/index.html").exists()
    edit(project / "docs/exercises/side-lunge.md", "level: expert", "level: intermediate")
    fixed = subprocess.run(make, capture_output=True, text=True)
    assert fixed.returncode == 0, fixed.stderr
    assert (project / "site/index.html").exists() and not (project / "site/previous.txt").exists()


def test_every_map_refers_to_the_one_drawing_file_and_every_shape_it_names_is_there(site: Path) -> None:
    """Maps are <use> references into assets/exercise-atlas/muscle-map.svg, resolved from each
    page's published address (a wrong depth or a missing shape would draw nothing)."""
    import posixpath
    import xml.etree.ElementTree as ET

    sprite = site / "assets/exercise-atlas/muscle-map.svg"
    defined = {el.get("id") for el in ET.parse(sprite).iter() if el.get("id")}
    referred: set[str] = set()
    for page in site.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        assert "muscle-map-defs" not in html, f"{page}: the drawing is inline"
        folder = page.parent.relative_to(site).as_posix()
        for href in re.findall(r'<use [^>]*href="([^"]+)"', html):
            target, _, shape = href.partition("#")
            assert posixpath.normpath(posixpath.join(folder, target)) == "assets/exercise-atlas/muscle-map.svg", (
                page,
                href,
            )
            referred.add(shape)
    assert len(referred) > 20 and referred <= defined, sorted(referred - defined)
