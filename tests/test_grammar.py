"""The macro grammar: parsed strictly, never evaluated."""

import pytest

from exercise_atlas.markup.grammar import MacroCall, MacroSyntaxError, citation_keys, parse_macro


@pytest.mark.parametrize(
    ("inner", "expected"),
    [
        (' exercise_card("copenhagen-plank") ', MacroCall("exercise_card", ("copenhagen-plank",), {})),
        ("exercise_card('a', variant='compact')", MacroCall("exercise_card", ("a",), {"variant": "compact"})),
        ("exercise_library()", MacroCall("exercise_library")),
        ('f("a\\"b", n=3, flag=true,)', MacroCall("f", ('a"b',), {"n": 3, "flag": True})),
    ],
)
def test_valid_calls_parse(inner: str, expected: MacroCall) -> None:
    assert parse_macro(inner) == expected


@pytest.mark.parametrize(
    ("inner", "message"),
    [
        ("exercise_card", 'expected a call like exercise_card("copenhagen-plank")'),
        ("exercise_card(copenhagen)", "unexpected 'copenhagen': text must be in quotes, like \"copenhagen\""),
        ('exercise_card("a" "b")', "expected ',' between arguments"),
        ('exercise_card(variant="x", "a")', "a positional argument cannot follow a keyword argument"),
        ('exercise_card("a", v="1", v="2")', "argument 'v' is given twice"),
        ('exercise_card("a", variant=)', "missing value after 'variant='"),
        ('exercise_card(__import__("os"))', "unexpected character '(' (text must be in quotes)"),
        ('exercise_card("unterminated)', "unexpected character '\"' (text must be in quotes)"),
    ],
)
def test_malformed_calls_say_what_is_wrong(inner: str, message: str) -> None:
    with pytest.raises(MacroSyntaxError) as error:
        parse_macro(inner)
    assert str(error.value) == message


def test_citation_keys_in_order_with_repeats() -> None:
    assert citation_keys("a [@x] b [@y; @x] [@not a key]") == ["x", "y", "x"]
