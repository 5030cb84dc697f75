"""Print plain-language figures for each article: Flesch reading ease, words, sentences, citations.

Usage: .venv/bin/python scripts/readability.py [-f mkdocs.yml]

Flesch reading ease (textstat) runs from about 0 (very hard) to 100 (very easy); 60-70 is plain
English, 50-60 "fairly difficult" (a good popular-science article). The text measured is what a
reader reads: front matter, code, macros, citations, links' targets and Markdown marks are removed;
text a page includes from another file (`--8<--`) is counted where it appears; a heading or a
table row is read as a sentence of its own, as a reader reads it, not run into the next one.
Exercise cards and reference lists are not counted here; the cards' evidence paragraphs are
scored by `card_evidence_scores`.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
from pathlib import Path

import textstat
import yaml

from exercise_atlas.build.check import settings_from_config
from exercise_atlas.content.yamlsource import split_front_matter
from exercise_atlas.markup.grammar import CITATION_RE, MACRO_LINE_RE, citation_keys

_STRIP = [
    (re.compile(r"^(```|~~~).*?^\1", re.S | re.M), " "),  # fenced code
    (MACRO_LINE_RE, " "),  # macros render cards, not prose
    (CITATION_RE, ""),
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links: keep the words
    (re.compile(r"^\s*(!!!|\?\?\?)\s*\w+\s*(\"[^\"]*\")?", re.M), " "),  # admonition markers
    (re.compile(r"^\s*\|?[-:| ]+\|[-:| ]*$", re.M), " "),  # table rules
    (re.compile(r"[*_`#>|]"), " "),
]


# A snippet line (pymdownx.snippets) names a file relative to the folder of mkdocs.yml.
_SNIPPET = re.compile(r'^\s*--8<--\s+"([^"]+)"\s*$', re.M)
_HEADING = re.compile(r"^(#{1,6} .*?)\s*(\{[^}]*\})?\s*$", re.M)
_TABLE_ROW = re.compile(r"^\|(.*)\|\s*$", re.M)


def _expand_snippets(text: str, base: Path) -> str:
    """Put included files where they are included: a reader reads them as part of the page."""
    return _SNIPPET.sub(lambda m: (base / m.group(1)).read_text(encoding="utf-8"), text)


def _end_units(text: str) -> str:
    """End each heading and table row with a full stop, so none runs into the next sentence."""
    text = _HEADING.sub(lambda m: m.group(1).rstrip(".:") + ".", text)
    return _TABLE_ROW.sub(lambda m: ", ".join(c.strip() for c in m.group(1).split("|")) + ".", text)


def reader_text(markdown_text: str, base: Path = Path(".")) -> str:
    parts = split_front_matter(markdown_text)
    text = parts[2] if parts else markdown_text
    text = _end_units(_expand_snippets(text, base))
    for pattern, replacement in _STRIP:
        text = pattern.sub(replacement, text)
    return text


def card_evidence_scores(config_file: str) -> list[tuple[str, float]]:
    """Flesch reading ease of each exercise card's evidence paragraph, citations removed."""
    settings = settings_from_config(config_file)
    scores = []
    for path in sorted(Path(settings.exercises_dir).glob("*.md")):
        parts = split_front_matter(path.read_text(encoding="utf-8"))
        data = yaml.safe_load(parts[0]) if parts else None
        if not isinstance(data, dict) or "evidence" not in data:
            continue  # the library index and redirects have no card
        summary = CITATION_RE.sub("", str(data["evidence"]["summary"]))
        scores.append((path.as_posix(), textstat.flesch_reading_ease(summary)))
    return scores


def article_paths(config_file: str) -> list[Path]:
    """Articles are the nav's pages outside the exercises folder."""
    settings = settings_from_config(config_file)
    docs = Path(settings.pages_dir)
    exercises = Path(settings.exercises_dir).resolve()
    return sorted(p for p in docs.glob("*.md") if not p.resolve().is_relative_to(exercises))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config-file", default="mkdocs.yml")
    args = parser.parse_args(argv)
    rows = []
    for path in article_paths(args.config_file):
        raw = path.read_text(encoding="utf-8")
        text = reader_text(raw, Path(args.config_file).resolve().parent)
        words = textstat.lexicon_count(text)
        if words < 100:  # generated pages (bibliography, glossary) have no prose to score
            continue
        keys = citation_keys(raw)
        rows.append(
            (
                path.as_posix(),
                textstat.flesch_reading_ease(text),
                words,
                textstat.sentence_count(text),
                len(keys),
                len(set(keys)),
            )
        )
    print(f"{'article':34} {'Flesch':>6} {'words':>6} {'sentences':>9} {'citations':>9} {'sources':>7}")
    for name, flesch, words, sentences, cites, sources in rows:
        print(f"{name:34} {flesch:6.1f} {words:6d} {sentences:9d} {cites:9d} {sources:7d}")
    print(f"{'median':34} {statistics.median(r[1] for r in rows):6.1f} {statistics.median(r[2] for r in rows):6.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
