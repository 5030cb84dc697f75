"""Property-based tests: whatever a contributor types, the only outcomes are a rendered card or
a validation error, never another exception, and rendering is deterministic."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import yaml
from conftest import FIXTURE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exercise_atlas.content.loader import _load
from exercise_atlas.content.model import Settings, Site
from exercise_atlas.errors import ContentError
from exercise_atlas.markup.grammar import MacroSyntaxError, parse_macro
from exercise_atlas.markup.macros import MacroError, bind
from exercise_atlas.markup.renderer import Renderer

MINI_SETTINGS = Settings(vocabulary_file="data/vocabulary.yml")  # the mini site's options
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
BALL = "docs/exercises/ball-squeeze.md"
TEMPLATE = (FIXTURE / BALL).read_text(encoding="utf-8")
FRONT = yaml.safe_load(TEMPLATE.split("---")[1])

yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
macro_text = st.one_of(
    st.text(max_size=60),
    st.builds(
        lambda name, args: f"{name}({args})",
        st.sampled_from(["exercise_card", "muscle_table", "bibliography", "glossary", "exercise_library", "x"]),
        st.text(alphabet="\"'=,() abc-_12\\", max_size=40),
    ),
)


@SETTINGS
@given(inner=macro_text)
def test_any_macro_text_parses_or_fails_cleanly(inner: str) -> None:
    try:
        bind(parse_macro(inner), Site())
    except (MacroSyntaxError, MacroError) as error:
        assert str(error) and "\n" not in str(error)


def load(mini: Path) -> Site:
    return _load(MINI_SETTINGS)  # uncached: files change faster than the clock ticks here


@SETTINGS
@given(field=st.sampled_from(sorted(FRONT)), value=yaml_values)
def test_any_field_value_loads_or_is_reported(mini: Path, field: str, value: Any) -> None:
    front = {**FRONT, field: value}
    text = "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n\n" + TEMPLATE.split("---", 2)[2]
    (mini / BALL).write_text(text, encoding="utf-8")
    site = load(mini)
    if site.problems:
        for problem in site.problems:
            assert "\n" not in str(problem) and str(problem).startswith(("docs/", "data/"))
        return
    renderer = Renderer(site, MINI_SETTINGS)
    [first] = (ET.tostring(e) for e in renderer.render_macro('exercise_card("ball-squeeze")', None))
    assert [ET.tostring(e) for e in renderer.render_macro('exercise_card("ball-squeeze")', None)] == [first]


@SETTINGS
# U+0085, U+2028 and U+2029 are line breaks to YAML itself, which folds them like newlines.
@given(
    text=st.text(min_size=1, max_size=80).filter(
        lambda t: t.strip() == t and "[@" not in t and not {"\x85", "\u2028", "\u2029"} & set(t)
    )
)
def test_cue_text_comes_out_exactly_as_typed(mini: Path, text: str) -> None:
    front = {**FRONT, "cues": [text]}
    body = TEMPLATE.split("---", 2)[2]
    (mini / BALL).write_text("---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + body, encoding="utf-8")
    site = load(mini)
    if site.problems:  # control characters and the like are refused with a message
        assert all("cues" in p.field for p in site.problems), site.problems
        return
    [card] = Renderer(site, MINI_SETTINGS).render_macro('exercise_card("ball-squeeze")', None)
    cues = card.find(".//section[@class='exercise-card__section exercise-card__cues']/ul/li")
    assert cues is not None
    # Text only, no element injected; line breaks come out normalised, as in any HTML parser.
    typed = text.replace("\r\n", "\n").replace("\r", "\n")
    assert "".join(cues.itertext()) == typed and len(cues) == 0


@SETTINGS
@given(garbage=st.text(max_size=200))
def test_any_front_matter_text_loads_or_is_reported(mini: Path, garbage: str) -> None:
    (mini / BALL).write_text(f"---\n{garbage}\n---\n", encoding="utf-8")
    try:
        site = load(mini)
    except ContentError:  # pragma: no cover - load collects problems, it does not raise
        raise AssertionError("load raised") from None
    assert site.problems or "ball-squeeze" in site.exercises
