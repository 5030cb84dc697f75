"""The live preview (``make serve``): a draft shows, and every failed rebuild says so again.

``make new-exercise`` writes a file full of PLACEHOLDER text while the preview is running. The
preview must keep working and show the draft with its placeholders marked; only the check and
the strict build (CI) refuse to publish it. ``make serve`` sets ``ATLAS_LIVE_RELOAD=1`` for the
server alone (the Makefile unexports it everywhere else), which is how a build knows it is one.

MkDocs drops a log line identical to one it printed before, so a preview rebuild that fails the
same way twice would print only "Aborted with a BuildError!". The heading above the problems
carries the time of the rebuild under the preview, which keeps each failure's lines printed.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re

from ..content.pages import PLACEHOLDER, PLACEHOLDER_LEFT
from ..errors import Problem

_LOG = logging.getLogger("mkdocs.plugins.exercise_atlas")
_TEXT_RE = re.compile(r">([^<]+)<")


def serving() -> bool:
    """Whether this build is the live preview of ``make serve``."""
    return os.environ.get("ATLAS_LIVE_RELOAD") == "1"


def drafts_set_aside(problems: list[Problem], warn: bool) -> list[Problem]:
    """The problems that stop a preview: all but the placeholders left in a draft, which are
    named in one warning (``warn``: once a build) instead; the preview shows them marked."""
    left = sorted({problem for problem in problems if problem.message == PLACEHOLDER_LEFT}, key=Problem.sort_key)
    if left and warn:
        files = sorted({problem.path for problem in left})
        _LOG.warning(
            "%d %s left in %s: the preview shows them marked; make check and the published build refuse them",
            len(left),
            PLACEHOLDER if len(left) == 1 else f"{PLACEHOLDER}s",
            ", ".join(files),
        )
    return [problem for problem in problems if problem.message != PLACEHOLDER_LEFT]


def mark_placeholders(html: str) -> str:
    """Every PLACEHOLDER in the page's text (never inside a tag or an attribute) as a highlight."""
    marked = f'<mark class="exercise-atlas-placeholder">{PLACEHOLDER}</mark>'
    return _TEXT_RE.sub(lambda m: ">" + m.group(1).replace(PLACEHOLDER, marked) + "<", html)


def heading(count: int, preview: bool) -> str:
    """The line above a failed build's problems. MkDocs names a page above it, the one it was
    rendering when the build stopped: the last one, not where the problems are."""
    problems = "1 problem" if count == 1 else f"{count} problems"
    when = f", preview rebuilt at {dt.datetime.now().strftime('%H:%M:%S')}" if preview else ""
    return f"{problems} in the files named on each line below (not the page named above{when}):"
