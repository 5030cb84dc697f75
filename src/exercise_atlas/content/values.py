"""A value a contributor typed, described in a few words for a one-line message."""

from __future__ import annotations


def describe_value(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        # Control characters are shown escaped, so the message cannot garble a terminal.
        return "'" + "".join(c if c.isprintable() else repr(c)[1:-1] for c in shown) + "'"
    for kind, word in (((int, float), "a number"), (list, "a list"), (dict, "a mapping")):
        if isinstance(value, kind):
            return word
    return type(value).__name__
