"""The extension is a guest in any Markdown instance: constructing it reads and writes nothing, and
where there is no site it leaves plain Markdown as Python-Markdown alone renders it."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from conftest import copy_mini


def _tree(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def test_constructing_the_extension_in_a_site_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_mini(tmp_path)
    monkeypatch.chdir(root)
    before = _tree(root)
    markdown.Markdown(
        extensions=["exercise_atlas"], extension_configs={"exercise_atlas": {"export_file": "docs/x.json"}}
    )
    assert _tree(root) == before


PLAIN = """# A heading

Text with *emphasis*, an e-mail address <someone@example.com>, a handle @someone, and [a link][1].

    indented code {{ exercise_card("x") }}

[1]: https://example.com
"""


def test_where_there_is_no_site_a_page_converts_as_plain_markdown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with_atlas = markdown.markdown(PLAIN, extensions=["exercise_atlas"])
    assert with_atlas == markdown.markdown(PLAIN)
    assert list(tmp_path.iterdir()) == []  # nothing written: no docs/assets, no export


def test_a_build_judges_the_last_page_once_it_is_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The table of contents runs the postprocessors over each heading's text before the page is
    done. The build must not take that for the end of its last page: a link to an anchor on the
    page rendered last is judged against the whole page, not against one heading's text."""
    from exercise_atlas.build.generators import GeneratorFacts
    from exercise_atlas.build.pipeline import open_build
    from exercise_atlas.content.pages import markdown_body
    from exercise_atlas.extension import ExerciseAtlasExtension

    root = copy_mini(tmp_path)
    monkeypatch.chdir(root)
    card = root / "docs/exercises/copenhagen.md"
    card.write_text(card.read_text(encoding="utf-8") + "\nSee [the home page](../index.md#more).\n", encoding="utf-8")
    index = root / "docs/index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n## More\n\nText.\n", encoding="utf-8")
    md = markdown.Markdown(
        extensions=["toc", "exercise_atlas"],
        extension_configs={"exercise_atlas": {"vocabulary_file": "data/vocabulary.yml"}},
    )
    atlas = next(e for e in md.registeredExtensions if isinstance(e, ExerciseAtlasExtension))
    facts = GeneratorFacts("docs", site_dir=str(tmp_path / "site"))  # a generator that names where it writes
    build = open_build(atlas.settings(), facts, in_site=True, raises=True)
    assert build.pages is not None and list(build.pages)[-1] == "index.md"  # the page with the anchor is last
    for uri, path in build.pages.items():
        md.reset()
        atlas.use(build, uri)
        md.convert(markdown_body(Path(path).read_text(encoding="utf-8")))  # raises on any problem
    assert build.all_problems() == []
