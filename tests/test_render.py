"""Markdown in, HTML out: cards, citations and escaping, as a reader's page gets them."""

import json
import re
from pathlib import Path

import pytest
from conftest import ROOT, edit, found, render
from markdown.util import AtomicString

from exercise_atlas.build.check import read_config, settings_from_config
from exercise_atlas.content.schemas import published_schemas, schema_json
from exercise_atlas.content.vocabulary import load_vocabulary
from exercise_atlas.errors import ContentError
from exercise_atlas.markup.renderer import TemplateFailedError, to_element, to_elements


def test_citations_are_numbered_in_order_and_listed_at_the_foot(mini: Path) -> None:
    html = render("First [@tyler2001]. Then [@serner2014; @tyler2001].")
    assert html.startswith(
        '<p>First <sup class="citation">[<a href="#ref-tyler2001" id="cite-tyler2001" title="Tyler et al. 2001">1</a>]</sup>. '
        'Then <sup class="citation">[<a href="#ref-serner2014" id="cite-serner2014" title="Serner et al. 2014">2</a>, '
        '<a href="#ref-tyler2001" title="Tyler et al. 2001">1</a>]</sup>.</p>\n<section class="references">\n<h2 data-search-exclude="references">References</h2>'
    )
    items = re.findall(r'<li data-key="\w+" id="ref-(\w+)"', html)
    assert items == ["tyler2001", "serner2014"]
    assert (
        "Serner A, Jakobsen MD, Andersen LL, Hölmich P, Sundstrup E, Thorborg K. "
        "EMG evaluation of hip adduction exercises for soccer players. <i>British Journal of Sports Medicine</i>. "
        "2014;48(14):1108&#8211;1114.\n doi: "
        '<a class="reference__doi" href="https://doi.org/10.1136/bjsports-2012-091746">10.1136/bjsports-2012-091746</a>.'
    ) in html
    assert 'PMID: <a class="reference__pmid" href="https://pubmed.ncbi.nlm.nih.gov/11292035/">11292035</a>.' in html
    assert "Tyler TF, et al. The association" in html  # no double full stop after "et al."


def test_a_book_is_listed_as_vancouver_style_lists_a_book(mini: Path) -> None:
    """No journal: no empty italics and no double full stop ('Movement. . 2009'); the edition,
    place and publisher come before the year."""
    book = (
        "\n@book{winter2009,\n  author = {Winter, David A.},\n"
        "  title = {Biomechanics and Motor Control of Human Movement},\n  edition = {4},\n"
        "  publisher = {John Wiley \\& Sons},\n  address = {Hoboken, NJ},\n  year = {2009},\n"
        "  doi = {10.1002/9780470549148},\n}\n"
    )
    with open(mini / "data/references.bib", "a", encoding="utf-8") as bib:
        bib.write(book)
    html = render("A book [@winter2009].")
    assert (
        "Winter DA. Biomechanics and Motor Control of Human Movement. 4th ed. "
        "Hoboken, NJ: John Wiley &amp; Sons; 2009.\n doi: "
    ) in html
    assert "<i></i>" not in html and ". ." not in html


def test_no_citations_no_reference_list(mini: Path) -> None:
    assert render("Plain text.") == "<p>Plain text.</p>"


def test_citations_in_code_stay_literal(mini: Path) -> None:
    assert render("`[@nobody]`") == "<p><code>[@nobody]</code></p>"


def test_unknown_citation_key_fails_with_a_hint(mini: Path) -> None:
    with pytest.raises(ContentError) as error:
        render("Text [@serner2015].")
    assert str(error.value) == "[@serner2015]: unknown citation key 'serner2015' (did you mean 'serner2014'?)"


def test_compact_card_contract(mini: Path) -> None:
    html = render('{{ exercise_card("ball-squeeze", variant="compact") }}')
    # Python-Markdown writes attributes in alphabetical order.
    assert html.startswith(
        '<article class="exercise-card exercise-card--compact" data-equipment="ball" data-evidence="emg" '
        'data-exercise="ball-squeeze" data-kind="strength" data-level="beginner" '
        'data-muscles="adductor-longus gracilis" data-primary-muscles="adductor-longus">'
    )
    assert '<h3 class="exercise-card__name"><a href="exercises/ball-squeeze.md">Ball squeeze</a></h3>' in html
    assert "How to do it" not in html and "references" not in html


def test_page_card_has_every_section_and_numbered_sources(mini: Path) -> None:
    html = render('{{ exercise_card("ball-squeeze", variant="page") }}')
    assert '<h1 class="exercise-card__name">Ball squeeze</h1>' in html
    headings = re.findall(r"<h2(?: data-search-exclude=\"references\")?>([^<]+)</h2>", html)
    assert headings == [
        "Muscles", "Dose", "How to do it", "Cues", "Common mistakes", "Easier and harder",
        "Why it matters for runners", "Safety", "Evidence", "References",
    ]  # fmt: skip
    assert 'href="exercises/copenhagen.md">Copenhagen adduction</a>' in html
    assert 'High activity <sup class="citation">[<a href="#ref-serner2014"' in html
    assert ('<li class="muscle-chip muscle-chip--primary" data-muscle="adductor-longus">Adductor longus') in html


def test_the_page_card_opens_with_the_pages_heading(mini: Path) -> None:
    html = render('{{ exercise_card("ball-squeeze", variant="page") }}\n\nMore text.')
    assert html.startswith(
        '<h1 class="exercise-card__name">Ball squeeze</h1>\n<article class="exercise-card exercise-card--page"'
    )
    assert html.count("<h1") == 1 and "<p>More text.</p>" in html


@pytest.mark.parametrize(
    ("html", "message"),
    [
        ("<p>a</p> loose <p>b</p>", "template produced text outside any element"),
        ("<p>a", "template did not produce well-formed HTML: "),
    ],
)
def test_a_template_that_is_not_elements_is_one_clear_problem(html: str, message: str) -> None:
    with pytest.raises(TemplateFailedError) as error:
        to_elements(html, "card.html")
    assert str(error.value.problem).startswith(f"card.html: {message}")


def test_a_template_meant_to_give_one_element_says_how_many_it_gave() -> None:
    with pytest.raises(TemplateFailedError) as error:
        to_element("<p>a</p>\n<p>b</p>", "references_list.html")
    assert str(error.value.problem) == "references_list.html: template produced 2 elements; expected one"


def test_a_template_may_give_several_elements_with_atomic_text() -> None:
    first, second = to_elements("<h1>A *b*</h1>\n<p>c</p>", "card.html")
    assert (first.tag, second.tag, first.tail) == ("h1", "p", None)
    assert isinstance(first.text, AtomicString)


@pytest.mark.parametrize(("variant", "name", "section"), [("page", 1, 2), ("full", 2, 3), ("compact", 3, None)])
def test_card_heading_levels_follow_the_variant(mini: Path, variant: str, name: int, section: int | None) -> None:
    html = render(f'{{{{ exercise_card("copenhagen", variant="{variant}") }}}}')
    assert re.findall(r'<h(\d) class="exercise-card__name">', html) == [str(name)]
    levels = set(re.findall(r"<h(\d)>", html.split('<section class="references">')[0]))
    assert levels == ({str(section)} if section else set())


@pytest.mark.parametrize(
    ("payload", "shown"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
        # Markdown marks the check lets through (it refuses **bold** or [a](link): test_one_pipeline.py)
        (
            "2 * 3 * 4, snake_case_words and [a] (javascript:alert(1))",
            "2 * 3 * 4, snake_case_words and [a] (javascript:alert(1))",
        ),
    ],
)
def test_contributor_text_is_escaped_never_run(mini: Path, payload: str, shown: str) -> None:
    edit(mini / "docs/exercises/ball-squeeze.md", "  - Breathe out.", f"  - {payload!r}")
    html = render('{{ exercise_card("ball-squeeze") }}')
    cue = found(r'<section class="exercise-card__section exercise-card__cues">.*?</section>', html, re.S).group(0)
    assert "<script" not in cue and "<img" not in cue and "<strong>" not in cue and 'href="javascript' not in cue
    assert f"<li>{shown}</li>" in cue


def test_macro_errors_fail_the_page(mini: Path) -> None:
    with pytest.raises(ContentError) as error:
        render('{{ exercise_card("nope") }}')
    assert str(error.value) == "{{ exercise_card(\"nope\") }}: exercise_card(): id: unknown exercise 'nope'"


def test_macro_inside_fenced_and_indented_code_is_literal(mini: Path) -> None:
    import markdown

    html = render('    {{ exercise_card("nope") }}')
    assert html == '<pre><code>{{ exercise_card("nope") }}\n</code></pre>'
    fenced = markdown.markdown(
        '```\n{{ exercise_card("nope") }}\n```',
        extensions=["fenced_code", "exercise_atlas"],
        extension_configs={"exercise_atlas": {"vocabulary_file": "data/vocabulary.yml"}},
    )
    assert fenced == "<pre><code>{{ exercise_card(&quot;nope&quot;) }}\n</code></pre>"


def test_macro_between_paragraph_lines_splits_the_block(mini: Path) -> None:
    html = render('Before.\n{{ exercise_card("ball-squeeze", variant="compact") }}\nAfter.')
    assert html.startswith("<p>Before.</p>\n<article") and html.endswith("<p>After.</p>")


def test_muscle_table_and_bibliography_and_library(mini: Path) -> None:
    table = render("{{ muscle_table() }}")
    assert '<tr data-muscle="adductor-longus">' in table and '<tr data-muscle="gracilis">' in table
    assert "Standard anatomy texts" in table  # gracilis has no references
    bibliography = render("{{ bibliography() }}")
    assert re.findall(r'<li data-key="\w+" id="bib-(\w+)"', bibliography) == ["serner2014", "tyler2001"]
    library = render("{{ exercise_library() }}")
    assert 'data-count="2"' in library
    assert re.findall(r'data-exercise="([\w-]+)"', library) == ["ball-squeeze", "copenhagen"]


def test_glossary_lists_the_abbreviation_file(mini: Path) -> None:
    assert render("{{ glossary() }}") == (
        '<dl class="glossary">\n<dt id="term-1">EMG</dt>\n'
        "<dd>Electromyography: recording a muscle's electrical activity</dd>\n</dl>"
    )


def test_site_templates_override_package_defaults(mini: Path) -> None:
    (mini / "overrides").mkdir()
    (mini / "overrides/glossary.html").write_text('<p class="mine">{{ terms | length }} term</p>')
    assert render("{{ glossary() }}", templates_dir="overrides") == '<p class="mine">1 term</p>'


def test_data_problems_fail_the_first_page_with_all_of_them(mini: Path) -> None:
    edit(mini / "docs/exercises/ball-squeeze.md", "level: beginner", "level: expert")
    edit(mini / "docs/exercises/copenhagen.md", "level: advanced", "level: hard")
    with pytest.raises(ContentError) as error:
        render("Anything.")
    assert len(error.value.problems) == 2


def test_unknown_option_is_rejected() -> None:
    import markdown

    with pytest.raises(KeyError) as error:
        markdown.markdown(
            "x", extensions=["exercise_atlas"], extension_configs={"exercise_atlas": {"exercise_dir": "x"}}
        )
    assert error.value.args[0] == (
        "exercise_atlas: unknown option 'exercise_dir' (did you mean 'exercises_dir'?); known: "
        "'docs_dir', 'exercises_dir', 'muscles_file', 'references_fil"
        "e', 'glossary_file', 'vocabulary_file', 'assets_dir', 'export_file', 'templates_dir', 'exercise_url', 'references_title', 'published_urls_file', 'charts_file', 'figure_processes'"
    )


@pytest.mark.parametrize("name", ["exercise.schema.json", "muscles.schema.json"])
def test_published_schema_files_match_the_code(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("SITE_URL", raising=False)
    vocabulary, problems = load_vocabulary(settings_from_config("mkdocs.yml").vocabulary_file)
    assert problems == []
    published = (ROOT / "schema" / name).read_text(encoding="utf-8")
    site_url = read_config("mkdocs.yml")["site_url"]
    assert site_url == "https://adductor-atlas.github.io/adductor-atlas/"  # the !ENV default, as MkDocs reads it
    expected = schema_json(published_schemas(vocabulary, site_url)[name])
    assert published == expected, "run `make generate` to regenerate schema/"
    assert json.loads(published)["$id"] == f"{site_url}schema/{name}"


def test_links_and_images_render_escaped_and_relative(mini: Path) -> None:
    (mini / "docs/img").mkdir()
    (mini / "docs/img/squeeze.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    edit(
        mini / "docs/exercises/ball-squeeze.md",
        "reviewed:",
        'links:\n  - title: A "demo" <video>\n    url: https://example.org/?a=1&b=2\n'
        "  - title: Anatomy\n    url: anatomy.md\n"
        "image:\n  src: ../img/squeeze.svg\n  alt: Lying & squeezing\nreviewed:",
    )
    html = render('{{ exercise_card("ball-squeeze") }}')
    assert (
        '<a href="https://example.org/?a=1&amp;b=2" rel="noopener">A "demo" &lt;video&gt;</a>; '
        '<a href="anatomy.md">Anatomy</a>'
    ) in html
    assert '<img alt="Lying &amp; squeezing" loading="lazy" src="img/squeeze.svg" />' in html


def test_plain_text_without_latex_markup_is_read_as_pybtex_would() -> None:
    """The shortcut for text with no LaTeX in it gives exactly what parsing it would."""
    from pybtex.database import parse_file
    from pybtex.richtext import Text

    from exercise_atlas.content.references import _PLAIN_TEXT, _plain

    texts = ["Hölmich P", "A  tab\tand\nnewline", "Pages 10--12", "{\\o}rsted", "Ł ó", "x ~ y", "``quoted''"]
    for entry in parse_file(str(ROOT / "data/references.bib")).entries.values():
        texts += [str(value) for value in entry.fields.values()]
        texts += [str(person) for people in entry.persons.values() for person in people]
    for text in texts:
        assert _plain(text) == " ".join(Text.from_latex(text).render(_PLAIN_TEXT).split()), text
