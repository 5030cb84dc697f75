"""The contributor's loop: a new exercise does not stop the preview, a failed build names where its
problems are and says so again on every failed rebuild, and the published list takes a new page
before the site builds."""

from __future__ import annotations

import datetime as dt
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BIN, ROOT, edit, problems
from mkdocs.utils import DuplicateFilter

from exercise_atlas.build import preview
from exercise_atlas.content.pages import PLACEHOLDER
from exercise_atlas.errors import ContentError, Problem

NEW = [sys.executable, "-m", "exercise_atlas", "new"]
LEFT = "PLACEHOLDER left from the scaffold: replace it with real text"


def mkdocs_build(project: Path, out: Path, *options: str, preview_build: bool) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("ATLAS_LIVE_RELOAD", None)
    if preview_build:
        env["ATLAS_LIVE_RELOAD"] = "1"  # what `make serve` sets for the server alone
    subprocess.run([str(BIN / "exercise-atlas"), "prepare"], cwd=project, env=env, capture_output=True)
    command = [str(BIN / "mkdocs"), "build", *options, "--site-dir", str(out)]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)


def test_a_new_exercise_shows_in_the_preview_with_its_placeholders_marked(mini: Path, tmp_path: Path) -> None:
    made = subprocess.run([*NEW, "side-plank", "Side plank"], cwd=mini, capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    left = len(problems())
    assert left >= 8 and set(p.split(": ", 1)[1] for p in problems()) == {LEFT}
    shown = mkdocs_build(mini, tmp_path / "preview", preview_build=True)
    assert shown.returncode == 0, shown.stderr
    warnings = [line for line in shown.stderr.splitlines() if "PLACEHOLDER" in line]
    assert warnings == [
        f"WARNING -  {left} PLACEHOLDERs left in docs/exercises/side-plank.md: the preview shows them marked; "
        "make check and the published build refuse them"
    ]
    html = (tmp_path / "preview/exercises/side-plank/index.html").read_text(encoding="utf-8")
    # Each placeholder the card shows (the file's two YAML comments are not shown) is highlighted.
    assert html.count(f'<mark class="exercise-atlas-placeholder">{PLACEHOLDER}</mark>') == left - 2
    assert "<mark" not in html.split("<body")[0]  # the head (title, meta tags) is left as it is
    refused = mkdocs_build(mini, tmp_path / "site", "--strict", preview_build=False)
    assert refused.returncode == 1
    assert f"{left} problems in the files named on each line below (not the page named above):" in refused.stderr
    assert refused.stderr.count(LEFT) == left


def test_a_preview_that_fails_the_same_way_twice_prints_its_lines_twice(monkeypatch: pytest.MonkeyPatch) -> None:
    """MkDocs drops a log line it has printed before: each failed rebuild's heading is its own."""
    problem = Problem("docs/index.md", 6, "", "unknown citation key 'serner2041'")
    seen = DuplicateFilter()
    printed = []
    for second in (1, 7):
        monkeypatch.setattr(dt, "datetime", _clock_at(second))  # the module preview.py reads the time from
        message = str(ContentError([problem], preview.heading(1, preview=True)))
        record = logging.LogRecord("mkdocs.commands.build", logging.ERROR, "", 0, message, None, None)
        printed.append(seen(record))
    assert printed == [True, True]
    assert message == (
        "1 problem in the files named on each line below (not the page named above, preview rebuilt at 15:00:07):\n"
        "docs/index.md:6: unknown citation key 'serner2041'"
    )


def _clock_at(second: int) -> type[dt.datetime]:
    class Clock(dt.datetime):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> Clock:
            return cls(2026, 12, 7, 15, 0, second)

    return Clock


def test_the_published_list_takes_a_new_article_before_the_site_builds(mini: Path) -> None:
    (mini / "data/published.txt").write_text("/\n/exercises/ball-squeeze/\n/exercises/copenhagen/\n", encoding="utf-8")
    edit(
        mini / "mkdocs.yml",
        "      exercises_dir: docs/exercises\n",
        "      exercises_dir: docs/exercises\n      published_urls_file: data/published.txt\n",
    )
    (mini / "docs/new.md").write_text(
        "---\ndescription: A new article, added by a contributor, on a subject of its own.\n---\n# New\n\nText.\n",
        encoding="utf-8",
    )
    assert problems() == [
        "docs/new.md: its address /new/ is not in data/published.txt; add that line (the list only grows)"
    ]
    script = [sys.executable, str(ROOT / "scripts/published_urls.py")]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts")}
    added = subprocess.run(script, cwd=mini, capture_output=True, text=True, env=env)
    assert added.returncode == 0, added.stderr
    assert added.stdout == "1 URL(s) added to data/published.txt\n"
    assert problems() == []
