"""Rules for the words on a card that the schema cannot express.

A card's text is plain: it is escaped, never run as Markdown, so ``**hold**`` would reach the reader
with its asterisks. A step listed twice, or a name copied from another card (two cards with one
title in the library and in search), is a copy-and-paste slip a reader would notice at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, cast

from ..errors import Problem
from ..markup.grammar import CITATION_RE
from .model import Exercise, Site

_LISTS = ("steps", "cues", "mistakes")
_PLAIN_FIELDS = ("name", "summary", "progress_when", "for_runners", "safety")
# The Markdown a writer reaches for, with what it would look like on the card. Each needs its
# marks on both sides of a word, so "2 * 3", "don't" or a lone underscore pass.
_MARKDOWN = (
    (re.compile(r"(\*\*|__)(?=\S).+?(?<=\S)\1"), "bold"),
    (re.compile(r"(?<![\w*])\*(?=[^\s*])[^*\n]*?(?<=[^\s*])\*(?![\w*])"), "italics"),
    (re.compile(r"(?<![\w_])_(?=[^\s_])[^_\n]*?(?<=[^\s_])_(?![\w_])"), "italics"),
    (re.compile(r"`[^`\n]+`"), "code"),
    (re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)"), "a link"),
    (re.compile(r"^#{1,6}\s"), "a heading"),
)


def card_text_problems(site: Site) -> list[Problem]:
    problems: list[Problem] = []
    for exercise in site.exercises.values():
        problems += _repeated_items(exercise)
        problems += _markdown_in_text(exercise)
    problems += _copied_names(site)
    return problems


def _repeated_items(exercise: Exercise) -> Iterator[Problem]:
    data = cast(dict[str, Any], exercise.data)
    for name in _LISTS:
        first: dict[str, int] = {}
        for index, text in enumerate(data[name]):
            key = " ".join(str(text).split()).casefold()
            if key in first:
                message = f"the same text as {name}.{first[key]}; remove one, or say what differs"
                yield exercise.problem((name, index), message)
            else:
                first[key] = index


def _texts(exercise: Exercise) -> Iterator[tuple[tuple[str | int, ...], str]]:
    data = cast(dict[str, Any], exercise.data)
    for name in _PLAIN_FIELDS:
        if isinstance(data.get(name), str):
            yield (name,), data[name]
    for name in (*_LISTS, "aliases"):
        for index, text in enumerate(data.get(name) or []):
            yield (name, index), str(text)
    for name, value in (data.get("dose") or {}).items():
        yield ("dose", name), str(value)
    for name in ("population", "summary"):
        yield ("evidence", name), str(data["evidence"][name])


def _markdown_in_text(exercise: Exercise) -> Iterator[Problem]:
    for path, text in _texts(exercise):
        plain = CITATION_RE.sub("", text)  # [@key] citations are the one markup a card's text takes
        for pattern, what in _MARKDOWN:
            found = pattern.search(plain)
            if found:
                message = (
                    f"'{found.group(0)}' would show as typed: a card's text is plain, not Markdown; "
                    f"write it without the {what} marks"
                )
                yield exercise.problem(path, message)
                break


def _copied_names(site: Site) -> Iterator[Problem]:
    """Two cards with one name look like one exercise listed twice in the library and in search."""
    owner: dict[str, Exercise] = {}
    for exercise_id in sorted(site.exercises):
        exercise = site.exercises[exercise_id]
        other = owner.setdefault(exercise.name.casefold(), exercise)
        if other is not exercise:
            message = (
                f"'{exercise.name}' is already the name of '{other.id}' ({other.path}); give each exercise its own name"
            )
            yield exercise.problem(("name",), message)
