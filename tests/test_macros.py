"""Binding parsed calls to the macro table: every mistake named exactly."""

import pytest

from exercise_atlas.grammar import parse_macro
from exercise_atlas.macros import MacroError, bind


def test_defaults_are_filled_in():
    assert bind(parse_macro('exercise_card("a")')) == {"id": "a", "variant": "full"}


@pytest.mark.parametrize(
    ("inner", "message"),
    [
        (
            'exercise_crad("a")',
            "unknown macro 'exercise_crad' (did you mean 'exercise_card'?); known: 'exercise_card', "
            "'exercise_library', 'muscle_table', 'muscle_map', 'bibliography', 'glossary'",
        ),
        ("exercise_card()", "exercise_card(): missing argument 'id'"),
        ('exercise_card("a", "full", "x")', "exercise_card() takes at most 2 argument(s), got 3"),
        ('exercise_card("a", varient="full")', "exercise_card(): unknown argument 'varient' (did you mean 'variant'?)"),
        (
            'exercise_card("a", variant="compcat")',
            "exercise_card(): variant: expected one of 'full', 'compact', 'page'; got 'compcat' (did you mean 'compact'?)",
        ),
        ("exercise_card(3)", "exercise_card(): id: expected text in quotes"),
        ('exercise_card("a", id="b")', "exercise_card(): argument 'id' is given twice"),
    ],
)
def test_bad_calls(inner, message):
    with pytest.raises(MacroError) as error:
        bind(parse_macro(inner))
    assert str(error.value) == message
