"""The macro registry: binding parsed calls, and each parameter validator on its own."""

import pytest

from exercise_atlas.content.model import Site
from exercise_atlas.markup.grammar import parse_macro
from exercise_atlas.markup.macros import (
    MACROS,
    AlreadyReportedError,
    MacroError,
    bind,
    exercise_id,
    muscle_ids,
    one_of,
    text,
)


def _site() -> Site:
    site = Site()
    # Only the ids matter here: the records themselves are left out.
    site.exercises = {"a": None}  # type: ignore[dict-item]
    site.muscles = {"gracilis": {}, "adductor-longus": {}}  # type: ignore[typeddict-item]
    site.broken_exercises = {"broken"}
    return site


def test_defaults_are_filled_in() -> None:
    found, args = bind(parse_macro('exercise_card("a")'), _site())
    assert (found.name, args) == ("exercise_card", {"id": "a", "variant": "full"})


def test_every_macro_is_registered_with_its_function() -> None:
    assert list(MACROS) == [
        "exercise_card",
        "exercise_library",
        "muscle_table",
        "muscle_map",
        "bibliography",
        "glossary",
        "exercise_figures",
        "chart",
        "stride",
    ]
    assert all(callable(m.render) for m in MACROS.values())


@pytest.mark.parametrize(
    ("inner", "messages"),
    [
        (
            'exercise_crad("a")',
            ["unknown macro 'exercise_crad' (did you mean 'exercise_card'?); known: 'exercise_card', "
             "'exercise_library', 'muscle_table', 'muscle_map', 'bibliography', 'glossary', 'exercise_figures', 'chart', 'stride'"],
        ),
        ("exercise_card()", ["exercise_card(): missing argument 'id'"]),
        ('exercise_card("a", "full", "x")', ["exercise_card() takes at most 2 argument(s), got 3"]),
        ('exercise_card("a", varient="full")', ["exercise_card(): unknown argument 'varient' (did you mean 'variant'?)"]),
        (
            'exercise_card("a", variant="compcat")',
            ["exercise_card(): variant: expected one of 'full', 'compact', 'page'; got 'compcat' (did you mean 'compact'?)"],
        ),
        ("exercise_card(3)", ["exercise_card(): id: expected text in quotes"]),
        ('exercise_card("a", id="b")', ["exercise_card(): argument 'id' is given twice"]),
        ('exercise_card("b", variant="x")', [
            "exercise_card(): id: unknown exercise 'b'",
            "exercise_card(): variant: expected one of 'full', 'compact', 'page'; got 'x'",
        ]),
        ('muscle_map("gracilus adductor-longis")', [
            "muscle_map(): muscles: unknown muscle 'gracilus' (did you mean 'gracilis'?)",
            "muscle_map(): muscles: unknown muscle 'adductor-longis' (did you mean 'adductor-longus'?)",
        ]),
    ],
)  # fmt: skip
def test_bad_calls_report_every_problem(inner: str, messages: list[str]) -> None:
    with pytest.raises(MacroError) as error:
        bind(parse_macro(inner), _site())
    assert error.value.messages == messages


def test_validators_each_on_their_own() -> None:
    site = _site()
    assert text("x", site) == "x"
    with pytest.raises(ValueError, match=r"^expected text in quotes$"):
        text(True, site)
    assert one_of("a", "b")("b", site) == "b"
    with pytest.raises(ValueError, match=r"^expected one of 'a', 'b'; got 'c'$"):
        one_of("a", "b")("c", site)
    assert exercise_id("a", site) == "a"
    with pytest.raises(AlreadyReportedError):  # its own file's problems are reported; nothing more
        exercise_id("broken", site)
    assert muscle_ids(at_least_one=False)("", site) == []
    with pytest.raises(ValueError, match=r"^expected at least one muscle id, like 'gracilis'$"):
        muscle_ids(at_least_one=True)(" ", site)
    assert muscle_ids(at_least_one=True)("gracilis adductor-longus", site) == ["gracilis", "adductor-longus"]
