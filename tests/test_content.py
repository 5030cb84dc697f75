"""The real site's content: sources, descriptions and plain-language figures."""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType

import pytest
from conftest import ROOT

from exercise_atlas.build.check import check
from exercise_atlas.content.references import DOI_RE, PMID_RE, load_references
from exercise_atlas.content.yamlsource import split_front_matter


def test_enough_checked_references_each_with_an_identifier() -> None:
    refs, problems = load_references(ROOT / "data/references.bib", "data/references.bib")
    assert problems == []
    assert len(refs) >= 25
    for ref in refs.values():
        assert (ref.doi and DOI_RE.match(ref.doi)) or (ref.pmid and PMID_RE.match(ref.pmid)), ref.key
    dois = [r.doi.lower() for r in refs.values() if r.doi]
    assert len(dois) == len(set(dois)), "the same DOI is in the BibTeX file twice"


def test_every_article_has_a_description_and_cites_sources() -> None:
    for path in sorted((ROOT / "docs").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        front = split_front_matter(text)
        assert front and re.search(r"^description: .{40,160}$", front[0], re.M), f"{path.name}: description"


def test_readability_report(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    readability = _readability_module()
    assert readability.main(["-f", "mkdocs.yml"]) == 0
    rows = [line.split() for line in capsys.readouterr().out.splitlines()[1:-1]]
    assert len(rows) >= 7
    for name, flesch, _words, _sentences, citations, _sources in rows:
        # Plain English for a lay reader: every article at Flesch reading ease 60 or more (issue 25).
        assert 60 <= float(flesch) <= 90, f"{name}: Flesch {flesch}"
        assert int(citations) >= 3, f"{name}: {citations} citations"


def _readability_module() -> ModuleType:
    import importlib.util

    spec = importlib.util.spec_from_file_location("readability", ROOT / "scripts/readability.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_included_text_is_scored_where_it_is_included(tmp_path: Path) -> None:
    """An article that includes the warning signs is scored with them, not with the include line."""
    readability = _readability_module()
    (tmp_path / "part.md").write_text("Stop running. See a doctor.\n", encoding="utf-8")
    text = readability.reader_text('Intro.\n\n--8<-- "part.md"\n', tmp_path)
    assert "See a doctor." in text and "--8<--" not in text


def test_a_heading_and_a_table_row_each_end_a_sentence() -> None:
    readability = _readability_module()
    text = readability.reader_text("## Where it hurts\n\nThe hip.\n\n| a | b |\n|---|---|\n| one | two |\n")
    assert "Where it hurts." in text and "one, two." in text


def test_every_card_evidence_paragraph_is_plain_enough(monkeypatch: pytest.MonkeyPatch) -> None:
    """The cards' evidence paragraphs are the site's hardest text: each at Flesch 50 or more."""
    monkeypatch.chdir(ROOT)
    scores = _readability_module().card_evidence_scores("mkdocs.yml")
    assert len(scores) >= 22
    hard = [f"{name}: {score:.1f}" for name, score in scores if score < 50]
    assert not hard, hard


def test_verification_log_keys_are_the_bibliography_keys() -> None:
    """Each reference has a row in the verification log, and each row names a reference."""
    bib = set(re.findall(r"^@\w+\{([^,]+),", (ROOT / "data/references.bib").read_text(encoding="utf-8"), re.M))
    log = (ROOT / "data/references-verification.md").read_text(encoding="utf-8")
    rows: set[str] = set()
    header = ""  # the first column's name in the table being read: only "key" tables name references
    for line in log.splitlines():
        if "|" not in line:
            header = ""
        elif not header:
            header = line.split(" | ", 1)[0].strip()
        elif header == "key" and (match := re.match(r"^([a-z][a-z0-9-]+)(?: \([^)]*\))? \|", line)):
            rows.add(match.group(1))
    assert bib - rows == set(), f"references without a row in the log: {sorted(bib - rows)}"
    assert rows - bib == set(), f"log rows for keys not in the bibliography: {sorted(rows - bib)}"


def test_library_has_at_least_twenty_two_complete_exercises(monkeypatch: pytest.MonkeyPatch) -> None:
    """Complete: every field filled and checked (the check refuses an incomplete card), no redirect counted."""
    monkeypatch.chdir(ROOT)
    result = check()
    assert result.problems == [] and result.site is not None
    assert len(result.site.exercises) >= 22


def test_contributing_field_table_matches_the_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    """The table in CONTRIBUTING.md is this site's schema, made with its vocabulary."""
    from exercise_atlas.build.check import settings_from_config
    from exercise_atlas.content.schemas import exercise_schema, fields_markdown
    from exercise_atlas.content.vocabulary import load_vocabulary

    monkeypatch.chdir(ROOT)
    vocabulary, _ = load_vocabulary(settings_from_config("mkdocs.yml").vocabulary_file)
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    block = text.split("<!-- fields:start", 1)[1].split("-->", 1)[1].split("<!-- fields:end -->", 1)[0]
    expected = fields_markdown(exercise_schema(vocabulary))
    assert block.strip() == expected, "regenerate the table with exercise_atlas.content.schemas.fields_markdown()"


def test_readme_option_table_matches_the_code() -> None:
    from exercise_atlas.content.model import options_markdown

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("<!-- options:start", 1)[1].split("-->", 1)[1].split("<!-- options:end -->", 1)[0]
    assert block.strip() == options_markdown(), (
        "regenerate the table with exercise_atlas.content.model.options_markdown()"
    )
