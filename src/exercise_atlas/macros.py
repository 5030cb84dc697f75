"""The macros a page may call, their parameters, and binding a parsed call to them.

Keeping the signatures in one table gives the same messages in the build and in
``exercise-atlas check``, and lets the docs list every macro.
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import did_you_mean, quoted_list
from .grammar import MacroCall, Value


@dataclass(frozen=True)
class Param:
    name: str
    kind: type = str
    choices: tuple[str, ...] = ()
    default: Value | None = None

    @property
    def required(self) -> bool:
        return self.default is None


MACROS: dict[str, tuple[Param, ...]] = {
    "exercise_card": (Param("id"), Param("variant", choices=("full", "compact", "page"), default="full")),
    "exercise_library": (),
    "muscle_table": (Param("group", choices=("adductors", "all"), default="adductors"),),
    # Space-separated muscle ids: `muscles` strongly highlighted, `helpers` lightly.
    "muscle_map": (Param("muscles"), Param("helpers", default=""), Param("caption", default="")),
    "bibliography": (),
    "glossary": (),
}


class MacroError(ValueError):
    """A call that parses but does not fit its macro."""


def bind(call: MacroCall) -> dict[str, Value]:
    """The call's arguments by name, defaults filled in."""
    if call.name not in MACROS:
        raise MacroError(f"unknown macro '{call.name}'{did_you_mean(call.name, MACROS)}; known: {quoted_list(MACROS)}")
    params = MACROS[call.name]
    if len(call.args) > len(params):
        raise MacroError(f"{call.name}() takes at most {len(params)} argument(s), got {len(call.args)}")
    bound: dict[str, Value] = {p.name: v for p, v in zip(params, call.args, strict=False)}
    names = [p.name for p in params]
    for key, value in call.kwargs.items():
        if key not in names:
            raise MacroError(f"{call.name}(): unknown argument '{key}'{did_you_mean(key, names)}")
        if key in bound:
            raise MacroError(f"{call.name}(): argument '{key}' is given twice")
        bound[key] = value
    for param in params:
        if param.name not in bound:
            if param.required:
                raise MacroError(f"{call.name}(): missing argument '{param.name}'")
            bound[param.name] = param.default  # type: ignore[assignment]
        _check(call.name, param, bound[param.name])
    return bound


def _check(macro: str, param: Param, value: Value) -> None:
    if type(value) is not param.kind:
        raise MacroError(
            f"{macro}(): {param.name}: expected {'text in quotes' if param.kind is str else param.kind.__name__}"
        )
    if param.choices and value not in param.choices:
        hint = did_you_mean(value, param.choices)
        raise MacroError(f"{macro}(): {param.name}: expected one of {quoted_list(param.choices)}; got '{value}'{hint}")
