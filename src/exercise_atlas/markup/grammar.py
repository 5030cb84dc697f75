"""The two small grammars authors write: macro calls and citations.

Macros are parsed, never evaluated: ``{{ name("text", key="text") }}`` with string, integer and
true/false literals only. Anything else is a syntax error with a column, so a typo cannot run
code or silently render nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Only the call form is ours: ``{{ name(...) }}``. Other double-brace text (another extension's
# ``{{marker}}``, a template shown in prose) is left alone. The closing parenthesis is optional
# here so that a call missing it is reported by ``parse_macro``, never published as raw text.
_CALL = r"\s*[A-Za-z_]\w*\s*\(.*?\)?\s*"
# A macro stands alone on its line, unindented (indented text is a code block).
MACRO_LINE_RE = re.compile(rf"^\{{\{{(?P<inner>{_CALL})\}}\}}[ \t]*$", re.MULTILINE)
# The same call anywhere in a line: inside a sentence it is a mistake, reported, never published.
INLINE_MACRO_RE = re.compile(rf"\{{\{{(?P<inner>{_CALL})\}}\}}")
_CALL_RE = re.compile(r"^\s*(?P<name>[A-Za-z_]\w*)\s*\((?P<args>.*)\)\s*$", re.DOTALL)
_TOKEN_RE = re.compile(
    r"""\s*(?:
        (?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
      | (?P<number>-?\d+)
      | (?P<name>[A-Za-z_]\w*)
      | (?P<punct>[=,])
      | (?P<other>\S)
    )""",
    re.VERBOSE,
)
_ESCAPES = {"n": "\n", "t": "\t", "\\": "\\", '"': '"', "'": "'"}

# Pandoc-style citations: [@key] or [@key1; @key2]. A key is read generously (any letter, so a
# typo such as a non-ASCII letter is reported as an unknown key, never shown as literal text).
_KEY = r"[^\W_][\w:.-]*"
CITATION_RE = re.compile(rf"\[@(?P<keys>{_KEY}(?:\s*;\s*@{_KEY})*)\]")
# Anything else in square brackets that starts with @ is a citation gone wrong.
LOOSE_CITATION_RE = re.compile(r"\[\s*@[^\]\n]*\]")
# A key without brackets, "@serner2014": a citation only if it names (nearly) a real key.
BARE_KEY_RE = re.compile(r"(?<![\w@.\[/])@(?P<key>[^\W_](?:[\w:.-]*\w)?)")


def match_keys(match: re.Match[str]) -> list[str]:
    """The keys of one ``[@a; @b]`` citation."""
    return [key.strip().lstrip("@") for key in match.group("keys").split(";")]


def citation_keys(text: str) -> list[str]:
    """Every key cited in ``text``, in order, repeats kept."""
    return [key for m in CITATION_RE.finditer(text) for key in match_keys(m)]


def malformed_citation(text: str) -> str:
    """Why ``[@...]`` text that is not a citation is wrong, and what was probably meant."""
    inner = text[1:-1].strip()
    keys = [part.strip().lstrip("@").strip() for part in re.split(r"[;,]", inner)]
    meant = "[" + "; ".join(f"@{key}" for key in keys if key) + "]"
    if "," in inner and all(keys):
        return f"separate citation keys with ';', not ',': write {meant}"
    if re.match(r"\[\s*@\s+", text) or re.search(r";\s*@\s+", inner):
        return f"no space after '@' in a citation: write {meant}"
    return "expected a citation like [@serner2014] or [@serner2014; @haroy2019]"


class MacroSyntaxError(ValueError):
    """A macro call that does not follow the grammar."""


Value = str | int | bool


@dataclass(frozen=True)
class MacroCall:
    name: str
    args: tuple[Value, ...] = ()
    kwargs: dict[str, Value] = field(default_factory=dict)


def parse_macro(inner: str) -> MacroCall:
    """Parse the text between ``{{`` and ``}}``."""
    call = _CALL_RE.match(inner)
    if not call and "(" in inner and not inner.rstrip().endswith(")"):
        raise MacroSyntaxError("the call's parenthesis is not closed: add ')' before '}}'")
    if not call:
        raise MacroSyntaxError('expected a call like exercise_card("copenhagen-plank")')
    args: list[Value] = []
    kwargs: dict[str, Value] = {}
    tokens = _tokens(call.group("args"))
    while tokens:
        keyword = None
        if len(tokens) >= 2 and tokens[0][0] == "name" and tokens[1] == ("punct", "="):
            keyword = tokens[0][1]
            tokens = tokens[2:]
        if not tokens:
            raise MacroSyntaxError(f"missing value after '{keyword}='")
        value = _literal(tokens.pop(0))
        if keyword is None:
            if kwargs:
                raise MacroSyntaxError("a positional argument cannot follow a keyword argument")
            args.append(value)
        elif keyword in kwargs:
            raise MacroSyntaxError(f"argument '{keyword}' is given twice")
        else:
            kwargs[keyword] = value
        if tokens and tokens.pop(0) != ("punct", ","):
            raise MacroSyntaxError("expected ',' between arguments")
    return MacroCall(call.group("name"), tuple(args), kwargs)


def _tokens(text: str) -> list[tuple[str, str]]:
    tokens = []
    for match in _TOKEN_RE.finditer(text):
        kind = match.lastgroup
        if kind == "other":
            raise MacroSyntaxError(f"unexpected character '{match.group(kind)}' (text must be in quotes)")
        if kind:
            tokens.append((kind, match.group(kind)))
    return tokens


def _literal(token: tuple[str, str]) -> Value:
    kind, text = token
    if kind == "string":
        return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(0)), text[1:-1])
    if kind == "number":
        return int(text)
    if text in ("true", "false", "True", "False"):
        return text.lower() == "true"
    raise MacroSyntaxError(f'unexpected {text!r}: text must be in quotes, like "{text}"')
