"""`exercise-atlas init` writes a neutral site of the author's own: it checks clean and builds at
once, strictly, and every word and address in it is theirs (no other site's subject, name, address
or font service)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from conftest import BIN

INIT = [sys.executable, "-m", "exercise_atlas", "init"]
# Words of this repository's own site: none may reach a site someone else starts.
OUR_WORDS = re.compile(r"adductor|groin|runner|running|inner.thigh|ball squeeze|serner|hips and thighs", re.I)


def _init(folder: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*INIT, str(folder), *options], capture_output=True, text=True)


def test_init_writes_a_neutral_site_of_the_authors_own_that_builds(tmp_path: Path) -> None:
    folder = tmp_path / "cuff-atlas"
    made = _init(folder, "--name", "Rotator Cuff Atlas", "--url", "https://cuff.example.org/atlas")
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith(f"Wrote 9 files in {folder.as_posix()}. Next:")
    config = (folder / "mkdocs.yml").read_text()
    assert "site_name: Rotator Cuff Atlas\nsite_url: https://cuff.example.org/atlas/\n" in config
    assert "  font: false" in config
    checked = subprocess.run(
        [sys.executable, "-m", "exercise_atlas", "check"], cwd=folder, capture_output=True, text=True
    )
    assert (checked.returncode, checked.stdout) == (0, "OK: 1 exercise, 2 muscles, 1 reference, 3 pages checked.\n")
    built = subprocess.run([str(BIN / "mkdocs"), "build", "--strict"], cwd=folder, capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    page = (folder / "site/exercises/first-exercise/index.html").read_text(encoding="utf-8")
    assert 'id="where-you-use-it">\n<h2>Where you use it</h2>' in page and 'class="exercise-figure ' in page
    assert "Schematic view of the front of the body." in page  # its own muscle map, not the hips and thighs
    assert (folder / "site/assets/exercise-atlas/exercise-atlas.js").is_file()
    assert (folder / "site/data/exercises.json").is_file()
    generated = ("site", "docs/assets", "docs/data")  # the build's output and the package's own files
    written = [
        p for p in folder.rglob("*") if p.is_file() and not p.relative_to(folder).as_posix().startswith(generated)
    ]
    assert len(written) == 9
    for path in written:
        assert not OUR_WORDS.search(path.read_text(encoding="utf-8")), path
    for path in (folder / "site").rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, path
        assert not OUR_WORDS.search(html), path
    schema = subprocess.run(
        [sys.executable, "-m", "exercise_atlas", "schema"], cwd=folder, capture_output=True, text=True
    )
    assert json.loads(schema.stdout)["$id"] == "https://cuff.example.org/atlas/schema/exercise.schema.json"


def test_without_an_address_the_site_has_none_of_ours(tmp_path: Path) -> None:
    folder = tmp_path / "atlas"
    assert _init(folder).returncode == 0
    assert "\n# site_url: https://example.org/my-site/" in (folder / "mkdocs.yml").read_text()
    schema = subprocess.run(
        [sys.executable, "-m", "exercise_atlas", "schema"], cwd=folder, capture_output=True, text=True
    )
    assert "$id" not in json.loads(schema.stdout)


def test_init_refuses_a_folder_with_files_and_an_address_that_is_not_one(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine")
    refused = _init(tmp_path)
    assert (refused.returncode, refused.stderr) == (2, f"{tmp_path.as_posix()} is not empty; choose a new folder\n")
    wrong = _init(tmp_path / "new", "--url", "cuff.example.org")
    assert (wrong.returncode, wrong.stderr) == (
        2,
        "--url: expected the address the site will live at, like https://example.org/my-site/; got 'cuff.example.org'\n",
    )


def test_help_lists_every_command_one_line_each() -> None:
    shown = subprocess.run([sys.executable, "-m", "exercise_atlas", "--help"], capture_output=True, text=True).stdout
    listed = re.findall(r"^    (\w+) +(\S.*)$", shown, re.M)
    assert [name for name, _ in listed] == ["check", "schema", "export", "prepare", "new", "figure", "init"]
    assert "``" not in shown and "docstring" not in shown
