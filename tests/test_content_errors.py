"""Contributor mistakes: each yields one exact line (file, line, field, expectation, hint)."""

from pathlib import Path

import pytest
from conftest import edit, problems

BALL = "docs/exercises/ball-squeeze.md"


def test_the_mini_site_is_valid(mini: Path) -> None:
    assert problems() == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("level: beginner", "level: beginer",
         f"{BALL}:6: level: expected one of 'beginner', 'intermediate', 'advanced'; got 'beginer' (did you mean 'beginner'?)"),
        ("name: Ball squeeze\n", "", f"{BALL}:2: name: missing required field"),
        ("  primary: [adductor-longus]", "  primary: [adductor-longis]",
         f"{BALL}:9: muscles.primary.0: unknown muscle 'adductor-longis' (did you mean 'adductor-longus'?)"),
        ("equipment: [ball]", "equipment: ball", f"{BALL}:7: equipment: expected a list, got 'ball'"),
        ("equipment: [ball]", "equipment: [balls]",
         f"{BALL}:7: equipment.0: expected one of 'none', 'bench', 'band', 'cable', 'machine', 'ball', 'slider', 'mat', "
         "'dumbbell', 'kettlebell', 'barbell', 'partner'; got 'balls' (did you mean 'ball'?)"),
        ("reviewed: 2026-11-25", "reviewed: 25/11/2026", f"{BALL}:33: reviewed: expected a date like 2026-11-25, got '25/11/2026'"),
        ("  hold: \"10 s\"\n", "", f"{BALL}:11: dose: expected 'reps' or 'hold' (or both)"),
        ("cues:", "cue: [x]\ncues:", f"{BALL}:19: cue: unknown field 'cue' (did you mean 'cues'?)"),
        ("id: ball-squeeze", "id: ball-squeezes", f"{BALL}:2: id: 'ball-squeezes' does not match the file name (expected 'ball-squeeze')"),
        ("summary: High activity [@serner2014].", "summary: High activity [@serner2014; @tyler2001].",
         f"{BALL}:31: evidence.summary: cites 'tyler2001', which is missing from 'references'"),
        ("steps:\n  - Lie on your back.", "steps:\n  - Lie on your back.\n  -", f"{BALL}:18: steps.1: expected text, got nothing"),
        ("safety: Stop if it hurts.", "safety: ''", f"{BALL}:27: safety: must not be empty"),
        ("aliases: [adductor squeeze]", "aliases: [a, a]", f"{BALL}:4: aliases: the list has the same item twice"),
        ("level: beginner", "level: beginner\nlevel: advanced", f"{BALL}:7: level: duplicate key"),
        ("sets: \"3\"", "sets: 3", f"{BALL}:12: dose.sets: expected text, got a number"),
        ("  - Breathe out.", "  - \"Breathe\\x07 out.\"", f"{BALL}:20: cues.0: expected plain text without control characters, got 'Breathe\\x07 out.'"),
    ],
)  # fmt: skip
def test_one_mistake_one_line(mini: Path, old: str, new: str, expected: str) -> None:
    edit(mini / BALL, old, new)
    assert problems() == [expected]


def test_unknown_reference_key_and_the_citation_it_orphans(mini: Path) -> None:
    edit(mini / BALL, "references: [serner2014]", "references: [sener2014]")
    assert problems() == [
        f"{BALL}:31: evidence.summary: cites 'serner2014', which is missing from 'references'",
        f"{BALL}:32: references.0: unknown citation key 'sener2014' (did you mean 'serner2014'?)",
    ]


def test_yaml_syntax_error_names_the_line(mini: Path) -> None:
    edit(mini / BALL, "level: beginner", "level: [beginner")
    assert problems() == [f"{BALL}:7: YAML syntax error: did not find expected ',' or ']'"]


def test_missing_front_matter(mini: Path) -> None:
    (mini / BALL).write_text("# Ball squeeze\n", encoding="utf-8")
    assert f"{BALL}:1: expected YAML front matter between '---' lines at the top of the file" in problems()


def test_non_utf8_bytes(mini: Path) -> None:
    path = mini / BALL
    path.write_bytes(path.read_bytes().replace(b"Lie on", b"Lie \xff on"))
    assert problems()[0] == f"{BALL}:17: not valid UTF-8 text (byte 0xff); save the file as UTF-8"


def test_every_problem_is_reported_in_one_run(mini: Path) -> None:
    edit(mini / BALL, "level: beginner", "level: easy")
    edit(mini / "docs/exercises/copenhagen.md", "equipment: [bench]", "equipment: [bench, bench]")
    edit(mini / "docs/index.md", "[@serner2014]", "[@nobody1999]")
    found = problems()
    assert len(found) == 3
    assert [line.split(":")[0] for line in found] == [
        BALL,
        "docs/exercises/copenhagen.md",
        "docs/index.md",
    ]


def test_ladders_must_be_mutual(mini: Path) -> None:
    edit(mini / "docs/exercises/copenhagen.md", "regressions: [ball-squeeze]", "regressions: []")
    assert problems() == [
        f"{BALL}:24: progressions.0: 'copenhagen' does not list 'ball-squeeze' in its regressions "
        "(docs/exercises/copenhagen.md); ladders must be mutual"
    ]


def test_an_alias_leads_to_one_exercise(mini: Path) -> None:
    edit(mini / "docs/exercises/copenhagen.md", "aliases: []", "aliases: [side plank, Adductor Squeeze, ball squeeze]")
    assert problems() == [
        "docs/exercises/copenhagen.md:4: aliases.1: 'Adductor Squeeze' already names 'ball-squeeze' "
        f"({BALL}); an alias must lead to one exercise",
        "docs/exercises/copenhagen.md:4: aliases.2: 'ball squeeze' already names 'ball-squeeze' "
        f"({BALL}); an alias must lead to one exercise",
    ]


def test_unknown_and_self_links_in_ladders(mini: Path) -> None:
    edit(mini / BALL, "progressions: [copenhagen]", "progressions: [copenhagen, ball-squeeze, copenhagn-x]")
    assert problems() == [
        f"{BALL}:24: progressions.1: an exercise cannot be its own regression or progression",
        f"{BALL}:24: progressions.2: unknown exercise 'copenhagn-x' (did you mean 'copenhagen'?)",
    ]


def test_cycles_are_reported(mini: Path) -> None:
    edit(mini / BALL, "regressions: []", "regressions: [copenhagen]")
    edit(mini / "docs/exercises/copenhagen.md", "progressions: []", "progressions: [ball-squeeze]")
    assert problems() == [
        f"{BALL}:24: progressions: progressions form a cycle: ball-squeeze -> copenhagen -> ball-squeeze"
    ]


def test_a_copied_exercise_file_is_told_its_id_must_be_its_name(mini: Path) -> None:
    """Ids are file names, so two exercises cannot share one: a copy is caught by its id line."""
    path = mini / "docs/exercises/copy.md"
    path.write_text((mini / BALL).read_text().replace('{{ exercise_card("ball-squeeze"', '{{ exercise_card("copy"'))
    assert problems() == ["docs/exercises/copy.md:2: id: 'ball-squeeze' does not match the file name (expected 'copy')"]


def test_page_must_show_its_own_card(mini: Path) -> None:
    edit(mini / BALL, '{{ exercise_card("ball-squeeze", variant="page") }}', "No card here.")
    assert problems() == [
        f'{BALL}:37: body: expected the page card {{{{ exercise_card("ball-squeeze", variant="page") }}}} on a line of its own'
    ]


def test_page_must_open_with_its_own_card(mini: Path) -> None:
    """Text before the card would make the file name the page's title."""
    card = '{{ exercise_card("ball-squeeze", variant="page") }}'
    edit(mini / BALL, card, f"!!! note\n    Read this first.\n\n{card}")
    assert problems() == [
        f"{BALL}:40: body: put the page card {card} first, before any other text: its name is the page's title"
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('{{ exercise_card("bal-squeeze") }}',
         "docs/index.md:8: {{ exercise_card(\"bal-squeeze\") }}: exercise_card(): id: unknown exercise 'bal-squeeze' "
         "(did you mean 'ball-squeeze'?)"),
        ("{{ exercise_crad() }}",
         "docs/index.md:8: {{ exercise_crad() }}: unknown macro 'exercise_crad' (did you mean 'exercise_card'?); known: "
         "'exercise_card', 'exercise_library', 'muscle_table', 'muscle_map', 'bibliography', 'glossary', 'exercise_figures', 'chart', 'stride'"),
        ("Inline {{ exercise_card(\"ball-squeeze\") }} text",
         "docs/index.md:8: a macro must stand alone on its own line, with no indentation"),
    ],
)  # fmt: skip
def test_page_macro_errors_have_file_and_line(mini: Path, line: str, expected: str) -> None:
    edit(mini / "docs/index.md", '{{ exercise_card("ball-squeeze", variant="compact") }}', line)
    assert problems() == [expected]


FRONT = "---\ndescription: A page written for this test, long enough to be a real description.\n---\n"


@pytest.mark.parametrize(
    "body",
    [
        '```\n{{ exercise_card("nope") }}\n[@nope]\n```\n',  # fenced code
        "~~~\n{{ nope() }}\n~~~\n",
        "    {{ nope() }}\n    [@nope]\n",  # indented code
        "Shown as `{{ nope() }}` and `[@nope]`.\n",  # code spans
    ],
)
def test_macros_and_citations_in_code_are_left_alone(mini: Path, body: str) -> None:
    (mini / "docs/index.md").write_text(FRONT + body, encoding="utf-8")
    assert problems() == []


def test_unknown_muscle_in_muscles_file_references(mini: Path) -> None:
    edit(mini / "data/muscles.yml", "references: [serner2014]", "references: [serner2015]")
    assert problems() == [
        "data/muscles.yml:1: adductor-longus.references: unknown citation key 'serner2015' (did you mean 'serner2014'?)"
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("  doi     = {10.1136/bjsports-2012-091746},\n", "",
         "data/references.bib:1: serner2014: expected a 'doi' or 'pmid' field so readers can check the source"),
        ("pmid    = {11292035}", "pmid    = {PMID11292035}",
         "data/references.bib:10: tyler2001.pmid: expected a PubMed id (digits only), got 'PMID11292035'"),
        ("doi     = {10.1136", "doi     = {doi:10.1136",
         "data/references.bib:1: serner2014.doi: expected a DOI like 10.1136/bjsm.2009.061762, got 'doi:10.1136/bjsports-2012-091746'"),
        ("@article{tyler2001,", "@article{serner2014,",
         "data/references.bib:10: serner2014: duplicate citation key (first used on line 1)"),
        ("  year    = {2001},\n", "", "data/references.bib:10: tyler2001.year: missing required field"),
    ],
)  # fmt: skip
def test_bibtex_problems(mini: Path, old: str, new: str, expected: str) -> None:
    edit(mini / "data/references.bib", old, new)
    assert problems() == [expected]


def test_malformed_bibtex_is_one_line(mini: Path) -> None:
    edit(mini / "data/references.bib", "  volume  = {48},", "  volume  = {48")
    assert problems() == ["data/references.bib:1: serner2014: the entry's braces do not match: a '}' is missing"]


def test_broken_muscles_file_does_not_cascade(mini: Path) -> None:
    edit(mini / "data/muscles.yml", "- id: gracilis", "- id gracilis")
    found = problems()
    assert len(found) == 1 and found[0].startswith("data/muscles.yml:")


def test_a_reference_nobody_cites_is_reported(mini: Path) -> None:
    edit(mini / "docs/index.md", "Text with a citation [@serner2014].", "Text.")
    edit(mini / "data/muscles.yml", "references: [serner2014]", "references: []")
    edit(mini / "docs/exercises/ball-squeeze.md", "[@serner2014]", "")
    edit(mini / "docs/exercises/ball-squeeze.md", "references: [serner2014]", "references: []")
    assert problems() == [
        "data/references.bib:1: serner2014: not cited anywhere on the site; cite it with [@key] or remove it"
    ]


LINK_HINT = "expected an http(s):// address or a relative link"


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<b>x</b>", "//evil.example/x", "https://x.org/a b"],
)
def test_link_fields_accept_only_http_or_relative(mini: Path, url: str) -> None:
    edit(mini / BALL, "reviewed:", f"links:\n  - title: Demo\n    url: {url!r}\nreviewed:")
    shown = url if len(url) <= 40 else url[:37] + "..."
    assert problems() == [f"{BALL}:35: links.0.url: {LINK_HINT}, got '{shown}'"]


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        ("../../../etc/passwd.png", "'../../../etc/passwd.png' points outside the docs folder (docs)"),
        ("../../docs_evil/x.png", "'../../docs_evil/x.png' points outside the docs folder (docs)"),
        ("missing.svg", f"no file at 'missing.svg' (relative to {BALL})"),
    ],
)
def test_images_must_stay_inside_docs(mini: Path, src: str, expected: str) -> None:
    (mini / "docs_evil").mkdir()
    (mini / "docs_evil/x.png").write_bytes(b"x")
    edit(mini / BALL, "reviewed:", f"image:\n  src: {src}\n  alt: A person lying down\nreviewed:")
    assert problems() == [f"{BALL}:34: image.src: {expected}"]


def test_image_must_be_a_relative_picture(mini: Path) -> None:
    edit(mini / BALL, "reviewed:", "image:\n  src: /etc/passwd\n  alt: x\nreviewed:")
    assert problems() == [
        f"{BALL}:34: image.src: expected a relative path to an .svg, .png, .jpg, .webp or .avif file in the docs "
        "folder, got '/etc/passwd'"
    ]


def test_control_character_in_front_matter_is_one_line(mini: Path) -> None:
    (mini / BALL).write_text("---\nid: ball-squeeze\nname: x\x08\n---\n", encoding="utf-8")
    assert problems()[0] == f"{BALL}:3: YAML syntax error: character 0x08 is not allowed"


def test_a_ladder_longer_than_the_recursion_limit_is_checked(mini: Path) -> None:
    import sys

    template = (mini / BALL).read_text(encoding="utf-8")
    count = sys.getrecursionlimit() + 200
    for index in range(count):
        text = template.replace("ball-squeeze", f"step-{index}").replace("progressions: [copenhagen]", "")
        regress = f"[step-{index - 1}]" if index else "[]"
        progress = f"[step-{index + 1}]" if index < count - 1 else "[step-0]"  # closes a loop at the top
        text = text.replace("regressions: []", f"regressions: {regress}\nprogressions: {progress}")
        (mini / f"docs/exercises/step-{index}.md").write_text(text, encoding="utf-8")
    (mini / BALL).unlink()
    (mini / "docs/exercises/copenhagen.md").unlink()
    (mini / "docs/index.md").write_text(FRONT + "# Home [@serner2014] [@tyler2001]\n", encoding="utf-8")
    found = problems()
    cycle = [p for p in found if "form a cycle" in p]
    assert len(cycle) == 1 and cycle[0].startswith("docs/exercises/step-0.md:")


def test_an_empty_exercise_file(mini: Path) -> None:
    (mini / BALL).write_text("", encoding="utf-8")
    assert problems() == [f"{BALL}:1: expected YAML front matter between '---' lines at the top of the file"]


def test_an_enormous_list_is_refused_not_rendered(mini: Path) -> None:
    steps = "\n".join(f"  - Step {n}." for n in range(5000))
    edit(mini / BALL, "steps:\n  - Lie on your back.\n  - Squeeze the ball.", f"steps:\n{steps}")
    assert problems() == [f"{BALL}:16: steps: expected at most 12 items, got 5000"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("  map:\n    front: M92 132 L96 138 L80 212 L72 202 Z\n", "",
         ["data/muscles.yml:1: adductor-longus.map: missing required field"]),
        ("    front: M92 132 L96 138 L80 212 L72 202 Z\n", "    deep: true\n",
         ["data/muscles.yml:9: adductor-longus.map: expected a region on at least one view: 'front' or 'medial'"]),
        ("front: M92 132", "frnt: M92 132",
         ["data/muscles.yml:9: adductor-longus.map: expected a region on at least one view: 'front' or 'medial'",
          "data/muscles.yml:10: adductor-longus.map.frnt: unknown field 'frnt' (did you mean 'front'?)"]),
        ("front: M92 132 L96 138 L80 212 L72 202 Z", 'front: "M92 132\\" onload=\\"alert(1)"',
         ["data/muscles.yml:10: adductor-longus.map.front: expected SVG path data starting with M, like "
          "'M10 20 L30 40 Z', got 'M92 132\" onload=\"alert(1)'"]),
    ],
)  # fmt: skip
def test_muscle_map_regions_are_checked(mini: Path, old: str, new: str, expected: list[str]) -> None:
    edit(mini / "data/muscles.yml", old, new)
    assert problems() == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('{{ muscle_map("gracilus") }}',
         "docs/index.md:8: {{ muscle_map(\"gracilus\") }}: muscle_map(): muscles: unknown muscle 'gracilus' "
         "(did you mean 'gracilis'?)"),
        ('{{ muscle_map("gracilis", helpers="adductor-long") }}',
         "docs/index.md:8: {{ muscle_map(\"gracilis\", helpers=\"adductor-long\") }}: muscle_map(): helpers: "
         "unknown muscle 'adductor-long' (did you mean 'adductor-longus'?)"),
        ('{{ muscle_map("") }}',
         "docs/index.md:8: {{ muscle_map(\"\") }}: muscle_map(): muscles: expected at least one muscle id, "
         "like 'gracilis'"),
    ],
)  # fmt: skip
def test_muscle_map_macro_errors(mini: Path, line: str, expected: str) -> None:
    edit(mini / "docs/index.md", '{{ exercise_card("ball-squeeze", variant="compact") }}', line)
    assert problems() == [expected]
