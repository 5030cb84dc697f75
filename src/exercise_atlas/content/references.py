"""References from one BibTeX file, so contributors can paste what doi.org, PubMed or Zotero export.

Each entry must carry a checkable identifier (DOI or PMID): the site's evidence standard is
that a reader can follow every citation to its source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pybtex.backends.plaintext import Backend as PlainTextBackend
from pybtex.database import BibliographyData, Entry, Person, parse_string
from pybtex.richtext import Text
from pybtex.scanner import PybtexError, PybtexSyntaxError

from ..errors import Problem
from .yamlsource import read_text

DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")
PMID_RE = re.compile(r"^\d{1,9}$")
YEAR_RE = re.compile(r"^\d{4}$")
_ENTRY_RE = re.compile(r"^[ \t]*@(\w+)[ \t]*\{[ \t]*([^,\s]+)[ \t]*,", re.MULTILINE)
MAX_AUTHORS = 6  # Vancouver style: list six, then "et al."


@dataclass(frozen=True)
class Reference:
    key: str
    authors: str
    title: str
    container: str
    year: str
    details: str
    doi: str
    pmid: str
    line: int
    edition: str = ""  # a book's: "4th"

    @property
    def doi_url(self) -> str:
        return f"https://doi.org/{self.doi}" if self.doi else ""

    @property
    def pmid_url(self) -> str:
        return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/" if self.pmid else ""

    @property
    def short(self) -> str:
        """``Serner et al. 2014``, for link titles."""
        if not self.authors:  # some sources (e.g. StatPearls chapters) are cited by title
            return f"{' '.join(self.title.split()[:4])}... {self.year}"
        first = self.authors.split(",")[0].rsplit(" ", 1)[0]
        many = "," in self.authors or "et al." in self.authors
        return f"{first}{' et al.' if many else ''} {self.year}"

    @property
    def sort_key(self) -> tuple[str, str, str]:
        return (self.authors.lower(), self.year, self.title.lower())


# One backend for all text: Text.render_as("text") looks the backend up through the package
# entry points on every call, which made loading 35 references take seconds.
_PLAIN_TEXT = PlainTextBackend()


# Text with none of these is the same in LaTeX and in plain text: most titles and names. Parsing
# it anyway cost a few milliseconds a reference, a tenth of a small site's build.
_LATEX_MARKUP = re.compile(r"[\\{}$~%&_^#]|--|``|''")


def _plain(latex: str) -> str:
    """BibTeX's LaTeX (braces, accents like {\\o}) as plain text."""
    if not _LATEX_MARKUP.search(latex):
        return " ".join(latex.split())
    return " ".join(Text.from_latex(latex).render(_PLAIN_TEXT).split())


def _initials(person: Person) -> str:
    names = person.first_names + person.middle_names
    return "".join(_plain(n)[:1] for n in names if _plain(n))


def _authors(persons: list[Person]) -> str:
    names = [p for p in persons if str(p) != "others"]
    truncated = len(names) > MAX_AUTHORS or len(names) < len(persons)
    shown = names[:3] if len(names) > MAX_AUTHORS else names
    text = ", ".join(f"{_plain(' '.join(p.prelast_names + p.last_names))} {_initials(p)}".strip() for p in shown)
    return f"{text}, et al." if truncated else text


def _details(fields: dict[str, str]) -> str:
    """``48(14):1108-1114``, or for a book its place and publisher (``Hoboken, NJ: Wiley``)."""
    volume, number, pages = (fields.get(k, "") for k in ("volume", "number", "pages"))
    text = volume + (f"({number})" if number else "") + (f":{pages.replace('--', '–')}" if pages else "")
    if not text and "publisher" in fields:
        text = ": ".join(_plain(fields[k]) for k in ("address", "publisher") if k in fields)
    return text


def _ordinal(edition: str) -> str:
    """'4' -> '4th', as Vancouver style writes an edition; words are kept as they are."""
    if not edition.isdigit():
        return _plain(edition)
    number = int(edition)
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def load_references(path: Path, shown: str) -> tuple[dict[str, Reference], list[Problem]]:
    """All references in ``path`` and every problem with them."""
    text, problems = read_text(path, shown)
    if text is None:
        return {}, problems
    lines = {m.group(2): text[: m.start()].count("\n") + 1 for m in _ENTRY_RE.finditer(text)}
    problems += _duplicate_keys(text, shown) + _unbalanced_entries(text, shown)
    if problems:
        return {}, problems
    try:
        data: BibliographyData = parse_string(text, "bibtex")
    except PybtexSyntaxError as exc:
        return {}, [Problem(shown, exc.lineno, "", f"BibTeX syntax error: {exc.error_type}")]
    except PybtexError as exc:
        return {}, [Problem(shown, None, "", f"BibTeX error: {exc}")]
    refs: dict[str, Reference] = {}
    for key, entry in data.entries.items():
        ref, entry_problems = _reference(key, entry, lines.get(key, 1), shown)
        problems += entry_problems
        if ref:
            refs[key] = ref
    return refs, problems


def _unbalanced_entries(text: str, shown: str) -> list[Problem]:
    """Name the entry whose braces do not match: BibTeX itself only notices at the end of the file."""
    starts = list(_ENTRY_RE.finditer(text))
    problems = []
    for index, match in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        body = text[match.start() : end]
        opened, closed = body.count("{") - body.count("\\{"), body.count("}") - body.count("\\}")
        if opened != closed:
            line = text[: match.start()].count("\n") + 1
            what = "a '}' is missing" if opened > closed else "there is one '}' too many"
            problems.append(Problem(shown, line, match.group(2), f"the entry's braces do not match: {what}"))
    return problems


def _duplicate_keys(text: str, shown: str) -> list[Problem]:
    seen: dict[str, int] = {}
    problems = []
    for match in _ENTRY_RE.finditer(text):
        key, line = match.group(2), text[: match.start()].count("\n") + 1
        if key in seen:
            problems.append(Problem(shown, line, key, f"duplicate citation key (first used on line {seen[key]})"))
        seen.setdefault(key, line)
    return problems


def _reference(key: str, entry: Entry, line: int, shown: str) -> tuple[Reference | None, list[Problem]]:
    fields = {k.lower(): v.strip() for k, v in entry.fields.items()}
    persons = entry.persons.get("author") or entry.persons.get("editor") or []
    problems = []
    for name in ("title", "year"):
        if not fields.get(name):
            problems.append(Problem(shown, line, f"{key}.{name}", "missing required field"))
    doi = fields.get("doi", "").removeprefix("https://doi.org/")
    pmid = fields.get("pmid", "")
    if not doi and not pmid:
        problems.append(Problem(shown, line, key, "expected a 'doi' or 'pmid' field so readers can check the source"))
    if doi and not DOI_RE.match(doi):
        problems.append(
            Problem(shown, line, f"{key}.doi", f"expected a DOI like 10.1136/bjsm.2009.061762, got '{doi}'")
        )
    if pmid and not PMID_RE.match(pmid):
        problems.append(Problem(shown, line, f"{key}.pmid", f"expected a PubMed id (digits only), got '{pmid}'"))
    if fields.get("year") and not YEAR_RE.match(fields["year"]):
        problems.append(Problem(shown, line, f"{key}.year", f"expected a four-digit year, got '{fields['year']}'"))
    if problems:
        return None, problems
    container = fields.get("journal") or fields.get("booktitle") or ""
    ref = Reference(
        key=key,
        authors=_authors(list(persons)),
        title=_plain(fields["title"]).rstrip("."),
        container=_plain(container),
        year=fields["year"],
        details=_details(fields),
        doi=doi,
        pmid=pmid,
        line=line,
        edition=_ordinal(fields.get("edition", "")),
    )
    return ref, []
