"""The macro registry: each macro's name, parameters and rendering function, in one place.

A macro is registered with the ``@macro`` decorator next to the function that renders it (see
``render.py``); adding a macro is that one change. Parameters are checked by small validator
functions, as pymdown-extensions' block options are: each returns the value or raises
``ValueError`` with the message a contributor sees. Validators that need the site's data (an
exercise or muscle id) get it as their second argument.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import did_you_mean, quoted_list
from .grammar import MacroCall, Value

if TYPE_CHECKING:
    from ..content.model import Site


class MacroError(ValueError):
    """A call that parses but does not fit its macro; may carry several messages, one per problem."""

    def __init__(self, *messages: str) -> None:
        super().__init__("; ".join(messages))
        self.messages = list(messages)


class AlreadyReportedError(ValueError):
    """The value names something whose own file has problems, reported there; say nothing more."""


Validator = Callable[[Value, "Site"], Any]


@dataclass(frozen=True)
class Param:
    name: str
    validate: Validator
    default: Value | None = None  # None: the argument is required

    @property
    def required(self) -> bool:
        return self.default is None


@dataclass(frozen=True)
class Macro:
    name: str
    params: tuple[Param, ...]
    render: Callable[..., str]


MACROS: dict[str, Macro] = {}


def macro(name: str, *params: Param) -> Callable[[Callable[..., str]], Callable[..., str]]:
    """Register ``function(renderer, page, **arguments) -> html`` as the macro ``name``."""

    def register(function: Callable[..., str]) -> Callable[..., str]:
        MACROS[name] = Macro(name, params, function)
        return function

    return register


# Validators.


def text(value: Value, site: Site) -> str:
    if not isinstance(value, str):
        raise ValueError("expected text in quotes")
    return value


def one_of(*choices: str) -> Validator:
    def validate(value: Value, site: Site) -> str:
        value = text(value, site)
        if value not in choices:
            raise ValueError(f"expected one of {quoted_list(choices)}; got '{value}'{did_you_mean(value, choices)}")
        return value

    return validate


def exercise_id(value: Value, site: Site) -> str:
    value = text(value, site)
    if value in site.broken_exercises or "vocabulary" in site.unreadable:
        raise AlreadyReportedError(value)
    if value not in site.exercises:
        raise ValueError(f"unknown exercise '{value}'{did_you_mean(value, site.exercises)}")
    return value


def muscle_ids(*, at_least_one: bool) -> Validator:
    """Space-separated muscle ids; every unknown id is one problem."""

    def validate(value: Value, site: Site) -> list[str]:
        ids = text(value, site).split()
        if at_least_one and not ids:
            raise ValueError("expected at least one muscle id, like 'gracilis'")
        if "muscles" in site.unreadable:
            raise AlreadyReportedError(value)
        unknown = [f"unknown muscle '{m}'{did_you_mean(m, site.muscles)}" for m in ids if m not in site.muscles]
        if unknown:
            raise MacroError(*unknown)
        return ids

    return validate


# Binding a parsed call.


def bind(call: MacroCall, site: Site) -> tuple[Macro, dict[str, Any]]:
    """The macro and its checked arguments by name, defaults filled in; every problem at once."""
    if call.name not in MACROS:
        known = list(MACROS)
        raise MacroError(f"unknown macro '{call.name}'{did_you_mean(call.name, known)}; known: {quoted_list(known)}")
    found = MACROS[call.name]
    given = _by_name(call, found.params)
    bound: dict[str, Any] = {}
    errors: list[str] = []
    for param in found.params:
        if param.name not in given and param.required:
            errors.append(f"{call.name}(): missing argument '{param.name}'")
            continue
        try:
            bound[param.name] = param.validate(given.get(param.name, param.default), site)  # type: ignore[arg-type]
        except MacroError as exc:
            errors += [f"{call.name}(): {param.name}: {message}" for message in exc.messages]
        except AlreadyReportedError:
            raise
        except ValueError as exc:
            errors.append(f"{call.name}(): {param.name}: {exc}")
    if errors:
        raise MacroError(*errors)
    return found, bound


def _by_name(call: MacroCall, params: Sequence[Param]) -> dict[str, Value]:
    names = [p.name for p in params]
    if len(call.args) > len(params):
        raise MacroError(f"{call.name}() takes at most {len(params)} argument(s), got {len(call.args)}")
    given: dict[str, Value] = dict(zip(names, call.args, strict=False))
    for key, value in call.kwargs.items():
        if key not in names:
            raise MacroError(f"{call.name}(): unknown argument '{key}'{did_you_mean(key, names)}")
        if key in given:
            raise MacroError(f"{call.name}(): argument '{key}' is given twice")
        given[key] = value
    return given
