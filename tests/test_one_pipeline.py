"""The bad-input corpus: every common contributor mistake, fed to `exercise-atlas check` and to a
strict build by MkDocs, ProperDocs and Zensical. All four must print exactly the same lines (or all
accept the page): the rules of the whole site too, which no generator tells us when to judge."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import GENERATORS, build_with, copy_mini, edit

from exercise_atlas.build.check import check

BALL = "docs/exercises/ball-squeeze.md"
INDEX = "docs/index.md"
CARD = '{{ exercise_card("ball-squeeze", variant="compact") }}'


def add_extension(root: Path, line: str) -> None:
    edit(root / "mkdocs.yml", "markdown_extensions:\n", f"markdown_extensions:\n  - {line}\n")


def set_option(root: Path, option: str) -> None:
    edit(
        root / "mkdocs.yml",
        "      exercises_dir: docs/exercises\n",
        f"      exercises_dir: docs/exercises\n      {option}\n",
    )


def crlf_everywhere(root: Path) -> None:
    for path in root.rglob("*"):
        if path.suffix in (".md", ".yml", ".bib"):
            path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))


def template_with_typo(root: Path) -> None:
    (root / "overrides/atlas").mkdir(parents=True)
    (root / "overrides/atlas/card.html").write_text("<article>\n{{ ex.nmae }}\n</article>\n", encoding="utf-8")
    set_option(root, "templates_dir: overrides/atlas")


def other_docs_dir(root: Path, option: str = "") -> None:
    shutil.move(root / "docs", root / "content")
    edit(root / "mkdocs.yml", "exercises_dir: docs/exercises", "exercises_dir: content/exercises" + option)
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text() + "docs_dir: content\n")


def published_list(root: Path) -> None:
    (root / "data/published.txt").write_text("# addresses\n/\n/exercises/copenhagen/\n/gone/\n", encoding="utf-8")
    set_option(root, "published_urls_file: data/published.txt")


UNCITED = """
@article{weir2015,
  author  = {Weir, Adam and others},
  title   = {Doha agreement meeting on terminology and definitions in groin pain in athletes},
  journal = {British Journal of Sports Medicine},
  year    = {2015},
  doi     = {10.1136/bjsports-2015-094869},
}
"""

Change = Callable[[Path], object]  # what it returns (a count of bytes written, say) is not used


def steps(*changes: Change) -> Change:
    """One change made of several, in order."""

    def change(root: Path) -> None:
        for each in changes:
            each(root)

    return change


ZENSICAL_READS_FRONT_MATTER_FIRST = {"a tab in YAML", "an unquoted colon", "non-breaking spaces as indentation"}
CASES: dict[str, tuple[Change, list[str]]] = {
    "a macro shown inside a fence inside a fence": (
        steps(
            lambda r: add_extension(r, "pymdownx.superfences"),
            lambda r: edit(r / INDEX, CARD, '````markdown\n```\n{{ exercise_card("nope") }}\n```\n````'),
        ),
        [],
    ),
    "another extension's {{marker}}": (lambda r: edit(r / INDEX, CARD, "Put {{marker}} where the contents go."), []),
    "Windows line endings": (crlf_everywhere, []),
    "a byte-order mark": (lambda r: (r / BALL).write_bytes(b"\xef\xbb\xbf" + (r / BALL).read_bytes()), []),
    "a wrong level and an unknown card further down": (
        steps(
            lambda r: edit(r / BALL, "level: beginner", "level: easy"),
            lambda r: (r / BALL).write_text((r / BALL).read_text() + '\n{{ exercise_card("nope") }}\n'),
        ),
        [
            f"{BALL}:6: level: expected one of 'beginner', 'intermediate', 'advanced'; got 'easy'",
            f"{BALL}:39: {{{{ exercise_card(\"nope\") }}}}: exercise_card(): id: unknown exercise 'nope'",
        ],
    ),
    "a non-ASCII letter in a key": (
        lambda r: edit(r / INDEX, "[@serner2014]", "[@harøy-nosuch-2019]"),
        [f"{INDEX}:6: unknown citation key 'harøy-nosuch-2019'"],
    ),
    "a space after @": (
        lambda r: edit(r / INDEX, "[@serner2014]", "[@ serner2014]"),
        [f"{INDEX}:6: [@ serner2014]: no space after '@' in a citation: write [@serner2014]"],
    ),
    "a comma between keys": (
        lambda r: edit(r / INDEX, "[@serner2014]", "[@serner2014, @tyler2001]"),
        [
            f"{INDEX}:6: [@serner2014, @tyler2001]: separate citation keys with ';', not ',': write [@serner2014; @tyler2001]"
        ],
    ),
    "a key without brackets": (
        lambda r: edit(r / INDEX, "[@serner2014]", "@serner2014"),
        [f"{INDEX}:6: @serner2014: a citation needs square brackets: write [@serner2014]"],
    ),
    "a macro inside a sentence": (
        lambda r: edit(r / INDEX, CARD, 'See {{ exercise_card("ball-squeeze") }} for more.'),
        [f"{INDEX}:8: a macro must stand alone on its own line, with no indentation"],
    ),
    "a review date that is not a date": (
        lambda r: edit(r / INDEX, "---\n# Home", "reviewed: next tuesday\n---\n# Home"),
        [f"{INDEX}:3: reviewed: expected a date like 2026-11-25, got 'next tuesday'"],
    ),
    "a leftover placeholder": (
        lambda r: edit(r / INDEX, "Text with", "PLACEHOLDER: text with"),
        [f"{INDEX}:6: PLACEHOLDER left from the scaffold: replace it with real text"],
    ),
    "an article without a description": (
        lambda r: edit(r / INDEX, "description: A tiny", "summary: A tiny"),
        [f"{INDEX}:2: description: expected a summary of the page in 40 to 160 characters, got nothing"],
    ),
    "pages missing from the published list, and a published address with no page": (
        published_list,
        [
            "data/published.txt:4: /gone/: this address was published but no page has it now; "
            "leave a redirect page (see CONTRIBUTING.md)",
            f"{BALL}: its address /exercises/ball-squeeze/ is not in data/published.txt; add that line (the list only grows)",
        ],
    ),
    "a tab in YAML": (
        lambda r: edit(r / BALL, "level: beginner", "\tlevel: beginner"),
        [f"{BALL}:6: YAML syntax error: a tab character; indent YAML with spaces only"],
    ),
    "an unquoted colon": (
        lambda r: edit(r / BALL, "name: Ball squeeze", "name: Ball squeeze: the easy one"),
        [
            f"{BALL}:3: YAML syntax error: a ': ' inside a value; put the whole text in quotes, "
            'like summary: "Side plank: the hard version"'
        ],
    ),
    "a misspelt id in the muscles file": (
        lambda r: edit(r / "data/muscles.yml", "- id: adductor-longus", "- id: adductor-longis"),
        [
            "data/muscles.yml:1: id: 'adductor-longis' is named by no exercise, but 2 exercises name "
            "'adductor-longus': is the id in this file misspelt (did you mean 'adductor-longus'?)"
        ],
    ),
    "an unclosed brace in BibTeX": (
        lambda r: edit(r / "data/references.bib", "  volume  = {48},", "  volume  = {48,"),
        ["data/references.bib:1: serner2014: the entry's braces do not match: a '}' is missing"],
    ),
    "two unknown fields": (
        lambda r: edit(r / BALL, "cues:", "cue: [x]\nstep: [y]\ncues:"),
        [
            f"{BALL}:19: cue: unknown field 'cue' (did you mean 'cues'?)",
            f"{BALL}:20: step: unknown field 'step' (did you mean 'steps'?)",
        ],
    ),
    "two unknown muscles in one value": (
        lambda r: edit(r / INDEX, CARD, '{{ muscle_map("gracilus adductor-longis") }}'),
        [
            f'{INDEX}:8: {{{{ muscle_map("gracilus adductor-longis") }}}}: muscle_map(): muscles: '
            "unknown muscle 'adductor-longis' (did you mean 'adductor-longus'?)",
            f'{INDEX}:8: {{{{ muscle_map("gracilus adductor-longis") }}}}: muscle_map(): muscles: '
            "unknown muscle 'gracilus' (did you mean 'gracilis'?)",
        ],
    ),
    "a typo in an overridden template": (
        template_with_typo,
        ["overrides/atlas/card.html:2: template error: 'dict object' has no attribute 'nmae'"],
    ),
    "a docs_dir of its own": (other_docs_dir, []),
    "a reference nobody cites": (
        lambda r: (r / "data/references.bib").write_text(
            (r / "data/references.bib").read_text() + UNCITED, encoding="utf-8"
        ),
        ["data/references.bib:18: weir2015: not cited anywhere on the site; cite it with [@key] or remove it"],
    ),
    "an extension docs_dir that is not the site's": (
        lambda r: other_docs_dir(r, "\n      docs_dir: docs"),
        ["mkdocs.yml: exercise_atlas.docs_dir: 'docs' is not the site's docs_dir 'content'; remove the option"],
    ),
    "links to a page and to a heading that do not exist": (
        lambda r: edit(r / INDEX, "Text with", "See [x](nope.md) and [y](exercises/copenhagen.md#nowhere). Text with"),
        [
            f"{INDEX}:6: exercises/copenhagen.md#nowhere: 'exercises/copenhagen.md' has no heading or part "
            "with the id '#nowhere'",
            f"{INDEX}:6: nope.md: no page 'nope.md' in the docs folder (did you mean 'index.md'?)",
        ],
    ),
    "an exercise's further reading that leads nowhere": (
        lambda r: edit(r / BALL, "reviewed:", "links: [{title: More, url: anatomy.md}]\nreviewed:"),
        [f"{BALL}:33: links.0.url: no page 'anatomy.md' in the docs folder"],
    ),
    "the same step twice": (
        lambda r: edit(r / BALL, "  - Squeeze the ball.", "  - Squeeze the ball.\n  - Squeeze  the ball."),
        [f"{BALL}:19: steps.2: the same text as steps.1; remove one, or say what differs"],
    ),
    "a name copied from another exercise": (
        lambda r: edit(r / "docs/exercises/copenhagen.md", "name: Copenhagen adduction", "name: Ball Squeeze"),
        [
            "docs/exercises/copenhagen.md:3: name: 'Ball Squeeze' is already the name of 'ball-squeeze' "
            f"({BALL}); give each exercise its own name"
        ],
    ),
    "a reviewed date in the future": (
        lambda r: edit(r / BALL, "reviewed: 2026-11-25", "reviewed: 2999-01-01"),
        [f"{BALL}:33: reviewed: '2999-01-01' is in the future; give the day you last checked it against its sources"],
    ),
    "an impossible date": (
        lambda r: edit(r / BALL, "reviewed: 2026-11-25", "reviewed: 2026-02-30"),
        [f"{BALL}:33: reviewed: '2026-02-30' is not a real day: February 2026 has 28 days"],
    ),
    "Markdown in a step": (
        lambda r: edit(r / BALL, "  - Squeeze the ball.", "  - Squeeze the **ball**."),
        [
            f"{BALL}:18: steps.1: '**ball**' would show as typed: a card's text is plain, not Markdown; "
            "write it without the bold marks"
        ],
    ),
    "a link in a cue": (
        lambda r: edit(r / BALL, "  - Breathe out.", "  - Breathe out ([why](index.md))."),
        [
            f"{BALL}:20: cues.0: '[why](index.md)' would show as typed: a card's text is plain, not Markdown; "
            "write it without the a link marks"
        ],
    ),
    "an image without alt text": (
        steps(
            lambda r: (r / "docs/ball.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8"),
            lambda r: edit(r / INDEX, "Text with", "![](ball.svg)\n\nText with"),
        ),
        [
            f"{INDEX}:6: ![](ball.svg): an image without alt text; describe what it shows between the brackets: "
            "![what it shows](...)"
        ],
    ),
    "a skipped heading level": (
        lambda r: edit(r / INDEX, "Text with", "### Deeper\n\nText with"),
        [
            f"{INDEX}:6: a level-3 heading under a level-1 one; use ## (headings go down one level at a time, "
            "so screen readers can follow the outline)"
        ],
    ),
    "non-breaking spaces as indentation": (
        lambda r: edit(r / BALL, "  - Squeeze the ball.", "\u00a0\u00a0- Squeeze the ball."),
        [
            f"{BALL}:18: the indentation holds a no-break space (U+00A0), which looks like a space; "
            "type ordinary spaces instead"
        ],
    ),
    "a position name with a capital letter": (
        lambda r: edit(r / BALL, "positions: {rest:", "positions: {Rest:"),
        [
            f"{BALL}:34: figure.positions: expected one word in small letters only (no capitals, digits, spaces "
            "or hyphens), like 'start', got 'Rest': write 'rest'"
        ],
    ),
    "a macro with an unclosed parenthesis": (
        lambda r: edit(r / INDEX, CARD, CARD.replace('" }}', '" }}').replace(") }}", " }}")),
        [
            f'{INDEX}:8: {{{{ exercise_card("ball-squeeze", variant="compact" }}}}: the call\'s parenthesis is '
            "not closed: add ')' before '}}'"
        ],
    ),
}

CONFIG_CASES: dict[str, tuple[Change, str]] = {
    "a misspelt option": (
        lambda r: edit(r / "mkdocs.yml", "exercises_dir:", "exercise_dir:"),
        "exercise_atlas: unknown option 'exercise_dir' (did you mean 'exercises_dir'?); known: "
        "'docs_dir', 'exercises_dir', 'muscles_file', 'references_fil"
        "e', 'glossary_file', 'vocabulary_file', 'assets_dir', 'export_file', 'templates_dir', 'exercise_url', 'references_title', 'published_urls_file', 'charts_file', 'figure_processes'",
    ),
    "a link pattern without {id}": (
        lambda r: set_option(r, 'exercise_url: "exercises/{slug}.md"'),
        "exercise_atlas: exercise_url: expected a link pattern with {id}, like 'exercises/{id}.md'; got {slug}",
    ),
    "a templates folder that does not exist": (
        lambda r: set_option(r, "templates_dir: overrides/nowhere"),
        "exercise_atlas: templates_dir: no folder 'overrides/nowhere' (paths are relative to the folder "
        "mkdocs.yml is in)",
    ),
}


def build_problems(log: str) -> list[str]:
    """The content problems in a build's log, without the generator's own prefixes and headers."""
    lines = [re.sub(r"^(ERROR|WARNING)\s+-\s+", "", line) for line in log.splitlines()]
    return sorted(set(line for line in lines if re.match(r"^[\w./-]+(:\d+)?: ", line)))


@pytest.mark.parametrize("generator", GENERATORS)
@pytest.mark.parametrize("case", list(CASES))
def test_check_and_build_report_the_same_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str, generator: str
) -> None:
    change, expected = CASES[case]
    root = copy_mini(tmp_path)
    change(root)
    monkeypatch.chdir(root)
    assert [str(p) for p in check().problems] == expected
    built = build_with(generator, root, tmp_path / "out")
    log = built.stdout + built.stderr
    if generator == "zensical" and case in ZENSICAL_READS_FRONT_MATTER_FIRST:
        # Zensical parses a page's front matter itself, before our extension sees the page, and
        # stops at broken YAML with its own message (and a traceback we cannot reach).
        assert built.returncode != 0 and "error reading page metadata 'exercises/ball-squeeze.md'" in log, log
        return
    assert "Traceback" not in log
    assert (built.returncode != 0, build_problems(log)) == (bool(expected), sorted(expected)), log


@pytest.mark.parametrize("case", list(CONFIG_CASES))
def test_a_wrong_option_fails_both_the_same_way(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    change, message = CONFIG_CASES[case]
    root = copy_mini(tmp_path)
    change(root)
    monkeypatch.chdir(root)
    assert [str(p) for p in check().problems] == [f"mkdocs.yml: markdown_extensions: {message}"]
    built = build_with("mkdocs", root, tmp_path / "out")
    assert built.returncode == 1
    assert f"Failed to load extension 'exercise_atlas'.\nOptionError: {message}\n" in built.stderr
    assert 'File "' not in built.stderr  # no traceback lines above the message
