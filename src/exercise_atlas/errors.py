"""Content problems, reported one line each, never as a traceback.

A contributor who breaks a file should read ``path:line: field: what was expected`` and know
what to change, so every check returns :class:`Problem` values instead of raising at the first
one; callers collect them all and raise :class:`ContentError` once.
"""

from __future__ import annotations

import difflib
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NoReturn

try:  # Under MkDocs a BuildError aborts the build with the message only, no traceback.
    from mkdocs.exceptions import BuildError as _BuildError
except ImportError:  # pragma: no cover - the package also works without MkDocs
    _BuildError = Exception  # type: ignore[misc,assignment]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one place in the content."""

    path: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        line = f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        # One line, always: a key or value holding a newline or control character is shown escaped.
        return "".join(c if c.isprintable() else repr(c)[1:-1] for c in line)

    def sort_key(self) -> tuple[str, int, str, str]:
        return (self.path, self.line or 0, self.field, self.message)


class ContentError(_BuildError):
    """Bad content: carries every problem found, printed one per line."""

    def __init__(self, problems: Iterable[Problem], heading: str = "") -> None:
        self.problems = sorted(set(problems), key=Problem.sort_key)
        super().__init__("\n".join([heading] * bool(heading) + [str(p) for p in self.problems]))


class OptionError(KeyError):
    """A wrong option in ``mkdocs.yml``. A KeyError, as Python-Markdown's own ``setConfig`` raises,
    but shown as its message alone (a KeyError's text is otherwise wrapped in quotes)."""

    def __str__(self) -> str:
        return str(self.args[0])


# MkDocs lists the source lines of a failing extension's frames above its message. A frame
# compiled from a string has no source line, which ends that listing: the contributor reads the
# one-line message and no traceback. The string is a constant; nothing a contributor writes runs.
_RAISE_WITHOUT_SOURCE = compile("raise error", "<exercise_atlas>", "exec")


def fail_build(problems: Iterable[Problem], zensical_build: bool, heading: str = "") -> NoReturn:
    """Stop the build with one line per problem.

    MkDocs and ProperDocs print a ContentError as its lines. Zensical turns any exception from an
    extension into two tracebacks, so under ``zensical build`` the lines are printed here and the
    process ends with status 1, as a failed MkDocs build does; under ``zensical serve`` the error
    is raised, which keeps the preview server running. ``heading`` is a line printed above them."""
    error = ContentError(problems, heading)
    if zensical_build and sys.argv[1:2] == ["build"]:
        sys.stderr.write("".join(f"{problem}\n" for problem in error.problems))
        sys.stderr.flush()
        sys.stdout.flush()
        os._exit(1)
    raise error


def raise_without_source(error: BaseException) -> NoReturn:
    exec(_RAISE_WITHOUT_SOURCE, {"error": error})
    raise error  # not reached


def did_you_mean(value: object, choices: Iterable[str]) -> str:
    """A suffix like `` (did you mean 'x'?)`` for a near miss, or nothing."""
    if not isinstance(value, str):
        return ""
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def quoted_list(choices: Iterable[str]) -> str:
    return ", ".join(f"'{c}'" for c in choices)
