"""The glossary is the abbreviations file: ``*[TERM]: definition`` lines.

Python-Markdown's ``abbr`` extension turns the same terms into tooltips on every page (the build
hands them over: ``markup/glossary_tooltips.py``), so one file defines each term once for both uses.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import Problem
from .yamlsource import read_text

_ABBR_RE = re.compile(r"^\*\[(?P<term>[^\]]+)\]:[ \t]*(?P<definition>.*)$")


def load_glossary(path: str) -> tuple[list[tuple[str, str]], list[Problem]]:
    if not path or not Path(path).exists():
        return [], []
    text, problems = read_text(Path(path), path)
    if text is None:
        return [], problems
    terms: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _ABBR_RE.match(line)
        if not match:
            problems.append(Problem(path, number, "", "expected a definition like '*[EMG]: Electromyography: ...'"))
        elif not match.group("definition").strip():
            problems.append(Problem(path, number, match.group("term"), "the definition is empty"))
        elif match.group("term") in terms:
            problems.append(Problem(path, number, match.group("term"), "this term is defined twice"))
        else:
            terms[match.group("term")] = match.group("definition").strip()
    return sorted(terms.items(), key=lambda item: item[0].lower().lstrip("%").strip()), problems
