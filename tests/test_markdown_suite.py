"""Python-Markdown's own test suite, with our extension switched on in every Markdown instance.

Our macros and citations must take nothing that another extension or plain Markdown owns (the
table-of-contents extension's ``{{marker}}`` option, e-mail addresses, link references...). The
suite ships in Markdown's source distribution; it is fetched from PyPI, hash-checked, for the
exact version we pin.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import textwrap
from pathlib import Path

import markdown
import pytest
from conftest import FIXTURE

SDIST_SHA256 = {"3.11.3": "81eb91631dc97ad1efbc76019ef0f80fe90ca49ddf81546752d79989c3bfff3e"}

PATCH = textwrap.dedent(
    """
    import os
    import markdown.core

    _init = markdown.core.Markdown.__init__
    _root = os.environ["ATLAS_MINI"]
    _config = {
        "exercises_dir": f"{_root}/docs/exercises",
        "muscles_file": f"{_root}/data/muscles.yml",
        "references_file": f"{_root}/data/references.bib",
        "glossary_file": f"{_root}/includes/abbreviations.md",
        "vocabulary_file": f"{_root}/data/vocabulary.yml",
        "assets_dir": "",
    } if _root else {}

    def _with_atlas(self, **kwargs):
        extensions = [*(kwargs.get("extensions") or []), "exercise_atlas"]
        configs = {**(kwargs.get("extension_configs") or {}), "exercise_atlas": _config}
        _init(self, **{**kwargs, "extensions": extensions, "extension_configs": configs})

    markdown.core.Markdown.__init__ = _with_atlas
    """
)


@pytest.mark.parametrize("data", ["the mini site's data", "no site data"])
def test_python_markdowns_own_suite_passes_with_our_extension(tmp_path: Path, data: str) -> None:
    """With the mini site's data, and with the defaults in a folder that has no site (Markdown's
    own source), where nothing may be written either."""
    version = markdown.__version__
    assert version in SDIST_SHA256, f"add the sha256 of Markdown {version}'s sdist from PyPI to SDIST_SHA256"
    wanted = tmp_path / "wanted.txt"
    wanted.write_text(f"markdown=={version} --hash=sha256:{SDIST_SHA256[version]}\n", encoding="utf-8")
    download = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:"]
    fetched = subprocess.run(
        [*download, "--require-hashes", "-r", str(wanted), "-d", str(tmp_path)], capture_output=True, text=True
    )
    if fetched.returncode != 0:
        if os.environ.get("CI"):
            pytest.fail(f"could not download Markdown's sdist: {fetched.stderr}")
        pytest.skip("Markdown's sdist could not be downloaded (no access to PyPI)")
    with tarfile.open(next(tmp_path.glob("markdown-*.tar.gz"))) as archive:
        if hasattr(tarfile, "data_filter"):  # Python 3.11.4 and later (PEP 706)
            archive.extractall(tmp_path, filter="data")
        else:  # Debian 12's 3.11.2 has no filters; the archive is PyPI's, checked by its hash above
            archive.extractall(tmp_path)
    source = tmp_path / f"markdown-{version}"
    (tmp_path / "patch").mkdir()
    (tmp_path / "patch/sitecustomize.py").write_text(PATCH, encoding="utf-8")
    env = {
        **os.environ,
        "ATLAS_MINI": str(FIXTURE) if data == "the mini site's data" else "",
        "PYTHONPATH": os.pathsep.join([str(tmp_path / "patch"), *sys.path]),
    }
    suite = [sys.executable, "-m", "unittest", "discover", "-s", "tests", "-t", "."]
    files_before = sorted(p for p in source.rglob("*") if "__pycache__" not in p.parts)
    result = subprocess.run(suite, cwd=source, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Ran 1" in result.stderr  # over a thousand tests ran
    assert sorted(p for p in source.rglob("*") if "__pycache__" not in p.parts) == files_before
