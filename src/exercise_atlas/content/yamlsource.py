"""YAML that remembers where each value came from.

PyYAML's composed node tree carries line marks; we keep a map from each value's path
(``("dose", "sets")``, ``("steps", 2)``) to its line so that schema errors can point at the
exact line of the file. Dates are kept as text (the schema checks their format), and duplicate
keys, which PyYAML would silently collapse, are reported.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import Problem

Path_ = tuple[str | int, ...]

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
# Characters that take no room: at the start of a line they hide in front of the indentation.
_ZERO_WIDTH = ("\u200b", "\u2060", "\ufeff")


# libyaml's parser when PyYAML has it (its wheels do): the pure-Python scanner was most of the
# cost of loading a large library.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc,valid-type]
    """A safe loader that leaves dates as strings."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class Located:
    """Parsed YAML plus the line of every value (1-based, in the original file).

    The lines are worked out again from ``source`` the first time one is asked for: only a file
    with a problem needs them, and kept for every file of a large library they were the biggest
    thing the generator held in memory (about 12 KB an exercise, 12 MiB at 1,000).
    """

    data: object
    lines: dict[Path_, int] | None = None
    first_line: int = 1
    source: str = ""

    def line_of(self, path: Path_) -> int:
        """The line of ``path``, or of its nearest ancestor that has one."""
        if self.lines is None:
            self.lines = _lines_of(self.source, self.first_line)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), self.first_line)


def read_text(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    """A file's text, or a problem saying why it cannot be read as UTF-8.

    A byte-order mark and Windows line endings are accepted (editors and Git on Windows write
    them): the text comes back without the mark and with plain newlines.
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(shown, None, "", f"cannot read file: {exc.strerror}")]
    try:
        return raw.decode("utf-8-sig").replace("\r\n", "\n"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        byte = raw[exc.start]
        return None, [Problem(shown, line, "", f"not valid UTF-8 text (byte 0x{byte:02x}); save the file as UTF-8")]


def load_yaml(text: str, shown: str, first_line: int = 1) -> tuple[Located | None, list[Problem]]:
    """Parse ``text`` (which starts at ``first_line`` of file ``shown``)."""
    offset = first_line - 1
    invisible = invisible_indent(text, shown, first_line)
    if invisible:
        return None, invisible
    try:
        loader = _Loader(text)  # the pure-Python reader rejects control characters already here
    except yaml.reader.ReaderError as exc:
        return None, [_reader_problem(exc, text, shown, first_line)]
    try:
        node = loader.get_single_node()
        if node is None:
            return Located(None, {(): first_line}, first_line), []
        problems: list[Problem] = []
        _walk(node, (), None, offset, shown, problems)
        data = loader.construct_document(node)
    except yaml.reader.ReaderError as exc:  # libyaml reports control characters while parsing
        return None, [_reader_problem(exc, text, shown, first_line)]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + offset if mark else None
        source_line = text.splitlines()[mark.line] if mark and mark.line < len(text.splitlines()) else ""
        return None, [Problem(shown, line, "", _yaml_message(exc, source_line))]
    except yaml.YAMLError as exc:
        return None, [Problem(shown, first_line, "", f"YAML syntax error: {exc}")]
    finally:
        loader.dispose()
    return Located(data, None, first_line, text), problems


def invisible_indent(text: str, shown: str, first_line: int = 1) -> list[Problem]:
    """Lines indented with a space that only looks like one (a non-breaking space pasted from a web
    page or a word processor): YAML and Markdown read it as text, so the error they give is about
    something else, often on the next line. Named here, on its own line."""
    problems = []
    for number, line in enumerate(text.splitlines(), start=first_line):
        indent = line[: len(line) - len(line.lstrip())]
        odd = next((c for c in indent if c not in " \t"), None)
        if odd is None and line[len(indent) : len(indent) + 1] in _ZERO_WIDTH:
            odd = line[len(indent)]
        if odd is not None:
            name = unicodedata.name(odd, "invisible character").lower()
            message = f"the indentation holds a {name} (U+{ord(odd):04X}), which looks like a space; type ordinary spaces instead"
            problems.append(Problem(shown, number, "", message))
    return problems


def _lines_of(text: str, first_line: int) -> dict[Path_, int]:
    """The line of every value of ``text``, which parsed once already."""
    lines: dict[Path_, int] = {(): first_line}
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            _walk(node, (), lines, first_line - 1, "", [])
    finally:
        loader.dispose()
    return lines


def _yaml_message(exc: yaml.MarkedYAMLError, source_line: str) -> str:
    """PyYAML's wording, translated for the mistakes contributors make most."""
    reason = exc.problem or exc.context or "invalid YAML"
    if "\t" in source_line[: len(source_line) - len(source_line.lstrip())] or "found character '\\t'" in reason:
        return "YAML syntax error: a tab character; indent YAML with spaces only"
    if "mapping values are not allowed" in reason:
        return (
            "YAML syntax error: a ': ' inside a value; put the whole text in quotes, "
            'like summary: "Side plank: the hard version"'
        )
    return f"YAML syntax error: {reason}"


def _reader_problem(exc: yaml.reader.ReaderError, text: str, shown: str, first_line: int) -> Problem:
    line = text[: exc.position].count("\n") + first_line
    return Problem(shown, line, "", f"YAML syntax error: character 0x{exc.character:02x} is not allowed")


def _walk(
    node: yaml.Node, path: Path_, lines: dict[Path_, int] | None, offset: int, shown: str, problems: list[Problem]
) -> None:
    """Report duplicate keys, and note every value's line in ``lines`` when given."""
    if lines is not None:
        lines[path] = node.start_mark.line + 1 + offset
    if isinstance(node, yaml.MappingNode):
        seen: set[object] = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            if key in seen:
                where = ".".join(str(p) for p in (*path, key))
                problems.append(Problem(shown, key_node.start_mark.line + 1 + offset, where, "duplicate key"))
            seen.add(key)
            _walk(value_node, (*path, key), lines, offset, shown, problems)
            if lines is not None:
                lines[(*path, key)] = key_node.start_mark.line + 1 + offset
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), lines, offset, shown, problems)


def split_front_matter(text: str) -> tuple[str, int, str, int] | None:
    """``(yaml, yaml_first_line, body, body_first_line)``, or None if there is no front matter."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return "".join(lines[1:index]), 2, "".join(lines[index + 1 :]), index + 2
    return None
