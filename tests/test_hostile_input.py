"""Hostile input: whatever a contributor writes in an exercise or a reference reaches readers as
text, never as markup, through every template (the card, the page's head, the search index, the
JSON export) and under every generator.

The corpus below is built into the mini site with this repository's theme overrides. Each
payload would, if it slipped through unescaped, add an element or attribute that the parsed page
is then searched for: a meta refresh (which the strict CSP does not stop), a script, an event
handler, an attribute of its own.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import GENERATORS, ROOT, build_with, copy_mini, edit

# Each closes whatever context it lands in (element text, a quoted or unquoted attribute, a
# <title>, a JSON string in a <script>) and then opens markup of its own.
NAME = 'M</title><meta http-equiv=refresh content=0;url=//e.invalid>" data-pwned="name'
ALIAS = "<img src=x onerror=alert(1) data-pwned=alias>"
SUMMARY = '"><meta http-equiv="refresh" content="0;url=//e.invalid" data-pwned="summary'
STEP = "</script><script data-pwned=step>alert(2)</script>"
CUE = "' onmouseover='alert(3)' data-pwned='cue"
REFERENCE_TITLE = "<svg onload=alert(4) data-pwned=reference></svg>"


class _Markup(HTMLParser):
    """Every start tag with its attributes, the page's <title> (the first, in the head; an SVG's
    own titles come later), and each data block's text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.title = ""
        self.data_blocks: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if (tag == "title" and not self.title) or (
            tag == "script" and dict(attrs).get("type") == "application/ld+json"
        ):
            self._in = tag

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.title += data
        elif self._in == "script":
            self.data_blocks.append(data)


def _hostile_site(tmp_path: Path) -> Path:
    root = copy_mini(tmp_path)
    card = root / "docs/exercises/ball-squeeze.md"
    edit(card, "name: Ball squeeze", f"name: {json.dumps(NAME)}")
    edit(card, "aliases: [adductor squeeze]", f"aliases: [{json.dumps(ALIAS)}]")
    edit(card, "summary: Squeeze a ball between the knees.", f"summary: {json.dumps(SUMMARY)}")
    edit(card, "  - Squeeze the ball.", f"  - {json.dumps(STEP)}")
    edit(card, "  - Breathe out.", f"  - {json.dumps(CUE)}")
    bib = root / "data/references.bib"
    edit(bib, "{{EMG} evaluation of hip adduction exercises for soccer players}", "{" + REFERENCE_TITLE + "}")
    config = root / "mkdocs.yml"
    edit(config, "  name: material\n", f"  name: material\n  custom_dir: {(ROOT / 'overrides').as_posix()}\n")
    config.write_text(
        config.read_text(encoding="utf-8") + "extra:\n  csp: \"default-src 'self'\"\n  live_reload: false\n",
        encoding="utf-8",
    )
    return root


@pytest.mark.parametrize("generator", GENERATORS)
def test_hostile_names_reach_the_reader_as_text(tmp_path: Path, generator: str) -> None:
    root = _hostile_site(tmp_path)
    out = tmp_path / "site"
    result = build_with(generator, root, out)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    pages = sorted(out.rglob("*.html"))
    assert pages
    for path in pages:
        markup = _Markup()
        markup.feed(path.read_text(encoding="utf-8"))
        shown = path.relative_to(out).as_posix()
        for tag, attrs in markup.tags:
            assert "data-pwned" not in attrs, f"{shown}: <{tag}> took an attribute from a payload: {attrs}"
            assert not any(name.startswith("on") for name in attrs), f"{shown}: <{tag}> has an event handler"
            assert not (tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh"), shown
        for block in markup.data_blocks:
            json.loads(block)  # still one JSON value: nothing closed the block early
    card = out / "exercises/ball-squeeze/index.html"
    markup = _Markup()
    markup.feed(card.read_text(encoding="utf-8"))
    assert markup.title == f"{NAME} - Mini"
    og = {a.get("property"): a.get("content") for t, a in markup.tags if t == "meta" and a.get("property")}
    assert og["og:title"] == NAME
    assert og["og:description"] == SUMMARY
    how_to = next(json.loads(b) for b in markup.data_blocks if '"HowTo"' in b)
    assert how_to["name"] == NAME and STEP in [step["text"] for step in how_to["step"]]


def test_hostile_names_stay_data_in_the_export_and_search_index(tmp_path: Path) -> None:
    root = _hostile_site(tmp_path)
    out = tmp_path / "site"
    result = build_with("mkdocs", root, out)
    assert result.returncode == 0, result.stderr[-3000:]
    index = json.loads((out / "search/search_index.json").read_text(encoding="utf-8"))
    titles = [doc["title"] for doc in index["docs"] if doc["location"].startswith("exercises/ball-squeeze/")]
    assert titles and all("<meta" not in title and "<title" not in title.lower() for title in titles), titles
