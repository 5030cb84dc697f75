"""Markdown in, whole HTML out, side by side in tests/golden/ (as Python-Markdown's own tests do).

Each `<name>.md` is rendered with the mini site's data and must equal `<name>.html` exactly. After
an intended change, rewrite them with `pytest tests/test_golden.py --update-golden` and read the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import render

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("name", sorted(p.stem for p in GOLDEN.glob("*.md")))
def test_golden(mini: Path, request: pytest.FixtureRequest, name: str) -> None:
    source = (GOLDEN / f"{name}.md").read_text(encoding="utf-8")
    html = render(source) + "\n"
    expected = GOLDEN / f"{name}.html"
    if request.config.getoption("--update-golden") or not expected.exists():
        expected.write_text(html, encoding="utf-8")
    assert html == expected.read_text(encoding="utf-8")


def test_every_golden_case_is_covered() -> None:
    assert {p.stem for p in GOLDEN.glob("*.md")} == {
        "full-card", "compact-card", "muscle-table", "bibliography", "cited-paragraph"
    }  # fmt: skip
