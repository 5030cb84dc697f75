"""Every partial we copy from Material still matches the installed Material, apart from the one
change each copy documents. A copy is taken only where Material has no block to override; if an
upgrade changed the original, the copy would silently undo the upgrade (or our change): this
fails first, naming the file to copy again."""

from __future__ import annotations

from pathlib import Path

import material
import pytest
from conftest import ROOT

MATERIAL = Path(material.__file__).parent / "templates"
GENERATED = "{#-\n  This file was automatically generated - do not edit\n-#}\n"
# Each copy, and the one change it makes to Material's text (before, after).
# (The search dialog's name, which once needed a copy of partials/search.html in the site and in
# the example, is given by the package's script instead: tests/test_accessibility.py.)
COPIES = {
    ROOT / "overrides/partials/source.html": (' class="md-source" data-md-component="source">', ' class="md-source">'),
}


def without_header(text: str) -> str:
    """A copy's text after its own header comment, which says where it came from and why."""
    assert text.startswith("{#-"), "a copy starts with a comment naming Material's version and its change"
    return text.split("-#}\n", 1)[1]


@pytest.mark.parametrize("copy", list(COPIES), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_a_copied_partial_is_materials_own_with_its_one_change(copy: Path) -> None:
    original = (MATERIAL / "partials" / copy.name).read_text(encoding="utf-8").removeprefix(GENERATED)
    before, after = COPIES[copy]
    assert original.count(before) == 1, f"Material's {copy.name} changed where our copy changes it: copy it again"
    expected = original.replace(before, after)
    assert without_header(copy.read_text(encoding="utf-8")) == expected, (
        f"{copy.relative_to(ROOT)} no longer matches Material's partials/{copy.name}: copy it again and re-apply "
        "the change its header describes"
    )


def test_every_copied_partial_is_compared() -> None:
    copies = {p for p in ROOT.glob("**/overrides/partials/*.html") if (MATERIAL / "partials" / p.name).exists()}
    copies = {p for p in copies if ".venv" not in p.parts and "node_modules" not in p.parts}
    assert copies == set(COPIES)
