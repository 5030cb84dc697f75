"""Our out-of-line copies of Material's inline scripts still match the installed Material.

Material 9.8.2 runs three small inline scripts; the Content-Security-Policy allows none, so
docs/assets/javascripts/md-*.js hold the same code. If Material changed them, these copies would
silently drift: this test compares each with the installed partial, apart from the one
documented change (the scope is computed from the script's own address, as a template
expression cannot run in a static file). A copy may go on with code of ours after a line
starting with OURS (md-palette.js: a quieter start for Material's bundle); that part is not compared.
"""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
from conftest import ROOT

PARTIALS = Path(material.__file__).parent / "templates/partials/javascripts"
COPIES = ROOT / "docs/assets/javascripts"
OURS = "// ---- Not Material's"
DOCUMENTED = {
    "base": (
        'new URL("{{ config.extra.scope | d(base_url) }}",location)',
        'new URL("../..",document.currentScript.src)',
    ),
}


def material_script(name: str) -> str:
    """The inline script every page runs, from Material's partial (optional features left out)."""
    text = (PARTIALS / f"{name}.html").read_text(encoding="utf-8")
    text = re.sub(r"\{% if .*? %\}.*?\{% endif %\}", "", text, flags=re.S)  # content.tabs.link: not enabled
    scripts: list[str] = re.findall(r"<script>(.*?)</script>", text, re.S)
    assert len(scripts) == 1, name
    return scripts[0]


@pytest.mark.parametrize("name", ["base", "content", "palette"])
def test_copy_matches_installed_material(name: str) -> None:
    text = (COPIES / f"md-{name}.js").read_text(encoding="utf-8").split(OURS)[0]
    copy = "\n".join(line for line in text.splitlines() if not line.startswith("//"))
    expected = material_script(name)
    if name in DOCUMENTED:
        original, ours = DOCUMENTED[name]
        assert original in expected
        expected = expected.replace(original, ours)
    assert copy.strip() == expected.strip()


@pytest.mark.parametrize("name", ["base", "content", "palette"])
def test_our_partial_loads_the_copy(name: str) -> None:
    override = (ROOT / "overrides/partials/javascripts" / f"{name}.html").read_text(encoding="utf-8")
    assert f"assets/javascripts/md-{name}.js" in override and "<script>" not in override
