"""The text patterns of the data files, and the words a contributor reads when one does not match
(a regular expression is never shown). The schemas and the validator both read them here."""

from __future__ import annotations

# SVG path data: only path commands and numbers, so no markup can hide in it.
SVG_PATH = r"^[Mm][0-9MmLlHhVvCcSsQqTtAaZz ,.eE+-]*$"
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
KEY_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_:.-]*$"
# Plain text: anything printable. Control characters would corrupt the page.
TEXT_PATTERN = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"
# A link: an http(s) address, or a relative link with no scheme (so never javascript: or data:)
# and not protocol-relative (//host), which would leave the site.
URL_PATTERN = r"^(https?://[^\s<>\"']+|(?![A-Za-z][A-Za-z0-9+.-]*:)(?!//)[^\s<>\"']+)$"
# An image inside the docs folder, relative to the exercise file.
IMAGE_PATTERN = r"^(?![A-Za-z][A-Za-z0-9+.-]*:)(?![/\\])[^\s<>\"']+\.(svg|png|jpe?g|webp|avif)$"
SVG_PATH_PATTERN = SVG_PATH  # only path commands and numbers: no markup can hide in it
# A figure's position names and words (figures/figure_schema.py) and a prop's id.
WORD_PATTERN = r"^[a-z]+$"
PROP_ID_PATTERN = r"^[a-z][a-z0-9-]*$"

# Hints shown instead of a raw regular expression when a pattern does not match.
PATTERN_HINTS = {
    ID_PATTERN: "lower-case words joined by hyphens, like 'copenhagen-plank'",
    KEY_PATTERN: "a citation key from the BibTeX file, like 'serner2014'",
    TEXT_PATTERN: "plain text without control characters",
    URL_PATTERN: "an http(s):// address or a relative link",
    IMAGE_PATTERN: "a relative path to an .svg, .png, .jpg, .webp or .avif file in the docs folder",
    SVG_PATH_PATTERN: "SVG path data starting with M, like 'M10 20 L30 40 Z'",
    WORD_PATTERN: "one word in small letters only (no capitals, digits, spaces or hyphens), like 'start'",
    PROP_ID_PATTERN: "a name in small letters, digits and hyphens, starting with a letter, like 'bench-2'",
}
