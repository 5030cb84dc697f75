"""The extension is a guest in any Markdown instance: constructing it reads and writes nothing, and
where there is no site it leaves plain Markdown as Python-Markdown alone renders it."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from conftest import copy_mini


def _tree(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def test_constructing_the_extension_in_a_site_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
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


def test_where_there_is_no_site_a_page_converts_as_plain_markdown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    with_atlas = markdown.markdown(PLAIN, extensions=["exercise_atlas"])
    assert with_atlas == markdown.markdown(PLAIN)
    assert list(tmp_path.iterdir()) == []  # nothing written: no docs/assets, no export
