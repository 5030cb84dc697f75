"""The markup partials/valid-html.html mends is still what the installed themes write.

Material 9.8.2 and Zensical 0.0.73 write the same three bits of invalid HTML, one outside any
block (base.html's toggles) and two in partials that Zensical has rewritten (its nav-item.html
differs from Material's in six places), so a copy of Material's partial would change Zensical's
navigation. The mend edits the finished page instead, at exactly those strings. If an upgrade of
either theme changed one of them, the mend would silently stop applying: this fails first,
naming the theme file to look at again (the HTML checker, tests/test_html_validity.py, then says
whether the new markup is valid).
"""

from __future__ import annotations

from pathlib import Path

import material
import pytest
import zensical
from conftest import ROOT

THEMES = {
    "Material": Path(material.__file__).parent / "templates",
    "Zensical": Path(zensical.__file__).parent / "templates",
}
# What the theme's template writes, the file that writes it, and the finished markup the mend
# looks for (as it appears in partials/valid-html.html).
WRITTEN = [
    ('id="__drawer" autocomplete="off">', "base.html", 'id="__drawer" autocomplete="off">'),
    ('id="__search" autocomplete="off">', "base.html", 'id="__search" autocomplete="off">'),
    ('tabindex="{{ tabindex }}"', "partials/nav-item.html", ' tabindex=""'),
    (' for="__toc"', "partials/toc.html", ' for="__toc"'),
]
MEND = (ROOT / "overrides/partials/valid-html.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("theme", list(THEMES))
@pytest.mark.parametrize(("source", "template", "mended"), WRITTEN, ids=[w[0] for w in WRITTEN])
def test_each_mended_string_is_still_written_by_the_theme(theme: str, source: str, template: str, mended: str) -> None:
    text = (THEMES[theme] / template).read_text(encoding="utf-8")
    assert source in text, f"{theme}'s {template} no longer writes {source}: see whether the mend is still needed"
    assert f"replace('{mended}'" in MEND, f"partials/valid-html.html no longer mends {mended}"
